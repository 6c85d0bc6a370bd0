"""MP3 frames, cut and joined: a guide is encoded in segments that meet in silence, and the
segments' frames are spliced into one stream, so an edit re-encodes only its own segment.

Why this is frame-exact: LAME's output frame i holds the input samples from
i*FRAME - (ENCODER_DELAY + DECODER_DELAY) on. A segment that starts at a multiple of FRAME
in the track and is encoded alone therefore yields, frame for frame, the frames a
whole-track encode yields there, as long as the track is silent wherever the two differ:
the DELAY samples before the segment's start (a lone encode sees zeros there) and its
last DELAY samples (they belong to frames after the segment's own, which are dropped).
Every frame a segment encode begins with has main_data_begin = 0, so the bit reservoir
never reaches across a splice. One Info (Xing/LAME) frame in front says the encoder
delay and the padding of the whole, so a gapless decoder plays sample 0 at time 0.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass

ENCODER_DELAY = 576  # LAME's, written in the Info frame
DECODER_DELAY = 529  # added by every MP3 decoder
DELAY = ENCODER_DELAY + DECODER_DELAY

_BITRATES = {  # kbps by index, layer III
    1: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),  # MPEG-1
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),  # MPEG-2 and 2.5
}
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def frame_samples(rate: int) -> int:
    """Samples per layer III frame: 1152 for MPEG-1 rates, 576 below 32 kHz."""
    return 1152 if rate >= 32000 else 576


@dataclass(frozen=True)
class Frame:
    offset: int
    size: int


def frame_size(head: bytes, offset: int = 0) -> int:
    """The size in bytes of the layer III frame whose 4-byte header is `head`. Raises ValueError."""
    header = int.from_bytes(head[:4], "big")
    version = (header >> 19) & 3
    if header >> 21 != 0x7FF or (header >> 17) & 3 != 1 or version == 1:
        raise ValueError(f"no layer III frame at byte {offset}")
    bitrate = _BITRATES[1 if version == 3 else 2][(header >> 12) & 15] * 1000
    rate = _RATES[version][(header >> 10) & 3] if (header >> 10) & 3 < 3 else 0
    if not bitrate or not rate:
        raise ValueError(f"a free-format or reserved frame at byte {offset}")
    return (144 if version == 3 else 72) * bitrate // rate + ((header >> 9) & 1)


def frames_of(data: bytes) -> list[Frame]:
    """Every frame of a bare layer III stream (no ID3). Raises ValueError on anything else."""
    frames: list[Frame] = []
    offset = 0
    while offset < len(data):
        if len(data) - offset < 4:
            raise ValueError(f"a truncated frame header at byte {offset}")
        size = frame_size(data[offset : offset + 4], offset)
        if offset + size > len(data):
            raise ValueError(f"a truncated frame at byte {offset}")
        frames.append(Frame(offset, size))
        offset += size
    return frames


def _info_offset(frame: bytes) -> int:
    version, mono = (frame[1] >> 3) & 3, (frame[3] >> 6) == 3
    side = (17 if mono else 32) if version == 3 else (9 if mono else 17)
    return 4 + side


def is_info(frame: bytes) -> bool:
    at = _info_offset(frame)
    return frame[at : at + 4] in (b"Info", b"Xing")


def _lame_tag(frame: bytes) -> int:
    """Where the LAME extension starts: after the Info tag's flags and the fields they announce."""
    at = _info_offset(frame)
    (flags,) = struct.unpack_from(">I", frame, at + 4)
    at += 8 + 4 * bool(flags & 1) + 4 * bool(flags & 2) + 100 * bool(flags & 4) + 4 * bool(flags & 8)
    return at


def _crc16(data: bytes) -> int:
    """CRC-16/ARC, the LAME tag's checksum."""
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def with_padding(info: bytes, padding: int) -> bytes:
    """An Info frame whose LAME tag says `padding` samples end the stream (delay kept)."""
    tag = _lame_tag(info)
    if info[tag : tag + 4] not in (b"LAME", b"Lavf", b"Lavc"):
        raise ValueError("the Info frame has no LAME tag")
    frame = bytearray(info)
    at = tag + 21  # 9 encoder, 1 revision, 1 lowpass, 8 replay gain, 1 flags, 1 bitrate
    delay = (frame[at] << 4) | (frame[at + 1] >> 4)
    frame[at : at + 3] = ((delay << 12) | (padding & 0xFFF)).to_bytes(3, "big")
    crc_at = tag + 34  # ... 3 delay/padding, 1 misc, 1 gain, 2 preset, 4 length, 2 music CRC
    frame[crc_at : crc_at + 2] = b"\0\0"  # the checksum covers the frame's first 190 bytes, itself as zero
    frame[crc_at : crc_at + 2] = _crc16(bytes(frame[:190])).to_bytes(2, "big")
    return bytes(frame)


def split_info(encoded: bytes) -> tuple[bytes | None, list[bytes]]:
    """A bare encoded stream -> (its Info frame if any, its audio frames)."""
    frames = [encoded[f.offset : f.offset + f.size] for f in frames_of(encoded)]
    if frames and is_info(frames[0]):
        return frames[0], frames[1:]
    return None, frames


def padding_of(frames: int, samples: int, rate: int) -> int:
    """The end padding, in samples, of `frames` audio frames holding `samples` after the delay."""
    return frames * frame_samples(rate) - ENCODER_DELAY - samples


def splice(segments: Sequence[tuple[bytes, int]], rate: int) -> tuple[bytes, list[bytes]]:
    """Segment encodes (bare, each with its Info frame) and each one's sample count, in order
    -> (the first Info frame, with the whole's padding, and all audio frames).

    Every segment but the last is a whole number of frames long and keeps exactly that many
    frames; the last keeps all of its own (they carry its final DELAY samples).
    """
    info: bytes | None = None
    kept: list[bytes] = []
    total = 0
    for index, (encoded, samples) in enumerate(segments):
        header, frames = split_info(encoded)
        info = info or header
        if index < len(segments) - 1:
            count, rest = divmod(samples, frame_samples(rate))
            if rest or count > len(frames):
                raise ValueError("a segment that is not a whole number of frames")
            frames = frames[:count]
        kept += frames
        total += samples
    if info is None:
        raise ValueError("no Info frame to describe the stream")
    return with_padding(info, padding_of(len(kept), total, rate)), kept
