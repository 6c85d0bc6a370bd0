"""The `guide` command (and `python -m guide`).

Imports happen inside `main`, so Ctrl-C while Python is still starting up is one line,
not a traceback.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from .cli import app

        app(prog_name="guide")
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
