"""The routine model: what a routine prescribes, and where each value came from."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T", covariant=True)  # a Sourced[int] is a Sourced[int | None]


class Sides(StrEnum):
    ONE = "one"  # no sides (or both at once)
    EACH = "each"  # all sets on the right, then all on the left
    ALTERNATE = "alternate"  # right, left, right, left within a set


class Origin(StrEnum):
    EXPLICIT = "explicit"  # a `key: value` line
    INFERRED = "inferred"  # read from the prose
    DEFAULT = "default"  # nothing said; guide's default
    PACE = "pace"  # nothing said; the chosen pace decides


class RangeChoice(StrEnum):
    LOW = "low"
    MID = "mid"
    HIGH = "high"


@dataclass(frozen=True)
class Amount:
    """A number or a range of numbers as written ("15", "4-5", "3 to 5 seconds")."""

    low: float
    high: float

    @staticmethod
    def exactly(value: float) -> Amount:
        return Amount(value, value)

    @property
    def is_range(self) -> bool:
        return self.high != self.low

    def pick(self, choice: RangeChoice) -> float:
        if choice is RangeChoice.LOW:
            return self.low
        if choice is RangeChoice.HIGH:
            return self.high
        return (self.low + self.high) / 2

    def pick_count(self, choice: RangeChoice) -> int:
        # Half-up rounding: the middle of "4-5 sets" is 5, not Python's banker's 4.
        return math.floor(self.pick(choice) + 0.5)

    def __str__(self) -> str:
        def fmt(x: float) -> str:
            return f"{x:g}"

        return fmt(self.low) if not self.is_range else f"{fmt(self.low)}-{fmt(self.high)}"


@dataclass(frozen=True)
class Sourced(Generic[T]):
    """A dose value plus where it came from, so `plan` can show its reasoning."""

    value: T
    origin: Origin
    words: str = ""  # the text it was read from: a key line or a phrase of prose
    line: int | None = None

    def describe(self) -> str:
        if self.origin is Origin.EXPLICIT:
            return f'set by "{self.words}"' if self.words else "set explicitly"
        if self.origin is Origin.INFERRED:
            return f'from "{self.words}"'
        # e.g. "rest" said without a time: the pace times it
        return f'{self.origin.value} (said "{self.words}")' if self.words else self.origin.value


@dataclass(frozen=True)
class Dose:
    """How an exercise is performed. Unset timings are filled in by the pace."""

    sides: Sourced[Sides]
    sets: Sourced[Amount]
    reps: Sourced[Amount | None]
    hold_seconds: Sourced[Amount | None]
    rest_seconds: Sourced[Amount | None]
    rep_seconds: Sourced[Amount | None]
    setup_seconds: Sourced[Amount | None]
    # "Hold" for stretches; timed work ("march for one minute") is started and stopped instead.
    timed_work: bool = False

    @property
    def prescribes_anything(self) -> bool:
        return (
            self.reps.value is not None
            or self.hold_seconds.value is not None
            or self.sets.origin is not Origin.DEFAULT
        )


@dataclass(frozen=True)
class Exercise:
    name: str
    instructions: tuple[str, ...]  # sentences, read aloud in order
    dose: Dose
    line: int  # where its heading is


@dataclass(frozen=True)
class Skipped:
    heading: str
    reason: str
    line: int


@dataclass(frozen=True)
class Routine:
    title: str
    intro: tuple[str, ...]  # sentences read after the title (Markdown routines only)
    exercises: tuple[Exercise, ...]
    source: str
    skipped: tuple[Skipped, ...] = field(default=())
