"""The plain-text article: a title, intro paragraphs, then the exercises in the shapes real pages use.

Several readings of the page's layout compete (`read_article`): the structure reader here and the
readings in `readings.py`, each finished into exercises the same way (`_finish`), then compared on how
much their items look like a coach's list (`_plausibility`); the best is used and named.

The structure reader classifies each line by its shape (noise, heading, dose line, sub-label, step,
prose), then finds exercises from the strongest structure the article has: numbered headings, then
"Name: instructions" lines, then short heading lines followed by instructions, then numbered
paragraphs. A named move with no dose is kept and timed by default; where the reader guesses, it notes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import Enum

from . import vocabulary as vocab
from .capture import repair, split_names_from_instructions, split_trailing_labels
from .features import LineFeatures, imperative, instruction_like, line_features
from .infer import SECONDS_PER_BREATH, Findings, complete, infer, name_sides
from .limits import drop_inferred_out_of_bounds
from .model import Amount, Block, Exercise, Origin, Routine, Sides, Skipped, Sourced
from .prose import clean_name, clean_title, for_inference, normalize_unicode, sentences, split_glued_words
from .readings import DECISIVE, LAST_RESORTS, READINGS, Item, unglue_lists
from .tables import text_tables_to_lines

MAX_HEADING_WORDS = 6
MAX_HEADING_CHARS = 60
MIN_PARAGRAPH_WORDS = 8  # a heading is followed by real instructions, not "You're all set."
MAX_NAME_WORDS = 6
UNNAMED_NAME_WORDS = 4
MIN_NUMBERED_PARAGRAPH_WORDS = 18  # an unnamed numbered paragraph is named by its first words


class Kind(Enum):
    NOISE = "noise"
    HEADING = "heading"  # a short line that could name an exercise or a section
    NAMED = "named"  # "Name: instructions" / "Name — 10 reps" on one line
    DOSE = "dose"  # a line that is only a dose: "3 sets of 8 reps", "Reps: 10", "30 seconds"
    LABEL = "label"  # "How to do it: ...", "Tip: ...", "Muscles worked: ..."
    STEP = "step"  # a bullet or numbered instruction
    PROSE = "prose"


@dataclass(frozen=True)
class Line:
    number: int
    text: str  # normalized, stripped, markup removed
    kind: Kind
    numbered: bool = False  # a list number was removed from the front
    number_value: int | None = None
    name: str = ""  # HEADING / NAMED: the name part
    rest: str = ""  # NAMED: what follows the name; LABEL: the text after the label
    dose_tail: str = ""  # HEADING / NAMED: a dose written with the name
    gap_before: bool = False  # a blank line precedes it
    silent: bool = False  # LABEL: not read aloud (what a move is for, not how to do it)
    forced_heading: bool = False  # a heading in the page's markup (HTML <h2>, Markdown ##)
    heading_level: int = 0  # its depth: 1-6 for "#" to "######", BOLD_LEVEL for a line in bold, 0 for none


@dataclass
class _Draft:
    start: Line
    name: str
    strong: list[str] = field(default_factory=list)  # heading tail and dose lines
    prose: list[str] = field(default_factory=list)  # spoken instructions
    silent: list[str] = field(default_factory=list)  # read for the dose only, never spoken
    section: int = -1  # index of the section heading it sits under
    unnamed: bool = False  # named by its first words: a page's instruction with no name
    placed: bool = False  # named by where its name stands on the page (under its caption)


@dataclass(frozen=True)
class _Section:
    line: Line
    text: list[str]


def read_article(text: str, source: str) -> Routine:
    """The best of the competing readings of the page's layout (the structure reader's among them)."""
    # a list unglued from one paragraph may have its names run into their instructions as well
    text = split_names_from_instructions(unglue_lists(repair(text_tables_to_lines(text))))
    text = split_glued_words(split_trailing_labels(text))
    lines = _classify_all(text)
    if not lines:
        return Routine(title="", intro=(), blocks=(), source=source)
    title_index = _title_index(lines)
    title = clean_title(lines[title_index].text)
    body = [line for line in lines[title_index + 1 :] if line.text != lines[title_index].text]
    candidates = [_read_structure(body, title, source)]
    noise = {line.number for line in lines if line.kind is Kind.NOISE}
    last = lines[-1].number  # readers' comments below it are not the routine
    features = [
        f for f in line_features(text) if lines[title_index].number < f.number <= last and f.number not in noise
    ]
    for name, reader in READINGS:
        items = reader(features)
        if items:
            candidates.append(_items_routine(items, features, title, source, name))
    best = _with_another_list(_best(candidates), candidates)
    if not best.blocks:
        # No reading found a move with a dose: the last resorts, rather than "no exercises found"
        for name, last_resort in LAST_RESORTS:
            items = last_resort(features, title)
            routine = _items_routine(items, features, title, source, name, lenient=True) if items else None
            if routine is not None and routine.blocks:
                best = replace(routine, skipped=best.skipped)
                break
    return drop_inferred_out_of_bounds(best)


def _with_another_list(best: Routine, candidates: list[Routine]) -> Routine:
    """A page may lay out two lists two ways (a warm-up of bare names, then dose-first intervals): a reading
    whose every move has its own dose and stands wholly apart from the chosen reading's lines adds its moves."""
    if not best.blocks or best is candidates[0]:
        return best  # the structure reader already reads every heading-led list the page has
    lines = [exercise.line for exercise in best.exercises]
    low, high = min(lines), max(lines)
    for other in candidates[1:]:
        if other is best or other.reading == best.reading or len(other.exercises) < MIN_OTHER_LIST:
            continue
        others = [exercise.line for exercise in other.exercises]
        apart = min(others) > high or max(others) < low
        if apart and all(_likeness(exercise) >= OWN_DOSE_LIKENESS for exercise in other.exercises):
            blocks = tuple(sorted((*best.blocks, *other.blocks), key=lambda block: block.exercises[0].line))
            return replace(
                best, blocks=blocks, notes=(*best.notes, *other.notes), reading=f"{best.reading}; {other.reading}"
            )
    return best


MIN_OTHER_LIST = 2
OWN_DOSE_LIKENESS = 1.0


# A reading other than the structure reader's wins only by this much: the structure reader knows more shapes.
MARGIN_POINTS = 1.0
MARGIN_SHARE = 1.25


def _best(candidates: list[Routine]) -> Routine:
    structure, *others = candidates
    best, best_score = structure, _plausibility(structure)
    for other in others:
        score = _plausibility(other)
        decisive = other.reading in DECISIVE and score >= best_score
        if decisive or (score > best_score + MARGIN_POINTS and score > best_score * MARGIN_SHARE):
            best, best_score = other, score
    return best


def _plausibility(routine: Routine) -> float:
    """How much a reading's exercises look like a coach's list: named like moves, each with a dose of its own,
    and nothing that is commentary. A reading that would make a session of many hours has misread a number."""
    return sum(
        _likeness(exercise) if _rough_seconds(exercise) * block.rounds.value.low <= MAX_PLAUSIBLE_SECONDS else -1.0
        for block in routine.blocks
        for exercise in block.exercises
    )


MAX_PLAUSIBLE_SECONDS = 45 * 60.0  # one exercise longer than this has had a number misread
ROUGH_REP_SECONDS = 2.0


def _rough_seconds(exercise: Exercise) -> float:
    """An exercise's length near enough to tell a dose from a misreading (the script times it exactly)."""
    dose = exercise.dose
    reps = dose.reps.value.low if dose.reps.value is not None else 1.0
    timed = dose.timed.value.low if dose.timed.value is not None else ROUGH_REP_SECONDS
    sides = 2.0 if dose.sides.value is not Sides.ONE else 1.0
    return dose.sets.value.low * reps * max(timed, ROUGH_REP_SECONDS) * sides


def _likeness(exercise: Exercise) -> float:
    name = exercise.name
    dose = exercise.dose
    own = any(getattr(dose, f).origin is not Origin.DEFAULT for f in ("reps", "hold_seconds", "work_seconds", "sets"))
    section = vocab.SECTION_ONLY.match(name) and not (own and vocab.WARM_OR_COOL.search(name))  # as _not_a_move
    if not re.search(r"[A-Za-z]{2,}", name) or vocab.COMMENTARY.match(name) or section:
        return -1.0
    score = 0.5 + (0.5 if own else 0.0)
    if vocab.EXERCISE_WORDS.search(name):
        score += 0.3
    if len(name.split()) > MAX_NAME_WORDS:
        score -= 0.3
    if _SENTENCE_WORDS.search(name) and len(name.split()) >= MIN_SENTENCE_NAME_WORDS:
        score -= 0.4  # "Sit with your hips to the": the first words of an instruction, not a move's name
    return score


MIN_SENTENCE_NAME_WORDS = 4
_SENTENCE_WORDS = re.compile(r"\b(?:your|you|the|a|an|this|it)\b", re.IGNORECASE)


