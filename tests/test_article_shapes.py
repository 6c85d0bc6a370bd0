"""Article shapes: small inline articles for each reading rule (blocks, sides, comments, bounds)
(docs/routine-format.md#articles)."""

from __future__ import annotations

import pytest

from guide.routine import Amount, Routine, Sides, parse_routine
from guide.routine.article import read_article
from guide.routine.infer import infer

A = Amount.exactly


def _read(text: str) -> Routine:
    return parse_routine(text, "test.txt")


def _blocks(routine: Routine) -> list[tuple[str | None, float, list[str]]]:
    return [(b.name, b.rounds.value.low, [e.name for e in b.exercises]) for b in routine.blocks]


TWO_BLOCKS = """\
Quick Travel Session

A short plan for a small room, about twenty minutes in all, with no kit at all needed.

Part 1: EMOM (10 minutes)
Start a clock and work every minute on the minute for 10 minutes, alternating between the two moves.
- Odd minutes: Squats x 15
- Even minutes: Sit-Ups x 10

Part 2: Finisher
Do 2 rounds of the moves below, resting 90 seconds between rounds.
- Step-Ups - 8 per leg
- Plank - hold for 20 seconds
"""


def test_an_emom_then_rounds_are_two_blocks() -> None:
    routine = _read(TWO_BLOCKS)
    assert _blocks(routine) == [("EMOM", 5, ["Squats", "Sit-Ups"]), ("Finisher", 2, ["Step-Ups", "Plank"])]
    emom, finisher = routine.blocks
    assert emom.every_seconds.value == A(60)
    assert finisher.rest_seconds.value == A(90)
    assert [e.dose.reps.value for e in emom.exercises] == [A(15), A(10)]


SESSION = """\
Park Session

Meet by the gate at nine. Bring water and something to lie on for the stretches.

WARM-UP (about 4 minutes)
March in place - 1 minute
Shoulder rolls - 10 reps

CIRCUIT
Repeat the circuit 4 times. Rest 45 seconds between rounds.
Lunges: 10 reps each leg
Press-ups: 8 reps

COOL-DOWN
Calf stretch - 30 seconds each leg
"""


def test_only_the_section_that_says_it_repeats_gets_rounds() -> None:
    routine = _read(SESSION)
    assert _blocks(routine) == [
        (None, 1, ["March in place"]),
        (None, 1, ["Shoulder rolls"]),
        ("CIRCUIT", 4, ["Lunges", "Press-ups"]),
        (None, 1, ["Calf stretch"]),
    ]
    assert routine.blocks[2].rest_seconds.value == A(45)


EXPLAINED_ABOVE = """\
# Twelve Minute Intervals

## How it works

Set your timer for 30 seconds on, 15 seconds off. Go through the moves in order and repeat the circuit 3 times.

## The moves

### 1. High Knees

Run on the spot, bringing your knees up to hip height with quick light feet.

### 2. Squats

Sit back and down as if into a chair, then stand up tall again and squeeze.
"""


def test_rounds_explained_above_the_moves_apply_to_them() -> None:
    routine = read_article(EXPLAINED_ABOVE, "test.txt")
    assert _blocks(routine) == [("The moves", 3, ["High Knees", "Squats"])]
    assert [e.dose.work_seconds.value for e in routine.exercises] == [A(30), A(30)]
    assert [e.dose.after_seconds.value for e in routine.exercises] == [A(15), A(15)]


@pytest.mark.parametrize(
    "comments",
    [
        "12 Comments\n\nJo B. - I did 3 sets of 20 squats and loved it!\n",
        "Leave a Reply\n\nDave: 3 sets of 10 reps each side worked for me.\n",
        "Sam P. on 4 March 2024 at 7:15 pm said:\nI hold the bridge for 45 seconds.\n",
    ],
)
def test_comments_end_the_article(comments: str) -> None:
    article = (
        "Easy Morning Moves\n\nTwo moves I do every morning before work, nothing more to it than that.\n\n"
        "Bridge\nLie on your back and lift your hips, then hold for 20 seconds.\n\n"
        "Wall Push-Up\nStand at arm's length from a wall and push away, 12 reps.\n\n" + comments
    )
    routine = _read(article)
    assert [e.name for e in routine.exercises] == ["Bridge", "Wall Push-Up"]


