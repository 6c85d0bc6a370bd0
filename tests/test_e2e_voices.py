"""Real offline builds with Kokoro, in English and in Spanish, with the network cut off:
the decoded MP3 keeps every promise a Piper build keeps."""

from __future__ import annotations

import itertools
import socket
from pathlib import Path

import numpy as np
import pytest
from mutagen.id3 import ID3

from guide.audio.loudness import integrated_loudness, true_peak_db
from guide.build import BuildOptions, Outputs, build
from guide.routine import parse_routine
from guide.script import CueKind

from .test_e2e import _decoded, _onset

pytestmark = pytest.mark.e2e

ENGLISH = """# Quick Test

## Leg Swings
sides: each
reps: 3
tempo: 2s
setup: 2s

Swing one leg forward and back.

## Wall Sit
hold: 8s
setup: 2s
"""

SPANISH = """# Prueba rápida

## Balanceo de piernas
sides: each
reps: 3
tempo: 2s
setup: 2s

Balancea una pierna adelante y atrás.

## Sentadilla en la pared
hold: 8s
setup: 2s
"""


GERMAN = """# Schnelltest

## Beinschwingen
sides: each
reps: 3
tempo: 2s
setup: 2s

Schwing ein Bein vor und zurück.

## Wandsitz
hold: 8s
setup: 2s
"""


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("the network is unreachable in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.usefixtures("offline")
@pytest.mark.parametrize(
    ("voice", "text", "welcome", "first_count", "rate"),
    [
        ("kokoro:af_heart", ENGLISH, "Welcome", "One!", 24000),
        ("kokoro:ef_dora", SPANISH, "Bienvenida", "¡Uno!", 24000),
        ("espeak:de", GERMAN, "Willkommen", "Eins!", 22050),
    ],
)
def test_offline_voices_keep_every_promise(
    tmp_path: Path, voice: str, text: str, welcome: str, first_count: str, rate: int
) -> None:
    routine = parse_routine(text, "quick.md")
    options = BuildOptions(voice=voice, cache_dir=tmp_path / "cache")
    result = build(routine, Outputs(tmp_path / "quick.mp3"), options)
    assert result.script.cues[0].text.startswith(routine.title)
    audio = _decoded(tmp_path / "quick.mp3", rate)
    cues = result.script.cues
    # timing: every cue where the timeline says, silence before it, reps a tempo apart, the hold exact
    errors = [abs(_onset(audio, cue.start, rate) - cue.start) for cue in cues]
    assert max(errors) <= 0.020, max(errors)
    reps = [_onset(audio, c.start, rate) for c in cues if c.kind is CueKind.REP][:3]
    assert cues[[c.kind for c in cues].index(CueKind.REP)].text == first_count
    assert np.allclose(np.diff(reps), 2.0, atol=0.02)
    hold = next(c for c in cues if c.kind is CueKind.HOLD)
    release = next(c for c in cues if c.kind is CueKind.RELEASE)
    assert abs(_onset(audio, release.start, rate) - _onset(audio, hold.start, rate) - 8.0) <= 0.02
    # level
    assert integrated_loudness(audio, rate) == pytest.approx(-16.0, abs=1.0)
    assert true_peak_db(audio) <= -1.0
    # chapters in time order, covering the file, named in the coach's language
    chapters = ID3(tmp_path / "quick.mp3").getall("CHAP")
    assert [str(c.sub_frames["TIT2"]) for c in chapters] == [welcome, *[e.name for e in routine.exercises]]
    assert chapters[0].start_time == 0 and chapters[-1].end_time == round(result.script.duration * 1000)
    assert all(a.end_time == b.start_time for a, b in itertools.pairwise(chapters))
    # the same routine, options and voice, synthesized afresh: the same bytes
    again = build(routine, Outputs(tmp_path / "again.mp3"), BuildOptions(voice=voice, cache_dir=tmp_path / "fresh"))
    assert again.synthesized == result.synthesized > 0
    assert (tmp_path / "again.mp3").read_bytes() == (tmp_path / "quick.mp3").read_bytes()
