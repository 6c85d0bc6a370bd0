"""Routine -> Markdown routine text: what a page was read as, in a file a person can edit.

Every dose value is written as an explicit key with a comment saying where it came from, so
building the Markdown gives the same guide as building the page. Notes for the person editing
(which lines the reader was unsure of, what it skipped) are comments, which are never spoken.
Pure: text in, text out.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import RoutineError
from .markdown import read_markdown
from .model import Amount, Block, Exercise, Origin, Routine, Sides, Sourced
from .prose import sentences

WIDTH = 100  # prose is wrapped here; a comment after a key line may run on
WORDS_SHOWN = 70  # a quoted phrase longer than this is shortened in a comment

# Key, Dose field, and whether a missing value is left to the pace (`pace`) or is `none`.
_KEYS: tuple[tuple[str, str, str], ...] = (
    ("sides", "sides", ""),
    ("sets", "sets", ""),
    ("reps", "reps", "none"),
    ("hold", "hold_seconds", "none"),
    ("work", "work_seconds", "none"),
    ("rest", "rest_seconds", "pace"),
    ("tempo", "rep_seconds", "pace"),
    ("setup", "setup_seconds", "pace"),
    ("after", "after_seconds", "none"),
)


def to_markdown(routine: Routine, file_name: str = "FILE", page_text: str = "") -> str:
    """The routine as Markdown routine text that reads back to the same guide. `file_name` is
    what the note at the top tells the reader to build. A routine without exercises (the reader
    found none) is written as sections to fill in, with `page_text` (the page as read) in a
    comment to write them from."""
    notes = _notes_by_exercise(routine)
    parts = [f"# {routine.title}", ""]
    parts += _comment(
        f"Imported from {routine.source} by guide import. Notes like this one are never spoken. "
        f"Edit any value or sentence, then: guide build {file_name} (or guide watch {file_name})."
    )
    if notes.general:
        parts += _comment("unsure: " + "; ".join(notes.general))
    if routine.intro:
        parts += ["", *_paragraphs(routine.intro)]
    else:
        parts += _comment(
            "No introduction is read aloud (a page's is not). A paragraph written here, above the first '##', would be."
        )
    for block in routine.blocks:
        parts.append("")
        parts += _block(block, notes)
    if not routine.blocks:
        parts += _to_fill_in(routine)
        if page_text.strip():
            parts += ["", "<!--", "  The page as read, to write the routine from:", ""]
            parts += [_safe(line).rstrip() for line in page_text.strip().splitlines()]
            parts.append("-->")
    if routine.skipped:
        parts.append("")
        skipped = [f'  line {s.line}: "{_shown(s.heading)}" ({s.reason})' for s in routine.skipped]
        parts += _comment("skipped (not exercises):\n" + "\n".join(skipped))
    return "\n".join(parts).rstrip("\n") + "\n"


NO_DOSE = "no dose"  # the reason a heading that prescribes nothing was skipped


def _to_fill_in(routine: Routine) -> list[str]:
    """No exercise was found: each heading skipped for want of a dose becomes a section to give
    one, so the routine is written by hand from the page's own headings."""
    parts = [""]
    parts += _comment(
        "The reader found no exercises on this page. Under each '## Name' below, add its dose as a key "
        "line (reps: 10, hold: 30s, sides: each, sets: 3) and the instructions to read aloud; add or "
        "delete sections as you need."
    )
    for skipped in routine.skipped:
        if skipped.reason == NO_DOSE and skipped.heading.strip():
            parts += ["", f"## {' '.join(skipped.heading.split())}"]
            parts += _comment(f"line {skipped.line}: no dose found; add one, e.g. reps: 10 or hold: 30s")
    return parts


@dataclass(frozen=True)
class _Notes:
    general: tuple[str, ...]  # about the routine as a whole
    by_exercise: dict[int, tuple[str, ...]]  # id(exercise) -> its notes


def _notes_by_exercise(routine: Routine) -> _Notes:
    """Each unsure note goes before the exercise it is about: one it names, one whose lines it
    points into, or one whose dose came from the line it names. The rest are about the routine."""
    exercises = routine.exercises
    starts = sorted({e.line for e in exercises})
    general: list[str] = []
    found: dict[int, list[str]] = {}
    for note in routine.notes:
        lines = [int(n) for n in re.findall(r"\bline (\d+)", note)]
        owners = [e for e in exercises if re.search(rf"(?:^|: ){re.escape(e.name)}:", note)]
        if not owners:
            owners = [
                e for e in exercises if any(_span(e.line, starts)[0] <= n < _span(e.line, starts)[1] for n in lines)
            ]
        if not owners:
            owners = [e for e in exercises if set(lines) & _dose_lines(e)]
        if not owners:
            general.append(note)
        for exercise in owners:
            found.setdefault(id(exercise), []).append(note)
    return _Notes(tuple(general), {key: tuple(value) for key, value in found.items()})


def _span(line: int, starts: Sequence[int]) -> tuple[int, int]:
    """The source lines of the exercise whose heading is at `line`: up to the next heading."""
    later = [start for start in starts if start > line]
    return line, later[0] if later else line + 1_000_000


