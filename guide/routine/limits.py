"""Bounds that keep a typo ("reps: 100000", "hold: 10 h") from hanging a build or filling a disk."""

from __future__ import annotations

from ..errors import RoutineError
from .model import Amount, Block, Exercise, Sourced

MAX_REPS = 500
MAX_SETS = 20
MAX_HOLD_SECONDS = 30 * 60.0
MAX_REST_SECONDS = 10 * 60.0
MAX_SETUP_SECONDS = 5 * 60.0
MIN_REP_SECONDS, MAX_REP_SECONDS = 0.5, 30.0
MAX_GUIDE_SECONDS = 4 * 3600.0
MAX_ROUTINE_BYTES = 1_000_000
MAX_ROUNDS = 50
MIN_EVERY_SECONDS, MAX_EVERY_SECONDS = 5.0, 30 * 60.0

# A hold is announced ("Hold." ... "And release."): the voice needs about half a second to
# say "Hold", so a shorter hold cannot be coached as one; a second is the least that can.
MIN_HOLD_SECONDS = 1.0

_BOUNDS: dict[str, tuple[float, float, str]] = {
    "reps": (1, MAX_REPS, "reps per set"),
    "sets": (1, MAX_SETS, "sets"),
    "hold_seconds": (MIN_HOLD_SECONDS, MAX_HOLD_SECONDS, "seconds of hold"),
    "work_seconds": (1, MAX_HOLD_SECONDS, "seconds of work"),
    "after_seconds": (0, MAX_REST_SECONDS, "seconds of rest after it"),
    "rest_seconds": (0, MAX_REST_SECONDS, "seconds of rest"),
    "setup_seconds": (0, MAX_SETUP_SECONDS, "seconds of setup"),
    "rep_seconds": (MIN_REP_SECONDS, MAX_REP_SECONDS, "seconds per rep"),
}


def check_exercise(exercise: Exercise, source: str) -> None:
    """Raise a RoutineError naming the line of the first value out of bounds."""
    dose = exercise.dose
    for field, (low, high, unit) in _BOUNDS.items():
        sourced: Sourced[Amount | None] = getattr(dose, field)
        amount = sourced.value
        if amount is None:
            continue
        line = sourced.line or exercise.line
        for value in (amount.low, amount.high):
            if not low <= value <= high:
                said = f' ("{_shorten(sourced.words)}")' if sourced.words else ""
                fix = "write a value inside that range"
                if field == "hold_seconds" and value < low:
                    fix = "a voice cannot say 'Hold' and 'And release' in less; for quick pauses use reps and 'tempo:'"
                raise RoutineError(
                    source, line, f"{exercise.name}: {_number(value)} {unit}{said} is outside {low:g}-{high:g}", fix
                )
    if dose.hold_seconds.value is not None and dose.work_seconds.value is not None:
        raise RoutineError(
            source,
            dose.work_seconds.line or exercise.line,
            f"{exercise.name}: a hold and timed work are two ways to time the same thing",
            "keep either 'hold:' (a still position) or 'work:' (moving for a time)",
        )
    if dose.reps.value is None and dose.hold_seconds.value is None and dose.work_seconds.value is None:
        raise RoutineError(
            source,
            dose.sets.line or exercise.line,
            f"{exercise.name}: sets without reps, a hold or timed work say nothing to do in each set",
            "add a 'reps:', 'hold:' or 'work:' line",
        )
    if dose.reps.value is not None and dose.work_seconds.value is not None:
        raise RoutineError(
            source,
            dose.work_seconds.line or exercise.line,
            f"{exercise.name}: timed work is done for a time, not for a number of reps",
            "keep either 'reps:' or 'work:'",
        )
    if dose.rep_seconds.value is not None and dose.reps.value is None:
        raise RoutineError(
            source,
            dose.rep_seconds.line or exercise.line,
            f"{exercise.name}: a tempo only applies to reps, and this exercise has none",
            "add a 'reps:' line or remove 'tempo:'",
        )


def _number(value: float) -> str:
    """A value for a message, even one with hundreds of digits (which `:g` cannot format)."""
    try:
        shown = f"{value:g}"
    except OverflowError:
        return "a number far too large"
    return "a number far too large" if shown in ("inf", "-inf", "nan") else shown


def _shorten(words: str, limit: int = 40) -> str:
    return words if len(words) <= limit else words[: limit - 1] + "…"


def check_block(block: Block, source: str) -> None:
    """Raise a RoutineError naming the line of a block value out of bounds."""
    bounds = (
        (block.rounds, 1, MAX_ROUNDS, "rounds"),
        (block.rest_seconds, 0, MAX_REST_SECONDS, "seconds of rest between rounds"),
        (block.every_seconds, MIN_EVERY_SECONDS, MAX_EVERY_SECONDS, "seconds an interval"),
    )
    name = block.name or block.exercises[0].name
    for sourced, low, high, unit in bounds:
        amount = sourced.value
        if amount is None:
            continue
        for value in (amount.low, amount.high):
            if not low <= value <= high:
                said = f' ("{_shorten(sourced.words)}")' if sourced.words else ""
                raise RoutineError(source, sourced.line or block.line,
                                   f"{name}: {_number(value)} {unit}{said} is outside {low:g}-{high:g}",
                                   "write a value inside that range")  # fmt: skip
