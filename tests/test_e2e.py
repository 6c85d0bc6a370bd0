"""Real builds with Piper: decode the MP3 and check where the sound is (docs/contracts.md#timing,
docs/contracts.md#output, docs/contracts.md#timeline-json)."""

from __future__ import annotations

import itertools
import json
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from mutagen.id3 import ID3

from guide.audio.ffmpeg import decode_to_pcm, ffmpeg_exe, run_ffmpeg
from guide.audio.loudness import integrated_loudness, true_peak_db
from guide.build import BuildOptions, BuildResult, Outputs, build, plan
from guide.errors import VoiceError
from guide.routine import parse_routine
from guide.script import ENGLISH, CueKind

pytestmark = pytest.mark.e2e

SHORT = """# Quick Test

## Leg Swings
sides: each
reps: 4
tempo: 1.5s
setup: 2s

Swing one leg forward and back.

## Wall Sit
hold: 8s
setup: 2s

Slide down the wall.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, object]:  # type: ignore[type-arg]
    folder = tmp_path_factory.mktemp("e2e")
    routine = parse_routine(SHORT, "short.md")
    options = BuildOptions(cache_dir=folder / "cache")
    result = build(routine, Outputs(folder / "quick.mp3", folder / "quick.json", folder / "quick.srt"), options)
    return folder, json.loads((folder / "quick.json").read_text()), result


def _decoded(path: Path, rate: int = 22050) -> np.ndarray:
    return np.frombuffer(decode_to_pcm(path.read_bytes(), rate), dtype="<i2").astype(np.float32) / 32768


def _onset(audio: np.ndarray, around: float, rate: int = 22050) -> float:
    """Where sound first rises above -45 dBFS within 100 ms of `around`."""
    lo = max(0, int((around - 0.1) * rate))
    window = np.abs(audio[lo : int((around + 0.1) * rate)])
    loud = np.flatnonzero(window > 10 ** (-45 / 20))
    assert loud.size, f"no sound near {around:.3f}s"
    return float(lo + loud[0]) / rate


def test_every_cue_starts_where_the_timeline_says(built) -> None:  # type: ignore[no-untyped-def]
    folder, timeline, _result = built
    audio = _decoded(folder / "quick.mp3")
    errors = [abs(_onset(audio, cue["start"]) - cue["start"]) for cue in timeline["cues"]]
    assert max(errors) <= 0.020, max(errors)
    # and silence right before each cue (so the onset is really the cue's)
    for cue in timeline["cues"]:
        before = audio[int((cue["start"] - 0.06) * 22050) : int((cue["start"] - 0.01) * 22050)]
        assert np.abs(before).max(initial=0) < 10 ** (-40 / 20), cue["text"]
    assert abs(len(audio) / 22050 - timeline["duration_seconds"]) < 0.06


def test_rep_and_hold_timing_in_the_decoded_audio(built) -> None:  # type: ignore[no-untyped-def]
    folder, _timeline, result = built
    audio = _decoded(folder / "quick.mp3")
    script = result.script
    reps = [c for c in script.cues if c.kind is CueKind.REP][:4]
    onsets = [_onset(audio, c.start) for c in reps]
    assert np.allclose(np.diff(onsets), 1.5, atol=0.02)
    hold = next(c for c in script.cues if c.kind is CueKind.HOLD)
    release = next(c for c in script.cues if c.kind is CueKind.RELEASE)
    assert abs(_onset(audio, release.start) - _onset(audio, hold.start) - 8.0) <= 0.02


def test_loudness_and_true_peak_of_the_mp3(built) -> None:  # type: ignore[no-untyped-def]
    folder, _, _result = built
    audio = _decoded(folder / "quick.mp3")
    assert integrated_loudness(audio, 22050) == pytest.approx(-16.0, abs=1.0)
    assert true_peak_db(audio) <= -1.0
    report = subprocess.run(
        [
            ffmpeg_exe(),
            "-hide_banner",
            "-nostats",
            "-i",
            str(folder / "quick.mp3"),
            "-af",
            "ebur128=peak=true",
            "-f",
            "null",
            "-",
        ],
        capture_output=True,
        text=True,
    )
    summary = report.stderr[report.stderr.rindex("Summary:") :]
    lufs = float(summary.split("I:")[1].split("LUFS")[0])
    peak = float(summary.split("Peak:")[1].split("dBFS")[0])
    assert lufs == pytest.approx(-16.0, abs=1.0) and peak <= -1.0


def test_tags_and_chapters(built) -> None:  # type: ignore[no-untyped-def]
    folder, timeline, _result = built
    tags = ID3(folder / "quick.mp3")
    assert str(tags["TIT2"]) == "Quick Test" and "piper" in str(tags["TPE1"])
    toc = tags.getall("CTOC")[0]
    assert toc.child_element_ids == ["chp0", "chp1", "chp2"]
    stored = tags.getall("CHAP")  # in the order they sit in the file
    assert [c.start_time for c in stored] == sorted(c.start_time for c in stored), "CHAP frames in time order"
    chapters = stored
    assert [str(c.sub_frames["TIT2"]) for c in chapters] == ["Welcome", "Leg Swings", "Wall Sit"]
    assert chapters[0].start_time == 0 and chapters[-1].end_time == round(timeline["duration_seconds"] * 1000)
    assert all(a.end_time == b.start_time for a, b in itertools.pairwise(chapters))
    for chap, expected in zip(chapters, timeline["chapters"], strict=True):
        assert abs(chap.start_time - expected["start"] * 1000) <= 1 and abs(chap.end_time - expected["end"] * 1000) <= 1
    listing = run_ffmpeg(["-i", str(folder / "quick.mp3"), "-f", "ffmetadata", "-"]).decode()
    assert listing.count("[CHAPTER]") == 3 and "title=Wall Sit" in listing
    assert listing.index("title=Welcome") < listing.index("title=Leg Swings") < listing.index("title=Wall Sit")
    srt = (folder / "quick.srt").read_text()
    assert srt.startswith("1\n00:00:00,") and "Leg Swings" in srt


def test_same_input_gives_byte_identical_mp3(tmp_path: Path, built) -> None:  # type: ignore[no-untyped-def]
    folder, _, _ = built
    routine = parse_routine(SHORT, "short.md")
    build(routine, Outputs(tmp_path / "again.mp3"), BuildOptions(cache_dir=tmp_path / "fresh-cache"))
    assert (tmp_path / "again.mp3").read_bytes() == (folder / "quick.mp3").read_bytes()


def test_a_failed_build_leaves_the_previous_mp3_untouched(
    tmp_path: Path,
    built: tuple[Path, dict[str, Any], BuildResult],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, _, _ = built
    target = tmp_path / "keep.mp3"
    target.write_bytes((folder / "quick.mp3").read_bytes())
    before = target.read_bytes()
    from guide.voices.piper import PiperEngine

    def broken(self, text):  # type: ignore[no-untyped-def]
        raise VoiceError("the engine fell over")

    monkeypatch.setattr(PiperEngine, "synthesize", broken)
    routine = parse_routine(SHORT.replace("Slide down the wall.", "A sentence never synthesized."), "short.md")
    with pytest.raises(VoiceError):
        build(routine, Outputs(target), BuildOptions(cache_dir=folder / "cache"))
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.mp3"]  # no temp file left behind


INTERVALS = """# Interval Test

