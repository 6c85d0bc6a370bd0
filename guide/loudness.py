"""Loudness (ITU-R BS.1770-4), true peak and a look-ahead limiter, on float mono audio.

The K-weighting filters are pyloudnorm's; the block energies and gating are computed
with cumulative sums instead of pyloudnorm's per-block Python loop, which keeps
measuring a long guide cheap. tests/test_loudness.py checks both agree.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator

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
FEED_SAMPLES = 1 << 18


@functools.cache
def _k_weighting(rate: int) -> tuple[tuple[np.ndarray, np.ndarray, float], ...]:
    stages = (
        IIRfilter(4.0, 1 / np.sqrt(2), 1500.0, rate, "high_shelf"),
        IIRfilter(0.0, 0.5, 38.0, rate, "high_pass"),
    )
    return tuple((stage.b, stage.a, stage.passband_gain) for stage in stages)


class LoudnessMeter:
    """BS.1770-4 integrated loudness fed in chunks, so a long track is never held whole.

    Energy is kept per 100 ms hop; a 400 ms gating block is four consecutive hops.
    """

    def __init__(self, rate: int) -> None:
        self.rate = rate
        self.hop = int(HOP_SECONDS * rate)
        self.hops_per_block = round(BLOCK_SECONDS / HOP_SECONDS)
        self._state = [np.zeros(max(len(a), len(b)) - 1) for b, a, _ in _k_weighting(rate)]
        self._pending = np.zeros(0)
        self._energies: list[np.ndarray] = []

    def feed(self, samples: np.ndarray) -> None:
        weighted = samples.astype(np.float64)
        for i, (b, a, gain) in enumerate(_k_weighting(self.rate)):
            weighted, self._state[i] = lfilter(b, a, weighted, zi=self._state[i])
            weighted *= gain
        squared = np.concatenate([self._pending, weighted * weighted])
        whole = squared.size // self.hop * self.hop
        self._energies.append(squared[:whole].reshape(-1, self.hop).sum(axis=1))
        self._pending = squared[whole:]

    def integrated(self) -> float:
        hops = np.concatenate([*self._energies, [self._pending.sum()]]) if self._energies else np.zeros(1)
        if hops.size < self.hops_per_block:
            hops = np.concatenate([hops, np.zeros(self.hops_per_block - hops.size)])
        windows = np.lib.stride_tricks.sliding_window_view(hops, self.hops_per_block)
        powers = windows.sum(axis=1) / (self.hop * self.hops_per_block)
        with np.errstate(divide="ignore"):
            loudness = -0.691 + 10 * np.log10(powers)
        kept = powers[loudness >= ABSOLUTE_GATE]
        if kept.size == 0:
            return float("-inf")
        relative = -0.691 + 10 * np.log10(kept.mean()) + RELATIVE_GATE
        kept = powers[(loudness >= ABSOLUTE_GATE) & (loudness > relative)]
        return float(-0.691 + 10 * np.log10(kept.mean()))


def integrated_loudness(samples: np.ndarray | Iterable[np.ndarray], rate: int) -> float:
    """Gated integrated loudness in LUFS (-inf for silence) of an array or of its chunks in order."""
    meter = LoudnessMeter(rate)
    pending: list[np.ndarray] = []
    size = 0
    for chunk in [samples] if isinstance(samples, np.ndarray) else samples:
        pending.append(chunk)
        size += chunk.size
        if size >= FEED_SAMPLES:  # filtering many tiny pieces costs more than the filtering
            meter.feed(np.concatenate(pending))
            pending, size = [], 0
    if pending:
        meter.feed(np.concatenate(pending))
    return meter.integrated()


def true_peak_db(samples: np.ndarray) -> float:
    peak = float(peak_envelope(samples).max(initial=0.0))
    return 20 * float(np.log10(peak)) if peak > 0 else float("-inf")


def peak_envelope(samples: np.ndarray) -> np.ndarray:
    """Each sample's true (4x oversampled) peak. Scales with gain, so it is computed once."""
    upsampled = np.abs(resample_poly(samples, OVERSAMPLE, 1))[: samples.size * OVERSAMPLE]
    return upsampled.reshape(-1, OVERSAMPLE).max(axis=1)


