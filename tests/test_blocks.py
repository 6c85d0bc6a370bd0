"""Blocks: circuits, Tabata, EMOM and warm-up + main + cool-down, in Markdown; their timing,
cues, chapters and plan (docs/routine-format.md#blocks, docs/contracts.md#timing)."""

from __future__ import annotations

import itertools

import pytest

from guide.errors import RoutineError
from guide.report import clock, plan_json, plan_table
from guide.routine import parse_routine
from guide.script import ENGLISH, PACES, CueKind, PaceName, Script, ScriptOptions, Verbosity, build_script

OPTIONS = ScriptOptions(PACES[PaceName.NORMAL])
WORK = (CueKind.REP, CueKind.HOLD, CueKind.WORK)


def measure(text: str) -> float:
    return 0.05 * len(text)


def script_of(text: str, options: ScriptOptions = OPTIONS) -> Script:
    return build_script(parse_routine(text, "b.md"), options, measure)


CIRCUIT = """# Circuit

## Main Set
rounds: 3
rest: 60s

### Squats
reps: 10
tempo: 2s
after: 15s

Sit back and stand tall.

### Plank
hold: 30s

Brace your middle.
"""

TABATA = """# Tabata

## Burpees Tabata
rounds: 8
rest: 10s

### Burpees
work: 20s

Jump, drop to the floor, and jump again.
"""

EMOM = """# EMOM

## Bells
rounds: 4
every: 60s

### Swings
reps: 15
tempo: 1.5s

Hinge and drive the hips.

### Goblet Squats
reps: 8

Hold the bell at your chest.
"""

SESSION = """# Session

## Warm-up
### Marching
work: 45s

March on the spot.

## Main
rounds: 2
rest: 30s

### Lunges
sides: each
reps: 8

Step forward and lower.

### Bridges
reps: 12

Lift the hips.

## Cool-down
### Hamstring Stretch
sides: each
hold: 30s

Reach for your toes.
"""


def first_work_after(script: Script, index: int) -> object:
    return next(c for c in script.cues[index + 1 :] if c.kind in WORK)


def test_every_existing_routine_reads_as_before() -> None:
    plain = parse_routine("# T\n\n## Squats\nreps: 5\n\nGo.\n", "t.md")
    assert len(plain.blocks) == 1 and plain.blocks[0].is_plain and plain.blocks[0].name is None


def test_a_circuit_rests_exactly_between_rounds_and_names_the_round() -> None:
    script = script_of(CIRCUIT)
    texts = [c.text for c in script.cues]
    assert texts.count(ENGLISH.round_number(2, 3)) == 1 and texts.count("Last round.") == 1
    rests = [i for i, c in enumerate(script.cues) if c.kind is CueKind.REST]
    between_rounds = [i for i in rests if any(c.kind is CueKind.ROUND for c in script.cues[i + 1 : i + 4])]
    assert len(between_rounds) == 2
    for i in between_rounds:
        work = first_work_after(script, i)
        assert work.start - script.cues[i].start == pytest.approx(60.0)  # type: ignore[attr-defined]
        inside = [c for c in script.cues[i + 1 :] if c.start < work.start]  # type: ignore[attr-defined]
        assert inside[-1].kind is CueKind.COUNTDOWN  # a countdown into the work


def test_later_rounds_name_the_exercise_but_do_not_read_its_instructions_again() -> None:
    script = script_of(CIRCUIT)
    texts = [c.text for c in script.cues]
    assert texts.count("Sit back and stand tall.") == 1
    assert texts.count("Squats.") == 2 and texts.count("Plank.") == 2


def test_after_rests_before_the_next_exercise_in_the_round() -> None:
    script = script_of(CIRCUIT)
    squats_chapters = [i for i, c in enumerate(script.chapters) if c.title.startswith("Squats")]
    assert len(squats_chapters) == 3
    # In rounds two and three, "Rest" after squats runs 15 s to the plank's "Hold".
    rests = [i for i, c in enumerate(script.cues) if c.kind is CueKind.REST and c.chapter in squats_chapters[1:]]
    for i in rests:
        hold = first_work_after(script, i)
        assert hold.kind is CueKind.HOLD  # type: ignore[attr-defined]
        assert hold.start - script.cues[i].start == pytest.approx(15.0)  # type: ignore[attr-defined]


