"""One gain for the whole guide, gentle peak control, and a true-peak limiter as a safety net.

Phrases arrive as the voice said them (trimmed, never levelled one by one): a voice's
level is steady from phrase to phrase, so boosting a short count by tens of dB only
raises its breath and noise to the level of its vowel. The guide gets one gain, measured
on all of its speech, so it reads the target loudness.

Speech peaks sit ~20 dB over its loudness (Piper: 19-23 dB), while -16 LUFS under -1 dBTP
allows 15: some peak control is unavoidable. It is done the way broadcast speech is:
 1. a phase rotator (all-pass filters, inaudible) makes the voice's lopsided waveform
    symmetric, lowering peaks ~1.5 dB without touching level or spectrum;
 2. a soft-knee peak compressor with a slow release evens the loudest syllables by a few dB,
    as one smooth swell per syllable, not per glottal pulse;
 3. the limiter then only catches what is left; `LevelReport` says how often and how much.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from . import dsp
from .loudness import HOP_SECONDS, compact_layout, gated_loudness, k_weighting, peak_envelope, weighted_loudness
from .pcm import Samples


@dataclass(frozen=True)
class LevelSettings:
    target_lufs: float = -16.0
    # 1 dB under the -1 dBTP promise leaves room for the MP3 encoder's overshoot.
    ceiling_dbtp: float = -2.0
    # The limiter's gain dips over this window around a peak: long enough that the dip is
    # a smooth swell (no audible distortion), short enough to leave the syllable's level.
    limiter_window_seconds: float = 0.012
    rotator_hz: tuple[float, ...] = (120.0, 200.0, 320.0, 500.0)  # second-order all-pass centres
    rotator_q: float = 0.7
    compressor_threshold_dbfs: float = -4.0  # on the true-peak envelope, after the guide's gain
    compressor_ratio: float = 4.0
    compressor_knee_db: float = 6.0
    compressor_window_seconds: float = 0.025
    converge_within_lu: float = 0.05
    converge_rounds: int = 6
    # The first guess works the gain curves out on blocks of this many samples (see _Estimate).
    estimate_block_samples: int = 32
    # The gain is rounded to this grid (loudness stays within 0.125 LU of converged), so an
    # edit rarely moves it and the guide's unchanged segments keep their encoded frames.
    gain_step_db: float = 0.25


LEVEL = LevelSettings()


@dataclass(frozen=True)
class LevelReport:
    gain_db: float
    loudness_lufs: float
    true_peak_dbtp: float
    compressed_median_db: float  # the compressor's reduction over speech: median, 95th percentile
    compressed_p95_db: float
    limited_fraction: float  # of speech samples, how many the limiter turned down by over 0.5 dB
    max_reduction_db: float  # the limiter's deepest reduction


@dataclass(frozen=True)
class Levelled:
    phrases: dict[str, Samples]
    report: LevelReport


def limit(
    samples: Samples, rate: int, gain: float, envelope: Samples | None = None, settings: LevelSettings = LEVEL
) -> tuple[Samples, Samples]:
    """`samples * gain` with every true peak under the ceiling; returns (audio, gain curve).

    The gain dips smoothly around peaks: a minimum over a window, then a mean over the same
    window, never exceeds the gain any peak inside it needs.
    """
    peaks = (peak_envelope(samples) if envelope is None else envelope) * gain
    louder = (samples * np.float32(gain)).astype(np.float32)
    curve = limiter_curve(peaks, rate, settings)
    if curve is None:
        return louder, np.ones(samples.size, dtype=np.float32)
    return (louder * curve).astype(np.float32), curve


def limiter_curve(peaks: dsp.Signal, rate: float, settings: LevelSettings = LEVEL) -> Samples | None:
    """The limiter's gain for true peaks `peaks` (None: nothing over the ceiling). `rate` is the
    peaks' rate: the guess in `level_guide` runs it on blocks of samples."""
    ceiling = 10 ** (settings.ceiling_dbtp / 20)
    if peaks.max(initial=0.0) <= ceiling:
        return None
    needed = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-12))
    window = 2 * max(1, round(settings.limiter_window_seconds * rate)) + 1
    curve: Samples = dsp.moving_mean(dsp.moving_minimum(needed, window), window).astype(np.float32)
    return curve


