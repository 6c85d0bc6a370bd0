"""The article scorer's matching and arithmetic on tiny in-memory examples (no subprocess), and the corpus'
expected answers are well formed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scripts.score_articles import (
    Expected,
    ExpectedArticle,
    Found,
    Plan,
    align,
    compare,
    failed_thresholds,
    find_articles,
    parse_expected,
    parse_plan,
    score_article,
    titles_match,
    tokens,
    total,
)

ARTICLES = Path(__file__).parent / "articles"


@pytest.mark.parametrize(
    "heading",
    [
        "1. Heel Raise",
        "1) Heel Raise",
        "#1 Heel Raise",
        "Step 1: Heel Raise",
        "1Heel Raise",
        "Exercise 3 - Heel Raise",
        "Min 2 — heel raise",
        "heel-raise",
    ],
)
def test_leading_numbering_is_dropped(heading: str) -> None:
    assert tokens(heading) == ["heel", "raise"]


def test_tokens_keep_numbering_when_asked_and_fold_punctuation() -> None:
    assert tokens("1Heel Raise", drop_numbering=False) == ["1heel", "raise"]
    assert tokens("Bridge & Lift") == ["bridge", "and", "lift"]
    assert tokens("Child’s Pose") == tokens("Childs pose") == ["childs", "pose"]
    assert tokens("90 90 Hip Switch") == ["hip", "switch"]


def _e(name: str, **kw: Any) -> Expected:
    return Expected(name=name, **kw)


def test_names_match_by_jaccard_prefix_or_subset() -> None:
    assert _e("Kneeling Hip-Flexor Stretch").similarity("Kneeling Hip Flexor Stretch") == 2.0
    assert _e("Bridge & Lift").similarity("Bridge & Lift (2 sets/5 reps)") > 0  # subset
    assert _e("Leg swings").similarity("Leg swings — 10 each leg") > 0  # prefix
    assert _e("Half Pigeon").similarity("Pigeon Half") > 0  # same tokens
    assert _e("Standing Quad Stretch").similarity("Quad Stretch Standing Tall") > 0  # Jaccard 0.75
    assert _e("Lizard Pose").similarity("Happy Baby") == 0
    assert _e("Neck Tilt").similarity("Neck Rolls and Shoulder Shrugs") == 0  # Jaccard 1/6, no subset


def test_aliases_count_for_matching_and_for_the_name_field() -> None:
    want = _e("Calf Stretch [Wall]", aliases=("Calf Stretch",), sets=3.0, hold_seconds=30.0)
    got = Found("Calf Stretch", sets=3.0, hold_seconds=30.0)
    assert want.similarity(got.name) > 0
    assert all(ok for ok, _ in compare(want, got, None).values())


def test_unnamed_paragraphs_match_on_their_first_three_words() -> None:
    want = _e("Lie on your back with your legs straight", unnamed=True)
    assert want.similarity("Lie on your front and bend") > 0
    assert want.similarity("Lie face down") == 0
    named = _e("Lie on your back with your legs straight")
    assert named.similarity("Lie on your front and bend") == 0
    assert "name" not in compare(want, Found("Lie on your front and bend"), None)


def test_align_keeps_order_and_uses_each_found_exercise_once() -> None:
    expected = [_e("Squat"), _e("Plank"), _e("Side Plank"), _e("Lunge")]
    found = [Found("Side Plank"), Found("Squat"), Found("Plank"), Found("Lunge"), Found("Lunge")]
    pairs = align(expected, found)
    assert pairs == [(0, 1), (1, 2), (3, 3)]
    assert len({j for _, j in pairs}) == len(pairs)
    # with a choice, the closer name wins: "Plank" pairs with "Plank", not with "Side Plank"
    assert align([_e("Plank")], [Found("Side Plank"), Found("Plank")]) == [(0, 1)]


def test_align_with_repeated_unnamed_openings_pairs_in_order() -> None:
    expected = [_e(f"Lie on your back {word}", unnamed=True) for word in ("one", "two", "three")]
    found = [Found("Lie on your back and"), Found("Lie on your back then")]
    assert align(expected, found) == [(0, 0), (1, 1)]


def test_breaths_accept_the_plans_seconds_per_breath_or_four_to_six_seconds() -> None:
    want = _e("Child's Pose", hold_breaths=5.0)
    assert compare(want, Found("Child's Pose", hold_seconds=25.0), None)["hold_seconds"][0]
    assert compare(want, Found("Child's Pose", hold_seconds=20.0), None)["hold_seconds"][0]
    assert not compare(want, Found("Child's Pose", hold_seconds=35.0), None)["hold_seconds"][0]
    assert not compare(want, Found("Child's Pose", hold_seconds=25.0), 4.0)["hold_seconds"][0]
    assert compare(want, Found("Child's Pose", hold_seconds=20.0), 4.0)["hold_seconds"][0]
    assert compare(want, Found("Child's Pose", hold_breaths=5.0), None)["hold_seconds"][0]
    assert not compare(want, Found("Child's Pose"), None)["hold_seconds"][0]


def test_work_and_rounds_are_checked_only_when_the_answer_gives_them() -> None:
    plain = compare(_e("Squat", reps=10.0), Found("Squat", reps=10.0, work_seconds=30.0, rounds=3.0), None)
    assert "work_seconds" not in plain and "rounds" not in plain
    timed = _e("Jumping Jacks", work_seconds=30.0, checks_work=True, rounds=3.0)
    result = compare(timed, Found("Jumping Jacks", hold_seconds=30.0), None)
    assert not result["work_seconds"][0] and not result["rounds"][0] and not result["hold_seconds"][0]
    result = compare(timed, Found("Jumping Jacks", work_seconds=30.0, rounds=3.0), None)
    assert all(ok for ok, _ in result.values())
    once = compare(_e("Inchworms", reps=5.0, rounds=1.0), Found("Inchworms", reps=5.0), None)
    assert once["rounds"][0]  # a plan without rounds means 1


def test_plan_keys_a_version_does_not_report_default_to_null_or_one() -> None:
    plan = parse_plan(
        {
            "title": "T",
            "duration_seconds": 10.0,
            "exercises": [{"name": "Plank", "sides": "one", "sets": 2, "reps": None, "hold_seconds": 30.0}],
            "skipped": [],
        }
    )
    (plank,) = plan.exercises
    assert (plank.sets, plank.reps, plank.hold_seconds) == (2.0, None, 30.0)
    assert (plank.work_seconds, plank.rounds) == (None, 1.0)
    assert plan.seconds_per_breath is None
    assert parse_plan({"exercises": [], "seconds_per_breath": 5}).seconds_per_breath == 5.0
    assert parse_plan({"exercises": [{"name": "X", "sets": {"low": 4, "high": 5}}]}).exercises[0].sets == 4.0


def _article() -> ExpectedArticle:
    return parse_expected(
        {
            "title": "Four Moves",
            "exercises": [
                {"name": "Squats", "sides": "one", "sets": 3, "reps": 10, "hold_seconds": None},
                {"name": "Side Plank", "sides": "each", "sets": 2, "reps": None, "hold_seconds": 30},
                {"name": "Walking Lunges", "sides": "alternate", "sets": 1, "reps": 10, "hold_seconds": None},
                {
                    "name": "High Knees",
                    "sides": "one",
                    "sets": 1,
                    "reps": None,
                    "hold_seconds": None,
                    "work_seconds": 30,
                },
            ],
        }
    )


def test_score_and_totals_arithmetic() -> None:
    plan = Plan(
        "Four moves",
        (
            Found("1. Squats", sets=3.0, reps=10.0),  # name field wrong (numbering spoken), dose right
            Found("Side Plank", sides="each", sets=2.0, hold_seconds=30.0),  # all right
            Found("Advertisement", reps=5.0),  # extra
            Found("High Knees", hold_seconds=30.0),  # timed work read as a hold: hold and work wrong
        ),
    )
    score = score_article("a.txt", _article(), plan)
    assert (score.expected, score.found, score.matched) == (4, 4, 3)
    assert score.missing == ["Walking Lunges"] and score.extra == ["Advertisement"]
    assert score.title_ok is True
    assert score.fields["name"] == [2, 3]
    assert score.fields["sets"] == [3, 3] and score.fields["reps"] == [3, 3]
    assert score.fields["hold_seconds"] == [2, 3] and score.fields["work_seconds"] == [0, 1]
    assert score.fields["rounds"] == [0, 0]
    assert not score.perfect

    failed = score_article("b.txt", _article(), None, "exit 2: error: no exercises found")
    assert (failed.found, failed.matched, failed.title_ok) == (0, 0, False)
    assert len(failed.missing) == 4

    totals = total([score, failed])
    assert (totals.expected, totals.found, totals.matched, totals.errors) == (8, 4, 3, 1)
    assert totals.recall == pytest.approx(3 / 8) and totals.precision == pytest.approx(3 / 4)
    assert totals.accuracy()["name"] == pytest.approx(2 / 3)
    assert "rounds" not in totals.accuracy()
    data = totals.as_json()
    assert data["recall"] == 0.375 and data["precision"] == 0.75 and data["titles"] == 0.5
    json.dumps(data)


def test_a_perfect_article() -> None:
    plan = Plan(
        "Four Moves",
        (
            Found("Squats", sets=3.0, reps=10.0),
            Found("Side Plank", sides="each", sets=2.0, hold_seconds=30.0),
            Found("Walking Lunges", sides="alternate", reps=10.0),
            Found("High Knees", work_seconds=30.0),
        ),
    )
    score = score_article("c.txt", _article(), plan)
    assert score.perfect
    assert total([score]).perfect == 1


def test_thresholds() -> None:
    score = score_article("a.txt", _article(), Plan("x", (Found("Squats", sets=3.0, reps=10.0),)))
    totals = total([score])
    assert failed_thresholds(totals, None, None, None) == []
    assert failed_thresholds(totals, 0.25, 1.0, 1.0) == []
    assert [f.split()[0] for f in failed_thresholds(totals, 0.5, None, None)] == ["recall"]
    nothing = total([score_article("b.txt", _article(), None, "error")])
    assert nothing.precision == 0.0 and failed_thresholds(nothing, None, 0.1, None)


def test_titles_match_loosely() -> None:
    assert titles_match("Six Stretches to Do After Every Run", "Six stretches to do after every run")
    assert titles_match("Ankle Sprain – Home Exercise Programme", "Ankle Sprain - Home Exercise Programme")
    assert not titles_match("Ankle Sprain – Home Exercise Programme", "Skip to content")
    assert not titles_match("Anything", None)


def test_find_articles_pairs_each_article_with_its_expected_answer(tmp_path: Path) -> None:
    for name in ("a.txt", "a.expected.json", "b.html", "b.expected.json", "c.txt", "notes.md"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [(a.name, e.name) for a, e in find_articles([tmp_path])] == [
        ("a.txt", "a.expected.json"),
        ("b.html", "b.expected.json"),
    ]


def test_every_expected_answer_in_the_corpus_is_well_formed() -> None:
    pairs = find_articles([ARTICLES])
    assert len(pairs) >= 30
    stems = {p.name[: -len(".expected.json")] for p in ARTICLES.glob("*.expected.json")}
    assert stems == {a.stem for a, _ in pairs}, "every expected answer has its article"
    allowed = {
        "name",
        "sides",
        "sets",
        "reps",
        "hold_seconds",
        "hold_breaths",
        "work_seconds",
        "rounds",
        "aliases",
        "unnamed",
    }
    for _, path in pairs:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert set(data) <= {"title", "exercises", "notes"} and data["title"], path.name
        article = parse_expected(data)
        assert 2 <= len(article.exercises) <= 14, path.name
        for raw, ex in zip(data["exercises"], article.exercises, strict=True):
            assert set(raw) <= allowed and {"name", "sides", "sets", "reps", "hold_seconds"} <= set(raw), raw
            assert ex.sides in {"one", "each", "alternate"}, raw
            assert ex.sets >= 1 and float(ex.sets).is_integer(), raw
            assert (
                ex.reps is not None
                or ex.hold_seconds is not None
                or ex.hold_breaths is not None
                or ex.work_seconds is not None
            ), f"{path.name}: {ex.name} has no dose"
            assert not (ex.hold_seconds is not None and ex.hold_breaths is not None), raw
            assert tokens(ex.name) == tokens(ex.name, drop_numbering=False) or ex.unnamed, raw


def test_write_score_writes_each_folders_report_in_process(tmp_path: Path) -> None:
    from scripts.score_articles import SCORE_HEADER, main

    for name in ("desk-break-yoga.txt", "desk-break-yoga.expected.json"):
        (tmp_path / name).write_text((ARTICLES / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert main([str(tmp_path), "--in-process", "--write-score", "--min-fully-right", "0.5"]) == 0
    written = (tmp_path / "SCORE.txt").read_text(encoding="utf-8")
    assert written.startswith(SCORE_HEADER.format(how="in process"))
    assert "desk-break-yoga.txt" in written and "fully right" in written


def test_fully_right_counts_exercises_with_every_field_right() -> None:
    expected = ExpectedArticle(None, (Expected("Squat", reps=10), Expected("Lunge", reps=8, sides="each")))
    plan = Plan(None, (Found("Squat", reps=10), Found("Lunge", reps=8)))
    score = score_article("a.txt", expected, plan)
    assert (score.matched, score.fully_right) == (2, 1)
    totals = total([score])
    assert totals.fully_right_share == 0.5
    assert failed_thresholds(totals, None, None, None, 0.6) == ["fully right 50.0% < 60.0%"]
