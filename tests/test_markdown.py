"""Markdown routines: keys, their values and the mistakes that name a line (docs/routine-format.md#markdown-routines,
docs/routine-format.md#keys)."""

from __future__ import annotations

import pytest

from guide.errors import RoutineError
from guide.report import plan_json, plan_table
from guide.routine import Amount, Origin, Sides, builtin_text, parse_routine
from guide.script import PACES, PaceName, ScriptOptions, build_script


def test_builtin_routine_has_the_five_exercises() -> None:
    routine = parse_routine(builtin_text(), "builtin.md")
    assert [e.name for e in routine.exercises] == [
        "Supine Leg Rotations",
        "Kneeling Hip-Flexor Stretch",
        "Walking Butt Kick",
        "Spiderman Stretch",
        "Supine Hip Rotation",
    ]
    kneel = routine.exercises[1].dose
    assert kneel.sets.value == Amount(4, 5) and kneel.hold_seconds.value == Amount.exactly(30)
    assert kneel.sides.origin is Origin.EXPLICIT and kneel.sides.line == 14


def test_explicit_keys_win_over_the_prose() -> None:
    text = "# T\n\n## Squat\nreps: 12\nsides: one\n\nDo 20 reps on each side, hold for 10 seconds.\n"
    dose = parse_routine(text, "t.md").exercises[0].dose
    assert dose.reps.value == Amount.exactly(12) and dose.reps.origin is Origin.EXPLICIT
    assert dose.sides.value is Sides.ONE
    assert dose.hold_seconds.value == Amount.exactly(10) and dose.hold_seconds.origin is Origin.INFERRED


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("repz: 10", 4, "unknown key 'repz'"),
        ("reps: many", 4, "'reps: many' is not a whole number"),
        ("hold: forever", 4, "is not a duration"),
        ("sides: both", 4, "is not a side choice"),
        ("reps: 100000", 4, "outside 1-500"),
        ("hold: 10 h", 4, "outside 1-1800"),
        ("reps: 0", 4, "outside 1-500"),
        ("reps: 9-3", 4, "runs backwards"),
        ("reps: 5\nreps: 6", 5, "set twice"),
        ("sets: 3", 4, "sets without reps, a hold or timed work"),
        ("hold: 20s\ntempo: 2s", 5, "a tempo only applies to reps"),
    ],
)
def test_errors_name_file_line_and_fix(body: str, line: int, words: str) -> None:
    text = f"# T\n\n## Move\n{body}\n\nDo it.\n"
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, "mine.md")
    message = str(caught.value)
    assert message.startswith(f"mine.md:{line}: ") and words in message
    assert "\n" not in message and "(" in message  # the fix is in parentheses


def test_no_exercises_is_an_error() -> None:
    with pytest.raises(RoutineError, match="no exercises found"):
        parse_routine("# Only a title\n\nSome words.\n", "x.md")


@pytest.mark.parametrize(
    "line",
    [
        "Tip: keep your back flat.",
        "Note: go slowly.",
        "Cue: breathe out as you lift.",
        "Why: it opens the hips.",
        "Works: glutes and hamstrings",
    ],
)
def test_a_word_and_a_colon_is_prose(line: str) -> None:
    routine = parse_routine(f"# T\n\n## Bridge\nreps: 10\n{line}\nLift your hips.\n", "t.md")
    assert routine.exercises[0].dose.reps.value == Amount.exactly(10)
    assert routine.exercises[0].instructions[0].startswith(line.rstrip("."))


@pytest.mark.parametrize(("line", "hint"), [("rep: 10", "did you mean 'reps'?"), ("hodl: 30s", "did you mean 'hold'?")])
def test_a_mistyped_key_is_still_an_error(line: str, hint: str) -> None:
    with pytest.raises(RoutineError, match=hint):
        parse_routine(f"# T\n\n## Bridge\n{line}\nLift your hips.\n", "t.md")


KEYED = """# T

## Side Plank
{keys}

Lie on your side and lift your hips.
"""


