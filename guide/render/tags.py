"""ID3v2 tags: title, artist, album, and one CHAP per exercise plus a CTOC (ID3v2 Chapter spec)."""

from __future__ import annotations

import re
from pathlib import Path

from mutagen.id3 import CHAP, CTOC, ID3, TALB, TCON, TIT2, TPE1, TXXX, CTOCFlags, ID3NoHeaderError

from ..script import Script

MAX_TAG_CHARS = 200


def clean_tag_text(text: str) -> str:
    """Untrusted text made safe for a tag: no control characters, one line, bounded."""
    text = re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", text)
    return " ".join(text.split())[:MAX_TAG_CHARS] or "Untitled"


RENDER_KEY = "guide render key"


def write_tags(path: Path, script: Script, voice_label: str, render_key: str) -> None:
    tags = ID3()
    # What the audio was made from, so an unchanged re-run can leave the file alone.
    tags.add(TXXX(encoding=3, desc=RENDER_KEY, text=[render_key]))
    title = clean_tag_text(script.title)
    tags.add(TIT2(encoding=3, text=[title]))
    tags.add(TPE1(encoding=3, text=[clean_tag_text(f"guide ({voice_label})")]))
    tags.add(TALB(encoding=3, text=["guide workouts"]))
    tags.add(TCON(encoding=3, text=["Fitness"]))
    ids = [f"chp{i}" for i in range(len(script.chapters))]
    tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                  sub_frames=[TIT2(encoding=3, text=[title])]))  # fmt: skip
    for element_id, chapter in zip(ids, script.chapters, strict=True):
        tags.add(CHAP(
            element_id=element_id,
            start_time=round(chapter.start * 1000),
            end_time=round(chapter.end * 1000),
            start_offset=0xFFFFFFFF,  # no byte offsets: players seek by time
            end_offset=0xFFFFFFFF,
            sub_frames=[TIT2(encoding=3, text=[clean_tag_text(chapter.title)])],
        ))  # fmt: skip
    tags.save(path, v2_version=4, padding=lambda _info: 0)


def read_render_key(path: Path) -> str | None:
    try:
        frames = ID3(path).getall(f"TXXX:{RENDER_KEY}")
    except (ID3NoHeaderError, OSError, ValueError):
        return None
    return str(frames[0].text[0]) if frames else None
