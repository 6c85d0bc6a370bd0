"""How long a phrase will take to say, before any voice has said it (for `plan`)."""

from __future__ import annotations

import re

from .languages.english import number_words

# Least-squares fit to the bundled Piper voice at rate 1.0 over 463 phrases (both built-in
# routines, the block routines of the tests and ten test articles). Held-out error is 0.22 s
# RMS a phrase, against 0.52 s for the old characters-only fit. A voice says digits as words
# and pauses at punctuation, longest between sentences, so letters and pauses are what count.
# tests/test_estimate.py keeps it honest against the voice.
SECONDS_BASE = 0.15
SECONDS_PER_LETTER = 0.0556
SECONDS_PER_COMMA = 0.40  # also ; and a dash
SECONDS_PER_COLON = 0.55
SECONDS_PER_SENTENCE_BREAK = 0.75
_DIGITS = re.compile(r"\d{1,4}")
_LETTER = re.compile(r"[^\W\d_]")
_COMMA = re.compile(r"[,;\u2014]")
_SENTENCE_BREAK = re.compile(r"[.!?](?=\s+\S)")


def estimate_seconds(text: str, speech_rate: float = 1.0) -> float:
    spoken = _DIGITS.sub(lambda match: number_words(int(match.group())), text)
    seconds = (
        SECONDS_BASE
        + SECONDS_PER_LETTER * len(_LETTER.findall(spoken))
        + SECONDS_PER_COMMA * len(_COMMA.findall(spoken))
        + SECONDS_PER_COLON * spoken.count(":")
        + SECONDS_PER_SENTENCE_BREAK * len(_SENTENCE_BREAK.findall(spoken))
    )
    return seconds / speech_rate
