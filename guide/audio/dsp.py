"""The few filters levelling needs, in numpy alone.

scipy.signal and scipy.ndimage cost ~0.8 s to import, more than an edit's whole levelling
should take, so guide does without them (tests/test_dsp.py checks these against scipy):

- biquad cascades (K-weighting, the phase rotator) as FFT convolution with the cascade's
  impulse response, cut where it has decayed below `IMPULSE_FLOOR` of its peak: every
  cascade here is stable and fixed, so the truncated response is the filter to ~1e-9;
- a 4x polyphase windowed-sinc interpolator for true peaks (as BS.1770-4 Annex 2);
- a centred moving minimum and mean with scipy.ndimage's 'reflect' edges.
"""

from __future__ import annotations

import functools
import math
from typing import Any

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Signal = npt.NDArray[np.floating[Any]]  # float32 samples or float64 work

Biquad = tuple[tuple[float, float, float], tuple[float, float, float]]  # (b, a), a[0] == 1
IMPULSE_FLOOR = 1e-9
# A response counts as decayed after this many samples in a row under the floor: longer than
# the period of any resonance in these cascades (the lowest, 38 Hz, is critically damped).
QUIET_RUN = 4096
OVERSAMPLE = 4
TAPS_PER_PHASE = 16
KAISER_BETA = 5.0


def _normalised(b: tuple[float, float, float], a: tuple[float, float, float]) -> Biquad:
    b0, b1, b2 = (float(v) / a[0] for v in b)
    _, a1, a2 = (float(v) / a[0] for v in a)
    return (b0, b1, b2), (1.0, a1, a2)


def high_shelf(gain_db: float, q: float, hz: float, rate: int) -> Biquad:
    """RBJ cookbook high shelf, as pyloudnorm's IIRfilter builds BS.1770's pre-filter at any rate."""
    big_a = 10 ** (gain_db / 40)
    w0 = 2 * math.pi * hz / rate
    alpha, cos, root = math.sin(w0) / (2 * q), math.cos(w0), math.sqrt(big_a)
    b = (
        big_a * ((big_a + 1) + (big_a - 1) * cos + 2 * root * alpha),
        -2 * big_a * ((big_a - 1) + (big_a + 1) * cos),
        big_a * ((big_a + 1) + (big_a - 1) * cos - 2 * root * alpha),
    )
    a = (
        (big_a + 1) - (big_a - 1) * cos + 2 * root * alpha,
        2 * ((big_a - 1) - (big_a + 1) * cos),
        (big_a + 1) - (big_a - 1) * cos - 2 * root * alpha,
    )
    return _normalised(b, a)


def high_pass(q: float, hz: float, rate: int) -> Biquad:
    """RBJ cookbook high-pass (BS.1770's RLB weighting, as pyloudnorm builds it)."""
    w0 = 2 * math.pi * hz / rate
    alpha, cos = math.sin(w0) / (2 * q), math.cos(w0)
    return _normalised(((1 + cos) / 2, -(1 + cos), (1 + cos) / 2), (1 + alpha, -2 * cos, 1 - alpha))


def all_pass(q: float, hz: float, rate: int) -> Biquad:
    """Second-order all-pass: unit gain at every frequency, phase turning through 180° at `hz`."""
    w0 = 2 * math.pi * hz / rate
    alpha, cos = math.sin(w0) / (2 * q), math.cos(w0)
    return _normalised((1 - alpha, -2 * cos, 1 + alpha), (1 + alpha, -2 * cos, 1 - alpha))


def impulse_response(sections: tuple[Biquad, ...]) -> Floats:
    """The cascade's impulse response (float64), up to where it stays under IMPULSE_FLOOR x its peak."""
    return _impulse_response(sections).copy()


@functools.cache
def _impulse_response(sections: tuple[Biquad, ...]) -> Floats:
    # A sample-by-sample recursion (transposed direct form II) in plain Python: a few thousand
    # samples, once per cascade and rate, cheaper than importing anything that would do it.
    states = [[0.0, 0.0] for _ in sections]
    out: list[float] = []
    peak, quiet = 0.0, 0
    x = 1.0
    while quiet < QUIET_RUN or peak == 0.0:
        value = x
        for ((b0, b1, b2), (_, a1, a2)), state in zip(sections, states, strict=True):
            y = b0 * value + state[0]
            state[0] = b1 * value - a1 * y + state[1]
            state[1] = b2 * value - a2 * y
            value = y
        out.append(value)
        x = 0.0
        peak = max(peak, abs(value))
        quiet = quiet + 1 if abs(value) < IMPULSE_FLOOR * peak else 0
        if len(out) > 1 << 22:
            raise ValueError("the cascade does not decay (an unstable filter)")
    response: Floats = np.array(out[: len(out) - quiet])
    return response


