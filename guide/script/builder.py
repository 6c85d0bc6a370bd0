"""Routine + options + phrase lengths -> Script. Pure: no audio, no files, no network.

Timing promises (checked by tests against the decoded MP3):
rep counts start exactly one tempo apart; "Hold" to its release is exactly the hold;
"Rest" to the next cue is exactly the rest. Positions are computed from fixed anchors
(t0 + i * tempo), never by adding up rounded steps, so nothing drifts. When a phrase is
longer than its slot the slot grows, with one warning per exercise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import LimitError
from ..routine import Amount, Exercise, Origin, Routine, Sides, Sourced
from ..routine.limits import MAX_GUIDE_SECONDS
from .model import Chapter, Cue, CueKind, ExercisePlan, ResolvedDose, Script, ScriptOptions
from .phrasebook import ENGLISH, Phrasebook

Measure = Callable[[str], float]  # seconds of sound a phrase takes

LEAD_IN = 0.5
GAP = 0.3  # the least silence between two phrases
SENTENCE_GAP = 0.5  # between sentences of instructions
AFTER_ANNOUNCE = 0.8
BEFORE_NEXT_EXERCISE = 2.0
TAIL = 1.5
HALFWAY_FROM = 20.0
TEN_LEFT_FROM = 30.0
COUNTDOWN_FROM = 6.0


def resolve(exercise: Exercise, options: ScriptOptions) -> ResolvedDose:
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
    cues: list[Cue] = field(default_factory=list)
    free: float = LEAD_IN  # earliest time the next phrase may start
    chapter: int = 0
    exercise: str = ""
    warnings: dict[str, str] = field(default_factory=dict)

    def say(self, text: str, kind: CueKind, gap: float = GAP) -> Cue:
        return self.say_at(self.free, text, kind, gap)

    def say_at(self, start: float, text: str, kind: CueKind, gap: float = GAP) -> Cue:
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
            self.warn(f"'{cue.text}' takes {cue.duration:.1f}s, longer than its {seconds:g}s {what}; "
                      f"the {what} grows to {needed:.1f}s")  # fmt: skip
            seconds = needed
        self.free = cue.start + seconds
        return seconds

    def warn(self, message: str) -> None:
        self.warnings.setdefault(self.exercise, f"{self.exercise}: {message}")

    def pause(self, seconds: float) -> None:
        self.free += seconds


def build_script(routine: Routine, options: ScriptOptions, measure: Measure, book: Phrasebook = ENGLISH) -> Script:
    """Lay out every cue. `measure` gives each phrase's length (estimated or synthesized)."""
    minutes = 0
    for _ in range(4):  # the welcome says the length, which depends on the welcome
        script = _build(routine, options, measure, book, minutes)
        spoken = round(script.duration / 60)
        if spoken == minutes:
            break
        minutes = spoken
    if script.duration > MAX_GUIDE_SECONDS:
        raise LimitError(
            f"{routine.source}: this guide would last {script.duration / 3600:.1f} hours; "
            f"the limit is {MAX_GUIDE_SECONDS / 3600:g} (lower the reps, sets or holds)"
        )
    return script


def _build(routine: Routine, options: ScriptOptions, measure: Measure, book: Phrasebook,
           minutes: int) -> Script:  # fmt: skip
    layout = _Layout(measure, book)
    total = len(routine.exercises)
    layout.chapter = 0  # the opening chapter: welcome and intro
    layout.say(book.welcome(routine.title, minutes, total), CueKind.WELCOME, SENTENCE_GAP)
    for sentence in routine.intro:
        layout.say(sentence, CueKind.INTRO, SENTENCE_GAP)
    layout.pause(AFTER_ANNOUNCE)
    plans: list[ExercisePlan] = []
    titles, starts = [book.opening_chapter()], [0.0]
    for index, exercise in enumerate(routine.exercises):
        layout.chapter, layout.exercise = index + 1, exercise.name
        dose = resolve(exercise, options)
        start = layout.free
        titles.append(exercise.name)
        starts.append(start)
        _exercise(layout, exercise, dose, index + 1, total)
        if index + 1 < total:
            layout.say(book.next_up(routine.exercises[index + 1].name), CueKind.NEXT)
            layout.pause(BEFORE_NEXT_EXERCISE)
        plans.append(ExercisePlan(exercise.name, dose, start, layout.free - start))
    closing = layout.say(book.closing(), CueKind.CLOSING)  # belongs to the last chapter
    duration = closing.end + TAIL
    chapters = tuple(
        Chapter(title, start, starts[i + 1] if i + 1 < len(starts) else duration)
        for i, (title, start) in enumerate(zip(titles, starts, strict=True))
    )
    return Script(
        title=routine.title,
        cues=tuple(layout.cues),
        chapters=chapters,
        exercises=tuple(plans),
        duration=duration,
        warnings=tuple(layout.warnings.values()),
    )


