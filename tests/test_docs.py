"""The contracts live in the repository (docs/): every link into them resolves, every section a
test or module names exists, and nothing points outside the project."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"


def tracked() -> list[Path]:
    """The project's files: what git tracks, or (outside a checkout) what lies in its folders."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
        names = [name for name in listed.decode().split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        names = []
    if not names:
        folders = ("guide", "tests", "scripts", "docs")
        names = [str(p.relative_to(REPO)) for f in folders for p in (REPO / f).rglob("*") if p.is_file()]
        names += [p.name for p in REPO.glob("*.md")] + ["pyproject.toml"]
    return [REPO / name for name in names if (REPO / name).is_file() and "__pycache__" not in name]


def text_files() -> list[Path]:
    return [p for p in tracked() if p.suffix in {".py", ".md", ".toml", ".json", ".txt", ".html"}]


def anchors(page: Path) -> set[str]:
    """GitHub's anchors for a Markdown page's headings."""
    found = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*$", page.read_text(encoding="utf-8"), re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        found.add(slug)
    return found


def test_the_contracts_are_in_the_repository() -> None:
    assert {"routine-format.md", "contracts.md"} <= {p.name for p in DOCS.glob("*.md")}
    for section in ("plan-json", "timeline-json", "timing", "output", "errors", "nothing-lost", "caches"):
        assert section in anchors(DOCS / "contracts.md"), section
    for section in ("markdown-routines", "keys", "blocks", "articles", "web-pages", "inference-from-prose"):
        assert section in anchors(DOCS / "routine-format.md"), section


def test_nothing_points_outside_the_project() -> None:
    outside = re.compile(r"\.\./shared|/work/shared|DESIGN\.md")
    found = [
        f"{p.relative_to(REPO)}:{n}"
        for p in text_files()
        for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if outside.search(line) and p != Path(__file__).resolve()
    ]
    assert not found, found


@pytest.mark.parametrize("page", ["README.md", "ARCHITECTURE.md", "docs/routine-format.md", "docs/contracts.md"])
def test_every_link_in_the_docs_resolves(page: str) -> None:
    source = REPO / page
    text = source.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)\s]+)\)", text)
    if page in ("README.md", "ARCHITECTURE.md"):
        assert any(t.startswith("docs/") for t in targets), f"{page} does not link into docs/"
    for target in targets:
        if re.match(r"[a-z]+://", target):
            continue
        path, _, anchor = target.partition("#")
        linked = (source.parent / path).resolve() if path else source
        assert linked.exists(), f"{page}: {target}"
        if anchor and linked.suffix == ".md":
            assert anchor in anchors(linked), f"{page}: {target}"


def test_every_section_a_test_or_module_names_exists() -> None:
    named = re.compile(r"docs/([\w-]+\.md)#([\w-]+)")
    cited = 0
    for path in text_files():
        if path.suffix != ".py":
            continue
        for page, anchor in named.findall(path.read_text(encoding="utf-8")):
            cited += 1
            assert anchor in anchors(DOCS / page), f"{path.relative_to(REPO)} names docs/{page}#{anchor}"
    assert cited >= 10  # the tests that pin a contract say which
