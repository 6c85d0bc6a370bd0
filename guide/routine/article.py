"""The plain-text article: a title line, intro paragraphs, then short heading lines each
followed by a paragraph of instructions. Headed sections with no dose are skipped."""

from __future__ import annotations

from dataclasses import dataclass, field

from .infer import complete, infer
from .model import Block, Exercise, Routine, Skipped
from .prose import sentences

MAX_HEADING_WORDS = 6
MAX_HEADING_CHARS = 60
MIN_PARAGRAPH_WORDS = 8  # a heading is followed by real instructions, not "You're all set."


@dataclass
class _Block:
    heading: str
    line: int
    paragraphs: list[str] = field(default_factory=list)


def read_article(text: str, source: str) -> Routine:
    lines = [line.strip() for line in text.splitlines()]
    numbered = [(i + 1, line) for i, line in enumerate(lines) if line]
    _title_line, title = numbered[0]
    blocks: list[_Block] = []
    run_ends = -1  # bylines right under a heading belong to it, not to the text
    for index, (number, line) in enumerate(numbered[1:], start=1):
        if index <= run_ends:
            continue
        if _heading_shaped(line, title):
            end = index
            while end + 1 < len(numbered) and _heading_shaped(numbered[end + 1][1], title):
                end += 1
            following = numbered[end + 1][1] if end + 1 < len(numbered) else ""
            if len(following.split()) >= MIN_PARAGRAPH_WORDS:
                blocks.append(_Block(line, number))
                run_ends = end
                continue
        if blocks:
            blocks[-1].paragraphs.append(line)
    exercises: list[Exercise] = []
    skipped: list[Skipped] = []
    for block in blocks:
        prose = " ".join(block.paragraphs)
        found = infer(prose, block.line + 1)
        if not found.prescribes_anything:
            skipped.append(Skipped(block.heading, "no dose", block.line))
            continue
        exercises.append(Exercise(block.heading, tuple(sentences(prose)), complete(found), block.line))
    return Routine(
        title=title,
        intro=(),  # an article's intro is an essay, not something to hear before exercising
        blocks=tuple(Block.single(exercise) for exercise in exercises),
        source=source,
        skipped=tuple(skipped),
    )


def _heading_shaped(line: str, title: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= MAX_HEADING_WORDS
        and len(line) <= MAX_HEADING_CHARS
        and line != title
        and line[0].isalnum()
        and line[0] == line[0].upper()
        and line[-1] not in ".,;:"
    )
