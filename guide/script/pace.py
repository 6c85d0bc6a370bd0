"""Pace: speech rate and the timings a routine leaves unsaid. Written times always win."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from ..errors import Role, SettingError
from ..routine.limits import MAX_REP_SECONDS, MAX_REST_SECONDS, MIN_REP_SECONDS

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
    """A preset pace with any fine-tuning applied. Raises SettingError (naming the setting by its role) for a value out of bounds."""
    pace = PACES[name]
    checks = (
        (
            "speech_rate",
            speech_rate,
            MIN_SPEECH_RATE,
            MAX_SPEECH_RATE,
            Role.SPEECH_RATE,
            " (1.0 is the voice's natural speed)",
        ),
        ("rep_seconds", rep_seconds, MIN_REP_SECONDS, MAX_REP_SECONDS, Role.REP_SECONDS, ""),
        ("rest_seconds", rest_seconds, 0.0, MAX_REST_SECONDS, Role.REST_SECONDS, ""),
    )
    for field, value, low, high, role, note in checks:
        if value is None:
            continue
        if not low <= value <= high:
            raise SettingError(role, f" {value:g} is outside {low:g}-{high:g}{note}")
        pace = replace(pace, **{field: float(value)})  # type: ignore[arg-type]  # field names are Pace's float fields
    return pace
