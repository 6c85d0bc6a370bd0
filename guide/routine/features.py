"""What each line of a page looks like, computed once: the facts every reading of the page's layout uses.

No dose is inferred here: a dose is only *noticed* by pattern (`vocabulary.DOSE_EXPRESSION`), so the
features do not depend on the dose reader and a reading can weigh them the same way on every page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import vocabulary as vocab
from .prose import normalize_unicode, number_words_to_digits

SHORT_WORDS = 6  # a name, a heading: a few words


@dataclass(frozen=True)
class LineFeatures:
    number: int  # 1-based line number in the text read
    text: str  # without list marker, Markdown heading marks or emphasis
    raw: str  # stripped, as written
    position: int  # index among the page's non-blank lines
    gap_before: bool  # a blank line above it
    level: int  # indentation: 0 for a line at the margin
    bullet: bool  # "-", "*", "•" in front
    numbered: int | None  # "1.", "2)", "Step 3:", "#4": the number; None when not numbered
    code: str  # "A1", "B": a programme's code in front
    heading_mark: bool  # "## Heading" in the page's Markdown (an HTML heading)
    words: int
    chars: int
    title_case: bool  # most words capitalised, or all capitals
    ends: str  # the last character: "." ":" "?" "!" or "" for a letter or digit
    dose: str  # the first dose expression in it, "" for none
    exercise_words: int  # words that name moves, positions or body parts
    commentary: bool  # starts like commentary: "Score", "Post results", "Reasons to..."
    imperative: bool  # starts like an instruction: "Stand", "Lie", "Hold"

    @property
    def short(self) -> bool:
        return 0 < self.words <= SHORT_WORDS


_MARKER = re.compile(r"^(?P<bullet>[-*+\u2022\u25cf\u25aa\u25e6\u2023\u2043>\u2013]\s+)?")
_NUMBERED = re.compile(
    rf"^(?:{vocab.NUMBER_WORDS}\s*#?(?P<a>\d{{1,2}})\s*[.):\-\u2013\u2014]?\s+|#(?P<b>\d{{1,2}})\s*[.):\-\u2013\u2014]?\s*"
    r"|(?P<c>\d{1,2})\s*(?:[.)]|:(?=\s+[A-Za-z]))\s+(?=\S)|(?P<d>\d{1,2})(?=[A-Z][a-z]))",
    re.IGNORECASE,
)
_IMPERATIVE = re.compile(
    # "First, take your palm ...", "Next, press down ...", "Then slowly lower ...": a step's order word may lead
    r"^(?:(?:first|next|then|finally|now|lastly|after\s+that),?\s+)?(?:stand|sit|lie|lying|kneel|hold|keep|place|put|bring|bend|lift|raise|lower|step|walk|jog|run|turn|roll|"
    r"reach|press|push|pull|squeeze|tighten|relax|breathe|slowly|gently|start|begin|repeat|rest|move|rotate|draw|"
    r"slide|tilt|let|make|take|face|grab|hinge|drive|extend|straighten|cross|loop|tense|tuck|look|go|do|try|"
    r"perform|complete|finish|sprint|skip|jump|hop|march|swing|squat|lunge|rise|come|return|switch|swap|change|lean|"
    r"tense|contract|flex|point|pause|stay|aim|use|get|sit|stretch|allow|imagine|tighten|engage|shift|press|curl)\b",
    re.IGNORECASE,
)


# "Pinch your chin ...", "Drop the lower jaw ...": a verb not in the list above is still known by its object
_VERB_AND_OBJECT = re.compile(
    r"^(?!(?:if|when|as|with|for|in|on|at|to|by|from|this|that|these|those|it|its|there|here|we|you|they|all|some|"
    r"most|many|both|each|every|one|my|our|your|their|his|her|what|why|how|who|and|but|or|so|because|after|before|"
    r"during|while|about|over|under|between|into|is|are|was|were|be|being|keeping|having|using|the|a|an)\b)"
    r"[A-Za-z][a-z]+\s+(?:your|the|a|an|one|both|each|it|this|them|yourself|yourselves)\b"
)


def imperative(text: str) -> bool:
    """Starts like an instruction: "Stand ...", "Slowly lower ...", "Hold for ..."."""
    return bool(_IMPERATIVE.match(text.strip()))


def instruction_like(text: str) -> bool:
    """Starts like an instruction, or like a verb with its object ("Pinch your chin ..."): looser than
    `imperative`, for text already known to sit under a move's name."""
    stripped = text.strip()
    return bool(_IMPERATIVE.match(stripped) or _VERB_AND_OBJECT.match(stripped))


def line_features(text: str) -> list[LineFeatures]:
    """Every non-blank line's features, in order."""
    out: list[LineFeatures] = []
    gap = False
    for number, raw_line in enumerate(text.splitlines(), start=1):
        raw = normalize_unicode(raw_line).rstrip()
        stripped = raw.strip()
        if not stripped:
            gap = True
            continue
        out.append(_features(number, raw, stripped, len(out), gap))
        gap = False
    return out


def _features(number: int, raw: str, stripped: str, position: int, gap: bool) -> LineFeatures:
    heading_mark = bool(re.match(r"^#{1,6}\s", stripped))
    text = re.sub(r"^#{1,6}\s+", "", stripped)
    text = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), text).strip()
    marker = _MARKER.match(text)
    bullet = bool(marker and marker.group("bullet"))
    text = text[marker.end() :] if marker else text
    numbering = _NUMBERED.match(text)
    numbered: int | None = None
    if numbering:
        numbered = int(next(g for g in numbering.groups() if g is not None))
        text = text[numbering.end() :]
    code = vocab.PROGRAMME_CODE.match(text) if numbered is None else None
    code_text = code.group(0).rstrip(" .):\u2013\u2014-") if code else ""
    if code:
        text = text[code.end() :]
    text = text.strip()
    words = text.split()
    capitals = sum(1 for w in words if w[:1].isupper())
    dose = vocab.DOSE_EXPRESSION.search(number_words_to_digits(text.lower()))
    return LineFeatures(
        number=number,
        text=text,
        raw=stripped,
        position=position,
        gap_before=gap,
        level=len(raw) - len(raw.lstrip()),
        bullet=bullet,
        numbered=numbered,
        code=code_text,
        heading_mark=heading_mark,
        words=len(words),
        chars=len(text),
        title_case=bool(words) and capitals * 2 >= len(words),
        ends=text[-1] if text and text[-1] in ".:?!;," else "",
        dose=dose.group(0) if dose else "",
        exercise_words=len(vocab.EXERCISE_WORDS.findall(text)),
        commentary=bool(vocab.COMMENTARY.match(text)),
        imperative=imperative(text),
    )
