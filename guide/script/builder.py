"""Routine + options + phrase lengths -> Script. Pure: no audio, no files, no network.

Timing promises (checked by tests against the decoded MP3):
- rep counts start exactly one count apart; "Hold" to its release is exactly the hold;
  "Start now."/"Go now." to "Stop there." (or "Stop, and rest.") is exactly the timed work;
- a rest runs exactly its length from the onset of "Rest" to the onset of the next work cue
  (first count, "And hold.", "Go now."): what is said in between (the next set, the next round, a
  3-2-1 countdown) is said inside the rest;
- with `every` (EMOM), each exercise's first work cue lands exactly on the interval grid.
Positions are computed from fixed anchors (t0 + i * tempo), never by adding up rounded
steps, so nothing drifts. When a phrase is longer than its slot the slot grows, with one
warning per exercise.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..errors import LimitError
from ..routine import Amount, Block, Exercise, Origin, Routine, Sides, Sourced
from ..routine.limits import MAX_GUIDE_SECONDS
from .languages import ENGLISH
from .model import BlockPlan, Chapter, Cue, CueKind, ExercisePlan, ResolvedDose, Script, ScriptOptions, Verbosity
from .phrasebook import Phrasebook

Measure = Callable[[str], float]  # seconds of sound a phrase takes

LEAD_IN = 0.5
GAP = 0.3  # the least silence between two phrases
SENTENCE_GAP = 0.5  # between sentences of instructions
AFTER_ANNOUNCE = 0.8
BEFORE_NEXT_EXERCISE = 2.0
TAIL = 1.5
HALFWAY_FROM = 20.0
TEN_LEFT_FROM = 30.0
COUNTDOWN_FROM = 6.0  # a hold this long ends with "three, two, one"
COUNTDOWN_REST_FROM = 10.0  # a rest this long ends with a countdown into the work
COUNTDOWN_TO_WORK = 0.5  # from the end of "three, two, one" to the beat it counts down to
LATE_ANNOUNCE_FROM = 20.0  # in a rest this long, the next set or round is announced near its end


def resolve(exercise: Exercise, options: ScriptOptions) -> ResolvedDose:
    """The exercise's dose with ranges picked and unsaid timings taken from the pace."""
    dose, pace, ranges = exercise.dose, options.pace, options.ranges

    def count(value: Sourced[Amount | None]) -> Sourced[int | None]:
        amount = value.value
        return value.with_value(None if amount is None else amount.pick_count(ranges))

    def seconds(value: Sourced[Amount | None], pace_value: float | None) -> Sourced[float | None]:
        if value.value is not None:
            return value.with_value(value.value.pick(ranges))
        if pace_value is None:
            return value.with_value(None)
        # Said but not timed ("rest, and repeat"): the pace times it; plan shows both.
        origin = Origin.PACE if value.origin is not Origin.DEFAULT else Origin.DEFAULT
        return Sourced(pace_value, origin, value.words, value.line)

    def paced(value: Sourced[Amount | None], pace_value: float) -> Sourced[float]:
        timed = seconds(value, pace_value)
        return timed.with_value(pace_value if timed.value is None else timed.value)

    sets = count(dose.sets)
    return ResolvedDose(
        sides=dose.sides,
        sets=sets.with_value(sets.value or 1),
        reps=count(dose.reps),
        hold_seconds=seconds(dose.hold_seconds, None),
        work_seconds=seconds(dose.work_seconds, None),
        rest_seconds=paced(dose.rest_seconds, pace.rest_seconds),
        rep_seconds=paced(dose.rep_seconds, pace.rep_seconds),
        setup_seconds=paced(dose.setup_seconds, pace.setup_seconds),
        after_seconds=seconds(dose.after_seconds, None),
        switch_seconds=pace.switch_seconds,
    )


