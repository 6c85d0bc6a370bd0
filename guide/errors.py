"""The one exception family whose messages are written for the person running guide.

The CLI prints ``error: <message>`` and exits 2 for any ``GuideError``; anything
else is a bug and keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .routine.model import Routine


class GuideError(Exception):
    """A problem the user can fix; ``str()`` is a complete, one-line sentence."""


class RoutineError(GuideError):
    """The routine text cannot be read or does not make sense."""

    def __init__(self, source: str | Path, line: int | None, problem: str, fix: str = "") -> None:
        self.source = str(source)
        self.line = line
        self.problem = problem
        self.fix = fix
        where = f"{self.source}:{line}" if line else self.source
        message = f"{where}: {problem}"
        if fix:
            message += f" ({fix})"
        super().__init__(_one_line(message))


class NothingFoundError(RoutineError):
    """An article or page where the reader found no exercises: a person can still write the routine by
    hand from it (a front end says how, e.g. the CLI's `guide import`). `found` is what was read
    (the title, what was skipped), from which `guide import` writes the file to fill in."""

    found: Routine | None = None
    text: str = ""  # the article's text as read (a page's main content), to write the routine from


class LimitError(GuideError):
    """A value is possible to write but absurd to render (reps 100000, a 10 h hold)."""


class VoiceError(GuideError):
    """A voice cannot be chosen or cannot speak; the message names the probable cause."""


class SynthesisIncomplete(VoiceError):
    """Some phrases could not be synthesized; the ones that were are cached."""

    def __init__(self, missing: int, total: int, cause: str) -> None:
        self.missing = missing
        self.total = total
        if missing >= total:
            resume = "none could be made; check the connection and run it again"
        else:
            resume = "the others are cached, so re-running fetches only the missing ones"
        super().__init__(f"{missing} of {total} phrases are still missing: {cause}; {resume}")


class Role(StrEnum):
    """Something the caller chose, named in the library's words ("the MP3", "speech rate").
    The library never spells a command-line flag: a front end names each role its own way
    (the CLI maps it to a flag, as click's param_hint does) through `RoleError.worded`."""

    MP3 = "the MP3"
    TIMELINE = "the timeline"
    SUBTITLES = "the subtitles"
    ROUTINE_COPY = "the routine copy"  # where `write_builtin` puts an editable built-in routine
    IMPORTED = "the imported routine"  # where `import_file` writes a page as Markdown
    ROUTINE_NAME = "the routine name"  # which built-in routine
    CACHE_DIR = "the cache folder"
    CACHE_LIMIT = "the size to keep"  # what pruning leaves in the cache
    FORCE = "force=True"  # the choice to replace a file that is there
    SPEECH_RATE = "speech rate"
    REP_SECONDS = "seconds per rep"
    REST_SECONDS = "seconds of rest"
    BITRATE = "bitrate"
    LANGUAGE = "the language"  # the coach's, when it is not the voice's


class RoleError(GuideError):
    """A mistake in something the caller chose. The message is built from text and roles so a
    front end can word it with its own names for them; `role` is the first role named (the
    choice at fault)."""

    def __init__(self, *parts: str | Role) -> None:
        self.parts = parts
        self.role = next((part for part in parts if isinstance(part, Role)), None)
        super().__init__(self.worded(str))

    def worded(self, name: Callable[[Role], str]) -> str:
        """The message with each role named by `name` (`str` gives the library's own words)."""
        return "".join(name(part) if isinstance(part, Role) else part for part in self.parts)


class SettingError(RoleError):
    """A build setting is out of bounds, or names nothing there is (a built-in routine)."""


class OutputError(RoleError):
    """The MP3 or a sidecar cannot be written where asked."""


class FfmpegError(GuideError):
    """ffmpeg could not decode or encode; the message ends with ffmpeg's own reason."""

    def __init__(self, what: str, detail: str) -> None:
        self.what = what
        self.detail = detail
        super().__init__(_one_line(f"{what}: {detail}"))


def _one_line(text: str) -> str:
    return " ".join(text.split())


class TransientVoiceError(VoiceError):
    """A failure that may pass (timeout, rate limit, server error): worth a retry."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        self.retry_after = retry_after
        super().__init__(message)


def caused_by_interrupt(error: BaseException) -> bool:
    """Whether Ctrl-C is behind `error` (a C extension's import turns it into ImportError)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False
