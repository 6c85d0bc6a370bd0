"""What guide tells people, as text or JSON: the plan of a routine and the summary of a build.

Callable without the CLI: `plan_json` is the plan's JSON contract (docs/contracts.md#plan-json).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .routine import DOSE_FIELDS, Routine
from .routine.infer import SECONDS_PER_BREATH
from .script import BlockPlan, ExercisePlan, Script

if TYPE_CHECKING:
    from .build import BuildResult

_SHOWN = (
    ("sides", "sides"),
    ("sets", "sets"),
    ("reps", "reps"),
    ("hold", "hold_seconds"),
    ("work", "work_seconds"),
    ("rest", "rest_seconds"),
    ("tempo", "rep_seconds"),
    ("after", "after_seconds"),
)


def clock(seconds: float) -> str:
    """m:ss, or h:mm:ss from an hour on."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


ENGLISH_ONLY = "doses are read from English prose only; in other languages give them as keys (reps:, hold:, sets:)"


def plan_json(routine: Routine, script: Script) -> dict[str, Any]:
    """The plan as one JSON object (docs/contracts.md#plan-json)."""
    exercises = []
    for item in script.exercises:
        dose = item.dose
        exercises.append(
            {
                "name": item.name,
                "sides": dose.sides.value.value,
                "sets": dose.sets.value,
                "reps": dose.reps.value,
                "hold_seconds": dose.hold_seconds.value,
                "work_seconds": dose.work_seconds.value,
                "rest_seconds": dose.rest_seconds.value,
                "rep_seconds": dose.rep_seconds.value,
                "after_seconds": dose.after_seconds.value,
                "block": item.block,
                "rounds": item.rounds,
                "total_reps": item.total_reps,
                "total_hold_seconds": item.total_hold_seconds,
                "start_seconds": round(item.start, 2),  # of its first round
                "duration_seconds": round(item.duration, 2),  # all its rounds
                "round_seconds": [round(length, 2) for length in item.round_durations],
                "equipment": item.equipment,
                "muscles": item.muscles,
                "sources": {field: getattr(dose, field).describe() for field in DOSE_FIELDS},
            }
        )
    return {
        "title": routine.title,
        "reading": routine.reading or None,  # how an article's layout was read; null for a Markdown routine
        "duration_seconds": round(script.duration, 2),
        "seconds_per_breath": SECONDS_PER_BREATH,  # how a hold counted in breaths was timed
        "exercises": exercises,
        "blocks": [
            {
                "name": block.name,
                "rounds": block.rounds,
                "rest_seconds": block.rest_seconds,
                "every_seconds": block.every_seconds,
                "exercises": list(block.exercises),
                "start_seconds": round(block.start, 2),
                "duration_seconds": round(block.duration, 2),
            }
            for block in script.blocks
        ],
        "skipped": [{"heading": s.heading, "reason": s.reason, "line": s.line} for s in routine.skipped],
        "notes": list(routine.notes),
        "unsure": bool(routine.reading and routine.notes),
        "warnings": list(script.warnings),
        "language": script.language,
    }


def import_target(routine: Routine) -> tuple[str, str]:
    """(page, Markdown file) for writing what was read as an editable routine: the front end words the
    command (the CLI: `guide import PAGE` with its output option)."""
    from .build import slug

    return routine.source, f"{slug(routine.title)}.md"


def unsure_report(routine: Routine) -> list[str]:
    """The lines an article's reader guessed at, in a few lines for `build` ([] when it was sure)."""
    if not routine.reading or not routine.notes:
        return []
    return [
        f"note: read {routine.source} as {routine.reading}; unsure of {plural(len(routine.notes), 'line')}:",
        *[f"  {note}" for note in routine.notes],
    ]


