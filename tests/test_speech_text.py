"""What is spoken is speech: routine text turned into what a coach would say (table-driven)
(docs/routine-format.md#what-is-spoken)."""

from __future__ import annotations

import pytest

from guide.routine.prose import clean_name, sentences


def spoken(text: str) -> str:
    return " ".join(sentences(text))


@pytest.mark.parametrize(
    ("written", "said"),
    [
        # Markdown and HTML
        ("**Hold** the top.", "Hold the top."),
        ("Keep _slow_ and steady.", "Keep slow and steady."),
        ("See [the video](https://example.com/v) first.", "See the video first."),
        ("Details at https://example.com/page today.", "Details at today."),
        ("<b>Squeeze</b> your glutes &amp; breathe.", "Squeeze your glutes and breathe."),
        ("Rest&nbsp;briefly.", "Rest briefly."),
        # list markers and layout brackets
        ("- Sit tall.", "Sit tall."),
        ("• Sit tall.", "Sit tall."),
        ("1. Sit tall.", "Sit tall."),
        ("Lean on the wall [see photo].", "Lean on the wall."),
        # units
        ("Hold for 30s.", "Hold for 30 seconds."),
        ("Rest 1 min.", "Rest 1 minute."),
        ("Rest 2 mins.", "Rest 2 minutes."),
        ("Hold 10 sec.", "Hold 10 seconds."),
        ("Use a 5-lb weight.", "Use a 5-pound weight."),
        ("Walk 20 yds.", "Walk 20 yards."),
        ("Jog 400m.", "Jog 400 metres."),
        # shorthand
        ("Do 3x10.", "Do 3 sets of 10."),
        ("Do 3 × 10.", "Do 3 sets of 10."),
        ("Do 10 reps/side.", "Do 10 reps per side."),
        ("Hold 20 seconds (approx.).", "Hold 20 seconds approximately."),
        ("Use a prop, e.g. a book.", "Use a prop, for example a book."),
        ("Squat w/ a band.", "Squat with a band."),
        ("Knees & toes.", "Knees and toes."),
        ("Repeat 4-5 times.", "Repeat 4 to 5 times."),
    ],
)
def test_speech_text(written: str, said: str) -> None:
    assert spoken(written) == said


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("1Heel Raise", "Heel Raise"),
        ("3. Burpees (1 set/15 reps)", "Burpees"),
        ("1) Pigeon Pose", "Pigeon Pose"),
        ("#1 Knee Hugs", "Knee Hugs"),
        ("Step 2: Shoulder Shrugs", "Shoulder Shrugs"),
        ("Min 1 — Kettlebell Swings x 15", "Kettlebell Swings"),
        ("Lunges (30 per leg)", "Lunges"),
        ("Bridge & Lift (2 sets/5 reps)", "Bridge and Lift"),
        ("**Goblet Squat**", "Goblet Squat"),
        ("Copenhagen Plank (short lever)", "Copenhagen Plank (short lever)"),
        ("Hip-Flexor Stretch", "Hip-Flexor Stretch"),
    ],
)
def test_spoken_names_are_clean(heading: str, name: str) -> None:
    assert clean_name(heading) == name