def settle_gain(
    target: float,
    loudness_at: Callable[[float], float],
    first_db: float,
    slope: float = 1.0,
    settings: LevelSettings = LEVEL,
) -> tuple[float, float]:
    """The gain (dB, on the `gain_step_db` grid) whose result measures closest to `target`, when
    compression and limiting take some loudness back; returns it and the loudness it gives.

    Secant steps from `first_db`, each rounded to the grid: compression makes loudness grow
    slower than gain, so the slope is learnt. It stops when a step lands on a gain already
    measured (usually the one just measured), so the answer's loudness is always measured,
    never estimated, and depends on nothing but the input.
    """
    step = settings.gain_step_db

    def on_grid(gain_db: float) -> float:
        return round(gain_db / step) * step if step > 0 else gain_db

    measured: dict[float, float] = {}
    gain = on_grid(first_db)
    previous: tuple[float, float] | None = None
    for _ in range(settings.converge_rounds):
        loudness = measured[gain] = loudness_at(gain)
        if not np.isfinite(loudness) or abs(loudness - target) < settings.converge_within_lu:
            break
        if previous is not None and abs(gain - previous[0]) > 1e-9:
            slope = float(np.clip((loudness - previous[1]) / (gain - previous[0]), 0.2, 1.0))
        previous = (gain, loudness)
        proposal = on_grid(gain + (target - loudness) / slope)
        if proposal in measured or abs(proposal - gain) < 1e-9:
            break
        gain = proposal
    best = min(measured, key=lambda g: (abs(measured[g] - target), g))
    return best, measured[best]


def rotate_phase(samples: Samples, rate: int, settings: LevelSettings = LEVEL) -> Samples:
    """All-pass filtered: the same sound, with a more symmetric waveform and lower peaks."""
    rotator = dsp.cascade(tuple(dsp.all_pass(settings.rotator_q, centre, rate) for centre in settings.rotator_hz))
    return rotator.same(samples).astype(np.float32)


def compressor_gain_db(envelope: Samples, gain: float, rate: float, settings: LevelSettings = LEVEL) -> Samples:
    """The compressor's gain change (dB, <= 0) for a phrase whose true-peak envelope is
    `envelope` and which is played at `gain`: soft knee, then a smooth
    swell around each peak (the whole phrase is known, so it can look ahead)."""
    level = 20 * np.log10(np.maximum(envelope.astype(np.float64) * gain, 1e-9))
    over = level - settings.compressor_threshold_dbfs
    slope, knee = 1 - 1 / settings.compressor_ratio, settings.compressor_knee_db
    reduction = np.where(
        over <= -knee / 2, 0.0, np.where(over >= knee / 2, -slope * over, -slope * (over + knee / 2) ** 2 / (2 * knee))
    )
    # A minimum over a window, then a mean over the same window: a smooth swell that still
    # reaches every peak's full reduction (the mean of values all <= the peak's never exceeds it).
    window = 2 * max(1, round(settings.compressor_window_seconds * rate)) + 1
    curve: Samples = dsp.moving_mean(dsp.moving_minimum(reduction, window), window).astype(np.float32)
    return curve


@dataclass(frozen=True)
class _Shaped:
    """A phrase rotated, with its true-peak envelope: what every gain trial starts from."""

    samples: Samples
    envelope: Samples


def _at_gain(phrase: _Shaped, gain: float, rate: int, settings: LevelSettings) -> tuple[Samples, Samples, Samples]:
    """(audio, compressor dB, limiter curve) of one phrase at the guide's gain."""
    compressed_db = compressor_gain_db(phrase.envelope, gain, rate, settings)
    scale = _scale(gain, compressed_db)
    # The compressor's gain moves slowly, so the envelope scales with it.
    audio, curve = limit(phrase.samples * scale, rate, 1.0, phrase.envelope * scale, settings)
    return audio, compressed_db, curve


def _scale(gain: float, compressed_db: Samples) -> Samples:
    scale: Samples = (gain * 10 ** (compressed_db / 20)).astype(np.float32)
    return scale


