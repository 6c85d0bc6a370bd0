"""What a coach says, as one interface: a Phrasebook per language (guide/script/languages/).

Every method is one kind of cue. A routine's own words (title, names, instructions) are
passed in and spoken as written; everything else comes from the language's phrasebook.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from ..routine import Sides


def sentence(text: str) -> str:
    """Capitalised, ending in a full stop unless it already ends a sentence."""
    return text[0].upper() + text[1:] + ("" if text[-1] in ".!?" else ".")


def bare(name: str) -> str:
    """A routine's name without its closing punctuation, to be set inside a cue."""
    return name.rstrip(".!?:")


@dataclass(frozen=True)
class Phrasebook(ABC):
    """Every cue a guide speaks, in one language. `code` is the language (BCP 47: "en", "pt-BR")."""

    code: str
    name: str  # the language's name in English, for people choosing one
    right: str  # said before a hold on the right side ("Right, hold.")
    left: str

    @property
    def english(self) -> bool:
        return self.code == "en"

    @abstractmethod
    def number(self, n: int) -> str:
        """How `n` is said when counting ("one", "uno", "eins")."""

    @abstractmethod
    def welcome(self, title: str, minutes: int, exercises: int) -> str: ...

    @abstractmethod
    def opening_chapter(self) -> str: ...

    @abstractmethod
    def exercise(self, number: int, total: int, name: str) -> str: ...

    @abstractmethod
    def dose_summary(
        self, sets: int, reps: int | None, hold: float | None, sides: Sides, rest: float, timed: bool
    ) -> str: ...

    @abstractmethod
    def get_into_position(self) -> str: ...

    @abstractmethod
    def first_side(self, alternate: bool) -> str: ...

    @abstractmethod
    def switch_sides(self) -> str: ...

    @abstractmethod
    def set_number(self, number: int, total: int) -> str: ...

    @abstractmethod
    def round_number(self, number: int, total: int) -> str: ...

    @abstractmethod
    def round_chapter(self, name: str, number: int, total: int) -> str:
        """A chapter title for one exercise in one round of a circuit."""

    @abstractmethod
    def block_intro(
        self, name: str | None, rounds: int, exercises: int, rest: float | None, every: float | None
    ) -> str: ...

    def exercise_again(self, name: str) -> str:
        return sentence(bare(name))

    @abstractmethod
    def count(self, number: int) -> str: ...

    @abstractmethod
    def hold(self, timed: bool, after_countdown: bool = False) -> str: ...

    @abstractmethod
    def rep_hold(self, number: int, side: str | None) -> str: ...

    @abstractmethod
    def halfway(self) -> str: ...

    @abstractmethod
    def ten_seconds_left(self) -> str: ...

    @abstractmethod
    def countdown(self) -> str: ...

    @abstractmethod
    def countdown_into(self, counted_reps: bool) -> str:
        """Before work that follows a long rest; counted reps hear "go" before their first count."""

    @abstractmethod
    def stop_and_rest(self) -> str: ...

    @abstractmethod
    def release(self, timed: bool) -> str: ...

    @abstractmethod
    def rest(self) -> str: ...

    @abstractmethod
    def next_up(self, name: str) -> str: ...

    @abstractmethod
    def closing(self) -> str: ...


CUE_METHODS = tuple(sorted(Phrasebook.__abstractmethods__ | {"exercise_again"}))
