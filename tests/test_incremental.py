"""Edit, save, listen: only new phrases are synthesized; unchanged builds touch nothing
(docs/contracts.md#caches)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from guide.build import BuildOptions, BuildResult, Outputs, build
from guide.errors import GuideError
from guide.routine import parse_routine
from guide.watch import watch_routine

pytestmark = pytest.mark.e2e

ROUTINE = """# Tiny

## Arm Circles
reps: 3
tempo: 1.5s
setup: 1s

Make small circles with both arms.

## Calf Raise
reps: 3
tempo: 1.5s
setup: 1s

Rise onto your toes.
"""


def test_unchanged_build_synthesizes_and_encodes_nothing(tmp_path: Path) -> None:
    options = BuildOptions(cache_dir=tmp_path / "cache")
    routine = parse_routine(ROUTINE, "tiny.md")
    first = build(routine, Outputs(tmp_path / "t.mp3"), options)
    stamp = (tmp_path / "t.mp3").stat().st_mtime_ns
    again = build(routine, Outputs(tmp_path / "t.mp3"), options)
    assert first.synthesized > 0 and again.synthesized == 0
    assert again.up_to_date and (tmp_path / "t.mp3").stat().st_mtime_ns == stamp
    forced = build(routine, Outputs(tmp_path / "t.mp3"), BuildOptions(cache_dir=tmp_path / "cache", force=True))
    assert not forced.up_to_date and (tmp_path / "t.mp3").read_bytes()


def test_editing_one_exercise_synthesizes_only_its_new_phrases(tmp_path: Path) -> None:
    options = BuildOptions(cache_dir=tmp_path / "cache")
    build(parse_routine(ROUTINE, "tiny.md"), Outputs(tmp_path / "t.mp3"), options)
    edited = ROUTINE.replace("Rise onto your toes.", "Rise slowly onto your toes.")
    result = build(parse_routine(edited, "tiny.md"), Outputs(tmp_path / "t.mp3"), options)
    assert result.synthesized == 1  # the changed sentence; the welcome keeps its length in minutes
    assert not result.up_to_date


def test_watch_rebuilds_on_save_and_survives_mistakes(tmp_path: Path) -> None:
    path = tmp_path / "tiny.md"
    path.write_text(ROUTINE)
    results: list[BuildResult] = []
    errors: list[GuideError] = []
    stop = threading.Event()
    options = BuildOptions(cache_dir=tmp_path / "cache")
    thread = threading.Thread(
        target=watch_routine,
        daemon=True,
        args=(path, Outputs(tmp_path / "t.mp3"), options, results.append, errors.append, stop),
    )
    thread.start()

    def wait_for(condition) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + 60
        while not condition() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert condition()

    wait_for(lambda: len(results) == 1)
    time.sleep(0.3)
    path.write_text(ROUTINE.replace("reps: 3\ntempo", "reps: lots\ntempo", 1))
    wait_for(lambda: len(errors) == 1)
    assert "tiny.md:4" in str(errors[0])
    good_bytes = (tmp_path / "t.mp3").read_bytes()
    assert good_bytes == results[0].path.read_bytes()  # the mistake left the MP3 alone
    path.write_text(ROUTINE.replace("reps: 3\ntempo", "reps: 4\ntempo", 1))
    wait_for(lambda: len(results) == 2)
    stop.set()
    thread.join(timeout=10)
    assert results[1].duration > results[0].duration
