"""The Markdown routine: `# Title`, an intro, one `## Exercise` section each with `key: value` lines."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from typing import Any

from ..errors import RoutineError
from .infer import Findings, complete, infer
from .model import Amount, Block, Exercise, Origin, Routine, Sides, Skipped, Sourced
from .prose import sentences

KEYS = ("sides", "sets", "reps", "hold", "work", "rest", "tempo", "setup", "after")
_DURATION_FIELDS = {"hold": "hold_seconds", "work": "work_seconds", "rest": "rest_seconds", "tempo": "rep_seconds",
                    "setup": "setup_seconds", "after": "after_seconds"}  # fmt: skip
_KEY_LINE = re.compile(r"^\s*(?P<key>[A-Za-z][\w-]*)\s*:\s*(?P<value>.*?)\s*$")
_COUNT = re.compile(r"^(?P<lo>\d+)(?:\s*(?:-|\u2013|\u2014|to)\s*(?P<hi>\d+))?$")
_DURATION = re.compile(
    r"^(?P<lo>\d+(?:\.\d+)?)(?:\s*(?:-|\u2013|\u2014|to)\s*(?P<hi>\d+(?:\.\d+)?))?"
    r"\s*(?P<unit>s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hours?)?$"
)
_SIDES = {"one": Sides.ONE, "each": Sides.EACH, "alternate": Sides.ALTERNATE}


def looks_like_markdown(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return first.lstrip().startswith("# ")


@dataclass(frozen=True)
class _Section:
    heading: str
    line: int
    body: list[tuple[int, str]]  # (line number, text)


def read_markdown(text: str, source: str) -> Routine:
    lines = text.splitlines()
    title_index = next(i for i, line in enumerate(lines) if line.strip())
    title = lines[title_index].strip()[2:].strip()
    if not title:
        raise RoutineError(source, title_index + 1, "the title line '#' is empty", "write '# Your title'")
    intro: list[str] = []
    sections: list[_Section] = []
    for number, line in enumerate(lines[title_index + 1 :], start=title_index + 2):
        stripped = line.strip()
        if stripped.startswith("## "):
            sections.append(_Section(stripped[3:].strip(), number, []))
        elif stripped.startswith("# "):
            raise RoutineError(source, number, "a second '# ' title", "use '## ' for an exercise")
        elif sections:
            sections[-1].body.append((number, line))
        elif stripped:
            intro.append(stripped)
    exercises: list[Exercise] = []
    skipped: list[Skipped] = []
    for section in sections:
        if not section.heading:
            raise RoutineError(source, section.line, "an exercise heading '##' is empty", "name the exercise")
        exercise = _read_section(section, source)
        if exercise is None:
            skipped.append(Skipped(section.heading, "no dose", section.line))
        else:
            exercises.append(exercise)
    return Routine(
        title=title,
        intro=tuple(sentences(" ".join(intro))) if intro else (),
        blocks=tuple(Block.single(exercise) for exercise in exercises),
        source=source,
        skipped=tuple(skipped),
    )


def _read_section(section: _Section, source: str) -> Exercise | None:
    explicit = Findings()
    seen: set[str] = set()
    body = list(section.body)
    while body and not body[0][1].strip():
        body.pop(0)
    while body:
        number, line = body[0]
        match = _KEY_LINE.match(line)
        if not match or not line.strip():
            break
        key = match.group("key").strip().lower()
        if key not in KEYS:
            if _mistyped(key, match.group("value")):
                raise RoutineError(source, number, f"unknown key '{key}'", _suggest(key))
            break  # "Tip: ...", "Note: ...": prose that happens to start with a word and a colon
        if key in seen:
            raise RoutineError(source, number, f"'{key}' is set twice in '{section.heading}'", "keep one")
        seen.add(key)
        explicit = _apply_key(explicit, key, match.group("value"), line.strip(), number, source)
        body.pop(0)
    prose = " ".join(text.strip() for _, text in body if text.strip())
    prose_line = next((number for number, text in body if text.strip()), section.line)
    inferred = infer(prose, prose_line) if prose else Findings()
    found = explicit.over(inferred)
    if not found.prescribes_anything:
        return None
    return Exercise(
        name=section.heading,
        instructions=tuple(sentences(prose)) if prose else (),
        dose=complete(found),
        line=section.line,
    )


MISTYPED_CUTOFF = 0.7  # "rep", "hodl", "sets " are typos of keys; "tip", "note", "cue" are words


def _mistyped(key: str, value: str) -> bool:
    """Close to a key and valued like one ("hodl: 30s"); "Works: glutes" is prose."""
    valued = bool(re.search(r"\d", value)) or value.strip().lower() in _SIDES
    return valued and bool(difflib.get_close_matches(key, KEYS, n=1, cutoff=MISTYPED_CUTOFF))


def _suggest(key: str) -> str:
    close = difflib.get_close_matches(key, KEYS, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"{hint}keys are: {', '.join(KEYS)}"


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
    low = int(match.group("lo"))
    high = int(match.group("hi") or low)
    if low > high:
        raise RoutineError(source, line, f"'{key}: {value}' runs backwards", f"write '{key}: {high}-{low}'")
    return Amount(low, high)


def _parse_duration(value: str, key: str, line: int, source: str) -> Amount:
    match = _DURATION.match(value.strip().lower())
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
