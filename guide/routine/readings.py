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
from .features import SHORT_WORDS, LineFeatures, imperative, instruction_like
from .prose import number_words_to_digits

MIN_STEP_NAME_WORDS = 3
_TRAILING_SMALL_WORDS = re.compile(
    r"(?:\s+(?:with|your|the|a|an|and|to|of|on|in|for|so|as|at|into|from|by|or|one|its|their))+$", re.IGNORECASE
)


def first_words(text: str) -> str:
    """An unnamed exercise's name: its first words up to a comma or full stop, at most UNNAMED_WORDS, not ending
    on a small word ("Lie on your back with your" is said "Lie on your back")."""
    words = " ".join(re.split(r"[.,;:]", text)[0].split()[:UNNAMED_WORDS])
    return _TRAILING_SMALL_WORDS.sub("", words) or words


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
    placed: bool = False  # named by where its name stands (under its caption): a move even with no dose
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
        and not (vocab.STEP_VERB.match(name) and len(words) >= MIN_STEP_NAME_WORDS)  # "Find a neutral spine"
        and not re.search(r"\b(?:the|your|you|this|these|below|above|it)\b", name, re.IGNORECASE)
    )


MAX_STEP_WORDS = 30
# "Bonus Stretch: Spinal Twist", "Exercise: Wall Sit", "Yoga pose - Cobra": a kind of move, then the move's name
_LABELLED_NAME = re.compile(
    r"^(?:\w+\s+)?(?:stretch|exercise|move|pose|drill|finisher|bonus)\s*(?::|\s[\u2013\u2014-])\s*"
    r"(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})$",
    re.IGNORECASE,
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
        labelled = _LABELLED_NAME.match(line.text)  # "- Bonus Stretch: Spinal Twist" over its steps
        if labelled and _a_name(labelled.group("name")) and not line.dose:
            current = Item(labelled.group("name"), line.number, numbers=[line.number], placed=True)
            items.append(current)
            continue
        alone = line.text.rstrip(":").strip()
        if line.ends == ":" and _a_name(alone) and line.title_case and line.words <= SHORT_WORDS:
            current = Item(alone, line.number, numbers=[line.number], placed=True)
            items.append(current)
            continue
        # under a "Towel Stretch:" line, its steps may stand a blank line apart, one a line
        step = current is not None and current.placed and line.words <= MAX_STEP_WORDS and not line.heading_mark
        if current is not None and not line.commentary and (not line.gap_before or not current.prose or step):
            current.take(line)
        else:
            current = None
    return [item for item in items if item.prose]


# ---------------------------------------------------------------- one line, one move, with its dose

_AT = re.compile(r"\s*(?:@|\bat\s+\d+(?:\s*-\s*\d+)?\s*%).*$")
_LEAD = re.compile(r"^(?:of|for|at|x|\u00d7|rep|reps|each|then|the|a|an|max(?:imum)?\s+effort)\s+", re.IGNORECASE)


_ON_OFF_LEFT = re.compile(r"^(?:(?:on|off|work|rest|recovery)\b\s*/?\s*)+", re.IGNORECASE)
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
MAX_PLAIN_NAME_WORDS = 4


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
            return _move_for_a_time(named) or ("" if _sentence_like(named) else named)
    name = re.sub(r"(?i)\b(?:sets?|reps?|repetitions?|rounds?|hold|rest|time)\s*:\s*\d+\S*", " ", before_at)
    name = vocab.DOSE_EXPRESSION.sub(" ", re.sub(r"[*\u2020\u2021]+", " ", name)).strip()
    name = _COUNT_FIRST.sub("", name) if counted else name
    name = re.sub(r"\s+(?:(?:to|on|for|per)\s+)?(?:each|ea|both|either)\s+(?:side|leg|arm)s?\s*$", "", name)
    name = re.sub(r"\s[/|]\s|\s[/|]$", " ", f"{name} ")
    name = re.sub(r"\([^)]*\)", " ", name)
    name = " ".join(name.split()).strip(" ,;:.-\u2013\u2014")
    # "sprint followed by easy cycle; alternate for", "warm-up at light to moderate pace in the saddle": the
    # move is the words before what it is followed by, and a long name stops before how it is done
    dose_first = first_dose is not None and first_dose.start() == 0
    name = re.split(r"\s*;\s*|\s+followed\s+by\s+", name, maxsplit=1)[0] if dose_first else name
    if dose_first:
        # "20 seconds on/10 seconds off Shuttle Runs for 2 minutes": what is left of the work and rest times,
        # and the "for" of the time the move goes on, are not its name
        name = _ON_OFF_LEFT.sub("", name)
        name = re.sub(r"(?i)\s+(?:continuous(?:ly)?\s+)?for$", "", name) if before_at.rstrip()[-1:].isalnum() else name
    if dose_first and len(name.split()) > MAX_PLAIN_NAME_WORDS:
        name = re.split(r",\s+|\s+(?:at|in|on|with|into|until)\s+", name, maxsplit=1)[0]
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


_NOT_A_MOVE_VERB = re.compile(r"^(?:hold|rest|recover|inhale|exhale|breathe|relax|repeat|pause|stay)\b", re.I)
MAX_MOVE_VERB_WORDS = 3


def _move_for_a_time(named: str) -> str:
    """ "Sprint for" (1 minute), "Easy jog for", "Plank for": a move said with how long to do it is named by
    the move ("Inhale for" 4 seconds or "Hold for" is a breath or a hold, no move)."""
    move = re.sub(r"\s+(?:for|of)$", "", named, flags=re.IGNORECASE)
    short = 0 < len(move.split()) <= MAX_MOVE_VERB_WORDS
    if move == named or not short or not vocab.EXERCISE_WORDS.search(move) or _NOT_A_MOVE_VERB.match(move):
        return ""
    return "" if _sentence_like(move) else move


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
                current.take(line, _time_first(first), dose=True)
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


_LEADING_TIME = re.compile(
    r"^(\d+(?:\s*(?:-|to)\s*\d+)?)(?:\s*|-)(seconds?|secs?|minutes?|mins?)\b(?!\s+(?:of\s+)?(?:rest|off|recovery))"
)


def _time_first(dose: str) -> str:
    """ "3-minute warm-up at an easy pace": a time written before the move, joined to it, is how long to do it
    ("3 minutes"), read as any time on a move's own line is."""

    def plural(match: re.Match[str]) -> str:
        unit = "minutes" if match.group(2).lower().startswith("m") else "seconds"
        return f"{match.group(1)} {unit}"

    return _on_off_for_a_time(dose) or _LEADING_TIME.sub(plural, dose, count=1)


_ON_OFF_FOR = re.compile(
    r"^(?P<on>\d+)\s*(?:seconds?|secs?|s)\s+on\s*/\s*(?P<off>\d+)\s*(?:seconds?|secs?|s)\s+(?:off|rest|recovery)\b"
    r".*?\bfor\s+(?P<total>\d+)\s*(?P<unit>minutes?|mins?|seconds?|secs?)\b",
    re.IGNORECASE,
)


def _on_off_for_a_time(dose: str) -> str:
    """ "8 seconds on/12 seconds recovery Shuttle Runs for 2 minutes": work and rest repeated for a time are so
    many sets of the work (2 minutes of 20-second cycles is 6 sets of 8 seconds, 12 seconds' rest between)."""
    match = _ON_OFF_FOR.match(dose)
    if match is None:
        return ""
    on, off = int(match.group("on")), int(match.group("off"))
    total = int(match.group("total")) * (60 if match.group("unit").lower().startswith("m") else 1)
    if on + off <= 0 or total < on:
        return ""
    sets = max(1, total // (on + off))
    return f"{sets} sets, each for {on} seconds, rest {off} seconds between sets"


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
            current = Item(first_words(line.text), line.number)
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
    items = [item for item in items if not _among_steps(item.line, lines)]
    return items if len(items) >= 2 else []


def _list_around(number: int, lines: list[LineFeatures]) -> list[LineFeatures]:
    """The list items next to line `number` (its siblings), itself among them."""
    index = next((i for i, line in enumerate(lines) if line.number == number), None)
    if index is None:
        return []
    start = index
    while start > 0 and lines[start - 1].bullet and lines[start].bullet and not lines[start].gap_before:
        start -= 1
    end = index
    while end + 1 < len(lines) and lines[end + 1].bullet and lines[end].bullet and not lines[end + 1].gap_before:
        end += 1
    return lines[start : end + 1]


def _among_steps(number: int, lines: list[LineFeatures]) -> bool:
    """ "- Draw your chin back" / "- Hold for 5 seconds" / "- Release and repeat": the items of one list are all
    moves or all steps; in a list most of whose items are instructions, a short item is one more step."""
    siblings = _list_around(number, lines)
    steps = sum(1 for line in siblings if instruction_like(line.text) or vocab.STEP_VERB.match(line.text))
    return len(siblings) >= MIN_LISTED_MOVES and 2 * steps > len(siblings)


# ---------------------------------------------------------------- a list of moves with no doses

MAX_OPENING_WORDS = 8


def _opening_name(line: LineFeatures) -> str:
    """The move a list item names: the whole item when it is a bare name ("Jumping Jacks"), else its opening
    sentence when that is short and not an instruction ("Hopping on one leg.  Do these forwards ...")."""
    if _bare_name(line):
        return _listed_name(line.text)
    opening = re.split(r"(?<=[a-z)])[.!]\s+", line.text, maxsplit=1)
    if len(opening) < 2 or line.imperative or line.commentary:
        return ""
    name = opening[0].strip()
    words = name.split()
    if not 0 < len(words) <= MAX_OPENING_WORDS or vocab.DOSE_EXPRESSION.search(name):
        return ""
    if re.search(r"\b(?:you|your|we|our|i|my|is|are|was|will|can)\b", name, re.IGNORECASE):
        return ""
    return name


def a_list_of_moves(lines: list[LineFeatures]) -> list[Item]:
    """ "- Jumping Jacks" / "- Body Squats" / "- Jog in place": a list whose items open with a move's name is a
    list of moves though no dose is given (the page's default dose or a guess applies). The items of one list
    are all moves or none: most must open with a name and most names must name a move ("Acceleration" /
    "Balance" is not a list of moves), and none may give a dose or be commentary. An item with items under it
    heads a group ("Exaggerated punches/kicks" over "Kizame Tsuki"): its items are the moves."""
    items: list[Item] = []
    run: list[tuple[LineFeatures, str]] = []

    def close() -> None:
        named = [name for _, name in run if name]
        moves = [
            name
            for name in named
            if vocab.EXERCISE_WORDS.search(name) and not vocab.BENEFIT.match(name) and not vocab.CATEGORY.search(name)
        ]  # "Improve posture" is what a move does, "Leg exercises for runners" a group of them (or a link)
        clean = all(not line.dose and not line.commentary for line, _ in run)
        if clean and len(run) >= MIN_LISTED_MOVES and 2 * len(named) > len(run) and 2 * len(moves) > len(named):
            for index, (line, name) in enumerate(run):
                below = run[index + 1][0] if index + 1 < len(run) else None
                if below is not None and below.level > line.level:
                    continue  # a group's header
                item = Item(name or first_words(line.text), line.number, numbers=[line.number], placed=True)
                item.unnamed = not name
                rest = line.text[len(name) :].strip(" .,;:") if name else line.text
                if rest and not _bare_name(line):
                    item.prose.append(rest)
                items.append(item)
        run.clear()

    for line in lines:
        listed = line.bullet or line.numbered is not None
        if not listed or (run and line.gap_before and not run[-1][0].bullet):
            close()
        if listed:
            run.append((line, _opening_name(line)))
    close()
    return items


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
            item = Item(first_words(line.text), line.number, unnamed=True)
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
_DOSE_COLUMN = re.compile(r"^(?:reps?|repetitions?|sets?|hold|time|duration|rounds?|how\s+many|dose|amount)\b", re.I)


def table_rows(lines: list[LineFeatures]) -> list[Item]:
    """One exercise per table row: the first cell with words names it; the cells under a dose column, or that
    hold only a dose ("40sec"), give its dose; the others (level, goals, notes, equipment) are neither dose nor
    speech."""
    items: list[Item] = []
    for line in lines:
        if "|" not in line.text or "\u2014" not in line.text:
            continue
        head, _, cells_text = line.text.partition(" \u2014 ")
        cells = [cell.strip() for cell in [head, *cells_text.split("|")] if cell.strip()]
        name = next((cell for cell in cells if _a_row_name(cell)), "")
        dose = [cell for cell in cells if _a_dose_cell(cell)]
        if name and dose:
            item = Item(name, line.number, numbers=[line.number])
            item.dose.extend(dose)
            items.append(item)
    return items if len(items) >= MIN_STEPS_OF_A_ROUTINE else []


MAX_DOSE_CELL_WORDS = 3


def _a_row_name(cell: str) -> bool:
    return (
        bool(re.search(r"[A-Za-z]{2,}", cell))
        and ":" not in cell
        and not _a_dose_cell(cell)
        and len(cell.split()) <= MAX_LISTED_WORDS
    )


def _a_dose_cell(cell: str) -> bool:
    """ "Reps: 10", "Repetitions: 3-5X", or a cell that is only a dose ("40sec", "3 x 10")."""
    if _DOSE_COLUMN.match(cell) and re.search(r"\d", cell):
        return True
    bare = vocab.DOSE_EXPRESSION.sub("", cell).strip(" .,;x\u00d7")
    return (
        ":" not in cell
        and bool(vocab.DOSE_EXPRESSION.search(cell))
        and len(cell.split()) <= MAX_DOSE_CELL_WORDS
        and not bare
    )


# ---------------------------------------------------------------- names under their instructions

MAX_CAPTION_LINES = 3


def _a_trailing_name(line: LineFeatures) -> bool:
    return (
        0 < line.words <= MAX_TITLE_WORDS // 2
        and line.title_case
        and line.ends == ""
        and not line.dose
        and not line.commentary
        and not line.heading_mark
        and not vocab.NOT_A_MOVE.match(line.text)
        and not vocab.SECTION_ONLY.match(line.text)
        and re.fullmatch(r"[A-Za-z][\w' /&-]*", line.text) is not None
    )


def _instruction(line: LineFeatures) -> bool:
    said = line.imperative or line.bullet or line.ends in (".", "!")
    return said and line.words >= MIN_CAPTION_WORDS and not line.commentary


MIN_CAPTION_WORDS = 5


def names_under_their_instructions(lines: list[LineFeatures]) -> list[Item]:
    """ "- Sit tall and raise one knee at a time ... Do 15 reps per leg" over "Seated Marching": a page of
    slides names each exercise under its caption. Read so only when the layout says it: the first name has
    instructions right above it, and the last has none under it (a heading would have its text below)."""
    names = [i for i, line in enumerate(lines) if _a_trailing_name(line) and i > 0 and _instruction(lines[i - 1])]
    if len(names) < MIN_STEPS_OF_A_ROUTINE:
        return []
    after_last = [line for line in lines[names[-1] + 1 :] if _instruction(line)]
    if after_last:
        return []
    start = names[0]
    while start > 0 and _instruction(lines[start - 1]):
        start -= 1
    if start > 0 and _a_trailing_name(lines[start - 1]):
        return []  # a name right above the first instructions too: names head their text, a heading layout
    items: list[Item] = []
    previous = -1
    for index in names:
        caption = [
            line
            for line in lines[max(previous + 1, index - MAX_CAPTION_LINES) : index]
            if _instruction(line) and not _a_trailing_name(line)
        ]
        item = Item(lines[index].text, lines[index].number, numbers=[lines[index].number], placed=True)
        for line in caption:
            item.take(line)
        items.append(item)
        previous = index
    return items


# ---------------------------------------------------------------- moves named in their dose phrase

_NAME_WORDS = r"(?P<name>[a-z][\w-]*(?:\s+(?!(?:that|which|at|to|so|and|with|for|on|in|of|is|are|the|up|down)\b)[a-z][\w-]*){0,2})"
# "four sets of 90-second hill repeats", "4 rounds of 30-second efforts"
_SETS_OF_TIMED = re.compile(
    r"\b(?P<sets>\d+)\s+(?:sets|rounds|reps|repeats|x)\s+of\s+(?P<time>\d+)[\s-](?P<unit>seconds?|minutes?|secs?|mins?)\s+"
    + _NAME_WORDS
)
# "a gentle 15 minute warm-up", "Take 10 minutes to cool down"
_TIMED_PART = re.compile(
    r"\b(?P<time>\d+)[\s-](?P<unit>minutes?|mins?)\s+(?:(?:easy|gentle|light)\s+)?(?:to\s+)?"
    r"(?P<name>warm[\s-]?up|cool[\s-]?down|jog|run|ride|spin|walk|row)\b"
)


def moves_in_their_dose_phrase(lines: list[LineFeatures]) -> list[Item]:
    """A session told in prose: "The first involves four sets of 90-second hill repeats", "Begin with a gentle
    15 minute warm-up": each move is named by the words after its dose."""
    items: list[Item] = []
    for line in lines:
        text = number_words_to_digits(line.text.lower())
        found = [(m.start(), m) for m in _SETS_OF_TIMED.finditer(text)] + [
            (m.start(), m) for m in _TIMED_PART.finditer(text)
        ]
        for _, match in sorted(found, key=lambda pair: pair[0]):
            unit = "minutes" if match.group("unit").startswith("m") else "seconds"
            sets = match.groupdict().get("sets")
            dose = f"{sets} sets, each " if sets else ""
            item = Item(match.group("name"), line.number, numbers=[line.number])
            item.dose.append(f"{dose}for {match.group('time')} {unit}")
            items.append(item)
    return items if len(items) >= MIN_LISTED_MOVES else []


# ---------------------------------------------------------------- the steps of one exercise

# "Here are the steps for the pelvic tilt in four-point kneeling pose exercise:", "How to do the bird dog:"
_STEPS_OF = re.compile(
    r"(?:\bsteps?\s+(?:for|of|to)|\bhow\s+to\s+do)\s+(?:the|a|an|this|your)?\s*(?P<name>[\w' -]{3,60}?)"
    r"(?:\s+(?:exercise|stretch|move))?\s*:$",
    re.IGNORECASE,
)


def steps_of_one_exercise(lines: list[LineFeatures]) -> list[Item]:
    """ "Here are the steps for the X exercise:" over paragraphs of steps: one exercise, named where the page
    says what the steps are for, made of every step paragraph under it (numbered or not)."""
    for index, line in enumerate(lines):
        intro = _STEPS_OF.search(line.text)
        counted = _COUNTED_MOVE.search(number_words_to_digits(line.text)) if intro is None else None
        if counted is not None and not _counted_move(counted.group("name")):
            counted = None
        if intro is None and counted is None:
            continue
        named = intro.group("name") if intro is not None else counted.group("name") if counted is not None else ""
        item = Item(named.strip(), line.number, numbers=[line.number])
        if counted is not None:
            item.dose.append(line.text)  # "Perform 3 sets of 15 heel drops 2-3 times per day" over its steps
        steps = 0
        for step in lines[index + 1 :]:
            if step.commentary or (step.short and not step.dose) or not (step.imperative or step.numbered or step.dose):
                break
            item.take(step)
            steps += 1 if step.numbered is not None else 0
        if counted is not None and steps < MIN_STEPS:
            continue  # a dose phrase over anything but a numbered list of steps is not one exercise's steps
        return [item] if item.prose else []
    return []


MIN_STEPS = 3
# "3 sets of 15 heel drops", "10 reps of wall slides": a count, then the move counted
_COUNTED_MOVE = re.compile(
    r"\b\d+\s+(?:reps?\s+of\s+|x\s+)?(?P<name>[a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,2}?)"
    r"(?=\s+(?:\d|per|each|a\s+day|every|on|with|twice|once|daily)\b|\s*[,.;:]|\s*$)"
)
_NOT_COUNTED_MOVES = re.compile(
    r"^(?:sets?|reps?|repetitions?|times|seconds?|minutes?|hours?|days?|weeks?|months?|rounds?|breaths?|counts?|"
    r"steps?|laps?|miles?|km|kg|lbs?)\b",
    re.IGNORECASE,
)


def _counted_move(name: str) -> bool:
    return not _NOT_COUNTED_MOVES.match(name) and (
        bool(vocab.EXERCISE_WORDS.search(name)) or name.split()[-1].endswith("s")
    )


NAMES_UNDER = "names under their instructions"
LIST_OF_MOVES = "a list of moves with no doses"
# Readings whose layout is unambiguous when they find it: they need no margin over the structure reader.
DECISIVE = frozenset({NAMES_UNDER})

READINGS: tuple[tuple[str, Reader], ...] = (
    ("name: instructions lines", name_colon_lines),
    ("one line per move with its dose", dose_lines),
    ("unnamed steps, each closed by its dose", instruction_runs),
    ("names listed under one dose line", names_under_a_dose_line),
    ("a dose line above each name", doses_above_names),
    (LIST_OF_MOVES, a_list_of_moves),
    ("one paragraph per exercise", paragraphs),
    ("moves named in a sentence", moves_in_a_sentence),
    ("table rows", table_rows),
    (NAMES_UNDER, names_under_their_instructions),
    ("moves named in their dose phrase", moves_in_their_dose_phrase),
    ("the steps of one exercise", steps_of_one_exercise),
)


# ---------------------------------------------------------------- last resorts

LastResort = Callable[[list[LineFeatures], str], list[Item]]
MAX_DOSE_RUN_WORDS = 14
MIN_INSTRUCTION_WORDS = 8
_COACHING_VOICE = re.compile(r"^(?:we|you|let'?s|let\s+us)\b", re.IGNORECASE)
_FORBIDDEN = re.compile(r"^(?:never|don'?t|do\s+not|avoid|stop)\b", re.IGNORECASE)


def one_piece_of_work(lines: list[LineFeatures], title: str) -> list[Item]:
    """ "Hill Reps:" over "6x 60 seconds @ about mile race effort", or a title over "- work time: 20 seconds" /
    "- rest time: 60 seconds" / "- repeat 8 times": the page is one piece of work, its dose given line by line
    and named by the short line above the doses (else by the page's title)."""
    for index, line in enumerate(lines):
        if not _a_dose_run_line(line):
            continue
        run = [line]
        for after in lines[index + 1 :]:
            if after.gap_before or not _a_dose_run_line(after):
                break
            run.append(after)
        above = lines[index - 1] if index else None
        named = (
            above is not None and above.short and not above.dose and above.ends in ("", ":") and not above.commentary
        )
        name = above.text.rstrip(":").strip() if named and above is not None else title
        if not name:
            return []
        item = Item(name, above.number if named and above is not None else line.number)
        for dosed in run:
            item.take(dosed, dose=True)
        return [item]
    return []


def _a_dose_run_line(line: LineFeatures) -> bool:
    return bool(line.dose) and line.words <= MAX_DOSE_RUN_WORDS and not line.commentary and line.ends != "?"


def instruction_paragraphs(lines: list[LineFeatures], title: str) -> list[Item]:
    """Every paragraph or list item that tells the reader what to do ("Lie on your back with your knees bent
    ...") is one exercise, named by its first words; the list items under it with no instruction of their own
    are its details. Warnings ("Never lie flat ...") are not exercises."""
    items: list[Item] = []
    current: Item | None = None
    for line in lines:
        for_all = bool(vocab.DEFAULT_SCOPE.search(line.text)) and bool(line.dose)  # "Hold these for 5 s each"
        # "1. We start out with a 15-minute jog ...": a numbered paragraph tells what to do, whoever it speaks as
        told = line.imperative or (line.numbered is not None and bool(_COACHING_VOICE.match(line.text)))
        instructs = told and line.words >= MIN_INSTRUCTION_WORDS and not _FORBIDDEN.match(line.text) and not for_all
        if instructs and not (
            current is not None
            and line.bullet
            and not line.gap_before
            and current.numbers[-1] == line.number - 1
            and _continues(line)
        ):
            current = Item(first_words(line.text), line.number, unnamed=True)
            current.take(line, dose=False)
            items.append(current)
            continue
        if current is not None and line.bullet and not line.gap_before and current.numbers[-1] == line.number - 1:
            current.take(line)
            continue
        current = None
    return items


def _continues(line: LineFeatures) -> bool:
    """ "Repeat the exercise in batches of six", "Keep breathing normally": a list item that goes on with the
    exercise above rather than starting another."""
    return bool(vocab.DOSE_SENTENCE.match(line.text) or re.match(r"(?i)(?:keep|besides|also|then)\b", line.text))


LAST_RESORTS: tuple[tuple[str, LastResort], ...] = (
    ("one piece of work, its dose line by line", one_piece_of_work),
    ("every instruction a move (a guess)", instruction_paragraphs),
)


_INLINE_FIRST = re.compile(r"(?<=[.:!?])\s+(?=1\.\s+[A-Z])")
MIN_INLINE_ITEMS = 3


def _counts_up(parts: list[str]) -> bool:
    numbers = [re.match(r"\s*(\d+)\.\s", part) for part in parts]
    values = [int(number.group(1)) for number in numbers if number]
    return len(values) == len(parts) >= MIN_INLINE_ITEMS and values == list(range(1, len(values) + 1))


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
        # "... exercises for hand arthritis: 1. Hand clench Start with ... 2. Thumb lift ...": a lead-in, then a
        # numbered list counted up from 1, all in one captured paragraph
        lead = _INLINE_FIRST.search(line)
        if lead and _counts_up(vocab.INLINE_NUMBER.split(line[lead.end() :])):
            out.extend([line[: lead.start()].rstrip(), *vocab.INLINE_NUMBER.split(line[lead.end() :])])
            continue
        out.append(line)
    return "\n".join(out)
