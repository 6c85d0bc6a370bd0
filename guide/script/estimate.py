"""How long a phrase will take to say, before any voice has said it (for `plan`)."""

from __future__ import annotations

# Least-squares fit to the bundled Piper voice at rate 1.0 over the built-in routine and
# the seed article (tests/test_estimate.py keeps it honest).
SECONDS_PER_CHAR = 0.0504
SECONDS_BASE = 0.21


def estimate_seconds(text: str, speech_rate: float = 1.0) -> float:
    return (SECONDS_BASE + SECONDS_PER_CHAR * len(text)) / speech_rate