def _exercise(layout: _Layout, exercise: Exercise, dose: ResolvedDose, number: int, total: int) -> None:
    book = layout.book
    layout.say(book.exercise(number, total, exercise.name), CueKind.EXERCISE, AFTER_ANNOUNCE)
    for sentence in exercise.instructions:
        layout.say(sentence, CueKind.INSTRUCTION, SENTENCE_GAP)
    sides, sets = dose.sides.value, dose.sets.value
    layout.say(
        book.dose_summary(sets, dose.reps.value, dose.timed_seconds, sides, dose.rest_seconds.value, dose.timed_work),
        CueKind.DOSE,
        SENTENCE_GAP,
    )
    if sides is not Sides.ONE:
        layout.say(book.first_side(sides is Sides.ALTERNATE), CueKind.SIDE)
    setup = layout.say(book.get_into_position(), CueKind.SETUP)
    layout.slot(setup, dose.setup_seconds.value, "setup")
    for side in range(2 if sides is Sides.EACH else 1):
        if side == 1:
            switch = layout.say(book.switch_sides(), CueKind.SWITCH)
            layout.slot(switch, max(dose.switch_seconds, dose.setup_seconds.value), "switch")
        for set_number in range(1, sets + 1):
            if sets > 1:
                layout.say(book.set_number(set_number, sets), CueKind.SET)
            _set(layout, dose)
            if set_number < sets:
                rest = layout.say(book.rest(), CueKind.REST)
                layout.slot(rest, dose.rest_seconds.value, "rest")


def _set(layout: _Layout, dose: ResolvedDose) -> None:
    reps, hold = dose.reps.value, dose.timed_seconds
    alternate = dose.sides.value is Sides.ALTERNATE
    tempo = dose.rep_seconds.value
    if hold is None:
        assert reps is not None
        _counts(layout, reps * (2 if alternate else 1), tempo)
    elif reps is None:
        _hold(layout, layout.book.hold(dose.timed_work), hold, dose.timed_work)
    else:
        book = layout.book
        for rep in range(reps * (2 if alternate else 1)):
            side = (book.right if rep % 2 == 0 else book.left) if alternate else None
            number = rep // 2 + 1 if alternate else rep + 1
            release = _hold(layout, book.rep_hold(number, side), hold, dose.timed_work)
            layout.slot(release, tempo, "time between holds")


def _counts(layout: _Layout, count: int, tempo: float) -> None:
    texts = [layout.book.count(n) for n in range(1, count + 1)]
    longest = max(texts, key=layout.measure)
    needed = layout.measure(longest) + GAP
    if needed > tempo:
        layout.warn(f"counting '{longest}' takes {needed - GAP:.1f}s, longer than the {tempo:g}s "
                    f"tempo; reps are counted every {needed:.2f}s instead")  # fmt: skip
        tempo = needed
    first = layout.free
    for n, text in enumerate(texts):
        layout.say_at(first + n * tempo, text, CueKind.REP)
    layout.free = first + count * tempo  # the last rep gets its full tempo too


def _hold(layout: _Layout, text: str, seconds: float, timed: bool) -> Cue:
    """A hold cue, optional progress cues that fit, and its release; returns the release cue."""
    book = layout.book
    hold = layout.say(text, CueKind.HOLD)
    seconds = layout.slot(hold, seconds, "hold")
    layout.free = hold.end + GAP
    release_at = hold.start + seconds
    progress: list[tuple[float, str, CueKind]] = []
    if seconds >= HALFWAY_FROM:
        progress.append((hold.start + seconds / 2, book.halfway(), CueKind.HOLD_PROGRESS))
    if seconds >= TEN_LEFT_FROM:
        progress.append((release_at - 10, book.ten_seconds_left(), CueKind.HOLD_PROGRESS))
    if seconds >= COUNTDOWN_FROM:
        progress += [(release_at - 3 + i, text, CueKind.COUNTDOWN) for i, text in enumerate(book.countdown())]
    for i, (at, phrase, kind) in enumerate(progress):
        before = progress[i + 1][0] if i + 1 < len(progress) else release_at
        if layout.fits(at, phrase, before):
            layout.say_at(at, phrase, kind)
    return layout.say_at(release_at, book.release(timed), CueKind.RELEASE)
