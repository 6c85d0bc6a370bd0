"""The Markdown routine: `# Title`, an intro, one `## Exercise` section each with `key: value` lines."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import RoutineError
from .infer import Findings, complete, infer
from .model import Amount, Block, Exercise, Origin, Routine, Sides, Skipped, Sourced
from .prose import sentences

KEYS = ("sides", "sets", "reps", "hold", "work", "rest", "tempo", "setup", "after")
# Said about an exercise, shown by `plan`, never spoken: what people write above the dose.
NOTE_KEYS = ("equipment", "muscles")
EXERCISE_KEYS = (*KEYS, *NOTE_KEYS)
_DURATION_FIELDS = {
    "hold": "hold_seconds",
    "work": "work_seconds",
    "rest": "rest_seconds",
    "tempo": "rep_seconds",
    "setup": "setup_seconds",
    "after": "after_seconds",
}
_KEY_LINE = re.compile(r"^\s*(?P<key>[A-Za-z][\w-]*)\s*:\s*(?P<value>.*?)\s*$")
# A known key's line may end in a comment, never spoken: `hold: 30s  # from "hold for 30 seconds"`.
_KEY_COMMENT = re.compile(r"\s*#.*$")
# `reps: none` says there are none whatever the prose says; `rest: pace` leaves the time to the pace.
NONE_KEYS = ("reps", "hold", "work", "after")
PACE_KEYS = ("rest", "tempo", "setup")
_COUNT = re.compile(r"^(?P<lo>\d+)(?:\s*(?:-|\u2013|\u2014|to)\s*(?P<hi>\d+))?$")
_DURATION = re.compile(
    r"^(?P<lo>\d+(?:\.\d+)?)(?:\s*(?:-|\u2013|\u2014|to)\s*(?P<hi>\d+(?:\.\d+)?))?"
    r"\s*(?P<unit>s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hours?)?$"
)
_MAX_DIGITS = 9
# "# Title": any whitespace after the hash (a tab is as common as a space).
_TITLE = re.compile(r"^#(?:\s|$)")
_SIDES = {"one": Sides.ONE, "each": Sides.EACH, "alternate": Sides.ALTERNATE}


def looks_like_markdown(text: str) -> bool:
    uncommented = _COMMENT.sub("", text)  # an imported routine may open with a note
    first = next((line for line in uncommented.splitlines() if line.strip()), "")
    return bool(_TITLE.match(first.lstrip()))


# `<!-- ... -->`, over several lines too: a note for the person editing, never read aloud.
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_OPENS_COMMENT = "<!--"
_MARK = "\x00"


def numbered_lines(text: str, source: str) -> list[tuple[int, str]]:
    """(line number, text) of every line with its comments taken out. A line that held only a
    comment is gone (so a note between key lines does not end them); the others keep their numbers.
    Raises RoutineError for a comment that is never closed."""
    closed = max((match.end() for match in _COMMENT.finditer(text)), default=0)
    opened = text.find(_OPENS_COMMENT, closed)  # an opening after the last closed comment
    if opened >= 0:
        raise RoutineError(
            source, len(f"{text[:opened]}x".splitlines()), "a comment '<!--' is never closed", "end it with '-->'"
        )

    def mark(comment: re.Match[str]) -> str:
        # The comment's place is marked (text here is never NUL: binary files are refused) and
        # its line breaks kept, so every line after it keeps its number.
        breaks = len(f"x{comment.group(0)}x".splitlines()) - 1
        return _MARK + f"\n{_MARK}" * breaks

    kept = []
    for number, line in enumerate(_COMMENT.sub(mark, text).splitlines(), start=1):
        if _MARK in line:
            line = line.replace(_MARK, "")
            if not line.strip():
                continue
        kept.append((number, line))
    return kept


@dataclass(frozen=True)
class _Section:
    heading: str
    line: int
    body: list[tuple[int, str]]  # (line number, text)
    children: list[_Section] = field(default_factory=list)  # ### exercises of a ## block


_HEADING = re.compile(r"^(?P<marks>#{1,6})[ \t]+(?P<text>.*?)[ \t#]*$")
BLOCK_KEYS = ("rounds", "rest", "every")
# In a ## section without ### exercises, these make it a one-exercise block.
_ROUND_KEYS = ("rounds", "every")
# "Tip: keep your back flat." is a sentence that starts with a word and a colon: prose, read aloud.
_SENTENCE_END = re.compile(r"[.!?\u2026]\s*$")


def _heading(line: str) -> tuple[int, str] | None:
    if line.strip() == "##":
        return 2, ""  # a block without a name (left empty, or holding only a comment)
    match = _HEADING.match(line.strip())
    if not match:
        return None
    return len(match.group("marks")), match.group("text").strip()


def read_markdown(text: str, source: str) -> Routine:
    lines = numbered_lines(text, source)
    title_index = next(i for i, (_, line) in enumerate(lines) if line.strip())
    title_number, title_line = lines[title_index]
    title = (_heading(title_line) or (1, ""))[1]
    if not title:
        raise RoutineError(source, title_number, "the title line '#' is empty", "write '# Your title'")
    intro: list[tuple[int, str]] = []
    sections: list[_Section] = []
    for number, line in lines[title_index + 1 :]:
        heading = _heading(line)
        level = heading[0] if heading else 0
        if level == 1:
            raise RoutineError(source, number, "a second '# ' title", "use '## ' for an exercise or a block")
        if level == 2 and heading:
            sections.append(_Section(heading[1], number, []))
        elif level == 3 and heading:
            if not sections:
                raise RoutineError(
                    source, number, "a '###' exercise outside any '##' block", "put a '## Block name' heading above it"
                )
            sections[-1].children.append(_Section(heading[1], number, []))
        elif sections:
            target = sections[-1].children[-1] if sections[-1].children else sections[-1]
            target.body.append((number, line))
        else:
            intro.append((number, line))
    blocks: list[Block] = []
    skipped: list[Skipped] = []
    for section in sections:
        if not section.heading and not section.children:
            raise RoutineError(source, section.line, "a '##' heading is empty", "name the exercise or block")
        block = _read_block(section, source, skipped) if section.children else _read_single(section, source, skipped)
        if block is not None:
            blocks.append(block)
    return Routine(
        title=title,
        intro=spoken(intro),
        blocks=tuple(blocks),
        source=source,
        skipped=tuple(skipped),
    )


def spoken(lines: list[tuple[int, str]]) -> tuple[str, ...]:
    """The sentences read aloud from prose lines. A blank line ends a sentence."""
    paragraphs: list[list[str]] = [[]]
    for _, text in lines:
        if text.strip():
            paragraphs[-1].append(text.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return tuple(sentence for paragraph in paragraphs if paragraph for sentence in sentences(" ".join(paragraph)))


def _read_single(section: _Section, source: str, skipped: list[Skipped]) -> Block | None:
    """A ## section without ### exercises: one exercise, once, unless `rounds:`/`every:` lines
    make it a one-exercise block (then its `rest:` is the rest between rounds)."""
    keys, _prose = _split_keys(section.body, EXERCISE_KEYS, source, also=_ROUND_KEYS)
    if not any(_key_of(t) in _ROUND_KEYS for _, t in keys):
        exercise = _read_section(section, source)
        if exercise is None:
            skipped.append(Skipped(section.heading, "no dose", section.line))
            return None
        return Block.single(exercise)
    block_lines = [(n, t) for n, t in keys if _key_of(t) in BLOCK_KEYS]
    block_keys = _block_findings(block_lines, section.heading, source)
    if any(_key_of(t) == "sets" for _, t in keys):
        raise RoutineError(
            source,
            block_lines[0][0],
            f"'{section.heading}': sets and rounds together are ambiguous",
            "make it a '## Block' with the exercise under a '### Name' heading",
        )
    held = {n for n, _ in block_lines}
    exercise = _read_section(
        _Section(section.heading, section.line, [(n, t) for n, t in section.body if n not in held]), source
    )
    if exercise is None:
        skipped.append(Skipped(section.heading, "no dose", section.line))
        return None
    return Block(None, (exercise,), block_keys.rounds, block_keys.rest, block_keys.every, section.line)


def _read_block(section: _Section, source: str, skipped: list[Skipped]) -> Block | None:
    """A ## section with ### exercises: `rounds`, `rest` (between rounds) and `every` lines
    under the ## heading, then its exercises in order. Prose under the ## heading is read out
    when the block starts."""
    head, prose_lines = _split_keys(section.body, BLOCK_KEYS, source, also=EXERCISE_KEYS)
    keys = _block_findings(head, section.heading, source)
    exercises = []
    for child in section.children:
        if not child.heading:
            raise RoutineError(source, child.line, "a '###' heading is empty", "name the exercise")
        exercise = _read_section(child, source)
        if exercise is None:
            skipped.append(Skipped(child.heading, "no dose", child.line))
        else:
            exercises.append(exercise)
    if not exercises:
        return None
    return Block(
        section.heading or None,  # an empty '##' over '###' exercises: its rounds are announced without a name
        tuple(exercises),
        keys.rounds,
        keys.rest,
        keys.every,
        section.line,
        spoken(prose_lines),
    )


def _split_keys(
    body: list[tuple[int, str]], known: tuple[str, ...], source: str, also: tuple[str, ...] = ()
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """A section body as (key lines, prose lines). A key line is never prose, wherever it is.

    The lines at the top that look like `word: value` are the section's keys, in any order;
    further down, a line with a known key and a value it takes is a key too. A word the reader does not know is an
    error naming the closest known key, unless the line reads as prose: a sentence ("Tip: keep
    your back flat."), or a capitalised label after the keys ("Works: glutes and hamstrings").
    `also`: keys of another level, kept as key lines so the caller can say where they belong.
    """
    recognised = (*known, *also)
    head: list[tuple[int, str]] = []
    rest = list(body)
    while rest and not rest[0][1].strip():
        rest.pop(0)
    while rest and rest[0][1].strip() and _KEY_LINE.match(rest[0][1]):
        head.append(rest.pop(0))
    keys: list[tuple[int, str]] = []
    prose: list[tuple[int, str]] = []
    for index, (number, line) in enumerate(head):
        key = _key_of(line)
        if key in recognised:
            keys.append((number, line))
            continue
        keys_follow = any(_key_of(t) in recognised for _, t in head[index + 1 :])
        value = _value_of(line)
        if not _mistyped(key, value, known) and _reads_as_prose(line, keys_follow):
            prose.append((number, line))
            continue
        raise RoutineError(source, number, f"unknown key '{key}'", _suggest(key, known))
    for number, line in rest:
        # Below the prose, a known key with a value it takes ("hold: 40s"); "Rest: take a breath" is prose.
        if _KEY_LINE.match(line) and _key_of(line) in recognised and _takes(_key_of(line), _value_of(line)):
            keys.append((number, line))
        else:
            prose.append((number, line))
    return keys, prose


def _takes(key: str, value: str) -> bool:
    """Whether `value` is a value of `key`, as a key line would write it."""
    value = value.strip().lower()
    if key == "sides":
        return value in _SIDES
    if (value == "none" and key in NONE_KEYS) or (value == "pace" and key in PACE_KEYS):
        return True
    if key in ("sets", "reps", "rounds"):
        return bool(_COUNT.match(value))
    if key in NOTE_KEYS:
        return bool(value)
    return bool(_DURATION.match(value))


def _reads_as_prose(line: str, keys_follow: bool) -> bool:
    match = _KEY_LINE.match(line)
    assert match is not None
    value = match.group("value")
    if _SENTENCE_END.search(value) or not value or value.startswith("//"):
        return True  # "Tip: keep your back flat.", "Instructions:", "https://example.com/video"
    return match.group("key")[0].isupper() and not keys_follow  # "Works: glutes and hamstrings"


def _value_of(line: str) -> str:
    """A key line's value; for a known key, without the comment at its end."""
    match = _KEY_LINE.match(line)
    if not match:
        return ""
    known = _key_of(line) in (*EXERCISE_KEYS, *BLOCK_KEYS)
    return _KEY_COMMENT.sub("", match.group("value")) if known else match.group("value")


def _words(line: str) -> str:
    """A key line as said, without its comment: what `plan` quotes."""
    return f"{line.split(':', 1)[0].strip()}: {_value_of(line)}"


def _key_of(line: str) -> str:
    match = _KEY_LINE.match(line)
    return match.group("key").strip().lower() if match else ""


@dataclass(frozen=True)
class _BlockKeys:
    rounds: Sourced[Amount]
    rest: Sourced[Amount | None]
    every: Sourced[Amount | None]


def _block_findings(lines: list[tuple[int, str]], heading: str, source: str) -> _BlockKeys:
    rounds: Sourced[Amount] = Sourced(Amount.exactly(1), Origin.DEFAULT)
    rest: Sourced[Amount | None] = Sourced(None, Origin.DEFAULT)
    every: Sourced[Amount | None] = Sourced(None, Origin.DEFAULT)
    seen: set[str] = set()
    for number, line in lines:
        key, value = _key_of(line), _value_of(line)
        if key not in BLOCK_KEYS:
            raise RoutineError(
                source,
                number,
                f"'{key}' is an exercise key, not a block key",
                f"put it under a '###' exercise; block keys are: {', '.join(BLOCK_KEYS)}",
            )
        if key in seen:
            raise RoutineError(source, number, f"'{key}' is set twice in '{heading}'", "keep one")
        seen.add(key)
        words = _words(line)
        if key == "rounds":
            rounds = Sourced(_parse_count(value, key, number, source), Origin.EXPLICIT, words, number)
        elif key == "rest":
            rest = Sourced(_parse_duration(value, key, number, source), Origin.EXPLICIT, words, number)
        else:
            every = Sourced(_parse_duration(value, key, number, source), Origin.EXPLICIT, words, number)
    return _BlockKeys(rounds, rest, every)


def _read_section(section: _Section, source: str) -> Exercise | None:
    explicit = Findings()
    cleared: dict[str, Any] = {}  # dose fields a `none`/`pace` key leaves unset
    notes: dict[str, str] = {}
    seen: set[str] = set()
    keys, body = _split_keys(section.body, EXERCISE_KEYS, source, also=BLOCK_KEYS)
    for number, line in keys:
        key, value = _key_of(line), _value_of(line)
        if key not in EXERCISE_KEYS:
            raise RoutineError(
                source,
                number,
                f"'{key}' is a block key, not an exercise key",
                "put it right under the '## Block' heading that holds the '###' exercises",
            )
        if key in seen:
            raise RoutineError(source, number, f"'{key}' is set twice in '{section.heading}'", "keep one")
        seen.add(key)
        if key in NOTE_KEYS:
            notes[key] = value.strip()
            continue
        if _unset(key, value, number, source):
            cleared[_FIELDS[key]] = Sourced(None, Origin.EXPLICIT, _words(line), number)
            continue
        explicit = _apply_key(explicit, key, value, _words(line), number, source)
    prose = " ".join(text.strip() for _, text in body if text.strip())
    prose_line = next((number for number, text in body if text.strip()), section.line)
    inferred = infer(prose, prose_line) if prose else Findings()
    found = replace(explicit.over(inferred), **dict.fromkeys(cleared))
    if not found.prescribes_anything:
        return None
    return Exercise(
        name=section.heading,
        instructions=spoken(body),
        dose=replace(complete(found), **cleared),
        line=section.line,
        equipment=notes.get("equipment") or None,
        muscles=notes.get("muscles") or None,
    )


_FIELDS = {"sides": "sides", "sets": "sets", "reps": "reps", **_DURATION_FIELDS}


def _unset(key: str, value: str, line: int, source: str) -> bool:
    """Whether the key says `none` (no reps, no hold...) or `pace` (the pace times it)."""
    word = value.strip().lower()
    if (word == "none" and key in NONE_KEYS) or (word == "pace" and key in PACE_KEYS):
        return True
    if word == "none" and key in PACE_KEYS:
        raise RoutineError(
            source,
            line,
            f"'{key}: none' is unclear",
            f"write '{key}: 0s' for none, or '{key}: pace' to let the pace decide",
        )
    if word == "pace" and key in NONE_KEYS:
        raise RoutineError(
            source, line, f"'{key}: pace' is not something the pace sets", f"write a value or '{key}: none'"
        )
    return False


MISTYPED_CUTOFF = 0.7  # "rep", "hodl", "sets " are typos of keys; "tip", "note", "cue" are words


def _mistyped(key: str, value: str, known: tuple[str, ...] = KEYS) -> bool:
    """Close to a key and valued like one ("hodl: 30s"); "Works: glutes" is prose."""
    valued = bool(re.search(r"\d", value)) or value.strip().lower() in _SIDES
    return valued and bool(difflib.get_close_matches(key, known, n=1, cutoff=MISTYPED_CUTOFF))


def _shorten(value: str, limit: int = 20) -> str:
    value = value.strip()
    return value if len(value) <= limit else value[: limit - 1] + "\u2026"


def _suggest(key: str, known: tuple[str, ...] = EXERCISE_KEYS) -> str:
    """The closest known key, always named: "did you mean" only when it is close."""
    close = difflib.get_close_matches(key, known, n=1, cutoff=MISTYPED_CUTOFF)
    nearest = close or difflib.get_close_matches(key, known, n=1, cutoff=0.0)
    hint = f"did you mean '{close[0]}'? " if close else f"the closest known key is '{nearest[0]}'; " if nearest else ""
    return f"{hint}keys are: {', '.join(known)}"


def _apply_key(found: Findings, key: str, value: str, words: str, line: int, source: str) -> Findings:
    def sourced(parsed: object) -> Sourced:  # type: ignore[type-arg]
        return Sourced(parsed, Origin.EXPLICIT, words, line)

    if key == "sides":
        sides = _SIDES.get(value.strip().lower())
        if sides is None:
            raise RoutineError(source, line, f"'sides: {value}' is not a side choice", "write one, each or alternate")
        return replace(found, sides=sourced(sides))
    if key in ("sets", "reps"):
        amount = _parse_count(value, key, line, source)
        counts: dict[str, Any] = {key: sourced(amount)}
        return replace(found, **counts)
    seconds = _parse_duration(value, key, line, source)
    changes: dict[str, Any] = {_DURATION_FIELDS[key]: sourced(seconds)}
    return replace(found, **changes)


def _parse_count(value: str, key: str, line: int, source: str) -> Amount:
    match = _COUNT.match(value.strip())
    if not match:
        raise RoutineError(
            source,
            line,
            f"'{key}: {value}' is not a whole number or range",
            f"write e.g. '{key}: 12' or '{key}: 8-12'",
        )
    if max(len(match.group("lo")), len(match.group("hi") or "")) > _MAX_DIGITS:
        # int() of thousands of digits is refused by Python itself, and no count needs them.
        raise RoutineError(source, line, f"'{key}: {_shorten(value)}' is far too large", f"write e.g. '{key}: 12'")
    low = int(match.group("lo"))
    high = int(match.group("hi") or low)
    if low > high:
        raise RoutineError(source, line, f"'{key}: {value}' runs backwards", f"write '{key}: {high}-{low}'")
    return Amount(low, high)


def _parse_duration(value: str, key: str, line: int, source: str) -> Amount:
    match = _DURATION.match(value.strip().lower())
    if match and max(len(match.group("lo")), len(match.group("hi") or "")) > _MAX_DIGITS:
        raise RoutineError(source, line, f"'{key}: {_shorten(value)}' is far too long", f"write e.g. '{key}: 30s'")
    if not match:
        raise RoutineError(
            source,
            line,
            f"'{key}: {value}' is not a duration",
            f"write e.g. '{key}: 30s', '{key}: 1 min' or '{key}: 3-5s'",
        )
    unit = (match.group("unit") or "s")[0]
    scale = {"s": 1.0, "m": 60.0, "h": 3600.0}[unit]
    low = float(match.group("lo")) * scale
    high = float(match.group("hi") or match.group("lo")) * scale
    if low > high:
        raise RoutineError(source, line, f"'{key}: {value}' runs backwards", "write the smaller number first")
    return Amount(low, high)
