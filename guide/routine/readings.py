"""Readings of a page's layout that compete with the structure reader (article.py).

Each reading looks at the line features (features.py) and says which lines are exercises, what each is
called, which words give its dose and which are its instructions. It never infers a dose: the article
reader finishes every reading's items the same way, then the readings are compared on how exercise-like
and how consistent their items are, and the best one is used (`plan` names it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import vocabulary as vocab
from .features import SHORT_WORDS, LineFeatures, imperative

UNNAMED_WORDS = 6  # an exercise with no name is called by its first words


@dataclass
class Item:
    """One exercise as a reading sees it."""

    name: str
    line: int
    dose: list[str] = field(default_factory=list)  # the words that give its dose
    prose: list[str] = field(default_factory=list)  # its instructions, read aloud
    rounds: str = ""  # a line above it that says how many rounds ("4 Rounds", "Repeat three times.")
    unnamed: bool = False  # named from its first words
    doubtful: bool = False  # named by no move word: kept only among lines that clearly name moves
    numbers: list[int] = field(default_factory=list)  # every line it took

    def take(self, line: LineFeatures, text: str | None = None, *, dose: bool = False) -> None:
        (self.dose if dose else self.prose).append(line.text if text is None else text)
        self.numbers.append(line.number)


@dataclass(frozen=True)
class Reading:
    name: str  # what `plan` says: "name: instructions lines", "dose lines", ...
    items: tuple[Item, ...]
    used: frozenset[int]  # line numbers the reading took into its items


Reader = Callable[[list[LineFeatures]], list[Item]]


# ---------------------------------------------------------------- name: instructions


_NAME_COLON = re.compile(
    r"^(?P<name>[A-Z0-9][\w'&/ -]{1,48}?)(?:\s*\((?P<note>[^)]{1,30})\))?"
    r"\s*(?::\s+|\s+[\u2013\u2014]\s+|\s+-\s+|(?<=[a-z])-\s+(?=[A-Z]))"
    r"(?P<body>\S.*)$"
)
_NAME_NOTE = re.compile(r"^(?P<name>[A-Z][\w'&/ -]{1,48}?)\s*\((?P<note>[A-Za-z ,/&]{2,30})\)\s+(?P<body>\S.*)$")


def _a_name(name: str) -> bool:
    words = name.split()
    return (
        0 < len(words) <= SHORT_WORDS
        and not vocab.COMMENTARY.match(name)
        and not vocab.SPOKEN_LABELS.match(name.lower())
        and not vocab.SILENT_LABELS.match(name.lower())
        and not vocab.DOSE_LABELS.match(name.lower())
        and not vocab.DOSE_EXPRESSION.search(name)
        and not re.match(r"(?i)(?:note|tip|warning|important|nb)\b", name)
        and not re.search(r"\b(?:the|your|you|this|these|below|above|it)\b", name, re.IGNORECASE)
    )


def name_colon_lines(lines: list[LineFeatures]) -> list[Item]:
    """ "- Calf Stretch: Put your hands on a wall ... Hold for 20-30 seconds", "Push-Up (Chest) Sets of 30
    reps. ...", or a "Towel Stretch:" line over its paragraph: each exercise named at the front of its
    instructions."""
    items: list[Item] = []
    current: Item | None = None
    for line in lines:
        match = _NAME_COLON.match(line.text) or _NAME_NOTE.match(line.text)
        if match and _a_name(match.group("name")) and len(match.group("body").split()) >= 3:
            current = Item(match.group("name").strip(), line.number)
            current.take(line, match.group("body"))
            items.append(current)
            continue
        alone = line.text.rstrip(":").strip()
        if line.ends == ":" and _a_name(alone) and line.title_case and line.words <= SHORT_WORDS:
            current = Item(alone, line.number, numbers=[line.number])
            items.append(current)
            continue
        if current is not None and not line.commentary and (not line.gap_before or not current.prose):
            current.take(line)
        else:
            current = None
    return [item for item in items if item.prose]


# ---------------------------------------------------------------- one line, one move, with its dose

_AT = re.compile(r"\s*(?:@|\bat\s+\d+(?:\s*-\s*\d+)?\s*%).*$")
_LEAD = re.compile(r"^(?:of|for|x|\u00d7|rep|reps|each|then|the|a|an|max(?:imum)?\s+effort)\s+", re.IGNORECASE)


_OWN_ROUNDS = re.compile(r"^(\d+(?:\s*-\s*\d+)?\s+rounds?)\s+of\s+", re.IGNORECASE)
_ABBREVIATED = re.compile(r"\b(sec|secs|min|mins|hr|hrs|ea|approx|rep|reps)\.(?=\s)", re.IGNORECASE)
_COUNT_FIRST = re.compile(r"^(\d+(?:\s*(?:-|to)\s*\d+)?)\s+(?=[A-Za-z])")


def _sentence_like(name: str) -> bool:
    """ "Inhale for" (4 seconds), "Turn your head to the left and", "If you're finishing min 1 in under": a
    sentence cut short by its dose, not a move's name."""
    return bool(
        re.search(r"\b(?:for|to|of|with|at|in|on|and|or|the|a|an|your|then|under|over|than)$", name, re.IGNORECASE)
        or re.search(r"\b(?:you|your|you're|if|when|can|should|will)\b", name, re.IGNORECASE)
        or (imperative(name) and len(name.split()) >= SENTENCE_WORDS)
    )


