"""schema.org `HowTo` / `ExercisePlan` data in a page (JSON-LD): the publisher's own list of steps.

When a page says in its data which steps make up the routine, that list is read instead of guessing from
the page's layout: each step becomes a "## Name" heading over its text, and the article reader reads that.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

MIN_STEPS = 2  # one step is a description, not a routine
_SCRIPT = re.compile(r"<script[^>]*type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script>", re.I | re.S)
_PLANS = ("HowTo", "ExercisePlan")


def how_to_article(page: str) -> str:
    """Article text from the page's first HowTo or ExercisePlan with steps, or "" when it has none."""
    for data in _json_ld(page):
        for thing in _things(data):
            types = thing.get("@type")
            names = types if isinstance(types, list) else [types]
            if not any(name in _PLANS for name in names):
                continue
            steps = list(_steps(thing.get("step") or thing.get("steps") or thing.get("itemListElement")))
            if thing.get("@type") == "ExercisePlan" and not steps:
                steps = [_plan_step(thing)]
            if len(steps) >= MIN_STEPS or (steps and "ExercisePlan" in names):
                title = _text(thing.get("name")) or "Routine"
                intro = _text(thing.get("description"))
                body = [f"## {name}\n\n{text}" if name else text for name, text in steps]
                return "\n\n".join([f"# {title}", *([intro] if intro else []), *body]) + "\n"
    return ""


def _json_ld(page: str) -> Iterator[Any]:
    for match in _SCRIPT.finditer(page):
        try:
            yield json.loads(html.unescape(match.group(1)).strip())
        except (ValueError, RecursionError):
            continue  # a page's broken data is not the reader's problem: its layout is still read


def _things(data: Any) -> Iterator[dict[str, Any]]:
    """Every object in the data, including those inside an @graph or a list."""
    if isinstance(data, list):
        for item in data:
            yield from _things(item)
    elif isinstance(data, dict):
        yield data
        yield from _things(data.get("@graph"))


def _steps(value: Any) -> Iterator[tuple[str, str]]:
    """(name, text) of each step; a HowToSection's steps are its own."""
    if isinstance(value, str):
        yield "", _text(value)
    elif isinstance(value, list):
        for item in value:
            yield from _steps(item)
    elif isinstance(value, dict):
        if value.get("@type") == "HowToSection":
            yield from _steps(value.get("itemListElement") or value.get("steps"))
            return
        text = _text(value.get("text")) or " ".join(
            _text(part.get("text")) for part in value.get("itemListElement") or [] if isinstance(part, dict)
        )
        name = _text(value.get("name"))
        if name and text.startswith(name):
            name = ""  # some publishers repeat the text as the name
        if name or text:
            yield name, text


def _plan_step(plan: dict[str, Any]) -> tuple[str, str]:
    """An ExercisePlan is one exercise: its name, its description and its dose fields in words."""
    parts = [_text(plan.get("description"))]
    for field, words in (("repetitions", "{} reps"), ("workload", "{}"), ("activityDuration", "for {}")):
        if plan.get(field):
            parts.append(words.format(_text(plan.get(field))))
    return _text(plan.get("exerciseType")) or _text(plan.get("name")), ". ".join(p for p in parts if p)


def _text(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("name") or value.get("text") or value.get("value") or ""
    if isinstance(value, list):
        value = " ".join(_text(item) for item in value)
    if not isinstance(value, str | int | float):
        return ""
    text = re.sub(r"<[^>]+>", " ", html.unescape(str(value)))
    return " ".join(text.split())
