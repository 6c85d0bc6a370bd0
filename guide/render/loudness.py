"""Loudness to -16 LUFS integrated (ITU-R BS.1770 via pyloudnorm) with true peak under -1 dBTP.

The guide is speech separated by digital silence, and BS.1770's gating drops silent
blocks, so loudness is measured on the phrases with long silences shortened: by whole
block hops, and never below one block, so every block that touches sound is unchanged.
That keeps measuring a 60-minute guide as cheap as measuring its speech.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pyloudnorm
from scipy.ndimage import minimum_filter1d, uniform_filter1d
from scipy.signal import resample_poly

TARGET_LUFS = -16.0
TRUE_PEAK_CEILING_DBTP = -2.0  # 1 dB under the -1 dBTP promise leaves room for the MP3 encoder
BLOCK_SECONDS, HOP_SECONDS = 0.4, 0.1  # BS.1770 gating blocks
OVERSAMPLE = 4  # BS.1770 true-peak measurement
LIMITER_WINDOW_SECONDS = 0.004


def speech_only(placements: Iterable[tuple[int, np.ndarray]], rate: int) -> np.ndarray:
    """The track with every silence longer than a block cut down by whole hops."""
    block, hop = round(BLOCK_SECONDS * rate), round(HOP_SECONDS * rate)
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


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    if samples.size < round(BLOCK_SECONDS * rate):
        samples = np.concatenate([samples, np.zeros(round(BLOCK_SECONDS * rate), dtype=samples.dtype)])
    return float(pyloudnorm.Meter(rate).integrated_loudness(samples.astype(np.float64)))


def true_peak_db(samples: np.ndarray) -> float:
    if samples.size == 0:
        return float("-inf")
    peak = float(np.max(np.abs(resample_poly(samples, OVERSAMPLE, 1))))
    return 20 * np.log10(peak) if peak > 0 else float("-inf")


def limit(samples: np.ndarray, rate: int, ceiling_db: float = TRUE_PEAK_CEILING_DBTP) -> np.ndarray:
    """A look-ahead peak limiter: gain dips smoothly around each over-the-ceiling peak."""
    ceiling = 10 ** (ceiling_db / 20)
    upsampled = np.abs(resample_poly(samples, OVERSAMPLE, 1))
    envelope = upsampled[: samples.size * OVERSAMPLE].reshape(-1, OVERSAMPLE).max(axis=1)
    if envelope.max(initial=0.0) <= ceiling:
        return samples
    needed = np.minimum(1.0, ceiling / np.maximum(envelope, 1e-12))
    window = max(1, round(LIMITER_WINDOW_SECONDS * rate)) * 2 + 1
    # A min over 2W+1 then a mean over 2W+1 never exceeds the gain any peak needs.
    gain = uniform_filter1d(minimum_filter1d(needed, size=window), size=window)
    return (samples * gain).astype(np.float32)


def normalize(clips: Mapping[str, np.ndarray], placements: list[tuple[int, str]], rate: int,
              target: float = TARGET_LUFS) -> tuple[dict[str, np.ndarray], float]:  # fmt: skip
    """Gain + limiting per distinct phrase so the whole guide lands on `target` LUFS.

    Returns the processed clips (float, -1..1) and the loudness measured after processing.
    """
    def measure(processed: Mapping[str, np.ndarray]) -> float:
        return integrated_loudness(speech_only(((s, processed[t]) for s, t in placements), rate), rate)

    gain_db = target - measure(clips)
    processed: dict[str, np.ndarray] = dict(clips)
    loudness = target
    for _ in range(4):  # limiting lowers loudness a little; converge on the target
        factor = np.float32(10 ** (gain_db / 20))
        processed = {text: limit(samples * factor, rate) for text, samples in clips.items()}
        loudness = measure(processed)
        if abs(loudness - target) < 0.05:
            break
        gain_db += target - loudness
    return processed, loudness
