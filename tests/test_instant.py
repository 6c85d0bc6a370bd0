"""Start-up costs only what a command needs, and nothing is synthesized that is not heard."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from pydub import AudioSegment

from guide.build import BuildOptions, Outputs, build, plan, prepare
from guide.routine import builtin_text, parse_routine
from guide.script import CueKind

from .test_cache import CountingVoice

HEAVY = ("scipy", "onnxruntime", "piper", "gtts", "pydub", "pyloudnorm", "numpy", "rich")

_PROBE = """
import contextlib, io, json, os, runpy, sys
sys.argv = ["guide", *json.loads(sys.argv[1])]
code = None


def exit_here(status):  # guide ends with os._exit; the probe still has to report
    raise SystemExit(status)


os._exit = exit_here
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        runpy.run_module("guide", run_name="__main__")
    except SystemExit as stop:
        code = stop.code
print(json.dumps({"code": code, "modules": sorted({m.split(".")[0] for m in sys.modules})}))
"""


def imported_by(*args: str) -> tuple[object, set[str]]:
    """Run `guide ARGS` in a fresh interpreter; its exit code and the top-level packages it imported."""
    done = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(args)], capture_output=True, text=True, check=True)
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    return answer["code"], set(answer["modules"]) & set(HEAVY)


def test_help_and_plan_import_no_audio_or_voice_library() -> None:
    assert imported_by("--help") == (0, set())
    assert imported_by("plan") == (0, set())
    assert imported_by("build", "--help") == (0, set())


@pytest.mark.e2e
def test_an_unchanged_build_loads_no_model_and_no_signal_library(tmp_path: Path) -> None:
    routine = tmp_path / "r.md"
    routine.write_text("# T\n\n## Squats\nreps: 2\ntempo: 1s\nsetup: 1s\n\nSquat down.\n")
    args = ("build", str(routine), "-o", str(tmp_path / "r.mp3"), "--cache-dir", str(tmp_path / "cache"), "-q")
    code, first = imported_by(*args)
    assert code == 0 and {"onnxruntime", "numpy"} <= first  # the probe sees a real build
    assert imported_by(*args) == (0, set())


@pytest.mark.e2e
def test_an_edit_build_loads_no_scipy(tmp_path: Path) -> None:
    """Levelling is numpy alone (guide.audio.dsp): scipy.signal's import alone cost more than it."""
    routine = tmp_path / "r.md"
    routine.write_text("# T\n\n## Squats\nreps: 2\ntempo: 1s\nsetup: 1s\n\nSquat down.\n")
    args = ("build", str(routine), "-o", str(tmp_path / "r.mp3"), "--cache-dir", str(tmp_path / "cache"), "-q")
    assert imported_by(*args)[0] == 0
    routine.write_text(routine.read_text().replace("Squat down.", "Squat down slowly."))
    code, edit = imported_by(*args)
    assert code == 0 and "numpy" in edit  # the edit levels and encodes again
    assert not edit & {"scipy", "pyloudnorm"}


class SlowCountingVoice(CountingVoice):
    """Speaks slower than `plan` estimates (0.15 s a character), so the welcome's stated length
    changes from the estimate's; the cues' choice of words does not."""

    def synthesize(self, text: str) -> AudioSegment:
        with self._lock:
            self.calls.append(text)
        samples = int(0.15 * len(text) * self.sample_rate)
        pcm = (0.3 * np.sin(2 * np.pi * 440 * np.arange(samples) / self.sample_rate) * 32767).astype("<i2")
        return AudioSegment(data=pcm.tobytes(), sample_width=2, frame_rate=self.sample_rate, channels=1)


def test_only_phrases_that_reach_the_mp3_are_synthesized(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    voice = SlowCountingVoice()
    monkeypatch.setattr("guide.voices.open_voice", lambda spec, rate=1.0: voice)
    routine = parse_routine(builtin_text(), "builtin")
    options = BuildOptions(cache_dir=tmp_path / "cache")
    estimated = next(c.text for c in plan(routine, options).cues if c.kind is CueKind.WELCOME)
    ready = prepare(routine, options)
    welcome = next(c.text for c in ready.script.cues if c.kind is CueKind.WELCOME)
    assert welcome != estimated, "the slow voice must move the stated length, or this proves nothing"
    assert sorted(voice.calls) == sorted(ready.script.phrases)  # each once, and only what is said
    assert ready.synthesized == len(ready.script.phrases)


def test_the_welcome_is_synthesized_once_in_a_real_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    voice = SlowCountingVoice()
    monkeypatch.setattr("guide.voices.open_voice", lambda spec, rate=1.0: voice)
    result = build(
        parse_routine(builtin_text(), "builtin"),
        Outputs(tmp_path / "g.mp3"),
        BuildOptions(cache_dir=tmp_path / "cache"),
    )
    welcome = next(c.text for c in result.script.cues if c.kind is CueKind.WELCOME)
    said = [text for text in voice.calls if text.startswith(welcome.split(".")[0])]  # the title opens it
    assert said == [welcome]


EDITABLE = """# Splice

## Leg Swings
sides: each
reps: 3
tempo: 1.5s
setup: 2s

Swing one leg forward and back.

## Wall Sit
hold: 6s
setup: 2s

Slide down the wall.

## Calf Raise
reps: 3
tempo: 1.5s
setup: 2s

Rise onto your toes.
"""


def _decoded_onsets(path: Path, starts: list[float], rate: int = 22050) -> list[float]:
    from guide.audio.ffmpeg import decode_to_pcm

    audio = np.abs(np.frombuffer(decode_to_pcm(path.read_bytes(), rate), dtype="<i2").astype(np.float32) / 32768)
    onsets = []
    for start in starts:
        lo = max(0, int((start - 0.1) * rate))
        loud = np.flatnonzero(audio[lo : int((start + 0.1) * rate)] > 10 ** (-45 / 20))
        onsets.append((lo + loud[0]) / rate if loud.size else float("nan"))
    return onsets


@pytest.mark.e2e
def test_an_edit_reuses_segments_and_decodes_like_a_fresh_encode(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(parse_routine(EDITABLE, "s.md"), Outputs(tmp_path / "a.mp3"), BuildOptions(cache_dir=cache))
    segments = set((cache / "segments").glob("*/*.mp3"))
    assert len(segments) >= 3, "one segment per chapter"
    # An edit that keeps the guide gain on its 0.25 dB step (one that moves it re-encodes all).
    edited = parse_routine(EDITABLE.replace("Rise onto your toes.", "Rise up onto your toes."), "s.md")
    spliced = build(edited, Outputs(tmp_path / "a.mp3"), BuildOptions(cache_dir=cache))
    new = set((cache / "segments").glob("*/*.mp3")) - segments
    assert len(new) == 1, "only the edited chapter's segment is encoded again"
    fresh_cache = tmp_path / "fresh"
    fresh = build(edited, Outputs(tmp_path / "b.mp3"), BuildOptions(cache_dir=fresh_cache))
    assert (tmp_path / "a.mp3").read_bytes() == (tmp_path / "b.mp3").read_bytes()  # cached or not, same bytes
    starts = [cue.start for cue in spliced.script.cues]
    assert starts == [cue.start for cue in fresh.script.cues]
    onsets = _decoded_onsets(tmp_path / "a.mp3", starts)
    assert max(abs(onset - start) for onset, start in zip(onsets, starts, strict=True)) <= 0.020
