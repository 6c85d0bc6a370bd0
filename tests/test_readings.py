"""The reader's competing readings of a page's layout, its line features, what it does not speak, and how it
says it is unsure."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from guide.build import BuildOptions, plan
from guide.cli import app
from guide.errors import NothingFoundError
from guide.report import plan_json, plan_table
from guide.routine import Amount, Routine, Sides, parse_routine
from guide.routine.features import line_features
from guide.routine.prose import for_inference, split_glued_words
from guide.routine.readings import doses_above_names, paragraphs, table_rows, unglue_lists
from guide.script import ENGLISH

A = Amount.exactly


def _read(text: str, source: str = "page.txt") -> Routine:
    return parse_routine(text, source)


def _doses(routine: Routine) -> list[tuple[str, object, object, object, object]]:
    return [
        (e.name, e.dose.sets.value.low, e.dose.reps.value, e.dose.hold_seconds.value, e.dose.work_seconds.value)
        for e in routine.exercises
    ]


# ---------------------------------------------------------------- features


def test_features_are_noticed_without_reading_a_dose() -> None:
    first, second, third, fourth = line_features("1. Wall Sit\nA1 \u2013 Squat \u2013 60 seconds\n\n- Score: time\nx")
    assert (first.numbered, first.text, first.dose, first.exercise_words) == (1, "Wall Sit", "", 1)
    assert (second.code, second.text, second.dose) == ("A1", "Squat \u2013 60 seconds", "60 seconds")
    assert third.bullet and third.commentary and third.gap_before
    assert (fourth.words, fourth.short, fourth.imperative) == (1, True, False)


# ---------------------------------------------------------------- readings


def test_name_colon_lines_in_a_bulleted_list() -> None:
    routine = _read(
        "Post Run Stretching Routine\n"
        "Stretching after a run helps your body recover, so here is an easy routine to follow:\n"
        "- Calf Stretch: Put your hands on a wall and step back. Hold for 20-30 seconds and then switch sides.\n"
        "- Butterfly Stretch: Sit down and bring the soles of your feet together. Hold for 20-30 seconds.\n"
        "- Seated Forward Fold: Sit with your legs straight out in front. Hold for 20-30 seconds.\n"
    )
    assert routine.reading == "name: instructions lines"
    assert _doses(routine) == [
        ("Calf Stretch", 1, None, Amount(20, 30), None),
        ("Butterfly Stretch", 1, None, Amount(20, 30), None),
        ("Seated Forward Fold", 1, None, Amount(20, 30), None),
    ]
    assert routine.exercises[0].dose.sides.value is Sides.EACH


def test_unnamed_steps_each_closed_by_its_dose_lines() -> None:
    routine = _read(
        "Calf stretches\n\nThese stretches help tight calves.\n"
        "Stand with the leg to be stretched behind the other leg\n"
        "Press the heel down while you bend the knee\n"
        "Hold for 20-30 seconds\n"
        "Repeat 3-5 times\n"
        "Sit on the floor, back straight against the wall and legs straight in front.\n"
        "Pull gently on the band until you feel your calf stretch.\n"
        "Hold approximately 20-30 seconds.\n"
        "Repeat 3-5 times each leg.\n"
    )
    assert routine.reading == "unnamed steps, each closed by its dose"
    assert [(e.dose.reps.value, e.dose.hold_seconds.value, e.dose.sides.value) for e in routine.exercises] == [
        (Amount(3, 5), Amount(20, 30), Sides.ONE),
        (Amount(3, 5), Amount(20, 30), Sides.EACH),
    ]
    assert routine.exercises[0].name.startswith("Stand with the leg")


def test_bare_names_under_one_dose_line_share_its_dose_and_rounds() -> None:
    routine = _read(
        "November 18, 2017\n\n"
        "5 Rounds of 1 minute at each station\n\n"
        "Row for calories\n\nBox Jumps 24/20\n\nOverhead squat 75/55 lb\n\n"
        "Workout notes: at each of the three stations you collect as many reps as you can in one minute.\n"
    )
    assert routine.reading == "names listed under one dose line"
    assert [e.name for e in routine.exercises] == ["Row for calories", "Box Jumps", "Overhead squat"]
    assert all(e.dose.work_seconds.value == A(60) for e in routine.exercises)
    assert [b.rounds.value for b in routine.blocks] == [A(5)]


def test_code_prefixed_and_dose_first_lines_are_one_move_each() -> None:
    routine = _read(
        "Strength day\n\nWork through the lines below in order, resting as needed between moves.\n\n"
        "A1 \u2013 Goblet squat \u2013 12 reps\nA2 \u2013 Push-ups \u2013 10 reps\n"
        "B1 \u2013 Plank \u2013 hold for 30 seconds\nB2 \u2013 Walking lunges \u2013 20 reps\n"
    )
    assert [(e.name, e.dose.reps.value, e.dose.hold_seconds.value) for e in routine.exercises] == [
        ("Goblet squat", A(12), None),
        ("Push-ups", A(10), None),
        ("Plank", None, A(30)),
        ("Walking lunges", A(20), None),
    ]


def test_a_rounds_line_under_a_list_of_moves_repeats_the_list() -> None:
    routine = _read(
        "WOD\n\nWithin 3 minutes, complete as many rounds and reps as possible of:\n"
        "5 Hang Power Cleans\n5 Bar Facing Burpees\n10 Air Squats\nRest 2mins, repeat for 5 rounds\n"
    )
    assert [e.name for e in routine.exercises] == ["Hang Power Cleans", "Bar Facing Burpees", "Air Squats"]
    assert [b.rounds.value for b in routine.blocks] == [A(5)]


def test_the_structure_reader_keeps_the_shapes_it_knows() -> None:
    routine = _read(
        "Hip routine\n\n1. Bridge\nLie on your back and lift your hips. Do 10 reps.\n\n2. Clam\nLie on your side and open the knee. Do 12 reps.\n"
    )
    assert routine.reading == "numbered list"
    assert [e.name for e in routine.exercises] == ["Bridge", "Clam"]


def test_a_named_move_without_a_dose_is_kept_and_said_to_be_a_guess() -> None:
    routine = _read(
        "Knee exercises\n\nHamstring stretch\n\n"
        "Stand beside a table and rest one leg on it. Lean forward slowly. Hold the stretch for 10 counts.\n\n"
        "Leg flicks\n\nSit on a bench with your legs out straight and flick the legs up and down from the hips.\n"
    )
    assert [(e.name, e.dose.hold_seconds.value, e.dose.work_seconds.value) for e in routine.exercises] == [
        ("Hamstring stretch", A(10), None),
        ("Leg flicks", None, A(30)),
    ]
    assert any("Leg flicks: the page gives no dose" in note for note in routine.notes)


@pytest.mark.parametrize("name", ["Rest", "Rest 1 Min", "Score", "November 2024", "Weeks 1-2"])
def test_a_rest_a_score_or_a_date_is_never_an_exercise(name: str) -> None:
    routine = _read(f"Session\n\nSquats x 10\nLunges x 8\n{name}: 3 x 10\nPush-ups x 6\n")
    assert name not in [e.name for e in routine.exercises]
    assert len(routine.exercises) == 3


def test_a_one_limb_move_is_done_on_each_side_but_a_balance_is_one_position() -> None:
    routine = _read(
        "Legs\n\n1. Single-leg deadlift\nHinge at the hips. Do 8 reps.\n\n2. Single leg balance\nStand tall. Hold for 30 seconds.\n"
    )
    assert [e.dose.sides.value for e in routine.exercises] == [Sides.EACH, Sides.ONE]


def test_inline_bullets_and_numbers_glued_on_one_line_are_lines_again() -> None:
    assert unglue_lists("Stretch \u2022 Stand tall. \u2022 Hold for 20 s \u2022 Swap.").splitlines() == [
        "Stretch",
        "- Stand tall.",
        "- Hold for 20 s",
        "- Swap.",
    ]
    assert unglue_lists("1. Head back (X5) 2. Ear to shoulder (X5). 3. Circles (X5)").splitlines() == [
        "1. Head back (X5)",
        "2. Ear to shoulder (X5).",
        "3. Circles (X5)",
    ]


# ---------------------------------------------------------------- words


@pytest.mark.parametrize(
    ("glued", "split"),
    [
        ("repeating up tofive times", "repeating up to five times"),
        ("Hold for 30 secondsand repeat", "Hold for 30 seconds and repeat"),
        ("lean in untilyou feel it", "lean in until you feel it"),
        ("a little,with the leg", "a little, with the leg"),
        ("step into the stretch, often on your toes", "step into the stretch, often on your toes"),
        ("kick your heel to your backside", "kick your heel to your backside"),
    ],
)
def test_glued_words_are_split_and_real_words_kept(glued: str, split: str) -> None:
    assert split_glued_words(glued) == split


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("Hold the stretch for 10 counts.", "hold the stretch for 10 seconds."),
        ("hold for a count of 5 and relax", "hold for 5 seconds and relax"),
        ("hold for 20 and repeat", "hold for 20 seconds and repeat"),
        ("inhale for 4 counts", "inhale for 4 counts"),
        ("Do both sides to complete one rep. Do 5 reps.", "alternating sides. do 5 reps."),
        ("This completes one rep.", "this  ."),
        ("Head back (X5)", "head back (5 reps)"),
        ("add in two laps", "add in 2 reps"),
    ],
)
def test_dose_words_real_pages_use(said: str, read: str) -> None:
    assert for_inference(said) == read


def test_commentary_and_a_repeated_dose_are_not_spoken() -> None:
    routine = _read(
        "Plank day\n\n1. Plank\nLie face down and lift onto your forearms. Hold for 30 seconds. How'd you do?\n"
        "Post loads to comments. Also read: ten plank mistakes.\n\n2. Side plank\nLie on one side. Hold for 20 seconds on each side.\n"
    )
    assert routine.exercises[0].instructions == ("Lie face down and lift onto your forearms.",)


def test_a_single_rep_is_one_rep() -> None:
    assert ENGLISH.dose_summary(1, 1, None, Sides.ONE, 10.0, False) == "1 rep."


# ---------------------------------------------------------------- saying so


UNSURE = "Drills\n\n1. Carioca\nWithin your area, carioca for 15 metres with the arms straight, then jog back to the start.\n\n2. Squats\nDo 10 reps.\n"


def test_plan_names_the_reading_and_ends_with_the_import_command_when_unsure(tmp_path: Path) -> None:
    routine = _read(UNSURE, "drills.txt")
    script = plan(routine, BuildOptions())
    table = plan_table(routine, script)
    assert "read as: numbered list" in table
    assert "line 3: Carioca: the page gives no dose" in table
    data = plan_json(routine, script)
    assert (data["reading"], data["unsure"]) == ("numbered list", True)
    path = tmp_path / "drills.txt"
    path.write_text(UNSURE)
    result = CliRunner().invoke(app, ["plan", str(path)])
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == f"guide import {path} -o drills.md"


def test_a_sure_reading_suggests_nothing(tmp_path: Path) -> None:
    path = tmp_path / "hips.txt"
    path.write_text(
        "Hip routine\n\n1. Bridge\nLie on your back and lift your hips. Do 10 reps.\n\n2. Clam\nOpen the knee. Do 12 reps.\n"
    )
    result = CliRunner().invoke(app, ["plan", str(path)])
    assert result.exit_code == 0 and "guide import" not in result.output


def test_markdown_routines_name_no_reading() -> None:
    routine = _read("# Routine\n\n## Squat\nreps: 10\n", "r.md")
    assert plan_json(routine, plan(routine, BuildOptions()))["reading"] is None


def test_no_exercises_found_points_to_guide_import(tmp_path: Path) -> None:
    with pytest.raises(NothingFoundError, match="no exercises found"):
        _read("Just a title\n\nSome words about running, with nothing to do in them at all.\n")
    path = tmp_path / "essay.txt"
    path.write_text("Thoughts\n\nA page of thoughts about running and nothing else at all in it.\n")
    result = CliRunner().invoke(app, ["plan", str(path)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].endswith(f"guide import {path} -o routine.md")


# ---------------------------------------------------------------- schema.org


HOW_TO = """<html><head><title>Yoga</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "HowTo", "name": "Yoga for runners",
 "step": [{"@type": "HowToStep", "name": "Pigeon", "text": "Fold the right leg in front. Hold for a minute and repeat on the opposite side."},
          {"@type": "HowToStep", "name": "Pyramid", "text": "Fold over the front leg. Hold for 30 seconds."}]}
