"""The `guide` command (and `python -m guide`).

Imports happen inside `main`, so Ctrl-C while Python is still starting up is one line,
not a traceback.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import warnings

INTERRUPTED = 130  # what shells report for a command stopped by Ctrl-C
TERMINATED = 128 + 15  # ... and by SIGTERM


def _terminate(_signal: int, _frame: object) -> None:
    # SIGTERM unwinds like Ctrl-C, so every `finally` removes its temp files; quietly, as a
    # terminated program does.
    raise SystemExit(TERMINATED)


def main() -> None:
    signal.signal(signal.SIGTERM, _terminate)
    _quiet_libraries()
    code: object = 0
    try:
        from .cli import app

        app(prog_name="guide")
    except KeyboardInterrupt:
        _interrupted("error: interrupted\n")
    except SystemExit as done:
        if done.code == INTERRUPTED:
            _interrupted("")  # the CLI's front door has said what happened
        code = done.code
    except Exception as error:
        # Ctrl-C while a C extension loads (numpy, onnxruntime) comes back as its ImportError.
        from .errors import caused_by_interrupt

        if not caused_by_interrupt(error):
            raise
        _interrupted("error: interrupted\n")
    _finish(code)


def _quiet_libraries() -> None:
    """What guide says is all the person running it reads: a library's log records (which
    Python prints when nobody handles them) and warnings are not for them. onnxruntime's own
    C++ log is turned down where the voice loads (guide.voices.piper)."""
    logging.getLogger().addHandler(logging.NullHandler())
    warnings.simplefilter("ignore")


def _finish(code: object) -> None:
    """Exit with `code` now: the work is done and every file is closed, and interpreter
    teardown (joining threads, atexit hooks) is where a late Ctrl-C would print a traceback."""
    try:
        if isinstance(code, str):
            sys.stderr.write(code + "\n")
        sys.stdout.flush()
        sys.stderr.flush()
    except KeyboardInterrupt:
        _interrupted("error: interrupted\n")
    except OSError:
        pass  # a closed pipe: nothing more can be said
    os._exit(code if isinstance(code, int) else 0 if code is None else 1)


def _interrupted(message: str) -> None:
    sys.stderr.write(message)
    sys.stdout.flush()
    sys.stderr.flush()
    # Every `finally` has run (temp files are gone). A plain exit could still end by
    # re-raising SIGINT when CPython saw the interrupt pass through an import, so the
    # exit code would depend on timing; the code promised is 130.
    os._exit(INTERRUPTED)


if __name__ == "__main__":
    main()