SIDES = [
    ("Step back into a lunge, then step back with the other leg.", Sides.ALTERNATE),
    ("Take a long step, then bring the back foot through into the next lunge.", Sides.ALTERNATE),
    ("Switch legs each rep, 10 reps in all.", Sides.ALTERNATE),
    ("Balance for ten seconds, then change legs. Do this three times on each leg.", Sides.ALTERNATE),
    ("Hold for 30 seconds, then switch.", Sides.EACH),
    ("Circle the ankle 10 times, then do the same with your left foot.", Sides.EACH),
    ("Do ten with your right leg, then ten with your left.", Sides.EACH),
    ("Roll over and repeat on the other side.", Sides.EACH),
    ("Use your other hand to ease the forearm down, 10 times.", None),
    ("Bring the other foot up beside it, then step down. Repeat 10 times.", None),
    ("Anchor the band on the other side of you and pull, 12 reps.", None),
    ("Lie down with a dumbbell in each hand and press up 10 times.", None),
]


@pytest.mark.parametrize(("prose", "sides"), SIDES, ids=[s[0][:40] for s in SIDES])
def test_what_the_words_say_about_sides(prose: str, sides: Sides | None) -> None:
    found = infer(prose, 1).sides
    assert (found.value if found else None) == sides


def _one(article: str) -> tuple[object, ...]:
    dose = _read(article).exercises[0].dose
    return dose.sides.value, dose.sets.value, dose.reps.value, dose.hold_seconds.value, dose.work_seconds.value


INTRO = "A Few Moves\n\nA short set of moves for the evening, done slowly and with care each time.\n\n"


@pytest.mark.parametrize(
    ("exercise", "expected"),
    [
        # a count per side on a dose line, the order from the instructions
        (
            "Scissor Kicks\nReps: 8 each leg\nLie back and keep alternating legs.\n",
            (Sides.ALTERNATE, A(1), A(8), None, None),
        ),
        (
            "Alternating Lunges\nReps: 6 per leg\nStep forward and lower, then stand.\n",
            (Sides.ALTERNATE, A(1), A(6), None, None),
        ),
        # sets of a hold written on a dose line are sets, not reps
        (
            "Side Plank\nHold: 30 s\n2 sets each side. Stack the feet, hips high.\n",
            (Sides.EACH, A(2), None, A(30), None),
        ),
        # a time for a move is timed work; a time spent balancing is a hold
        (
            "Quick Feet\n- 20 seconds of fast, small steps on the spot, on the balls of your feet.\n",
            (Sides.ONE, A(1), None, None, A(20)),
        ),
        (
            "Heel Flicks\nJog forward, flicking your heels up. Keep it going for 30 seconds.\n",
            (Sides.ONE, A(1), None, None, A(30)),
        ),
        (
            "Rope Skipping: 3 x 1 minute\nSkip on a soft surface and land lightly on your toes.\n",
            (Sides.ONE, A(3), None, None, A(60)),
        ),
        (
            "One Leg Balance\nStand by a chair and balance on one leg for 30 seconds. Swap legs.\n",
            (Sides.EACH, A(1), None, A(30), None),
        ),
    ],
)
def test_one_exercise_dose(exercise: str, expected: tuple[object, ...]) -> None:
    assert _one(INTRO + exercise) == expected


def test_an_inferred_value_out_of_bounds_is_dropped_with_a_note() -> None:
    article = (
        INTRO
        + "Wall Sit\nSlide down the wall and hold for 45 minutes, then stand and rest. Repeat 3 times.\n\n"
        + "Squats\nSit back and down as if into a chair, then stand up tall. Do 12 reps.\n"
    )
    routine = _read(article)
    assert [e.name for e in routine.exercises] == ["Squats"]
    assert [s.heading for s in routine.skipped] == ["Wall Sit"]
    assert any(note.startswith("line 6: Wall Sit: 2700 seconds of hold") for note in routine.notes), routine.notes