SENTENCE_WORDS = 6


def _move_name(clause: str, *, counted: bool = False) -> str:
    """The name left when the dose is taken out: "20 rep back squat" -> "back squat"; a line that is a
    distance only ("4 x 800m @ 5K pace") is named by the distance."""
    before_at = _AT.sub("", clause).strip(" ,;:")
    first_dose = vocab.DOSE_EXPRESSION.search(before_at)
    if first_dose is not None and first_dose.start() > 0:
        # "Chest to Bar Pull-ups, AMRAP x 5 sets", "KBS \u2013 2 pd, 21 reps x 4 sets": the name comes first and
        # ends at its first comma or dash
        named = re.split(r",\s+|\s+[\u2013\u2014-]\s+|\s*\(", before_at[: first_dose.start()], maxsplit=1)[0]
        named = named.strip(" ,;:.-\u2013\u2014")
        if re.search(r"[A-Za-z]{2,}", named) and not _COUNT_FIRST.match(before_at):
            return "" if _sentence_like(named) else named
    name = re.sub(r"(?i)\b(?:sets?|reps?|repetitions?|rounds?|hold|rest|time)\s*:\s*\d+\S*", " ", before_at)
    name = vocab.DOSE_EXPRESSION.sub(" ", re.sub(r"[*\u2020\u2021]+", " ", name)).strip()
    name = _COUNT_FIRST.sub("", name) if counted else name
    name = re.sub(r"\s+(?:(?:to|on|for|per)\s+)?(?:each|ea|both|either)\s+(?:side|leg|arm)s?\s*$", "", name)
    name = re.sub(r"\s[/|]\s|\s[/|]$", " ", f"{name} ")
    name = re.sub(r"\([^)]*\)", " ", name)
    name = " ".join(name.split()).strip(" ,;:.-\u2013\u2014")
    name = re.sub(r"(?:\s+[\u2013\u2014-])?(?:\s+\w)?$", "", name).strip(" ,;:-\u2013\u2014")  # "Squat — s"
    for _ in range(3):
        name = _LEAD.sub("", name).strip(" ,;:-\u2013\u2014")
    if _sentence_like(name):
        return ""
    if not re.search(r"[A-Za-z]{2,}", name):
        # "4 x 800m @ target 5K pace": a distance is named by what the line says of it
        distance = re.search(r"\d+\s*(?:m|km|metres?|meters?|yards?|miles?)\b.*$", clause)
        return distance.group(0).strip() if distance else ""
    return name