@dataclass
class _Layout:
    """The timeline while it is being laid out; frozen into a Script at the end."""

    measure: Measure
    book: Phrasebook
    options: ScriptOptions
    cues: list[Cue] = field(default_factory=list)
    free: float = LEAD_IN  # earliest time the next phrase may start
    chapter_titles: list[str] = field(default_factory=list)
    chapter_starts: list[float] = field(default_factory=list)
    exercise: str = ""
    warnings: dict[str, str] = field(default_factory=dict)
    _pending: str | None = None  # a chapter that opens with the next cue said

    @property
    def chapter(self) -> int:
        return len(self.chapter_titles) - 1

    @property
    def has_pending_chapter(self) -> bool:
        return self._pending is not None

    def open_chapter(self, title: str) -> None:
        self._pending = title

    def say(self, text: str, kind: CueKind, gap: float = GAP) -> Cue:
        return self.say_at(self.free, text, kind, gap)

    def say_at(self, start: float, text: str, kind: CueKind, gap: float = GAP) -> Cue:
        if self._pending is not None:
            self.chapter_titles.append(self._pending)
            self.chapter_starts.append(0.0 if not self.chapter_starts else start)
            self._pending = None
        cue = Cue(text, start, self.measure(text), kind, self.chapter)
        self.cues.append(cue)
        self.free = cue.end + gap
        return cue

    def fits(self, start: float, text: str, before: float) -> bool:
        return start >= self.free and start + self.measure(text) + GAP <= before

    def slot(self, cue: Cue, seconds: float, what: str) -> float:
        """Silence until `seconds` after the cue's onset, grown if the cue is longer."""
        needed = cue.duration + GAP
        if needed > seconds:
            self.grow(what, seconds, needed, f"'{cue.text}' takes {cue.duration:.1f}s")
            seconds = needed
        self.free = cue.start + seconds
        return seconds

    def grow(self, what: str, planned: float, needed: float, because: str) -> None:
        self.warn(f"{because}, longer than its {planned:g}s {what}; the {what} grows to {needed:.1f}s")

    def warn(self, message: str) -> None:
        self.warnings.setdefault(self.exercise, f"{self.exercise}: {message}")

    def pause(self, seconds: float) -> None:
        self.free += seconds


@dataclass(frozen=True)
class _Turn:
    """One exercise's turn in a round: the exercise, its resolved dose, and its number."""

    exercise: Exercise
    dose: ResolvedDose
    number: int  # among all the routine's exercises, from 1


def build_script(routine: Routine, options: ScriptOptions, measure: Measure, book: Phrasebook = ENGLISH) -> Script:
    """Lay out every cue. `measure` gives each phrase's length (estimated or synthesized).

    Raises LimitError when the guide would be longer than the limit.
    """
    script = _settled(routine, options, measure, book)
    if script.duration > MAX_GUIDE_SECONDS and _inferred_rounds(routine):
        # Rounds read from prose that make the guide absurdly long are a misreading: drop them, say so.
        once, note = _without_inferred_rounds(routine)
        script = build_script(once, options, measure, book)
        return dataclasses.replace(script, warnings=(*script.warnings, note))
    if script.duration > MAX_GUIDE_SECONDS:
        raise LimitError(
            f"{routine.source}: this guide would last {script.duration / 3600:.1f} hours; "
            f"the limit is {MAX_GUIDE_SECONDS / 3600:g} (lower the reps, sets, rounds or holds)"
        )
    return script


def _settled(routine: Routine, options: ScriptOptions, measure: Measure, book: Phrasebook) -> Script:
    minutes = 0
    for _ in range(4):  # the welcome says the length, which depends on the welcome
        script = _build(routine, options, measure, book, minutes)
        spoken = round(script.duration / 60)
        if spoken == minutes:
            break
        minutes = spoken
    return script


def _inferred_rounds(routine: Routine) -> list[Block]:
    return [
        b
        for b in routine.blocks
        if b.rounds.origin is Origin.INFERRED and b.rounds.value is not None and b.rounds.value.high > 1
    ]


