"""Keys that change whenever anything that shapes an output changes.

A cache key or an "up to date" check is the hash of a recipe: the settings themselves
(frozen dataclasses, numbers, strings) and the source code of the modules that use them.
Changing a constant or the code that applies it can therefore never serve a stale clip or
call a stale MP3 up to date, and nobody has to remember to bump a version string.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.util
import json
from pathlib import Path
from types import ModuleType


def _plain(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            "type": type(value).__name__,
            **{f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)},
        }
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, ModuleType):
        return code_digest(value)
    if isinstance(value, Path):
        return str(value)
    return value


def fingerprint(*parts: object) -> str:
    """A sha256 hex digest of `parts`: dataclasses by their fields, modules by their source."""
    return hashlib.sha256(json.dumps(_plain(list(parts)), sort_keys=True).encode()).hexdigest()


@functools.cache
def _file_digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def code_digest(module: ModuleType) -> str:
    """The digest of a module's source file (what it does, not what it is called)."""
    path = getattr(module, "__file__", None)
    return f"{module.__name__}:{_file_digest(path)}" if path else module.__name__


def source_digest(name: str) -> str:
    """The digest of module `name`'s source without running it, so a render key can name
    guide.audio.level (and the settings constants written in it) without importing numpy."""
    spec = importlib.util.find_spec(name)
    origin = spec.origin if spec is not None else None
    return f"{name}:{_file_digest(origin)}" if origin else name


@functools.cache
def package_version(name: str) -> str:
    from importlib import metadata  # pulls in email and zipfile: only when a key needs it

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"
