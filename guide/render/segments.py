"""A guide encoded in segments, each cached by its content, spliced into one MP3.

Segments end at chapter starts, moved back into the silence before the chapter's first
cue and onto the MP3 frame grid (guide.audio.splice says why that is frame-exact). An edit
changes the segments its phrases are in; the others come from the cache, encoded once.
Segments are encoded two at a time: ffmpeg is one process per segment, and the machine
has cores to spare while one of them streams PCM.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .. import cachedir
from ..audio import splice
from ..files import new_temp_folder, read_regular_file
from ..fingerprint import fingerprint

WORKERS = 2
MAX_SEGMENT_BYTES = 256 * 1024 * 1024  # hours of audio at the highest bitrate; anything bigger is not ours


@dataclass(frozen=True)
class SegmentSettings:
    # Silence kept clear on each side of a boundary: the encoder delay (and a frame more)
    # before it, where a lone encode hears zeros, and a frame after it for the filterbank.
    silence_before: int = splice.DELAY + 2 * 576
    silence_after: int = 2 * 576


SEGMENTS = SegmentSettings()


@dataclass(frozen=True)
class Segment:
    start: int  # in samples; a multiple of the frame size
    end: int
    placements: tuple[tuple[int, str], ...]  # (onset within the segment, phrase)


def plan_segments(
    placements: Sequence[tuple[int, str]],
    lengths: Mapping[str, int],
    total: int,
    rate: int,
    cuts: Sequence[int],
    settings: SegmentSettings = SEGMENTS,
) -> list[Segment]:
    """Split [0, total) near each of `cuts` (sample positions, e.g. chapter starts) where the
    track is silent long enough; a cut with no such silence before it is skipped."""
    frame = splice.frame_samples(rate)
    bounds = [0]
    for cut in sorted(cuts):
        later = [start for start, _ in placements if start >= cut]
        if not later:
            continue
        onset = later[0]
        sound_before = max((start + lengths[text] for start, text in placements if start < onset), default=0)
        boundary = (onset - settings.silence_after) // frame * frame
        if boundary - settings.silence_before >= sound_before and boundary > bounds[-1]:
            bounds.append(boundary)
    bounds.append(total)
    segments = []
    for start, end in itertools.pairwise(bounds):
        inside = tuple((onset - start, text) for onset, text in placements if start <= onset < end)
        segments.append(Segment(start, end, inside))
    return segments


def segment_key(recipe: str, segment: Segment, gain_db: float, rate: int, bitrate_kbps: int) -> str:
    """What a segment's frames depend on: the render recipe (level, encoder, splice code and
    settings), the phrases' identity in `recipe`, the guide gain, and the layout."""
    return fingerprint(
        recipe, round(gain_db, 6), rate, bitrate_kbps, segment.end - segment.start, list(segment.placements)
    )


class SegmentCache:
    """Encoded segments by key in the cache folder `root` (guide.cachedir), each file a bare MP3
    stream (checked by parsing its frames). Temp files go where the cache sweeps them."""

    def __init__(self, root: Path, spare: Path | None = None) -> None:
        self.root = root
        self.spare = spare  # where encodes work when the cache cannot be written (swept there too)

    def _path(self, key: str) -> Path:
        return cachedir.entry_path(self.root, cachedir.SEGMENT, key)

    def get(self, key: str) -> bytes | None:
        path = self._path(key)
        try:
            data = read_regular_file(path, MAX_SEGMENT_BYTES)
            splice.frames_of(data)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                if path.is_symlink() or path.is_file():
                    path.unlink()
            return None
        with contextlib.suppress(OSError):
            os.utime(path)
        return data

    def put(self, key: str, data: bytes) -> None:
        with contextlib.suppress(OSError):  # a read-only cache only costs speed
            cachedir.store(self.root, self._path(key), data)

    def work_folder(self) -> Path:
        """A temp folder for one encode, swept by the next build if this one is killed."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            return new_temp_folder(self.root, "segment")
        except OSError:
            if self.spare is None:
                raise
            return new_temp_folder(self.spare, "segment")


def encode_segments(
    segments: Sequence[Segment],
    keys: Sequence[str],
    cache: SegmentCache,
    encode: Callable[[Segment, Path], None],
    done: Callable[[Segment], None],
) -> list[bytes]:
    """Each segment's encoded stream, from the cache or encoded (WORKERS at a time) and cached."""
    found: dict[int, bytes] = {}
    missing = []
    for index, key in enumerate(keys):
        data = cache.get(key)
        if data is None:
            missing.append(index)
        else:
            found[index] = data
            done(segments[index])

    def make(index: int) -> tuple[int, bytes]:
        folder = cache.work_folder()
        try:
            temp = folder / "segment.mp3"
            encode(segments[index], temp)
            data = temp.read_bytes()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        cache.put(keys[index], data)
        return index, data

    if len(missing) == 1:
        index, data = make(missing[0])  # inline: Ctrl-C stops at once
        found[index] = data
        done(segments[index])
    elif missing:
        with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="guide-encode") as pool:
            for index, data in pool.map(make, missing):
                found[index] = data
                done(segments[index])
    return [found[index] for index in range(len(segments))]
