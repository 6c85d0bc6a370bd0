"""Read a dose out of instructions written for people ("hold for 30 seconds, repeat 4-5 times").

Every finding keeps the words it was read from. The rules are ordered from the most
specific phrasing to the loosest, and the first match for a field wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .model import DOSE_FIELDS, Amount, Dose, Origin, Sides, Sourced
from .prose import for_inference

SEVERAL_SECONDS = 5.0  # docs/routine-format.md#inference-from-prose: "several seconds" means 5 s
SECONDS_PER_BREATH = 5.0  # a slow breath in and out, as yoga teachers count them
LONG_WORK = 15.0  # timed work this long, repeated, is a set (shorter timed work repeated is reps of a hold)

_NUM = r"\d+(?:\.\d+)?"


def _range(tag: str = "") -> str:
    return rf"(?P<lo{tag}>{_NUM})(?:\s*(?:-|to|or)\s*(?P<hi{tag}>{_NUM}))?"


_RANGE = _range()
_SECONDS = r"(?:seconds?|secs?|s)\b"
_MINUTES = r"(?:minutes?|mins?)\b"
_DURATION = rf"{_RANGE}\s*-?\s*(?P<unit>{_SECONDS}|{_MINUTES})"
# "Keep it going for 30 seconds" is timed work, not a hold; "balance on one leg for 30 seconds" is a hold.
_HOLD_VERB = r"\b(?:hold|holding|stay|staying|remain|pause|keep it(?!\s+(?:going|up|moving))|hang|balance)\b"
_LIMB = r"(?:side|leg|arm|hand|foot|knee|hip)s?"
# What is counted in "10 steps each way": a thing, not a unit of time or a dose word.
_COUNTED = r"(?!(?:seconds?|secs?|s|minutes?|mins?|breaths?|reps?|repetitions?|sets?|times|rounds?)\b)[a-z][a-z-]*"
_BREATHS = rf"{_RANGE}\s+(?:(?:slow|deep|full|long|steady|more)\s+)?breaths?\b"
# Counts that are a schedule or a definition, not a dose: "three times a day", "that's 1 rep".
_NOT_A_DOSE = (
    r"\b\d+(?:\s*(?:-|to|or)\s*\d+)?\s*(?:times|sessions|days)\s+(?:a|per|each|every)\s+(?:day|week|month)\b",
    r"\b(?:that's|that is|this is|counts as|is|as)\s+(?:1|one)\s+(?:rep|repetition)\b",
    r"\b\d+(?:\.\d+)?\s*-?\s*(?:kg|lb|lbs|pounds?|kilos?|inch(?:es)?|cm|mm|degrees?|%|k|km|m|miles?|weeks?|days?|hours?)\b",
    r"\bstep\s+\d+\b",
)


@dataclass(frozen=True)
class Findings:
    """Dose fields found in one place (key lines or prose); None where nothing was said."""

    sides: Sourced[Sides] | None = None
    sets: Sourced[Amount] | None = None
    reps: Sourced[Amount] | None = None
    hold_seconds: Sourced[Amount] | None = None
    work_seconds: Sourced[Amount] | None = None
    rest_seconds: Sourced[Amount | None] | None = None
    rep_seconds: Sourced[Amount] | None = None
    setup_seconds: Sourced[Amount] | None = None
    after_seconds: Sourced[Amount] | None = None

    def over(self, weaker: Findings) -> Findings:
        """These findings, falling back to `weaker` field by field. A hold and timed work
        are one choice: whichever these findings make wins over the weaker one's."""
        merged = {
            name: getattr(self, name) if getattr(self, name) is not None else getattr(weaker, name)
            for name in DOSE_FIELDS
        }
        if self.hold_seconds is not None or self.work_seconds is not None:
            merged["hold_seconds"], merged["work_seconds"] = self.hold_seconds, self.work_seconds
        return Findings(**merged)

    @property
    def prescribes_anything(self) -> bool:
        return complete(self).prescribes_anything


def _amount(match: re.Match[str], scale: float = 1.0) -> Amount:
    low = float(match.group("lo")) * scale
    high = float(match.group("hi")) * scale if match.group("hi") else low
    return Amount(min(low, high), max(low, high))


def _seconds(match: re.Match[str]) -> Amount:
    minutes = match.group("unit").startswith("m")
    return _amount(match, 60.0 if minutes else 1.0)


def _found(value: object, match: re.Match[str], line: int) -> Sourced:  # type: ignore[type-arg]
    return Sourced(value, Origin.INFERRED, match.group(0).strip(" ,."), line)


