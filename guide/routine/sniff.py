"""What a routine argument or text is, decided without importing the web machinery."""

from __future__ import annotations

import re


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html")) or bool(re.match(r"<(?:head|body)\b", head))


def is_address(text: str) -> bool:
    return bool(re.match(r"(?i)https?://", text))
