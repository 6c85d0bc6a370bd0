"""Repairs of what a page capture does to a page, made before any reading of its layout.

A saved page is often not the page as a reader saw it: a PDF or a flattened web page arrives as one long
line with its sentences glued ("a day.Raise", "times.2. Lie"), and a leaflet's running header or an image
caption ("Hip exercises") is repeated above every exercise. These are the capture's marks, not the
author's layout, so they are undone once here and every reading sees the page as it was written.
"""

from __future__ import annotations

import re
from collections import Counter

from . import vocabulary as vocab

FLATTENED_WORDS = 120  # a line this long is a whole page (or a whole list) run together
PAGE_SHARE = 0.6  # ... when it holds most of the page's words
RUNNING_HEADER_REPEATS = 3  # a short line said this often is page furniture, not a move
MAX_HEADER_WORDS = 6

# "a day.Raise your leg": a full stop glued to the next sentence's capital (not "e.g.The" or "U.K.")
_GLUED_SENTENCE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
# "... repeat 20 times.2. Lie on your back": a list number glued after the sentence before it
_GLUED_NUMBER = re.compile(r"(?:(?<=[.!?])|(?<=\s))\s*(?=(?P<n>\d{1,2})[.)]\s*[A-Z][a-z])")
_SENTENCE_END = re.compile(r"(?<=[a-z]{2}[.!?])\s+(?=[A-Z])")


def repair(text: str) -> str:
    """The page as written: an "OR" alternative left out, glued numbers and sentences unglued, bold names and
    rests run into one paragraph split, letter-spaced banners dropped, a flattened page put back on lines,
    running headers dropped, and names left after their captions or run into their instructions put on lines
    of their own."""
    text = split_inline_rests(split_inline_headings(unglue_numbers(drop_alternatives(text))))
    return split_names_from_instructions(
        split_trailing_names(drop_running_headers(unflatten(drop_spaced_letters(text))))
    )


def drop_alternatives(text: str) -> str:
    """ "OR" alone on a line, then a block: the scaled or alternative version of the workout above, not more of
    it. The block (up to the next blank line) is left out."""
    out: list[str] = []
    skipping = False
    for line in text.splitlines():
        if re.fullmatch(r"\s*(?:OR|Or|or)\s*:?\s*", line) and out and out[-1].strip() == "":
            skipping = True
            out.append("")
            continue
        if skipping and line.strip():
            out.append("")
            continue
        skipping = False
        out.append(line)
    return "\n".join(out) if any(line.strip() for line in out) else text


# "S H O U L D E R", "G U I D E L I N E S": a leaflet's banner letter-spaced, captured as letters
_SPACED_LETTERS = re.compile(r"^\s*(?:[A-Za-z]\s){3,}[A-Za-z]?\s*$")


def drop_spaced_letters(text: str) -> str:
    """Letter-spaced banners dropped; a list number standing alone above its item ("2" over "Standing Shoulder
    abduction ...") joined to it."""
    lines = ["" if _SPACED_LETTERS.match(line) else line for line in text.splitlines()]
    for index in range(len(lines) - 1):
        below = lines[index + 1].strip()
        alone = re.fullmatch(r"\s*(\d{1,2})\s*", lines[index])
        if alone and below[:1].isupper() and len(below.split()) <= MAX_ITEM_WORDS:
            # joined on the number's line, the item's own line left blank: every other line keeps its number
            lines[index], lines[index + 1] = f"{alone.group(1)}. {below}", ""
    return "\n".join(lines)


MAX_ITEM_WORDS = 12


# "Lateral raise in side lying Lying on your side, raise a load": a PDF's name run into its first instruction,
# which starts with a capitalised position or verb
_NAME_THEN_INSTRUCTION = re.compile(
    r"^(?P<number>\d{1,2}\.\s+)?(?P<name>[A-Z][a-z'-]+(?:\s+[A-Za-z'-]+){1,5}?)(?<=[a-z])\s+(?:\[[^\]]{1,20}\]\s+)?"
    r"(?P<rest>(?:Lying|Standing|Sitting|Kneeling|Holding|Looking|Facing|Lie|Stand|Sit|Kneel|Hold|Put|Place|Keep|Start|"
    r"Begin|With|From|Using|Bend|Bring|Lift|Raise|Slowly|Gently|Rest|Take|Turn|Move|Press|Squeeze)\s.*)$"
)
MIN_GLUED_NAMES = 2


