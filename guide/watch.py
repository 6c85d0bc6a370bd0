"""`guide watch`: rebuild on every save, report each result, never stop on a mistake.

A warm process: the voice model, imports and phrase cache stay loaded between builds.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from .build import BuildOptions, BuildResult, Outputs, build_file
from .errors import GuideError
from .progress import SILENT, Progress

DEBOUNCE_MS = 300  # editors write a file in several steps; build once they are done


def watch_routine(
    routine: Path,
    outputs: Outputs,
    options: BuildOptions,
    on_result: Callable[[BuildResult], None],
    on_error: Callable[[GuideError], None],
    stop: threading.Event | None = None,
    on_start: Callable[[], None] | None = None,
    progress: Progress = SILENT,
) -> None:
    """Build now and after every change to `routine`, until `stop` is set (or Ctrl-C).

    Each build is `build_file` with the same outputs and options; its GuideError goes to
    `on_error` and watching goes on.
    """
    from watchfiles import watch

    def attempt() -> None:
        if on_start:
            on_start()
        try:
            on_result(build_file(routine, outputs, options, progress))
        except GuideError as error:
            on_error(error)

    attempt()
    target = routine.resolve()
    # Watch the folder, not the file: editors often replace a file by renaming a new one over it.
    for changes in watch(
        target.parent,
        debounce=DEBOUNCE_MS,
        stop_event=stop,
        rust_timeout=500,
        watch_filter=lambda _change, path: Path(path) == target,
    ):
        if changes:
            attempt()
