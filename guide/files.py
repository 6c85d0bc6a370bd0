"""Every file guide reads or writes goes through here.

Writes appear whole or not at all (a temp file beside the target, then a rename), and
nothing the user has is replaced by accident: a target that is the routine, another
output of the same build, or anything but a regular file is refused before any work.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from .errors import OutputError, Role

TEMP_SUFFIX = ".part"


def describe_os_error(error: OSError) -> str:
    """A short, human reason for an OSError ("file name too long", "permission denied")."""
    if error.errno == errno.ENAMETOOLONG:
        return "a file name in it is too long"
    if error.errno == errno.ELOOP:
        return "it is a symbolic link loop"
    return (error.strerror or str(error)).lower()


def file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _identity(path: Path) -> tuple[int, int] | str:
    """What a path points at: (device, inode) when it exists, else its absolute spelling."""
    try:
        info = path.stat()
        return (info.st_dev, info.st_ino)
    except OSError:
        return os.path.normcase(os.path.abspath(path))


def check_targets(targets: Mapping[Role, Path | None], inputs: Iterable[Path] = ()) -> None:
    """Refuse, before any work, outputs that would replace an input, each other, or a non-file.

    `targets` maps each output's role (the MP3, the timeline) to its path.
    Raises OutputError naming the role and the path.
    """
    chosen = {role: path for role, path in targets.items() if path is not None}
    seen: dict[tuple[int, int] | str, Role | None] = {}
    for path in inputs:
        seen[_identity(path)] = None  # the routine
    for role, path in chosen.items():
        identity = _identity(path)
        if identity in seen:
            other = seen[identity]
            if other is None:
                raise OutputError(role, f" {path} is the routine itself; choose another file name")
            raise OutputError(role, f" {path} is the same file as ", other, "; choose another file name")
        seen[identity] = role
        check_target(path, role)


# What a file name for each output looks like, for the hint when a folder is given.
EXAMPLE_NAMES = {
    Role.MP3: "guide.mp3",
    Role.TIMELINE: "timeline.json",
    Role.SUBTITLES: "guide.srt",
    Role.ROUTINE_COPY: "routine.md",
    Role.IMPORTED: "routine.md",
}


def lexists(path: Path, role: Role) -> bool:
    """Whether anything (even a dangling link) is at `path`. Raises OutputError when the
    path cannot even be looked at (a name too long, a link loop), naming `role`."""
    try:
        path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as error:
        raise OutputError(role, f" {path}: {describe_os_error(error)}") from None
    return True


def check_target(path: Path, role: Role = Role.MP3) -> None:
    """`path` may be written: a regular file or nothing yet, in a folder we can write to."""
    if len(path.name.encode()) > 255 - TEMP_NAME_ROOM:  # the temp file beside it needs room too
        raise OutputError(role, f" {path}: the file name is too long; choose a shorter one")
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        mode = None
    except NotADirectoryError:
        raise OutputError(role, f" {path}: {_blocking_file(path)} is not a folder") from None
    except OSError as error:
        raise OutputError(role, f" {path}: {describe_os_error(error)}") from None
    if mode is not None and stat.S_ISLNK(mode):
        try:
            mode = path.stat().st_mode
        except OSError:
            mode = None  # a dangling link: writing replaces the link, not what it named
    if mode is not None and not stat.S_ISREG(mode):
        kind = file_kind(mode)
        example = EXAMPLE_NAMES.get(role)
        hint = f"; give a file name such as {path / example}" if stat.S_ISDIR(mode) and example else ""
        raise OutputError(role, f" {path} is {kind}, which guide never replaces{hint}")
    folder = path.parent
    try:
        folder_mode = folder.stat().st_mode
        if not stat.S_ISDIR(folder_mode):
            raise OutputError(role, f" {path}: {folder} is not a folder")
    except FileNotFoundError:
        pass  # created when written
    except OSError as error:
        raise OutputError(role, f" {path}: {describe_os_error(error)}") from None
    if folder.exists() and not os.access(folder, os.W_OK):
        raise OutputError(role, f" {path}: cannot write to {folder} (permission denied); choose another place")


def _blocking_file(path: Path) -> Path:
    """The file standing where one of `path`'s folders should be."""
    for parent in reversed(path.parents):
        if parent.exists() and not parent.is_dir():
            return parent
    return path.parent


def make_folder(folder: Path, created: list[Path] | None = None) -> None:
    """Create `folder` and its parents; record the ones this call made in `created`."""
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create the folder {folder} ({describe_os_error(error)})") from None
    if created is not None:
        created.extend(reversed(missing))


def remove_empty_folders(folders: Iterable[Path]) -> None:
    """Undo `make_folder` after a failure: remove the folders it made, if still empty."""
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):
            folder.rmdir()


# Every temp file or folder guide makes is named `.STEM.guide-PID-RANDOM.part`: hidden, stamped
# with the process that made it, so any later run can tell a killed build's leftovers (their
# process is gone) from a running build's, and remove them wherever they were made.
TEMP_MARK = "guide"
_TEMP_NAME = re.compile(r"^\..*\.guide-(\d+)-[a-z0-9_]+\.part$")
# What earlier versions made beside an MP3 (`.NAME.PID.RANDOM.part`, and `.part.spliced`).
_OLD_TEMP_NAME = re.compile(r"^\..+\.(\d+)\.[a-z0-9_]{8}\.part(?:\.spliced)?$")
TEMP_NAME_ROOM = 40  # what the temp name adds to its stem, with room to spare