def _read_structure(body: list[Line], title: str, source: str) -> Routine:
    """The structure reader: exercises from the strongest structure the page has (numbered headings, "Name:
    instructions" lines, short headings over paragraphs, numbered paragraphs)."""
    starts = _exercise_starts(body, title)
    drafts, sections, loose = _group(body, starts)
    skipped: list[Skipped] = []
    notes: list[str] = []
    default = _routine_default(loose, notes)
    exercises: list[tuple[Exercise, int]] = []
    undosed: list[_Draft] = []
    for draft in drafts:
        if _not_a_move(draft.name, dosed=bool(draft.strong)):
            skipped.append(Skipped(draft.name, "not an exercise", draft.start.number))
            continue
        exercise = _finish(draft, default, notes)
        if exercise is None:
            undosed.append(draft)
        else:
            exercises.append((exercise, draft.section))
    # A name shaped like the page's dosed exercises' names (the same kind of heading) over instructions is a
    # move too, though its dose is elsewhere or missing: kept, timed by default, said to be a guess.
    shapes = {_start_shape(d.start) for d in drafts if d not in undosed and not _not_a_move(d.name)}
    for draft in undosed:
        sibling = len(shapes) == 1 and _start_shape(draft.start) in shapes and _instructs(draft)
        exercise = _finish(replace_draft(draft, placed=True), default, notes) if sibling and exercises else None
        if exercise is None:
            skipped.append(Skipped(draft.name, "no dose", draft.start.number))
        else:
            exercises.append((exercise, draft.section))
    exercises.sort(key=lambda pair: pair[0].line)
    if not exercises:
        # Nothing with a dose: rather than "no exercises found", the moves the page names are kept, each
        # timed by default and said to be a guess (plan and build point to writing them by hand).
        for draft in drafts:
            if not _not_a_move(draft.name) and _undosed_move(draft, lenient=True):
                exercise = _finish(draft, default, notes, lenient=True)
                if exercise is not None:
                    exercises.append((exercise, draft.section))
                    skipped = [s for s in skipped if s.line != draft.start.number]
    kept = _without_repeats(exercises)
    dropped = [f"line {e.line}: {e.name}:" for e, _ in exercises if (e, _) not in kept]
    notes = [note for note in notes if not note.startswith(tuple(dropped))] if dropped else notes
    exercises = kept
    skipped.sort(key=lambda s: s.line)
    blocks = _blocks(exercises, sections, loose)
    return Routine(
        title=title,
        intro=(),  # an article's intro is an essay, not something to hear before exercising
        blocks=blocks,
        source=source,
        skipped=tuple(skipped),
        notes=tuple(notes),
        reading=_structure_name([body[i] for i in sorted(starts)]),
    )


BOLD_LEVEL = 7


def _start_shape(line: Line) -> tuple[int, bool, Kind]:
    return (line.heading_level, line.numbered, line.kind)


def replace_draft(draft: _Draft, *, placed: bool) -> _Draft:
    return _Draft(
        draft.start, draft.name, draft.strong, draft.prose, draft.silent, draft.section, draft.unnamed, placed
    )


def _instructs(draft: _Draft) -> bool:
    """What a heading's text says is how to do a move: an instruction among its first sentences, enough words,
    and the name is not a group's ("Core Exercises") or a sentence's ("Why you should stretch")."""
    said = " ".join(draft.prose)
    first = re.split(r"(?<=[.!?])\s+", said)[:1]
    return (
        len(said.split()) >= MIN_PARAGRAPH_WORDS
        and any(instruction_like(sentence) for sentence in first)
        and len(draft.name.split()) <= MAX_NAME_WORDS
        and "," not in draft.name  # "Alex Chen, route setter": a byline
        and not vocab.CATEGORY.search(draft.name)
        and not vocab.COMMENTARY.match(draft.name)
        and not vocab.NOT_A_MOVE.match(draft.name)
        and not draft.name.isupper()  # "ICE AND ELEVATION", "WALKING": a page's capitals head its sections
        and not draft.name.endswith(("?", "!"))  # "Never Miss a Post!": a call to the reader
        and not re.search(r"\b(?:you|your|why|how|what|when|benefits?|tips?|about)\b", draft.name, re.IGNORECASE)
    )


def _without_repeats(exercises: list[tuple[Exercise, int]]) -> list[tuple[Exercise, int]]:
    """A move named again with no dose ("Form cues" / "Squat: stand on the band...") is the instructions
    for one already listed, not another exercise."""
    keys = [_name_key(exercise.name) for exercise, _ in exercises]

    def undosed(index: int) -> bool:
        work = exercises[index][0].dose.work_seconds
        return work.value is not None and work.origin is Origin.DEFAULT

    def repeated(index: int) -> bool:
        key = keys[index]
        return undosed(index) and any(
            j != index and not undosed(j) and key and other and (key in other or other in key)
            for j, other in enumerate(keys)
        )

    return [pair for index, pair in enumerate(exercises) if not repeated(index)]


def _not_a_move(name: str, *, dosed: bool = False) -> bool:
    """A rest, a score, a date, a section's label or only a dose ("15 seconds on") is never a move; a warm-up
    or cool-down given its own time ("5 min" / "Cool down, easy spin") is one."""
    words = re.findall(r"[A-Za-z]{2,}", name)
    return (
        not words
        or vocab.NOT_A_MOVE.match(name) is not None
        or (vocab.SECTION_ONLY.match(name) is not None and not (dosed and vocab.WARM_OR_COOL.search(name)))
        or (bool(re.search(r"\d", name)) and _is_dose_line(name))
        or (len(words) == 1 and len(words[0]) <= 3 and not vocab.EXERCISE_WORDS.search(name))
        or " | " in name  # "Sam Walker, PT | Foot clinic": a byline or a site's furniture, parts set by bars
    )


def _list_rounds(said: str, moves: int) -> _Rounds | None:
    """The rounds a line above a list says: "4 Rounds", "5 Rounds of 1 minute at each station"."""
    rounds = _rounds(f"{said}.", moves)
    if rounds is not None:
        return rounds
    count = re.search(r"\b(\d+)(?:\s*(?:-|to)\s*(\d+))?\s+(?:rounds?|sets|circuits|times)\b", for_inference(said))
    if count is None:
        return None
    low, high = float(count.group(1)), float(count.group(2) or count.group(1))
    unset: Sourced[Amount | None] = Sourced(None, Origin.DEFAULT)
    return _Rounds(
        Sourced(Amount(low, max(low, high)), Origin.INFERRED, count.group(0), None), unset, unset, None, None
    )


def _merged_repeats(items: list[Item]) -> list[Item]:
    """A move named again further down ("Form cues" / "Squat: stand on the band...") is more about the
    move already listed ("Band squat"), not another exercise: its words join the first."""
    kept: list[Item] = []
    keys: list[str] = []
    for item in items:
        key = _name_key(clean_name(item.name))
        earlier = next((k for k, known in enumerate(keys) if key and (key == known or f" {key}" in f" {known}")), None)
        if earlier is None or item.dose or item.unnamed:  # two instructions may open with the same words
            kept.append(item)
            keys.append(key)
            continue
        kept[earlier].prose.extend(item.prose)
        kept[earlier].numbers.extend([item.line, *item.numbers])
    return kept


def _structure_name(starts: list[Line]) -> str:
    """What the structure reader found the exercises to be, by the most common shape of their first lines."""
    if not starts:
        return "headings with paragraphs"
    shapes = [
        "numbered paragraphs without names"
        if line.kind is Kind.STEP
        else "numbered list"
        if line.numbered
        else "name: instructions lines"
        if line.kind is Kind.NAMED
        else "name and dose lines"
        if line.dose_tail
        else "headings with paragraphs"
        for line in starts
    ]
    return max(dict.fromkeys(shapes), key=shapes.count)


def _items_routine(
    items: list[Item], features: list[LineFeatures], title: str, source: str, reading: str, *, lenient: bool = False
) -> Routine:
    """A reading's items finished into exercises exactly as the structure reader's are (a last-resort reading's
    items with no dose are kept, timed by default, and said to be a guess)."""
    taken = {number for item in items for number in (item.line, *item.numbers)}
    loose = [Line(f.number, f.text, Kind.PROSE) for f in features if f.number not in taken]
    notes: list[str] = []
    default = _routine_default(loose, notes)
    exercises: list[tuple[Exercise, Item]] = []
    skipped: list[Skipped] = []
    items = _merged_repeats(items)
    for item in items:
        start = Line(item.line, item.name, Kind.HEADING, name=item.name)
        name = clean_name(item.name) or item.name
        if _not_a_move(name, dosed=bool(item.dose)):
            skipped.append(Skipped(name, "not an exercise", item.line))
            continue
        draft = _Draft(
            start, name, strong=list(item.dose), prose=list(item.prose), unnamed=item.unnamed, placed=item.placed
        )
        exercise = _finish(draft, default, notes, lenient=lenient or item.placed)
        if exercise is None:
            skipped.append(Skipped(name, "no dose", item.line))
        else:
            exercises.append((exercise, item))
    blocks: list[Block] = []
    said = ". ".join(line.text for line in loose)
    whole = _rounds(said, len(exercises)) if exercises and not any(item.rounds for _, item in exercises) else None
    if whole is not None:
        blocks = _rounds_blocks([e for e, _ in exercises], whole, None)
    if whole is None:
        _said_around_lists([item for _, item in exercises], features)
    index = 0
    while whole is None and index < len(exercises):
        exercise, item = exercises[index]
        group = [e for e, i in exercises[index:] if i.rounds == item.rounds] if item.rounds else [exercise]
        rounds = _list_rounds(item.rounds, len(group)) if item.rounds else None
        if rounds is not None:
            blocks.extend(_rounds_blocks(group, rounds, None))
            index += len(group)
            continue
        blocks.append(Block.single(exercise))
        index += 1
    return Routine(title, (), tuple(blocks), source, tuple(skipped), tuple(notes), reading=reading)


_REPEAT_LIST = re.compile(
    r"^(?:then\s+)?repeat\b(?!\s+(?:on|with|for|using)\s+(?:the\s+)?(?:other|left|right|opposite))", re.IGNORECASE
)


def _said_around_lists(items: list[Item], features: list[LineFeatures]) -> None:
    """ "... the following 2 times:" over a list, or "Repeat with increased intensity." under it: the rounds of
    the list's moves (a list is items on consecutive lines). "Repeat on the other side" is a side, not a round."""
    position = {f.number: index for index, f in enumerate(features)}
    run: list[Item] = []

    def close() -> None:
        if len(run) >= MIN_LIST_FOR_ROUNDS and not any(item.rounds for item in run):
            first, last = position.get(run[0].line), position.get(max(run[-1].numbers, default=run[-1].line))
            above = features[first - 1] if first else None
            below = features[last + 1] if last is not None and last + 1 < len(features) else None
            said = ""
            if above is not None and above.ends == ":" and _list_rounds(above.text, len(run)) is not None:
                said = above.text if not _NOT_ROUNDS.search(above.text) else ""
            elif below is not None and _REPEAT_LIST.match(below.text) and not vocab.SIDE_CHANGE.search(below.text):
                counted = _list_rounds(below.text, len(run)) is not None
                said = "" if _NOT_ROUNDS.search(below.text) else below.text if counted else "2 rounds"
            for item in run:
                item.rounds = said
        run.clear()

    for item in items:
        start = position.get(item.line)
        if run and (start is None or position.get(max(run[-1].numbers, default=run[-1].line), -2) + 1 != start):
            close()
        run.append(item)
    close()


