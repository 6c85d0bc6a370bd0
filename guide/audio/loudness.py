"""Loudness (ITU-R BS.1770-4) and true peak, on float mono audio.

The K-weighting filters are pyloudnorm's; the block energies and gating are computed
with cumulative sums instead of pyloudnorm's per-block Python loop, which keeps
measuring a long guide cheap. tests/test_loudness.py checks both agree.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import numpy as np
from pyloudnorm.iirfilter import IIRfilter
from scipy.signal import lfilter, resample_poly

BLOCK_SECONDS, HOP_SECONDS = 0.4, 0.1
ABSOLUTE_GATE, RELATIVE_GATE = -70.0, -10.0
OVERSAMPLE = 4  # BS.1770 true-peak measurement
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
    peaks: np.ndarray = upsampled.reshape(-1, OVERSAMPLE).max(axis=1)
    return peaks


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