def test_tabata_work_starts_exactly_thirty_seconds_apart() -> None:
    script = script_of(TABATA)
    starts = [c.start for c in script.cues if c.kind is CueKind.WORK]
    assert len(starts) == 8
    assert all(b - a == pytest.approx(30.0, abs=1e-9) for a, b in itertools.pairwise(starts))
    stops = [c for c in script.cues if c.text == ENGLISH.stop_and_rest()]
    assert len(stops) == 7  # the release and the rest are one cue, so both are exact
    for work, stop in zip(starts, stops, strict=False):
        assert stop.start - work == pytest.approx(20.0)
    assert [c.text for c in script.cues if c.kind is CueKind.WORK][1:] == [
        ENGLISH.hold(True, after_countdown=True)
    ] * 7  # after "three, two, one"


def test_emom_starts_each_exercise_exactly_on_the_minute() -> None:
    script = script_of(EMOM)
    firsts = [c.start for c in script.cues if c.kind is CueKind.REP and c.text == ENGLISH.count(1)]
    assert len(firsts) == 8
    assert all(b - a == pytest.approx(60.0, abs=1e-9) for a, b in itertools.pairwise(firsts))
    assert not script.warnings


def test_an_overlong_emom_interval_grows_and_warns() -> None:
    script = script_of(EMOM.replace("reps: 15", "reps: 50"))
    assert script.warnings and "interval" in script.warnings[0]


def test_warm_up_main_and_cool_down_are_ordinary_blocks() -> None:
    routine = parse_routine(SESSION, "s.md")
    assert [b.name for b in routine.blocks] == ["Warm-up", "Main", "Cool-down"]
    script = script_of(SESSION)
    titles = [c.title for c in script.chapters]
    assert titles[0] == "Welcome" and titles[1] == "Marching"
    assert "Lunges, round 2 of 2" in titles and titles[-1] == "Hamstring Stretch"
    assert all(a.end == b.start for a, b in itertools.pairwise(script.chapters))
    assert script.chapters[-1].end == script.duration


def test_plan_json_lists_blocks_rounds_and_totals_over_all_rounds() -> None:
    routine = parse_routine(CIRCUIT, "c.md")
    document = plan_json(routine, build_script(routine, OPTIONS, measure))
    squats, plank = document["exercises"]
    assert squats["block"] == "Main Set" and squats["rounds"] == 3 and squats["total_reps"] == 30
    assert plank["total_hold_seconds"] == 90 and plank["work_seconds"] is None
    (block,) = document["blocks"]
    assert {key: block[key] for key in ("name", "rounds", "rest_seconds", "every_seconds", "exercises")} == {
        "name": "Main Set",
        "rounds": 3,
        "rest_seconds": 60.0,
        "every_seconds": None,
        "exercises": ["Squats", "Plank"],
    }
    # Each figure says what it covers: an exercise's start is its first round's, its duration
    # all its rounds (each round's in round_seconds); a block's duration is its exercises' time.
    for exercise in (squats, plank):
        assert len(exercise["round_seconds"]) == 3
        assert sum(exercise["round_seconds"]) == pytest.approx(exercise["duration_seconds"], abs=0.05)
    assert block["start_seconds"] == squats["start_seconds"]
    assert block["duration_seconds"] == pytest.approx(squats["duration_seconds"] + plank["duration_seconds"], abs=0.05)
    assert squats["start_seconds"] + squats["round_seconds"][0] == pytest.approx(plank["start_seconds"], abs=0.05)
    tabata = parse_routine(TABATA, "t.md")
    burpees = plan_json(tabata, build_script(tabata, OPTIONS, measure))["exercises"][0]
    assert burpees["work_seconds"] == 20 and burpees["hold_seconds"] is None and burpees["total_hold_seconds"] == 160