def as_built(routine: Routine, options: ScriptOptions, measure: Measure) -> Routine:
    """The routine a guide is built from: without rounds read from the prose when they make the
    guide absurdly long (the note saying so added). What `guide import` writes out."""
    if not _inferred_rounds(routine) or _settled(routine, options, measure, ENGLISH).duration <= MAX_GUIDE_SECONDS:
        return routine
    once, note = _without_inferred_rounds(routine)
    return dataclasses.replace(once, notes=(*once.notes, note))


def _without_inferred_rounds(routine: Routine) -> tuple[Routine, str]:
    dropped = _inferred_rounds(routine)
    said = "; ".join(f'line {b.rounds.line or b.line}: "{b.rounds.words}"' for b in dropped)
    note = f"rounds read from the text ({said}) made the guide longer than {MAX_GUIDE_SECONDS / 3600:g} hours; ignored"
    once: Sourced[Amount] = Sourced(Amount.exactly(1), Origin.DEFAULT)
    blocks = tuple(dataclasses.replace(b, rounds=once) if b in dropped else b for b in routine.blocks)
    return dataclasses.replace(routine, blocks=blocks), note


def _build(routine: Routine, options: ScriptOptions, measure: Measure, book: Phrasebook, minutes: int) -> Script:
    layout = _Layout(measure, book, options)
    exercises = routine.exercises
    layout.open_chapter(book.opening_chapter())
    layout.say(book.welcome(routine.title, minutes, len(exercises)), CueKind.WELCOME, SENTENCE_GAP)
    for sentence in routine.intro:
        layout.say(sentence, CueKind.INTRO, SENTENCE_GAP)
    layout.pause(AFTER_ANNOUNCE)
    spans: dict[int, list[tuple[int, int]]] = {}  # exercise index -> chapters it fills (first, last)
    numbers = {id(exercise): i + 1 for i, exercise in enumerate(exercises)}
    for block_index, block in enumerate(routine.blocks):
        following = routine.blocks[block_index + 1].exercises[0] if block_index + 1 < len(routine.blocks) else None
        if block.is_plain:
            exercise = block.exercises[0]
            layout.exercise = exercise.name
            layout.open_chapter(exercise.name)
            first = len(layout.chapter_titles)
            turn = _Turn(exercise, resolve(exercise, options), numbers[id(exercise)])
            _introduce(layout, turn, len(exercises))
            _perform(layout, turn)
            spans.setdefault(numbers[id(exercise)] - 1, []).append((first, len(layout.chapter_titles) - 1))
        else:
            _block(layout, block, numbers, len(exercises), spans)
        if following is not None:
            layout.say(book.next_up(following.name), CueKind.NEXT)
            layout.pause(BEFORE_NEXT_EXERCISE)
    closing = layout.say(book.closing(), CueKind.CLOSING)  # belongs to the last chapter
    duration = closing.end + TAIL
    starts = layout.chapter_starts
    chapters = tuple(
        Chapter(title, start, starts[i + 1] if i + 1 < len(starts) else duration)
        for i, (title, start) in enumerate(zip(layout.chapter_titles, starts, strict=True))
    )
    exercise_plans = _plans(routine, options, chapters, spans)
    return Script(
        title=routine.title,
        cues=tuple(layout.cues),
        chapters=chapters,
        exercises=exercise_plans,
        duration=duration,
        warnings=tuple(layout.warnings.values()),
        blocks=_block_plans(routine, options, exercise_plans),
        language=book.code,
    )


def _plans(
    routine: Routine, options: ScriptOptions, chapters: Sequence[Chapter], spans: dict[int, list[tuple[int, int]]]
) -> tuple[ExercisePlan, ...]:
    plans: list[ExercisePlan] = []
    index = 0
    for block in routine.blocks:
        rounds = block.rounds.value.pick_count(options.ranges)
        for exercise in block.exercises:
            turns = [chapters[first : last + 1] for first, last in spans.get(index, [])]
            lengths = tuple(sum(chapter.end - chapter.start for chapter in turn) for turn in turns)
            plans.append(
                ExercisePlan(
                    exercise.name,
                    resolve(exercise, options),
                    turns[0][0].start if turns and turns[0] else 0.0,
                    sum(lengths),
                    None if block.is_plain else block.name,
                    rounds,
                    exercise.equipment,
                    exercise.muscles,
                    lengths,
                )
            )
            index += 1
    return tuple(plans)