MIN_LIST_FOR_ROUNDS = 2
# "Repeat twice daily", "3 times a week", "Repeat each exercise 10 times": how often, or each move's reps
_NOT_ROUNDS = re.compile(
    r"\b(?:daily|a\s+day|per\s+day|a\s+week|per\s+week|morning|evening|night|hours?|each\s+(?:exercise|move|stretch)|"
    r"every\s+(?:day|exercise|move|stretch))\b",
    re.IGNORECASE,
)


# ---------------------------------------------------------------- title

TITLE_SEARCH_LINES = 6  # a page's headline is near its top, under at most a few lines of site furniture
MAX_LABEL_WORDS = 3
MAX_HEADLINE_WORDS = 20


def _title_index(lines: list[Line]) -> int:
    """The headline: the first early line that is neither site navigation ("Home | Blog", "Wellbeing › Hub")
    nor a short label standing above a longer headline ("Patient information", "HEALTH & WELLNESS")."""
    early = [i for i, line in enumerate(lines) if line.kind is not Kind.NOISE][:TITLE_SEARCH_LINES]
    byline = next(
        (i for i, line in enumerate(lines[: early[-1] + 2] if early else []) if vocab.BYLINE.match(line.text)), -1
    )
    above = [i for i in early if i < byline and not _is_navigation(lines[i].text) and "\u00b7" not in lines[i].text]
    if above and _is_headline(lines[above[-1]].text):
        return above[-1]  # the headline stands right above its byline, under any site name or kicker
    for position, index in enumerate(early):
        text = lines[index].text
        if _is_navigation(text):
            continue
        below = lines[early[position + 1]] if position + 1 < len(early) else None
        if len(text.split()) <= MAX_LABEL_WORDS and below is not None and below.gap_before and _is_headline(below.text):
            continue
        return index
    return early[0] if early else 0


def _is_navigation(text: str) -> bool:
    """Breadcrumbs and menus: words between "|", "›", "»", " / ", or two "·" (a byline's meta)."""
    return bool(re.search(r"\s[|\u203a\u00bb>/]\s", text)) or text.count("\u00b7") >= 2


def _is_headline(text: str) -> bool:
    """Several words, capitalised, not a sentence of the intro (headlines do not end with a full stop)."""
    words = text.split()
    return (
        len(words) > MAX_LABEL_WORDS
        and len(words) <= MAX_HEADLINE_WORDS
        and text[0].isupper()
        and not text.endswith(".")
    )


# ---------------------------------------------------------------- lines


def _classify_all(text: str) -> list[Line]:
    lines: list[Line] = []
    gap = False
    for number, raw in enumerate(text.splitlines(), start=1):
        bold = vocab.BOLD_LINE.match(raw.strip()) is not None  # "**1. Prasarita padottanasana - ...**": a heading
        stripped = _strip_markup(normalize_unicode(raw)).strip()
        if not stripped:
            gap = True
            continue
        if lines and _starts_comments(stripped):
            break  # readers' comments ("Sarah K: I did 3 sets...") are not the routine
        marks = re.match(r"^(#{1,6})\s", stripped)
        forced = bool(marks) or bold
        level = len(marks.group(1)) if marks else BOLD_LEVEL if bold else 0
        stripped = re.sub(r"^#{1,6}\s+", "", stripped)
        # "Chin Tucks ........ 10 reps": dot leaders run from a name to its dose, as in a table of contents
        stripped = re.sub(r"(?<=\w)\s*(?:\.{3,}|\u2026{2,}|(?:\s\.){3,})\s*(?=[\w(])", " \u2014 ", stripped)
        if not stripped:
            continue
        line = _classify(stripped, number)
        if forced and line.kind in (Kind.PROSE, Kind.NAMED, Kind.STEP) and len(stripped) <= MAX_HEADING_CHARS * 2:
            # "Isometric Exercise:" in bold over its steps: the colon only leads into them
            line = _as_heading(re.sub(r"(?<=\w):$", "", stripped), number)
        lines.append(replace(line, gap_before=gap, forced_heading=forced, heading_level=level))
        gap = False
    return _numbered_steps(_inherit_list_doses(lines))


MAX_LISTED_NAME_WORDS = 8
MAX_STEPS = 8
_ADVERB = re.compile(r"^(?:gently|slowly|carefully|now|then)\b", re.IGNORECASE)


def _numbered_steps(lines: list[Line]) -> list[Line]:
    """ "Transverse Abdominis" over "1) Sit, stand or 4-point kneeling" / "2) Gently draw your lower tummy in" /
    "3) Hold 10-30 seconds and repeat up to 10 times": a short numbered list of instructions under a heading,
    its dose said once, is the steps of that one exercise, not a list of exercises."""
    out = list(lines)
    index = 0
    while index < len(out):
        end = index
        while end < len(out) and out[end].numbered and out[end].number_value == end - index + 1:
            end += 1
        run = out[index:end]
        if 2 <= len(run) <= MAX_STEPS and _under_a_plain_heading(out, index) and _steps_said(run):
            for k in range(index, end):
                out[k] = replace(out[k], kind=Kind.STEP, text=_unnumbered(out[k].text), name="", dose_tail="")
        index = max(end, index + 1)
    return out


def _under_a_plain_heading(lines: list[Line], index: int) -> bool:
    above = index - 1
    while above >= 0 and index - above <= 2 and lines[above].kind is Kind.PROSE:
        above -= 1
    return above >= 0 and lines[above].kind is Kind.HEADING and not lines[above].dose_tail and not lines[above].numbered


def _steps_said(run: list[Line]) -> bool:
    texts = [_unnumbered(line.text) for line in run]
    steps = sum(1 for text in texts if imperative(text) or vocab.STEP_VERB.match(text) or _ADVERB.match(text))
    dosed = sum(1 for text in texts if vocab.DOSE_EXPRESSION.search(text))
    return steps * 3 >= len(run) * 2 and dosed <= 1


def _inherit_list_doses(lines: list[Line]) -> list[Line]:
    """ "Circuit — 45 seconds each, 3 rounds" over bullets "- Squats", "- Push-ups": a list of bare move names
    under a heading that gives a dose is a list of moves, each with the heading's dose."""
    out = list(lines)
    index = 0
    while index < len(out):
        end = index
        while end < len(out) and _bare_listed_name(out[end]) and (end == index or not out[end].gap_before):
            end += 1
        if end - index < 2:
            index = end + 1 if end == index else end
            continue
        dose = _heading_dose(out, index)
        if dose:
            for k in range(index, end):
                name = out[k].text
                words = re.findall(r"[A-Za-z]+", re.sub(r"\([^)]*\)", "", name.split(",")[0]))
                still = bool(words) and vocab.STILL.fullmatch(words[-1]) is not None
                # a time for every move of a circuit is timed work; for a position (a plank) it is a hold
                tail = dose if dose.endswith("reps") else f"hold for {dose}" if still else f"for {dose}"
                out[k] = replace(out[k], kind=Kind.HEADING, name=name, dose_tail=tail)
        index = end
    return out


def _bare_listed_name(line: Line) -> bool:
    """ "- Wall push-ups", "• Reverse lunges, alternating legs": a bullet that only names a move."""
    text = line.text
    return (
        line.kind is Kind.STEP
        and not line.numbered
        and len(text.split()) <= MAX_LISTED_NAME_WORDS
        and _heading_shaped(text.split(",")[0])
        and not text.rstrip().endswith((".", "!", "?", ":"))
        and not _has_number(text)
    )


def _heading_dose(lines: list[Line], start: int) -> str:
    """The per-move dose ("45 seconds", "10 reps") said by the heading just above a list (perhaps with a
    paragraph or two of how to run it between them)."""
    above = start - 1
    while above >= 0 and start - above <= 3 and lines[above].kind is Kind.PROSE:
        above -= 1
    if above < 0 or lines[above].kind is not Kind.HEADING:
        return ""
    said = for_inference(lines[above].dose_tail or lines[above].text)
    reps = vocab.PER_MOVE_REPS.search(said)
    if reps:
        return f"{reps.group(1)} reps"
    time = vocab.PER_MOVE_TIME.search(said)
    return f"{time.group(1)} {time.group(2)}" if time else ""


def _starts_comments(text: str) -> bool:
    """A comments heading ("6 Comments", "Leave a reply") or a commenter's name-and-date line."""
    # "By Sam Ortiz · 5 May 2024" is the article's byline, not a commenter's
    return bool(vocab.COMMENTS_HEADING.match(text) or (vocab.COMMENTER.match(text) and not vocab.BYLINE.match(text)))


def _strip_markup(text: str) -> str:
    text = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), text)
    text = re.sub(r"(?<!\w)[*_](\S.*?\S|\S)[*_](?!\w)", r"\1", text)
    return re.sub(r"\[([^\]]+)\]\((?:https?://|/|#)[^)]*\)", r"\1", text)


