"""routine text -> Routine. Two shapes, detected automatically: Markdown and plain article."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from ..errors import RoutineError
from .article import read_article
from .limits import MAX_ROUTINE_BYTES, check_exercise
from .markdown import looks_like_markdown, read_markdown
from .model import (
    Amount,
    Dose,
    Exercise,
    Origin,
    RangeChoice,
    Routine,
    Sides,
    Skipped,
    Sourced,
)

BUILTIN_NAME = "post-run-hip-mobility.md"

__all__ = [
    "Amount", "Dose", "Exercise", "Origin", "RangeChoice", "Routine", "Sides", "Skipped",
    "Sourced", "builtin_text", "load_routine", "parse_routine", "BUILTIN_NAME",
]  # fmt: skip


def builtin_text() -> str:
    return files("guide.routine").joinpath("builtin", BUILTIN_NAME).read_text(encoding="utf-8")


def parse_routine(text: str, source: str) -> Routine:
    """Read routine text; any problem is a RoutineError naming `source` and the line."""
    if "\x00" in text:
        raise RoutineError(source, None, "this looks like a binary file, not routine text",
                           "give a .md or .txt routine")  # fmt: skip
    if not text.strip():
        raise RoutineError(source, None, "the routine is empty", "run 'guide init FILE' for an example")
    routine = read_markdown(text, source) if looks_like_markdown(text) else read_article(text, source)
    if not routine.exercises:
        skipped = ", ".join(f"'{s.heading}'" for s in routine.skipped)
        detail = f" (skipped {skipped}: no reps, holds, times or sets)" if skipped else ""
        raise RoutineError(
            source, None, f"no exercises found{detail}",
            "give each exercise a '## Name' heading and a dose such as 'reps: 10' or 'hold: 30s'",
        )  # fmt: skip
    for exercise in routine.exercises:
        check_exercise(exercise, source)
    return routine


def load_routine(path: Path | None) -> Routine:
    """Read a routine file (or the built-in routine when `path` is None)."""
    if path is None:
        return parse_routine(builtin_text(), f"(built-in) {BUILTIN_NAME}")
    source = str(path)
    if not path.exists():
        raise RoutineError(source, None, "no such file", "check the path, or run 'guide init FILE'")
    if path.is_dir():
        raise RoutineError(source, None, "is a directory, not a routine file", "give the .md or .txt file inside it")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RoutineError(source, None, f"cannot be read ({error.strerror})") from None
    if len(data) > MAX_ROUTINE_BYTES:
        raise RoutineError(source, None, f"is {len(data):,} bytes; a routine is at most {MAX_ROUTINE_BYTES:,}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise RoutineError(source, line, "is not UTF-8 text", "save it as UTF-8") from None
    return parse_routine(text, source)
