"""Every language guide speaks: one Phrasebook each, found by language code."""

from __future__ import annotations

from ...errors import Role, SettingError
from ..phrasebook import Phrasebook
from .english import English
from .french import French
from .german import German
from .italian import Italian
from .portuguese import Portuguese
from .spanish import Spanish

ENGLISH = English()
PHRASEBOOKS: dict[str, Phrasebook] = {
    book.code.lower(): book for book in (ENGLISH, Spanish(), French(), Italian(), Portuguese(), German())
}
# Plain language codes and common regional ones that speak as one of ours.
ALIASES = {"pt": "pt-br", "en-us": "en", "en-gb": "en", "es-es": "es", "es-mx": "es", "fr-fr": "fr", "de-de": "de"}


def find_phrasebook(language: str) -> Phrasebook | None:
    """The phrasebook for a language code ("es", "pt-BR", "en-gb", "de_DE"), or None."""
    key = language.strip().lower().replace("_", "-")
    key = ALIASES.get(key, key)
    return PHRASEBOOKS.get(key) or PHRASEBOOKS.get(ALIASES.get(key.split("-")[0], key.split("-")[0]))


def phrasebook_for(language: str) -> Phrasebook:
    """Like find_phrasebook, but a language guide cannot speak is a SettingError naming the ones it can."""
    book = find_phrasebook(language)
    if book is None:
        codes = ", ".join(b.code for b in PHRASEBOOKS.values())
        raise SettingError(Role.LANGUAGE, f" '{language}': guide speaks {codes}")
    return book


__all__ = ["ENGLISH", "PHRASEBOOKS", "Phrasebook", "find_phrasebook", "phrasebook_for"]