## Tabata
rounds: 3
rest: 10s

### High Knees
work: 8s

Drive your knees up.

## Minute Drill
rounds: 2
every: 20s

### Squats
reps: 3
tempo: 1.5s

Sit back.
"""


@pytest.fixture(scope="module")
def intervals(tmp_path_factory: pytest.TempPathFactory) -> tuple[np.ndarray, object]:
    folder = tmp_path_factory.mktemp("intervals")
    routine = parse_routine(INTERVALS, "intervals.md")
    result = build(routine, Outputs(folder / "i.mp3"), BuildOptions(cache_dir=folder / "cache"))
    return _decoded(folder / "i.mp3"), result


def test_interval_grid_in_the_decoded_audio(intervals) -> None:  # type: ignore[no-untyped-def]
    audio, result = intervals
    cues = result.script.cues
    work = [_onset(audio, c.start) for c in cues if c.kind is CueKind.WORK]
    assert len(work) == 3 and np.allclose(np.diff(work), 18.0, atol=0.02)  # 8 s work + 10 s rest
    stops = [
        _onset(audio, c.start)
        for c in cues
        if c.kind in (CueKind.REST, CueKind.RELEASE)
        and c.chapter in {w.chapter for w in cues if w.kind is CueKind.WORK}
    ]
    assert np.allclose(np.array(stops[: len(work)]) - np.array(work), 8.0, atol=0.02)
    firsts = [_onset(audio, c.start) for c in cues if c.kind is CueKind.REP and c.text == ENGLISH.count(1)]
    assert len(firsts) == 2 and abs(firsts[1] - firsts[0] - 20.0) <= 0.02


KNEES_TABATA = """# Knees Tabata

## Tabata
rounds: 8
rest: 10s

### High Knees
work: 20s

Run on the spot and bring each knee up as high as you can.
"""


def test_descriptive_words_keep_a_tabata_exact_and_plan_equals_the_mp3(tmp_path: Path) -> None:
    """'bring each knee up' describes the movement: the Tabata stays one-sided, its work cues
    exactly 30 s apart in the decoded MP3, and `plan`'s total is the MP3's length within 1 %
    (docs/contracts.md#plan-json)."""
    routine = parse_routine(KNEES_TABATA, "knees.md")
    options = BuildOptions(cache_dir=tmp_path / "cache")
    result = build(routine, Outputs(tmp_path / "knees.mp3"), options)
    audio = _decoded(tmp_path / "knees.mp3")
    work = [_onset(audio, c.start) for c in result.script.cues if c.kind is CueKind.WORK]
    assert len(work) == 8
    assert np.allclose(np.diff(work), 30.0, atol=0.02)
    assert not [c for c in result.script.cues if c.kind is CueKind.SWITCH]
    planned = plan(routine, options).duration
    decoded = len(audio) / 22050
    assert abs(planned - decoded) <= 0.01 * decoded, (planned, decoded)
