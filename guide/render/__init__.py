"""Cues + clips -> one MP3 (loudness-normalised, tagged, with chapters) and sidecars."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..loudness import (
    TARGET_LUFS,
    amplify,
    converge_gain,
    integrated_loudness,
    peak_envelope,
    speech_only,
    true_peak_db,
)
from ..script import Script
from ..voices import Clip
from .encode import ENCODER_GAIN, encode_mp3
from .files import check_target, produce_atomically
from .sidecars import SUBTITLE_FORMATS, check_subtitle_path, write_subtitles, write_timeline
from .tags import clean_tag_text, read_render_key, write_tags

DEFAULT_BITRATE = 64
BITRATES = (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
CHUNK_SAMPLES = 1 << 16
RENDER_FORMAT = "guide-render-1"  # bump when the same inputs should give different audio

__all__ = [
    "BITRATES", "DEFAULT_BITRATE", "RenderResult", "SUBTITLE_FORMATS", "TARGET_LUFS", "check_subtitle_path", "check_target",
    "clean_tag_text", "render_mp3", "write_subtitles", "write_timeline",
]  # fmt: skip


@dataclass(frozen=True)
class RenderResult:
    path: Path
    duration: float
    size: int
    loudness_lufs: float
    true_peak_dbtp: float
    chapters: int
    up_to_date: bool = False  # the file already held exactly this render; nothing was encoded


def render_key(script: Script, voice_id: str, voice_label: str, bitrate_kbps: int) -> str:
    """Everything the MP3's bytes depend on (clips are a function of voice id + text)."""
    cues = [(c.text, round(c.start, 6), round(c.duration, 6)) for c in script.cues]
    chapters = [(c.title, round(c.start, 6), round(c.end, 6)) for c in script.chapters]
    document = [RENDER_FORMAT, voice_id, voice_label, bitrate_kbps, script.title, round(script.duration, 6),
                cues, chapters]  # fmt: skip
    return hashlib.sha256(json.dumps(document).encode()).hexdigest()


def render_mp3(script: Script, clips: Mapping[str, Clip], rate: int, path: Path, voice_label: str,
               bitrate_kbps: int = DEFAULT_BITRATE, voice_id: str = "", force: bool = False) -> RenderResult:  # fmt: skip
    """Lay every cue's clip at its onset, normalise, encode, tag; `path` appears only when done.

    When `path` already holds this exact render (same key in its tags), it is left alone.
    """
    key = render_key(script, voice_id or voice_label, voice_label, bitrate_kbps)
    if not force and path.is_file() and read_render_key(path) == key:
        size = path.stat().st_size
        return RenderResult(path, script.duration, size, float("nan"), float("nan"), len(script.chapters), True)
    samples = {text: _floats(clips[text], rate) for text in script.phrases}
    placements = [(round(cue.start * rate), cue.text) for cue in script.cues]
    processed, loudness = _normalize(samples, placements, rate)
    pcm = {text: _pcm(x / ENCODER_GAIN) for text, x in processed.items()}
    total = round(script.duration * rate)

    def make(temp: Path) -> None:
        encode_mp3(_pcm_chunks(placements, pcm, total), rate, bitrate_kbps, temp)
        write_tags(temp, script, voice_label, key)

    produce_atomically(path, make)
    peak = max((true_peak_db(x) for x in processed.values()), default=float("-inf"))
    return RenderResult(path, script.duration, path.stat().st_size, loudness, peak, len(script.chapters))


def _normalize(clips: Mapping[str, np.ndarray], placements: list[tuple[int, str]],
               rate: int) -> tuple[dict[str, np.ndarray], float]:  # fmt: skip
    """One gain for the whole guide so it measures TARGET_LUFS; phrases arrive levelled,
    so this is a small correction (and re-limited only when it raises peaks)."""

    envelopes: dict[str, np.ndarray] = {}

    def louder_at(gain_db: float) -> dict[str, np.ndarray]:
        if gain_db > 0 and not envelopes:  # only a boost needs peaks; phrases usually arrive hot enough
            envelopes.update({text: peak_envelope(samples) for text, samples in clips.items()})
        return {text: amplify(samples, gain_db, rate, envelopes.get(text)) for text, samples in clips.items()}

    def measured(gain_db: float) -> float:
        louder = louder_at(gain_db)
        return integrated_loudness(speech_only(((start, louder[text]) for start, text in placements), rate), rate)

    unchanged = measured(0.0)

    def loudness_at(gain_db: float) -> float:
        # A cut is linear; only a boost can engage the limiter and needs measuring again.
        return unchanged + gain_db if gain_db <= 0 else measured(gain_db)

    gain_db, loudness = converge_gain(TARGET_LUFS, loudness_at)
    return louder_at(gain_db), loudness


def _pcm(samples: np.ndarray) -> bytes:
    return np.clip(np.round(samples * 32767), -32768, 32767).astype("<i2").tobytes()


def _floats(clip: Clip, rate: int) -> np.ndarray:
    if clip.frame_rate != rate or clip.channels != 1 or clip.sample_width != 2:
        clip = clip.set_frame_rate(rate).set_channels(1).set_sample_width(2)
    return np.frombuffer(clip.raw_data, dtype="<i2").astype(np.float32) / 32768.0


def _pcm_chunks(placements: list[tuple[int, str]], pcm: Mapping[str, bytes], total: int) -> Iterator[bytes]:
    """The whole track in order, in linear time: silence, clip, silence, clip..."""
    silence = bytes(2 * CHUNK_SAMPLES)
    cursor = 0  # in samples

    def quiet(samples: int) -> Iterator[bytes]:
        while samples > 0:
            step = min(samples, CHUNK_SAMPLES)
            yield silence[: 2 * step]
            samples -= step

    for start, text in placements:
        if start < cursor:
            raise AssertionError(f"cue '{text}' overlaps the previous one")  # the script never does this
        yield from quiet(start - cursor)
        data = pcm[text]
        yield data
        cursor = start + len(data) // 2
    yield from quiet(total - cursor)