def dose_lines(lines: list[LineFeatures]) -> list[Item]:
    """ "A1 – Squat – 60 seconds", "20 rep back squat @ 60%", "4 x 800m @ 5K pace", "Push-Ups x 10":
    every line that holds a dose and a move's name is one exercise; a "4 Rounds" line sets the rounds of
    the lines under it, and a following line with no dose of its own (how to do it) is its instructions."""
    items: list[Item] = []
    rounds = ""
    current: Item | None = None
    for line in lines:
        if vocab.ROUNDS_LINE.match(line.text):
            rounds, current = line.text, None
            continue
        if line.commentary or line.ends == "?":
            current = None
            continue
        text = _ABBREVIATED.sub(r"\1", line.text)  # "30 sec. jumping jacks": "sec." ends no sentence
        first = re.split(r"(?<=[.!?])\s+|,\s+(?=with\b|then\b|rest\b)", text, maxsplit=1)[0]
        counted = _COUNT_FIRST.match(first) if line.words <= SHORT_WORDS else None  # "30 crunches"
        if (line.dose or counted) and not vocab.DOSE_SENTENCE.match(first):
            name = _move_name(first, counted=bool(counted) and not line.dose)
            if counted and not line.dose:
                # "10 front lunges ea. leg": the count is reps, per limb when the line says so
                limb = re.search(r"\b(?:each|per|ea)\.?\s+(side|leg|arm|foot|hand)s?\b", first, re.IGNORECASE)
                first = f"{counted.group(1)} reps" + (f" each {limb.group(1).lower()}" if limb else "")
            exercise_like = vocab.EXERCISE_WORDS.search(name) or re.fullmatch(r"\d+\s*\w+", name)
            listed = line.code or line.bullet or line.numbered is not None
            longest = MAX_LISTED_WORDS if listed else SHORT_WORDS
            # A short "name dose" line among others that name moves is one of them ("Penguins 30 each side").
            alike = line.words <= SHORT_WORDS + 2 and line.ends not in (".", ":") and name[:1].isalnum()
            if name and len(name.split()) <= longest and (exercise_like or listed or alike):
                current = Item(name, line.number, rounds=rounds, doubtful=not (exercise_like or listed))
                own_rounds = _OWN_ROUNDS.match(first)
                if own_rounds and not rounds:  # "5 rounds of 250 m row": this move done five times round
                    current.rounds, first = own_rounds.group(1), first[own_rounds.end() :]
                current.take(line, first, dose=True)
                rest = text[len(first) :].strip()
                if rest:
                    current.prose.append(rest)
                items.append(current)
                continue
        if current is not None and not line.dose and not line.gap_before and line.words > SHORT_WORDS:
            current.take(line)
        else:
            current = None
    named = sum(1 for item in items if not item.doubtful)
    return [item for item in items if not item.doubtful or named >= MIN_NAMED_MOVES]


MIN_NAMED_MOVES = 3  # lines like "Penguins 30 each side" are moves when at least this many others clearly are


# ---------------------------------------------------------------- unnamed runs of steps


def instruction_runs(lines: list[LineFeatures]) -> list[Item]:
    """Exercises with no names, each a run of instruction lines closed by its dose lines ("Hold for 20-30
    seconds", "Repeat 3-5 times"): the next instruction after a dose line starts the next exercise."""
    items: list[Item] = []
    current: Item | None = None
    closed = True
    for line in lines:
        is_dose = bool(line.dose) and bool(vocab.DOSE_SENTENCE.match(line.text)) and line.words <= 14
        if is_dose:
            if current is not None:
                current.take(line, dose=True)
                closed = True
            continue
        if line.commentary or (line.short and not line.imperative):
            current, closed = None, True
            continue
        if closed or current is None:
            if not line.imperative:
                current = None
                continue
            current = Item(" ".join(re.split(r"[.,;:]", line.text)[0].split()[:UNNAMED_WORDS]), line.number)
            current.unnamed = True
            items.append(current)
            closed = False
        current.take(line)
    return [item for item in items if item.dose]


