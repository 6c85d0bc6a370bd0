"""Loudness (ITU-R BS.1770-4), true peak and a look-ahead limiter, on float mono audio.

The K-weighting filters are pyloudnorm's; the block energies and gating are computed
with cumulative sums instead of pyloudnorm's per-block Python loop, which keeps
measuring a long guide cheap. tests/test_loudness.py checks both agree.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

import numpy as np
from pyloudnorm.iirfilter import IIRfilter
from scipy.ndimage import minimum_filter1d, uniform_filter1d
from scipy.signal import lfilter, resample_poly

TARGET_LUFS = -16.0
# Phrases are levelled a little hotter than the guide's target, so the guide-wide
# correction is a small cut: no second limiting pass at render time.
PHRASE_LUFS = TARGET_LUFS + 1.5
# 1 dB under the -1 dBTP promise leaves room for the MP3 encoder's overshoot.
TRUE_PEAK_CEILING_DBTP = -2.0
BLOCK_SECONDS, HOP_SECONDS = 0.4, 0.1
ABSOLUTE_GATE, RELATIVE_GATE = -70.0, -10.0
OVERSAMPLE = 4  # BS.1770 true-peak measurement
LIMITER_WINDOW_SECONDS = 0.005


@functools.cache
def _k_weighting(rate: int) -> tuple[tuple[np.ndarray, np.ndarray, float], ...]:
    stages = (
        IIRfilter(4.0, 1 / np.sqrt(2), 1500.0, rate, "high_shelf"),
        IIRfilter(0.0, 0.5, 38.0, rate, "high_pass"),
    )
    return tuple((stage.b, stage.a, stage.passband_gain) for stage in stages)


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """Gated integrated loudness in LUFS; -inf for silence."""
    weighted = samples.astype(np.float64)
    for b, a, gain in _k_weighting(rate):
        weighted = gain * lfilter(b, a, weighted)
    block, hop = int(BLOCK_SECONDS * rate), int(HOP_SECONDS * rate)
    if weighted.size < block:
        weighted = np.concatenate([weighted, np.zeros(block - weighted.size)])
    energy = np.concatenate([[0.0], np.cumsum(weighted * weighted)])
    starts = np.arange(0, weighted.size - block + 1, hop)
    powers = (energy[starts + block] - energy[starts]) / block
    with np.errstate(divide="ignore"):
        loudness = -0.691 + 10 * np.log10(powers)
    kept = powers[loudness >= ABSOLUTE_GATE]
    if kept.size == 0:
        return float("-inf")
    relative = -0.691 + 10 * np.log10(kept.mean()) + RELATIVE_GATE
    kept = powers[(loudness >= ABSOLUTE_GATE) & (loudness > relative)]
    return float(-0.691 + 10 * np.log10(kept.mean()))


def true_peak_db(samples: np.ndarray) -> float:
    if samples.size == 0:
        return float("-inf")
    peak = float(np.max(np.abs(resample_poly(samples, OVERSAMPLE, 1))))
    return 20 * float(np.log10(peak)) if peak > 0 else float("-inf")


def limit(samples: np.ndarray, rate: int, ceiling_db: float = TRUE_PEAK_CEILING_DBTP) -> np.ndarray:
    """Look-ahead peak limiting: the gain dips smoothly around each over-the-ceiling peak."""
    ceiling = 10 ** (ceiling_db / 20)
    upsampled = np.abs(resample_poly(samples, OVERSAMPLE, 1))[: samples.size * OVERSAMPLE]
    envelope = upsampled.reshape(-1, OVERSAMPLE).max(axis=1)
    if envelope.max(initial=0.0) <= ceiling:
        return samples
    needed = np.minimum(1.0, ceiling / np.maximum(envelope, 1e-12))
    window = 2 * max(1, round(LIMITER_WINDOW_SECONDS * rate)) + 1
    # A min over a window then a mean over the same window never exceeds the gain any peak needs.
    gain = uniform_filter1d(minimum_filter1d(needed, size=window), size=window)
    return (samples * gain).astype(np.float32)


def converge_gain(target: float, loudness_at: Callable[[float], float], rounds: int = 4) -> tuple[float, float]:
    """The gain (dB) whose result measures `target`, when limiting takes some loudness back.

    Returns the gain and the loudness it gives.
    """
    gain, loudness = 0.0, loudness_at(0.0)
    for _ in range(rounds):
        if not np.isfinite(loudness) or abs(loudness - target) < 0.05:
            break
        gain += target - loudness
        loudness = loudness_at(gain)
    return gain, loudness


def amplify(samples: np.ndarray, gain_db: float, rate: int) -> np.ndarray:
    """Gain, then limiting if the gain pushed peaks over the ceiling."""
    if gain_db == 0.0:
        return samples
    louder = samples * np.float32(10 ** (gain_db / 20))
    return limit(louder, rate) if gain_db > 0 else louder


def level(samples: np.ndarray, rate: int, target: float = PHRASE_LUFS) -> np.ndarray:
    """One phrase to `target` LUFS under the true-peak ceiling, so every phrase sounds as loud."""
    start = limit(samples, rate)
    gain, _ = converge_gain(target, lambda g: integrated_loudness(amplify(start, g, rate), rate))
    return amplify(start, gain, rate)


def speech_only(placements: Iterable[tuple[int, np.ndarray]], rate: int) -> np.ndarray:
    """A track with every silence longer than a gating block cut down by whole hops.

    Gating drops silent blocks and every block touching sound keeps its alignment, so
    this measures exactly as the full track does, at the cost of the speech alone.
    """
    block, hop = int(BLOCK_SECONDS * rate), int(HOP_SECONDS * rate)
    pieces: list[np.ndarray] = []
    cursor = 0
    for start, samples in placements:
        gap = start - cursor
        if gap > block:
            gap -= (gap - block) // hop * hop
        pieces += [np.zeros(max(gap, 0), dtype=np.float32), samples]
        cursor = start + samples.size
    pieces.append(np.zeros(block, dtype=np.float32))
    return np.concatenate(pieces)