def _block_plans(routine: Routine, options: ScriptOptions, exercises: Sequence[ExercisePlan]) -> tuple[BlockPlan, ...]:
    """Every block that is more than one exercise done once, with where it lies: its
    exercises' chapters tile it, so its length is theirs added up."""
    plans: list[BlockPlan] = []
    index = 0
    for block in routine.blocks:
        items = exercises[index : index + len(block.exercises)]
        index += len(block.exercises)
        if block.is_plain:
            continue
        rest, every = block.rest_seconds.value, block.every_seconds.value
        plans.append(
            BlockPlan(
                name=block.name,
                rounds=block.rounds.value.pick_count(options.ranges),
                rest_seconds=None if rest is None else rest.pick(options.ranges),
                every_seconds=None if every is None else every.pick(options.ranges),
                exercises=tuple(exercise.name for exercise in block.exercises),
                first_exercise=index - len(block.exercises),
                start=min(item.start for item in items),
                duration=sum(item.duration for item in items),
            )
        )
    return tuple(plans)


def _introduce(layout: _Layout, turn: _Turn, total: int) -> None:
    """The first time an exercise comes up: its name, instructions, dose and side."""
    _say_all(layout, _introduction(layout, turn, total, layout.options.verbosity is Verbosity.FULL))


Phrases = list[tuple[str, CueKind, float]]  # (text, kind, silence after it)


def _introduction(layout: _Layout, turn: _Turn, total: int, instructions: bool) -> Phrases:
    book, dose = layout.book, turn.dose
    said: Phrases = [(book.exercise(turn.number, total, turn.exercise.name), CueKind.EXERCISE, AFTER_ANNOUNCE)]
    if instructions:
        said += [(sentence, CueKind.INSTRUCTION, SENTENCE_GAP) for sentence in turn.exercise.instructions]
    summary = book.dose_summary(
        dose.sets.value,
        dose.reps.value,
        dose.timed_seconds,
        dose.sides.value,
        dose.rest_seconds.value,
        dose.timed_work,
    )
    said.append((summary, CueKind.DOSE, SENTENCE_GAP))
    return said


def _say_all(layout: _Layout, phrases: Phrases) -> None:
    for text, kind, gap in phrases:
        layout.say(text, kind, gap)


def _spoken_length(layout: _Layout, phrases: Phrases) -> float:
    """From the first phrase's onset to where the next phrase may start."""
    return sum(layout.measure(text) + gap for text, _, gap in phrases)


def _opening(book: Phrasebook, dose: ResolvedDose) -> list[tuple[str, CueKind]]:
    """What is said before a turn's first work cue: the side to start on, and the first set."""
    said: list[tuple[str, CueKind]] = []
    if dose.sides.value is not Sides.ONE:
        said.append((book.first_side(dose.sides.value is Sides.ALTERNATE), CueKind.SIDE))
    if dose.sets.value > 1:
        said.append((book.set_number(1, dose.sets.value), CueKind.SET))
    return said


def _perform(layout: _Layout, turn: _Turn, start_at: float | None = None, rest_after: bool = False) -> None:
    """Every side and set of one turn. The first work cue lands at `start_at` when given
    (after a rest or on an interval grid); otherwise it follows a get-into-position pause.
    `rest_after`: a rest follows the turn, so timed work can end on "stop, and rest"."""
    book, dose = layout.book, turn.dose
    sides, sets = dose.sides.value, dose.sets.value
    if start_at is None:
        for text, kind in _opening(book, dose):
            layout.say(text, kind)
        position = layout.say(book.get_into_position(), CueKind.SETUP)
        layout.slot(position, dose.setup_seconds.value, "setup")
    for side in range(2 if sides is Sides.EACH else 1):
        if side == 1:
            announce = [(book.switch_sides(), CueKind.SWITCH)]
            if sets > 1:
                announce.append((book.set_number(1, sets), CueKind.SET))
            start_at = _pause(layout, max(dose.switch_seconds, dose.setup_seconds.value), announce, "switch")
        for set_number in range(1, sets + 1):
            rest_follows = set_number < sets
            last = set_number == sets and (side == 1 or sides is not Sides.EACH)
            _work(layout, dose, start_at, rest_follows or (last and rest_after))
            start_at = None
            if rest_follows:
                start_at = _rest(
                    layout,
                    dose.rest_seconds.value,
                    [(book.set_number(set_number + 1, sets), CueKind.SET)],
                    dose,
                    already_said=dose.timed_work,
                )


