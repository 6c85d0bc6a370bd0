"""guide's own loudness meter and levelling against pyloudnorm: -16 LUFS, true peak under -1 dBTP
(docs/contracts.md#output)."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import pytest

from guide.audio.level import LEVEL, level_guide, limit
from guide.audio.loudness import integrated_loudness, speech_only, true_peak_db


@pytest.mark.parametrize("rate", [16000, 22050, 24000])
def test_matches_pyloudnorm(rate: int) -> None:
    rng = np.random.default_rng(rate)
    audio = (rng.standard_normal(rate * 20) * 0.1).astype(np.float32)
    audio[rate * 3 : rate * 9] = 0
    ours = integrated_loudness(audio, rate)
    reference = pyloudnorm.Meter(rate).integrated_loudness(audio.astype(np.float64))
    assert ours == pytest.approx(reference, abs=0.01)


def test_shortening_silences_does_not_change_the_measure() -> None:
    rate = 22050
    rng = np.random.default_rng(7)
    clips = [(rng.standard_normal(int(rate * d)) * 0.2).astype(np.float32) for d in (0.3, 1.2, 0.5, 2.0)]
    starts = [int(rate * s) for s in (0.5, 7.3, 31.0, 31.9)]
    full = np.zeros(int(rate * 40), dtype=np.float32)
    for start, clip in zip(starts, clips, strict=True):
        full[start : start + clip.size] = clip
    compact = np.concatenate(list(speech_only(zip(starts, clips, strict=True), rate)))
    assert compact.size < full.size / 3
    assert integrated_loudness(compact, rate) == pytest.approx(integrated_loudness(full, rate), abs=0.02)
    chunks = np.array_split(full, 37)
    assert integrated_loudness(iter(chunks), rate) == pytest.approx(integrated_loudness(full, rate), abs=1e-9)


def test_limiter_holds_the_true_peak_ceiling() -> None:
    rate = 22050
    t = np.arange(rate) / rate
    loud = (1.6 * np.sin(2 * np.pi * 3000 * t) * np.hanning(rate)).astype(np.float32)
    limited, curve = limit(loud, rate, gain=1.0)
    assert true_peak_db(limited) <= LEVEL.ceiling_dbtp + 0.1
    assert curve.min() < 0.7
    assert np.allclose(limited[:50], loud[:50], atol=1e-4)  # quiet parts untouched


def test_one_gain_for_the_guide_brings_it_to_the_target_without_touching_its_balance() -> None:
    rate = 22050
    rng = np.random.default_rng(3)
    quiet = (rng.standard_normal(rate) * 0.01).astype(np.float32)
    quieter = (rng.standard_normal(rate // 3) * 0.004).astype(np.float32)
    phrases = {"a": quiet, "b": quieter}
    placements = [(0, "a"), (rate * 2, "b"), (rate * 4, "a")]
    levelled = level_guide(phrases, placements, rate)
    track = np.concatenate(list(speech_only(((s, levelled.phrases[t]) for s, t in placements), rate)))
    assert integrated_loudness(track, rate) == pytest.approx(LEVEL.target_lufs, abs=0.1)
    # One gain: the quieter phrase stays exactly as much quieter (no phrase is levelled alone).
    ratio = np.abs(levelled.phrases["b"]).max() / np.abs(quieter).max()
    assert ratio == pytest.approx(np.abs(levelled.phrases["a"]).max() / np.abs(quiet).max(), rel=0.02)
    assert levelled.report.limited_fraction < 0.05
    assert levelled.report.true_peak_dbtp <= LEVEL.ceiling_dbtp + 0.1
