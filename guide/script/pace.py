"""Pace: speech rate and the timings a routine leaves unsaid. Written times always win."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from ..errors import GuideError

MIN_SPEECH_RATE, MAX_SPEECH_RATE = 0.5, 2.0


class PaceName(StrEnum):
    RELAXED = "relaxed"
    NORMAL = "normal"
    BRISK = "brisk"


@dataclass(frozen=True)
class Pace:
    name: str
    speech_rate: float  # 1.0 is the voice's natural speed
    rep_seconds: float
    rest_seconds: float
    setup_seconds: float
    switch_seconds: float  # time to change sides


PACES: dict[PaceName, Pace] = {
    PaceName.RELAXED: Pace("relaxed", 0.9, 2.5, 15.0, 8.0, 4.0),
    PaceName.NORMAL: Pace("normal", 1.0, 2.0, 10.0, 5.0, 3.0),
    PaceName.BRISK: Pace("brisk", 1.1, 1.6, 7.0, 4.0, 2.5),
}


def choose_pace(
    name: PaceName = PaceName.NORMAL,
    speech_rate: float | None = None,
    rep_seconds: float | None = None,
    rest_seconds: float | None = None,
) -> Pace:
    """A preset pace with any fine-tuning applied, each value checked."""
    pace = PACES[name]
    if speech_rate is not None:
        if not MIN_SPEECH_RATE <= speech_rate <= MAX_SPEECH_RATE:
            raise GuideError(
                f"--speech-rate {speech_rate:g} is outside {MIN_SPEECH_RATE:g}-{MAX_SPEECH_RATE:g} "
                "(1.0 is the voice's natural speed)"
            )
        pace = replace(pace, speech_rate=speech_rate)
    if rep_seconds is not None:
        if not 0.5 <= rep_seconds <= 30:
            raise GuideError(f"--rep-seconds {rep_seconds:g} is outside 0.5-30")
        pace = replace(pace, rep_seconds=rep_seconds)
    if rest_seconds is not None:
        if not 0 <= rest_seconds <= 600:
            raise GuideError(f"--rest-seconds {rest_seconds:g} is outside 0-600")
        pace = replace(pace, rest_seconds=rest_seconds)
    return pace