def _pause(layout: _Layout, seconds: float, announce: Sequence[tuple[str, CueKind]], what: str) -> float:
    """Say `announce` now, then leave `seconds` from the first of them to the next work cue."""
    first = layout.free
    for text, kind in announce:
        layout.say(text, kind)
    return _work_start(layout, first, seconds, None, what)


def _rest(
    layout: _Layout,
    seconds: float,
    announce: Sequence[tuple[str, CueKind]],
    dose: ResolvedDose | None,
    already_said: bool = False,
    chapter: str | None = None,
) -> float:
    """A rest: "Rest" (unless the release already said it), what comes next, a countdown when
    there is time. Returns when the next work cue starts: exactly `seconds` after "Rest".
    `chapter` opens after the "Rest" cue: the rest's first word ends the previous chapter."""
    rest_cue = layout.cues[-1] if already_said else layout.say(layout.book.rest(), CueKind.REST)
    rest_onset = rest_cue.start
    if seconds >= LATE_ANNOUNCE_FROM and announce:
        # In a long rest, what comes next is said near its end, where it is still remembered.
        spoken = sum(layout.measure(text) + GAP for text, _ in announce)
        layout.free = max(layout.free, rest_onset + seconds - _countdown_lead(layout, dose) - 1.0 - spoken)
    if chapter is not None:
        layout.open_chapter(chapter)
    for text, kind in announce:
        layout.say(text, kind)
    return _work_start(layout, rest_onset, seconds, dose, "rest")


def _work_start(layout: _Layout, onset: float, seconds: float, dose: ResolvedDose | None, what: str) -> float:
    """When work starts after a pause that began at `onset`; a countdown leads into it when
    the pause is long enough. The pause grows (with a warning) if what was said overruns it."""
    start = onset + seconds
    lead = _countdown_lead(layout, dose)
    countdown = seconds >= COUNTDOWN_REST_FROM and dose is not None
    needed = layout.free + (lead if countdown else 0.0)
    if needed > start:
        layout.grow(what, seconds, needed - onset, "what is said in it takes longer")
        start = needed
    if countdown and dose is not None:
        layout.say_at(start - lead, _countdown_words(layout, dose), CueKind.COUNTDOWN)
    return start


def _countdown_words(layout: _Layout, dose: ResolvedDose) -> str:
    # Counted reps hear "three, two, one, go" before their first count; a hold or timed work
    # hears "three, two, one" and then its own "Hold" or "Go now" on the beat.
    return layout.book.countdown_into(dose.reps.value is not None and dose.timed_seconds is None)


def _countdown_lead(layout: _Layout, dose: ResolvedDose | None) -> float:
    """How long before the work cue the countdown starts: it ends a short breath before."""
    if dose is None:
        return 0.0
    return layout.measure(_countdown_words(layout, dose)) + COUNTDOWN_TO_WORK