def _temp_prefix(stem: str) -> str:
    return f".{stem}.{TEMP_MARK}-{os.getpid()}-"


def new_temp_file(folder: Path, stem: str) -> Path:
    """An empty temp file in `folder`, named so a later run can sweep it if this one is killed."""
    fd, name = tempfile.mkstemp(dir=folder, prefix=_temp_prefix(stem), suffix=TEMP_SUFFIX)
    os.close(fd)
    return Path(name)


def new_temp_folder(folder: Path, stem: str) -> Path:
    """An empty temp folder in `folder`, named like `new_temp_file`'s files."""
    return Path(tempfile.mkdtemp(dir=folder, prefix=_temp_prefix(stem), suffix=TEMP_SUFFIX))


def temp_owner(name: str) -> int | None:
    """The process id in a guide temp name, or None if `name` is not one."""
    match = _TEMP_NAME.match(name) or _OLD_TEMP_NAME.match(name)
    return int(match.group(1)) if match else None


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def sweep_temps(folder: Path) -> None:
    """Remove the temp files and folders in `folder` whose process is gone (a killed build)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        pid = temp_owner(entry.name)
        if pid is None or _pid_alive(pid):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)


class Staged:
    """Outputs written to temp files beside their targets, then renamed over them together:
    all of them appear, or (on any failure, or Ctrl-C) none of them changes.

    Use as a context manager; `commit()` renames. Leaving the block without committing
    removes the temp files.
    """

    def __init__(self) -> None:
        self._temps: list[tuple[Path, Path, Role]] = []  # (temp, target, role)

    def __enter__(self) -> Staged:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.discard()

    def produce(self, path: Path, make: Callable[[Path], None], role: Role = Role.MP3) -> None:
        """Run `make(temp)` on a temp file beside `path`. Raises OutputError."""
        check_target(path, role)
        make_folder(path.parent)
        sweep_temps(path.parent)
        try:
            temp = new_temp_file(path.parent, path.name)
        except OSError as error:
            raise OutputError(role, f" {path}: cannot write to {path.parent} ({describe_os_error(error)})") from None
        self._temps.append((temp, path, role))
        try:
            make(temp)
            os.chmod(temp, 0o644)
        except OSError as error:
            raise OutputError(role, f" {path}: cannot write it ({describe_os_error(error)})") from None

    def write(self, path: Path, data: bytes, role: Role = Role.MP3) -> None:
        def write(temp: Path) -> None:
            temp.write_bytes(data)

        self.produce(path, write, role)

    def commit(self) -> None:
        """Rename every temp over its target. Raises OutputError (nothing renamed) when a target
        became something guide never replaces while the work went on."""
        for _, path, role in self._temps:
            check_target(path, role)
        with _signals_held():  # Ctrl-C between two renames would leave some outputs new, some old
            for temp, path, role in self._temps:
                try:
                    os.replace(temp, path)
                except OSError as error:
                    raise OutputError(role, f" {path}: cannot write it ({describe_os_error(error)})") from None
            self._temps.clear()

    def discard(self) -> None:
        for temp, _, _ in self._temps:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
        self._temps.clear()


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait (in the main thread) until the block is over."""
    held = {signal.SIGINT, signal.SIGTERM}
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def produce_atomically(path: Path, make: Callable[[Path], None], role: Role = Role.MP3) -> None:
    """Run `make(temp)` on a temp file beside `path`, then rename it over `path`.

    On any failure (or Ctrl-C) the temp file is removed and `path` is untouched.
    Raises OutputError when the folder or file cannot be written.
    """
    with Staged() as staged:
        staged.produce(path, make, role)
        staged.commit()


def write_atomically(path: Path, data: bytes, role: Role = Role.MP3) -> None:
    """`data` at `path`, whole or not at all. Raises OutputError."""
    with Staged() as staged:
        staged.write(path, data, role)
        staged.commit()


def write_new_file(path: Path, data: bytes, role: Role, force: bool = False) -> None:
    """`data` at `path`, whole or not at all, where nothing is yet (or, with `force`, over a
    regular file). What is there decides first: a folder or device is refused even with `force`.
    Raises OutputError."""
    check_target(path, role)
    if lexists(path, role) and not force:
        raise OutputError(role, f" {path} already exists; pass ", Role.FORCE, " to overwrite it")
    write_atomically(path, data, role)


def read_regular_file(path: Path, limit: int, what: str = "a routine") -> bytes:
    """The bytes of a regular file of at most `limit` bytes, never blocking on a FIFO or
    reading a device. Raises OSError subclasses for the caller to word, or ValueError
    with a reason when the file is not a regular file or is too large."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(f"is {file_kind(info.st_mode)}, not {what} file")
        if info.st_size > limit:
            raise ValueError(f"is {info.st_size:,} bytes; {what} is at most {limit:,}")
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # it grew while we read
                raise ValueError(f"is over {limit:,} bytes; {what} is at most that")
        return b"".join(chunks)
    finally:
        os.close(fd)
