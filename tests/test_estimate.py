"""`plan` estimates phrase lengths without a voice; keep it honest against the bundled voice.

`plan` is the build's own layout with estimated phrase lengths, so the two differ only by how
well the estimate tracks the voice: its total must be within 1 % of the real layout's (the
MP3's length) for every built-in routine and every test routine with blocks.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from guide.build import BuildOptions, plan, prepare
from guide.routine import builtin_name_for, builtin_routines, builtin_text, parse_routine
from guide.script import estimate_seconds
from guide.script.languages import ENGLISH, PHRASEBOOKS

from . import test_blocks, test_e2e

pytestmark = pytest.mark.e2e

# The estimate is fitted to the bundled English voice reading English; the built-ins in other languages
# are checked apart, against a wider bound (see test_other_languages_plan_within_a_few_percent).
OTHER_LANGUAGE_BUILTINS = [builtin_name_for(book.code) for book in PHRASEBOOKS.values() if book is not ENGLISH]
ENGLISH_BUILTINS = [name for name, _ in builtin_routines() if name not in OTHER_LANGUAGE_BUILTINS]
ROUTINES = {
    **{name: builtin_text(name) for name in ENGLISH_BUILTINS},
    "circuit": test_blocks.CIRCUIT,
    "tabata": test_blocks.TABATA,
    "emom": test_blocks.EMOM,
    "session": test_blocks.SESSION,
    "sided-circuit": test_blocks.SIDED_CIRCUIT,
    "intervals": test_e2e.INTERVALS,
    "knees-tabata": test_e2e.KNEES_TABATA,
}


def test_estimates_track_the_bundled_voice(tmp_path: Path) -> None:
    routine = parse_routine(builtin_text(), "builtin")
    ready = prepare(routine, BuildOptions(cache_dir=tmp_path))
    ratios = [
        (clip.size / ready.sample_rate) / max(0.05, estimate_seconds(text))
        for text, clip in ready.clips.items()
        if len(text) > 20
    ]
    assert 0.9 < float(np.median(ratios)) < 1.1


@pytest.mark.parametrize("name", list(ROUTINES))
def test_plan_total_is_within_one_percent_of_the_built_guide(name: str, isolated_cache: Path) -> None:
    routine = parse_routine(ROUTINES[name], f"{name}.md")
    options = BuildOptions(cache_dir=isolated_cache)
    built = prepare(routine, options).script.duration
    planned = plan(routine, options).duration
    assert abs(planned - built) <= 0.01 * built, (planned, built)


@pytest.mark.parametrize("name", OTHER_LANGUAGE_BUILTINS)
def test_other_languages_plan_within_a_few_percent(name: str, isolated_cache: Path) -> None:
    """A known gap: the English-fitted estimate runs 2-3 % short on the bundled voice reading other languages."""
    routine = parse_routine(builtin_text(name), f"{name}.md")
    options = BuildOptions(cache_dir=isolated_cache)
    built = prepare(routine, options).script.duration
    planned = plan(routine, options).duration
    assert abs(planned - built) <= 0.04 * built, (planned, built)
