"""How a long build says what it is doing: one small interface, stages with a size each."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def stage(self, name: str, total: int) -> None:
        """A new stage starts ("synthesizing", "levelling", "encoding") with `total` steps."""

    def advance(self, steps: int = 1) -> None:
        """`steps` more steps of the current stage are done."""

    def done(self) -> None:
        """The build is over (successfully or not)."""


class Silent:
    """Progress that shows nothing (tests, a quiet build, output that is not a terminal)."""

    def stage(self, name: str, total: int) -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        pass

    def done(self) -> None:
        pass


SILENT = Silent()