def _dose_lines(exercise: Exercise) -> set[int]:
    dose = exercise.dose
    return {line for _, field, _ in _KEYS if (line := getattr(dose, field).line) is not None}


def _block(block: Block, notes: _Notes) -> list[str]:
    if block.is_plain:
        return _exercise(block.exercises[0], "##", notes)
    heading = (
        f"## {block.name}"
        if block.name
        else "## " + _inline_comment("a block without a name: its rounds are announced without one")
    )
    lines = [heading, *_aligned(_block_keys(block))]
    if block.intro:
        lines += ["", *_paragraphs(block.intro)]
    for exercise in block.exercises:
        lines.append("")
        lines += _exercise(exercise, "###", notes)
    return lines


def _block_keys(block: Block) -> list[tuple[str, str]]:
    keys = [(f"rounds: {_count(block.rounds.value)}", _origin(block.rounds, "one round"))]
    if block.rest_seconds.value is not None:
        keys.append((f"rest: {_seconds(block.rest_seconds.value)}", _origin(block.rest_seconds, "")))
    if block.every_seconds.value is not None:
        keys.append((f"every: {_seconds(block.every_seconds.value)}", _origin(block.every_seconds, "")))
    return keys


def _exercise(exercise: Exercise, marks: str, notes: _Notes) -> list[str]:
    lines: list[str] = []
    unsure = notes.by_exercise.get(id(exercise), ())
    if unsure:
        lines += _comment("unsure: " + "; ".join(unsure))
    lines.append(f"{marks} {exercise.name}")
    noted = [(f"{key}: {value}", "") for key, value in _notes_of(exercise)]
    lines += _aligned([*_dose_keys(exercise), *noted])
    if exercise.instructions:
        lines += ["", *_paragraphs(exercise.instructions)]
    return lines


def _notes_of(exercise: Exercise) -> list[tuple[str, str]]:
    """What the routine says about the exercise besides its dose: shown by plan, never spoken."""
    said = (("equipment", exercise.equipment), ("muscles", exercise.muscles))
    return [(key, " ".join(value.split())) for key, value in said if value]


def _dose_keys(exercise: Exercise) -> list[tuple[str, str]]:
    """Every value the exercise has, and an explicit `none`/`pace` wherever its prose, read as
    Markdown, would otherwise say something the page's reading did not."""
    dose = exercise.dose
    keys: dict[str, tuple[str, str]] = {}
    for key, field, unset in _KEYS:
        sourced = getattr(dose, field)
        if sourced.value is not None:
            keys[key] = (f"{key}: {_value(key, sourced.value)}", _origin(sourced, _UNSAID.get(key, "")))
        elif unset == "pace" and (sourced.words or _matters(key, exercise)):
            keys[key] = (f"{key}: pace", _origin(sourced, "not said: the pace decides"))
    for key in _overridden(exercise, keys):
        field, unset = next((f, u) for k, f, u in _KEYS if k == key)
        why = "the page's reading has none" if unset == "none" else "not said: the pace decides"
        keys[key] = (f"{key}: {unset}", f"{why} (the text alone would be read otherwise)")
    return [keys[key] for key, _, _ in _KEYS if key in keys]


_UNSAID = {"sides": "not said", "sets": "not said: one set"}


def _matters(key: str, exercise: Exercise) -> bool:
    """A time the pace decides that shapes this exercise: shown, so it can be set."""
    dose = exercise.dose
    if key == "rest":
        return dose.sets.value.high > 1
    return key == "tempo" and dose.reps.value is not None and dose.timed.value is None


def _overridden(exercise: Exercise, keys: dict[str, tuple[str, str]]) -> list[str]:
    """The keys whose value, left out, the prose would supply differently."""
    differ: list[str] = []
    for _ in range(len(_KEYS)):
        written = {**keys, **{key: (f"{key}: {_unset(key)}", "") for key in differ}}
        text = "\n".join(
            ["# T", "", "## X", *(key_line for key_line, _ in written.values()), "", " ".join(exercise.instructions)]
        )
        try:
            read = read_markdown(text, "(check)").exercises
        except RoutineError:  # text the page had that Markdown cannot hold (an open '<!--'): reported on import
            return differ
        if not read:
            missing = [key for key, _, unset in _KEYS if unset and key not in written]
        else:
            missing = [
                key
                for key, field, unset in _KEYS
                if unset
                and key not in written
                and getattr(read[0].dose, field).value != getattr(exercise.dose, field).value
            ]
        if not missing:
            break
        differ += missing
    return differ


def _unset(key: str) -> str:
    return next(unset for k, _, unset in _KEYS if k == key)


def _value(key: str, value: object) -> str:
    if isinstance(value, Sides):
        return value.value
    assert isinstance(value, Amount)
    return _count(value) if key in ("sets", "reps") else _seconds(value)