def _classify(text: str, number: int) -> Line:
    if _is_noise(text):
        return Line(number, text, Kind.NOISE)
    bulleted = re.match(r"^[-*\u2022+]\s+(?=[A-Za-z])", text)
    if bulleted and vocab.LABEL.match(text[bulleted.end() :]):
        inner = _classify(text[bulleted.end() :], number)  # "- Sets: 3", "- Tip: ..." in a list
        if inner.kind in (Kind.DOSE, Kind.LABEL):
            return inner
    counted = _count_first(_unnumbered(text), "")
    if counted[1] and _heading_shaped(counted[0]):
        return _as_heading(text, number)  # "10 air squats", ":30 hollow hold": a move, not only a dose
    if vocab.ROUNDS_LINE.match(text):
        # "4 rounds for time", "3 sets:": how often the list under it is done, not a move's dose
        return Line(number, text, Kind.HEADING, name=text.rstrip(":"))
    if _is_dose_line(_unnumbered(text)):
        return Line(number, text, Kind.DOSE)
    label = vocab.LABEL.match(text)
    if label and not vocab.NUMBERING.match(text):
        word = label.group("label").strip().lower()
        if vocab.DOSE_LABELS.match(word) and _has_number(label.group("rest")):
            return Line(number, text, Kind.DOSE)
        if vocab.SPOKEN_LABELS.match(word) or vocab.SILENT_LABELS.match(word):
            silent = bool(vocab.SILENT_LABELS.match(word))
            return Line(number, text, Kind.LABEL, rest=label.group("rest"), silent=silent)
    bullet = vocab.BULLET.match(text)
    numbering = vocab.NUMBERING.match(text)
    if bullet and numbering and _as_heading(text, number).kind is Kind.NAMED:
        return _as_heading(text, number)  # "1) Ankle pumps — point your toes..."
    if bullet and not numbering:
        listed = _as_heading(text[bullet.end() :], number)
        if listed.kind is Kind.HEADING and listed.dose_tail:
            return listed  # "- Push-Ups x 8": a list of moves, each with its dose
    if bullet and numbering and _numbered_item(text, number) is not None:
        return _as_heading(text, number)
    drill = _numbered_drill(text, number) if numbering and bullet else None
    if drill is not None:
        return drill
    if bullet and not (numbering and _heading_shaped(text[numbering.end() :].rstrip().removesuffix(":"))):
        # "- Walk forward and..." or "1. Lie on your back..." (a step, or an unnamed numbered paragraph)
        value = re.match(r"\d+", text)
        return Line(
            number,
            text[bullet.end() :],
            Kind.STEP,
            numbered=value is not None,
            number_value=int(value.group(0)) if value else None,
        )
    return _as_heading(text, number)


def _unnumbered(text: str) -> str:
    """A list item without its number: "12. Side plank - 15 s" names a move, it is not only a dose."""
    numbering = vocab.NUMBERING.match(text)
    return text[numbering.end() :] if numbering and numbering.end() < len(text) else text


def _numbered_drill(text: str, number: int) -> Line | None:
    """ "2. Side stepping × 10 m, 3 × 1 min" / "4. Heel dig. Lie on your back...": a numbered line that opens
    with a short capitalised name, ended by a colon, dash, full stop, comma or a "×" dose, names a drill;
    what follows is its dose when it starts with a count, else its instructions."""
    numbering = vocab.NUMBERING.match(text)
    if numbering is None:
        return None
    match = vocab.DRILL.match(text[numbering.end() :])
    if match is None:
        return None
    name, rest = match.group("name").strip(), match.group("rest").strip()
    if len(name.split()) > MAX_NAME_WORDS or not _heading_shaped(name) or _mentions_dose(name):
        return None
    if re.search(r"\b(?:you|your|yourself)\b", name, re.IGNORECASE) or not _mentions_dose(rest):
        return None  # "Lie on your front. Bend...": a name does not speak to the reader
    common = {"numbered": True, "number_value": _number_value(numbering.group(0)), "name": name}
    if re.match(r"^[x\u00d7]?\s*\d", rest):
        return Line(number, text, Kind.HEADING, dose_tail=rest, **common)  # type: ignore[arg-type]
    instructions, tail = _dose_at_end(rest, "")
    return Line(number, text, Kind.NAMED, rest=instructions, dose_tail=tail, **common)  # type: ignore[arg-type]


def _number_value(numbering: str) -> int | None:
    """The position a list marker gives: "3." is 3, "Step 2:" is 2, a lettered "B." is 2."""
    digits = re.search(r"\d+", numbering)
    letter = re.match(r"\s*([A-H])[1-9]?[.)]", numbering)
    if letter and not re.match(r"\s*\d", numbering):
        return ord(letter.group(1)) - ord("A") + 1
    return int(digits.group(0)) if digits else None


def _numbered_item(text: str, number: int) -> Line | None:
    """ "5. Step-ups onto a chair, leading with alternate legs": in a numbered list an item without a full
    stop is a name, and the words before its first comma name the move (with a full stop it is a step,
    "3. Breathe in at the top, then breathe out.")."""
    numbering = vocab.NUMBERING.match(text)
    if numbering is None or numbering.end() >= len(text) or text.rstrip().endswith((".", "!", "?")):
        return None
    name, comma, clause = text[numbering.end() :].partition(", ")
    if not comma or not _heading_shaped(name) or _mentions_dose(name) or len(clause.split()) < 2:
        return None
    if re.search(r":|\s[\u2013\u2014-]+\s|\(|[x\u00d7]\s*\d", name):
        return None  # "Overhead reach: Interlace your fingers, ...": the name ends at the colon
    value = _number_value(numbering.group(0))
    dose = clause if _is_dose_line(clause) else ""
    instructions, tail = _dose_at_end(clause, "") if not dose else ("", "")  # "easy gear × 10 min"
    return Line(
        number,
        text,
        Kind.NAMED if not dose else Kind.HEADING,
        numbered=True,
        number_value=value,
        name=name.strip(),
        rest="" if dose else instructions,
        dose_tail=dose or tail,
    )


def _as_heading(text: str, number: int) -> Line:
    item = _numbered_item(text, number)
    if item is not None:
        return item
    numbering = vocab.NUMBERING.match(text)
    rest = text[numbering.end() :].strip() if numbering else text
    value = _number_value(numbering.group(0)) if numbering else None
    numbered = numbering is not None and bool(rest)
    if not numbered:
        rest = text
    elif rest.endswith(":") and _heading_shaped(rest[:-1].strip()):
        rest = rest[:-1].strip()  # "1. Ankle Pumps:" over its paragraph: a numbered name
    name, tail = _count_first(rest, "")
    instructions = ""
    if not tail:
        name, tail, instructions = _split_name(rest)
    if not instructions or not tail:
        # "10 Calf Raises - Stand with the ball of the foot on a ledge...": the count before the name is its reps
        name, tail = _count_first(name, tail)
    common = {"numbered": numbered, "number_value": value if numbered else None}
    if instructions:
        instructions, tail = _dose_at_end(instructions, tail)
        return Line(number, text, Kind.NAMED, name=name, rest=instructions, dose_tail=tail, **common)  # type: ignore[arg-type]
    if _heading_shaped(name) and (tail or _heading_shaped(rest) or numbered):
        kind = Kind.HEADING
        return Line(number, text, kind, name=name, dose_tail=tail, **common)  # type: ignore[arg-type]
    return Line(number, text, Kind.PROSE, **common)  # type: ignore[arg-type]


def _count_first(name: str, tail: str) -> tuple[str, str]:
    """ "10 air squats", ":30 hollow hold", "20 (10/side) lunges": a line that starts with a count or a time
    and then names a move is that move with that dose (a bare count is reps)."""
    match = vocab.COUNT_FIRST.match(name)
    if match is None or len(match.group("name").split()) > MAX_NAME_WORDS:
        return name, tail
    moved = match.group("name").strip()
    if _is_dose_line(f"1 {moved}") or re.match(r"(?:sets?|reps?|rounds?|times|x)\b", moved, re.IGNORECASE):
        return name, tail  # "3 sets", "10 reps each side": only a dose
    if match.group("split"):
        first, second = match.group("split"), match.group("split2")
        dose = f"{first} reps each side" if first == second else f"{first} reps"
        return moved[0].upper() + moved[1:], f"{dose}, {tail}" if tail else dose
    count = match.group("count")
    clock = re.fullmatch(r"(\d{0,2}):([0-5]\d)", count)
    if clock:
        count = f"{int(clock.group(1) or 0) * 60 + int(clock.group(2))} seconds"
    if match.group("per"):
        dose = f"{match.group('per')} reps each {match.group('limb')}"
    elif re.fullmatch(r"[\d\s-]+|\d+\s*to\s*\d+", count):
        dose = f"{count} reps"
    else:
        dose = count
    return moved[0].upper() + moved[1:], f"{dose}, {tail}" if tail else dose


def _dose_at_end(instructions: str, tail: str) -> tuple[str, str]:
    """ "Heel flicks - jog and flick your heels up, 30 secs": on a one-line drill, a dose standing as the
    last clause is the drill's own dose, as if written on a line of its own."""
    if tail:
        return instructions, tail
    parts = re.split(r"(?<=[.,;])\s+|\s+(?=[x\u00d7]\s*\d)", instructions.rstrip())
    last = parts[-1].rstrip(".")
    if len(parts) < 2 or not _is_dose_line(last):
        return instructions, tail
    return " ".join(parts[:-1]).rstrip(" ,;"), last


def _split_name(text: str) -> tuple[str, str, str]:
    """(name, dose written with it, instructions written with it) of a heading-like line."""
    match = vocab.SEPARATOR.search(text)
    if not match or match.start() == 0:
        return text.strip(), "", ""
    name, tail = text[: match.start()].strip(), text[match.start() :].strip(" :,\u2013\u2014-")
    label = re.search(r"(?i)\s+(sets?|reps?|repetitions?|rounds?|hold|time|duration)$", name)
    if label and tail and re.match(r"\d", tail):  # "Calf Pumps Sets: 2 / Repetition:10": the label is the dose's
        name, tail = name[: label.start()], f"{label.group(1)}: {tail}"
    # "Keep going for 30 seconds, rest, ...": a name does not carry a dose, a sentence does.
    if len(name.split()) > MAX_NAME_WORDS or not name[0].isalnum() or _mentions_dose(name):
        return text.strip(), "", ""
    bracket = re.match(r"^\(([^)]*)\)\s*[:\u2013\u2014-]?\s*(.*)$", tail)
    if bracket:
        inside, after = bracket.groups()
        if not _mentions_dose(inside):
            # "(short lever)", "[Wall]": part of the name
            name, tail = f"{name} ({inside})", after
            if not tail:
                return name, "", ""
            return _split_tail(name, tail, match.group(0))
        if after and not _mentions_dose(after):
            return name, inside, after if len(after.split()) >= 3 else ""
        return name, f"{inside} {after}".strip(), ""
    name, tail, instructions = _split_tail(name, tail, match.group(0))
    return (name, tail, instructions) if name else (text.strip(), "", "")