def split_names_from_instructions(text: str) -> str:
    """Names run into their instructions on two or more lines are put on lines of their own."""
    lines = text.splitlines()
    found = [_NAME_THEN_INSTRUCTION.match(line.strip()) for line in lines]
    if sum(1 for match in found if match) < MIN_GLUED_NAMES:
        return text
    out: list[str] = []
    for line, match in zip(lines, found, strict=True):
        out.extend([(match.group("number") or "") + match.group("name"), match.group("rest")] if match else [line])
    return "\n".join(out)


# "Row 2,000 meters at a steady pace Rest 3 minutes Row 1,500 meters ...": a whiteboard run onto one line
_INLINE_REST = re.compile(r"(?<=\S)\s+(Rest\s+\d+\s*(?:minutes?|mins?|seconds?|secs?)\b\.?)\s+(?=[A-Z])")
MIN_INLINE_RESTS = 2


def split_inline_rests(text: str) -> str:
    """A line of pieces with "Rest 3 minutes" between them, run together by the capture, is put back one piece
    (and one rest) a line."""
    out: list[str] = []
    for line in text.splitlines():
        if len(_INLINE_REST.findall(line)) >= MIN_INLINE_RESTS:
            out.append(_INLINE_REST.sub(r"\n\1\n", line))
            continue
        out.append(line)
    return "\n".join(out)


# "for20-30 sec", "Repeat3 times": a number glued to the word before it
_GLUED_COUNT = re.compile(r"\b(for|of|hold|repeat|rest|do|x)(?=\d)", re.IGNORECASE)


def unglue_numbers(text: str) -> str:
    """ "for20-30 sec" and "on your knees.Turn your head": the space a capture lost is put back."""
    return _GLUED_SENTENCE.sub(" ", _GLUED_COUNT.sub(r"\1 ", text))


# "... Repeat ten times. **Resisted Opening** - Cup your palm ...": a bold name after a sentence, then a dash
_INLINE_HEADING = re.compile(
    r"(?<=[.!?])\s+(?=(?:\*\*|__)[A-Z][^*_\n]{1,50}(?:\*\*|__)\s*(?:[-\u2013\u2014:]|\s[A-Z]))"
)
MIN_INLINE_HEADINGS = 2


def split_inline_headings(text: str) -> str:
    """A paragraph that runs several bold-named exercises together is put back one exercise a line."""
    out: list[str] = []
    for line in text.splitlines():
        if len(_INLINE_HEADING.findall(line)) >= MIN_INLINE_HEADINGS:
            first = re.search(r"(?:\*\*|__)[A-Z]", line)
            head = line[: first.start()] if first else ""
            rest = line[len(head) :]
            out.extend([head.rstrip(), ""] if head.strip() else [])
            for part in _INLINE_HEADING.split(rest):
                out.extend([part.strip(), ""])
            continue
        out.append(line)
    return "\n".join(out)


def unflatten(text: str) -> str:
    """A line of a whole page: its numbered items go back on lines of their own (when they count up from 1),
    and the text before them is split into its sentences."""
    out: list[str] = []
    page_words = len(text.split())
    changed = False
    for line in text.splitlines():
        words = len(line.split())
        cuts = _counting_cuts(_GLUED_SENTENCE.sub(" ", line)) if words >= FLATTENED_WORDS else []
        # a long paragraph of the author's stays whole: only a list run together, or the whole page on a line
        glued = bool(_GLUED_SENTENCE.search(line)) or len(re.findall(r"\s[\u2022\u25cf\u25aa]\s", line)) >= 2
        if not cuts and (words < FLATTENED_WORDS or words < page_words * PAGE_SHARE or not glued):
            out.append(line)
            continue
        changed = True
        line = _GLUED_SENTENCE.sub(" ", line)
        if cuts:
            head = line[: cuts[0]]
            out.extend(part.strip() for part in _SENTENCE_END.split(head) if part.strip())
            out.extend(
                ["", *(line[start:end].strip() for start, end in zip(cuts, [*cuts[1:], len(line)], strict=True))]
            )
            out.append("")
            continue
        out.extend(part.strip() for part in _SENTENCE_END.split(line) if part.strip())
    return "\n".join(out) if changed else text


