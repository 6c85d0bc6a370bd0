"""No text and no option combination makes guide show a traceback (docs/contracts.md#errors)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from guide.cli import app
from guide.errors import GuideError
from guide.routine import parse_routine
from guide.script import PACES, PaceName, ScriptOptions, build_script, estimate_seconds

KEY_LINES = st.sampled_from(
    [
        "sides: each",
        "sides: alternate",
        "reps: 12",
        "reps: 3-5",
        "hold: 30s",
        "hold: 1 min",
        "rest: 0s",
        "tempo: 0.5s",
        "setup: 0s",
        "sets: 20",
        "reps: 500",
        "hold: 3-5s",
        "repz: 4",
        "hold: -3s",
        "sets: 0",
        "reps: 1e9",
        ": :",
        "tempo: 30s",
    ]
)
PROSE = st.sampled_from(
    [
        "Hold for 30 seconds.",
        "Repeat 4–5 times before alternating legs.",
        "Do 3 sets of 12 reps.",
        "Switch sides.",
        "Twice per leg.",
        "rest",
        "Hold for several seconds.",
        "for 9999 minutes",
        "Alternate sides 100000 times.",
        "../../etc/passwd",
        "\x00\x1b[31m",
        "## ",
        "# ",
    ]
)


@st.composite
def markdownish(draw: st.DrawFn) -> str:
    lines = ["# " + draw(st.text(max_size=20))]
    for _ in range(draw(st.integers(0, 4))):
        lines.append("## " + draw(st.text(max_size=15)))
        lines += draw(st.lists(KEY_LINES, max_size=4))
        lines += draw(st.lists(st.one_of(PROSE, st.text(max_size=40)), max_size=3))
    return "\n".join(lines)


def _read_and_plan(text: str) -> None:
    try:
        routine = parse_routine(text, "fuzz.md")
        build_script(routine, ScriptOptions(PACES[PaceName.NORMAL]), estimate_seconds)
    except GuideError as error:
        assert str(error) and "\n" not in str(error)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(), markdownish(), st.lists(st.one_of(PROSE, st.text(max_size=60)), max_size=12).map("\n".join))
)
def test_readers_raise_only_guide_errors(text: str) -> None:
    _read_and_plan(text)


ARTICLE_LINES = st.sampled_from(
    [
        "A1 \u2013 Squat \u2013 60 seconds",
        "4 Rounds",
        "Rest 1 Min",
        "Repeat three times.",
        "- Calf Stretch: Stand tall. Hold for 20-30 seconds.",
        "5 Rounds of 1 minute at each station",
        "Box Jumps 24/20",
        "Hold for 20-30 seconds",
        "Repeat 3-5 times each leg.",
        "Stretch: your hamstrings \u2022 Standing, step forward. \u2022 Hold for 20 seconds \u2022 swap",
        "1. Head back (X5) 2. Ear to shoulder (X5). 3. Neck circles (X5)",
        "Exercise 1: Calf Pumps Sets: 2 / Repetition:10",
        "Score: total time",
        "secondsand tofive untilyou",
        "Repetitions | 20",
        "| Frequency | Daily |",
        "How'd you do?",
    ]
)
JSON_LD = st.sampled_from(
    [
        '{"@type": "HowTo", "name": "X", "step": [{"@type": "HowToStep", "name": "Squat", "text": "Do 10 reps."},'
        ' {"@type": "HowToStep", "text": "Hold for 30 seconds."}]}',
        '{"@graph": [{"@type": "ExercisePlan", "name": "Plank", "repetitions": 3}]}',
        '{"@type": "HowTo", "step": [{"@type": "HowToSection", "itemListElement": "x"}, 3, null, []]}',
        "{not json",
        "[]",
    ]
)


@st.composite
def pages(draw: st.DrawFn) -> str:
    """Web pages: headings, lists, tables and schema.org data, in any order and any state."""
    parts = ["<html><head><title>" + draw(st.text(max_size=20)) + "</title>"]
    parts += [f'<script type="application/ld+json">{data}</script>' for data in draw(st.lists(JSON_LD, max_size=2))]
    parts.append("</head><body>")
    for _ in range(draw(st.integers(0, 6))):
        tag = draw(st.sampled_from(["h2", "p", "li", "td", "th", "strong"]))
        parts.append(f"<{tag}>{draw(st.one_of(ARTICLE_LINES, PROSE, st.text(max_size=30)))}</{tag}>")
    return "".join(parts) + "</body></html>"


@settings(max_examples=150, deadline=None)
@given(st.one_of(pages(), st.lists(st.one_of(ARTICLE_LINES, PROSE, st.text(max_size=40)), max_size=14).map("\n".join)))
def test_pages_and_articles_raise_only_guide_errors(text: str) -> None:
    _read_and_plan(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_any_bytes_through_the_cli(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["plan", str(path)])
    assert result.exit_code in (0, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    pace=st.sampled_from(["relaxed", "normal", "brisk", "sprint", ""]),
    rate=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
    rep=st.one_of(st.none(), st.floats(-10, 100)),
    rest=st.one_of(st.none(), st.floats(-10, 1000)),
    ranges=st.sampled_from(["low", "mid", "high", "middle"]),
)
def test_plan_options_never_traceback(
    pace: str, rate: float | None, rep: float | None, rest: float | None, ranges: str
) -> None:
    args = ["plan", "--pace", pace, "--range", ranges]
    for flag, value in (("--speech-rate", rate), ("--rep-seconds", rep), ("--rest-seconds", rest)):
        if value is not None:
            args += [flag, str(value)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


_TAGS = st.sampled_from(
    [
        "<h1>",
        "</h1>",
        "<h2>",
        "</h2>",
        "<ul>",
        "<li>",
        "</li>",
        "<ol>",
        "<p>",
        "</p>",
        "<table>",
        "<tr>",
        "<td>",
        "<strong>",
        "&amp;",
        "&nbsp;",
        "<br>",
        "<script>",
        "<!--",
    ]
)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(_TAGS, PROSE, st.text(max_size=40)), max_size=25).map("".join))
def test_html_pages_raise_only_guide_errors(body: str) -> None:
    _read_and_plan(f"<!doctype html><html><body>{body}</body></html>")
