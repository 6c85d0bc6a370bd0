"""The one exception family whose messages are written for the person running guide.

The CLI prints ``error: <message>`` and exits 2 for any ``GuideError``; anything
else is a bug and keeps its traceback.
"""

from __future__ import annotations

from pathlib import Path


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


class SettingError(GuideError):
    """A build setting is out of bounds; `setting` names it (e.g. "rep_seconds") so a front end
    can say which of its own options that is."""

    def __init__(self, setting: str, message: str) -> None:
        self.setting = setting
        super().__init__(message)


class OutputError(GuideError):
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