def test_brief_verbosity_leaves_out_the_instructions() -> None:
    brief = script_of(CIRCUIT, ScriptOptions(PACES[PaceName.NORMAL], verbosity=Verbosity.BRIEF))
    assert CueKind.INSTRUCTION not in {c.kind for c in brief.cues}
    assert brief.duration < script_of(CIRCUIT).duration


def test_last_set_is_named() -> None:
    script = script_of("# S\n\n## Rows\nsets: 3\nreps: 5\nrest: 12s\n\nPull.\n")
    sets = [c.text for c in script.cues if c.kind is CueKind.SET]
    assert sets == [ENGLISH.set_number(1, 3), ENGLISH.set_number(2, 3), "Final set."]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("# T\n\n## B\nrounds: 3\n\n### Squats\nrounds: 2\nreps: 5\n\nGo.\n", 7, "block key"),
        ("# T\n\n## B\nrounds: lots\n\n### Squats\nreps: 5\n\nGo.\n", 4, "not a whole number"),
        ("# T\n\n## B\nreps: 3\n\n### Squats\nreps: 5\n\nGo.\n", 4, "exercise key"),
        ("# T\n\n## B\nrounds: 500\n\n### Squats\nreps: 5\n\nGo.\n", 4, "outside"),
        ("# T\n\n## B\nevery: 1s\n\n### Squats\nreps: 5\n\nGo.\n", 4, "outside"),
        ("# T\n\n### Squats\nreps: 5\n\nGo.\n", 3, "outside any"),
        ("# T\n\n## Squats\nrounds: 2\nsets: 2\nreps: 5\n\nGo.\n", 4, "ambiguous"),
    ],
)
def test_block_mistakes_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, "b.md")
    assert str(caught.value).startswith(f"b.md:{line}: ") and words in str(caught.value)


def test_a_single_section_with_rounds_is_a_one_exercise_block() -> None:
    routine = parse_routine("# T\n\n## Burpees\nrounds: 8\nrest: 10s\nwork: 20s\n\nJump.\n", "t.md")
    block = routine.blocks[0]
    assert not block.is_plain and block.rounds.value.low == 8 and block.rest_seconds.value is not None
    assert routine.exercises[0].dose.work_seconds.value is not None


def _exercise_of(script: Script, cue: object) -> str:
    """The exercise a cue belongs to, from its chapter's title ("Swings, round 2 of 4")."""
    return script.chapters[cue.chapter].title.split(", round ")[0]  # type: ignore[attr-defined]


@pytest.mark.parametrize("verbosity", list(Verbosity))
def test_emom_introduces_each_exercise_just_before_its_own_minute(verbosity: Verbosity) -> None:
    """docs/routine-format.md#blocks"""
    script = script_of(EMOM, ScriptOptions(PACES[PaceName.NORMAL], verbosity=verbosity))
    firsts = [i for i, c in enumerate(script.cues) if c.kind is CueKind.REP and c.text == ENGLISH.count(1)]
    assert len(firsts) == 8
    grid = script.cues[firsts[0]].start
    for minute, i in enumerate(firsts):
        assert script.cues[i].start == pytest.approx(grid + 60 * minute)
        introduced = [c for c in script.cues[:i] if c.kind is CueKind.EXERCISE][-1]
        counted = _exercise_of(script, script.cues[i])
        assert counted in introduced.text, (minute, introduced.text, counted)
        # ... and it was introduced inside the minute before, not at the start of the block
        assert introduced.start > script.cues[i].start - 60
    intros = [c.text for c in script.cues if c.kind is CueKind.EXERCISE and "out of" in c.text]
    assert intros == [ENGLISH.exercise(1, 2, "Swings"), ENGLISH.exercise(2, 2, "Goblet Squats")]
    squats_intro = next(i for i, c in enumerate(script.cues) if c.text == intros[1])
    assert squats_intro > firsts[0], "Goblet Squats are introduced after the first minute's swings"
    assert not script.warnings