def infer(prose: str, line: int, *, sets_alone_are_reps: bool = True) -> Findings:
    """Everything the prose says about the dose."""
    text = for_inference(prose)
    for pattern in _NOT_A_DOSE:
        text = re.sub(pattern, " ", text)
    found = Findings()
    found = _infer_hold(text, line, found)
    found = _infer_rest(text, line, found)
    found = _infer_counts(text, line, found)
    found = replace(found, sides=_infer_sides(text, line))
    alone = found.reps is None and found.hold_seconds is None and found.work_seconds is None
    if sets_alone_are_reps and found.sets is not None and alone:
        # "ten rounds of breath" with nothing to do in each round counts repetitions
        found = replace(found, reps=found.sets, sets=None)
    return found


def _infer_hold(text: str, line: int, found: Findings) -> Findings:
    patterns = (
        rf"{_HOLD_VERB}[^.;!?]*?\b(?:for\s+)?(?:about\s+|around\s+|at least\s+|up to\s+)?{_DURATION}",
        # "30 seconds per side", "15 s each hand": a time given per limb is how long to stay on each
        rf"(?<![\w.-]){_DURATION}\s+(?:per|each|on each|for each)\s+{_LIMB}\b",
        rf"{_DURATION}\s+(?:holds?|stretch(?:es)?|isometric)\b",
    )
    for pattern in patterns:
        match = re.search(pattern, text)
        if match:
            return replace(found, hold_seconds=_found(_seconds(match), match, line))
    breaths = re.search(rf"(?:{_HOLD_VERB}[^.;!?]*?\b(?:for\s+)?(?:about\s+|around\s+)?)?{_BREATHS}", text)
    if breaths and not re.search(r"\brounds?\s+of\s+breath", text):
        return replace(found, hold_seconds=_found(_amount(breaths, SECONDS_PER_BREATH), breaths, line))
    several = re.search(rf"{_HOLD_VERB}[^.;!?]*?\b(?:several|a few)\s+seconds\b", text)
    if several:
        value = Amount.exactly(SEVERAL_SECONDS)
        return replace(found, hold_seconds=_found(value, several, line))
    # As many as you can in a time: "as many as you can in three minutes", "2 minutes to perform as many as you can"
    amrap = re.search(rf"\bas many\b[^.;!?]{{0,30}}?\b(?:in|within)\s+{_DURATION}", text) or re.search(
        rf"{_DURATION}\s+to\s+(?:do|perform|complete|get)\s+as many\b", text
    )
    if amrap:
        return replace(found, work_seconds=_found(_seconds(amrap), amrap, line))
    # Timed work ("march in place for 1 minute") is a hold you move through.
    for match in re.finditer(rf"\bfor\s+(?:about\s+)?{_DURATION}", text):
        before = text[max(0, match.start() - 30) : match.start()]
        if not re.search(r"\b(?:rest|resting|recover|break|between)\b", before):
            return replace(found, work_seconds=_found(_seconds(match), match, line))
    # "a 15-minute jog to warm up", "a 10 minute easy walk": a time given to a steady movement
    steady = re.search(
        rf"\ba\s+{_DURATION}\s+(?:(?:easy|gentle|brisk|light|steady|slow|relaxed)\s+)?"
        r"(?:jog|walk|run|spin|row|swim|ride|cycle|bike|march|skip|warm[\s-]?up|cool[\s-]?down)\b",
        text,
    )
    if steady:
        return replace(found, work_seconds=_found(_seconds(steady), steady, line))
    # "20 seconds of fast, small steps": a time spent on an activity (but not "30 seconds of rest")
    spent = re.search(rf"\b{_DURATION}\s+of\s+(?!(?:rest|recovery|break|each)\b)[a-z]", text)
    if spent:
        return replace(found, work_seconds=_found(_seconds(spent), spent, line))
    return found


def _infer_rest(text: str, line: int, found: Findings) -> Findings:
    patterns = (
        rf"\b(?:rest|resting|recover|recovering|break)\s+(?:for\s+)?(?:about\s+)?{_DURATION}",
        rf"{_DURATION}\s+(?:of\s+)?(?:rest|recovery|break)\b",
    )
    for pattern in patterns:
        match = re.search(pattern, text)
        if match:
            return replace(found, rest_seconds=_found(_seconds(match), match, line))
    # "rest, and repeat" prescribes a rest; "rest it on your knee" does not.
    bare = re.search(r"\b(?:rest|resting)\b(?=\s*(?:[,.;!]|and\b|between\b|in\s+between\b|briefly\b|$))", text)
    if bare:
        # Rest is prescribed but not timed: the pace decides how long.
        return replace(found, rest_seconds=Sourced(None, Origin.INFERRED, bare.group(0), line))
    return found


