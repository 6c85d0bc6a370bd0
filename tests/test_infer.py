"""Dose inference from prose: table-driven phrases and our own articles (docs/routine-format.md#articles)."""

from __future__ import annotations

import pytest

from guide.routine import Amount, Sides, load_routine, parse_routine
from guide.routine.infer import infer

from .conftest import ARTICLES, HIP_ARTICLE, HIP_NAMES


def _dose(prose: str) -> dict[str, object]:
    found = infer(prose, 1)
    return {
        "sides": found.sides.value if found.sides else None,
        "sets": found.sets.value if found.sets else None,
        "reps": found.reps.value if found.reps else None,
        "hold": found.hold_seconds.value if found.hold_seconds else None,
        "work": found.work_seconds.value if found.work_seconds else None,
        "rest": found.rest_seconds.value if found.rest_seconds else None,
    }


A = Amount.exactly
# A field a case does not pin down: the prose is vague about it and either reading is fair.
# (None in a case means "expected: nothing found".)
NOT_CHECKED = object()
CASES = [
    (
        "Do ten squats, 3 sets of 12 reps, resting 45 seconds between sets.",
        {"sets": A(3), "reps": A(12), "rest": A(45)},
    ),
    ("Hold for one minute.", {"hold": A(60)}),
    ("Hold the stretch for half a minute.", {"hold": A(30)}),
    ("Repeat twice on each side.", {"reps": A(2), "sides": Sides.EACH}),
    ("Hold for 3-5 seconds.", {"hold": Amount(3, 5)}),
    ("Hold for 3–5 seconds.", {"hold": Amount(3, 5)}),
    ("Hold for 3 to 5 seconds.", {"hold": Amount(3, 5)}),
    ("Perform 8 to 12 reps per side.", {"reps": Amount(8, 12), "sides": Sides.EACH}),
    ("Do fifteen reps, then switch sides.", {"reps": A(15), "sides": Sides.EACH}),
    ("Complete twenty-five repetitions.", {"reps": A(25)}),
    ("Alternate legs for 10 reps each leg.", {"reps": A(10), "sides": Sides.ALTERNATE}),
    ("Hold for several seconds, then release.", {"hold": A(5)}),
    (
        "Hold for 30 seconds, rest, and repeat 4-5 times before alternating legs.",
        {"hold": A(30), "sets": Amount(4, 5), "sides": Sides.EACH, "rest": NOT_CHECKED},
    ),
    ("Take a 20-second hold on each leg.", {"hold": A(20), "sides": Sides.EACH}),
    ("March in place for 2 minutes.", {"work": A(120)}),
    ("Do 2 sets of 10, with 90 seconds of rest.", {"sets": A(2), "reps": A(10), "rest": A(90)}),
    ("Repeat on the other side.", {"sides": Sides.EACH}),
    ("Rest your hand on your knee and breathe.", {"rest": None}),
]


@pytest.mark.parametrize(("prose", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_phrase_to_dose(prose: str, expected: dict[str, object]) -> None:
    dose = _dose(prose)
    for field, value in expected.items():
        if value is not NOT_CHECKED:
            assert dose[field] == value, (field, dose)


def test_a_blog_shaped_article_gives_exactly_its_five_exercises() -> None:
    routine = load_routine(HIP_ARTICLE)
    assert tuple(e.name for e in routine.exercises) == HIP_NAMES
    assert [s.heading for s in routine.skipped] == ["About the Author", "Never Miss a Post!"]
    legs, kneel, kick, spider, hip = (e.dose for e in routine.exercises)
    assert (legs.sides.value, legs.reps.value) == (Sides.EACH, A(15))
    assert (kneel.sides.value, kneel.hold_seconds.value, kneel.sets.value) == (Sides.EACH, A(30), Amount(4, 5))
    assert kneel.rest_seconds.words == "rest"
    assert (kick.sides.value, kick.reps.value) == (Sides.ALTERNATE, A(8))
    assert (spider.sides.value, spider.hold_seconds.value, spider.reps.value) == (
        Sides.ALTERNATE,
        Amount(3, 5),
        Amount(3, 5),
    )
    assert (hip.sides.value, hip.hold_seconds.value, hip.reps.value) == (Sides.ALTERNATE, A(5), A(6))
    assert hip.hold_seconds.words == "hold for several seconds"


def test_instructions_are_read_from_the_article_not_the_intro() -> None:
    routine = load_routine(HIP_ARTICLE)
    assert routine.intro == ()
    assert routine.exercises[0].instructions[0].startswith("Lie on your back")


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        (
            "desk-break-yoga.txt",
            {
                "Seated Cat-Cow": (Sides.ONE, 1, A(10), None),
                "Chair Twist": (Sides.EACH, 1, None, A(20)),
                "Standing Forward Fold": (Sides.ONE, 1, None, A(60)),
                "Neck Release": (Sides.EACH, 1, None, Amount(15, 20)),
            },
        ),
        (
            "garage-strength.txt",
            {
                "Bodyweight Squats": (Sides.ONE, 3, A(12), None),
                "Reverse Lunges": (Sides.ALTERNATE, 1, A(10), None),
                "Forearm Plank": (Sides.ONE, 2, None, A(30)),
                "Step-Ups": (Sides.EACH, 1, Amount(8, 10), None),
            },
        ),
        (
            "climbing-warmup.txt",
            {
                "Wrist Circles": (Sides.ONE, 1, A(20), None),
                "Finger Flexor Stretch": (Sides.EACH, 1, None, A(30)),
                "Scapular Pull-Ups": (Sides.ONE, 2, A(8), None),
                "Easy Traversing": (Sides.ONE, 1, None, A(180)),
            },
        ),
    ],
)
def test_our_own_articles(article: str, expected: dict[str, tuple[object, ...]]) -> None:
    routine = load_routine(ARTICLES / article)
    got = {
        e.name: (e.dose.sides.value, int(e.dose.sets.value.low), e.dose.reps.value, e.dose.timed.value)
        for e in routine.exercises
    }
    assert got == expected
    assert routine.skipped, "the footer is skipped, not read"


