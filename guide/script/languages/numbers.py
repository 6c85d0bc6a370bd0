"""Number words in any language, with grammatical gender, from CLDR's spell-out rules
(unicode-rbnf, MIT): "una serie" but "un minuto", "eine Minute" but "einmal"."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from unicode_rbnf import RbnfEngine


class Gender(StrEnum):
    NUMBERING = "spellout-numbering"  # counting aloud: "uno, dos", "eins, zwei"
    MASCULINE = "spellout-cardinal-masculine"
    FEMININE = "spellout-cardinal-feminine"
    NEUTER = "spellout-cardinal-neuter"


@functools.cache
def _engine(locale: str) -> RbnfEngine:
    from unicode_rbnf import RbnfEngine

    return RbnfEngine.for_language(locale)


def spell(n: int, locale: str, gender: Gender = Gender.NUMBERING) -> str:
    """`n` in words: spell(1, "es", Gender.FEMININE) == "una"."""
    result = _engine(locale).format_number(n)
    said = result.text_by_ruleset
    return said.get(gender.value) or said.get(Gender.NUMBERING.value) or result.text


def ordinal(n: int, locale: str, feminine: bool = False) -> str:
    """`n` as an ordinal word: ordinal(2, "es", feminine=True) == "segunda"."""
    from unicode_rbnf import FormatPurpose

    said = _engine(locale).format_number(n, purpose=FormatPurpose.ORDINAL).text_by_ruleset
    wanted = "spellout-ordinal-feminine" if feminine else "spellout-ordinal-masculine"
    return said.get(wanted) or said.get("spellout-ordinal") or next(iter(said.values()))


@dataclass(frozen=True)
class Unit:
    """A counted noun: Unit("serie", "series", FEMININE).said(1, "es") == "una serie"."""

    one: str
    many: str
    gender: Gender

    def said(self, n: int, locale: str) -> str:
        return f"{spell(n, locale, self.gender)} {self.one if n == 1 else self.many}"


def duration(value: float, locale: str, second: Unit, minute: Unit, decimal: str = ",") -> str:
    """Whole minutes as minutes, anything else as seconds; a fraction of a second in digits."""
    if value >= 60 and value % 60 == 0:
        return minute.said(int(value // 60), locale)
    if value != int(value):
        return f"{value:g}".replace(".", decimal) + f" {second.many}"
    return second.said(int(value), locale)
