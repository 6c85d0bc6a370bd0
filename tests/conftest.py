from __future__ import annotations

from pathlib import Path

import pytest

ARTICLES = Path(__file__).parent / "articles"
# Our own article in the layout of a typical blog post (title, byline, share buttons, an essay
# intro, one heading and paragraph per move, an author box and a newsletter footer), with its
# exercise names in order. Several tests pin what guide reads from it.
HIP_ARTICLE = ARTICLES / "evening-hip-reset.txt"
HIP_NAMES = (
    "Lying Knee Sways",
    "Half-Kneeling Hip Opener",
    "Heel-to-Seat Walk",
    "Lizard Reach",
    "Windshield Wiper Legs",
)


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the user's cache; share one Piper cache across the session for speed."""
    shared = tmp_path_factory.getbasetemp() / "phrase-cache"
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(shared))
    return shared


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
