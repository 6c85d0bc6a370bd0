"""The CLI through typer's runner: one `error:` line and exit 2 for every user mistake."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guide.build import slug
from guide.cli import app

from .conftest import HIP_ARTICLE, HIP_NAMES, write

runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def assert_user_error(result, *words: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output
    for word in words:
        assert word in lines[0], (word, lines[0])


GOOD = "# T\n\n## Squats\nreps: 3\n\nSquat down.\n"


def test_missing_file(tmp_path: Path) -> None:
    assert_user_error(run("plan", str(tmp_path / "nope.md")), "nope.md", "no such file")


def test_directory_as_routine(tmp_path: Path) -> None:
    assert_user_error(run("build", str(tmp_path)), str(tmp_path), "directory")


def test_empty_file(tmp_path: Path) -> None:
    assert_user_error(run("plan", str(write(tmp_path / "e.md", "  \n\n"))), "e.md", "empty")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert_user_error(run("plan", str(path)), "b.txt")


def test_non_utf8_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes("# T\n\n## Caf\xe9\nreps: 3\n".encode("latin-1"))
    assert_user_error(run("plan", str(path)), "latin1.md:3", "UTF-8")


def test_no_exercises(tmp_path: Path) -> None:
    assert_user_error(
        run("plan", str(write(tmp_path / "n.txt", "A title\n\nJust an essay about running.\n"))), "no exercises found"
    )


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("repz: 3", ("r.md:4", "unknown key 'repz'", "did you mean 'reps'")),
        ("reps: -3", ("r.md:4", "not a whole number")),
        ("reps: 0", ("r.md:4", "outside")),
        ("reps: 100000", ("r.md:4", "outside 1-500")),
        ("hold: 10 h", ("r.md:4", "outside 1-1800")),
    ],
)
def test_bad_keys_and_values(tmp_path: Path, line: str, words: tuple[str, ...]) -> None:
    path = write(tmp_path / "r.md", f"# T\n\n## Move\n{line}\n\nGo.\n")
    assert_user_error(run("build", str(path), "-o", str(tmp_path / "x.mp3")), *words)
    assert not (tmp_path / "x.mp3").exists()


def test_unknown_voice(tmp_path: Path) -> None:
    path = write(tmp_path / "r.md", GOOD)
    assert_user_error(
        run("build", str(path), "--voice", "festival", "-o", str(tmp_path / "x.mp3")),
        "unknown voice 'festival'",
        "gtts:LANG",
    )
    assert_user_error(run("build", str(path), "--voice", "espeak", "-o", str(tmp_path / "x.mp3")), "espeak:de")
    assert_user_error(run("build", str(path), "--voice", "gtts:xx-yy", "-o", str(tmp_path / "x.mp3")), "xx-yy")
    assert_user_error(run("build", str(path), "--voice", f"piper:{tmp_path}/none.onnx"), "does not exist")


def test_output_path_is_a_directory(tmp_path: Path) -> None:
    path = write(tmp_path / "r.md", GOOD)
    assert_user_error(run("build", str(path), "-o", str(tmp_path)), "is a folder")


def test_unwritable_output_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    real_access = os.access  # CI runs as root, who may write anywhere: pretend we are not
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == locked else real_access(p, mode))
    path = write(tmp_path / "r.md", GOOD)
    assert_user_error(run("build", str(path), "-o", str(locked / "x.mp3")), "cannot write")


def test_output_under_a_file_is_not_writable(tmp_path: Path) -> None:
    blocker = write(tmp_path / "afile", "x")
    path = write(tmp_path / "r.md", GOOD)
    assert_user_error(run("build", str(path), "-o", str(blocker / "x.mp3")), "is not a folder")


def test_bad_options(tmp_path: Path) -> None:
    path = write(tmp_path / "r.md", GOOD)
    assert_user_error(run("build", str(path), "--bitrate", "65"), "not an MP3 bitrate")
    assert_user_error(run("build", str(path), "--speech-rate", "9"), "--speech-rate")
    assert_user_error(run("build", str(path), "--subtitles", str(tmp_path / "x.doc")), ".srt, .vtt or .lrc")


def test_guide_length_limit(tmp_path: Path) -> None:
    body = "".join(f"## M{i}\nsets: 20\nreps: 500\ntempo: 30s\n\nGo.\n\n" for i in range(3))
    assert_user_error(run("plan", str(write(tmp_path / "long.md", f"# Long\n\n{body}"))), "hours", "limit is 4")


def test_plan_json_matches_the_contract() -> None:
    """docs/contracts.md#plan-json"""
    article = HIP_ARTICLE
    result = run("plan", str(article), "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert set(document) >= {"title", "duration_seconds", "exercises", "skipped"}
    kneel = document["exercises"][1]
    assert kneel["name"] == HIP_NAMES[1]
    assert (kneel["sides"], kneel["sets"], kneel["reps"], kneel["hold_seconds"]) == ("each", 4, None, 30.0)
    assert kneel["total_reps"] == 0 and kneel["total_hold_seconds"] == 240.0
    legs = document["exercises"][0]
    assert legs["total_reps"] == 30 and legs["rep_seconds"] == 2.0
    assert [{k: s[k] for k in ("heading", "reason")} for s in document["skipped"]] == [
        {"heading": "About the Author", "reason": "no dose"},
        {"heading": "Never Miss a Post!", "reason": "no dose"},
    ]
    high = json.loads(run("plan", str(article), "--json", "--range", "high").output)
    assert high["exercises"][1]["sets"] == 5 and high["exercises"][3]["hold_seconds"] == 5.0


def test_plan_table_shows_sources_and_total() -> None:
    result = run("plan", str(HIP_ARTICLE))
    assert result.exit_code == 0
    assert 'from "hold for 30 seconds"' in result.output and "total " in result.output
    assert "'About the Author' (no dose)" in result.output


def test_init_writes_an_editable_copy_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "mine.md"
    assert run("init", str(target)).exit_code == 0
    assert target.read_text().startswith("# Post-Run Hip Mobility")
    assert_user_error(run("init", str(target)), "already exists")


def test_help_on_every_command() -> None:
    for command in (["build"], ["plan"], ["import"], ["init"], ["voices"], ["cache", "info"], ["cache", "clear"]):
        result = run(*command, "--help")
        assert result.exit_code == 0 and "Usage" in result.output


def test_slug_never_escapes_the_output_folder() -> None:
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug('He said "go"\n\x1b[31m') == "he-said-go-31m"
    assert slug("...") == "guide"
