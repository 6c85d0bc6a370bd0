"""The script builder: cue order and exact times for each dose shape, with a fake measure
(docs/contracts.md#timing)."""

from __future__ import annotations

import itertools

import pytest

from guide.routine import parse_routine
from guide.script import ENGLISH, PACES, CueKind, PaceName, ScriptOptions, build_script
from guide.script.builder import GAP

OPTIONS = ScriptOptions(PACES[PaceName.NORMAL])


def measure(text: str) -> float:
    return 0.05 * len(text)  # "One." -> 0.2 s


def script_for(dose: str, measure_fn=measure):  # type: ignore[no-untyped-def]
    text = f"# Test\n\n## Move\n{dose}\n\nDo the move.\n"
    return build_script(parse_routine(text, "t.md"), OPTIONS, measure_fn)


def kinds(script) -> list[CueKind]:  # type: ignore[no-untyped-def]
    return [c.kind for c in script.cues]


def test_reps_are_exactly_one_tempo_apart() -> None:
    script = script_for("reps: 12\ntempo: 2.5s")
    reps = [c for c in script.cues if c.kind is CueKind.REP]
    assert [c.text for c in reps][:3] == [ENGLISH.count(n) for n in (1, 2, 3)]
    assert len(reps) == 12
    for a, b in itertools.pairwise(reps):
        assert b.start - a.start == pytest.approx(2.5, abs=1e-9)
    assert reps[0].start >= next(c for c in script.cues if c.kind is CueKind.SETUP).start + 5


def test_hold_to_release_is_exactly_the_hold_with_progress_cues() -> None:
    script = script_for("hold: 30s")
    hold = next(c for c in script.cues if c.kind is CueKind.HOLD)
    release = next(c for c in script.cues if c.kind is CueKind.RELEASE)
    assert release.start - hold.start == pytest.approx(30.0)
    inner = [c for c in script.cues if hold.start < c.start < release.start]
    assert [c.text for c in inner] == [ENGLISH.halfway(), ENGLISH.ten_seconds_left(), ENGLISH.countdown()]
    assert inner[0].start - hold.start == pytest.approx(15.0)
    assert release.start - inner[-1].end == pytest.approx(0.5)  # the countdown ends just before the release


def test_each_side_with_sets_and_rest() -> None:
    script = script_for("sides: each\nsets: 3\nhold: 20s\nrest: 12s")
    texts = [c.text for c in script.cues]
    assert texts.count(ENGLISH.set_number(1, 3)) == 2 and texts.count(ENGLISH.set_number(3, 3)) == 2
    assert ENGLISH.set_number(3, 3) == "Final set."
    assert texts.count("Rest.") == 4  # two rests per side, none after the last set of a side
    assert texts.count("Switch to your left side.") == 1
    assert texts.index("Right side.") < texts.index("Switch to your left side.")
    work = (CueKind.HOLD, CueKind.REP, CueKind.WORK)
    for i, cue in enumerate(script.cues):
        if cue.kind is CueKind.REST:
            # The rest runs exactly from "Rest" to the next work cue; the next set is named inside it,
            # and a rest of ten seconds or more ends with a countdown.
            following = next(c for c in script.cues[i + 1 :] if c.kind in work)
            assert following.start - cue.start == pytest.approx(12.0)
            inside = [c.text for c in script.cues[i + 1 :] if c.start < following.start]
            assert inside[0].startswith(("Set", "Final set")) and inside[-1] == ENGLISH.countdown()


def test_alternate_reps_count_what_the_dose_says() -> None:
    script = script_for("sides: alternate\nreps: 8\ntempo: 2s")
    reps = [c for c in script.cues if c.kind is CueKind.REP]
    said = next(c.text for c in script.cues if c.kind is CueKind.DOSE)
    assert "8 reps per side" in said and [c.text for c in reps][-1] == "Eight."  # never "sixteen"
    assert len(reps) == 8
    assert {round(b.start - a.start, 9) for a, b in itertools.pairwise(reps)} == {4.0}  # a right and a left step
    assert "Start on your right side, then alternate." in [c.text for c in script.cues]
    assert script.exercises[0].dose.total_reps == 16


def test_alternating_holds_leave_time_to_change_sides() -> None:
    script = script_for("sides: alternate\nreps: 3\nhold: 3s\ntempo: 1s")
    cues = script.cues
    for i, cue in enumerate(cues):
        if cue.kind is CueKind.RELEASE and i + 1 < len(cues) and cues[i + 1].kind is CueKind.HOLD:
            assert cues[i + 1].start - cue.end >= PACES[PaceName.NORMAL].switch_seconds - 1e-9


def test_alternate_holds_name_the_side() -> None:
    script = script_for("sides: alternate\nreps: 3\nhold: 4s")
    holds = [c.text for c in script.cues if c.kind is CueKind.HOLD]
    assert holds == ["Right, hold.", "Left, hold."] * 3
    assert script.exercises[0].dose.total_hold_seconds == 24


def test_a_slow_voice_grows_the_tempo_and_warns_once() -> None:
    script = script_for("reps: 20\ntempo: 0.5s", lambda text: 0.1 * len(text))
    reps = [c for c in script.cues if c.kind is CueKind.REP]
    longest = max(0.1 * len(c.text) for c in reps)
    gaps = {round(b.start - a.start, 9) for a, b in itertools.pairwise(reps)}
    assert gaps == {round(longest + GAP, 9)}
    assert len(script.warnings) == 1 and "Move" in script.warnings[0]


def test_nothing_overlaps_and_nothing_drifts_on_a_long_guide() -> None:
    text = "# Long\n\n" + "".join(
        f"## Move {i}\nsides: each\nsets: 4\nreps: 30\ntempo: 1.7s\nrest: 13.3s\n\nGo.\n\n" for i in range(12)
    )
    script = build_script(parse_routine(text, "long.md"), OPTIONS, measure)
    for a, b in zip(script.cues, script.cues[1:], strict=False):
        assert b.start >= a.end + GAP - 1e-9
    reps = [c for c in script.cues if c.kind is CueKind.REP and c.chapter == 11]
    first = reps[0].start
    assert reps[29].start - first == pytest.approx(29 * 1.7, abs=1e-6)


def test_chapters_cover_each_exercise_in_order() -> None:
    text = "# Two\n\n## A\nreps: 3\n\nGo.\n\n## B\nhold: 10s\n\nGo.\n"
    script = build_script(parse_routine(text, "two.md"), OPTIONS, measure)
    assert [c.title for c in script.chapters] == ["Welcome", "A", "B"]
    assert script.chapters[0].start == 0 and script.chapters[-1].end == script.duration
    assert all(a.end == b.start for a, b in zip(script.chapters, script.chapters[1:], strict=False))  # no gaps
    first = next(c for c in script.cues if c.chapter == 2)
    assert first.text == ENGLISH.exercise(2, 2, "B") and first.start == script.chapters[2].start
    assert script.cues[-1].kind is CueKind.CLOSING and script.cues[-1].chapter == 2


def test_pace_never_changes_written_times() -> None:
    text = "# P\n\n## A\nreps: 5\ntempo: 3s\n\nGo.\n"
    for pace in PaceName:
        script = build_script(parse_routine(text, "p.md"), ScriptOptions(PACES[pace]), measure)
        reps = [c for c in script.cues if c.kind is CueKind.REP]
        assert reps[1].start - reps[0].start == pytest.approx(3.0)