def _infer_counts(text: str, line: int, found: Findings) -> Findings:
    sets_of_time = re.search(rf"\b(?P<sets>{_NUM}(?:\s*(?:-|to)\s*{_NUM})?)\s*(?:sets|rounds)\s+of\s+{_DURATION}", text)
    if sets_of_time:
        sets_match = re.match(_RANGE, sets_of_time.group("sets"))
        assert sets_match is not None
        found = replace(found, sets=_found(_amount(sets_match), sets_of_time, line))
        if found.hold_seconds is None and found.work_seconds is None:
            found = replace(found, hold_seconds=_found(_seconds(sets_of_time), sets_of_time, line))
        return found
    two_part = _two_part(text, line)
    if two_part is not None:
        return replace(found, reps=two_part)
    sets_of_reps = re.search(
        rf"\b(?P<sets>{_NUM}(?:\s*(?:-|to|or)\s*{_NUM})?)\s*(?:sets|rounds)\s+of\s+{_RANGE}(?!\s*{_SECONDS}|\s*{_MINUTES}|\s*breath)"
        # "two to four reps of 15 lifts": so many goes of a count of something
        rf"|\b(?P<sets2>{_NUM}(?:\s*(?:-|to|or)\s*{_NUM})?)\s*(?:reps|repetitions)\s+of\s+{_range('2')}\s+{_COUNTED}",
        text,
    )
    if sets_of_reps:
        sets_match = re.match(_RANGE, sets_of_reps.group("sets") or sets_of_reps.group("sets2"))
        assert sets_match is not None
        reps_match = sets_of_reps if sets_of_reps.group("sets") else _count_match(sets_of_reps)
        found = replace(
            found,
            sets=_found(_amount(sets_match), sets_of_reps, line),
            reps=_found(_amount(reps_match), sets_of_reps, line),
        )
        return found
    sets = re.search(rf"\b{_RANGE}\s*(?:sets|rounds)\b", text)
    if sets:
        found = replace(found, sets=_found(_amount(sets), sets, line))
    reps = re.search(
        rf"\b{_RANGE}\s*(?:reps?|repetitions?)\b"
        rf"|\b{_range('2')}\s+(?:per|(?:on|to|for) each|each)\s+{_LIMB}"
        # "10 steps each way": a count of anything given per side or direction is the reps
        rf"|\b{_range('3')}\s+{_COUNTED}\s+(?:per|(?:on|to|for) each|each)\s+(?:{_LIMB}|way|direction)\b"
        # "Take 10 to 20 steps": the steps of a walk counted
        rf"|\btake\s+{_range('4')}\s+(?:steps|strides|paces)\b",
        text,
    )
    if reps:
        return replace(found, reps=_found(_count(reps), reps, line))
    times = re.search(rf"\b{_RANGE}\s*times\b", text) or re.search(
        rf"\b(?:do|doing|complete|perform|aim for|try|(?:carry on|continue|go on) with)\s+{_RANGE}\b(?!\s*(?:{_SECONDS}|{_MINUTES}|sets|rounds|breath|-))",
        text,
    )
    if times:
        amount = _amount(times)
        # A repeated hold is sets only when a rest between them is said ("rest, and repeat 4 times");
        # "hold 30 seconds, repeat 3 times" is three reps of the hold.
        work = found.work_seconds
        long_work = work is not None and work.value is not None and work.value.low >= LONG_WORK
        timed = found.hold_seconds is not None or work is not None
        if timed and (long_work or found.rest_seconds is not None) and found.sets is None:
            return replace(found, sets=_found(amount, times, line))
        return replace(found, reps=_found(amount, times, line))
    return found


def _count_match(match: re.Match[str]) -> re.Match[str]:
    """The "15" of "two to four reps of 15 lifts", as a match `_amount` reads."""
    count = re.match(_RANGE, match.group("lo2") + (f"-{match.group('hi2')}" if match.group("hi2") else ""))
    assert count is not None
    return count


