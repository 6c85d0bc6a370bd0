"""What guide tells people, as text or JSON: the plan of a routine and the summary of a build.

Callable without the CLI: `plan_json` is the `guide plan --json` contract (DESIGN.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .routine import DOSE_FIELDS, Routine
from .routine.infer import SECONDS_PER_BREATH
from .script import Script

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
    """The `guide plan --json` object."""
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
                "start_seconds": round(item.start, 2),
                "duration_seconds": round(item.duration, 2),
                "sources": {field: getattr(dose, field).describe() for field in DOSE_FIELDS},
            }
        )
    return {
        "title": routine.title,
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
            }
            for block in script.blocks
        ],
        "skipped": [{"heading": s.heading, "reason": s.reason, "line": s.line} for s in routine.skipped],
        "notes": list(routine.notes),
        "warnings": list(script.warnings),
        "language": script.language,
    }


def plan_table(routine: Routine, script: Script) -> str:
    """`guide plan`: a table of exercises, where each value came from, blocks, what was skipped."""
    header = ("exercise", "sides", "sets", "reps/hold", "rest", "start", "length")
    rows: list[tuple[str, ...]] = []
    notes: list[str] = []
    for item in script.exercises:
        dose = item.dose
        reps = f"{dose.reps.value} reps" if dose.reps.value is not None else ""
        hold = f"{dose.hold_seconds.value:g}s hold" if dose.hold_seconds.value is not None else ""
        work = f"{dose.work_seconds.value:g}s work" if dose.work_seconds.value is not None else ""
        rest = f"{dose.rest_seconds.value:g}s" if dose.sets.value > 1 else "-"
        rounds = f" (x{item.rounds})" if item.rounds > 1 else ""
        rows.append(
            (
                item.name + rounds,
                dose.sides.value.value,
                str(dose.sets.value),
                " x ".join(filter(None, [reps, hold, work])),
                rest,
                clock(item.start),
                clock(item.duration),
            )
        )
        said = [
            f"{name} {getattr(dose, field).describe()}"
            for name, field in _SHOWN
            if getattr(dose, field).value is not None
        ]
        notes.append(f"  {item.name}: " + "; ".join(said))
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [f"{routine.title}  ({routine.source})", ""]
    lines += [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
    lines += ["", f"total {clock(script.duration)} ({script.duration:.0f} s), {plural(len(rows), 'exercise')}"]
    if script.blocks:
        lines += ["", "blocks:"]
        for block in script.blocks:
            rest = f", {block.rest_seconds:g}s rest between rounds" if block.rest_seconds else ""
            every = f", every {block.every_seconds:g}s" if block.every_seconds else ""
            lines.append(
                f"  {block.name or block.exercises[0]}: {plural(block.rounds, 'round')}{rest}{every} "
                f"({', '.join(block.exercises)})"
            )
    lines += ["", "where each value came from:", *notes]
    if not script.english:
        lines += ["", f"language: {script.language} ({ENGLISH_ONLY})"]
    if routine.notes:
        lines += ["", "unsure:", *[f"  {note}" for note in routine.notes]]
    if routine.skipped:
        lines += ["", "skipped:", *[f"  line {s.line}: '{s.heading}' ({s.reason})" for s in routine.skipped]]
    return "\n".join(lines)


def summary(result: BuildResult) -> str:
    """One line: where, how long, what is in it, and what the build had to do."""
    loudness = "up to date" if result.level is None else f"{result.level.loudness_lufs:.1f} LUFS"
    return (
        f"{result.path}  {clock(result.duration)}  {plural(len(result.script.exercises), 'exercise')}  "
        f"{plural(result.chapters, 'chapter')}  {result.size / 1e6:.1f} MB  {loudness}  "
        f"({plural(result.synthesized, 'phrase')} synthesized, {result.cached} cached, {result.seconds:.1f} s)"
    )