</script></head><body><p>Some unrelated layout the steps above make unnecessary.</p></body></html>"""


def test_a_pages_schema_org_steps_are_read_first() -> None:
    routine = _read(HOW_TO, "yoga.html")
    assert routine.reading.startswith("schema.org steps")
    assert _doses(routine) == [("Pigeon", 1, None, A(60), None), ("Pyramid", 1, None, A(30), None)]


# ---------------------------------------------------------------- more readings


TABLE = (
    "Mat work\n\nRoll Up \u2014 Repetitions: 3-5X | Level: Beginner | Goals: articulate the spine\n"
    "Single Leg Circles \u2014 Repetitions: 5/5 | Level: Beginner | Goals: hip mobility\n"
    "Rolling Like a Ball \u2014 Repetitions: 6X | Level: Beginner | Goals: balance\n"
)


def test_table_rows_read_their_dose_columns_only() -> None:
    routine = _read(TABLE)
    assert [item.name for item in table_rows(line_features(TABLE))] == [
        "Roll Up",
        "Single Leg Circles",
        "Rolling Like a Ball",
    ]
    assert [(e.name, e.dose.reps.value, e.dose.sides.value) for e in routine.exercises] == [
        ("Roll Up", Amount(3, 5), Sides.ONE),
        ("Single Leg Circles", A(5), Sides.EACH),
        ("Rolling Like a Ball", A(6), Sides.ONE),
    ]


def test_moves_named_in_one_sentence_take_the_pages_dose_and_rounds() -> None:
    routine = _read(
        "Circuits\n\nWe set out stations around the hall. The children are active for 45 seconds at each station.\n\n"
        "This week the stations included: step ups, jumping jacks, bunny hops and superman.\n\n"
        "By the end of two full circuits everyone was warm.\n"
    )
    assert routine.reading == "moves named in a sentence"
    assert [e.name for e in routine.exercises] == ["step ups", "jumping jacks", "bunny hops", "superman"]
    assert all(e.dose.work_seconds.value == A(45) for e in routine.exercises)
    assert [b.rounds.value for b in routine.blocks] == [A(2)]


SITTING = (
    "Sitting exercises\n\nKeeping active matters, and these are done sitting down in a firm chair.\n\n"
    "The first exercise is the hip march. Sit up straight and hold the armrests, then lift one leg as high as "
    "it goes and lower it slowly. Repeat 10 times with each leg.\n\n"
    "The next exercise is the seated row. Sit upright and reach your arms forward, then draw them back slowly, "
    "squeezing the shoulder blades together. Repeat eight times.\n"
)


def test_one_paragraph_per_exercise_named_in_its_first_sentence() -> None:
    routine = _read(SITTING)
    assert [item.name for item in paragraphs(line_features(SITTING))] == ["hip march", "seated row"]
    assert [e.dose.reps.value for e in routine.exercises] == [A(10), A(8)]


INTERVALS = (
    "Indoor cycling intervals\n\nThis past week was all about speed work on the bike.\n\n"
    "5 min\nWarm up light resistance, cadence check\n\n"
    "2 min\nShallow climb, settle in\n\n"
    "5 min\nCool down, ease the cadence down\n"
)


def test_a_dose_line_above_each_name_in_an_interval_plan() -> None:
    routine = _read(INTERVALS)
    assert [item.name for item in doses_above_names(line_features(INTERVALS))] == [
        "Warm up light resistance",
        "Shallow climb",
        "Cool down",
    ]
    # each time is the piece's under it, not the one above's
    assert [e.dose.work_seconds.value for e in routine.exercises][:2] == [A(300), A(120)]


def test_a_page_with_no_dose_anywhere_keeps_the_moves_it_names_as_guesses() -> None:
    routine = _read("Box breathing\n\nBox Breathing\n\nBreathing with four equal sides to settle the mind.\n")
    assert [(e.name, e.dose.work_seconds.value) for e in routine.exercises] == [("Box Breathing", A(30))]
    assert routine.notes and "the page gives no dose" in routine.notes[0]


def test_build_says_where_it_guessed_and_how_to_fix_it(capsys: pytest.CaptureFixture[str]) -> None:
    from types import SimpleNamespace

    from guide.cli import _report_build

    routine = _read(UNSURE, "drills.txt")
    script = plan(routine, BuildOptions())
    result = SimpleNamespace(
        path=Path("drills.mp3"),
        duration=script.duration,
        script=script,
        chapters=3,
        size=700_000,
        level=None,
        synthesized=0,
        cached=24,
        seconds=0.1,
        replaced_source=None,
        routine=routine,
    )
    _report_build(result)
    said = capsys.readouterr().err.splitlines()
    assert said[0] == "note: read drills.txt as numbered list; unsure of 1 line:"
    assert "Carioca: the page gives no dose" in said[1]
    assert said[-1].endswith("guide import drills.txt -o drills.md")


def test_the_issues_examples_read_as_a_coach_would() -> None:
    slash = _read(
        "Core routine\n\nA short core routine for runners, done after an easy run.\n\n"
        "1. Plank (3 sets / 30 seconds)\nLie face down and lift onto your forearms and toes.\n\n"
        "2. Dead Bug (3 sets / 10 reps)\nLie on your back with arms up and knees bent.\n"
    )
    assert _doses(slash) == [("Plank", 3, None, A(30), None), ("Dead Bug", 3, A(10), None, None)]
    dose_first = _read(
        "Side plank ladder\n\nA quick core finisher, done on a mat.\n\n"
        "30 seconds: right side plank.\n30 seconds: left side plank.\n1 minute: front plank.\n"
    )
    assert _doses(dose_first) == [
        ("right side plank", 1, None, A(30), None),
        ("left side plank", 1, None, A(30), None),
        ("front plank", 1, None, A(60), None),
    ]
    wod = _read("WOD\n\n4 Rounds\n10 Push-ups\n15 Air squats\n20 Sit-ups\nRest 1 Min\n")
    assert [e.name for e in wod.exercises] == ["Push-ups", "Air squats", "Sit-ups"]
    assert [(b.rounds.value, b.rest_seconds.value) for b in wod.blocks] == [(A(4), A(60))]


# ---------------------------------------------------------------- generic signals (issue 18, third round)


def _blocks_rounds(routine: Routine) -> list[float]:
    return [block.rounds.value.low for block in routine.blocks]


def test_a_bullet_list_of_move_names_with_no_doses_is_a_list_of_moves() -> None:
    page = (
        "Saturday warm-up\n\nWhat we train for:\n\n- Speed\n- Reflexes\n- Stamina\n\n"
        "We start in a circle:\n\n- Jumping Jacks\n- Body Squats\n- Arm circles\n- Jog in place\n"
    )
    routine = _read(page)
    assert [e.name for e in routine.exercises] == ["Jumping Jacks", "Body Squats", "Arm circles", "Jog in place"]
    assert routine.reading == "a list of moves with no doses"
    assert all("gives no dose" in " ".join(routine.notes) for _ in routine.exercises)


def test_a_list_item_opening_with_a_move_then_cues_is_named_by_its_opening() -> None:
    page = (
        "Dojo warm-up\n\n"
        "- Hopping on one leg.  Do these forwards and backwards.\n"
        "- Easy punching while jogging.  Keep the shoulders loose.\n"
        "- Shuttle runs.  Touch the line each time.\n"
    )
    names = [e.name for e in _read(page).exercises]
    assert names == ["Hopping on one leg", "Easy punching while jogging", "Shuttle runs"]


def test_a_number_and_a_colon_before_words_is_a_numbered_list() -> None:
    page = (
        "Shoulder routine\n\n"
        "For a stiff shoulder, do these gently every day.\n"
        "1: lock the fingers of both hands together, straighten both elbows and raise both hands over the head 10 times\n"
        "2: lock the fingers together again and sway the joined hands slowly to the right and to the left 10 times\n"
        "3: keep the shoulder and the elbow straight and draw a wide circle in the air with the hand 10 times\n"
        "4: swing the sore shoulder sideways and back again, keeping the rest of the body still, 10 times.\n"
    )
    routine = _read(page)
    assert len(routine.exercises) == 4
    assert all(e.dose.reps.value == A(10) for e in routine.exercises)


def test_rounds_said_just_above_or_under_a_list_apply_to_its_moves() -> None:
    above = "Couch to 5K, week 3\n\nThis week the plan has me doing the following 2 times:\n\n- Run 90s\n- Walk 90s\n- Run 3 minutes\n"
    assert _blocks_rounds(_read(above)) == [2.0]
    under = "Park session\n\n- Jumping Jacks\n- Body Squats\n- Mountain Climbers\nRepeat with more speed.\n"
    assert _blocks_rounds(_read(under)) == [2.0]
    other_side = "Stretches\n\n- Calf stretch 30 seconds\n- Quad stretch 30 seconds\nRepeat on the other side.\n"
    assert _blocks_rounds(_read(other_side)) == [1.0]


def test_a_rest_however_qualified_is_never_a_move() -> None:
    page = "Hill day\n\nHill repeats\n3 sets of 5 x 30 second repeats\n\n2 minute static recovery between sets\n"
    names = [e.name.lower() for e in _read(page).exercises]
    assert not any("recovery" in name for name in names)


def test_short_steps_in_a_list_of_instructions_are_not_moves() -> None:
    page = (
        "Jaw care\n\nReps: 10 times, twice daily.\n\n1. Chin Tucks\nHow to do it:\n"
        "- Sit tall\n- Draw your chin back\n- Hold for 5 seconds\n- Release and repeat\n"
        "Reps: 10 times, 2 times daily.\n\n2. Side Glides\nHow to do it:\n"
        "- Move the jaw slowly to the right\n- Return to the centre\n- Close and relax\n"
        "Reps: 5 each side.\n"
    )
    names = [e.name for e in _read(page).exercises]
    assert "Release and repeat" not in names and "Close and relax" not in names


def test_numbered_paragraphs_in_the_coachs_voice_are_not_nothing() -> None:
    page = (
        "Hill session\n\nHill work:\n"
        "1. We start out with an easy jog to warm up, then head to the bottom of a hill that is steep enough.\n"
        "2. We aim for 5 hill repeats of 40 seconds each, then jog back down slowly to recover each time.\n"
    )
    assert len(_read(page).exercises) == 2


def test_a_hold_counted_in_deep_breaths_is_not_read_as_seconds() -> None:
    assert "5 seconds" not in for_inference("Hold for five deep breaths.")


def test_a_time_given_to_a_steady_movement_is_its_work() -> None:
    from guide.routine.infer import infer

    work = infer("We begin with a 15-minute easy jog to warm up.", 1).work_seconds
    assert work is not None and work.value == A(900)
    assert infer("Take a 30-second rest, then go again.", 1).work_seconds is None


def test_a_numbered_list_glued_into_one_paragraph_is_put_back_with_its_names() -> None:
    page = (
        "Hand exercises\n\nSome gentle moves for stiff hands, done slowly: "
        "1. Hand clench Start with the fingers straight. Curl the hand into a fist slowly. Do 10 reps. "
        "2. Thumb lift Put your hands flat on a table. Lift the thumb and hold for 5 seconds. Do 10 reps. "
        "3. Thumb stretch Looking at the palm, bend the thumb across it. Hold for 10 seconds.\n"
    )
    names = [e.name for e in _read(page).exercises]
    assert names == ["Hand clench", "Thumb lift", "Thumb stretch"]


def test_a_counted_move_over_numbered_steps_is_one_exercise_made_of_them() -> None:
    page = (
        "Calf tendon loading\nSam Walker, PT | Foot clinic\nInstructions: Perform 3 sets of 15 heel drops twice a day\n"
        "  1. Stand on a stair with only your toes on it, holding the rail\n"
        "  2. Rise up onto your toes with the good leg\n"
        "  3. Shift your weight onto the sore leg\n"
        "    1. Modification: stop at level if the pain is low on the heel\n"
        "  4. Lower your heel slowly as far as it goes\n"
        "  5. Push back up with the good leg\n"
    )
    routine = _read(page)
    assert [(e.name.lower(), e.dose.sets.value, e.dose.reps.value) for e in routine.exercises] == [
        ("heel drops", A(3), A(15))
    ]


@pytest.mark.parametrize(
    "listed",
    [
        "- Improve posture\n- Reduce back pain\n- Ease neck tension\n- Increase hip mobility\n",
        "- Dumbbells\n- A yoga mat\n- Resistance band\n- Water bottle\n",
        "- Leg exercises for runners\n- Upper body workout\n- Core stretches\n- Hip drills\n",
    ],
)
def test_a_list_of_benefits_or_equipment_is_not_a_list_of_moves(listed: str) -> None:
    with pytest.raises(NothingFoundError):
        _read(f"Why move at home?\n\nA few words first:\n\n{listed}\nHave fun and stay safe.\n")


def test_work_and_rest_repeated_for_a_time_before_the_name_are_sets_of_the_work() -> None:
    page = (
        "Boot camp Tuesday\n\nThe intervals:\n\n"
        "- 20 seconds on/10 seconds off Shuttle Runs for 2 minutes\n"
        "- 30 seconds on/30 seconds recovery Sprints for 4 minutes\n"
        "- 40 seconds on/20 seconds off Burpees for 3 minutes\n"
    )
    routine = _read(page)
    assert [
        (e.name, e.dose.sets.value, e.dose.work_seconds.value, e.dose.rest_seconds.value) for e in routine.exercises
    ] == [
        ("Shuttle Runs", A(4), A(20), A(10)),
        ("Sprints", A(4), A(30), A(30)),
        ("Burpees", A(3), A(40), A(20)),
    ]


def test_two_lists_laid_out_two_ways_are_both_read() -> None:
    page = (
        "Park boot camp\n\nWe met at seven and it rained all morning, but nobody minded at all.\n\n"
        "The warm up, in a circle:\n\n- Walk in circle\n- Jumping Jacks\n- Body Squats\n- Mountain Climbers\n"
        "- Hip Flexor Stretch\n- Standing Leg Swings\n- Jog in place\n\n"
        "Then the intervals, hard and fast, with everyone breathing heavily by the end of them:\n\n"
        "- 20 seconds on/10 seconds off Shuttle Runs for 2 minutes\n"
        "- 30 seconds on/30 seconds recovery Sprints for 4 minutes\n"
    )
    routine = _read(page)
    names = [e.name for e in routine.exercises]
    assert names[0] == "Walk in circle" and names[-3:] == ["Jog in place", "Shuttle Runs", "Sprints"]
    assert len(names) == 9
    assert routine.reading == "a list of moves with no doses; one line per move with its dose"


@pytest.mark.parametrize(
    "after", ["Repeat these twice daily.", "Repeat every morning.", "Repeat each exercise 10 times."]
)
def test_how_often_under_a_list_is_not_its_rounds(after: str) -> None:
    page = f"Park session\n\n- Jumping Jacks\n- Body Squats\n- Mountain Climbers\n{after}\n"
    assert _blocks_rounds(_read(page))[:1] == [1.0]