def plan_table(routine: Routine, script: Script) -> str:
    """`guide plan`: a table of exercises, where each value came from, and what was skipped.

    A block with rounds has a row of its own (its rounds, the rest between them, its start and
    its length over all rounds); its exercises are indented under it, each with its first
    round's start and that round's length, so no two rows claim the same time."""
    header = ("exercise", "sides", "sets", "reps/hold", "rest", "start", "length")
    rows: list[tuple[str, ...]] = []
    notes: list[str] = []
    blocks = {block.first_exercise: block for block in script.blocks}
    inside = 0  # exercises of the current block still to list under it
    for index, item in enumerate(script.exercises):
        block = blocks.get(index)
        if block is not None:
            rows.append(_block_row(block))
            inside = len(block.exercises)
        rows.append(_exercise_row(item, indent="  " if inside > 0 else ""))
        inside -= 1
        notes.append(_sources(item))
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [f"{routine.title}  ({_one_line_path(routine.source)})", ""]
    if routine.reading:
        lines[1:1] = [f"read as: {routine.reading}"]
    lines += [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
    count = len(script.exercises)
    lines += ["", f"total {clock(script.duration)} ({script.duration:.0f} s), {plural(count, 'exercise')}"]
    lines += ["", "where each value came from:", *notes]
    if not script.english:
        lines += ["", f"language: {script.language} ({ENGLISH_ONLY})"]
    if routine.notes:
        lines += ["", "unsure:", *[f"  {note}" for note in routine.notes]]
    if routine.skipped:
        lines += ["", "skipped:", *[f"  line {s.line}: '{s.heading}' ({s.reason})" for s in routine.skipped]]
    if routine.reading and routine.notes:
        lines += ["", "the reader is unsure of the lines above; check them, or write the routine by hand:"]
    return "\n".join(lines)


def _block_row(block: BlockPlan) -> tuple[str, ...]:
    if block.every_seconds:
        rest = f"every {block.every_seconds:g}s"
    elif block.rest_seconds:
        rest = f"{block.rest_seconds:g}s between rounds"
    else:
        rest = "none between rounds" if block.rounds > 1 else "-"
    label = " all rounds" if block.rounds > 1 else ""
    name = block.name or block.exercises[0]
    return (
        f"{name} ({plural(block.rounds, 'round')})",
        "",
        "",
        "",
        rest,
        clock(block.start),
        f"{clock(block.duration)}{label}",
    )


def _exercise_row(item: ExercisePlan, indent: str) -> tuple[str, ...]:
    dose = item.dose
    reps = f"{dose.reps.value} reps" if dose.reps.value is not None else ""
    hold = f"{dose.hold_seconds.value:g}s hold" if dose.hold_seconds.value is not None else ""
    work = f"{dose.work_seconds.value:g}s work" if dose.work_seconds.value is not None else ""
    rests = []
    if dose.sets.value > 1:
        rests.append(f"{dose.rest_seconds.value:g}s")
    if dose.after_seconds.value:
        rests.append(f"{dose.after_seconds.value:g}s after")
    if item.rounds > 1 and item.round_durations:
        length = f"{clock(item.round_durations[0])} round 1"
    else:
        length = clock(item.duration)
    return (
        indent + item.name,
        dose.sides.value.value,
        str(dose.sets.value),
        " x ".join(filter(None, [reps, hold, work])),
        ", ".join(rests) or "-",
        clock(item.start),
        length,
    )


def _sources(item: ExercisePlan) -> str:
    dose = item.dose
    said = [
        f"{name} {getattr(dose, field).describe()}" for name, field in _SHOWN if getattr(dose, field).value is not None
    ]
    said += [f"{name} {value}" for name, value in (("equipment", item.equipment), ("muscles", item.muscles)) if value]
    return f"  {item.name}: " + "; ".join(said)


def summary(result: BuildResult) -> str:
    """One line: where, how long, what is in it, and what the build had to do."""
    loudness = "up to date" if result.level is None else f"{result.level.loudness_lufs:.1f} LUFS"
    return (
        f"{result.path}  {clock(result.duration)}  {plural(len(result.script.exercises), 'exercise')}  "
        f"{plural(result.chapters, 'chapter')}  {result.size / 1e6:.1f} MB  {loudness}  "
        f"({plural(result.synthesized, 'phrase')} synthesized, {result.cached} cached, {result.seconds:.1f} s)"
    )


def _one_line_path(path: str) -> str:
    """A path as one line: a newline or other control character in it is shown escaped."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f]", lambda match: repr(match.group())[1:-1], path)