# Sides come only from words that prescribe them; words that describe the movement never set them.
PRESCRIBED_SIDES = [
    ("Do 10 reps on each side.", Sides.EACH),
    ("Hold for 30 seconds per side.", Sides.EACH),
    ("8 per leg.", Sides.EACH),
    ("Work on both sides.", Sides.EACH),
    ("Keep it going, then switch legs.", Sides.EACH),
    ("Repeat on the other side.", Sides.EACH),
    ("Repeat 10 times with each leg.", Sides.EACH),
    ("Hold for 45 seconds on each leg.", Sides.EACH),
    ("Do 2 sets on each leg, resting briefly between.", Sides.EACH),
    ("Aim for three sets of 20 swings on each leg.", Sides.EACH),
    ("Use the other hand to bend the wrist down. Do each arm.", Sides.EACH),
    ("Each leg. Back knee kisses the floor.", Sides.EACH),
    ("Stretch for 30 sec each hand.", Sides.EACH),
    ("Alternate legs with every step.", Sides.ALTERNATE),
]
DESCRIBED_SIDES = [
    "Drive each knee toward your chest in turn, keeping your hips low.",
    "Bring each knee up as high as you can.",
    "Jump from side to side, landing softly on each leg.",
    "Squeeze each glute at the top.",
    "Raise both arms overhead.",
    "Hold a dumbbell in each hand.",
    "Keep both sides of your waist long.",
    "Place a hand on each side of your head.",
    "Jump and switch legs in the air.",
    "Drive one knee in, then switch legs quickly.",
    "Sink the weight onto each leg as you rock.",
]


@pytest.mark.parametrize(("prose", "sides"), PRESCRIBED_SIDES, ids=[p for p, _ in PRESCRIBED_SIDES])
def test_words_that_prescribe_sides_set_them(prose: str, sides: Sides) -> None:
    """docs/routine-format.md#inference-from-prose"""
    found = infer(prose, 1).sides
    assert found is not None and found.value is sides


@pytest.mark.parametrize("prose", DESCRIBED_SIDES)
def test_words_that_describe_the_movement_never_set_sides(prose: str) -> None:
    """docs/routine-format.md#inference-from-prose"""
    assert infer(prose, 1).sides is None


INTERVAL = "# T\n\n## Intervals\nrounds: 4\nrest: 15s\n\n### Mountain Climbers\nwork: 30s\n{sides}\n{prose}\n"


@pytest.mark.parametrize(
    ("sides", "prose", "expected"),
    [
        ("", "Drive each knee toward your chest in turn, keeping your hips low.", Sides.ONE),
        ("", "Skate from side to side, landing softly on each leg.", Sides.ONE),
        ("", "Bring each knee up as high as you can.", Sides.ONE),
        ("", "Squeeze each glute, both arms reaching forward.", Sides.ONE),
        ("", "Hold the side plank, then repeat on the other side.", Sides.EACH),
        ("", "Work 30 seconds on each side.", Sides.EACH),
        ("sides: each", "Drive each knee toward your chest.", Sides.EACH),
        ("sides: one", "Work 30 seconds on each side.", Sides.ONE),
    ],
)
def test_timed_work_in_rounds_is_one_sided_unless_told(sides: str, prose: str, expected: Sides) -> None:
    """docs/routine-format.md#inference-from-prose"""
    routine = parse_routine(INTERVAL.format(sides=sides, prose=("\n" if sides else "") + prose), "i.md")
    assert routine.exercises[0].dose.sides.value is expected