def _split_tail(name: str, tail: str, separator: str = ":") -> tuple[str, str, str]:
    if vocab.DEFAULT_SCOPE.search(tail) or ("," in separator and tail.endswith(".") and len(name.split()) >= 4):
        return "", "", ""  # a dose for all the moves, or a sentence: "Keep moving between the moves, 5 rounds total."
    noted = re.fullmatch(r"(?P<dose>[^()]+?)\s*\((?P<how>[^)]{12,})\)\.?", tail)
    if noted and _is_dose_line(noted.group("dose")) and not _mentions_dose(noted.group("how")):
        return name, noted.group("dose"), noted.group("how")  # "Inchworm x 5 (walk the hands out...)": how, in brackets
    if vocab.CELLS.fullmatch(tail) and _mentions_dose(tail):
        return name, tail, ""  # a table row's cells, each named by its column, are the dose
    if _is_dose_line(tail) or (_mentions_dose(tail) and len(tail.split()) <= 8 and not tail.endswith(".")):
        return name, tail, ""
    if "," in separator:  # "Lying on your back, bend your knees": a sentence, not a name
        return "", "", ""
    if len(tail.split()) >= 3 and _starts_like_sentence(tail):
        return name, "", tail
    return f"{name} {tail}".strip() if len(tail.split()) <= 2 else name, "", ""


def _starts_like_sentence(text: str) -> bool:
    return bool(re.match(r"^[\"'(]?[A-Za-z]", text)) and len(text.split()) >= 3


def _heading_shaped(line: str) -> bool:
    words = re.sub(r"\s*\([^)]*\)\s*$", "", line).split()  # "(Stage 3)" after a name is a note on it
    return (
        0 < len(words) <= MAX_HEADING_WORDS
        and len(line) <= MAX_HEADING_CHARS
        and line[0].isalnum()
        and line[0] == line[0].upper()
        and line[-1] not in ".,;:"
    )


def _is_menu(text: str) -> bool:
    """ "Home  Coaching Plans  Blog  Races  Contact": a site's menu is capitalised words with no verb and no
    punctuation, several of them the words every site's menu uses."""
    words = text.split()
    return (
        len(words) >= vocab.MIN_MENU_WORDS
        and all(re.fullmatch(r"[A-Z][A-Za-z&]*", w) or w == "&" for w in words)
        and sum(w.lower() in vocab.MENU_WORDS for w in words) >= 2
    )


def _is_noise(text: str) -> bool:
    if vocab.NOISE.match(text) or _is_menu(text) or vocab.CAPTION.search(text):
        return True
    if vocab.PHONE.search(text) and len(text.split()) <= 20:
        return True
    if re.match(r"^#\w", text) and not re.match(r"^#\d", text):
        return True  # hashtags
    return bool(re.fullmatch(r"[\W_]+", text))


def _is_dose_line(text: str) -> bool:
    """Only a dose: numbers and dose words, at most one other word ("Red Band" is not; "3 sets" is)."""
    lowered = for_inference(text)
    if not re.search(r"\d", lowered) or len(lowered.split()) > 12 or lowered.rstrip().endswith("?"):
        return False
    words = re.findall(r"[a-z]+|\d+", lowered)
    others = [w for w in words if not w.isdigit() and w not in vocab.DOSE_WORDS]
    # "Do 10 shrugs" / "20 each" may name what is counted; "Squats: 3x10" is a name with its dose.
    if len(others) > (1 if re.match(r"^(?:do\s+)?\d", lowered) else 0):
        return False
    return infer(text, 0).prescribes_anything or bool(re.search(r"\d\s*(?:seconds?|secs?|s|minutes?|mins?)\b", lowered))


def _mentions_dose(text: str) -> bool:
    return bool(re.search(r"\d", for_inference(text))) and infer(text, 0).prescribes_anything


def _has_number(text: str) -> bool:
    return bool(re.search(r"\d", for_inference(text)))


# ---------------------------------------------------------------- structure


def _exercise_starts(lines: list[Line], title: str) -> set[int]:
    """Indexes of the lines that start an exercise, from the strongest structure the article has."""
    groups = {i for i in range(len(lines)) if _heads_a_list_of_moves(lines, i) or _names_a_section(lines[i])}
    numbered = [
        i
        for i, line in enumerate(lines)
        if line.kind in (Kind.HEADING, Kind.NAMED) and line.numbered and i not in groups
    ]
    if _is_sequence(lines, numbered):
        # Beside a numbered list, a line naming a move with its dose ("Side plank 2 x 30s") is a move too.
        moves = {i for i, line in enumerate(lines) if _dose_beside_name(line) and not line.numbered}
        moves -= groups
        return set(numbered) | {i for i in moves if not _inside_list_of_steps(lines, i)}
    return _unnumbered_starts(lines, title, numbered) - groups


def _unnumbered_starts(lines: list[Line], title: str, numbered: list[int]) -> set[int]:
    named = [i for i, line in enumerate(lines) if line.kind is Kind.NAMED]
    headed = [i for i, line in enumerate(lines) if _heads_a_section(lines, i, title)]
    # In a run of headings ("About the Author" / "Mackenzie Lobby"), only the first heads the text.
    starts = {
        i
        for i in headed
        if not _labels_a_section(lines, i, headed)
        and (not _under_a_heading(lines, i, headed) or _labels_a_section(lines, i - 1, headed))
    }
    # "Find a neutral spine: picture a long line ...": a name that is itself an instruction is a step
    named = [i for i in named if not _instruction_as_name(lines[i].name)]
    if len(named) >= 2:
        seen: set[str] = set()
        for i in named:
            key = _name_key(lines[i].name)
            if key not in seen and not _inside_list_of_steps(lines, i) and not _under_a_dose_line(lines, i):
                starts.add(i)
            seen.add(key)
    paragraphs = [i for i, line in enumerate(lines) if line.kind is Kind.STEP and line.numbered]
    # Numbered paragraphs with no names, each an exercise; short numbered lines are one move's steps.
    words = [len(lines[i].text.split()) for i in paragraphs]
    long_items = bool(words) and sum(words) / len(words) >= MIN_NUMBERED_PARAGRAPH_WORDS
    # (a stray numbered line read as a name among them, "5. Sit on a chair, pull ... Patient information", is one)
    few_named = len(numbered) * 2 < len(paragraphs)
    if few_named and long_items and _is_sequence(lines, paragraphs) and len(paragraphs) >= 3:
        starts |= set(numbered)
        starts -= {paragraphs[0] - k for k in (1, 2)}  # the "Exercises" heading above them is a section
        starts |= set(paragraphs)
    return starts


MIN_STEP_NAME_WORDS = 3


def _instruction_as_name(name: str) -> bool:
    return bool(vocab.STEP_VERB.match(name)) and len(name.split()) >= MIN_STEP_NAME_WORDS


def _under_a_heading(lines: list[Line], index: int, headed: list[int]) -> bool:
    """ "About the Author" / "Mackenzie Lobby": in a run of headings, only the first heads the text."""
    above = lines[index - 1] if index else None
    return (
        above is not None
        and above.kind is Kind.HEADING
        and not above.dose_tail
        and not above.numbered
        and (index - 1) in headed
    )


def _labels_a_section(lines: list[Line], index: int, headed: list[int]) -> bool:
    """ "Stage 1", a blank line, then "Ankle pumps" over its text: a heading standing alone above another
    heading labels a section; the heading next to the text names what the text is about."""
    below = index + 1
    label = lines[index].name or lines[index].text
    return (
        below < len(lines)
        and below in headed
        and lines[below].gap_before
        and not lines[index].dose_tail
        and vocab.SECTION_LABEL.search(label) is not None
    )


def _dose_beside_name(line: Line) -> bool:
    """ "Side plank 2 x 30s", "Inchworm x 5 (walk the hands out...)": a name with its dose straight after it."""
    if line.kind is Kind.HEADING:
        return bool(line.dose_tail)
    after = line.text[len(line.name) :].lstrip(" :\u2013\u2014-") if line.text.startswith(line.name) else ""
    return line.kind is Kind.NAMED and bool(line.dose_tail) and after.startswith(line.dose_tail)


def _is_move_line(line: Line) -> bool:
    """ "Push-ups: 10 reps", "- Plank - hold for 30 seconds": a move and its dose on one line."""
    return line.kind in (Kind.HEADING, Kind.NAMED) and bool(line.dose_tail)


def _heads_a_list_of_moves(lines: list[Line], index: int) -> bool:
    """ "MAIN CIRCUIT" / "Part 1: EMOM (12 minutes)" over a list of moves with doses, perhaps after a
    line or two saying how to run them: a section (a block), not an exercise."""
    line = lines[index]
    if line.kind is not Kind.HEADING or (line.dose_tail and not vocab.SECTION_NAME.search(line.name)):
        return False  # "Squats: 10 reps" over "Lunges: 10 reps" is the first move of the list
    if re.match(r"\d", line.text) and not vocab.SECTION_NAME.search(line.text):
        return False  # "400m Sandbag Run" over "50 Push Ups": a move counted first is the first of the list
    following = [line for line in lines[index + 1 : index + 6] if line.kind is not Kind.NOISE]
    for _ in range(2):
        rounds = following and following[0].kind is Kind.DOSE and re.search(r"(?i)\brounds?\b", following[0].text)
        if following and (following[0].kind is Kind.PROSE or rounds):  # "- 3 rounds" under "Kettlebell circuit"
            following = following[1:]
    return len(following) >= 2 and all(_is_move_line(line) for line in following[:2])