def test_every_note_names_its_line() -> None:
    article = INTRO.replace("each time.", "each time. Hold each stretch for five breaths.") + (
        "Cat Stretch\nOn all fours, round your back slowly towards the ceiling, then let it sink.\n\n"
        "Child's Pose\nKneel, sit back on your heels and reach your arms forward along the floor.\n"
    )
    routine = _read(article)
    assert routine.notes
    assert all(note.startswith("line ") for note in routine.notes), routine.notes


# ---------------------------------------------------------------- generalisation rules (one text per rule)

ROUTINE_INTRO = "A short routine for the mornings, gentle enough for most people and done in ten minutes or so.\n\n"


def _names_and_doses(text: str) -> list[tuple[str, float, float | None, float | None, float | None, str]]:
    routine = _read(text)
    rows = []
    for e in routine.exercises:
        d = e.dose
        low = [v.value.low if v.value is not None else None for v in (d.reps, d.hold_seconds, d.work_seconds)]
        rows.append((e.name, d.sets.value.low, low[0], low[1], low[2], d.sides.value.value))
    return rows


RULES = [
    pytest.param(  # a position in a count ("2 of 5") is numbering, not a name
        "Knee Care\n\n" + ROUTINE_INTRO + "Move 1 of 2: Wall squat\nSlide down a wall until your knees bend a little.\n"
        "Repeat 8 times.\n\nMove 2 of 2: Step-down\nStand on a low step and lower one heel to the floor.\n"
        "Repeat 6 times.\n",
        [("Wall squat", 1, 8, None, None, "one"), ("Step-down", 1, 6, None, None, "one")],
        id="n-of-m-numbering",
    ),
    pytest.param(  # a label naming the dose's parts is a dose line
        "Core Basics\n\n" + ROUTINE_INTRO + "Dead bug\nSets/reps: 2 x 12\nLie on your back, arms up, and lower opposite"
        " limbs slowly towards the floor.\n\nSide bridge\nSets/time: 3 x 25 sec\nLift your hips off the floor"
        " and keep your body straight.\n",
        [("Dead bug", 2, 12, None, None, "one"), ("Side bridge", 3, None, 25, None, "one")],
        id="compound-dose-label",
    ),
    pytest.param(  # the same count the other way round is per direction
        "Wrist Care\n\n"
        + ROUTINE_INTRO
        + "Wrist circles\nMake slow circles with your hand, as wide as is comfortable.\n"
        "Do 12 circles clockwise, then 12 anticlockwise.\n",
        [("Wrist circles", 1, 12, None, None, "each")],
        id="per-direction",
    ),
    pytest.param(  # "twice more" is three in all; an ordinal set counts the sets
        "Leg Day\n\n" + ROUTINE_INTRO + "Skater hops\nJump sideways from one foot to the other, landing softly.\n"
        "Keep going for 20 seconds, rest, then repeat twice more.\n\nCalf raises\nRise onto your toes and"
        " lower slowly, holding a chair.\nRepeat 12 times. Rest, then do a second set.\n",
        [("Skater hops", 3, None, None, 20, "one"), ("Calf raises", 2, 12, None, None, "one")],
        id="more-in-total",
    ),
    pytest.param(  # a time per limb with no verb is a hold, and beats the page's global dose
        "Neck and Wrists\n\n" + ROUTINE_INTRO + "Do each move 8 times unless it says otherwise.\n\n"
        "1. Neck turns\nHow: turn your head slowly to look over one shoulder, then the other.\n\n"
        "2. Forearm stretch\nHow: pull your fingers gently back with the other hand. 20 s each arm.\n",
        [("Neck turns", 1, 8, None, None, "one"), ("Forearm stretch", 1, None, 20, None, "each")],
        id="time-per-limb-beats-default",
    ),
]


