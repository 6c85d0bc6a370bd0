"""The job behind `guide import`: read a page (or any routine), write it as a Markdown routine a
person can edit. The text itself is made by guide.routine.export; this module chooses where it
goes, applies the same target rules as every other output, and writes it whole or not at all."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .build import BuildOptions, slug
from .errors import NothingFoundError, OutputError, Role, RoutineError
from .files import check_targets, lexists, write_new_file
from .routine import Routine, load_routine, parse_routine
from .routine.export import differences, to_markdown
from .routine.sniff import is_address
from .script import as_built, estimate_seconds

# What a routine file may be called: a name ending in .html would be read back as a web page.
ROUTINE_SUFFIXES = (".md", ".markdown", ".txt")


@dataclass(frozen=True)
class ImportResult:
    path: Path
    routine: Routine  # as read from the page (and as the imported file reads back)
    differences: tuple[str, ...]  # where the imported file would read differently (a bug if any)
    found_nothing: bool = False  # no exercise on the page: the file is its headings, to fill in


def default_target(source: Path | str, routine: Routine) -> Path:
    """TITLE.md beside the source file, or in the current folder for an address."""
    name = f"{slug(routine.title)}.md"
    if isinstance(source, str) and is_address(source):
        return Path(name)
    return Path(source).parent / name


def _check(target: Path, inputs: tuple[Path, ...], force: bool) -> None:
    role = Role.IMPORTED
    check_targets({role: target}, inputs)
    if target.suffix.lower() not in ROUTINE_SUFFIXES:
        raise OutputError(role, f" {target}: guide import writes a Markdown routine; give the file an .md name")
    if lexists(target, role) and not force:
        raise OutputError(role, f" {target} already exists; pass ", Role.FORCE, " to replace it")


def import_file(source: Path | str, output: Path | None = None, force: bool = False) -> ImportResult:
    """Read `source` (a .txt/.html file, any routine file, or an http(s) address) and write it as
    a Markdown routine at `output` (default: `default_target`). Nothing is replaced without
    `force`; the source itself, a folder, a device or a FIFO never. Raises RoutineError for a
    page that cannot be read, OutputError (naming Role.IMPORTED) for a target it must not write."""
    inputs = (Path(source),) if isinstance(source, Path) else ()
    if output is not None:
        _check(output, inputs, force)  # before any fetching or reading
    defaults = BuildOptions()
    try:
        page = load_routine(source)
    except NothingFoundError as error:
        if error.found is None or not error.found.title:
            raise
        # Nothing the reader could see as an exercise: the file is the page's headings, to fill in by hand.
        target = output or default_target(source, error.found)
        _check(target, inputs, force)
        text = to_markdown(error.found, target.name, error.text)
        write_new_file(target, text.encode("utf-8"), Role.IMPORTED, force)
        return ImportResult(target, error.found, (), found_nothing=True)
    # Rounds read from the prose that would make the guide absurdly long are left out of a
    # build; the imported file leaves them out too (with the note saying so), so it builds.
    page = as_built(page, defaults.script_options, lambda text: estimate_seconds(text, defaults.pace.speech_rate))
    target = output or default_target(source, page)
    _check(target, inputs, force)
    text = to_markdown(page, target.name)
    try:
        found = differences(page, parse_routine(text, str(target)))
    except RoutineError as error:  # still written: the person editing it can put it right
        found = [str(error)]
    write_new_file(target, text.encode("utf-8"), Role.IMPORTED, force)
    return ImportResult(target, page, tuple(found))


__all__ = ["ImportResult", "ROUTINE_SUFFIXES", "default_target", "import_file"]
