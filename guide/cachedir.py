"""The cache folder: what is in it, and the only code that adds to it or removes from it.

It holds two kinds of entry, each recognisable by its name and its first bytes:
phrases (`HH/KEY.clip`, guide.voices.cache) and encoded segments (`segments/HH/KEY.mp3`,
guide.render.segments). A folder is a guide cache when it carries guide's CACHEDIR.TAG,
written when guide creates the folder (the standard tag, so backup tools skip it too).
`clear` and `prune` only ever remove entries they recognise, and only from a guide cache:
pointed at a home folder by mistake, they refuse and remove nothing.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import GuideError, Role, SettingError
from .files import TEMP_MARK, describe_os_error, file_kind, new_temp_file, sweep_temps, temp_owner

MARKER = "CACHEDIR.TAG"
MARKER_TEXT = (
    b"Signature: 8a477f597d28d172789f06886806bc55\n"
    b"# This file is a cache directory tag created by guide (the exercise routine coach).\n"
    b"# guide cache clear and prune remove only guide's entries, and only where this tag is.\n"
    b"# For information about cache directory tags, see https://bford.info/cachedir/\n"
)
SEGMENTS = "segments"
_SHARD = re.compile(r"^[0-9a-f]{2}$")
_KEY = r"[0-9a-f]{64}"


@dataclass(frozen=True)
class Kind:
    """One kind of entry: where it lives, its file name, and the bytes it starts with."""

    name: str  # "phrase", "segment"
    folder: str  # under the cache root ("" for the root itself)
    pattern: re.Pattern[str]

    def recognises(self, head: bytes) -> bool:
        if self.name == "phrase":
            return head.startswith(b"guide-clip\n")
        # A bare MPEG audio stream: it starts with a frame header's sync bits.
        return len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0


PHRASE = Kind("phrase", "", re.compile(rf"^({_KEY})\.clip$"))
SEGMENT = Kind("segment", SEGMENTS, re.compile(rf"^({_KEY})\.mp3$"))
KINDS = (PHRASE, SEGMENT)


def entry_path(root: Path, kind: Kind, key: str) -> Path:
    folder = root / kind.folder if kind.folder else root
    suffix = ".clip" if kind is PHRASE else ".mp3"
    return folder / key[:2] / f"{key}{suffix}"


@dataclass(frozen=True)
class CacheEntry:
    path: Path
    kind: Kind
    size: int
    used: float  # last use (mtime: reads touch entries)


@dataclass(frozen=True)
class CacheInfo:
    path: Path
    phrases: int
    segments: int
    bytes: int

    @property
    def entries(self) -> int:
        return self.phrases + self.segments

    def describe(self) -> str:
        return f"{_count(self.phrases, 'phrase')} and {_count(self.segments, 'segment')} ({self.bytes / 1e6:.1f} MB)"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def is_marked(root: Path) -> bool:
    """Whether `root` carries guide's cache tag (a regular file, not a link)."""
    marker = root / MARKER
    try:
        if not stat.S_ISREG(marker.lstat().st_mode):
            return False
        with marker.open("rb") as handle:
            head = handle.read(len(MARKER_TEXT) + 64)
    except OSError:
        return False
    return head.startswith(MARKER_TEXT[:43]) and b"guide" in head


def _mark(root: Path) -> None:
    with contextlib.suppress(OSError):  # a read-only cache still serves what it holds
        temp = new_temp_file(root, MARKER)
        try:
            temp.write_bytes(MARKER_TEXT)
            os.replace(temp, root / MARKER)
        finally:
            temp.unlink(missing_ok=True)


def _strangers(root: Path) -> list[str]:
    """Names at the top of `root` that no version of guide puts in its cache."""
    try:
        names = os.listdir(root)
    except OSError:
        return []
    known = {MARKER, SEGMENTS}
    return sorted(name for name in names if not (name in known or _SHARD.match(name) or temp_owner(name)))


def _refused(root: Path, why: str) -> SettingError:
    return SettingError(
        Role.CACHE_DIR, f" {root}{why}; set GUIDE_CACHE_DIR or ", Role.CACHE_DIR, " to a new or empty folder"
    )


def _root_state(root: Path) -> bool:
    """Whether `root` exists as a folder; raises SettingError (role CACHE_DIR) when it is
    something else, or a folder that is not a guide cache (untagged, holding other things)."""
    try:
        mode = root.stat().st_mode
    except FileNotFoundError:
        return False
    except OSError as error:
        raise _refused(root, f": {describe_os_error(error)}") from None
    if not stat.S_ISDIR(mode):
        raise _refused(root, f" is {file_kind(mode)}, not a folder")
    if not is_marked(root):
        strangers = _strangers(root)
        if strangers:
            raise _refused(
                root,
                f" is not a guide cache (it has no {MARKER} from guide and holds {strangers[0]!r}, which guide never wrote)",
            )
    return True