def _counting_cuts(line: str) -> list[int]:
    """Where the items "1." "2." "3." ... of a glued list start: numbers that count up by one from 1."""
    first = re.match(r"\s*1[.)]\s*[A-Z]", line)
    cuts: list[int] = [0] if first else []
    expected = 2 if first else 1
    for match in _GLUED_NUMBER.finditer(line):
        if int(match.group("n")) == expected:
            cuts.append(match.start("n"))
            expected += 1
    return cuts if len(cuts) >= 2 else []


def drop_running_headers(text: str) -> str:
    """A short line with no number said three times or more ("Hip exercises" above each numbered exercise,
    "Run/Walk" between each interval) is a running header or caption: it is dropped, leaving a blank line."""
    lines = text.splitlines()
    keys = [_header_key(line) for line in lines]
    counts = Counter(key for key in keys if key)
    return "\n".join(
        "" if key and counts[key] >= RUNNING_HEADER_REPEATS else line for line, key in zip(lines, keys, strict=True)
    )


def _header_key(line: str) -> str:
    text = line.strip()
    words = text.split()
    if not words or len(words) > MAX_HEADER_WORDS or re.search(r"\d", text) or text[-1] in ".!?:":
        return ""
    if re.match(r"^(?:[-*+#>\u2022\u25cf\u25aa]|\d)", text):
        return ""  # a list item is the author's, however often it is said
    return " ".join(re.findall(r"[a-z]+", text.lower()))


# "... draw it towards the other side. The Elbow Pump": a slide's name left after its caption's last sentence
_TRAILING_NAME = re.compile(r"(?<=[.!?])\s+(?P<name>[A-Z][\w'/-]*(?:\s+[A-Z][\w'/-]*){0,4})\s*$")
MIN_TRAILING_NAMES = 2
MIN_CAPTION_WORDS = 8


def split_trailing_names(text: str) -> str:
    """Captions that each end with their exercise's name (a slide show captured as text) put the name on a
    line of its own under them, where a page that names its exercises after their instructions has it; only
    when two or more lines end so, so one sentence ending in a capitalised word is left alone."""
    lines = text.splitlines()
    found = [_TRAILING_NAME.search(line) if len(line.split()) >= MIN_CAPTION_WORDS else None for line in lines]
    if sum(1 for match in found if match) < MIN_TRAILING_NAMES:
        return text
    out: list[str] = []
    for line, match in zip(lines, found, strict=True):
        if match is None:
            out.append(line)
            continue
        out.extend([line[: match.start()].rstrip(), match.group("name")])
    return "\n".join(out)


# "... notice how the stretch changes Stretch: your hamstrings", "... before swapping. STRETCH: YOUR QUADS": the
# next item's label left at the end of the line before it when a list was run onto one line
_TRAILING_LABEL = re.compile(
    r"(?:^|(?<=[a-z.!?)])\s+)(?P<word>[A-Z][a-z]+|[A-Z]{3,}):\s+(?P<what>(?:(?:your|the|YOUR|THE)\s+)?[A-Za-z][A-Za-z -]{1,30}?)\s*$"
)


def _a_name_label(match: re.Match[str] | None) -> re.Match[str] | None:
    """Not a label of a page's facts or dose ("Frequency: Hourly", "Repetitions: 20", "Tip: ...")."""
    if match is None:
        return None
    word = match.group("word").lower()
    known = vocab.SPOKEN_LABELS.match(word) or vocab.SILENT_LABELS.match(word) or vocab.DOSE_LABELS.match(word)
    return None if known or vocab.NOT_A_MOVE.match(word) else match


def split_trailing_labels(text: str) -> str:
    """Short labels said the same way on two or more lines ("Stretch: your quads"), alone or left at the end of
    the line before, go on lines of their own, read as the names they are ("Stretch your quads")."""
    lines = text.splitlines()
    found = [_a_name_label(_TRAILING_LABEL.search(line)) for line in lines]
    words = Counter(match.group("word").lower() for match in found if match)
    if not words or words.most_common(1)[0][1] < MIN_TRAILING_NAMES:
        return text
    label = words.most_common(1)[0][0]
    out: list[str] = []
    for line, match in zip(lines, found, strict=True):
        if match is None or match.group("word").lower() != label:
            out.append(line)
            continue
        before = line[: match.start()].rstrip()
        out.extend([*([before, ""] if before else []), f"{match.group('word')} {match.group('what')}"])
    return "\n".join(out)
