"""Loudness (ITU-R BS.1770-4) and true peak, on float mono audio.

The K-weighting filters are BS.1770's, built as pyloudnorm builds them for any rate, and
applied as one FFT convolution (guide.audio.dsp: no scipy to import); the block energies and
gating are computed with cumulative sums instead of pyloudnorm's per-block Python loop,
which keeps measuring a long guide cheap. tests/test_loudness.py checks both agree.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Iterator

import numpy as np

from . import dsp

BLOCK_SECONDS, HOP_SECONDS = 0.4, 0.1
ABSOLUTE_GATE, RELATIVE_GATE = -70.0, -10.0
FEED_SAMPLES = 1 << 18


def k_weighting_sections(rate: int) -> tuple[dsp.Biquad, dsp.Biquad]:
    """BS.1770-4's pre-filter (+4 dB shelf) and RLB high-pass, as pyloudnorm's IIRfilter makes them."""
    return dsp.high_shelf(4.0, 1 / math.sqrt(2), 1500.0, rate), dsp.high_pass(0.5, 38.0, rate)


@functools.cache
def k_weighting(rate: int) -> dsp.Fir:
    return dsp.cascade(k_weighting_sections(rate))


class LoudnessMeter:
    """BS.1770-4 integrated loudness fed in chunks, so a long track is never held whole.

    Energy is kept per 100 ms hop; a 400 ms gating block is four consecutive hops.
    """

    def __init__(self, rate: int) -> None:
        self.rate = rate
        self.hop = int(HOP_SECONDS * rate)
        self.hops_per_block = round(BLOCK_SECONDS / HOP_SECONDS)
        self._filter = k_weighting(rate)
        self._tail = np.zeros(self._filter.tail)  # the filtered signal so far, past the last chunk
        self._pending = np.zeros(0)
        self._energies: list[np.ndarray] = []

    def feed(self, samples: np.ndarray) -> None:
        """The next chunk of the signal (filtered here; the filter's ring-out carries over)."""
        filtered = self._filter.full(samples)
        filtered[: self._tail.size] += self._tail
        self._tail = filtered[samples.size :]
        self.feed_weighted(filtered[: samples.size])

    def feed_weighted(self, weighted: np.ndarray) -> None:
        """The next chunk of an already K-weighted signal."""
        squared = np.concatenate([self._pending, weighted * weighted])
        whole = squared.size // self.hop * self.hop
        self._energies.append(squared[:whole].reshape(-1, self.hop).sum(axis=1))
        self._pending = squared[whole:]

    def integrated(self) -> float:
        hops = np.concatenate([*self._energies, [self._pending.sum()]]) if self._energies else np.zeros(1)
        return gated_loudness(hops, self.rate)


def gated_loudness(hops: np.ndarray, rate: int) -> float:
    """Integrated loudness from the K-weighted energy of each 100 ms hop, in order."""
    hop, hops_per_block = int(HOP_SECONDS * rate), round(BLOCK_SECONDS / HOP_SECONDS)
    if hops.size < hops_per_block:
        hops = np.concatenate([hops, np.zeros(hops_per_block - hops.size)])
    windows = np.lib.stride_tricks.sliding_window_view(hops, hops_per_block)
    powers = windows.sum(axis=1) / (hop * hops_per_block)
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


def weighted_loudness(placed: Iterable[tuple[int, np.ndarray]], end: int, rate: int) -> float:
    """Integrated loudness of a signal given as K-weighted pieces (each already filtered, ring-out
    included) added at their positions, in order of position; `end` is the signal's length."""
    meter = LoudnessMeter(rate)
    for chunk in overlap_add(placed, end):
        meter.feed_weighted(chunk)
    return meter.integrated()


def overlap_add(placed: Iterable[tuple[int, np.ndarray]], end: int) -> Iterator[np.ndarray]:
    """The sum of pieces at their positions (ascending), in chunks from 0 to at least `end`."""
    base, pending = 0, np.zeros(0)
    for position, piece in placed:
        if position > base:  # no later piece reaches before `position`: what precedes it is final
            ready = position - base
            yield pending[:ready]
            if ready > pending.size:
                yield np.zeros(ready - pending.size)
            pending, base = pending[ready:], position
        reach = position - base + piece.size
        if reach > pending.size:
            pending = np.concatenate([pending, np.zeros(reach - pending.size)])
        pending[position - base : reach] += piece
    yield pending
    if base + pending.size < end:
        yield np.zeros(end - base - pending.size)


def true_peak_db(samples: np.ndarray) -> float:
    peak = float(peak_envelope(samples).max(initial=0.0))
    return 20 * float(np.log10(peak)) if peak > 0 else float("-inf")


def peak_envelope(samples: np.ndarray) -> np.ndarray:
    """Each sample's true (4x oversampled) peak. Scales with gain, so it is computed once."""
    return dsp.peak_envelope(samples)


def compact_layout(placements: Iterable[tuple[int, int]], rate: int) -> tuple[list[int], int]:
    """Where each (start, length) lands once every silence longer than a gating block is cut
    down by whole hops, and the length of the result (a block of silence after the last).

    Gating drops silent blocks and every block touching sound keeps its alignment, so the
    compacted track measures exactly as the full track does, at the cost of the speech alone.
    """
    block, hop = int(BLOCK_SECONDS * rate), int(HOP_SECONDS * rate)
    cursor = position = 0
    positions = []
    for start, size in placements:
        gap = start - cursor
        if gap > block:
            gap -= (gap - block) // hop * hop
        position += max(gap, 0)
        positions.append(position)
        position += size
        cursor = start + size
    return positions, position + block


def speech_only(placements: Iterable[tuple[int, np.ndarray]], rate: int) -> Iterator[np.ndarray]:
    """The track, in chunks, compacted as `compact_layout` says."""
    pieces = list(placements)
    positions, end = compact_layout(((start, samples.size) for start, samples in pieces), rate)
    cursor = 0
    for position, (_, samples) in zip(positions, pieces, strict=True):
        if position > cursor:
            yield np.zeros(position - cursor, dtype=np.float32)
        yield samples
        cursor = position + samples.size
    yield np.zeros(end - cursor, dtype=np.float32)
