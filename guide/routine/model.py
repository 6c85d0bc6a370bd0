"""The routine model: what a routine prescribes, and where each value came from."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T", covariant=True)  # a Sourced[int] is a Sourced[int | None]
U = TypeVar("U")


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

    def with_value(self, value: U) -> Sourced[U]:
        """The same provenance for another value (a range picked, a pace default filled in)."""
        return Sourced(value, self.origin, self.words, self.line)

    def describe(self) -> str:
        if self.origin is Origin.EXPLICIT:
            return f'set by "{self.words}"' if self.words else "set explicitly"
        if self.origin is Origin.INFERRED:
            return f'from "{self.words}"'
        # e.g. "rest" said without a time: the pace times it
        return f'{self.origin.value} (said "{self.words}")' if self.words else self.origin.value


# The dose fields, in the order plan shows them. Each is a Sourced value on Dose.
DOSE_FIELDS = (
    "sides",
    "sets",
    "reps",
    "hold_seconds",
    "work_seconds",
    "rest_seconds",
    "rep_seconds",
    "setup_seconds",
    "after_seconds",
)


@dataclass(frozen=True)
class Dose:
    """How an exercise is performed. Unset timings are filled in by the pace."""

    sides: Sourced[Sides]
    sets: Sourced[Amount]
    reps: Sourced[Amount | None]
    hold_seconds: Sourced[Amount | None]  # a static hold: "And hold." ... "And release."
    work_seconds: Sourced[Amount | None]  # timed work: "Start now." ... "Stop there."
    rest_seconds: Sourced[Amount | None]  # between sets
    rep_seconds: Sourced[Amount | None]
    setup_seconds: Sourced[Amount | None]
    after_seconds: Sourced[Amount | None]  # rest after this exercise, before the next in its round

    @property
    def prescribes_anything(self) -> bool:
        """Says what to do: reps, a hold, timed work, or a number of sets."""
        return (
            self.reps.value is not None
            or self.hold_seconds.value is not None
            or self.work_seconds.value is not None
            or self.sets.origin is not Origin.DEFAULT
        )

    @property
    def timed_work(self) -> bool:
        return self.work_seconds.value is not None

    @property
    def timed(self) -> Sourced[Amount | None]:
        """The hold or the timed work, whichever this exercise has."""
        return self.work_seconds if self.timed_work else self.hold_seconds


@dataclass(frozen=True)
class Exercise:
    name: str
    instructions: tuple[str, ...]  # sentences, read aloud in order
    dose: Dose
    line: int  # where its heading is
    # What the routine says about it besides the dose (`equipment:`, `muscles:`): plan shows it, nobody says it.
    equipment: str | None = None
    muscles: str | None = None


@dataclass(frozen=True)
class Block:
    """Exercises done in order, `rounds` times: a circuit, a Tabata, an EMOM, or (the common
    case) one exercise done once. A one-exercise, one-round block has no name."""

    name: str | None
    exercises: tuple[Exercise, ...]
    rounds: Sourced[Amount]
    rest_seconds: Sourced[Amount | None]  # between rounds
    every_seconds: Sourced[Amount | None]  # EMOM: each exercise starts on this interval
    line: int
    intro: tuple[str, ...] = ()  # sentences read when the block starts

    @staticmethod
    def single(exercise: Exercise) -> Block:
        once: Sourced[Amount] = Sourced(Amount.exactly(1), Origin.DEFAULT)
        return Block(
            None, (exercise,), once, Sourced(None, Origin.DEFAULT), Sourced(None, Origin.DEFAULT), exercise.line
        )

    @property
    def is_plain(self) -> bool:
        """One exercise done once: read exactly as a routine without blocks."""
        return len(self.exercises) == 1 and self.rounds.value.high <= 1 and self.every_seconds.value is None


@dataclass(frozen=True)
class Skipped:
    heading: str
    reason: str
    line: int


@dataclass(frozen=True)
class Routine:
    title: str
    intro: tuple[str, ...]  # sentences read after the title (Markdown routines only)
    blocks: tuple[Block, ...]
    source: str
    skipped: tuple[Skipped, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())  # where the reader was unsure; plan shows them
    reading: str = ""  # how an article's layout was read ("numbered list", ...); "" for Markdown

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        return tuple(exercise for block in self.blocks for exercise in block.exercises)