def _work(layout: _Layout, dose: ResolvedDose, start_at: float | None, rest_follows: bool) -> None:
    """One set: counted reps, a hold, timed work, or reps that are each held."""
    reps, timed = dose.reps.value, dose.timed_seconds
    alternate = dose.sides.value is Sides.ALTERNATE
    tempo = dose.rep_seconds.value
    if timed is None:
        assert reps is not None
        # Alternating reps are counted in pairs, so the count agrees with "8 reps per side".
        _counts(layout, reps, tempo * (2 if alternate else 1), start_at)
        return
    if reps is None:
        text = layout.book.hold(dose.timed_work, after_countdown=_had_countdown(layout))
        _timed(layout, text, timed, dose.timed_work, start_at, rest_follows and dose.timed_work)
        return
    book = layout.book
    holds = reps * (2 if alternate else 1)
    for rep in range(holds):
        side = (book.right if rep % 2 == 0 else book.left) if alternate else None
        number = rep // 2 + 1 if alternate else rep + 1
        release = _timed(layout, book.rep_hold(number, side), timed, dose.timed_work, start_at, False)
        start_at = None
        if rep + 1 < holds:
            # Between holds: the tempo, and always time to change sides when they alternate.
            gap = max(dose.rep_seconds.value, release.duration + dose.switch_seconds) if alternate else tempo
            layout.slot(release, gap, "time between holds")


def _had_countdown(layout: _Layout) -> bool:
    return bool(layout.cues) and layout.cues[-1].kind is CueKind.COUNTDOWN


def _counts(layout: _Layout, count: int, tempo: float, start_at: float | None) -> None:
    texts = [layout.book.count(n) for n in range(1, count + 1)]
    longest = max(texts, key=layout.measure)
    needed = layout.measure(longest) + GAP
    if needed > tempo:
        layout.warn(
            f"counting '{longest}' takes {needed - GAP:.1f}s, longer than the {tempo:g}s "
            f"tempo; reps are counted every {needed:.2f}s instead"
        )
        tempo = needed
    first = max(layout.free, start_at) if start_at is not None else layout.free
    for n, text in enumerate(texts):
        layout.say_at(first + n * tempo, text, CueKind.REP)
    layout.free = first + count * tempo  # the last rep gets its full tempo too


def _timed(layout: _Layout, text: str, seconds: float, work: bool, start_at: float | None, rest_follows: bool) -> Cue:
    """A hold (or timed work) cue, progress cues that fit, and its release; returns the release.

    When a rest follows timed work, the release says so ("Stop, and rest"), so the rest is
    timed from that one cue and intervals stay exact."""
    book = layout.book
    at = max(layout.free, start_at) if start_at is not None else layout.free
    hold = layout.say_at(at, text, CueKind.WORK if work else CueKind.HOLD)
    seconds = layout.slot(hold, seconds, "work" if work else "hold")
    layout.free = hold.end + GAP
    release_at = hold.start + seconds
    progress: list[tuple[float, str, CueKind]] = []
    if seconds >= HALFWAY_FROM:
        progress.append((hold.start + seconds / 2, book.halfway(), CueKind.HOLD_PROGRESS))
    if seconds >= TEN_LEFT_FROM:
        progress.append((release_at - 10, book.ten_seconds_left(), CueKind.HOLD_PROGRESS))
    if seconds >= COUNTDOWN_FROM:
        countdown = book.countdown()
        progress.append((release_at - layout.measure(countdown) - COUNTDOWN_TO_WORK, countdown, CueKind.COUNTDOWN))
    for i, (when, phrase, kind) in enumerate(progress):
        before = progress[i + 1][0] if i + 1 < len(progress) else release_at
        if layout.fits(when, phrase, before):
            layout.say_at(when, phrase, kind)
    if rest_follows:
        return layout.say_at(release_at, book.stop_and_rest(), CueKind.REST)
    return layout.say_at(release_at, book.release(work), CueKind.RELEASE)


