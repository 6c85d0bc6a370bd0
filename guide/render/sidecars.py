"""Text beside the MP3: the timeline as JSON, and subtitles as SRT, WebVTT or LRC."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import OutputError, Role
from ..files import write_atomically
from ..script import Script

SUBTITLE_FORMATS = (".srt", ".vtt", ".lrc")


def timeline_json(script: Script) -> str:
    chapters = [{"title": c.title, "start": round(c.start, 3), "end": round(c.end, 3)} for c in script.chapters]
    cues = [
        {
            "text": cue.text,
            "start": round(cue.start, 3),
            "end": round(cue.end, 3),
            "chapter": script.chapters[cue.chapter].title,
            "kind": cue.kind.value,
        }
        for cue in script.cues
    ]
    document = {
        "title": script.title,
        "duration_seconds": round(script.duration, 3),
        "chapters": chapters,
        "cues": cues,
        "language": script.language,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _clock(seconds: float, separator: str) -> str:
    ms = round(seconds * 1000)
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{ms:03d}"


def srt(script: Script) -> str:
    blocks = [
        f"{i}\n{_clock(cue.start, ',')} --> {_clock(cue.end, ',')}\n{cue.text}\n"
        for i, cue in enumerate(script.cues, start=1)
    ]
    return "\n".join(blocks)


def vtt(script: Script) -> str:
    blocks = [f"{_clock(cue.start, '.')} --> {_clock(cue.end, '.')}\n{cue.text}\n" for cue in script.cues]
    return "WEBVTT\n\n" + "\n".join(blocks)


def lrc(script: Script) -> str:
    def stamp(seconds: float) -> str:
        centis = round(seconds * 100)
        minutes, centis = divmod(centis, 6000)
        return f"[{minutes:02d}:{centis // 100:02d}.{centis % 100:02d}]"

    lines = [f"[ti:{' '.join(script.title.split())}]"]
    lines += [f"{stamp(cue.start)}{cue.text}" for cue in script.cues]
    return "\n".join(lines) + "\n"


def check_subtitle_path(path: Path) -> None:
    """Raises OutputError unless the suffix names a subtitle format."""
    if path.suffix.lower() not in SUBTITLE_FORMATS:
        raise OutputError(Role.SUBTITLES, f" {path}: subtitles are .srt, .vtt or .lrc (the suffix picks the format)")


def subtitles_text(path: Path, script: Script) -> str:
    """The cues as subtitles in the format `path`'s suffix names. Raises OutputError."""
    check_subtitle_path(path)
    writer = {".srt": srt, ".vtt": vtt, ".lrc": lrc}[path.suffix.lower()]
    return writer(script)


def write_subtitles(path: Path, script: Script) -> None:
    """Write the cues as subtitles in the format the suffix names. Raises OutputError."""
    write_atomically(path, subtitles_text(path, script).encode("utf-8"), Role.SUBTITLES)


def write_timeline(path: Path, script: Script) -> None:
    """Write every cue's text, timing, chapter and kind as JSON. Raises OutputError."""
    write_atomically(path, timeline_json(script).encode("utf-8"), Role.TIMELINE)