def limit(samples: np.ndarray, rate: int, ceiling_db: float = TRUE_PEAK_CEILING_DBTP,
          envelope: np.ndarray | None = None, gain: float = 1.0) -> np.ndarray:  # fmt: skip
    """`samples * gain` through a look-ahead peak limiter: the gain dips smoothly around
    each over-the-ceiling peak. Pass `envelope` (peak_envelope of `samples`) to reuse it."""
    ceiling = 10 ** (ceiling_db / 20)
    envelope = (peak_envelope(samples) if envelope is None else envelope) * gain
    louder = samples * np.float32(gain) if gain != 1.0 else samples
    if envelope.max(initial=0.0) <= ceiling:
        return louder
    needed = np.minimum(1.0, ceiling / np.maximum(envelope, 1e-12))
    window = 2 * max(1, round(LIMITER_WINDOW_SECONDS * rate)) + 1
    # A min over a window then a mean over the same window never exceeds the gain any peak needs.
    smooth = uniform_filter1d(minimum_filter1d(needed, size=window), size=window)
    return (louder * smooth).astype(np.float32)


def converge_gain(target: float, loudness_at: Callable[[float], float], rounds: int = 5) -> tuple[float, float]:
    """The gain (dB) whose result measures `target`, when limiting takes some loudness back.

    Secant steps: limiting makes loudness grow slower than gain, so the slope is learnt.
    Returns the gain and the loudness it gives.
    """
    gain, loudness = 0.0, loudness_at(0.0)
    slope = 1.0
    for _ in range(rounds):
        if not np.isfinite(loudness) or abs(loudness - target) < 0.05:
            break
        step = (target - loudness) / slope
        new_gain = gain + step
        new_loudness = loudness_at(new_gain)
        if abs(new_gain - gain) > 1e-6:
            slope = float(np.clip((new_loudness - loudness) / (new_gain - gain), 0.2, 1.0))
        gain, loudness = new_gain, new_loudness
    return gain, loudness


def amplify(samples: np.ndarray, gain_db: float, rate: int, envelope: np.ndarray | None = None) -> np.ndarray:
    """Gain, then limiting if the gain pushed peaks over the ceiling."""
    if gain_db == 0.0:
        return samples
    if gain_db < 0:
        return samples * np.float32(10 ** (gain_db / 20))
    return limit(samples, rate, envelope=envelope, gain=10 ** (gain_db / 20))


def level(samples: np.ndarray, rate: int, target: float = PHRASE_LUFS) -> np.ndarray:
    """One phrase to `target` LUFS under the true-peak ceiling, so every phrase sounds as loud."""
    envelope = peak_envelope(samples)

    def at(gain_db: float) -> np.ndarray:
        return limit(samples, rate, envelope=envelope, gain=10 ** (gain_db / 20))

    gain, _ = converge_gain(target, lambda g: integrated_loudness(at(g), rate))
    return at(gain)


def speech_only(placements: Iterable[tuple[int, np.ndarray]], rate: int) -> Iterator[np.ndarray]:
    """The track, in chunks, with every silence longer than a gating block cut down by whole hops.

    Gating drops silent blocks and every block touching sound keeps its alignment, so
    this measures exactly as the full track does, at the cost of the speech alone.
    """
    block, hop = int(BLOCK_SECONDS * rate), int(HOP_SECONDS * rate)
    cursor = 0
    for start, samples in placements:
        gap = start - cursor
        if gap > block:
            gap -= (gap - block) // hop * hop
        if gap > 0:
            yield np.zeros(gap, dtype=np.float32)
        yield samples
        cursor = start + samples.size
    yield np.zeros(block, dtype=np.float32)