def _names_a_section(line: Line) -> bool:
    """ "When should I do it?", "How to progress", "THE CIRCUIT", "Level 4": a heading whose words are a
    question, a how-to/why/when label, or only a section or level label names a section; its moves are below."""
    if line.kind is not Kind.HEADING:
        return False
    text = line.text.strip()
    unnumbered = _unnumbered(text)
    named = line.name or unnumbered
    if text.endswith("?") or vocab.QUESTION.match(unnumbered) or vocab.QUESTION.match(named):
        return True
    if vocab.ROUNDS_LINE.match(text):
        return True
    bare = re.sub(r"\s+[\u2013\u2014-]+\s+", " ", unnumbered)
    if line.dose_tail and vocab.SECTION_ONLY.match(named):
        return True  # "Circuit Training \u2013 30 seconds work, 10 seconds rest \u2013 2 Rounds"
    return bool(vocab.SECTION_ONLY.match(bare) or (line.numbered and vocab.SECTION_ONLY.match(named)))


def _is_sequence(lines: list[Line], indexes: list[int]) -> bool:
    """At least two lines numbered 1, 2, ... in order: the article's list of exercises."""
    values = [lines[i].number_value for i in indexes]
    # (a capture may lose item 1: a PDF strands its number, a slide show drops its first slide)
    return len(values) >= 2 and values[0] in (1, 2) and values[1] == values[0] + 1


def _heads_a_section(lines: list[Line], index: int, title: str) -> bool:
    line = lines[index]
    if line.kind is not Kind.HEADING or line.text == title:
        return False
    if line.dose_tail and line.kind is Kind.HEADING and not line.forced_heading and _heads_list_item(lines, index):
        return True  # "- Pull-ups - 3 minutes" in a list of moves, whatever heading follows the list
    following = lines[index + 1 :]  # a noise line (a byline, "Share it:") under a heading breaks it
    run = 0
    while run < len(following) and following[run].kind is Kind.HEADING and not following[run].dose_tail:
        run += 1  # bylines right under a heading belong to it, not to the text
    if run >= len(following):
        return bool(line.dose_tail)
    nxt = following[run]
    # "## Pigeon Pose" / "### Helps loosen up tight hips" / steps: a deeper heading right under it is its tagline
    subtitled = run == 1 and _only_subtitle(line, following)
    if nxt.kind in (Kind.DOSE, Kind.LABEL, Kind.STEP):
        return run == 0 or subtitled
    return bool(line.dose_tail) or (nxt.kind is Kind.PROSE and len(nxt.text.split()) >= MIN_PARAGRAPH_WORDS)


def _only_subtitle(line: Line, following: list[Line]) -> bool:
    """A heading whose only deeper heading is the one right under it: that one is a tagline ("## Pigeon Pose" /
    "### Helps loosen up tight hips"), where two or more deeper headings would be its sub-sections."""
    if line.heading_level == 0 or not following or following[0].heading_level <= line.heading_level:
        return False
    deeper = 0
    for other in following:
        if 0 < other.heading_level <= line.heading_level:
            break
        deeper += other.heading_level > line.heading_level
    return deeper == 1


def _heads_list_item(lines: list[Line], index: int) -> bool:
    """A move with its dose among other such lines, with no blank line between them."""
    near = [lines[j] for j in (index - 1, index - 2) if j >= 0]
    return not lines[index].gap_before and any(_is_move_line(line) for line in near)


def _inside_list_of_steps(lines: list[Line], index: int) -> bool:
    before = lines[index - 1] if index else None
    return before is not None and before.kind is Kind.STEP and not lines[index].gap_before


def _under_a_dose_line(lines: list[Line], index: int) -> bool:
    """ "Dead Bug" / "Sets: 2" / "Alternate sides every rep: ...": a labelled sentence right under a
    heading's dose lines is that exercise's instruction, not another exercise."""
    above = index - 1
    while above >= 0 and lines[above].kind is Kind.DOSE and not lines[above + 1].gap_before:
        above -= 1
    return above < index - 1 and above >= 0 and lines[above].kind is Kind.HEADING and not lines[above + 1].gap_before


def _name_key(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", name.lower()))


def _group(lines: list[Line], starts: set[int]) -> tuple[list[_Draft], list[_Section], list[Line]]:
    """Exercises (each with its lines), section headings between them, and the loose prose."""
    drafts: list[_Draft] = []
    sections: list[_Section] = []
    loose: list[Line] = []
    by_name: dict[str, _Draft] = {}
    current: _Draft | None = None
    above: Line | None = None  # a dose line standing above the next exercise's name
    for index, line in enumerate(lines):
        if line.kind is Kind.NOISE:
            continue
        if index in starts and current is not None and vocab.STEP_ONLY.match(line.text):
            continue  # "Step 1" / "Step 2" headings under a move split its instructions, they are not moves
        ahead = lines[index + 1] if index + 1 < len(lines) else None
        stands_above = ahead is not None and index + 1 in starts and not ahead.gap_before and not ahead.dose_tail
        if line.kind is Kind.DOSE and line.gap_before and stands_above:
            above = line  # "5 min" over "Warm up, light resistance": a time written above the piece it times
            current = None
            continue
        if index in starts and line.forced_heading and vocab.WARM_OR_COOL.search(line.text) and sections:
            sections.append(_Section(line, []))  # "Cool Down Bike Ride - 5 minutes" after a circuit is not in it
        again = _known(by_name, line) if index in starts and line.forced_heading and not line.dose_tail else None
        if again is not None and again.start.dose_tail and again.start.number < line.number:
            current = again  # "- Push-ups - 3 minutes" in the list, then "### Push-ups" over tips: more about it
            continue
        if index in starts:
            current = _Draft(line, clean_name(line.name or _first_words(line.text)), section=len(sections) - 1)
            if above is not None:
                current.strong.append(above.text)
                above = None
            if line.dose_tail:
                current.strong.append(line.dose_tail)
            if line.kind is Kind.NAMED:
                current.prose.append(line.rest)
            elif line.kind is Kind.STEP:
                current.prose.append(line.text)
            drafts.append(current)
            by_name[_name_key(current.name)] = current
            continue
        known = _known(by_name, line)
        if known is not None and line.kind is Kind.NAMED and not line.dose_tail:
            known.prose.append(line.rest)  # "Form notes": more about a move already named
            current = None
            continue
        bare = known is not None and known.start.numbered and not (known.prose or known.strong)
        if (
            known is not None
            and line.kind is Kind.HEADING
            and not line.dose_tail
            and (known.start.kind is Kind.NAMED or bare)
        ):
            # "How to do each exercise": the instructions for a row of the table above; "1. Push-ups" listed
            # bare, then "Push-Ups (Knee or Regular)" over its text further down: that text is the listed move's
            current = known
            continue
        tagline = current is not None and not (current.prose or current.strong) and line.kind is Kind.HEADING
        if tagline and current is not None and _only_subtitle(current.start, lines[index:]):
            continue  # "### Helps loosen up tight hips" under "## Pigeon Pose": its tagline, not said
        if current is not None and _ends_exercise(current, line, starts, lines, index):
            current = None
        if current is None:
            if _is_section_heading(lines, index, starts):
                sections.append(_Section(line, []))
            elif sections and not line.gap_before and sections[-1].line.number != line.number:
                sections[-1].text.append(line.text)
                if _names_a_section(sections[-1].line):
                    loose.append(line)  # "Before you begin" / "How to do it": what it says is for the whole
            else:
                rounds = line.kind is Kind.DOSE and vocab.ROUNDS_LINE.match(line.text.lstrip("-*\u2022 "))
                if sections and (line.kind in (Kind.PROSE, Kind.LABEL) or rounds):
                    sections[-1].text.append(line.text)
                loose.append(line)
            continue
        _add_to(current, line)
    return drafts, sections, loose


def _known(by_name: dict[str, _Draft], line: Line) -> _Draft | None:
    """The exercise this line names again, if any ("Ankle pumps" for "Ankle pumps (both feet)")."""
    if line.kind not in (Kind.NAMED, Kind.HEADING) or not line.name:
        return None
    key = _name_key(clean_name(line.name))
    if not key:
        return None
    for known, draft in by_name.items():
        if not re.search(r"[a-z]{3}", known):
            continue  # "10" is a count left where a name should be, not a name to match
        if known == key or known.startswith(key + " ") or key.startswith(known + " "):
            return draft
    return None


def _ends_exercise(current: _Draft, line: Line, starts: set[int], lines: list[Line], index: int) -> bool:
    if current.start.dose_tail and vocab.ROUTINE_ROUNDS.search(for_inference(line.text)):
        return True  # "Rest 2 mins, repeat for 5 rounds" under a list of moves is about the whole list
    later = next((other for other in lines[index + 1 :] if other.kind is not Kind.NOISE), None)
    last_of_list = later is None or later.gap_before or not _is_move_line(later)
    if current.start.dose_tail and vocab.REST_LINE.match(line.text) and last_of_list:
        return True  # "Rest 1 Min" closing a list of moves: the rest between its rounds
    if line.kind is Kind.HEADING and line.forced_heading:
        return True
    if _is_section_heading(lines, index, starts):
        return True
    has_body = bool(current.prose or current.strong)
    if not line.gap_before or not has_body:
        return False
    # After a blank line, steps, dose lines and sub-labels still belong to the exercise above;
    # a new paragraph of prose closes a list-shaped exercise (a footer, a caption, the next section).
    listed = current.start.kind is not Kind.HEADING or any(s for s in current.strong)
    if line.kind in (Kind.STEP, Kind.DOSE, Kind.LABEL):
        return False
    # (a name in the page's markup, "**1. Cobra - a gentle backbend.**", heads the paragraphs under it)
    named_line = current.start.kind is Kind.NAMED and not current.start.forced_heading
    return (listed and named_line) or (line.kind is Kind.HEADING and not current.strong)


def _is_section_heading(lines: list[Line], index: int, starts: set[int]) -> bool:
    """A heading (not an exercise) right before an exercise or a block's instructions."""
    line = lines[index]
    if index in starts or line.kind is not Kind.HEADING:
        return False
    if _heads_a_list_of_moves(lines, index) or _names_a_section(line):
        return True
    if line.dose_tail:
        return False
    later = [i for i in range(index + 1, min(len(lines), index + 4)) if lines[i].kind is not Kind.NOISE]
    return bool(later) and (
        later[0] in starts or (lines[later[0]].kind is Kind.PROSE and any(i in starts for i in later))
    )


def _add_to(draft: _Draft, line: Line) -> None:
    if line.kind is Kind.DOSE:
        draft.strong.append(line.text)
    elif line.kind is Kind.LABEL:
        (draft.silent if line.silent else draft.prose).append(line.rest)
    elif line.kind is Kind.HEADING and len(draft.prose) == 0 and not line.dose_tail:
        draft.silent.append(line.text)  # "Red Band" under the name: equipment, not speech
    else:
        draft.prose.append(line.text if line.kind is not Kind.NAMED else f"{line.name}: {line.rest}")


def _first_words(text: str) -> str:
    first = re.split(r"[.,;:!?]", text, maxsplit=1)[0]
    words = first.split()[:UNNAMED_NAME_WORDS]
    return " ".join(words).strip().capitalize() if words else text[:30]


# ---------------------------------------------------------------- doses


_BARE_DURATION = re.compile(r"(?<![\w.])\d+(?:\s*-\s*\d+)?\s*(?:seconds?|secs?|minutes?|mins?)\b")


def _routine_default(loose: list[Line], notes: list[str]) -> Findings:
    """A dose said once for the whole routine: "hold each stretch for 30 seconds"."""
    for paragraph in loose:
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph.text):
            if not vocab.DEFAULT_SCOPE.search(sentence) or re.search(r"\b(?:round|rounds|circuit)\b", sentence.lower()):
                continue
            found = infer(sentence, paragraph.number)
            bare = _BARE_DURATION.search(for_inference(sentence))
            if found.reps is None and found.hold_seconds is None and found.work_seconds is None and bare:
                # "how long to do each of the exercises: 20-30 seconds is a good place to start"
                found = replace(infer(f"for {bare.group(0)}", paragraph.number), sides=found.sides)
            if found.reps is None and found.hold_seconds is None and found.work_seconds is None:
                continue
            if re.search(r"\bone-sided\b", sentence.lower()):
                found = replace(found, sides=None)  # "do the one-sided poses on both sides" is not for all
            notes.append(
                f'line {paragraph.number}: "{sentence.strip()}" is applied to every exercise '
                "that states no dose of its own"
            )
            return replace(found, rest_seconds=None)
    on_off = vocab.ON_OFF.search(for_inference(" ".join(line.text for line in loose)))
    if on_off:  # "30 seconds on, 15 seconds off": every move is timed work
        work = Sourced(Amount.exactly(float(on_off.group("on"))), Origin.INFERRED, on_off.group(0), None)
        return Findings(work_seconds=work)
    return Findings()


