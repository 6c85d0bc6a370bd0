from __future__ import annotations

import os
from pathlib import Path

import pytest

# The seed article lives outside the repository (its sentences are not ours to copy); tests
# that read it skip in a plain clone, and tests/articles/evening-hip-reset.txt, our own
# article in the same shape, covers the same behaviour everywhere. GUIDE_TEST_SEED points
# elsewhere (a missing path simulates a plain clone).
SEED = Path(
    os.environ.get("GUIDE_TEST_SEED")
    or Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_9c4231a4f3b3ee72.txt"
)
ARTICLES = Path(__file__).parent / "articles"
SEED_SHAPED = ARTICLES / "evening-hip-reset.txt"
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason=f"the seed article is not beside this checkout ({SEED})")
# Each seed-shaped article with its exercise names, in order; the seed only when present.
SEED_LIKE = [
    pytest.param(
        SEED,
        (
            "Supine Leg Rotations",
            "Kneeling Hip-Flexor Stretch",
            "Walking Butt Kick",
            "Spiderman Stretch",
            "Supine Hip Rotation",
        ),
        marks=needs_seed,
        id="seed",
    ),
    pytest.param(
        SEED_SHAPED,
        ("Lying Knee Sways", "Half-Kneeling Hip Opener", "Heel-to-Seat Walk", "Lizard Reach", "Windshield Wiper Legs"),
        id="ours",
    ),
]


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the user's cache; share one Piper cache across the session for speed."""
    shared = tmp_path_factory.getbasetemp() / "phrase-cache"
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(shared))
    return shared


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