def level_guide(
    phrases: Mapping[str, Samples], placements: Sequence[tuple[int, str]], rate: int, settings: LevelSettings = LEVEL
) -> Levelled:
    """Every phrase at the one gain that makes the guide (phrases at their onsets) read the
    target loudness, its peaks evened and held under the true-peak ceiling.

    Loudness is measured on the speech alone (`compact_layout`), each distinct phrase
    K-weighted once per trial and its weighted audio added at every place it is said:
    filtering is linear, so that is the filtered track, at the cost of the phrases alone.
    """
    shaped = {}
    for text, samples in phrases.items():
        rotated = rotate_phase(samples, rate, settings)
        shaped[text] = _Shaped(rotated, peak_envelope(rotated))
    ordered = sorted(placements, key=lambda placement: placement[0])
    positions, end = compact_layout(((start, shaped[text].samples.size) for start, text in ordered), rate)
    layout = [(position, text) for position, (_, text) in zip(positions, ordered, strict=True)]
    weighting = k_weighting(rate)

    def loudness_of(audio: Mapping[str, Samples]) -> float:
        weighted = {text: weighting.full(samples) for text, samples in audio.items()}
        return weighted_loudness(((position, weighted[text]) for position, text in layout), end, rate)

    last: dict[float, dict[str, tuple[Samples, Samples, Samples]]] = {}

    def at(gain_db: float) -> dict[str, tuple[Samples, Samples, Samples]]:
        if gain_db not in last:  # only the latest trial is kept: a long guide's phrases are many
            gain = 10 ** (gain_db / 20)
            last.clear()
            last[gain_db] = {text: _at_gain(phrase, gain, rate, settings) for text, phrase in shaped.items()}
        return last[gain_db]

    def measured(gain_db: float) -> float:
        return loudness_of({text: audio for text, (audio, _, _) in at(gain_db).items()})

    # The first guess: the uncompressed speech, K-weighted once, and the gain curves worked out
    # on blocks of samples instead of samples: its secant costs little, and lands within a few
    # hundredths of an LU of the measured answer, so one or two measured steps settle it.
    weighted = {text: weighting.full(phrase.samples) for text, phrase in shaped.items()}
    plain = weighted_loudness(((position, weighted[text]) for position, text in layout), end, rate)
    if np.isfinite(plain):
        estimate = _Estimate(shaped, weighted, layout, rate, settings)
        del weighted
        first_db, slope = estimate.gain_for(settings.target_lufs, settings.target_lufs - plain)
        gain_db, loudness = settle_gain(settings.target_lufs, measured, first_db, slope, settings)
    else:
        gain_db, loudness = 0.0, plain
    final = at(gain_db)
    return Levelled(
        {text: audio for text, (audio, _, _) in final.items()}, _report(final, shaped, placements, gain_db, loudness)
    )