class Fir:
    """Convolution with a fixed response by FFT overlap-add; `full` returns len(x) + len(h) - 1 samples."""

    def __init__(self, response: Floats) -> None:
        self.response = np.asarray(response, dtype=np.float64)
        self.tail = self.response.size - 1
        # Blocks four times the response: the FFT's cost per output sample stays near its minimum.
        self.size = 1 << max(14, (4 * self.response.size - 1).bit_length())
        self.block = self.size - self.tail
        self._spectrum = np.fft.rfft(self.response, self.size)

    def full(self, samples: Signal) -> Floats:
        x = np.asarray(samples, dtype=np.float64)
        n = x.size
        if n == 0:
            return np.zeros(self.tail)
        rows = -(-n // self.block)
        blocks = np.zeros((rows, self.block))
        blocks.ravel()[:n] = x
        # Each row's output spills `tail` samples into the next row's span; add them there.
        y = np.fft.irfft(np.fft.rfft(blocks, self.size, axis=1) * self._spectrum, self.size, axis=1)
        out = np.zeros((rows + 1) * self.block)
        out[: rows * self.block] = y[:, : self.block].ravel()
        spill = np.zeros((rows, self.block))
        spill[:, : self.tail] = y[:, self.block :]
        out[self.block :] += spill.ravel()
        result: Floats = out[: n + self.tail]
        return result

    def same(self, samples: Signal) -> Floats:
        """Like scipy's lfilter from rest: the first len(x) samples, the tail dropped."""
        return self.full(samples)[: np.asarray(samples).size]


@functools.cache
def cascade(sections: tuple[Biquad, ...]) -> Fir:
    return Fir(_impulse_response(sections))


@functools.cache
def _interpolator() -> Floats:
    """Taps for the 3 in-between phases (rows), for samples at offsets -7..8 around each one.

    A Kaiser-windowed sinc, each phase scaled to unit gain at DC; phase 0 is the sample itself."""
    half = TAPS_PER_PHASE // 2
    offsets = np.arange(-half + 1, half + 1, dtype=np.float64)
    rows = []
    for phase in range(1, OVERSAMPLE):
        t = offsets - phase / OVERSAMPLE
        window = np.i0(KAISER_BETA * np.sqrt(np.maximum(0.0, 1 - (t / (half + 0.5)) ** 2))) / np.i0(KAISER_BETA)
        taps = np.sinc(t) * window
        rows.append(taps / taps.sum())
    return np.array(rows)


def peak_envelope(samples: Signal) -> npt.NDArray[np.float32]:
    """Each sample's true peak: the largest |value| among it and the 3 points interpolated after it."""
    x = np.asarray(samples, dtype=np.float64)
    peaks = np.abs(x)
    if x.size == 0:
        return peaks.astype(np.float32)
    half = TAPS_PER_PHASE // 2
    for taps in _interpolator():
        # y[n] = sum_m taps[m] x[n + m], m = -7..8: np.convolve with the taps reversed, shifted.
        between = np.convolve(x, taps[::-1])[half : half + x.size]
        np.maximum(peaks, np.abs(between), out=peaks)
    envelope: npt.NDArray[np.float32] = peaks.astype(np.float32)
    return envelope


def _reflected(x: Signal, size: int) -> Floats:
    half = size // 2
    # numpy's 'symmetric' (edge sample repeated) is scipy.ndimage's 'reflect'.
    return np.pad(np.asarray(x, dtype=np.float64), (half, size - 1 - half), mode="symmetric")


def moving_minimum(x: Signal, size: int) -> Floats:
    """scipy.ndimage.minimum_filter1d(x, size) (mode 'reflect'), in float64: van Herk/Gil-Werman,
    three comparisons a sample whatever the window."""
    if size <= 1 or x.size == 0:
        return np.asarray(x, dtype=np.float64).copy()
    padded = _reflected(x, size)
    count = -(-padded.size // size) * size
    flat = np.full(count, np.inf)
    flat[: padded.size] = padded
    blocks = flat.reshape(-1, size)
    ahead = np.minimum.accumulate(blocks, axis=1).ravel()  # min from each block's start to here
    behind = np.minimum.accumulate(blocks[:, ::-1], axis=1)[:, ::-1].ravel()  # from here to its end
    # A window [i, i + size) spans the end of one block and the start of the next.
    result: Floats = np.minimum(behind[: x.size], ahead[size - 1 : size - 1 + x.size])
    return result


def moving_mean(x: Signal, size: int) -> Floats:
    """scipy.ndimage.uniform_filter1d(x, size) (mode 'reflect'), in float64, by cumulative sums."""
    if size <= 1 or x.size == 0:
        return np.asarray(x, dtype=np.float64).copy()
    padded = _reflected(x, size)
    # Sums of values less their maximum: the running total stays small where the signal is flat
    # at its maximum (a gain curve at rest), so those windows come out exact.
    top = float(padded.max())
    sums = np.concatenate([[0.0], np.cumsum(padded - top)])
    result: Floats = (sums[size:] - sums[:-size]) / size + top
    return result
