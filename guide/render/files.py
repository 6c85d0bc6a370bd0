"""Files appear whole or not at all: written beside the target, then renamed over it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import OutputError


def check_target(path: Path) -> None:
    if path.is_dir():
        raise OutputError(f"{path} is a directory; give a file name such as {path / 'guide.mp3'}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create the folder {path.parent} ({error.strerror})") from None
    if not os.access(path.parent, os.W_OK):
        raise OutputError(f"cannot write to {path.parent} (permission denied); choose another place with -o")


def produce_atomically(path: Path, make: Callable[[Path], None]) -> None:
    """Run `make(temp)` on a temp file beside `path`, then rename it over `path`.

    On any failure (or Ctrl-C) the temp file is removed and `path` is untouched.
    """
    check_target(path)
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as error:
        raise OutputError(f"cannot write to {path.parent} ({error.strerror})") from None
    os.close(fd)
    temp = Path(name)
    try:
        make(temp)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as error:
        raise OutputError(f"cannot write {path} ({error.strerror})") from None
    finally:
        temp.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes) -> None:
    def write(temp: Path) -> None:
        temp.write_bytes(data)

    produce_atomically(path, write)
