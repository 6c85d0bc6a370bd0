"""Capture damage repaired before reading, and the layouts real pages use that the reader learned to generalise:
flattened pages, running headers, names after their captions, bold headings, undosed sibling headings, prose
sessions, and the last resorts that keep a page with moves from ending in "no exercises found"."""

from __future__ import annotations

from guide.routine import Amount, Routine, Sides, parse_page, parse_routine
from guide.routine.capture import (
    drop_alternatives,
    drop_running_headers,
    drop_spaced_letters,
    split_inline_headings,
    split_inline_rests,
    split_names_from_instructions,
    split_trailing_labels,
    split_trailing_names,
    unflatten,
    unglue_numbers,
)

A = Amount.exactly


def _read(text: str) -> Routine:
    return parse_routine(text, "page.txt")


def _doses(routine: Routine) -> list[tuple[str, object, object, object, object]]:
    return [
        (e.name, e.dose.sets.value.low, e.dose.reps.value, e.dose.hold_seconds.value, e.dose.work_seconds.value)
        for e in routine.exercises
    ]


FILLER = " ".join(["These words only pad the page out the way a real leaflet's introduction does."] * 10)


# ---------------------------------------------------------------- capture repairs


def test_a_flattened_page_gets_its_numbered_items_back_on_lines() -> None:
    page = f"Knee exercises {FILLER} Do them daily.1. Lie on your back. Hold for ten seconds.2. Sit on a chair. Repeat ten times."
    lines = unflatten(page).splitlines()
    assert "1. Lie on your back. Hold for ten seconds." in lines
    assert "2. Sit on a chair. Repeat ten times." in lines


def test_a_long_paragraph_of_the_author_stays_whole() -> None:
    paragraph = " ".join(["We ran the workout in reverse, 4 rounds of 50 sit ups and 25 push ups."] * 12)
    page = f"Title\n\n{paragraph}\n\n{paragraph}\n"
    assert unflatten(page) == page


def test_a_running_header_said_three_times_is_dropped_but_list_items_are_not() -> None:
    page = "Hip exercises\n1. Pumps:\nHip exercises\n2. Quads:\nHip exercises\n- Squat\n- Squat\n- Squat\n"
    assert drop_running_headers(page).splitlines() == [
        "",
        "1. Pumps:",
        "",
        "2. Quads:",
        "",
        "- Squat",
        "- Squat",
        "- Squat",
    ]


def test_bold_names_run_together_go_back_one_a_line() -> None:
    line = (
        "Intro text. **Assisted Opening** - Open slowly. Repeat ten times. **Neck Stretch** - Tilt. Repeat ten times."
    )
    lines = [part for part in split_inline_headings(line).splitlines() if part]
    assert lines == [
        "Intro text.",
        "**Assisted Opening** - Open slowly. Repeat ten times.",
        "**Neck Stretch** - Tilt. Repeat ten times.",
    ]


def test_names_left_after_their_captions_get_lines_of_their_own() -> None:
    page = (
        "3. Reach for the opposite shoulder blade and draw the elbow across. The Elbow Pump\n"
        "4. Sit, raise your leg and hold your knee for ten seconds. The Knee-Jerk\n"
        "A single sentence that ends in a capitalised Word\n"
    )
    assert split_trailing_names(page).splitlines()[:4] == [
        "3. Reach for the opposite shoulder blade and draw the elbow across.",
        "The Elbow Pump",
        "4. Sit, raise your leg and hold your knee for ten seconds.",
        "The Knee-Jerk",
    ]
    assert split_trailing_names("One line that ends. The Name\n") == "One line that ends. The Name\n"


def test_pieces_run_together_around_their_rests_are_split() -> None:
    line = "Row 2,000 meters easy Rest 3 minutes Row 1,000 meters faster Rest 3 minutes Row 500 meters flat out"
    assert split_inline_rests(line).splitlines() == [
        "Row 2,000 meters easy",
        "Rest 3 minutes",
        "Row 1,000 meters faster",
        "Rest 3 minutes",
        "Row 500 meters flat out",
    ]


def test_glued_numbers_and_sentences_are_unglued() -> None:
    assert unglue_numbers("Hold for20-30 sec") == "Hold for 20-30 sec"
    assert unglue_numbers("on your knees.Turn your head") == "on your knees. Turn your head"


def test_a_pdf_leaflets_banners_stranded_numbers_and_glued_names_are_repaired() -> None:
    page = "S H O U L D E R\n2\nStanding abduction\nlift your arms\n"
    assert drop_spaced_letters(page).splitlines() == ["", "2. Standing abduction", "", "lift your arms"]
    glued = "Lateral raise in side lying Lying on your side, raise a load\n2. Standing flexion Put the band under you\n"
    assert split_names_from_instructions(glued).splitlines() == [
        "Lateral raise in side lying",
        "Lying on your side, raise a load",
        "2. Standing flexion",
        "Put the band under you",
    ]
    assert split_names_from_instructions("Knee to Chest- Lie flat\n") == "Knee to Chest- Lie flat\n"


