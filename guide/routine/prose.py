"""Small text processors, applied in order (the way gTTS pre-processes text).

Two pipelines: one prepares prose for reading dose numbers out of it, the other
prepares sentences for a voice to read aloud.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

Processor = Callable[[str], str]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_TENS_RE = "|".join(_TENS)
_UNITS_RE = "|".join(sorted(_UNITS, key=len, reverse=True))
_NUMBER_WORD = re.compile(rf"\b(?:(?P<tens>{_TENS_RE})(?:[\s-](?P<unit>{_UNITS_RE}))?|(?P<single>{_UNITS_RE}))\b")


def apply(processors: Iterable[Processor], text: str) -> str:
    for process in processors:
        text = process(text)
    return text


def normalize_unicode(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    for curly, straight in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(curly, straight)
    return text


def collapse_whitespace(text: str) -> str:
    return " ".join(text.split())


def lowercase(text: str) -> str:
    return text.lower()


def dashes_to_hyphen(text: str) -> str:
    # "4–5", "4 — 5" and "4 - 5" are the same range.
    return re.sub(r"(?<=\d)\s*[\u2010-\u2015-]\s*(?=\d)", "-", text)


def idioms_to_numbers(text: str) -> str:
    text = re.sub(r"\bhalf an? minute\b", "30 seconds", text)
    text = re.sub(r"\ba minute and a half\b", "90 seconds", text)
    text = re.sub(r"\btwice\b", "2 times", text)
    text = re.sub(r"\bthrice\b", "3 times", text)
    text = re.sub(r"\ba dozen\b", "12", text)
    text = re.sub(r"\ba couple of\b", "2", text)
    text = re.sub(r"\ban? (second|minute)\b", r"1 \1", text)
    return text


def number_words_to_digits(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        if match.group("single"):
            return str(_UNITS[match.group("single")])
        value = _TENS[match.group("tens")]
        if match.group("unit"):
            value += _UNITS[match.group("unit")]
        return str(value)

    return _NUMBER_WORD.sub(replace, text)


def numeric_ranges_to_words(text: str) -> str:
    # Read "4-5 times" as "4 to 5 times", not "4 minus 5".
    return re.sub(r"(?<=\d)\s*[\u2010-\u2015-]\s*(?=\d)", " to ", text)


def unit_abbreviations_to_words(text: str) -> str:
    text = re.sub(r"(?<=\d)\s?s\b", " seconds", text)
    text = re.sub(r"(?<=\d)\s?(?:min|mins)\b", " minutes", text)
    return text


FOR_INFERENCE: tuple[Processor, ...] = (
    normalize_unicode,
    collapse_whitespace,
    lowercase,
    dashes_to_hyphen,
    idioms_to_numbers,
    number_words_to_digits,
)

FOR_SPEECH: tuple[Processor, ...] = (
    normalize_unicode,
    collapse_whitespace,
    numeric_ranges_to_words,
    unit_abbreviations_to_words,
)

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def sentences(paragraph: str) -> list[str]:
    """Split prose into sentences to be read aloud one cue each."""
    text = apply(FOR_SPEECH, paragraph)
    parts = [part.strip() for part in _SENTENCE_END.split(text)]
    return [part if part[-1] in ".!?" else part + "." for part in parts if part]


def for_inference(text: str) -> str:
    return apply(FOR_INFERENCE, text)
