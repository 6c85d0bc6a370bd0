"""A content-addressed phrase cache: (voice + rate + text) -> trimmed, levelled clip.

Each entry is written to a temp file and renamed, so readers (another build sharing
the cache) never see half an entry; each carries a checksum, so a corrupt or
truncated entry is detected on read, dropped, and synthesized again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from pydub import AudioSegment

from ..errors import GuideError

# Bump when what a cached clip holds changes (now: trimmed + levelled to -16 LUFS).
FORMAT = "guide-clip-3"
_MAGIC = FORMAT.encode() + b"\n"


def default_cache_dir() -> Path:
    return Path(os.environ.get("GUIDE_CACHE_DIR") or platformdirs.user_cache_dir("guide"))


@dataclass(frozen=True)
class CacheInfo:
    path: Path
    entries: int
    bytes: int


class PhraseCache:
    def __init__(self, root: Path) -> None:
        self.root = root

    def key(self, cache_id: str, text: str) -> str:
        return hashlib.sha256(json.dumps([FORMAT, cache_id, text]).encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.clip"

    def get(self, cache_id: str, text: str) -> AudioSegment | None:
        path = self._path(self.key(cache_id, text))
        try:
            data = path.read_bytes()
        except OSError:
            return None
        clip = _decode(data)
        if clip is None:
            path.unlink(missing_ok=True)  # corrupt: the caller synthesizes it again
        return clip

    def put(self, cache_id: str, text: str, clip: AudioSegment) -> None:
        path = self._path(self.key(cache_id, text))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".clip")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(_encode(clip))
                os.replace(temp, path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError as error:
            raise GuideError(f"cannot write the phrase cache at {self.root} ({error.strerror}); "
                             "use --cache-dir to put it elsewhere") from None  # fmt: skip

    def info(self) -> CacheInfo:
        entries = list(self.root.glob("*/*.clip")) if self.root.exists() else []
        return CacheInfo(self.root, len(entries), sum(p.stat().st_size for p in entries))

    def clear(self) -> CacheInfo:
        info = self.info()
        if self.root.exists():
            for child in self.root.iterdir():
                if child.is_dir() and len(child.name) == 2:
                    shutil.rmtree(child, ignore_errors=True)
        return info


def _encode(clip: AudioSegment) -> bytes:
    pcm = clip.raw_data
    header = {"rate": clip.frame_rate, "bytes": len(pcm), "sha256": hashlib.sha256(pcm).hexdigest()}
    return _MAGIC + json.dumps(header, sort_keys=True).encode() + b"\n" + pcm


def _decode(data: bytes) -> AudioSegment | None:
    if not data.startswith(_MAGIC):
        return None
    end = data.find(b"\n", len(_MAGIC))
    if end < 0:
        return None
    try:
        header = json.loads(data[len(_MAGIC) : end])
        pcm = data[end + 1 :]
        if len(pcm) != header["bytes"] or hashlib.sha256(pcm).hexdigest() != header["sha256"]:
            return None
        return AudioSegment(data=pcm, sample_width=2, frame_rate=int(header["rate"]), channels=1)
    except (ValueError, KeyError, TypeError):
        return None