def _count(amount: Amount) -> str:
    def whole(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else f"{x:g}"

    return whole(amount.low) if not amount.is_range else f"{whole(amount.low)}-{whole(amount.high)}"


def _seconds(amount: Amount) -> str:
    def exact(x: float) -> str:
        shown = f"{x:g}"
        return shown if float(shown) == x else repr(x)

    return f"{exact(amount.low)}s" if not amount.is_range else f"{exact(amount.low)}-{exact(amount.high)}s"


def _origin(sourced: Sourced[object], unsaid: str) -> str:
    """Where a value came from, for the comment beside it."""
    where = f", line {sourced.line}" if sourced.line is not None else ""
    said = f'"{_shown(sourced.words)}"' if sourced.words else ""
    if sourced.origin is Origin.INFERRED:
        if sourced.value is None:
            return f"{said} said without a time{where}: the pace decides"
        return f"from {said}{where}" if said else f"read from the text{where}"
    if sourced.origin is Origin.EXPLICIT:
        return f"set by {said}{where}" if said else f"set explicitly{where}"
    if sourced.origin is Origin.PACE:
        return "not said: the pace decides"
    return unsaid


def _aligned(keys: Iterable[tuple[str, str]]) -> list[str]:
    """Key lines with their comments in one column."""
    rows = list(keys)
    width = max((len(line) for line, _ in rows), default=0) + 2
    return [f"{line.ljust(width)}# {why}" if why else line for line, why in rows]


def _paragraphs(spoken: Sequence[str]) -> list[str]:
    """Sentences as wrapped prose that the Markdown reader splits back into the same sentences."""
    lines: list[str] = []
    for paragraph in _groups(spoken):
        if lines:
            lines.append("")
        lines += _wrap(" ".join(paragraph))
    return lines


def _groups(spoken: Sequence[str]) -> list[list[str]]:
    """Paragraphs as long as they can be while reading back as the same sentences (the pieces a
    long sentence is cut into are cut again the same way only when read together)."""
    spoken = list(spoken)
    groups: list[list[str]] = []
    start = 0
    while start < len(spoken):
        end = next(
            (
                end
                for end in range(len(spoken), start + 1, -1)
                if sentences(" ".join(spoken[start:end])) == spoken[start:end]
            ),
            start + 1,
        )
        groups.append(list(spoken[start:end]))
        start = end
    return groups


def _wrap(text: str) -> list[str]:
    """Wrapped lines, none of which starts like a heading or a key line's continuation would."""
    lines: list[str] = []
    for line in textwrap.wrap(text, WIDTH, break_long_words=False, break_on_hyphens=False):
        if lines and line.startswith("#"):
            lines[-1] += " " + line  # a line starting with '#' could be read as a heading
        else:
            lines.append(line)
    return lines


def _shown(words: str) -> str:
    text = " ".join(words.split()).replace('"', "'")
    return text if len(text) <= WORDS_SHOWN else text[: WORDS_SHOWN - 1] + "…"


def _safe(text: str) -> str:
    # A comment ends at the first '-->'; words from the page must not end it early.
    return re.sub(r"-{2,}", "-", text)


def _inline_comment(text: str) -> str:
    return f"<!-- {_safe(text)} -->"


def _comment(text: str) -> list[str]:
    """A note on its own lines, wrapped."""
    body: list[str] = []
    for line in _safe(text).splitlines():
        indent = "  " if line.startswith("  ") else ""
        body += textwrap.wrap(line, WIDTH - 5, subsequent_indent=indent, break_on_hyphens=False) or [""]
    if len(body) == 1:
        return [f"<!-- {body[0]} -->"]
    return ["<!--", *[f"  {line}" if not line.startswith("  ") else line for line in body], "-->"]


def differences(page: Routine, imported: Routine) -> list[str]:
    """What reads differently in `imported` than in `page`: title, spoken intro, blocks, and each
    exercise's name, instructions and dose values (not where they came from). Empty when the
    two build the same guide."""
    found: list[str] = []
    if page.title != imported.title:
        found.append(f"the title reads '{imported.title}', not '{page.title}'")
    if page.intro != imported.intro:
        found.append("the introduction reads differently")
    if len(page.blocks) != len(imported.blocks):
        found.append(f"{len(imported.blocks)} blocks instead of {len(page.blocks)}")
        return found
    for first, second in zip(page.blocks, imported.blocks, strict=True):
        if _block_shape(first) != _block_shape(second):
            found.append(f"the block '{first.name or first.exercises[0].name}' reads differently")
        for one, other in zip(first.exercises, second.exercises, strict=False):
            if one.name != other.name:
                found.append(f"'{one.name}' reads as '{other.name}'")
            elif one.instructions != other.instructions:
                found.append(f"{one.name}: the instructions read differently")
            changed = [
                key for key, field, _ in _KEYS if getattr(one.dose, field).value != getattr(other.dose, field).value
            ]
            changed += [key for key in ("equipment", "muscles") if getattr(one, key) != getattr(other, key)]
            if changed:
                found.append(f"{one.name}: {', '.join(changed)} read differently")
    return found


def _block_shape(block: Block) -> tuple[object, ...]:
    if block.is_plain:
        return (len(block.exercises),)
    return (
        block.name,
        len(block.exercises),
        block.rounds.value,
        block.rest_seconds.value,
        block.every_seconds.value,
        block.intro,
    )
