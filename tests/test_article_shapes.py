"""Article shapes: small inline articles for each reading rule (blocks, sides, comments, bounds)."""

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
        ),  # fmt: skip
        (
            "Alternating Lunges\nReps: 6 per leg\nStep forward and lower, then stand.\n",
            (Sides.ALTERNATE, A(1), A(6), None, None),
        ),  # fmt: skip
        # sets of a hold written on a dose line are sets, not reps
        (
            "Side Plank\nHold: 30 s\n2 sets each side. Stack the feet, hips high.\n",
            (Sides.EACH, A(2), None, A(30), None),
        ),  # fmt: skip
        # a time for a move is timed work; a time spent balancing is a hold
        (
            "Quick Feet\n- 20 seconds of fast, small steps on the spot, on the balls of your feet.\n",
            (Sides.ONE, A(1), None, None, A(20)),
        ),  # fmt: skip
        (
            "Heel Flicks\nJog forward, flicking your heels up. Keep it going for 30 seconds.\n",
            (Sides.ONE, A(1), None, None, A(30)),
        ),  # fmt: skip
        (
            "Rope Skipping: 3 x 1 minute\nSkip on a soft surface and land lightly on your toes.\n",
            (Sides.ONE, A(3), None, None, A(60)),
        ),  # fmt: skip
        (
            "One Leg Balance\nStand by a chair and balance on one leg for 30 seconds. Swap legs.\n",
            (Sides.EACH, A(1), None, A(30), None),
        ),  # fmt: skip
    ],
)
def test_one_exercise_dose(exercise: str, expected: tuple[object, ...]) -> None:
    assert _one(INTRO + exercise) == expected


def test_an_inferred_value_out_of_bounds_is_dropped_with_a_note() -> None:
    article = (
        INTRO
        + "Wall Sit\nSlide down the wall and hold for 45 minutes, then stand. Repeat 3 times.\n\n"
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
