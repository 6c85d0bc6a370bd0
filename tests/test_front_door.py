"""The front door as a newcomer meets it: help screens that read whole, and a library that
names outputs and settings by role, leaving flags to the CLI (docs/contracts.md#errors)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from guide.cli import FLAGS, app
from guide.errors import Role

GUIDE = Path(__file__).resolve().parents[1] / "guide"


def _commands(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*path, name))


COMMANDS = list(_commands(typer.main.get_command(app)))
HELP = {"-h", "--help"}  # added by click to every command, not a parameter of it
FLAG_NAMES = HELP | {opt for _, command in COMMANDS for param in command.params for opt in param.opts}


def _help(path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(app, [*path, "--help"], terminal_width=80)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("path", [path for path, _ in COMMANDS], ids=lambda path: " ".join(path) or "guide")
def test_every_help_screen_reads_whole(path: tuple[str, ...]) -> None:
    text = _help(path)
    # No internal type names or typer's own argument brackets.
    assert not re.search(r"<(str|path|float|int|list\[[^\]]*\])>|\{[A-Za-z_]+\}", text), text
    # No description cut short, no reference to an option or command that does not exist.
    assert "..." not in text.replace("COMMAND [ARGS]...", ""), text
    for flag in re.findall(r"(?<![\w-])--?[a-z][a-z-]*", text):
        assert flag in FLAG_NAMES, f"{flag} in `guide {' '.join(path)} --help` is no option of guide"
    for command in re.findall(r"`guide ([a-z]+)", text):
        assert any(p[:1] == (command,) for p, _ in COMMANDS), f"`guide {command}` is no command"


def test_the_command_list_shows_each_description_in_full() -> None:
    text = _help(())
    listed = dict(re.findall(r"^  ([a-z]+) +(.+)$", text.split("Commands:")[1], re.M))
    top = typer.main.get_command(app)
    for name, command in top.commands.items():  # type: ignore[attr-defined]
        assert listed[name] == (command.short_help or command.help.split("\n")[0]).strip(), name


def _strings_outside_the_cli() -> Iterator[tuple[Path, int, str]]:
    for path in sorted(GUIDE.rglob("*.py")):
        if path.name == "cli.py" and path.parent == GUIDE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield path, node.lineno, node.value


def test_the_library_spells_no_command_line_flag() -> None:
    """Messages name outputs and settings by role ("the MP3"); cli.py alone maps roles to
    flags, so a second front end words them its own way (docs/contracts.md#errors)."""
    flags = sorted({flag for flag in FLAG_NAMES - HELP if flag.startswith("-")}, key=len, reverse=True)
    found = [
        f"{path.relative_to(GUIDE.parent)}:{line}: {flag}"
        for path, line, text in _strings_outside_the_cli()
        for flag in flags
        if re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", text)
    ]
    assert not found, "\n".join(found)


def test_every_role_has_a_flag() -> None:
    assert set(FLAGS) == set(Role)


def test_watch_starts_every_line_about_a_rebuild_with_the_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Redirected to a file, watch's log reads line by line: no bare timestamp line."""
    from guide import watch
    from guide.build import BuildOptions, BuildResult, plan
    from guide.errors import GuideError
    from guide.routine import parse_routine

    routine = tmp_path / "r.md"
    routine.write_text("# T\n\n## Squat\nreps: 2\n", encoding="utf-8")
    script = plan(parse_routine(routine.read_text(), str(routine)), BuildOptions())
    result = BuildResult(tmp_path / "r.mp3", script, "piper", 3, 4, 0.5, script.duration, 1000, 2, None, "other.md")

    def one_round(*args: Any, on_start: Any, **kwargs: Any) -> None:
        _routine, _outputs, _options, on_result, on_error = args
        on_start()
        on_error(GuideError("r.md:4: something is wrong"))
        on_start()
        on_result(result)

    monkeypatch.setattr(watch, "watch_routine", one_round)
    done = CliRunner().invoke(app, ["watch", str(routine)])
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    assert lines[0].startswith("watching ")
    for line in lines[1:]:
        assert re.fullmatch(r"\d\d:\d\d:\d\d \S.*", line), line
    assert any("up to date" in line for line in lines) and any("note: replaced" in line for line in lines)


@pytest.mark.parametrize("size", ["-5", "nan"])
def test_the_library_checks_the_size_to_keep_and_the_cli_names_its_flag(tmp_path: Path, size: str) -> None:
    from guide.errors import SettingError
    from guide.voices.cache import PhraseCache

    with pytest.raises(SettingError) as raised:
        PhraseCache(tmp_path).prune(float(size) * 1e6)
    assert raised.value.role is Role.CACHE_LIMIT and str(raised.value).startswith("the size to keep ")
    done = CliRunner().invoke(app, ["cache", "prune", "--max-mb", size, "--cache-dir", str(tmp_path)])
    assert done.exit_code == 2 and done.output.startswith(f"error: --max-mb {size} MB must be 0 or more"), done.output


def test_a_bad_bitrate_is_refused_by_the_library_and_worded_by_the_cli(tmp_path: Path) -> None:
    from guide.build import BuildOptions
    from guide.errors import SettingError

    with pytest.raises(SettingError) as raised:
        BuildOptions(bitrate_kbps=65)
    assert raised.value.role is Role.BITRATE and str(raised.value).startswith("bitrate 65 is not an MP3 bitrate")
    done = CliRunner().invoke(app, ["plan", "--help"])  # plan has no bitrate: only build and watch do
    assert "--bitrate" not in done.output
    for command in ("build", "watch"):
        routine = tmp_path / "r.md"
        routine.write_text("# T\n\n## Squat\nreps: 2\n", encoding="utf-8")
        result = CliRunner().invoke(app, [command, str(routine), "--bitrate", "65"])
        assert result.exit_code == 2 and result.output.startswith("error: --bitrate 65 is not an MP3 bitrate"), (
            result.output
        )