def _two_part(text: str, line: int) -> Sourced[Amount] | None:
    """ "10 front-to-back, then 10 side-to-side" is 20 in a set; "five to the right, then five to
    the left" is 5 on each side (the sides rule reads that part)."""
    match = re.search(
        rf"\b(?P<a>{_NUM})(?:\s+times)?(?P<what>(?:\s+[\w-]+){{1,3}}?)\s*,?\s+then\s+(?:(?:do\s+)?(?:the\s+)?[\w-]+\s+){{0,2}}?"
        rf"(?P<b>{_NUM})(?:\s+times)?(?P<rest>(?:\s+[\w-]+){{0,3}})",
        text,
    )
    if not match or re.match(rf"\s*(?:{_SECONDS}|{_MINUTES}|breath|sets|rounds)", match.group("rest")):
        return None
    if re.match(rf"\s*(?:{_SECONDS}|{_MINUTES})", match.group("what")):
        return None
    a, b = float(match.group("a")), float(match.group("b"))
    # Opposite directions ("clockwise, then anticlockwise", "forwards, then backwards") are sides too.
    sides = re.search(
        r"\b(?:left|right|other|opposite|(?:anti|counter)-?clockwise|backwards?|reverse)\b",
        match.group("what") + match.group("rest"),
    )
    value = Amount.exactly(a) if sides and a == b else Amount.exactly(a + b)
    return Sourced(value, Origin.INFERRED, match.group(0).strip(" ,."), line)


def _count(match: re.Match[str]) -> Amount:
    groups = match.groupdict()
    low = groups.get("lo") or groups.get("lo2") or groups.get("lo3") or groups.get("lo4")
    high = groups.get("hi") or groups.get("hi2") or groups.get("hi3") or groups.get("hi4")
    assert low is not None
    lo, hi = float(low), float(high) if high else float(low)
    return Amount(min(lo, hi), max(lo, hi))


# Alternate: the sides change within a set. "Alternating legs", "switch legs each rep", walking lunges and
# stepping through with the other leg move on alternating legs; a side change inside a move that is then
# repeated ("balance for 10 seconds, then change legs; do this three times") alternates the holds.
_ALTERNATE_MOVES = (
    r"\b(?:switch|swap|change|alternate)\s+(?:legs|sides|arms|feet|hands)\s+(?:each|every|on each|with each)\s+"
    r"(?:rep|repetition|time)\b",
    r"\bwalking\s+lunges?\b|\binto\s+the\s+next\s+lunge\b|\b(?:bring|swing)\s+(?:your|the)\s+back\s+foot\s+through\b",
    r"\bstep\s+(?:\w+\s+){0,2}(?:with|on)\s+(?:the|your)\s+other\s+(?:leg|foot)\b",
    r"\bthen\s+(?:change|switch|swap)\s+(?:legs|sides|feet)\b[^.;]*[.;]\s*(?:do\s+(?:this|it)|repeat(?:\s+this)?)\s+"
    rf"{_NUM}\s+times\b",
)
# Each: all of one side, then the other. Only words that *prescribe* sides count ("each side", "per leg",
# "on both sides", "8 reps on each leg", "do each arm", "switch legs", "repeat on the other side"); words
# that *describe* the movement never do ("drive each knee up", "landing softly on each leg", "squeeze each
# glute", "both arms overhead", "a dumbbell in each hand"). A limb after "each" prescribes only right after
# a count or a dose word ("10 times with each leg", "30 seconds each arm"). "The other leg" is a side change
# only when something is done on or with it ("repeat on the other side"), not "bring the other foot up".
_DOSE_WORD = (
    r"(?:\d+|times|twice|reps?|repetitions?|sets?|rounds?|seconds?|secs?|minutes?|mins?|breaths?|holds?|do|repeat)"
)
_EACH = (
    r"\b(?:each|per|every)\s+side\b(?!\s+of\b)|\b(?:on\s+)?both\s+sides\b(?!\s+of\b)",
    rf"\bper\s+{_LIMB}\b",
    rf"(?<![\w.]){_DOSE_WORD}(?:'s)?(?:\s+[a-z-]+)?\s+(?:(?:on|with|for|to|using)\s+)?each\s+{_LIMB}\b",
    # "Reps: 8. Each leg." - said as a sentence of its own, it is the dose's
    rf"(?:^|(?<=[.;:!?|])|(?<=[.;:!?|]\s))(?:on\s+)?each\s+{_LIMB}(?=\s*(?:[.;!?|]|$))",
    rf"\b\d+\s+{_COUNTED}\s+(?:each|per)\s+(?:way|direction)\b",
    # "switch legs" prescribes; "switch legs in the air" (a jumping lunge) or "quickly" describes the movement
    r"\b(?:switch|swap|change)\s+(?:legs|sides|arms|hands|feet|over)\b(?!\s+(?:in\s+(?:the\s+)?air|mid-?air|quickly|rapidly|explosively))"
    r"|\bthen\s+(?:switch|swap)\b(?=\s*(?:[.;!]|$))",
    r"\bbefore\s+alternating\s+\w+",
    r"\b(?:on|with|to|for|using|then)\s+(?:the|your)\s+(?:other|opposite)\s+(?:side|leg|arm|hand|foot)\b"
    r"(?!\s+(?:on|of)\b)",
    r"\b(?:the\s+)?other\s+side\b(?!\s+(?:on|of)\b)",
    # "repeat on the left leg", "Repeat on your right side": the same again on the other side
    # "do the same sequence on the right hand", "repeat the exercise turning to the left"
    r"\b(?:repeat|do)\s+(?:it\s+|this\s+|the\s+(?:same\s+|whole\s+|entire\s+)?(?:sequence|exercise|movement|stretch)\s+)?"
    r"(?:[a-z]+ing\s+)?(?:on|with|to|for|using)\s+(?:the|your)\s+(?:left|right)\b",
    r"\bthen\s+(?:do\s+the\s+same\s+|\d+\s+)?(?:to|on|with)\s+(?:the|your)\s+(?:left|right|other)\b",
    # a count done again the other way round ("10 clockwise, then 10 anticlockwise") is per direction
    r"\bthen\s+(?:\d+\s+)?(?:(?:anti|counter)-?clockwise|backwards|the\s+other\s+way|in\s+reverse)\b",
)