def test_emom_leaves_out_instructions_that_do_not_fit_the_rest_and_keeps_the_grid() -> None:
    """docs/routine-format.md#blocks, docs/contracts.md#timing"""
    wordy = EMOM.replace("Hold the bell at your chest.", "Hold the bell at your chest. " * 12)
    script = script_of(wordy.replace("reps: 15", "reps: 30"))
    firsts = [c.start for c in script.cues if c.kind is CueKind.REP and c.text == ENGLISH.count(1)]
    assert all(b - a == pytest.approx(60.0, abs=1e-9) for a, b in itertools.pairwise(firsts))
    assert "Hold the bell at your chest." not in [c.text for c in script.cues]
    assert any("instructions do not fit" in w for w in script.warnings)


SIDED_CIRCUIT = """# Sided

## Circuit
rounds: 3
rest: 30s

### Lunges
sides: each
reps: 6
after: 10s

### Side Plank
sides: each
hold: 20s

### Skaters
sides: alternate
reps: 8
"""


@pytest.mark.parametrize("text", [SIDED_CIRCUIT, SIDED_CIRCUIT.replace("after: 10s\n", "")], ids=["rests", "no-rest"])
def test_every_round_says_which_side_to_start_on(text: str) -> None:
    """docs/routine-format.md#blocks"""
    script = script_of(text)
    for exercise, rounds in (("Lunges", 3), ("Side Plank", 3), ("Skaters", 3)):
        chapters = {i for i, c in enumerate(script.chapters) if c.title.startswith(exercise)}
        assert len(chapters) == rounds
        for chapter in chapters:
            sides = [c.text for c in script.cues if c.chapter == chapter and c.kind is CueKind.SIDE]
            assert sides == [ENGLISH.first_side(exercise == "Skaters")], (exercise, chapter)
            side = next(c for c in script.cues if c.chapter == chapter and c.kind is CueKind.SIDE)
            work = next(c for c in script.cues if c.chapter == chapter and c.kind in WORK)
            assert side.start < work.start


def test_emom_says_which_side_to_start_on_every_minute() -> None:
    """docs/routine-format.md#blocks"""
    script = script_of(EMOM.replace("### Goblet Squats\n", "### Goblet Squats\nsides: alternate\n"))
    squats = [i for i, c in enumerate(script.chapters) if c.title.startswith("Goblet Squats")]
    assert len(squats) == 4
    for chapter in squats:
        assert [c.text for c in script.cues if c.chapter == chapter and c.kind is CueKind.SIDE] == [
            ENGLISH.first_side(True)
        ]


def test_plan_table_rows_say_what_they_cover_and_show_the_block_rest() -> None:
    """docs/contracts.md#plan-json (the table shows the same figures)"""
    routine = parse_routine(SESSION, "s.md")
    script = build_script(routine, OPTIONS, measure)
    lines = plan_table(routine, script).splitlines()
    block = next(line for line in lines if line.startswith("Main (2 rounds)"))
    main = script.blocks[0]
    assert "30s between rounds" in block and block.endswith(f"{clock(main.start)}   {clock(main.duration)} all rounds")
    lunges = next(line for line in lines if line.startswith("  Lunges"))
    first = script.exercises[1]
    assert lunges.endswith(f"{clock(first.start)}   {clock(first.round_durations[0])} round 1")
    emom = parse_routine(EMOM, "e.md")
    assert "every 60s" in plan_table(emom, build_script(emom, OPTIONS, measure))
    circuit = parse_routine(CIRCUIT, "c.md")
    squats = next(
        line for line in plan_table(circuit, build_script(circuit, OPTIONS, measure)).splitlines() if "Squats" in line
    )
    assert "15s after" in squats


@pytest.mark.parametrize("text", [CIRCUIT, TABATA, EMOM, SESSION])
def test_plan_rows_tile_the_guide(text: str) -> None:
    """docs/contracts.md#plan-json: exercises in order, each from its first round's start for
    that round's length: no two rows overlap, and the blocks and plain exercises add up to the whole guide after the welcome."""
    script = script_of(text)
    items = script.exercises
    for a, b in itertools.pairwise(items):
        first_round = a.round_durations[0]
        assert a.start + first_round <= b.start + 1e-6
    covered = sum(item.duration for item in items)
    assert covered == pytest.approx(script.duration - items[0].start)