def _block(
    layout: _Layout, block: Block, numbers: dict[int, int], total: int, spans: dict[int, list[tuple[int, int]]]
) -> None:
    """A circuit, interval block or EMOM: its exercises in order, round after round."""
    book, options = layout.book, layout.options
    rounds = block.rounds.value.pick_count(options.ranges)
    rest = None if block.rest_seconds.value is None else block.rest_seconds.value.pick(options.ranges)
    every = None if block.every_seconds.value is None else block.every_seconds.value.pick(options.ranges)
    doses = [resolve(exercise, options) for exercise in block.exercises]
    layout.exercise = block.name or block.exercises[0].name
    layout.open_chapter(_chapter_title(layout.book, block, block.exercises[0], 1, rounds))
    layout.say(book.block_intro(block.name, rounds, len(block.exercises), rest, every), CueKind.ROUND, AFTER_ANNOUNCE)
    if options.verbosity is Verbosity.FULL:
        for sentence in block.intro:
            layout.say(sentence, CueKind.INTRO, SENTENCE_GAP)
    if every is not None:
        _emom(layout, block, doses, numbers, total, rounds, every, spans)
        return
    start_at: float | None = None
    for round_number in range(1, rounds + 1):
        for position, (exercise, dose) in enumerate(zip(block.exercises, doses, strict=True)):
            turn = _Turn(exercise, dose, numbers[id(exercise)])
            layout.exercise = exercise.name
            first_chapter = len(layout.chapter_titles) if layout.has_pending_chapter else layout.chapter
            resting = _rest_after(block, doses, position, round_number, rounds, rest) is not None
            if start_at is None:
                if round_number == 1:
                    _introduce(layout, turn, total)
                else:
                    layout.say(book.exercise_again(exercise.name), CueKind.EXERCISE)
                _perform(layout, turn, rest_after=resting)
            else:
                _perform(layout, turn, start_at, rest_after=resting)
            spans.setdefault(numbers[id(exercise)] - 1, []).append((first_chapter, layout.chapter))
            start_at = _between(layout, block, doses, position, round_number, rounds, rest)


def _rest_after(
    block: Block, doses: Sequence[ResolvedDose], position: int, round_number: int, rounds: int, rest: float | None
) -> float | None:
    """How long the rest after this turn is, if there is one."""
    last_in_round = position + 1 == len(doses)
    if last_in_round and round_number == rounds:
        return None
    after = doses[position].after_seconds.value
    return (rest if rest is not None else after) if last_in_round else after


def _between(
    layout: _Layout,
    block: Block,
    doses: Sequence[ResolvedDose],
    position: int,
    round_number: int,
    rounds: int,
    rest: float | None,
) -> float | None:
    """What happens after an exercise's turn: its `after` rest, the rest between rounds, or
    nothing; it opens the next turn's chapter. Returns the next work cue's time when a rest
    sets it (then the next exercise is named inside the rest)."""
    book = layout.book
    count = len(doses)
    last_in_round = position + 1 == count
    if last_in_round and round_number == rounds:
        return None
    upcoming_round = round_number + 1 if last_in_round else round_number
    upcoming = block.exercises[(position + 1) % count]
    next_dose = doses[(position + 1) % count]
    chapter = _chapter_title(layout.book, block, upcoming, upcoming_round, rounds)
    rested = layout.cues[-1].kind is CueKind.REST  # timed work already said "stop, and rest"
    seconds = _rest_after(block, doses, position, round_number, rounds, rest)
    announce: list[tuple[str, CueKind]] = []
    if last_in_round:
        announce.append((book.round_number(upcoming_round, rounds), CueKind.ROUND))
    if seconds is None:  # no rest: straight on to the next exercise's own introduction
        layout.open_chapter(chapter)
        for text, kind in announce:
            layout.say(text, kind)
        return None
    if upcoming_round == 1:
        # The first round introduces each exercise after the rest: the rest only says what is next.
        _rest(layout, seconds, [(book.next_up(upcoming.name), CueKind.NEXT)], None, rested)
        layout.open_chapter(chapter)
        return None
    announce.append((book.exercise_again(upcoming.name), CueKind.EXERCISE))
    announce += _opening(book, next_dose)  # every round says which side to start on
    return _rest(layout, seconds, announce, next_dose, rested, chapter)


