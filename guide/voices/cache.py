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
import shutil
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import GuideError, OutputError, Role, SettingError
from ..files import describe_os_error, read_regular_file, write_atomically
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
class CacheInfo:
    path: Path
    entries: int
    bytes: int


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
        return self.root / key[:2] / f"{key}.clip"

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
        path = self._path(key)
        shard = path.parent
        try:
            if shard.is_symlink() or (shard.exists() and not shard.is_dir()):
                shard.unlink()  # a stray file where a shard folder belongs
            write_atomically(path, _encode(entry), Role.CACHE_DIR)
        except (OSError, GuideError) as error:
            reason = describe_os_error(error) if isinstance(error, OSError) else str(error)
            raise OutputError(
                f"cannot write the phrase cache at {self.root} ({reason}); set GUIDE_CACHE_DIR or ",
                Role.CACHE_DIR,
                " to put it elsewhere",
            ) from None

    def entries(self) -> list[tuple[Path, os.stat_result]]:
        found: list[tuple[Path, os.stat_result]] = []
        try:
            shards = list(self.root.iterdir())
        except OSError:  # no cache yet, or a root that cannot be looked at: nothing to count
            return found
        for shard in shards:
            if len(shard.name) != 2 or not _is_real_folder(shard):
                continue
            for path in shard.glob("*.clip"):
                try:
                    info = path.lstat()
                except OSError:
                    continue
                if stat.S_ISREG(info.st_mode):
                    found.append((path, info))
        return found

    def info(self) -> CacheInfo:
        entries = self.entries()
        return CacheInfo(self.root, len(entries), sum(info.st_size for _, info in entries))

    def clear(self) -> CacheInfo:
        """Remove every entry (and stray files where shards belong); returns what was removed.

        Raises GuideError if some could not be removed (a read-only cache)."""
        return self._remove([path for path, _ in self.entries()], strays=True)

    def prune(self, max_bytes: float) -> CacheInfo:
        """Remove the least recently used entries until the cache holds at most `max_bytes`.
        Raises SettingError (role CACHE_LIMIT) unless `max_bytes` is 0 or more."""
        if not max_bytes >= 0:  # also refuses NaN
            raise SettingError(Role.CACHE_LIMIT, f" {max_bytes / 1e6:g} MB must be 0 or more")
        entries = sorted(self.entries(), key=lambda item: item[1].st_mtime)
        total = sum(info.st_size for _, info in entries)
        doomed: list[Path] = []
        for path, info in entries:
            if total <= max_bytes:
                break
            doomed.append(path)
            total -= info.st_size
        return self._remove(doomed, strays=False)

    def _remove(self, paths: list[Path], strays: bool) -> CacheInfo:
        removed = size = 0
        failed: OSError | None = None
        for path in paths:
            try:
                bytes_ = path.lstat().st_size
                path.unlink()
                removed += 1
                size += bytes_
            except FileNotFoundError:
                continue
            except OSError as error:
                failed = failed or error
        if strays:
            try:
                children = [child for child in self.root.iterdir() if len(child.name) == 2]
            except OSError:
                children = []
            for child in children:
                try:
                    if _is_real_folder(child):
                        shutil.rmtree(child)  # also the temp files of killed builds
                    else:
                        child.unlink()  # a stray file or link where a shard folder belongs
                except OSError as error:
                    failed = failed or error
        if failed is not None:
            raise GuideError(
                f"removed {removed} phrases from {self.root}, but not the rest ({describe_os_error(failed)})"
            )
        return CacheInfo(self.root, removed, size)


def _is_real_folder(path: Path) -> bool:
    """A folder, not a link to one (clear must never follow a link out of the cache)."""
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


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
    except (ValueError, KeyError, TypeError):
        return None