def _finish(draft: _Draft, default: Findings, notes: list[str], *, lenient: bool = False) -> Exercise | None:
    line = draft.start.number
    strong = _strong_findings(draft, line)
    prose_text = " ".join(draft.prose)
    # "Hold: 30 s" above "2 sets each side": the sets are sets of that hold, not reps.
    timed_above = strong.reps is not None or strong.hold_seconds is not None or strong.work_seconds is not None
    weak = infer(" ".join([prose_text, *draft.silent]), line + 1, sets_alone_are_reps=not timed_above)
    found = replace(strong.over(weak), sides=_sides(draft, strong, weak))
    own = found.reps is not None or found.hold_seconds is not None or found.work_seconds is not None
    defaults = default.reps is not None or default.hold_seconds is not None or default.work_seconds is not None
    if not own and defaults and not vocab.COMMENTARY.match(draft.name):
        found = replace(found.over(_for_position(draft.name, default)), sides=found.sides or default.sides)
    again = _AGAIN.search(for_inference(prose_text)) if found.sets is None else None
    if again and vocab.SIDE_CHANGE.search(for_inference(prose_text)[max(0, again.start() - 40) : again.end()]):
        again = None  # "swap feet and repeat": the other side, not the same side again
    if again:  # "take a few moments' rest, then repeat": the drill is done twice
        found = replace(found, sets=Sourced(Amount.exactly(2), Origin.INFERRED, again.group(0).strip(" ."), line))
    counted_sets = found.sets is not None and found.sets.origin is Origin.INFERRED
    # "Sets: 5" or "4 x 800m" and no count or time: so many sets of the move, each as long as it takes
    sets_only = counted_sets and vocab.EXERCISE_WORDS.search(draft.name) is not None
    # "100m Sprint", "400m Sandbag Run": a distance to cover is a move, timed by default
    covered = vocab.DISTANCE.search(" ".join([draft.start.text, *draft.strong]))
    sets_only = sets_only or bool(covered and vocab.EXERCISE_WORDS.search(draft.name))
    if not (found.reps or found.hold_seconds or found.work_seconds) and (
        sets_only or _undosed_move(draft, lenient=lenient)
    ):
        # A move the page names but gives no dose: kept, timed by default, and said to be a guess.
        found = replace(found, work_seconds=Sourced(Amount.exactly(UNDOSED_WORK_SECONDS), Origin.DEFAULT, "", line))
        notes.append(f"line {line}: {draft.name}: the page gives no dose; timed as {UNDOSED_WORK_SECONDS:g} s of work")
    if not found.prescribes_anything:
        return None
    found = _consistent(draft.name, found, notes, line)
    hold = found.hold_seconds
    if hold is not None and "breath" in hold.words:
        notes.append(
            f'line {hold.line or line}: {draft.name}: "{hold.words}" counted as {hold.value} s '
            f"({SECONDS_PER_BREATH:g} s a breath)"
        )
    instructions = _kept(sentences(prose_text)) if prose_text.strip() else ()
    return Exercise(draft.name, instructions, complete(found), line)


def _kept(said: list[str]) -> tuple[str, ...]:
    """The instructions worth saying. Where a piece of a long sentence is left out, the piece
    before it ends the sentence ("... back." not "... back"), as it will be heard, and as a
    routine written out from it (`guide import`) reads back."""
    kept: list[str] = []
    for sentence in said:
        if _spoken(sentence):
            kept.append(sentence)
        elif kept and kept[-1][-1] not in ".!?":
            kept[-1] = kept[-1].rstrip(",;:\u2013\u2014- ") + "."
    return tuple(kept)


def _spoken(sentence: str) -> bool:
    """An instruction worth saying: not commentary (a question to the reader, a score rule, a caption, a link,
    a weight table) and not only the dose, which the coach says once in its own words."""
    if vocab.UNSPOKEN.search(sentence) or sentence.rstrip().endswith("?"):
        return False
    if vocab.PUBLISHER_VOICE.search(sentence) and not imperative(sentence.lstrip("\"'")):
        return False  # "Many of our resorts have a gym", "I use a 20 kg bell": the page talking, not the coach
    return not _is_dose_line(sentence.rstrip(".!"))


UNDOSED_WORK_SECONDS = 30.0
_AGAIN = re.compile(r"\b(?:then|and)\s+repeat\s*(?:[.;!]|$)|\brepeat\s+(?:it\s+|this\s+)?once\s+more\b")


def _undosed_move(draft: _Draft, *, lenient: bool = False) -> bool:
    """A section with no dose is still a move when its name is a move's ("Leg flicks", "Carioca" in a numbered
    list of drills) and what it says is how to do it."""
    name = draft.name
    if vocab.COMMENTARY.match(name) or vocab.SECTION_ONLY.match(name) or name.endswith("?"):
        return False
    if not draft.prose and not draft.placed:
        return False
    if draft.placed:
        return True  # "The Ballerina" under its caption, "Active Assisted Exercises:" over its steps
    if vocab.CATEGORY.search(name):
        return False  # "Moderate Core Exercises", "Start pelvic floor exercises as soon": about a group of moves
    if lenient and draft.unnamed:
        return True  # an instruction of a page with no names and no doses: a guess
    if re.search(r"\b(?:you|your|the|this|these|why|how|what|when|benefits?|tips?|about)\b", name, re.IGNORECASE):
        return False
    if name.isupper():
        return False  # "ICE AND ELEVATION", "WALKING": a page's capitals head its sections
    said = " ".join(draft.prose)
    instructs = draft.start.numbered or any(imperative(sentence) for sentence in re.split(r"(?<=[.!?])\s+", said))
    named_move = vocab.EXERCISE_WORDS.search(name) is not None or draft.start.numbered
    if lenient:  # the page gives no dose anywhere: a move's name over any words about it will do
        return (
            draft.unnamed
            or draft.placed
            or (vocab.EXERCISE_WORDS.search(name) is not None and len(name.split()) <= MAX_NAME_WORDS)
        )
    return named_move and instructs and len(name.split()) <= MAX_NAME_WORDS and len(said.split()) >= MIN_PARAGRAPH_WORDS


def _for_position(name: str, default: Findings) -> Findings:
    """ "Do each exercise for 30 seconds" times a still position (a plank, a wall sit) as a hold."""
    words = re.findall(r"[A-Za-z]+", re.sub(r"\([^)]*\)", "", name))
    # The last word names what it is: "Wall sit" is a position, "Plank shoulder taps" a move.
    still = bool(words) and vocab.STILL.fullmatch(words[-1]) is not None
    if still and default.work_seconds is not None and default.hold_seconds is None:
        return replace(default, hold_seconds=default.work_seconds, work_seconds=None)
    return default


