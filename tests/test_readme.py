"""The README says what the coach says: every cue it quotes is one the coach speaks in the
README's own examples, and every example routine in it reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide.routine import parse_routine
from guide.script import PACES, PaceName, ScriptOptions, Verbosity, build_script

README = Path(__file__).resolve().parents[1] / "README.md"
# A quoted sentence ("Start now.", "Rest.") is something the coach says; routine text the README
# quotes is written without a full stop ("3 sets of 8 reps", "Hold: 30 s").
_QUOTED_CUE = re.compile(r'"([A-Z][^"]*[.!?])"')
_EXAMPLE = re.compile(r"```markdown\n(.*?)```", re.DOTALL)


def _examples() -> list[str]:
    found = _EXAMPLE.findall(README.read_text(encoding="utf-8"))
    return [text if text.lstrip().startswith("# ") else f"# README example\n\n{text}" for text in found]


def _spoken() -> set[str]:
    said: set[str] = set()
    for text in _examples():
        routine = parse_routine(text, "README.md")
        for verbosity in Verbosity:
            script = build_script(routine, ScriptOptions(PACES[PaceName.NORMAL], verbosity=verbosity), len)
            said.update(cue.text for cue in script.cues)
    return said


def test_every_example_routine_in_the_readme_reads() -> None:
    examples = _examples()
    assert len(examples) >= 5
    for text in examples:
        assert parse_routine(text, "README.md").exercises


def test_every_cue_the_readme_quotes_is_one_the_coach_says() -> None:
    quoted = set(_QUOTED_CUE.findall(README.read_text(encoding="utf-8")))
    # the cues of timed work, holds and rests are among them, so this cannot pass on nothing
    assert {"Start now.", "Stop there.", "Go now.", "Rest."} <= quoted
    said = _spoken()
    assert sorted(quoted - said) == []


@pytest.mark.parametrize("wrong", ['"Begin"', '"And stop"'])
def test_the_readme_no_longer_promises_words_the_coach_never_says(wrong: str) -> None:
    assert wrong not in README.read_text(encoding="utf-8")
