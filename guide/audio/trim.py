"""Trim a phrase to its own sound, so a cue's onset in the MP3 is where its sound starts."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .pcm import Samples


@dataclass(frozen=True)
class TrimSettings:
    threshold_db: float = -40.0  # relative to the phrase's peak
    frame_seconds: float = 0.005
    lead_pad_seconds: float = 0.005
    tail_pad_seconds: float = 0.02
    fade_seconds: float = 0.003


TRIM = TrimSettings()


def trim_silence(samples: Samples, rate: int, settings: TrimSettings = TRIM) -> Samples:
    """`samples` without leading and trailing silence, with short fades at both ends."""
    if samples.size == 0:
        return samples
    frame = max(1, int(rate * settings.frame_seconds))
    whole = samples[: samples.size // frame * frame]
    if whole.size == 0:
        return samples[:0]
    levels = np.abs(whole.reshape(-1, frame)).max(axis=1)
    peak = float(np.abs(samples).max())
    if peak == 0.0:
        return samples[:0]
    loud = np.flatnonzero(levels >= peak * 10 ** (settings.threshold_db / 20))
    start = max(0, int(loud[0]) * frame - int(rate * settings.lead_pad_seconds))
    end = min(samples.size, (int(loud[-1]) + 1) * frame + int(rate * settings.tail_pad_seconds))
    kept = samples[start:end].astype(np.float32, copy=True)
    fade = min(kept.size // 2, int(rate * settings.fade_seconds))
    if fade:
        ramp = np.linspace(0.0, 1.0, fade, endpoint=False, dtype=np.float32)
        kept[:fade] *= ramp
        kept[-fade:] *= ramp[::-1]
    return kept
