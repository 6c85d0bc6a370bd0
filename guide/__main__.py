"""`python -m guide` is the `guide` command."""

from .cli import app

app(prog_name="guide")
