"""Faults and untrusted text: the previous MP3 survives, temp files vanish, tags stay clean."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mutagen.id3 import ID3
from typer.testing import CliRunner

import guide.audio.mix as mix
from guide.build import BuildOptions, Outputs, build
from guide.cli import app
from guide.routine import parse_routine
from guide.voices import open_voice
from guide.voices.piper import bundled_model

pytestmark = pytest.mark.e2e

TEXT = "# Fault Test\n\n## Squats\nreps: 2\ntempo: 1s\nsetup: 1s\n\nSquat down.\n"


def test_ctrl_c_during_encode_keeps_the_previous_mp3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "guide.mp3"
    options = BuildOptions(cache_dir=tmp_path / "cache")
    build(parse_routine(TEXT, "f.md"), Outputs(target), options)
    before = target.read_bytes()
    real_chunks = mix.track_chunks

    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        for i, chunk in enumerate(real_chunks(*args, **kwargs)):
            if i == 5:
                raise KeyboardInterrupt
            yield chunk

    monkeypatch.setattr(mix, "track_chunks", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(parse_routine(TEXT.replace("reps: 2", "reps: 3"), "f.md"), Outputs(target), options)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "guide.mp3"]
    monkeypatch.setattr(mix, "track_chunks", real_chunks)
    assert build(parse_routine(TEXT.replace("reps: 2", "reps: 3"), "f.md"), Outputs(target), options).size > 0


def test_ctrl_c_in_the_cli_is_one_line_and_nothing_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    routine = tmp_path / "r.md"
    routine.write_text(TEXT)

    def interrupt(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr("guide.cli.build_file", interrupt)
    result = CliRunner().invoke(app, ["build", str(routine), "-o", str(tmp_path / "x.mp3")])
    assert result.exit_code == 130 and result.output.startswith("error: interrupted")
    assert not (tmp_path / "x.mp3").exists()


def test_untrusted_titles_are_sanitised_in_tags_and_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = '# ../../Evil "Title"\x07 with\ttabs\n\n## Up\x1b[2J../../x\nreps: 2\ntempo: 1s\nsetup: 1s\n\nGo.\n'
    routine = tmp_path / "evil.md"
    routine.write_text(text)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["build", str(routine), "--cache-dir", str(tmp_path / "cache"), "-q"])
    assert result.exit_code == 0, result.output
    made = list((tmp_path / "output").iterdir())
    assert [p.name for p in made] == ["evil-title-with-tabs.mp3"]
    tags = ID3(made[0])
    assert str(tags["TIT2"]) == '../../Evil "Title" with tabs'
    chapter = tags.getall("CHAP")[0]
    assert "\x1b" not in str(chapter.sub_frames["TIT2"])
    assert not any(Path(tmp_path.parent).glob("x*.mp3"))


def test_any_piper_voice_file(tmp_path: Path) -> None:
    model = tmp_path / "mine.onnx"
    os.symlink(bundled_model(), model)
    os.symlink(f"{bundled_model()}.json", f"{model}.json")
    voice = open_voice(f"piper:{model}")
    assert voice.label == "piper mine" and voice.sample_rate == 22050
    assert voice.synthesize("Hi.").duration_seconds > 0.1
    (tmp_path / "nojson.onnx").write_bytes(b"x")
    from guide.errors import VoiceError

    with pytest.raises(VoiceError, match="needs a readable config"):
        open_voice(f"piper:{tmp_path / 'nojson.onnx'}")


def test_two_build_processes_sharing_one_cache(tmp_path: Path) -> None:
    import subprocess
    import sys

    routine = tmp_path / "r.md"
    routine.write_text(TEXT.replace("Squat down.", "Squat down, then stand up tall."))
    command = [sys.executable, "-m", "guide", "build", str(routine), "--cache-dir", str(tmp_path / "cache"), "-q"]
    runs = [
        subprocess.Popen(
            [*command, "-o", str(tmp_path / f"{name}.mp3")], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for name in ("a", "b")
    ]
    for run in runs:
        _out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
    assert (tmp_path / "a.mp3").read_bytes() == (tmp_path / "b.mp3").read_bytes()
    assert not list((tmp_path / "cache").glob("*/.tmp-*"))