# ---------------------------------------------------------------- names under one dose line

MAX_LISTED_WORDS = 8


def _listed_name(text: str) -> str:
    """The move a listed line names, without a note in brackets or a load after it ("Box Jumps 24/20\u2033",
    "Overhead squat 75/55 lb")."""
    text = re.sub(r"\s*\([^)]*\)", "", text)
    return re.sub(r"\s+\d+(?:/\d+)?\s*(?:\u2033|\u2032\u2032|\"|''|in|lbs?|kg|#|pood|pounds)?\s*$", "", text).strip()


def _bare_name(line: LineFeatures) -> bool:
    """ "Jump Squats", "Box Jumps 24/20\u2033", "Lateral Bounding (think speed skater movement)": a line that
    only names a move (a load or a note in brackets may follow)."""
    text = _listed_name(line.text)
    words = text.split()
    return (
        0 < len(words) <= MAX_LISTED_WORDS
        and line.ends == ""
        and not line.commentary
        and not vocab.SECTION_ONLY.match(text)
        and not vocab.NOT_A_MOVE.match(text)
        and not vocab.DOSE_EXPRESSION.search(text)
        and text[:1].isalpha()
        and not re.search(r"\b(?:you|your|we|our|i|my)\b", text, re.IGNORECASE)
    )


_ROUNDS_OF = re.compile(r"\b\d+(?:\s*(?:-|to)\s*\d+)?\s+rounds?\s*(?:total\s+)?(?:of\s+)?", re.IGNORECASE)
_BARE_TIME = re.compile(
    r"(?<![\w.])(?<!for )(\d+\s*(?:seconds?|secs?|s|minutes?|mins?)\b)(?!\s+(?:of\s+)?(?:rest|off|recovery))"
)


def _per_move(shared: str) -> str:
    """What a list's dose line says about each move: "5 Rounds of 1 minute at each station" gives each move
    a minute of work (the rounds belong to the list)."""
    each = _ROUNDS_OF.sub("", shared)
    return _BARE_TIME.sub(r"for \1", each, count=1) if not re.search(r"(?i)\breps?\b", each) else each


def names_under_a_dose_line(lines: list[LineFeatures]) -> list[Item]:
    """ "5 Rounds of 1 minute at each station" over "Row for calories" / "Box Jumps" / "Overhead squat": one
    line gives the dose (and the rounds) for the bare names listed under it, perhaps in groups ("Group 1")."""
    items: list[Item] = []
    shared: LineFeatures | None = None
    for line in lines:
        if _bare_name(line) and shared is not None:
            name = _listed_name(line.text)
            item = Item(name, line.number, rounds=shared.text)
            item.take(shared, _per_move(shared.text), dose=True)
            item.numbers.append(line.number)
            items.append(item)
            continue
        if vocab.SECTION_ONLY.match(line.text.rstrip(":")):
            continue  # "Group 2": the shared dose goes on
        if line.dose and not _bare_name(line) and (line.ends in ("", ":") or line.words <= 30):
            shared = line if not vocab.EXERCISE_WORDS.search(_move_name(line.text)) else None
            continue
        if line.words > SHORT_WORDS or line.commentary:
            shared = None
    return items if len(items) >= 2 else []


# ---------------------------------------------------------------- a dose above each name

MAX_DOSE_ONLY_WORDS = 4