def _emom(
    layout: _Layout,
    block: Block,
    doses: Sequence[ResolvedDose],
    numbers: dict[int, int],
    total: int,
    rounds: int,
    every: float,
    spans: dict[int, list[tuple[int, int]]],
) -> None:
    """Every exercise starts exactly on the interval; what is left of each interval is rest.
    Each exercise is introduced just before its own first interval: the first before the
    clock starts, the others in the rest before theirs."""
    book = layout.book
    turns = [
        _Turn(exercise, dose, numbers[id(exercise)]) for exercise, dose in zip(block.exercises, doses, strict=True)
    ]
    _introduce(layout, turns[0], total)
    for text, kind in _opening(book, doses[0]):
        layout.say(text, kind)
    position = layout.say(book.get_into_position(), CueKind.SETUP)
    grid = _work_start(
        layout, position.start, max(doses[0].setup_seconds.value, COUNTDOWN_REST_FROM), doses[0], "setup"
    )
    slot = 0
    for round_number in range(1, rounds + 1):
        for index, turn in enumerate(turns):
            layout.exercise = turn.exercise.name
            first_chapter = len(layout.chapter_titles) if layout.has_pending_chapter else layout.chapter
            at = grid + slot * every
            if layout.free > at + 1e-9:
                layout.warn(f"the work overruns the {every:g}s interval; later intervals start late")
                grid += layout.free - at
                at = layout.free
            _perform(layout, turn, at)
            spans.setdefault(turn.number - 1, []).append((first_chapter, layout.chapter))
            slot += 1
            if round_number == rounds and index + 1 == len(turns):
                return
            upcoming_index = (index + 1) % len(turns)
            new_round = upcoming_index == 0
            upcoming = turns[upcoming_index]
            next_at = grid + slot * every
            if layout.cues[-1].kind is not CueKind.REST:
                layout.say(book.rest(), CueKind.REST)
            rest_onset = layout.cues[-1].start
            layout.open_chapter(
                _chapter_title(layout.book, block, upcoming.exercise, round_number + (1 if new_round else 0), rounds)
            )
            countdown = next_at - rest_onset >= COUNTDOWN_REST_FROM
            deadline = next_at - (_countdown_lead(layout, upcoming.dose) if countdown else 0.0)
            said = _emom_announcement(layout, upcoming, total, round_number, rounds, new_round, deadline)
            if next_at - rest_onset >= LATE_ANNOUNCE_FROM:
                # As in any long rest, what comes next is said near its end, where it is still remembered.
                layout.free = max(layout.free, deadline - 1.0 - _spoken_length(layout, said))
            _say_all(layout, said)
            if countdown:
                _work_start(layout, rest_onset, next_at - rest_onset, upcoming.dose, "rest")


def _emom_announcement(
    layout: _Layout, upcoming: _Turn, total: int, round_number: int, rounds: int, new_round: bool, deadline: float
) -> Phrases:
    """What the rest before an EMOM turn says: the round, then the exercise (introduced in full
    the first time it comes up, by name after that) and the side to start on."""
    book = layout.book
    opening: Phrases = [(text, kind, GAP) for text, kind in _opening(book, upcoming.dose)]
    if new_round:
        return [
            (book.round_number(round_number + 1, rounds), CueKind.ROUND, GAP),
            (book.exercise_again(upcoming.exercise.name), CueKind.EXERCISE, GAP),
            *opening,
        ]
    if round_number > 1:
        return [(book.exercise_again(upcoming.exercise.name), CueKind.EXERCISE, GAP), *opening]
    full = layout.options.verbosity is Verbosity.FULL and bool(upcoming.exercise.instructions)
    said = _introduction(layout, upcoming, total, full) + opening
    if full and layout.free + _spoken_length(layout, said) > deadline:
        # The interval grid is the promise: instructions that do not fit in the rest are left out.
        layout.exercise = upcoming.exercise.name
        layout.warn("its instructions do not fit in the rest before its first interval; they are left out")
        said = _introduction(layout, upcoming, total, False) + opening
    return said


def _chapter_title(book: Phrasebook, block: Block, exercise: Exercise, round_number: int, rounds: int) -> str:
    if rounds <= 1:
        return exercise.name
    return book.round_chapter(exercise.name, round_number, rounds)
