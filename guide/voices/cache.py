"""A content-addressed phrase cache: (recipe + voice + text) -> the phrase as a trimmed clip.

Each entry is written atomically (guide.files), so another build sharing the cache never
sees half an entry; each carries a checksum and its sample rate, so a corrupt, truncated
or foreign entry is detected on read, dropped, and synthesized again. Reads touch the
entry, so `prune` can drop the least recently used ones.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from .. import cachedir
from ..cachedir import CacheInfo
from ..errors import OutputError, Role
from ..files import describe_os_error, read_regular_file
from ..fingerprint import code_digest, fingerprint

_MAGIC = b"guide-clip\n"
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # 20 minutes of 24 kHz speech; anything bigger is not ours
SAMPLE_RATES = range(8000, 192001)


def default_cache_dir() -> Path:
    """GUIDE_CACHE_DIR when set, else the user's cache folder (e.g. ~/.cache/guide)."""
    configured = os.environ.get("GUIDE_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("guide"))


@dataclass(frozen=True)
class Entry:
    """What a cache entry holds: 16-bit mono PCM at a sample rate."""

    pcm: bytes
    rate: int


class PhraseCache:
    """Phrase audio by key. `recipe` is the fingerprint of how entries are made (see voices)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def key(self, recipe: str, voice_id: str, text: str) -> str:
        return fingerprint(code_digest(sys.modules[__name__]), recipe, voice_id, text)

    def _path(self, key: str) -> Path:
        return cachedir.entry_path(self.root, cachedir.PHRASE, key)

    def get(self, key: str, rate: int) -> Entry | None:
        """The entry, or None if it is missing, corrupt or not at `rate` (then it is dropped)."""
        path = self._path(key)
        try:
            data = read_regular_file(path, MAX_ENTRY_BYTES)
        except (OSError, ValueError):
            # A link, FIFO or device where an entry belongs is not ours to read: drop it
            # (never following it) so the phrase is made again. Any other failure to look
            # (a name too long, no permission) means a miss; `put` then says what is wrong.
            with contextlib.suppress(OSError):
                if not stat.S_ISREG(path.lstat().st_mode):
                    self._drop(path)
            return None
        entry = _decode(data)
        if entry is None or entry.rate != rate:
            self._drop(path)  # the caller synthesizes it again
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used, for prune
        return entry

    def _drop(self, path: Path) -> None:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)

    def put(self, key: str, entry: Entry) -> None:
        """Store an entry. Raises GuideError when the cache folder cannot be written."""
        try:
            cachedir.store(self.root, self._path(key), _encode(entry))
        except OSError as error:
            raise OutputError(
                f"cannot write the phrase cache at {self.root} ({describe_os_error(error)}); set GUIDE_CACHE_DIR or ",
                Role.CACHE_DIR,
                " to put it elsewhere",
            ) from None

    def info(self) -> CacheInfo:
        """Every kind of entry in this cache folder (phrases and encoded segments)."""
        return cachedir.info(self.root)

    def clear(self) -> CacheInfo:
        """Remove every entry guide recognises; returns what was removed. Raises GuideError
        when the folder is not a guide cache, or some entries could not be removed."""
        return cachedir.clear(self.root)

    def prune(self, max_bytes: float) -> CacheInfo:
        """Remove the least recently used entries until the cache holds at most `max_bytes`.
        Raises SettingError (role CACHE_LIMIT) unless `max_bytes` is 0 or more."""
        return cachedir.prune(self.root, max_bytes)


def _encode(entry: Entry) -> bytes:
    header = {"rate": entry.rate, "bytes": len(entry.pcm), "sha256": hashlib.sha256(entry.pcm).hexdigest()}
    return _MAGIC + json.dumps(header, sort_keys=True).encode() + b"\n" + entry.pcm


def _decode(data: bytes) -> Entry | None:
    if not data.startswith(_MAGIC):
        return None
    end = data.find(b"\n", len(_MAGIC))
    if end < 0:
        return None
    try:
        header = json.loads(data[len(_MAGIC) : end])
        pcm = data[end + 1 :]
        rate = header["rate"]
        if not isinstance(rate, int) or rate not in SAMPLE_RATES or len(pcm) % 2:
            return None
        if len(pcm) != header["bytes"] or hashlib.sha256(pcm).hexdigest() != header["sha256"]:
            return None
        return Entry(pcm, rate)
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
