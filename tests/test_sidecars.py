from __future__ import annotations

import json

from guide.render.sidecars import lrc, srt, timeline_json, vtt
from guide.routine import parse_routine
from guide.script import ENGLISH, PACES, PaceName, ScriptOptions, build_script

SCRIPT = build_script(
    parse_routine("# Side\n\n## A\nreps: 2\n\nGo now.\n", "s.md"),
    ScriptOptions(PACES[PaceName.NORMAL]),
    lambda text: 0.05 * len(text),
)


def test_timeline_json_has_every_cue_with_its_chapter() -> None:
    document = json.loads(timeline_json(SCRIPT))
    assert document["title"] == "Side" and len(document["cues"]) == len(SCRIPT.cues)
    first_rep = next(c for c in document["cues"] if c["text"] == ENGLISH.count(1))
    assert first_rep["chapter"] == "A" and first_rep["end"] > first_rep["start"]
    assert document["cues"][0]["chapter"] == "Welcome"  # the opening chapter holds the welcome
    assert [c["title"] for c in document["chapters"]] == ["Welcome", "A"]
    assert document["chapters"][1] == {
        "title": "A",
        "start": round(SCRIPT.chapters[1].start, 3),
        "end": round(SCRIPT.duration, 3),
    }
    assert {c["kind"] for c in document["cues"]} >= {"welcome", "exercise", "rep", "closing"}


def test_subtitle_formats() -> None:
    cue = SCRIPT.cues[0]
    assert srt(SCRIPT).splitlines()[:3] == ["1", "00:00:00,500 --> " + _clock(cue.end, ","), cue.text]
    assert vtt(SCRIPT).startswith("WEBVTT\n\n00:00:00.500 --> ")
    assert lrc(SCRIPT).splitlines()[:2] == ["[ti:Side]", f"[00:00.50]{cue.text}"]


def _clock(seconds: float, sep: str) -> str:
    ms = round(seconds * 1000)
    return f"00:00:{ms // 1000:02d}{sep}{ms % 1000:03d}"