def doses_above_names(lines: list[LineFeatures]) -> list[Item]:
    """ "5 min" over "Warm up light resistance, cadence check" / "2 min" over "Shallow climb, settle in": an
    interval plan writes each piece's time on a line of its own above what to do."""
    items: list[Item] = []
    current: Item | None = None
    above: LineFeatures | None = None
    for line in lines:
        dose_only = bool(line.dose) and line.words <= MAX_DOSE_ONLY_WORDS and not vocab.EXERCISE_WORDS.search(line.text)
        if dose_only and not vocab.NOT_A_MOVE.match(line.text):
            above, current = line, None
            continue
        if above is not None and not line.gap_before and not line.dose and not line.commentary:
            clause = re.split(r"[,.;:(]|\s+[\u2013\u2014-]\s+", line.text, maxsplit=1)[0].strip()
            # "Warm up light resistance HR 65% of max": the name stops at a figure or an abbreviation
            name = re.split(r"\s+(?=\S*\d|[A-Z]{2,}\b)", clause, maxsplit=1)[0].strip()
            if 0 < len(name.split()) <= SHORT_WORDS:
                current = Item(name, line.number)
                current.take(above, dose=True)
                current.take(line, line.text[len(name) :].strip(" ,.;:") or name)
                items.append(current)
                above = None
                continue
        above = None
        if current is not None and not line.gap_before and not line.dose:
            current.take(line)
        else:
            current = None
    return [item for item in items if item.dose] if len(items) >= MIN_NAMED_MOVES else []


# ---------------------------------------------------------------- one paragraph per exercise

MIN_PARAGRAPH_WORDS = 20
# "The first exercise, the hip march, ...", "The next exercise is the ankle stretch.", "Our last move is a plank."
_NAMED_IN_PROSE = re.compile(
    r"\b(?:exercise|move|stretch|pose|routine|one|drill)\s*(?:is|,|:)\s+(?:called\s+)?(?:the|a|an)\s+"
    r"(?P<name>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,4}?)\s*(?:[,.;:!]|\s+(?:which|that|is|and|makes)\b)",
    re.IGNORECASE,
)


def paragraphs(lines: list[LineFeatures]) -> list[Item]:
    """A page with no headings and no list: each paragraph that says what to do and how much is one exercise,
    named where its first sentence names it ("The next exercise is the seated row."), else by its first words."""
    items: list[Item] = []
    for index, line in enumerate(lines):
        sentences = re.split(r"(?<=[.!?])\s+", line.text)
        if line.words < MIN_PARAGRAPH_WORDS or not line.dose or not any(imperative(s) for s in sentences[:4]):
            continue
        named = _NAMED_IN_PROSE.search(" ".join(sentences[:2]))
        above = lines[index - 1] if index else None
        if (
            above is not None
            and _names_the_paragraph(above, line)
            and not any(above.number in i.numbers for i in items)
        ):
            item = Item(above.text, above.number, numbers=[above.number])  # "Figure 4 Glute Stretch" over its text
        elif named:
            item = Item(named.group("name"), line.number)
        else:
            item = Item(" ".join(re.split(r"[,.;:]", line.text)[0].split()[:UNNAMED_WORDS]), line.number, unnamed=True)
        item.take(line)
        items.append(item)
    return items if len(items) >= MIN_STEPS_OF_A_ROUTINE else []


MIN_STEPS_OF_A_ROUTINE = 2
MAX_TITLE_WORDS = 10


def _names_the_paragraph(above: LineFeatures, paragraph: LineFeatures) -> bool:
    """A short capitalised line with no full stop right above a paragraph is its title."""
    return (
        above.number == paragraph.number - 1 - (1 if paragraph.gap_before else 0)
        and 0 < above.words <= MAX_TITLE_WORDS
        and above.ends == ""
        and above.title_case
        and not above.dose
        and not above.commentary
        and not vocab.NOT_A_MOVE.match(above.text)
    )


# ---------------------------------------------------------------- moves listed in a sentence

