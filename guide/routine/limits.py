"""Bounds that keep a typo ("reps: 100000", "hold: 10 h") from hanging a build or filling a disk."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..errors import RoutineError
from .model import Amount, Block, Exercise, Origin, Routine, Skipped, Sourced

MAX_REPS = 500
MAX_SETS = 20
MAX_HOLD_SECONDS = 30 * 60.0
MAX_REST_SECONDS = 10 * 60.0
MAX_SETUP_SECONDS = 5 * 60.0
MIN_REP_SECONDS, MAX_REP_SECONDS = 0.5, 30.0
MAX_GUIDE_SECONDS = 4 * 3600.0
MAX_ROUTINE_BYTES = 1_000_000
MAX_ROUNDS = 50
MAX_NAME_CHARS = 120  # a title or exercise name is said aloud: longer is a paragraph, not a name
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
    reps, hold, work = dose.reps.value, dose.hold_seconds.value, dose.work_seconds.value
    # (impossible when, the line to blame, what is wrong, how to fix it)
    conflicts = (
        (
            hold is not None and work is not None,
            dose.work_seconds.line,
            "a hold and timed work are two ways to time the same thing",
            "keep either 'hold:' (a still position) or 'work:' (moving for a time)",
        ),
        (
            reps is None and hold is None and work is None,
            dose.sets.line,
            "sets without reps, a hold or timed work say nothing to do in each set",
            "add a 'reps:', 'hold:' or 'work:' line",
        ),
        (
            reps is not None and work is not None,
            dose.work_seconds.line,
            "timed work is done for a time, not for a number of reps",
            "keep either 'reps:' or 'work:'",
        ),
        (
            dose.rep_seconds.value is not None and reps is None,
            dose.rep_seconds.line,
            "a tempo only applies to reps, and this exercise has none",
            "add a 'reps:' line or remove 'tempo:'",
        ),
    )
    for impossible, blamed, problem, fix in conflicts:
        if impossible:
            raise RoutineError(source, blamed or exercise.line, f"{exercise.name}: {problem}", fix)


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
                raise RoutineError(
                    source,
                    sourced.line or block.line,
                    f"{name}: {_number(value)} {unit}{said} is outside {low:g}-{high:g}",
                    "write a value inside that range",
                )


def _outside(sourced: Sourced[Amount | None], low: float, high: float) -> float | None:
    """The first value of `sourced` outside low-high, if any."""
    amount = sourced.value
    if amount is None:
        return None
    return next((value for value in (amount.low, amount.high) if not low <= value <= high), None)


def _dropped_note(
    name: str, sourced: Sourced[Amount | None], value: float, unit: str, line: int, low: float, high: float
) -> str:
    said = f' ("{_shorten(sourced.words)}")' if sourced.words else ""
    return f"line {sourced.line or line}: {name}: {_number(value)} {unit}{said} is outside {low:g}-{high:g}; ignored"


def _tame_exercise(exercise: Exercise, notes: list[str]) -> Exercise:
    changes: dict[str, Any] = {}  # any: each dose field has its own Sourced type
    for field, (low, high, unit) in _BOUNDS.items():
        sourced: Sourced[Amount | None] = getattr(exercise.dose, field)
        value = _outside(sourced, low, high)
        if value is not None and sourced.origin is Origin.INFERRED:
            notes.append(_dropped_note(exercise.name, sourced, value, unit, exercise.line, low, high))
            changes[field] = Sourced(Amount.exactly(1) if field == "sets" else None, Origin.DEFAULT)
    return replace(exercise, dose=replace(exercise.dose, **changes)) if changes else exercise


def _tame_block(block: Block, notes: list[str]) -> Block:
    name = block.name or block.exercises[0].name
    bounds = (
        ("rounds", 1, MAX_ROUNDS, "rounds", Amount.exactly(1)),
        ("rest_seconds", 0, MAX_REST_SECONDS, "seconds of rest between rounds", None),
        ("every_seconds", MIN_EVERY_SECONDS, MAX_EVERY_SECONDS, "seconds an interval", None),
    )
    changes: dict[str, Any] = {}
    for field, low, high, unit, unsaid in bounds:
        sourced: Sourced[Amount | None] = getattr(block, field)
        value = _outside(sourced, low, high)
        if value is not None and sourced.origin is Origin.INFERRED:
            notes.append(_dropped_note(name, sourced, value, unit, block.line, low, high))
            changes[field] = Sourced(unsaid, Origin.DEFAULT)
    return replace(block, **changes) if changes else block


def drop_inferred_out_of_bounds(routine: Routine) -> Routine:
    """A value read from prose that is out of bounds is a misreading, not the author's intent: drop that
    one finding with a note naming the line, and keep the rest of the routine. An exercise left with
    nothing to do is skipped. (Explicit keys out of bounds stay errors: the author wrote them.)"""
    notes: list[str] = []
    skipped = list(routine.skipped)
    blocks: list[Block] = []
    for block in routine.blocks:
        kept = []
        for exercise in block.exercises:
            tamed = _tame_exercise(exercise, notes)
            if tamed.dose.prescribes_anything and not _nothing_to_do(tamed):
                kept.append(tamed)
            else:
                skipped.append(Skipped(exercise.name, "its dose was out of bounds", exercise.line))
        if kept:
            blocks.append(_tame_block(replace(block, exercises=tuple(kept)), notes))
    if not notes:
        return routine
    return replace(
        routine,
        blocks=tuple(blocks),
        skipped=tuple(sorted(skipped, key=lambda s: s.line)),
        notes=routine.notes + tuple(notes),
    )


def _nothing_to_do(exercise: Exercise) -> bool:
    dose = exercise.dose
    return dose.reps.value is None and dose.hold_seconds.value is None and dose.work_seconds.value is None


def _short_name(name: str) -> str:
    """`name` cut at a word boundary to at most MAX_NAME_CHARS."""
    cut = name[: MAX_NAME_CHARS + 1]
    if len(cut) > MAX_NAME_CHARS:
        cut = cut[: cut.rfind(" ")] if " " in cut[MAX_NAME_CHARS // 2 :] else cut[:MAX_NAME_CHARS]
    return cut.rstrip(" ,;:-")


def shorten_names(routine: Routine) -> Routine:
    """A title or exercise name too long to be said as a name is shortened, with a note (plan
    shows it): the build goes on, and the MP3's name, tags and welcome stay sensible."""
    notes: list[str] = []

    def short(name: str, what: str, line: int | None) -> str:
        if len(name) <= MAX_NAME_CHARS:
            return name
        where = f"line {line}: " if line else ""
        notes.append(f"{where}the {what} is {len(name):,} characters long; shortened to {MAX_NAME_CHARS} or fewer")
        return _short_name(name)

    title = short(routine.title, "title", None)
    blocks = tuple(
        replace(
            block,
            name=short(block.name, "block name", block.line) if block.name else block.name,
            exercises=tuple(
                replace(exercise, name=short(exercise.name, "exercise name", exercise.line))
                for exercise in block.exercises
            ),
        )
        for block in routine.blocks
    )
    if not notes:
        return routine
    return replace(routine, title=title, blocks=blocks, notes=routine.notes + tuple(notes))
