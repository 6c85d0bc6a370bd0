"""Cues + phrase samples -> one MP3 (levelled, tagged, with chapters) and its sidecars.

A face over guide.audio (the signal work) and guide.files (safe writes).
"""

from __future__ import annotations

import contextlib
import math
import shutil
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..audio.ffmpeg import DEFAULT_BITRATE, MP3_BITRATES
from ..files import Staged, new_temp_file, new_temp_folder, produce_atomically
from ..fingerprint import code_digest, fingerprint, package_version, source_digest
from ..progress import SILENT, Progress
from ..script import Script
from . import tags as tags_module
from .segments import Segment, SegmentCache, encode_segments, plan_segments, segment_key
from .sidecars import SUBTITLE_FORMATS, check_subtitle_path, write_subtitles, write_timeline
from .tags import clean_tag_text, read_stamp, stamp_of_audio, write_tags

if TYPE_CHECKING:
    from ..audio.level import LevelReport

ENCODE_CHUNK = 1 << 16

# How an MP3 is made from phrases: the code that levels and encodes, whose sources also hold
# the settings (LEVEL, ENCODER). Part of every render key. The modules are named, not
# imported, so checking that an MP3 is up to date loads no numpy.
AUDIO_MODULES = ("level", "loudness", "dsp", "ffmpeg", "mix", "pcm", "splice")
RENDER_RECIPE = fingerprint(
    [source_digest(f"guide.audio.{name}") for name in AUDIO_MODULES],
    source_digest("guide.render.segments"),
    code_digest(tags_module),
    code_digest(sys.modules[__name__]),
    package_version("imageio-ffmpeg"),
)

__all__ = [
    "DEFAULT_BITRATE",
    "MP3_BITRATES",
    "track_chunks",
    "RENDER_RECIPE",
    "RenderResult",
    "SUBTITLE_FORMATS",
    "check_subtitle_path",
    "clean_tag_text",
    "render_key",
    "render_mp3",
    "write_subtitles",
    "write_timeline",
]


@dataclass(frozen=True)
class RenderResult:
    path: Path
    duration: float
    size: int
    chapters: int
    level: LevelReport | None  # None when the file was already up to date
    replaced_source: str | None = None  # the routine an overwritten guide MP3 was made from, if another

    @property
    def up_to_date(self) -> bool:
        """The file already held exactly this render; nothing was encoded."""
        return self.level is None


def render_key(script: Script, voice_id: str, voice_label: str, bitrate_kbps: int) -> str:
    """Everything the MP3's bytes depend on. `voice_id` identifies the phrases' audio (voice +
    how phrases are made), so the key changes whenever any clip would."""
    cues = [(c.text, round(c.start, 6), round(c.duration, 6)) for c in script.cues]
    chapters = [(c.title, round(c.start, 6), round(c.end, 6)) for c in script.chapters]
    return fingerprint(
        RENDER_RECIPE, voice_id, voice_label, bitrate_kbps, script.title, round(script.duration, 6), cues, chapters
    )


