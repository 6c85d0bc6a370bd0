"""routine text -> Routine. Two shapes, detected automatically: Markdown and plain article."""

from __future__ import annotations

import difflib
from dataclasses import replace
from importlib.resources import files
from pathlib import Path

from ..errors import NothingFoundError, Role, RoutineError, SettingError
from ..files import describe_os_error, read_regular_file
from .limits import MAX_ROUTINE_BYTES, check_block, check_exercise, shorten_names
from .markdown import looks_like_markdown, read_markdown
from .model import (
    DOSE_FIELDS,
    Amount,
    Block,
    Dose,
    Exercise,
    Origin,
    RangeChoice,
    Routine,
    Sides,
    Skipped,
    Sourced,
)
from .sniff import is_address, looks_like_html

BUILTIN_NAME = "post-run-hip-mobility"

__all__ = [
    "DOSE_FIELDS",
    "Amount",
    "Block",
    "Dose",
    "Exercise",
    "Origin",
    "RangeChoice",
    "Routine",
    "Sides",
    "Skipped",
    "Sourced",
    "builtin_name_for",
    "builtin_routines",
    "builtin_text",
    "load_routine",
    "parse_routine",
    "BUILTIN_NAME",
]


def builtin_routines() -> list[tuple[str, str]]:
    """(name, title) of every built-in routine; the name is its file name without .md."""
    found = []
    for entry in sorted(files("guide.routine").joinpath("builtin").iterdir(), key=lambda e: e.name.removesuffix(".md")):
        if entry.name.endswith(".md"):
            first = entry.read_text(encoding="utf-8").lstrip().splitlines()[0]
            found.append((entry.name.removesuffix(".md"), first.lstrip("# ").strip()))
    return found


def builtin_name_for(language: str) -> str:
    """The built-in routine in `language` ("es", "pt-BR"): the post-run hip routine in its own words."""
    code = language.strip().lower()
    if code in ("", "en"):
        return BUILTIN_NAME
    name = f"{BUILTIN_NAME}-{code}"
    return name if name in [known for known, _ in builtin_routines()] else BUILTIN_NAME


def builtin_text(name: str = BUILTIN_NAME) -> str:
    """The text of a built-in routine, by name (a trailing .md is allowed).

    Raises SettingError (role ROUTINE_NAME) for a name that is none of them, with the closest."""
    names = [known for known, _ in builtin_routines()]
    wanted = name.removesuffix(".md")
    if wanted not in names:
        close = difflib.get_close_matches(wanted, names, n=1, cutoff=0.5)
        guess = f"did you mean {close[0]}? " if close else ""
        raise SettingError(
            Role.ROUTINE_NAME,
            f" {name}: there is no built-in routine by that name ({guess}choose one of: {', '.join(names)})",
        )
    return files("guide.routine").joinpath("builtin", f"{wanted}.md").read_text(encoding="utf-8")


def parse_routine(text: str, source: str) -> Routine:
    """Read routine text; any problem is a RoutineError naming `source` and the line."""
    if "\x00" in text:
        raise RoutineError(
            source, None, "this looks like a binary file, not routine text", "give a .md or .txt routine"
        )
    if not text.strip():
        raise RoutineError(source, None, "the routine is empty", "run 'guide init FILE' for an example")
    if looks_like_html(text) or source.lower().endswith((".html", ".htm")):
        return parse_page(text, source)
    if looks_like_markdown(text):
        routine = read_markdown(text, source)
        fix = "give each exercise a '## Name' heading and a dose such as 'reps: 10' or 'hold: 30s'"
    else:
        from .article import read_article  # hundreds of patterns: compiled only for articles

        routine = read_article(text, source)
        fix = _ARTICLE_SHAPE
    return _checked(routine, source, fix, text)


# What the article reader looks for, said when it finds nothing.
_ARTICLE_SHAPE = (
    "an article is read as a title line, then one exercise per short heading (numbered or not) "
    "with its dose under it or in its text, e.g. '1. Wall Sit' then 'Hold for 30 seconds.'"
)


def parse_page(page: str, source: str) -> Routine:
    """A web page's main content, read as an article."""
    from .article import read_article
    from .schema import how_to_article

    steps = how_to_article(page)  # the publisher's own list of steps, when the page has one
    if steps:
        routine = read_article(steps, source)
        if routine.exercises:
            return _checked(replace(routine, reading=f"schema.org steps, {routine.reading}"), source, _ARTICLE_SHAPE)
    from .web import html_to_article  # urllib, trafilatura: only for pages

    text = html_to_article(page)
    if not text.strip():
        raise RoutineError(source, None, "no article text found on this page", "save the routine's text as a .txt file")
    return _checked(read_article(text, source), source, _ARTICLE_SHAPE, text)


def _checked(routine: Routine, source: str, fix: str, text: str = "") -> Routine:
    if not routine.exercises:
        skipped = ", ".join(f"'{s.heading}'" for s in routine.skipped[:6])
        more = f" and {len(routine.skipped) - 6} more" if len(routine.skipped) > 6 else ""
        detail = f" (skipped {skipped}{more}: no reps, holds, times or sets)" if skipped else ""
        # An article or a page can still be written out by hand; a Markdown routine is already that.
        if fix != _ARTICLE_SHAPE:
            raise RoutineError(source, None, f"no exercises found{detail}", fix)
        nothing = NothingFoundError(source, None, f"no exercises found{detail}", fix)
        nothing.found = routine  # for `guide import`: the title and what was skipped, to fill in by hand
        nothing.text = text
        raise nothing
    for block in routine.blocks:
        check_block(block, source)
    for exercise in routine.exercises:
        check_exercise(exercise, source)
    return shorten_names(routine)


def load_routine(path: Path | str | None, language: str = "en") -> Routine:
    """Read a routine file (or, when `path` is None, the built-in routine in `language`).

    Never blocks on a FIFO, never reads a device or more than the size cap. Raises
    RoutineError naming the file (and line) for anything unreadable or senseless.
    """
    if path is None:
        name = builtin_name_for(language)
        return parse_routine(builtin_text(name), f"(built-in) {name}.md")
    if isinstance(path, str) and is_address(path):
        from .web import fetch

        return parse_page(fetch(path), path)
    path = Path(path)
    source = str(path)
    try:
        data = read_regular_file(path, MAX_ROUTINE_BYTES)
    except FileNotFoundError:
        raise RoutineError(source, None, "no such file", "check the path, or run 'guide init FILE'") from None
    except IsADirectoryError:
        raise RoutineError(
            source, None, "is a folder, not a routine file", "give the .md or .txt file inside it"
        ) from None
    except OSError as error:
        raise RoutineError(source, None, f"cannot be read ({describe_os_error(error)})") from None
    except ValueError as error:
        raise RoutineError(source, None, str(error)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise RoutineError(source, line, "is not UTF-8 text", "save it as UTF-8") from None
    return parse_routine(text, source)
