"""The script: cues on one timeline, grouped into chapters. Seconds are floats from 0."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..routine import Origin, RangeChoice, Sides, Sourced
from .pace import Pace


class CueKind(StrEnum):
    WELCOME = "welcome"
    INTRO = "intro"
    EXERCISE = "exercise"
    INSTRUCTION = "instruction"
    DOSE = "dose"
    SIDE = "side"
    SETUP = "setup"
    SET = "set"
    ROUND = "round"
    REP = "rep"
    HOLD = "hold"
    WORK = "work"
    HOLD_PROGRESS = "hold_progress"
    COUNTDOWN = "countdown"
    RELEASE = "release"
    REST = "rest"
    SWITCH = "switch"
    NEXT = "next"
    CLOSING = "closing"


@dataclass(frozen=True)
class Cue:
    text: str
    start: float  # where its sound starts
    duration: float  # how long its sound lasts
    kind: CueKind
    chapter: int  # index into Script.chapters

    @property
    def end(self) -> float:
        return self.start + self.duration


@dataclass(frozen=True)
class Chapter:
    title: str
    start: float
    end: float


@dataclass(frozen=True)
class ResolvedDose:
    """A dose with ranges picked and pace defaults filled in; origins kept for `plan`."""

    sides: Sourced[Sides]
    sets: Sourced[int]
    reps: Sourced[int | None]
    hold_seconds: Sourced[float | None]
    work_seconds: Sourced[float | None]
    rest_seconds: Sourced[float]
    rep_seconds: Sourced[float]
    setup_seconds: Sourced[float]
    after_seconds: Sourced[float | None]
    switch_seconds: float

    @property
    def timed_work(self) -> bool:
        return self.work_seconds.value is not None

    @property
    def timed_seconds(self) -> float | None:
        """The hold's or the timed work's length, whichever this exercise has."""
        return self.work_seconds.value if self.timed_work else self.hold_seconds.value

    @property
    def side_count(self) -> int:
        return 1 if self.sides.value is Sides.ONE else 2

    @property
    def total_reps(self) -> int:
        reps = self.reps.value
        return 0 if reps is None else reps * self.sets.value * self.side_count

    @property
    def total_hold_seconds(self) -> float:
        hold = self.timed_seconds
        if hold is None:
            return 0.0
        return hold * (self.reps.value or 1) * self.sets.value * self.side_count


@dataclass(frozen=True)
class ExercisePlan:
    """One exercise as laid out: its first start, and its time summed over all rounds
    (each round's time in `round_durations`). Its chapters, so rests after it are its own."""

    name: str
    dose: ResolvedDose
    start: float
    duration: float
    block: str | None = None  # its block's name; None for a one-exercise block
    rounds: int = 1
    equipment: str | None = None  # as the routine says it; shown, never spoken
    muscles: str | None = None
    round_durations: tuple[float, ...] = ()

    @property
    def total_reps(self) -> int:
        return self.dose.total_reps * self.rounds

    @property
    def total_hold_seconds(self) -> float:
        return self.dose.total_hold_seconds * self.rounds


@dataclass(frozen=True)
class BlockPlan:
    name: str | None
    rounds: int
    rest_seconds: float | None  # between rounds
    every_seconds: float | None
    exercises: tuple[str, ...]
    first_exercise: int = 0  # index of its first exercise in Script.exercises
    start: float = 0.0  # its introduction's first word
    duration: float = 0.0  # every round, and the rests between them


class Verbosity(StrEnum):
    FULL = "full"  # instructions are read the first time an exercise comes up
    BRIEF = "brief"  # for people who know the routine: names and doses, no instructions


@dataclass(frozen=True)
class ScriptOptions:
    pace: Pace
    ranges: RangeChoice = RangeChoice.LOW
    verbosity: Verbosity = Verbosity.FULL


@dataclass(frozen=True)
class Script:
    title: str
    cues: tuple[Cue, ...]
    chapters: tuple[Chapter, ...]
    exercises: tuple[ExercisePlan, ...]
    duration: float
    warnings: tuple[str, ...]
    blocks: tuple[BlockPlan, ...] = ()
    language: str = "en"  # the phrasebook's language code

    @property
    def english(self) -> bool:
        return self.language == "en"

    @property
    def phrases(self) -> tuple[str, ...]:
        """Each distinct text once, in order of first use."""
        return tuple(dict.fromkeys(cue.text for cue in self.cues))


__all__ = [
    "BlockPlan",
    "Chapter",
    "Cue",
    "CueKind",
    "ExercisePlan",
    "Origin",
    "ResolvedDose",
    "Script",
    "ScriptOptions",
    "Verbosity",
]