MIN_LISTED_MOVES = 3
MAX_LISTED_MOVE_WORDS = 4
# "This week the stations included; step ups, jumping jacks, ... and superman.", "The moves are: squats, ..."
_LIST_INTRO = re.compile(
    r"\b(?:include[sd]?|including|are|were|is|as follows|consists? of|made up of)\s*[:;,]?\s+(?P<list>[^.;:]+?)\.?$"
    r"|:\s*(?P<after>[^.;:]+?)\.?$",
    re.IGNORECASE,
)


def moves_in_a_sentence(lines: list[LineFeatures]) -> list[Item]:
    """ "This week the stations included; step ups, jumping jacks, hoop switches, bean bag punch and superman.":
    the moves named in one sentence, each done with the dose the page gives every move."""
    for line in lines:
        for sentence in re.split(r"(?<=[.!?])\s+", line.text):
            intro = _LIST_INTRO.search(sentence)
            if intro is None:
                continue
            listed = intro.group("list") or intro.group("after") or ""
            names = [n.strip(" ,") for n in re.split(r",\s*|\s+and\s+|\s+or\s+", listed) if n.strip(" ,")]
            short = all(0 < len(n.split()) <= MAX_LISTED_MOVE_WORDS and not re.search(r"\d", n) for n in names)
            moves = sum(1 for n in names if vocab.EXERCISE_WORDS.search(n))
            if len(names) >= MIN_LISTED_MOVES and short and moves * 2 >= len(names):
                return [Item(name, line.number, numbers=[line.number]) for name in names]
    return []


# ---------------------------------------------------------------- table rows

# "Roll - Up \u2014 Repetitions: 3-5X | Level: Beginner | Goals: ...": a table's row as tables.py writes it.
_ROW = re.compile(r"^(?P<name>[^|]{1,60}?)\s+\u2014\s+(?P<cells>[^|:]{1,40}:\s*[^|]*(?:\|\s*[^|:]{1,40}:\s*[^|]*)*)$")
_DOSE_COLUMN = re.compile(r"^(?:reps?|repetitions?|sets?|hold|time|duration|rounds?|how\s+many|dose|amount)\b", re.I)


def table_rows(lines: list[LineFeatures]) -> list[Item]:
    """One exercise per table row: the cells under a dose column give its dose, the others (level, goals,
    notes) are neither dose nor speech."""
    items: list[Item] = []
    for line in lines:
        row = _ROW.match(line.text)
        if row is None:
            continue
        cells = [cell.strip() for cell in row.group("cells").split("|")]
        dose = [cell for cell in cells if _DOSE_COLUMN.match(cell) and re.search(r"\d", cell)]
        if dose:
            item = Item(row.group("name").strip(), line.number, numbers=[line.number])
            item.dose.extend(dose)
            items.append(item)
    return items if len(items) >= MIN_STEPS_OF_A_ROUTINE else []


READINGS: tuple[tuple[str, Reader], ...] = (
    ("name: instructions lines", name_colon_lines),
    ("one line per move with its dose", dose_lines),
    ("unnamed steps, each closed by its dose", instruction_runs),
    ("names listed under one dose line", names_under_a_dose_line),
    ("a dose line above each name", doses_above_names),
    ("one paragraph per exercise", paragraphs),
    ("moves named in a sentence", moves_in_a_sentence),
    ("table rows", table_rows),
)


def unglue_lists(text: str) -> str:
    """A list a page capture glued into one line ("... • Stand tall. • Hold for 20 seconds", "1. Head back
    (X5) 2. Right ear ...") is put back on lines of its own."""
    out: list[str] = []
    for line in text.splitlines():
        if len(vocab.INLINE_BULLET.findall(line)) >= 2:
            head, *rest = vocab.INLINE_BULLET.split(line)
            out.extend([head, *(f"- {part}" for part in rest)])
            continue
        if len(vocab.INLINE_NUMBER.findall(line)) >= 2 and re.match(r"^\s*1\.\s", line):
            out.extend(vocab.INLINE_NUMBER.split(line))
            continue
        out.append(line)
    return "\n".join(out)