@pytest.mark.parametrize(
    "keys",
    [
        "equipment: dumbbells\nhold: 30s\nsides: each",
        "hold: 30s\nequipment: dumbbells\nsides: each\nmuscles: obliques",
        "sides: each\nmuscles: obliques\nhold: 30s",
        "Tip: keep your hips high.\nsides: each\nhold: 30s",
    ],
)
def test_known_keys_work_in_any_order_and_are_never_read_aloud(keys: str) -> None:
    """docs/routine-format.md#markdown-routines"""
    routine = parse_routine(KEYED.format(keys=keys), "k.md")
    dose = routine.exercises[0].dose
    assert dose.hold_seconds.value == Amount.exactly(30) and dose.sides.value is Sides.EACH
    assert dose.hold_seconds.origin is Origin.EXPLICIT and dose.sides.origin is Origin.EXPLICIT
    spoken = " ".join(cue.text for cue in build_script(routine, ScriptOptions(PACES[PaceName.NORMAL]), len).cues)
    for key in ("equipment", "dumbbells", "muscles", "obliques", "hold:", "sides:"):
        assert key not in spoken.lower()
    assert routine.exercises[0].instructions[-1] == "Lie on your side and lift your hips."


def test_equipment_and_muscles_are_shown_by_plan_not_spoken() -> None:
    """docs/routine-format.md#keys, docs/contracts.md#plan-json"""
    routine = parse_routine(KEYED.format(keys="equipment: mat\nmuscles: obliques, glutes\nhold: 30s"), "k.md")
    script = build_script(routine, ScriptOptions(PACES[PaceName.NORMAL]), len)
    document = plan_json(routine, script)
    assert document["exercises"][0]["equipment"] == "mat"
    assert document["exercises"][0]["muscles"] == "obliques, glutes"
    table = plan_table(routine, script)
    assert "equipment mat" in table and "muscles obliques, glutes" in table


def test_a_key_line_below_the_prose_is_a_key_not_speech() -> None:
    """docs/routine-format.md#markdown-routines"""
    text = "# T\n\n## Plank\nBrace your middle.\nhold: 40s\n\nSides: each\nRest: take a breath, then go again.\n"
    exercise = parse_routine(text, "k.md").exercises[0]
    assert exercise.dose.hold_seconds.value == Amount.exactly(40)
    assert exercise.dose.sides.value is Sides.EACH
    assert exercise.instructions == ("Brace your middle.", "Rest: take a breath, then go again.")


@pytest.mark.parametrize(
    ("text", "line", "key", "closest"),
    [
        (KEYED.format(keys="weight: 10kg\nhold: 30s\nsides: each"), 4, "weight", "closest known key is 'sets'"),
        (KEYED.format(keys="hold: 30s\nsides: each\nlaps: 2"), 6, "laps", "closest known key is 'reps'"),
        (KEYED.format(keys="hold: 30s\nside: each"), 5, "side", "did you mean 'sides'?"),
        (KEYED.format(keys="hold: 30s\nequipement: mat"), 5, "equipement", "did you mean 'equipment'?"),
        (
            "# T\n\n## B\nrounds: 3\nequipment: bells\nrest: 30s\n\n### Swings\nreps: 10\n",
            5,
            "equipment",
            "exercise key",
        ),
        ("# T\n\n## B\nrounds: 3\nrestt: 30s\n\n### Swings\nreps: 10\n", 5, "restt", "did you mean 'rest'?"),
        ("# T\n\n## B\nlaps: 3\nrest: 30s\n\n### Swings\nreps: 10\n", 4, "laps", "closest known key is 'rest'"),
    ],
)
def test_an_unknown_key_is_one_error_line_with_the_closest_known_key(
    text: str, line: int, key: str, closest: str
) -> None:
    """docs/routine-format.md#mistakes"""
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, "k.md")
    message = str(caught.value)
    assert message.startswith(f"k.md:{line}: ") and f"'{key}'" in message and closest in message
    assert "\n" not in message


def test_a_link_under_the_keys_is_not_a_key() -> None:
    routine = parse_routine("# T\n\n## Bridge\nreps: 10\nhttps://example.com/bridge\nLift your hips.\n", "t.md")
    assert routine.exercises[0].dose.reps.value == Amount.exactly(10)