def render_mp3(
    script: Script,
    clips: Mapping[str, bytes],
    rate: int,
    path: Path,
    voice_label: str,
    bitrate_kbps: int = DEFAULT_BITRATE,
    voice_id: str = "",
    force: bool = False,
    source: str = "",
    progress: Progress = SILENT,
    segment_cache: Path | None = None,
    staged: Staged | None = None,
) -> RenderResult:
    """Lay every cue's phrase (16-bit mono PCM) at its onset, level, encode, tag; `path`
    appears only when done.

    When `path` already holds this exact render, whole (same key, audio length and hash), it
    is left alone. The audio is encoded in segments that meet in silence at chapter starts;
    each is kept in the cache folder `segment_cache` (by content) and spliced, so an edit
    re-encodes only the segments it touches. With `staged`, the MP3 is left as a temp file in
    it for the caller to rename together with its sidecars (the returned size is the temp's).
    Raises OutputError when `path` cannot be written, FfmpegError when encoding fails.
    """
    key = render_key(script, voice_id or voice_label, voice_label, bitrate_kbps)
    previous = read_stamp(path)
    if not force and previous is not None and previous.key == key and previous.whole:
        return RenderResult(path, script.duration, path.stat().st_size, len(script.chapters), None)
    from ..audio.ffmpeg import ENCODER
    from ..audio.level import level_guide
    from ..audio.pcm import pcm16, samples_of_pcm

    placements = [(round(cue.start * rate), cue.text) for cue in script.cues]
    progress.stage("levelling", 1)
    levelled = level_guide({text: samples_of_pcm(clips[text]) for text in script.phrases}, placements, rate)
    progress.advance(1)
    pcm = {text: pcm16(x / ENCODER.playback_gain) for text, x in levelled.phrases.items()}
    report = levelled.report
    del levelled  # the float phrases: only their PCM is encoded, and a long guide's peak memory counts
    total = round(script.duration * rate)
    recipe = fingerprint(RENDER_RECIPE, voice_id or voice_label)
    lengths = {text: len(data) // 2 for text, data in pcm.items()}
    cuts = [round(chapter.start * rate) for chapter in script.chapters[1:]]
    segments = plan_segments(placements, lengths, total, rate, cuts)

    made: list[Path] = []

    def make(temp: Path) -> None:
        progress.stage("encoding", math.ceil(total / rate))
        with contextlib.ExitStack() as stack:
            # Without a cache, segments live in a temp folder beside the MP3 (swept if killed).
            folder = segment_cache or stack.enter_context(_temp_folder(temp.parent))
            keys = [segment_key(recipe, s, report.gain_db, rate, bitrate_kbps) for s in segments]
            encoded = encode_segments(
                segments,
                keys,
                SegmentCache(folder, spare=temp.parent),
                lambda s, to: _encode(s, pcm, rate, bitrate_kbps, to),
                lambda s: progress.advance(round((s.end - s.start) / rate)),
            )
        _join(encoded, segments, rate, temp)
        write_tags(temp, script, voice_label, stamp_of_audio(temp, key, source))
        made.append(temp)

    if staged is None:
        produce_atomically(path, make)
        size = path.stat().st_size
    else:
        staged.produce(path, make)
        size = made[0].stat().st_size
    replaced = previous.source if previous is not None and previous.source and previous.source != source else None
    return RenderResult(path, script.duration, size, len(script.chapters), report, replaced)


@contextlib.contextmanager
def _temp_folder(beside: Path) -> Iterator[Path]:
    folder = new_temp_folder(beside, "segments")
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _encode(segment: Segment, pcm: Mapping[str, bytes], rate: int, bitrate_kbps: int, target: Path) -> None:
    from ..audio import mix
    from ..audio.ffmpeg import encode_mp3

    encode_mp3(mix.track_chunks(segment.placements, pcm, segment.end - segment.start), rate, bitrate_kbps, target)


def _join(encoded: list[bytes], segments: list[Segment], rate: int, target: Path) -> None:
    """Splice the segments' frames; ffmpeg's muxer (stream copy) writes the Info frame's frame
    count, size, seek table and checksums, and we put the whole's end padding back in it."""
    from ..audio import splice
    from ..audio.ffmpeg import run_ffmpeg

    info, frames = splice.splice([(data, s.end - s.start) for data, s in zip(encoded, segments, strict=True)], rate)
    encoded.clear()
    spliced = new_temp_file(target.parent, "spliced")  # swept by the next build if this one is killed
    try:
        with spliced.open("wb") as handle:  # a file, not one joined bytes object: memory stays flat
            handle.write(info)
            handle.writelines(frames)
        count = len(frames)
        del frames
        run_ffmpeg(
            [
                "-f",
                "mp3",
                "-i",
                str(spliced),
                "-c:a",
                "copy",
                "-map_metadata",
                "-1",
                "-id3v2_version",
                "0",
                "-write_id3v1",
                "0",
                "-fflags",
                "+bitexact",
                "-y",
                "-f",
                "mp3",
                str(target),
            ],
            what=f"cannot write {target}",
        )
    finally:
        spliced.unlink(missing_ok=True)
    with target.open("r+b") as handle:
        head = handle.read(4096)  # the Info frame is the stream's first
        info = head[: splice.frame_size(head)]
        handle.seek(0)
        handle.write(splice.with_padding(info, splice.padding_of(count, segments[-1].end, rate)))
