"""Long text -> phrase-sized pieces, cut where a speaker would pause.

A neural voice works on one sentence at a time, and its memory grows with the sentence: a
2 KB instruction paragraph with no full stop took 3 GB. So a sentence longer than a phrase
is cut before it reaches the voice: at commas, semicolons and dashes first, then before a
conjunction, then between words (and a "word" longer than a piece, between characters).
Short neighbours are joined again, so pieces stay as long as allowed and sound natural.
"""

from __future__ import annotations

import re

MAX_PIECE_CHARS = 160

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_CLAUSE_END = re.compile(r"(?<=[,;:])\s+|\s+(?=[–—-]\s)")
_CONJUNCTION = re.compile(
    r"\s+(?=(?:and|but|or|nor|so|then|while|until|because|before|after|as|with|without|keeping|"
    r"making sure)\s)",
    re.IGNORECASE,
)


def pieces(text: str, limit: int = MAX_PIECE_CHARS) -> list[str]:
    """`text` as pieces of at most `limit` characters (whitespace-joined, they give `text`
    back with its spaces normalised). Text whose sentences all fit is one piece, unchanged."""
    words = " ".join(text.split())
    if all(len(sentence) <= limit for sentence in _SENTENCE_END.split(words)):
        return [text]
    found: list[str] = []
    for sentence in _SENTENCE_END.split(words):
        found += _merge(_cut(sentence, limit, (_CLAUSE_END, _CONJUNCTION)), limit)
    return [piece for piece in found if piece]


def _cut(text: str, limit: int, boundaries: tuple[re.Pattern[str], ...]) -> list[str]:
    if len(text) <= limit:
        return [text]
    if not boundaries:
        return _by_words(text, limit)
    parts = boundaries[0].split(text)
    if len(parts) == 1:
        return _cut(text, limit, boundaries[1:])
    return [piece for part in parts for piece in _cut(part, limit, boundaries[1:])]


def _by_words(text: str, limit: int) -> list[str]:
    out: list[str] = []
    line = ""
    for word in text.split(" "):
        while len(word) > limit:  # no space to cut at: cut the characters
            if line:
                out.append(line)
                line = ""
            out.append(word[:limit])
            word = word[limit:]
        if line and len(line) + 1 + len(word) > limit:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        out.append(line)
    return out


def _merge(parts: list[str], limit: int) -> list[str]:
    merged: list[str] = []
    for part in parts:
        if merged and len(merged[-1]) + 1 + len(part) <= limit:
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return merged
