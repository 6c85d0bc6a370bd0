"""Markdown routines: keys, their values and the mistakes that name a line (docs/routine-format.md#markdown-routines,
docs/routine-format.md#keys)."""

from __future__ import annotations

import pytest

from guide.errors import RoutineError
from guide.routine import Amount, Origin, Sides, builtin_text, parse_routine


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