def claim(root: Path) -> None:
    """Make `root` ready to be a build's cache: created and tagged if new, tagged if it only
    holds what guide writes (a cache from before the tag), and swept of killed builds' temp
    files. Raises GuideError when `root` is a file or a folder of other things."""
    if not _root_state(root):
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # storing an entry then says what is wrong, with the fix
    if not is_marked(root):
        _mark(root)
    sweep_temps(root)
    if _is_real_folder(root / SEGMENTS):
        sweep_temps(root / SEGMENTS)


def store(root: Path, path: Path, data: bytes) -> None:
    """Put one entry at `path` (under `root`) whole: a temp file in `root`, then a rename, so a
    killed build leaves its temp where the next build's sweep looks. Raises OSError."""
    if not root.exists():
        root.mkdir(parents=True, exist_ok=True)
        _mark(root)
    temp = new_temp_file(root, TEMP_MARK)
    try:
        temp.write_bytes(data)
        os.chmod(temp, 0o644)
        for folder in reversed(path.relative_to(root).parents[:-1]):
            here = root / folder
            if here.is_symlink() or (here.exists() and not here.is_dir()):
                here.unlink()  # a stray file or link where guide's own folder belongs
            here.mkdir(exist_ok=True)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _real_folders(folder: Path, pattern: re.Pattern[str]) -> Iterator[Path]:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return
    for name in names:
        path = folder / name
        with contextlib.suppress(OSError):
            if pattern.match(name) and stat.S_ISDIR(path.lstat().st_mode):  # never a link out of the cache
                yield path


def _is_real_folder(path: Path) -> bool:
    """A folder, not a link to one: guide never follows a link out of its cache."""
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


def _head(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    try:
        return os.read(fd, 16)
    finally:
        os.close(fd)


def entries(root: Path) -> list[CacheEntry]:
    """Every entry guide recognises in `root`, by name and first bytes; nothing else."""
    found: list[CacheEntry] = []
    for kind in KINDS:
        base = root / kind.folder if kind.folder else root
        if kind.folder and not _is_real_folder(base):
            continue
        for shard in _real_folders(base, _SHARD):
            try:
                names = os.listdir(shard)
            except OSError:
                continue
            for name in names:
                match = kind.pattern.match(name)
                if not match or not match.group(1).startswith(shard.name):
                    continue
                path = shard / name
                try:
                    info = path.lstat()
                    if not stat.S_ISREG(info.st_mode) or not kind.recognises(_head(path)):
                        continue
                except OSError:
                    continue
                found.append(CacheEntry(path, kind, info.st_size, info.st_mtime))
    return found


def _summary(root: Path, chosen: list[CacheEntry]) -> CacheInfo:
    phrases = sum(1 for entry in chosen if entry.kind is PHRASE)
    return CacheInfo(root, phrases, len(chosen) - phrases, sum(entry.size for entry in chosen))


def info(root: Path) -> CacheInfo:
    """What the cache holds. Raises GuideError when `root` is not a guide cache."""
    if not _root_state(root):
        return CacheInfo(root, 0, 0, 0)
    return _summary(root, entries(root))


def clear(root: Path) -> CacheInfo:
    """Remove every entry guide recognises (and killed builds' temp files); returns what was
    removed. Raises GuideError when `root` is not a guide cache or some entries stay."""
    if not _root_state(root):
        return CacheInfo(root, 0, 0, 0)
    return _remove(root, entries(root))


def prune(root: Path, max_bytes: float) -> CacheInfo:
    """Remove the least recently used entries, of every kind, until the recognised entries
    take at most `max_bytes` (inf keeps everything). Raises SettingError (role CACHE_LIMIT)
    unless `max_bytes` is 0 or more, and GuideError as `clear` does."""
    if not max_bytes >= 0:  # also refuses NaN
        raise SettingError(Role.CACHE_LIMIT, f" {max_bytes / 1e6:g} MB must be 0 or more")
    if not _root_state(root):
        return CacheInfo(root, 0, 0, 0)
    found = sorted(entries(root), key=lambda entry: (entry.used, entry.path.name))
    total = sum(entry.size for entry in found)
    doomed: list[CacheEntry] = []
    for entry in found:
        if total <= max_bytes:
            break
        doomed.append(entry)
        total -= entry.size
    return _remove(root, doomed)


def _remove(root: Path, doomed: list[CacheEntry]) -> CacheInfo:
    removed: list[CacheEntry] = []
    failed: OSError | None = None
    for entry in doomed:
        try:
            entry.path.unlink()
            removed.append(entry)
        except FileNotFoundError:
            continue
        except OSError as error:
            failed = failed or error
    sweep_temps(root)
    for kind in KINDS:
        base = root / kind.folder if kind.folder else root
        if not _is_real_folder(base):
            continue  # a link where guide's folder belongs is never followed
        for shard in _real_folders(base, _SHARD):
            sweep_temps(shard)  # where earlier versions wrote their temp files
            with contextlib.suppress(OSError):
                shard.rmdir()  # only when empty: what guide did not write stays
        sweep_temps(base)
    with contextlib.suppress(OSError):
        (root / SEGMENTS).rmdir()
    result = _summary(root, removed)
    if failed is not None:
        raise GuideError(f"removed {result.describe()} from {root}, but not the rest ({describe_os_error(failed)})")
    return result