def test_an_or_block_is_the_alternative_not_more_of_the_workout() -> None:
    page = "800m Run\n1 min Rest\n800m Run\n\nOR\n400m Run/Walk\n1 min Rest\n\nCool down\n"
    assert drop_alternatives(page).splitlines() == [
        "800m Run",
        "1 min Rest",
        "800m Run",
        "",
        "",
        "",
        "",
        "",
        "Cool down",
    ]


def test_labels_said_alike_are_names_on_lines_of_their_own() -> None:
    page = "Try your feet in other positions Stretch: your hamstrings\n- Stand tall.\nSTRETCH: YOUR QUADS\n- Hold.\n"
    assert split_trailing_labels(page).splitlines() == [
        "Try your feet in other positions",
        "",
        "Stretch your hamstrings",
        "- Stand tall.",
        "STRETCH YOUR QUADS",
        "- Hold.",
    ]
    facts = "Frequency: Hourly after surgery\nRepetitions: 20\nFrequency: Three times a day\n"
    assert split_trailing_labels(facts) == facts


# ---------------------------------------------------------------- layouts


def test_a_flattened_factsheet_reads_its_unnamed_numbered_paragraphs() -> None:
    routine = _read(
        f"Knee strengthening exercises {FILLER} Aim for three times a day.1. Lie on your back and press your "
        "knees firmly down into the bed. Hold for ten seconds and repeat 20 times.2. Lie on your back with a "
        "rolled up blanket under your knee and press the knee down into it. Hold for ten seconds and repeat 15 "
        "times.3. Stand holding onto a supportive surface and bend your knee towards your bottom. Hold for ten "
        "seconds and repeat ten times."
    )
    assert [(e.dose.reps.value, e.dose.hold_seconds.value) for e in routine.exercises] == [
        (A(20), A(10)),
        (A(15), A(10)),
        (A(10), A(10)),
    ]


def test_names_under_their_captions_are_read_with_the_caption_above() -> None:
    routine = _read(
        "Chair exercises\n"
        "Here are a few simple ones:\n"
        "- Sit tall and raise one knee at a time as though marching. Do 15 reps per leg.\n"
        "Seated Marching\n"
        "- Hold your arms out to the sides and make small circles for 30 seconds.\n"
        "Arm Circles\n"
        "- Roll the shoulders slowly forwards and backwards.\n"
        "Shoulder Rolls\n"
        "\n"
        "Swipe up for more\n"
    )
    assert routine.reading == "names under their instructions"
    assert [e.name for e in routine.exercises] == ["Seated Marching", "Arm Circles", "Shoulder Rolls"]
    assert routine.exercises[0].dose.reps.value == A(15)


def test_headings_over_their_text_are_not_read_as_names_under_captions() -> None:
    routine = _read(
        "Two moves\n\n"
        "Squat\nStand with feet apart and squat down. Do 10 reps.\n"
        "Lunge\nStep forward and lower your knee. Do 12 reps.\n"
        "Share This Article\n"
    )
    assert [(e.name, e.dose.reps.value) for e in routine.exercises] == [("Squat", A(10)), ("Lunge", A(12))]


def test_a_bold_numbered_name_heads_the_paragraph_under_it() -> None:
    routine = _read(
        "Evening yoga\n\n"
        "**1. Prasarita padottanasana - wide-angle standing forward bend.**\n\n"
        "Stand with the feet wide apart and fold from the hips. Hold for five minutes.\n\n"
        "**2. Salamba balasana - supported child's pose**\n\n"
        "Sit back on your heels and fold forward over a pillow. Relax for two minutes.\n"
    )
    assert [e.name for e in routine.exercises] == ["Prasarita padottanasana", "Salamba balasana"]
    assert routine.exercises[0].dose.hold_seconds.value == A(300)


def test_undosed_headings_shaped_like_the_dosed_ones_are_moves_too() -> None:
    routine = parse_page(
        "<html><body><h1>Exercises for TMJ</h1>"
        "<h2>Forward Jaw Movement</h2><p>Put an object between your front teeth and move your lower jaw forward so "
        "the top teeth sit behind.</p>"
        "<h2>Chin Tucks</h2><p>Draw your chin straight back into a double chin. Hold for 5 seconds before "
        "repeating ten times.</p>"
        "<h2>Never Miss a Post!</h2><p>Switch on browser notifications to hear about new routines as soon as they "
        "are out.</p></body></html>",
        "page.html",
    )
    assert [e.name for e in routine.exercises] == ["Forward Jaw Movement", "Chin Tucks"]
    assert any("no dose" in note for note in routine.notes)  # the guess is said


def test_a_session_told_in_prose_names_each_piece_by_its_dose_phrase() -> None:
    routine = _read(
        "One-hour hill workout\n\n"
        "Begin with a gentle 15 minute warm-up on the flat before the hill.\n\n"
        "The first section involves four sets of 90-second hill repeats at a steady effort.\n\n"
        "Then do four sets of 30-second efforts, close to flat out.\n\n"
        "Take 10 minutes to cool down.\n"
    )
    assert _doses(routine) == [
        ("warm-up", 1, None, None, A(900)),
        ("hill repeats", 4, None, None, A(90)),
        ("efforts", 4, None, None, A(30)),
        ("cool down", 1, None, None, A(600)),
    ]


