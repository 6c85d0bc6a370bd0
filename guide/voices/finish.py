"""Trim each phrase to its own sound (so a cue's onset is where its sound starts) and level it."""

from __future__ import annotations

import numpy as np
from pydub import AudioSegment

from ..loudness import level

THRESHOLD_DB = -40.0  # relative to the phrase's peak
FRAME_SECONDS = 0.005
LEAD_PAD_SECONDS = 0.005
TAIL_PAD_SECONDS = 0.02
FADE_SECONDS = 0.003


def trim_silence(clip: AudioSegment) -> AudioSegment:
    samples = np.frombuffer(clip.raw_data, dtype=np.int16)
    rate = clip.frame_rate
    if samples.size == 0:
        return clip
    frame = max(1, int(rate * FRAME_SECONDS))
    frames = samples[: samples.size // frame * frame].reshape(-1, frame)
    levels = np.abs(frames.astype(np.int32)).max(axis=1) if frames.size else np.zeros(0)
    peak = int(np.abs(samples.astype(np.int32)).max())
    if peak == 0 or levels.size == 0:
        return clip._spawn(b"")
    loud = np.flatnonzero(levels >= peak * 10 ** (THRESHOLD_DB / 20))
    start = max(0, loud[0] * frame - int(rate * LEAD_PAD_SECONDS))
    end = min(samples.size, (loud[-1] + 1) * frame + int(rate * TAIL_PAD_SECONDS))
    kept = samples[start:end].astype(np.float32)
    fade = min(kept.size // 2, int(rate * FADE_SECONDS))
    if fade:
        ramp = np.linspace(0.0, 1.0, fade, endpoint=False, dtype=np.float32)
        kept[:fade] *= ramp
        kept[-fade:] *= ramp[::-1]
    return clip._spawn(np.round(kept).astype(np.int16).tobytes())


def finish_phrase(clip: AudioSegment) -> AudioSegment:
    """What every synthesized phrase goes through before it is cached: trimmed, then
    levelled to the guide's loudness under the true-peak ceiling, so a count and a long
    instruction sound equally loud whatever the engine did."""
    trimmed = trim_silence(clip)
    samples = np.frombuffer(trimmed.raw_data, dtype="<i2").astype(np.float32) / 32768.0
    levelled = level(samples, trimmed.frame_rate)
    pcm = np.clip(np.round(levelled * 32767), -32768, 32767).astype("<i2")
    return trimmed._spawn(pcm.tobytes())
