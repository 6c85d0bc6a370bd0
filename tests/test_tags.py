"""The ID3 tag, assembled from frames mutagen serializes through its public API, and the
stamp read back from it (docs/contracts.md#output)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mutagen.id3 import ID3

from guide.build import BuildOptions, plan
from guide.render import tags
from guide.render.tags import RenderStamp, read_stamp, tag_frames, write_tags
from guide.routine import builtin_text, parse_routine
from guide.script import Script

AUDIO = b"\xff\xfb\x90\x00" + bytes(400)  # stands in for MP3 frames: the tag goes in front
TINY = "# T\n\n## Squat\nreps: 2\n"


@pytest.fixture(scope="module")
def script() -> Script:
    routine = parse_routine(builtin_text("post-run-strength-circuit"), "circuit.md")
    return plan(routine, BuildOptions())


def tagged(path: Path, script: Script, stamp: RenderStamp) -> Path:
    path.write_bytes(AUDIO)
    write_tags(path, script, "Piper test", stamp)
    return path


def test_the_tag_reads_back_whole_with_chapters_in_time_order(tmp_path: Path, script: Script) -> None:
    stamp = RenderStamp("k" * 64, len(AUDIO), "circuit.md")
    path = tagged(tmp_path / "g.mp3", script, stamp)
    read = ID3(path)
    expected = tag_frames(script, "Piper test", stamp)
    assert sorted(read.keys()) == sorted(frame.HashKey for frame in expected)
    for frame in expected:
        assert read[frame.HashKey] == frame
    data = path.read_bytes()
    order = [data.index(f"chp{i}".encode() + b"\x00", data.index(b"CHAP")) for i in range(len(script.chapters))]
    assert order == sorted(order) and len(script.chapters) > 10
    assert data[read.size :] == AUDIO  # the tag's own size field says where the audio starts


def test_each_frame_is_serialized_as_id3_save_writes_it(tmp_path: Path, script: Script) -> None:
    """The public-API route (a one-frame tag, no padding) gives the bytes mutagen itself writes."""
    frames = tag_frames(script, "Piper test", RenderStamp("k", 1, "r.md"))
    for frame in frames:
        path = tmp_path / "one.mp3"
        path.write_bytes(b"")
        one = ID3()
        one.add(frame)
        one.save(path, v1=0, padding=lambda _info: 0)
        assert path.read_bytes()[tags.ID3_HEADER_BYTES :] == tags.frame_bytes(frame)


def test_a_stamp_survives_the_round_trip_and_notices_truncation(tmp_path: Path, script: Script) -> None:
    digest = hashlib.sha256(AUDIO).hexdigest()
    stamp = RenderStamp("abc", len(AUDIO), "circuit.md", audio_sha256=digest)
    path = tagged(tmp_path / "g.mp3", script, stamp)
    assert read_stamp(path) == stamp
    whole = path.read_bytes()
    path.write_bytes(whole[:-10])
    assert read_stamp(path) == RenderStamp("abc", len(AUDIO), "circuit.md", whole=False, audio_sha256=digest)
    path.write_bytes(whole[:-20] + b"\x01" * 10 + whole[-10:])  # the same length, a damaged middle
    assert read_stamp(path) == RenderStamp("abc", len(AUDIO), "circuit.md", whole=False, audio_sha256=digest)


@settings(max_examples=150, deadline=None)
@given(junk=st.binary(max_size=200), cut=st.integers(min_value=0, max_value=60))
def test_anything_that_is_not_a_guide_mp3_reads_as_none(
    tmp_path_factory: pytest.TempPathFactory, junk: bytes, cut: int
) -> None:
    folder = tmp_path_factory.mktemp("junk")
    whole = tagged(folder / "whole.mp3", plan(parse_routine(TINY, "t.md"), BuildOptions()), RenderStamp("k", 9, "r"))
    samples = {"junk.mp3": junk, "id3-junk.mp3": b"ID3\x04\x00\x00" + junk, "cut.mp3": whole.read_bytes()[:cut]}
    for name, data in samples.items():
        (folder / name).write_bytes(data)
        assert read_stamp(folder / name) is None, (name, data[:40])


def test_no_file_a_folder_or_a_fifo_is_not_a_guide_mp3(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.mp3")
    (tmp_path / "folder.mp3").mkdir()
    for name in ("missing.mp3", "pipe.mp3", "folder.mp3"):
        assert read_stamp(tmp_path / name) is None


def test_a_stamp_with_a_non_decimal_size_is_not_a_guide_mp3(tmp_path: Path, script: Script) -> None:
    path = tagged(tmp_path / "g.mp3", script, RenderStamp("k", 1, "r"))
    tag = ID3(path)
    tag.getall(f"TXXX:{tags.BYTES_DESC}")[0].text = ["²"]  # a digit to str.isdigit, not to int()
    tag.save(path)
    assert read_stamp(path) is None


def test_a_bug_while_reading_is_not_mistaken_for_a_foreign_file(
    tmp_path: Path, script: Script, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only mutagen's and the file system's errors mean "not a guide MP3"; anything else is a bug
    and must show, not silently force a rebuild."""
    path = tagged(tmp_path / "g.mp3", script, RenderStamp("k", len(AUDIO), "r"))

    def broken(_path: Path) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(tags, "ID3", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        read_stamp(path)