def _infer_sides(text: str, line: int) -> Sourced[Sides] | None:
    for match in re.finditer(
        r"\b(?P<after>before|then|after)?\s*\balternat(?:e|ing)\b(?:\s+(?:sides|legs|arms|feet|hands))?",
        text,
    ):
        if not match.group("after"):
            return Sourced(Sides.ALTERNATE, Origin.INFERRED, match.group(0).strip(), line)
    moving = re.search(r"\b(?:rotate|drop|lower|twist)\s+(?:\w+\s+){0,3}to\s+the\s+other\s+side\b", text)
    if moving:
        return Sourced(Sides.ALTERNATE, Origin.INFERRED, moving.group(0), line)
    steps = {m.group(1): m for m in re.finditer(r"\bstep\s+forward\s+with\s+\w+\s+(right|left)", text)}
    if len(steps) == 2:
        return Sourced(Sides.ALTERNATE, Origin.INFERRED, steps["left"].group(0), line)
    # Both sides said before the count ("... right shoulder, do same on the left shoulder, do this 7-10 times"):
    # each repetition goes to both sides. Said after it ("Repeat ten times, then do the same on the left") is
    # all of one side, then the other.
    both_then_count = re.search(
        r"\bsame\s+on\s+(?:the|your)\s+(?:left|right)\b[^.;]*[.;,]?\s*(?:do\s+this|repeat)\b[^.;]{0,30}?\d", text
    )
    if both_then_count:
        return Sourced(Sides.ALTERNATE, Origin.INFERRED, both_then_count.group(0), line)
    for pattern in _ALTERNATE_MOVES:
        alternate = re.search(pattern, text)
        if alternate:
            return Sourced(Sides.ALTERNATE, Origin.INFERRED, alternate.group(0), line)
    each = re.search("|".join(_EACH), text)
    if each:
        return Sourced(Sides.EACH, Origin.INFERRED, each.group(0), line)
    return None


def name_sides(name: str, line: int) -> Sourced[Sides] | None:
    """What an exercise's name says about sides: "Alternating Reverse Lunges", "Walking Lunges"."""
    text = for_inference(name)
    match = re.search(r"\balternat(?:e|ing)\b|\bwalking\s+lunges?\b", text)
    return Sourced(Sides.ALTERNATE, Origin.INFERRED, match.group(0), line) if match else None


def complete(found: Findings) -> Dose:
    """A Dose from findings: unsaid counts default, unsaid timings are left to the pace."""
    unsaid: Sourced[Amount | None] = Sourced(None, Origin.DEFAULT)
    paced: Sourced[Amount | None] = Sourced(None, Origin.PACE)
    return Dose(
        sides=found.sides or Sourced(Sides.ONE, Origin.DEFAULT),
        sets=found.sets or Sourced(Amount.exactly(1), Origin.DEFAULT),
        reps=found.reps or unsaid,
        hold_seconds=found.hold_seconds or unsaid,
        work_seconds=found.work_seconds or unsaid,
        rest_seconds=found.rest_seconds or paced,
        rep_seconds=found.rep_seconds or paced,
        setup_seconds=found.setup_seconds or paced,
        after_seconds=found.after_seconds or unsaid,
    )