def test_a_page_of_one_piece_of_work_is_read_rather_than_found_empty() -> None:
    routine = _read(
        "Killer Hill Sprint Workout!\n\n"
        "Give these a go for a great workout:\n\n"
        "- work time: 20 seconds (sprinting up the hill)\n"
        "- rest time: 60 seconds (walk back down)\n"
        "- repeat 8 times\n\n"
        "Listen to your body and push yourself hard.\n"
    )
    assert routine.reading == "one piece of work, its dose line by line"
    assert _doses(routine) == [("Killer Hill Sprint Workout!", 8, None, None, A(20))]


def test_a_page_of_undosed_instructions_is_read_as_a_guess() -> None:
    routine = _read(
        "Exercises\n\n"
        "Lie on your back with your knees bent and feet flat on the floor, then slide both legs slowly forward.\n"
        "Lie on your back with your knees bent and rock your pelvis so the small of your back flattens.\n"
        "Never lie flat on your back and lift both legs in the air at once.\n"
    )
    assert routine.reading == "every instruction a move (a guess)"
    assert len(routine.exercises) == 2
    assert all("no dose" in note for note in routine.notes)


def test_the_steps_of_one_exercise_make_one_exercise() -> None:
    routine = _read(
        "Time to Exercise: Pelvic Tilt\n\n"
        "Pelvic tilts help ease back pain and loosen a stiff lower back.\n\n"
        "Here are the steps for the pelvic tilt in four-point kneeling pose exercise:\n\n"
        "Get down on your hands and knees on a mat with your shoulders over your hands.\n\n"
        "Let your abdomen relax and breathe in. Tilt your pelvis backwards and hold this position for 5 seconds. "
        "Repeat the steps 10 times.\n\n"
        "Copyright 2016 HealthHub. All rights reserved.\n"
    )
    assert routine.reading == "the steps of one exercise"
    assert _doses(routine) == [("pelvic tilt in four-point kneeling pose", 1, A(10), A(5), None)]


def test_numbered_instructions_under_a_heading_are_its_steps() -> None:
    routine = _read(
        "Antenatal exercises\n\n"
        "This leaflet sets out exercises that are safe at any stage of your pregnancy.\n\n"
        "Transverse Abdominis (Deep tummy muscle)\n\n"
        "These muscles run from side to side and make up the front of your deep trunk muscles.\n\n"
        "1) Sit, stand or 4-point kneeling\n"
        "2) Gently draw your lower tummy muscles in towards your spine, breathing normally\n"
        "3) Hold the contraction 10-30 seconds and repeat up to 10 times\n"
    )
    assert [e.name for e in routine.exercises] == ["Transverse Abdominis (Deep tummy muscle)"]
    assert routine.exercises[0].dose.reps.value == A(10)


def test_a_bonus_move_named_in_a_bullet_label_is_a_move() -> None:
    routine = _read(
        "Post-run stretches\n\n"
        "Calf Stretch:\n"
        "- Face a wall and step one foot back.\n"
        "- Hold for 20-30 seconds, then switch legs.\n"
        "- Bonus Stretch: Spinal Twist\n"
        "- Sit with both legs straight out in front and cross one knee over.\n"
        "- Hold for 20-30 seconds, then switch sides.\n"
    )
    assert [e.name for e in routine.exercises] == ["Calf Stretch", "Spinal Twist"]


def test_both_sides_before_the_count_alternate_after_it_each_side() -> None:
    alternate = _read(
        "Neck\n\nExercise 1\nTurn your chin to your right side until it meets your shoulder, bring it back and "
        "do same on the left shoulder. Do this repeatedly for 7-10 times.\n"
    )
    each = _read(
        "Jaw\n\n**Lateral Movement** - Slide the lower jaw as far to the right as is comfortable. Repeat ten times "
        "and then do the same on the left side.\n\n**Neck Stretch** - Bring your ear to your shoulder. Repeat ten "
        "times and then do the same sequence on the right side.\n"
    )
    assert alternate.exercises[0].dose.sides.value is Sides.ALTERNATE
    assert [e.dose.sides.value for e in each.exercises] == [Sides.EACH, Sides.EACH]


def test_rest_and_repeat_more_times_after_a_list_is_rounds_of_the_whole() -> None:
    routine = _read(
        "Dryland circuit\n\n"
        "Do the following workout after a warm-up.\n\n"
        "  \u2022 Goblet Squats: x 10-12 reps\n"
        "  \u2022 Reverse Flys: x 10-12 reps\n"
        "  \u2022 Push-up Plus x 10-12 reps\n"
        "  \u2022 Rest 30-60 seconds and repeat 1-2 more times.\n"
    )
    assert [block.rounds.value for block in routine.blocks] == [Amount(2, 3)]