class _Estimate:
    """The guide's loudness at a gain, from K-weighted energy and peaks per block of samples:
    the compressor and limiter act on each block as if its gain were constant across it."""

    def __init__(
        self,
        shaped: Mapping[str, _Shaped],
        weighted: Mapping[str, dsp.Floats],
        layout: Sequence[tuple[int, str]],
        rate: int,
        settings: LevelSettings,
    ) -> None:
        block = self.block = settings.estimate_block_samples
        self.rate, self.settings = rate, settings
        hop = int(HOP_SECONDS * rate)
        self.energies: dict[str, dsp.Floats] = {}
        self.envelopes: dict[str, Samples] = {}
        starts: dict[str, int] = {}
        offset = 0
        for text, phrase in shaped.items():
            n = phrase.samples.size
            rows = -(-n // block) or 1
            power = np.zeros(rows * block)
            power[:n] = weighted[text][:n] ** 2
            energy = power.reshape(rows, block).sum(axis=1)
            energy[-1] += float(np.sum(weighted[text][n:] ** 2))  # the filter's ring-out, with the last block
            peaks = np.zeros(rows * block, dtype=np.float32)
            peaks[:n] = phrase.envelope
            self.energies[text], self.envelopes[text] = energy, peaks.reshape(rows, block).max(axis=1)
            starts[text], offset = offset, offset + rows
        # Every placed block: which block of the distinct phrases it is, and its hop in the track.
        self.source = np.concatenate([starts[text] + np.arange(self.energies[text].size) for _, text in layout])
        self.hops = np.concatenate(
            [(position + block * np.arange(self.energies[text].size)) // hop for position, text in layout]
        )

    def loudness(self, gain_db: float) -> float:
        gain = 10 ** (gain_db / 20)
        rate = self.rate / self.block
        scaled = []
        for text, envelope in self.envelopes.items():
            scale = _scale(gain, compressor_gain_db(envelope, gain, rate, self.settings)).astype(np.float64)
            curve = limiter_curve((envelope * scale).astype(np.float32), rate, self.settings)
            if curve is not None:
                scale = scale * curve
            scaled.append(self.energies[text] * scale * scale)
        hops = np.bincount(self.hops, weights=np.concatenate(scaled)[self.source])
        return gated_loudness(hops, self.rate)

    def gain_for(self, target: float, first_db: float) -> tuple[float, float]:
        """The gain (dB) the estimate puts at `target`, and the slope of loudness against gain there."""
        gain, loudness, slope = first_db, self.loudness(first_db), 1.0
        for _ in range(12):
            if abs(loudness - target) < 0.005:
                break
            new_gain = gain + (target - loudness) / slope
            new_loudness = self.loudness(new_gain)
            if abs(new_gain - gain) > 1e-9:
                slope = float(np.clip((new_loudness - loudness) / (new_gain - gain), 0.2, 1.0))
            gain, loudness = new_gain, new_loudness
        return gain, slope


def _report(
    final: Mapping[str, tuple[Samples, Samples, Samples]],
    shaped: Mapping[str, _Shaped],
    placements: Sequence[tuple[int, str]],
    gain_db: float,
    loudness: float,
) -> LevelReport:
    uses: dict[str, int] = {}
    for _, text in placements:
        uses[text] = uses.get(text, 0) + 1
    limited = total = 0
    deepest = 1.0
    peak = 0.0
    # The compressor's reductions over all speech as said (a phrase said 40 times counts 40
    # times), as a histogram: repeating every phrase's samples would cost the whole guide's memory.
    bins = np.linspace(0.0, 60.0, 1201)
    histogram = np.zeros(bins.size - 1)
    gain = 10 ** (gain_db / 20)
    for text, (_, compressed_db, curve) in final.items():
        count = uses.get(text, 0)
        speech = np.abs(shaped[text].samples) > 1e-3  # the reduction that matters is where there is sound
        limited += count * int(np.count_nonzero((curve < 10 ** (-0.5 / 20)) & speech))
        total += count * int(np.count_nonzero(speech))
        deepest = min(deepest, float(curve.min(initial=1.0)))
        # The true peak from the envelope already measured, scaled as the audio was (the gain
        # curves move slowly), rather than oversampling every phrase a second time.
        peak = max(peak, float((shaped[text].envelope * _scale(gain, compressed_db) * curve).max(initial=0.0)))
        histogram += count * np.histogram(np.clip(-compressed_db[speech], 0.0, 59.99), bins)[0]
    return LevelReport(
        gain_db=gain_db,
        loudness_lufs=loudness,
        true_peak_dbtp=20 * float(np.log10(peak)) if peak > 0 else float("-inf"),
        compressed_median_db=_quantile(histogram, bins, 0.5),
        compressed_p95_db=_quantile(histogram, bins, 0.95),
        limited_fraction=limited / total if total else 0.0,
        max_reduction_db=-20 * float(np.log10(deepest)),
    )


def _quantile(histogram: np.ndarray, bins: np.ndarray, q: float) -> float:
    """The q-quantile of what `histogram` counts over `bins` (to a bin's width)."""
    total = histogram.sum()
    if total == 0:
        return 0.0
    index = int(np.searchsorted(np.cumsum(histogram), q * total))
    return float(bins[min(index, bins.size - 2)] + (bins[1] - bins[0]) / 2)
