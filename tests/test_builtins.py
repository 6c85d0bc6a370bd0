"""The built-in routines: listed, copied by `init`, and each a valid routine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guide.cli import app
from guide.routine import builtin_routines, builtin_text, parse_routine


def test_every_built_in_routine_parses() -> None:
    names = [name for name, _ in builtin_routines()]
    assert {"post-run-hip-mobility", "post-run-strength-circuit"} <= set(names)
    for name in names:
        assert parse_routine(builtin_text(name), name).exercises


def test_routines_lists_them_and_init_copies_one(tmp_path: Path) -> None:
    runner = CliRunner()
    listing = runner.invoke(app, ["routines"])
    assert listing.exit_code == 0 and "Post-Run Strength Circuit" in listing.output
    # Listed as `init --routine` takes them (and as the README writes them): no .md.
    assert listing.output.split()[0] == "post-run-hip-mobility", listing.output
    target = tmp_path / "circuit.md"
    made = runner.invoke(app, ["init", str(target), "--routine", "post-run-strength-circuit"])
    assert made.exit_code == 0, made.output
    assert target.read_text(encoding="utf-8").endswith("\n")
    plan = runner.invoke(app, ["plan", str(target), "--json"])
    document = json.loads(plan.output)
    assert document["blocks"][0]["rounds"] == 3 and document["blocks"][0]["rest_seconds"] == 45.0


@pytest.mark.parametrize("name", ["nope", "../etc/passwd"])
def test_an_unknown_built_in_is_one_error_line(tmp_path: Path, name: str) -> None:
    result = CliRunner().invoke(app, ["init", str(tmp_path / "x.md"), "--routine", name])
    assert result.exit_code == 2 and result.output.startswith("error: ") and "post-run-hip-mobility" in result.output
    assert not (tmp_path / "x.md").exists()


def test_a_misspelt_built_in_suggests_the_closest() -> None:
    result = CliRunner().invoke(app, ["init", "x.md", "--routine", "post-run-strength"])
    assert result.exit_code == 2
    assert result.output.startswith("error: --routine post-run-strength: "), result.output
    assert "did you mean post-run-strength-circuit?" in result.output


def test_a_built_in_name_may_end_in_md(tmp_path: Path) -> None:
    made = CliRunner().invoke(app, ["init", str(tmp_path / "x.md"), "--routine", "post-run-strength-circuit.md"])
    assert made.exit_code == 0 and "(from post-run-strength-circuit)" in made.output, made.output
