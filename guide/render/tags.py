"""ID3v2.4 tags: title, artist, album, one CHAP per chapter in time order plus a CTOC, and
a stamp saying what the audio was made from and how long it is.

mutagen's `ID3.save` orders frames by size, which puts chapters out of time order (some
players list CHAP frames in file order), so the tag is assembled here in the order we
choose, from frames each serialized by mutagen's public API (a tag of one frame, saved
without padding, less its header).
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
from dataclasses import dataclass
from pathlib import Path

from mutagen import MutagenError
from mutagen.id3 import CHAP, CTOC, ID3, TALB, TCON, TIT2, TPE1, TXXX, CTOCFlags, Frame

from ..script import Script

MAX_TAG_CHARS = 200
ID3_HEADER_BYTES = 10
KEY_DESC, BYTES_DESC, SOURCE_DESC = "guide render key", "guide audio bytes", "guide routine"
HASH_DESC = "guide audio sha256"


def clean_tag_text(text: str) -> str:
    """Untrusted text made safe for a tag: no control characters, one line, bounded."""
    text = re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", text)
    return " ".join(text.split())[:MAX_TAG_CHARS] or "Untitled"


@dataclass(frozen=True)
class RenderStamp:
    key: str  # render_key: everything the audio depends on
    audio_bytes: int  # the MP3 audio after the tag, so a truncated file is never "up to date"
    source: str  # which routine it was made from
    whole: bool = True  # the audio after the tag is exactly what guide wrote (length and hash)
    audio_sha256: str = ""  # of the audio after the tag, so a damaged middle is never "up to date"


def _syncsafe(size: int) -> bytes:
    return bytes(((size >> shift) & 0x7F) for shift in (21, 14, 7, 0))


def tag_frames(script: Script, voice_label: str, stamp: RenderStamp) -> list[Frame]:
    title = clean_tag_text(script.title)
    ids = [f"chp{i}" for i in range(len(script.chapters))]
    frames: list[Frame] = [
        TIT2(encoding=3, text=[title]),
        TPE1(encoding=3, text=[clean_tag_text(f"guide ({voice_label})")]),
        TALB(encoding=3, text=["guide workouts"]),
        TCON(encoding=3, text=["Fitness"]),
        TXXX(encoding=3, desc=KEY_DESC, text=[stamp.key]),
        TXXX(encoding=3, desc=BYTES_DESC, text=[str(stamp.audio_bytes)]),
        TXXX(encoding=3, desc=SOURCE_DESC, text=[clean_tag_text(stamp.source)]),
        CTOC(
            element_id="toc",
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=ids,
            sub_frames=[TIT2(encoding=3, text=[title])],
        ),
    ]
    if stamp.audio_sha256:
        frames.insert(7, TXXX(encoding=3, desc=HASH_DESC, text=[stamp.audio_sha256]))
    for element_id, chapter in zip(ids, script.chapters, strict=True):
        frames.append(
            CHAP(
                element_id=element_id,
                start_time=round(chapter.start * 1000),
                end_time=round(chapter.end * 1000),
                start_offset=0xFFFFFFFF,  # no byte offsets: players seek by time
                end_offset=0xFFFFFFFF,
                sub_frames=[TIT2(encoding=3, text=[clean_tag_text(chapter.title)])],
            )
        )
    return frames


def frame_bytes(frame: Frame) -> bytes:
    """One frame as ID3v2.4 bytes, exactly as `ID3.save` writes it among others."""
    tag = ID3()
    tag.add(frame)
    buffer = io.BytesIO()
    tag.save(buffer, v1=0, v2_version=4, padding=lambda _info: 0)
    return buffer.getvalue()[ID3_HEADER_BYTES:]


def stamp_of_audio(path: Path, key: str, source: str) -> RenderStamp:
    """The stamp for the bare MP3 audio at `path`: its length and hash, so a file cut short or
    damaged in the middle is never taken as up to date."""
    return RenderStamp(key, path.stat().st_size, source, audio_sha256=_audio_digest(path, 0) or "")


def write_tags(path: Path, script: Script, voice_label: str, stamp: RenderStamp) -> None:
    """Put the tag in front of the bare MP3 audio at `path` (which has no tag yet)."""
    audio = path.read_bytes()
    body = b"".join(frame_bytes(frame) for frame in tag_frames(script, voice_label, stamp))
    header = b"ID3" + struct.pack(">BBB", 4, 0, 0) + _syncsafe(len(body))
    with path.open("wb") as handle:
        handle.write(header + body)
        handle.write(audio)


def read_stamp(path: Path) -> RenderStamp | None:
    """The stamp of a guide MP3 at `path`; None if it is not one (or not a regular file)."""
    try:
        if not path.is_file():
            return None
        tags = ID3(path)
        size = path.stat().st_size
    except (MutagenError, OSError):  # no tag, or one mutagen cannot read: not a guide MP3
        return None

    def text(desc: str) -> str:
        frames = tags.getall(f"TXXX:{desc}")
        return str(frames[0].text[0]) if frames and frames[0].text else ""

    key, audio_bytes, digest = text(KEY_DESC), text(BYTES_DESC), text(HASH_DESC)
    if not key or not audio_bytes.isdecimal():
        return None
    whole = size - tags.size == int(audio_bytes) and bool(digest) and _audio_digest(path, tags.size) == digest
    return RenderStamp(key, int(audio_bytes), text(SOURCE_DESC), whole, digest)


def _audio_digest(path: Path, offset: int) -> str | None:
    """The sha256 of everything after the tag (a 60-minute guide's 29 MB in a few tens of ms)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            handle.seek(offset)
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()
