"""`plan` estimates phrase lengths without a voice; keep it honest against the bundled voice."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from guide.build import BuildOptions, plan, prepare
from guide.routine import builtin_text, parse_routine

pytestmark = pytest.mark.e2e


def test_estimates_track_the_bundled_voice(tmp_path: Path) -> None:
    routine = parse_routine(builtin_text(), "builtin")
    options = BuildOptions(cache_dir=tmp_path)
    ready = prepare(routine, options)
    ratios = [
        (clip.size / ready.sample_rate) / max(0.05, _estimate(text))
        for text, clip in ready.clips.items()
        if len(text) > 20
    ]
    assert 0.85 < float(np.median(ratios)) < 1.15
    planned = plan(routine, options)
    assert planned.duration == pytest.approx(ready.script.duration, rel=0.08)


def _estimate(text: str) -> float:
    from guide.script import estimate_seconds

    return estimate_seconds(text)
