"""One gain for the whole guide, and a true-peak limiter that is only a safety net.

Phrases arrive as the voice said them (trimmed, never levelled one by one): a voice's
level is steady from phrase to phrase, so boosting a short count by tens of dB only
raises its breath and noise to the level of its vowel. The guide gets one gain, measured
on all of its speech, so it reads TARGET_LUFS; the limiter then catches the few peaks
the gain pushed over the ceiling, and `LevelReport` says how often and by how much.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.ndimage import minimum_filter1d, uniform_filter1d

from .loudness import integrated_loudness, peak_envelope, speech_only
from .pcm import Samples


@dataclass(frozen=True)
class LevelSettings:
    target_lufs: float = -16.0
    # 1 dB under the -1 dBTP promise leaves room for the MP3 encoder's overshoot.
    ceiling_dbtp: float = -2.0
    # The limiter's gain dips over this window around a peak: long enough that the dip is
    # a smooth swell (no audible distortion), short enough to leave the syllable's level.
    limiter_window_seconds: float = 0.012
    converge_within_lu: float = 0.05
    converge_rounds: int = 6
    # The gain is rounded to this grid (loudness stays within 0.125 LU of converged), so an
    # edit rarely moves it and the guide's unchanged segments keep their encoded frames.
    gain_step_db: float = 0.25


LEVEL = LevelSettings()


@dataclass(frozen=True)
class LevelReport:
    gain_db: float
    loudness_lufs: float
    true_peak_dbtp: float
    limited_fraction: float  # of speech samples, how many the limiter turned down by over 0.5 dB
    max_reduction_db: float


@dataclass(frozen=True)
class Levelled:
    phrases: dict[str, Samples]
    report: LevelReport


def limit(samples: Samples, rate: int, gain: float, envelope: Samples | None = None,
          settings: LevelSettings = LEVEL) -> tuple[Samples, Samples]:  # fmt: skip
    """`samples * gain` with every true peak under the ceiling; returns (audio, gain curve).

    The gain dips smoothly around peaks: a minimum over a window, then a mean over the same
    window, never exceeds the gain any peak inside it needs.
    """
    ceiling = 10 ** (settings.ceiling_dbtp / 20)
    envelope = (peak_envelope(samples) if envelope is None else envelope) * gain
    louder = (samples * np.float32(gain)).astype(np.float32)
    if envelope.max(initial=0.0) <= ceiling:
        return louder, np.ones(samples.size, dtype=np.float32)
    needed = np.minimum(1.0, ceiling / np.maximum(envelope, 1e-12))
    window = 2 * max(1, round(settings.limiter_window_seconds * rate)) + 1
    curve = uniform_filter1d(minimum_filter1d(needed, size=window), size=window).astype(np.float32)
    return (louder * curve).astype(np.float32), curve


def converge_gain(target: float, loudness_at: Callable[[float], float], rounds: int = LEVEL.converge_rounds,
                  within: float = LEVEL.converge_within_lu) -> tuple[float, float]:  # fmt: skip
    """The gain (dB) whose result measures `target`, when limiting takes some loudness back.

    Secant steps: limiting makes loudness grow slower than gain, so the slope is learnt.
    Returns the gain and the loudness it gives.
    """
    gain, loudness = 0.0, loudness_at(0.0)
    slope = 1.0
    for _ in range(rounds):
        if not np.isfinite(loudness) or abs(loudness - target) < within:
            break
        new_gain = gain + (target - loudness) / slope
        new_loudness = loudness_at(new_gain)
        if abs(new_gain - gain) > 1e-6:
            slope = float(np.clip((new_loudness - loudness) / (new_gain - gain), 0.2, 1.0))
        gain, loudness = new_gain, new_loudness
    return gain, loudness


def level_guide(phrases: Mapping[str, Samples], placements: Sequence[tuple[int, str]], rate: int,
                settings: LevelSettings = LEVEL) -> Levelled:  # fmt: skip
    """Every phrase at the one gain that makes the guide (phrases at their onsets) read the
    target loudness, under the true-peak ceiling."""
    envelopes = {text: peak_envelope(samples) for text, samples in phrases.items()}

    def at(gain_db: float) -> dict[str, tuple[Samples, Samples]]:
        gain = 10 ** (gain_db / 20)
        return {text: limit(samples, rate, gain, envelopes[text], settings) for text, samples in phrases.items()}

    def measured(gain_db: float) -> float:
        louder = at(gain_db)
        return integrated_loudness(speech_only(((start, louder[text][0]) for start, text in placements), rate), rate)

    gain_db, loudness = converge_gain(settings.target_lufs, measured, settings.converge_rounds,
                                      settings.converge_within_lu)  # fmt: skip
    if np.isfinite(gain_db) and settings.gain_step_db > 0:
        stepped = round(gain_db / settings.gain_step_db) * settings.gain_step_db
        gain_db, loudness = stepped, (measured(stepped) if stepped != gain_db else loudness)
    final = at(gain_db)
    return Levelled({text: audio for text, (audio, _) in final.items()},
                    _report(final, envelopes, placements, gain_db, loudness))  # fmt: skip


def _report(final: Mapping[str, tuple[Samples, Samples]], envelopes: Mapping[str, Samples],
            placements: Sequence[tuple[int, str]], gain_db: float, loudness: float) -> LevelReport:  # fmt: skip
    gain = 10 ** (gain_db / 20)
    uses: dict[str, int] = {}
    for _, text in placements:
        uses[text] = uses.get(text, 0) + 1
    limited = total = 0
    deepest = 1.0
    peak = 0.0
    for text, (_, curve) in final.items():
        count = uses.get(text, 0)
        limited += count * int(np.count_nonzero(curve < 10 ** (-0.5 / 20)))
        total += count * curve.size
        deepest = min(deepest, float(curve.min(initial=1.0)))
        peak = max(peak, float((envelopes[text] * gain * curve).max(initial=0.0)))
    return LevelReport(
        gain_db=gain_db,
        loudness_lufs=loudness,
        true_peak_dbtp=20 * float(np.log10(peak)) if peak > 0 else float("-inf"),
        limited_fraction=limited / total if total else 0.0,
        max_reduction_db=-20 * float(np.log10(deepest)),
    )