def _sides(draft: _Draft, strong: Findings, weak: Findings) -> Sourced[Sides] | None:
    """A dose line's "8 each leg" says how many per side; the name or the instructions saying the
    legs alternate ("Alternating Lunges", "keep alternating legs") say in what order."""
    named = name_sides(draft.name, draft.start.number)
    if named is not None:
        return named
    if weak.sides is not None and weak.sides.value is Sides.ALTERNATE:
        return weak.sides
    said = strong.sides or weak.sides
    if said is not None:
        return said
    # "Single-leg deadlift", "Pistol squat": a move named as done on one limb is done on each in turn.
    one_limb = vocab.ONE_LIMB_NAME.search(for_inference(draft.name))
    return Sourced(Sides.EACH, Origin.INFERRED, one_limb.group(0), draft.start.number) if one_limb else None


def _strong_findings(draft: _Draft, line: int) -> Findings:
    """The dose written with the name or on its own lines: it wins over the prose."""
    if not draft.strong:
        return Findings()
    text = ". ".join(draft.strong)
    found = infer(text, line, sets_alone_are_reps=False)
    if found.hold_seconds is None and found.work_seconds is None:
        # A bare time on a dose line ("3 sets" / "30 seconds") times each set: a hold for a
        # position, timed work for a move.
        without_rest = re.sub(
            r"\brest(?:ing)?(?:\s+(?:period|interval|time|between\s+sets))?\s*:?\s*(?:for\s+)?\d[^.;|]*",
            "",
            for_inference(text),
        )
        timed = re.sub(
            r"(?<![\w.])(\d+(?:\.\d+)?(?:\s*(?:-|to)\s*\d+(?:\.\d+)?)?\s*(?:seconds?|secs?|s|minutes?|mins?)\b)",
            r"hold for \1",
            without_rest,
            count=1,
        )
        found = infer(timed, line, sets_alone_are_reps=False)
    elif found.hold_seconds is not None and re.search(r"\bhold", found.hold_seconds.words, re.IGNORECASE):
        return found  # "hold for 30 seconds" is a hold whatever the move is called
    # A move is named as one, or its instructions start with a movement verb ("jog slowly and flick ...").
    first_verb = draft.prose[0].split()[0] if draft.prose and draft.prose[0].split() else ""
    # A time on a move's own line is timed work unless the move is a position held still (a stretch, a pose, a
    # plank) or its instructions say to stay still.
    said = " ".join([draft.name, *draft.prose[:1]])
    moving = (vocab.MOVING.search(draft.name) or vocab.MOVING.fullmatch(first_verb)) or not (
        vocab.STILL.search(said) or vocab.STILL_WORDS.search(said)
    )
    moving = bool(moving) and not vocab.STILL.search(draft.name)
    if found.hold_seconds is not None and moving and found.reps is None:
        # "Skipping: 3 x 1 minute": a time for a move is timed work
        found = replace(found, work_seconds=found.hold_seconds, hold_seconds=None)
    return found


def _consistent(name: str, found: Findings, notes: list[str], line: int) -> Findings:
    """Settle combinations the script cannot time, saying so rather than failing the whole page."""
    if found.reps is not None and found.work_seconds is not None:
        # "10 s on one leg, three times": timed positions repeated are holds
        found = replace(found, hold_seconds=found.work_seconds, work_seconds=None)
    if found.hold_seconds is not None and found.work_seconds is not None:
        found = replace(found, work_seconds=None)
    if found.rep_seconds is not None and found.reps is None:
        found = replace(found, rep_seconds=None)
    if found.sets is not None and found.reps is None and found.hold_seconds is None and found.work_seconds is None:
        notes.append(f"line {line}: {name}: sets without reps or a time; read as reps")
        found = replace(found, reps=found.sets, sets=None)
    return found


def _blocks(exercises: list[tuple[Exercise, int]], sections: list[_Section], loose: list[Line]) -> tuple[Block, ...]:
    """One block per exercise, unless a section (or the whole routine) says to repeat them in rounds."""
    # Rounds said outside any section are about the whole routine when its moves share one section.
    if len({section for _, section in exercises}) <= 1 and not _any_section_rounds(sections, len(exercises)):
        whole = _rounds(". ".join(line.text for line in loose), len(exercises))
        if whole is not None and exercises:
            return tuple(_rounds_blocks([e for e, _ in exercises], whole, None))
    blocks: list[Block] = []
    index = 0
    while index < len(exercises):
        exercise, section = exercises[index]
        group = [e for e, s in exercises[index:] if s == section] if section >= 0 else [exercise]
        rounds = _section_rounds(sections, section, {s for _, s in exercises}, len(group))
        if rounds is not None:
            blocks.extend(_rounds_blocks(group, rounds, sections[section].line.name or sections[section].line.text))
            index += len(group)
            continue
        blocks.append(Block.single(exercise))
        index += 1
    return tuple(blocks)


def _any_section_rounds(sections: list[_Section], moves: int) -> bool:
    return any(_rounds(f"{said.line.text}. {' '.join(said.text)}", moves) is not None for said in sections)


def _section_rounds(sections: list[_Section], section: int, with_moves: set[int], moves: int) -> _Rounds | None:
    """The rounds a section says, or those said by the sections just above it that hold no moves
    ("How it works: ... repeat the circuit 3 times" over "The moves")."""
    if section < 0:
        return None
    first = section
    while first > 0 and first - 1 not in with_moves:
        first -= 1
    for index in range(section, first - 1, -1):
        said = sections[index]
        rounds = _rounds(f"{said.line.text}. {' '.join(said.text)}", moves)
        if rounds is None and vocab.ROUNDS_LINE.match(said.line.text):
            rounds = _list_rounds(said.line.text, moves)  # "10 Rounds of 30/20/10 Intervals" over the list
        alone = next((text for text in said.text if vocab.ROUNDS_LINE.match(text.lstrip("-*\u2022 "))), None)
        if rounds is None and alone is not None:
            rounds = _list_rounds(alone, moves)  # "Kettlebell circuit:" over "- 3 rounds" and the moves
        if rounds is not None:
            return rounds
    return None


@dataclass(frozen=True)
class _Rounds:
    rounds: Sourced[Amount]
    rest: Sourced[Amount | None]
    every: Sourced[Amount | None]
    work: Sourced[Amount] | None
    off: Sourced[Amount] | None


def _rounds(text: str, moves: int) -> _Rounds | None:
    # "Circuit x2", "Finisher (3x)": a times mark on a section's heading is its rounds
    heading, _, after = text.partition(". ")
    mark = vocab.TIMES_MARK.search(heading)
    if mark:
        text = f"{heading[: mark.start()]}. do {mark.group('n') or mark.group('m')} rounds. {after}"
    # "go through it all a second time" is a second round
    lowered = re.sub(r"\b(?:a|1)\s+second\s+time\b", "2 times", for_inference(text))
    match = vocab.ROUTINE_ROUNDS.search(lowered)
    emom = vocab.EMOM.search(lowered)
    on_off = vocab.ON_OFF.search(lowered)
    if not match and not emom:
        return None
    if match:
        rounds: Sourced[Amount] = Sourced(_said_rounds(match), Origin.INFERRED, match.group(0), None)
    else:
        rounds = _emom_rounds(lowered, moves)
    rest_match = vocab.ROUND_REST.search(lowered) or vocab.REST_SENTENCE.search(lowered)
    rest: Sourced[Amount | None] = Sourced(None, Origin.DEFAULT)
    if rest_match:
        seconds = float(rest_match.group("lo")) * (60.0 if rest_match.group("unit").startswith("m") else 1.0)
        rest = Sourced(Amount.exactly(seconds), Origin.INFERRED, rest_match.group(0), None)
    every: Sourced[Amount | None] = Sourced(None, Origin.DEFAULT)
    if emom:
        every = Sourced(Amount.exactly(60.0), Origin.INFERRED, emom.group(0), None)
    work = off = None
    if on_off:
        work = Sourced(Amount.exactly(float(on_off.group("on"))), Origin.INFERRED, on_off.group(0), None)
        off = Sourced(Amount.exactly(float(on_off.group("off"))), Origin.INFERRED, on_off.group(0), None)
    return _Rounds(rounds, rest, every, work, off)


def _said_rounds(match: re.Match[str]) -> Amount:
    """ "Go through the circuit 2-3 times" is a range of rounds, resolved like any other range."""
    for name in ("n", "n1", "n2", "n3", "n4", "n5", "n6"):
        low = match.group(name)
        if low:
            high = match.groupdict().get(f"{name}hi") or low
            return Amount(float(low), max(float(low), float(high)))
    raise AssertionError("a rounds match always has a count")


def _emom_rounds(lowered: str, moves: int) -> Sourced[Amount]:
    """An EMOM of N minutes over M moves, one move a minute, goes round N / M times."""
    minutes = re.search(r"\b(?:for\s+)?(?P<n>\d+)\s*-?\s*(?:minutes?|mins?)\b|\bemom\s+(?P<e>\d+)\b", lowered)
    minutes = minutes or re.search(
        r"\b(?:clock|timer)\b[^.;]*?\b(?P<n>\d+):00\b",
        lowered,  # "until the clock hits 24:00"
    )
    said = minutes and (minutes.groupdict().get("n") or minutes.groupdict().get("e"))
    if minutes is None or not said or moves < 1 or int(said) < moves:
        return Sourced(Amount.exactly(1), Origin.DEFAULT)
    rounds = float(int(said) // moves)
    return Sourced(Amount.exactly(rounds), Origin.INFERRED, minutes.group(0).strip(), None)


def _rounds_blocks(exercises: list[Exercise], rounds: _Rounds, name: str | None) -> list[Block]:
    timed = []
    for exercise in exercises:
        dose = exercise.dose
        # a time written with the exercise's own name ("Cool Down Bike Ride - 5 minutes") is its own
        own_work = dose.work_seconds.value is not None and dose.work_seconds.line == exercise.line
        if rounds.work is not None and dose.reps.value is None and dose.hold_seconds.value is None and not own_work:
            dose = replace(dose, work_seconds=rounds.work)
        if rounds.off is not None:
            dose = replace(dose, after_seconds=rounds.off)
        timed.append(replace(exercise, dose=dose))
    return [
        Block(clean_name(name) if name else None, tuple(timed), rounds.rounds, rounds.rest, rounds.every, timed[0].line)
    ]