@pytest.mark.parametrize(("text", "expected"), RULES)
def test_reading_rules(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _names_and_doses(text) == expected


ROUNDS = [
    pytest.param("Repeat 15 times.", 1, id="repeat-alone-is-not-rounds"),
    pytest.param("Go through the whole circuit 2-3 times.", 2, id="range-of-rounds-low-end"),
    pytest.param("Do 4 rounds.", 4, id="rounds-word"),
]


@pytest.mark.parametrize(("said", "rounds"), ROUNDS)
def test_only_words_about_the_whole_make_rounds(said: str, rounds: float) -> None:
    text = f"Home Circuit\n\nA quick session for small rooms and no kit at all. {said}\n\n" + (
        "1. Squats – 10 reps\n2. Press-ups – 8 reps\n"
    )
    assert _read(text).blocks[0].rounds.value.low == rounds


def test_numbered_names_before_a_comma_and_still_positions_hold_the_default() -> None:
    text = (
        "Seven Minutes\n\nHow it works: do each exercise for 40 seconds. Go through the circuit 2 times.\n\n"
        "1. Squats\n2. Wall sit – back flat against the wall.\n3. Lunges, alternating legs\n"
    )
    rows = _names_and_doses(text)
    assert rows == [
        ("Squats", 1, None, None, 40, "one"),
        ("Wall sit", 1, None, 40, None, "one"),
        ("Lunges", 1, None, None, 40, "alternate"),
    ]
    assert _read(text).blocks[0].rounds.value == A(2)


TITLES = [
    pytest.param(
        "Home | Blog | Contact\n\nGentle Stretches for Tight Hips\n\n",
        "Gentle Stretches for Tight Hips",
        id="navigation",
    ),
    pytest.param(
        "Patient information\n\nExercises after a knee operation\n\n",
        "Exercises after a knee operation",
        id="short-label",
    ),
    pytest.param(
        "FITNESS\n\nFive Moves for Stronger Knees Today\n\n", "Five Moves for Stronger Knees Today", id="capitals-label"
    ),
    pytest.param("KNEE SCHOOL\nStronger knees in five moves\n\n", "KNEE SCHOOL", id="title-with-subtitle"),
    pytest.param("Hip Reset\n\nA short routine for the evening.\n\n", "Hip Reset", id="short-title-over-intro"),
    pytest.param(  # the headline stands right above its byline, under a site name and a kicker
        "Riverbank Run Club\n\nMOBILITY\n\nFour Ankle Drills for Trail Runners\n\nBy Sam Ortiz \u00b7 5 May 2024\n\n",
        "Four Ankle Drills for Trail Runners",
        id="headline-above-byline",
    ),
]


@pytest.mark.parametrize(("top", "title"), TITLES)
def test_the_title_is_the_headline(top: str, title: str) -> None:
    text = top + "Squats\nStand tall and sit back as if into a chair, then stand up again.\nRepeat 10 times.\n"
    assert _read(text).title == title


# ---------------------------------------------------------------- shapes people write without reading us

SHAPES = [
    pytest.param(  # a header row names the columns; each later row is one exercise read by column
        "Band Day\n\n"
        + ROUTINE_INTRO
        + "Move\tSets\tReps\tRest\nBand row\t3\t12\t60 s\nBand curl\t2\t10 each arm\t45 s\n",
        [("Band row", 3, 12, None, None, "one"), ("Band curl", 2, 10, None, None, "each")],
        id="tab-table-with-header",
    ),
    pytest.param(  # columns may be two or more spaces; a Hold column is a hold
        "Stretch Card\n\n"
        + ROUTINE_INTRO
        + "Stretch      Hold    Repeat\nHip flexor   30 s    2\nCalf         20 s    3\n",
        [("Hip flexor", 1, 2, 30, None, "one"), ("Calf", 1, 3, 20, None, "one")],
        id="space-table-with-header",
    ),
    pytest.param(  # without a header, bare numbers are sets then reps and a time after them is the rest
        "Garage Day\n\n" + ROUTINE_INTRO + "Goblet squat\t4\t8\t90 s\nPress-up\t3\t15\t60 s\n",
        [("Goblet squat", 4, 8, None, None, "one"), ("Press-up", 3, 15, None, None, "one")],
        id="tab-table-without-header",
    ),
    pytest.param(  # a list of bare names under a heading that gives a dose takes that dose, and its rounds
        "Park Circuit\n\n" + ROUTINE_INTRO + "Circuit \u2014 40 seconds each, 2 rounds\n- Jumping jacks\n- Lunges\n"
        "- Plank\n",
        [
            ("Jumping jacks", 1, None, None, 40, "one"),
            ("Lunges", 1, None, None, 40, "one"),
            ("Plank", 1, None, 40, None, "one"),
        ],
        id="bulleted-circuit-dose-in-heading",
    ),
    pytest.param(  # a line that starts with a count or a time and then names a move is that move
        "Tuesday WOD\n\n" + ROUTINE_INTRO + "12 wall balls\n8 box jumps\n:45 dead hang\n20 (10/side) step-ups\n",
        [
            ("Wall balls", 1, 12, None, None, "one"),
            ("Box jumps", 1, 8, None, None, "one"),
            ("Dead hang", 1, None, 45, None, "one"),
            ("Step-ups", 1, 10, None, None, "each"),
        ],
        id="count-first-lines",
    ),
    pytest.param(  # a numbered line opening with a short name, then a × dose, is a one-line drill
        "Rehab Sheet\n\n" + ROUTINE_INTRO + "1. Calf raise \u2013 3 \u00d7 12\n2) Clamshell 2x15 each side\n"
        "3. Wall sit, 4 \u00d7 20 s\n",
        [
            ("Calf raise", 3, 12, None, None, "one"),
            ("Clamshell", 2, 15, None, None, "each"),
            ("Wall sit", 4, None, 20, None, "one"),
        ],
        id="numbered-one-line-drills",
    ),
    pytest.param(  # a lettered list ("A.", "B.") is numbering, and "Name 3x8" splits the name from its dose
        "Leg Day\n\n" + ROUTINE_INTRO + "A. Front squat 4x6\nB. Hip thrust 3x10\n",
        [("Front squat", 4, 6, None, None, "one"), ("Hip thrust", 3, 10, None, None, "one")],
        id="lettered-list",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SHAPES)
def test_shapes_written_without_reading_us(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _names_and_doses(text) == expected


REPEATED_HOLDS = [
    pytest.param("Hold for 30 seconds, repeat 3 times.", (None, 3, 30), id="repeated-hold-is-reps"),
    pytest.param("Hold for 30 seconds, rest, and repeat 3 times.", (3, None, 30), id="rest-between-makes-sets"),
    pytest.param("Hold for 30 seconds. Do 3 sets.", (3, None, 30), id="sets-said-makes-sets"),
]


@pytest.mark.parametrize(("prose", "expected"), REPEATED_HOLDS)
def test_a_repeated_hold(prose: str, expected: tuple[float | None, ...]) -> None:
    found = infer(prose, 1)
    values = (found.sets, found.reps, found.hold_seconds)
    assert tuple(v.value.low if v is not None and v.value is not None else None for v in values) == expected


def test_a_count_of_anything_per_direction_is_reps_each() -> None:
    found = infer("12 shuffles each way", 1)
    assert found.reps is not None and found.reps.value == A(12)
    assert found.sides is not None and found.sides.value is Sides.EACH


# ---------------------------------------------------------------- pages of sections, labels and menus

PAGES = [
    pytest.param(  # a line of a label and a dose belongs to the exercise above it, whatever the label asks
        "Kitchen Band Session\n\n" + ROUTINE_INTRO + "## 1. Band Curl\n\nStand on the band and curl both handles up to "
        "your shoulders, then lower them slowly.\n\nPrescription: 2 x 15\n\n## 2. Band Press\n\nLoop the band behind "
        "your back and press both handles forward until your arms are straight.\n\nHow much: 3 sets of 10\n",
        [("Band Curl", 2, 15, None, None, "one"), ("Band Press", 3, 10, None, None, "one")],
        id="label-and-dose-line",
    ),
    pytest.param(  # a question, a how-to label or a bare level label heads a section, not a move
        "Balance Ladder\n\n" + ROUTINE_INTRO + "STAGE 1 \u2014 Tandem Stance\n2 x 20 s\n\nStand heel to toe beside a "
        "counter and look straight ahead without holding on.\n\nSTAGE 2 \u2014 Single Leg Stand\n3 x 15 s\n\n"
        "Lift one foot and balance on the other, keeping the hips level.\n\nHow to progress\nOnce both feel easy, "
        "close your eyes for 10 seconds of each hold.\n\nCan I do this every day?\nYes, 5 minutes a day is "
        "plenty for most people.\n",
        [("Tandem Stance", 2, None, 20, None, "one"), ("Single Leg Stand", 3, None, 15, None, "one")],
        id="question-and-how-to-headings",
    ),
    pytest.param(  # a site's menu is noise; a dose said under "Before you begin" is for every move
        "Home  Classes  Timetable  Blog  Contact\n\nMorning Mat Routine\n\n"
        + ROUTINE_INTRO
        + "Before you begin\n- Unless a move says otherwise, do 10 reps of each exercise.\n\nPelvic Tilt\nLie on "
        "your back with knees bent and gently flatten your lower back into the mat.\n\nSingle Leg Stretch\nHug "
        "one knee in while the other leg reaches long, then switch, 8 reps each side.\n",
        [("Pelvic Tilt", 1, 10, None, None, "one"), ("Single Leg Stretch", 1, 8, None, None, "each")],
        id="menu-and-before-you-begin",
    ),
    pytest.param(  # dot leaders run from a name to its dose; an arrowed line under a move is its dose
        "Shoulder Sheet\n\n"
        + ROUTINE_INTRO
        + "Wall Slides .................. 2 sets \u00d7 10\nBack against the wall, "
        "slide your arms up and down slowly.\n\nSleeper Stretch\nLie on your side and press the forearm gently "
        "towards the floor.\n\u2192 Hold 25 s.\n\nArm Swings\nSwing the arm forward and back in a relaxed arc, "
        "12 swings to each side.\n",
        [
            ("Wall Slides", 2, 10, None, None, "one"),
            ("Sleeper Stretch", 1, None, 25, None, "one"),
            ("Arm Swings", 1, 12, None, None, "each"),
        ],
        id="dot-leaders-and-arrows",
    ),
    pytest.param(  # "N seconds of work, M seconds of rest" times every move; a bracket after a dose says how
        "Lunch Break Blast\n\n" + ROUTINE_INTRO + "Bear Crawl x 6 (crawl forward on hands and feet, knees low)\n\n"
        "Set a timer for 40 seconds of work and 20 seconds of rest, and move straight down the list.\n\n"
        "1) Mountain Climbers\nDrive the knees towards the chest one at a time.\n\n2) Star Jumps\nJump the feet "
        "wide as the arms go overhead.\n",
        [
            ("Bear Crawl", 1, 6, None, None, "one"),
            ("Mountain Climbers", 1, None, None, 40, "one"),
            ("Star Jumps", 1, None, None, 40, "one"),
        ],
        id="work-rest-timer-and-bracketed-how",
    ),
    pytest.param(  # a default said for every move keeps its sets: "2 sets of 12 reps" is both
        "Hip Session\n\n" + ROUTINE_INTRO + "Unless a move says otherwise, do 2 sets of 12 reps of each exercise.\n\n"
        "Clamshell\nLie on your side with knees bent and open the top knee like a book.\n\nBird Dog\nOn hands and "
        "knees, reach the opposite arm and leg long, 3 sets of 8.\n",
        [("Clamshell", 2, 12, None, None, "one"), ("Bird Dog", 3, 8, None, None, "one")],
        id="default-keeps-its-sets",
    ),
]

SECTION_ROUNDS = [
    pytest.param("Circuit x2", 2, id="times-mark-on-heading"),
    pytest.param("Finisher (3x)", 3, id="bracketed-times-mark"),
    pytest.param("Circuit. Run down the list, then go through it all a second time.", 2, id="a-second-time"),
    pytest.param("Circuit. Keep moving between the moves, 5 rounds total.", 5, id="rounds-total"),
]


@pytest.mark.parametrize(("said", "rounds"), SECTION_ROUNDS)
def test_rounds_said_by_a_section(said: str, rounds: float) -> None:
    heading, _, note = said.partition(". ")
    text = (
        "Yard Session\n\n"
        + ROUTINE_INTRO
        + "Warm Up\n\nMarch on the Spot \u2014 60 seconds\n\n"
        + heading
        + "\n"
        + (note + "\n" if note else "")
        + "- Squats x 10\n- Push-Ups x 8\n"
    )
    blocks = _blocks(_read(text))
    assert blocks[-1][1:] == (rounds, ["Squats", "Push-Ups"])
    assert blocks[0][1] == 1


@pytest.mark.parametrize(("text", "expected"), PAGES)
def test_pages_of_sections_labels_and_menus(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _names_and_doses(text) == expected
