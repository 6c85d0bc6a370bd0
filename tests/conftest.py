from __future__ import annotations

from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_9c4231a4f3b3ee72.txt"
ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the user's cache; share one Piper cache across the session for speed."""
    shared = tmp_path_factory.getbasetemp() / "phrase-cache"
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(shared))
    return shared


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
