"""The documentation says what the coach says (docs/routine-format.md#what-is-spoken): every cue
the README and docs/ quote is one the coach speaks in their own examples or the built-in
routines, and every example routine in them reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide.routine import builtin_routines, builtin_text, parse_routine
from guide.script import PACES, PaceName, ScriptOptions, Verbosity, build_script, estimate_seconds

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", ROOT / "ARCHITECTURE.md", *sorted((ROOT / "docs").glob("*.md"))]
# A quoted sentence ("Start now.", "Rest.") is something the coach says; routine text the docs
# quote is written without a full stop ("3 sets of 8 reps", "Hold: 30 s").
_QUOTED_CUE = re.compile(r'"([A-Z][^"]*[.!?])"')
_EXAMPLE = re.compile(r"```markdown\n(.*?)```", re.DOTALL)


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _examples() -> list[str]:
    found = [example for path in DOCUMENTS for example in _EXAMPLE.findall(_text(path))]
    return [text if text.lstrip().startswith("# ") else f"# Example\n\n{text}" for text in found]


def _spoken() -> set[str]:
    routines = [*_examples(), *(builtin_text(name) for name, _ in builtin_routines())]
    said: set[str] = set()
    for text in routines:
        routine = parse_routine(text, "example.md")
        for verbosity in Verbosity:
            script = build_script(routine, ScriptOptions(PACES[PaceName.NORMAL], verbosity=verbosity), estimate_seconds)
            said.update(cue.text for cue in script.cues)
    return said


def test_every_example_routine_in_the_docs_reads() -> None:
    examples = _examples()
    assert len(examples) >= 6
    for text in examples:
        assert parse_routine(text, "example.md").exercises


def test_every_cue_the_docs_quote_is_one_the_coach_says() -> None:
    quoted = {" ".join(cue.split()) for path in DOCUMENTS for cue in _QUOTED_CUE.findall(_text(path))}
    # the cues of timed work, holds and rests are among them, so this cannot pass on nothing
    assert {"Start now.", "Stop there.", "Go now.", "Rest.", "And hold.", "And release."} <= quoted
    assert sorted(quoted - _spoken()) == []


@pytest.mark.parametrize("wrong", ['"Begin"', '"And stop"', '"Hold"'])
@pytest.mark.parametrize("path", DOCUMENTS, ids=[path.name for path in DOCUMENTS])
def test_the_docs_no_longer_promise_words_the_coach_never_says(path: Path, wrong: str) -> None:
    assert wrong not in _text(path)
