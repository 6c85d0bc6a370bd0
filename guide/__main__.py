"""The `guide` command (and `python -m guide`).

Imports happen inside `main`, so Ctrl-C while Python is still starting up is one line,
not a traceback.
"""

from __future__ import annotations

import os
import sys

INTERRUPTED = 130  # what shells report for a command stopped by Ctrl-C


def main() -> None:
    try:
        from .cli import app

        app(prog_name="guide")
    except KeyboardInterrupt:
        _interrupted("error: interrupted\n")
    except SystemExit as done:
        if done.code != INTERRUPTED:
            raise
        # typer turns a Ctrl-C outside guide's own handler (while a command's imports load)
        # into a silent exit 130; guide's handler has already said what happened.
        typer_exit = done.__context__
        said = typer_exit is None or not isinstance(typer_exit.__cause__, KeyboardInterrupt)
        _interrupted("" if said else "error: interrupted\n")


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
