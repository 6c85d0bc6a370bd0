"""How long a phrase will take to say, before any voice has said it (for `plan`)."""

from __future__ import annotations

# Calibrated on the bundled Piper voice at rate 1.0 (see tests/test_estimate.py).
SECONDS_PER_CHAR = 0.062
SECONDS_BASE = 0.15


def estimate_seconds(text: str, speech_rate: float = 1.0) -> float:
    return (SECONDS_BASE + SECONDS_PER_CHAR * len(text)) / speech_rate
