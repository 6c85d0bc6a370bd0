"""guide.audio.dsp against scipy, which guide no longer imports at run time (a test dependency only)."""

from __future__ import annotations

import numpy as np
import pytest
from pyloudnorm.iirfilter import IIRfilter
from scipy.ndimage import minimum_filter1d, uniform_filter1d
from scipy.signal import lfilter, resample_poly

from guide.audio import dsp
from guide.audio.level import LEVEL, rotate_phase
from guide.audio.loudness import LoudnessMeter, k_weighting, k_weighting_sections, true_peak_db


def speech_like(rate: int, seconds: float, seed: int) -> np.ndarray:
    """Glottal-pulse-ish buzz through a few formants, syllable-shaped: lopsided, peaky, like a voice."""
    rng = np.random.default_rng(seed)
    n = int(rate * seconds)
    pulses = np.zeros(n)
    pulses[:: rate // 120] = 1.0
    voiced = np.convolve(pulses, np.exp(-np.arange(200) / 30.0))[:n]
    formants = sum(
        np.sin(2 * np.pi * f * np.arange(n) / rate) * voiced * w for f, w in ((700, 1.0), (1200, 0.6), (2600, 0.3))
    )
    syllables = np.clip(np.sin(2 * np.pi * 3.5 * np.arange(n) / rate), 0, None) ** 2
    audio = formants * syllables + rng.standard_normal(n) * 0.01
    speech: np.ndarray = (0.5 * audio / np.abs(audio).max()).astype(np.float32)
    return speech


@pytest.mark.parametrize("rate", [16000, 22050, 24000, 44100, 48000])
def test_k_weighting_coefficients_are_pyloudnorms(rate: int) -> None:
    reference = (
        IIRfilter(4.0, 1 / np.sqrt(2), 1500.0, rate, "high_shelf"),
        IIRfilter(0.0, 0.5, 38.0, rate, "high_pass"),
    )
    for (b, a), stage in zip(k_weighting_sections(rate), reference, strict=True):
        assert np.allclose(b, stage.b, rtol=1e-12) and np.allclose(a, stage.a, rtol=1e-12)


@pytest.mark.parametrize("rate", [16000, 22050, 48000])
def test_k_weighting_matches_lfilter(rate: int) -> None:
    x = speech_like(rate, 3.0, rate).astype(np.float64)
    expected = x
    for b, a in k_weighting_sections(rate):
        expected = lfilter(b, a, expected)
    ours = k_weighting(rate).same(x)
    # The cut tail of the response (each sample < 1e-9 of its peak) adds up to ~1e-8: -160 dB.
    assert np.max(np.abs(ours - expected)) < 1e-7 * np.max(np.abs(expected))


def test_the_meter_fed_in_chunks_filters_as_one_piece() -> None:
    rate = 22050
    x = speech_like(rate, 4.0, 5)
    whole, pieces = LoudnessMeter(rate), LoudnessMeter(rate)
    whole.feed(x)
    for chunk in np.array_split(x, [7, 700, 701, 20000, 50000]):  # some shorter than the filter's ring-out
        pieces.feed(chunk)
    assert pieces.integrated() == pytest.approx(whole.integrated(), abs=1e-9)


def test_rotator_matches_lfilter() -> None:
    rate = 22050
    x = speech_like(rate, 2.0, 9)
    expected = x.astype(np.float64)
    for centre in LEVEL.rotator_hz:
        (b, a) = dsp.all_pass(LEVEL.rotator_q, centre, rate)
        expected = lfilter(b, a, expected)
    assert np.max(np.abs(rotate_phase(x, rate) - expected)) < 1e-6


def reference_true_peak_db(x: np.ndarray) -> float:
    """What guide measured before: 4x resample_poly (81-tap Kaiser FIR), the largest magnitude."""
    return 20 * float(np.log10(np.abs(resample_poly(x.astype(np.float64), 4, 1)).max()))


@pytest.mark.parametrize("seed", range(4))
def test_true_peak_matches_resample_poly_on_speech(seed: int) -> None:
    x = speech_like(22050, 2.0, seed)
    assert true_peak_db(x) == pytest.approx(reference_true_peak_db(x), abs=0.1)


@pytest.mark.parametrize("hz", [440.0, 1000.0, 3000.0, 5512.5, 7000.0])
def test_true_peak_matches_resample_poly_on_sines(hz: float) -> None:
    rate = 22050
    t = np.arange(rate // 2) / rate
    # Phase chosen so the sample grid misses the crests: the case true peak exists for.
    x = (0.5 * np.sin(2 * np.pi * hz * t + 0.3)).astype(np.float32)
    assert true_peak_db(x) == pytest.approx(reference_true_peak_db(x), abs=0.1)
    inside = dsp.peak_envelope(x)[1000:-1000].max()  # away from the abrupt ends, which ring
    assert 20 * np.log10(inside) == pytest.approx(20 * np.log10(0.5), abs=0.1)


@pytest.mark.parametrize("size", [1, 3, 5, 7, 531, 1103])
@pytest.mark.parametrize("n", [1, 2, 5, 400, 1000, 5000])
def test_moving_minimum_and_mean_match_ndimage(size: int, n: int) -> None:
    rng = np.random.default_rng(size * 7919 + n)
    x = np.where(rng.random(n) < 0.7, 0.0, -rng.random(n) * 20)  # mostly at rest, like a gain curve in dB
    assert np.array_equal(dsp.moving_minimum(x, size), minimum_filter1d(x, size=size))
    assert np.allclose(dsp.moving_mean(x, size), uniform_filter1d(x, size=size), rtol=0, atol=1e-12)
    rest = x == 0
    # Where every sample in the window is at rest, the mean is exactly the rest value.
    assert np.array_equal(
        dsp.moving_mean(x, size)[rest & (uniform_filter1d(x, size=size) == 0)],
        x[rest & (uniform_filter1d(x, size=size) == 0)],
    )


def test_impulse_response_is_cut_where_it_has_decayed() -> None:
    response = dsp.impulse_response(k_weighting_sections(22050))
    assert np.abs(response[-1]) >= dsp.IMPULSE_FLOOR * np.abs(response).max()
    impulse = np.zeros(response.size + 5000)
    impulse[0] = 1.0
    expected = impulse
    for b, a in k_weighting_sections(22050):
        expected = lfilter(b, a, expected)
    assert np.abs(expected[response.size :]).max() < 1e-8 * np.abs(response).max()
