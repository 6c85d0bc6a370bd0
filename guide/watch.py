"""`guide watch`: rebuild on every save, report each result, never stop on a mistake."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from watchfiles import watch

from .build import BuildOptions, BuildResult, build
from .errors import GuideError
from .routine import load_routine

DEBOUNCE_MS = 300  # editors write a file in several steps; build once they are done


def build_once(routine: Path, output: Path | None, options: BuildOptions,
               output_for: Callable[[str], Path]) -> BuildResult:  # fmt: skip
    parsed = load_routine(routine)
    return build(parsed, output or output_for(parsed.title), options)


def watch_routine(
    routine: Path,
    output: Path | None,
    options: BuildOptions,
    output_for: Callable[[str], Path],
    on_result: Callable[[BuildResult], None],
    on_error: Callable[[GuideError], None],
    stop: threading.Event | None = None,
) -> None:
    """Build now and after every change to `routine`, until `stop` is set (or Ctrl-C)."""

    def attempt() -> None:
        try:
            on_result(build_once(routine, output, options, output_for))
        except GuideError as error:
            on_error(error)

    attempt()
    target = routine.resolve()
    # Watch the folder, not the file: editors often replace a file by renaming a new one over it.
    for changes in watch(target.parent, debounce=DEBOUNCE_MS, stop_event=stop, rust_timeout=500,
                         watch_filter=lambda _change, path: Path(path) == target):  # fmt: skip
        if changes:
            attempt()
