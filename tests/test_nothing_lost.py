"""The outside battery of hostile cases, through the real CLI, in the order of the report:
data loss, hangs and crashes, misleading messages, new-user rough edges
(docs/contracts.md#nothing-lost, docs/contracts.md#errors).

Most cases fail before any synthesis; the few that must build use tiny routines and the
session-shared phrase cache (conftest), and those that need a process of their own run
`python -m guide` and are marked e2e.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guide.cli import app
from guide.report import clock, plural
from guide.script import ENGLISH
from guide.voices.cache import Entry, _decode, _encode

from .conftest import write
from .fake_google import FakeGoogle

TINY = "# Tiny\n\n## Squat\nreps: 2\ntempo: 1s\n\nSquat down.\n"
REPO = Path(__file__).resolve().parents[1]


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def one_error(result, *words: str) -> str:  # type: ignore[no-untyped-def]
    """Exit 2, one `error:` line, no traceback; returns the line."""
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    for word in words:
        assert word in lines[0], (word, lines[0])
    return str(lines[0])


def guide(*args: str, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run(
        [sys.executable, "-m", "guide", *args], capture_output=True, text=True, timeout=timeout, **kwargs
    )


def null_device(path: Path) -> Path:
    """A copy of /dev/null (CI runs as root); skips where mknod is not permitted."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("mknod needs root (CAP_MKNOD)")
    return path


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """`folder` cannot be written to, even by root (the immutable flag), for the block."""
    folder.chmod(0o555)
    immutable = False
    try:
        if os.geteuid() == 0:
            if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)]).returncode != 0:
                pytest.skip("root ignores permissions and chattr +i is not available here")
            immutable = True
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def built(tmp_path: Path, name: str = "x.mp3", text: str = TINY) -> tuple[Path, Path]:
    routine = write(tmp_path / "r.md", text)
    mp3 = tmp_path / name
    result = run("build", str(routine), "-o", str(mp3), "-q")
    assert result.exit_code == 0, result.output
    return routine, mp3


# --- Data loss ------------------------------------------------------------------------------


@pytest.mark.parametrize("option", ["-o", "--timeline"])
def test_output_onto_the_routine_is_refused(tmp_path: Path, option: str) -> None:
    routine = write(tmp_path / "r.md", TINY)
    one_error(run("build", str(routine), option, str(routine)), "the routine itself")
    assert routine.read_text() == TINY


@pytest.mark.parametrize(("option", "name"), [("--timeline", "x.mp3"), ("--subtitles", "x.srt")])
def test_sidecar_onto_the_mp3_is_refused(tmp_path: Path, option: str, name: str) -> None:
    routine = write(tmp_path / "r.md", TINY)
    target = write(tmp_path / name, "precious")
    one_error(run("build", str(routine), "-o", str(target), option, str(target)), option, "same file as -o")
    assert target.read_text() == "precious"


@pytest.mark.parametrize("command", ["build", "init"])
def test_output_onto_a_device_is_refused(tmp_path: Path, command: str) -> None:
    device = null_device(tmp_path / "null")
    routine = write(tmp_path / "r.md", TINY)
    args = ["build", str(routine), "-o", str(device)] if command == "build" else ["init", str(device), "--force"]
    one_error(run(*args), "a device", "never replaces")
    assert stat.S_ISCHR(device.lstat().st_mode)


@pytest.mark.e2e
def test_a_truncated_mp3_is_rebuilt_not_up_to_date(tmp_path: Path) -> None:
    routine, mp3 = built(tmp_path)
    whole = mp3.read_bytes()
    mp3.write_bytes(whole[: len(whole) // 2])  # the tag (at the front) survives
    result = run("build", str(routine), "-o", str(mp3))
    assert result.exit_code == 0 and "up to date" not in result.output, result.output
    assert mp3.read_bytes() == whole
    assert "up to date" in run("build", str(routine), "-o", str(mp3)).output


@pytest.mark.e2e
def test_kill_9_during_encoding_leaves_a_part_that_the_next_build_removes(tmp_path: Path) -> None:
    long = write(tmp_path / "long.md", "# Long\n\n## Plank\nhold: 25 min\n\nHold still.\n")
    mp3 = tmp_path / "x.mp3"
    child = subprocess.Popen(
        [sys.executable, "-m", "guide", "build", str(long), "-o", str(mp3)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    try:
        while not list(tmp_path.glob(".x.mp3.*.part")) and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)  # well into encoding
    finally:
        child.kill()
        child.wait()
    left = list(tmp_path.glob(".x.mp3.*.part"))
    assert left, "the build ended before it could be killed mid-encoding"
    assert not mp3.exists()
    routine = write(tmp_path / "r.md", TINY)
    assert run("build", str(routine), "-o", str(mp3), "-q").exit_code == 0
    assert not list(tmp_path.glob(".x.mp3.*.part")) and mp3.is_file()


# The class: every output option against every kind of thing it must never replace.
OPTIONS = {"-o": "x.mp3", "--timeline": "x.json", "--subtitles": "x.srt"}
KINDS = ["routine", "other-output", "device", "fifo", "folder", "symlink-to-routine"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("option", list(OPTIONS))
def test_no_output_option_replaces_anything_it_must_not(tmp_path: Path, option: str, kind: str) -> None:
    routine = write(tmp_path / "r.md", TINY)
    args = ["build", str(routine), "-o", str(tmp_path / "x.mp3")]
    if kind == "routine":
        target = routine
    elif kind == "symlink-to-routine":
        target = tmp_path / "link.srt"
        target.symlink_to(routine)
    elif kind == "device":
        target = null_device(tmp_path / "null.srt")
    elif kind == "fifo":
        target = tmp_path / "pipe.srt"
        os.mkfifo(target)
    elif kind == "folder":
        target = tmp_path / "folder.srt"
        target.mkdir()
    else:  # another output of the same build already uses that name
        other = "--timeline" if option != "--timeline" else "--subtitles"
        target = write(tmp_path / "shared.srt", "precious")
        args += [other, str(target)]
    if option == "-o":
        args[3] = str(target)
    else:
        args += [option, str(target)]
    before = target.lstat()
    one_error(run(*args))
    after = target.lstat()
    assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode) and after.st_ino == before.st_ino
    assert routine.read_text() == TINY
    if kind == "other-output":
        assert target.read_text() == "precious"
    assert not (tmp_path / "x.mp3").exists()


# --- Hangs and crashes ----------------------------------------------------------------------


@pytest.mark.e2e
def test_a_fifo_as_the_routine_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "r.md"
    os.mkfifo(fifo)
    done = guide("plan", str(fifo), timeout=30)
    assert done.returncode == 2 and done.stderr.startswith("error: ") and "named pipe" in done.stderr


def test_dev_zero_as_the_routine_is_refused_without_reading_it() -> None:
    one_error(run("plan", "/dev/zero"), "/dev/zero", "a device")


@pytest.mark.parametrize("digits", [400, 5000])
def test_reps_with_hundreds_of_digits_is_one_error(tmp_path: Path, digits: int) -> None:
    routine = write(tmp_path / "r.md", f"# T\n\n## Squat\nreps: {'9' * digits}\n")
    one_error(run("plan", str(routine)), "r.md:4", "far too large")
    prose = write(tmp_path / "p.md", f"# T\n\n## Squat\nDo {'9' * digits} reps.\n")
    one_error(run("plan", str(prose)), "p.md:4", "far too large")


@pytest.mark.parametrize("where", ["routine", "init", "-o", "--timeline", "--subtitles", "--cache-dir", "watch"])
def test_a_300_character_file_name_is_one_error(tmp_path: Path, where: str) -> None:
    long = tmp_path / ("a" * 300)
    routine = write(tmp_path / "r.md", TINY)
    args = {
        "routine": ["plan", f"{long}.md"],
        "init": ["init", f"{long}.md"],
        "-o": ["build", str(routine), "-o", f"{long}.mp3"],
        "--timeline": ["build", str(routine), "--timeline", f"{long}.json"],
        "--subtitles": ["build", str(routine), "--subtitles", f"{long}.srt"],
        "--cache-dir": ["build", str(routine), "-o", str(tmp_path / "x.mp3"), "--cache-dir", str(long)],
        "watch": ["watch", f"{long}.md"],
    }[where]
    one_error(run(*args), "too long")


@pytest.mark.e2e
@pytest.mark.parametrize("delay", [0.15, 0.3, 0.45, 0.6])  # CPython's own start-up (~30 ms) comes first
def test_ctrl_c_at_start_up_is_one_line_and_130(tmp_path: Path, delay: float) -> None:
    routine = write(tmp_path / "r.md", TINY)
    # A fresh cache, so the build is still loading the voice or synthesizing when Ctrl-C comes
    # (a cached tiny build is over in a fraction of a second).
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "guide",
            "build",
            str(routine),
            "-o",
            str(tmp_path / "x.mp3"),
            "--cache-dir",
            str(tmp_path / "fresh-cache"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(delay)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    if child.returncode == -signal.SIGINT:  # before Python could install its handler: the shell says 130
        assert err == ""
    else:
        assert child.returncode == 130 and err.startswith("error: interrupted") and err.count("\n") == 1, err


@pytest.mark.e2e
@pytest.mark.parametrize("rate", [0, -24000, 10**9, 1])
def test_a_cache_entry_with_a_valid_checksum_and_a_bad_rate_is_made_again(tmp_path: Path, rate: int) -> None:
    cache = tmp_path / "cache"
    routine = write(tmp_path / "r.md", TINY)
    args = ["build", str(routine), "-o", str(tmp_path / "x.mp3"), "--cache-dir", str(cache), "--force"]
    assert run(*args).exit_code == 0
    entries = list(cache.glob("*/*.clip"))
    for path in entries:
        good = _decode(path.read_bytes())
        assert good is not None
        path.write_bytes(_encode(Entry(good.pcm, rate)))  # a checksum that matches, a rate that cannot be
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert f"{len(entries)} phrases synthesized, 0 cached" in result.output


@pytest.mark.e2e
@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_a_cache_entry_that_is_a_link_to_dev_zero_or_a_fifo_is_made_again(tmp_path: Path, kind: str) -> None:
    cache = tmp_path / "cache"
    routine = write(tmp_path / "r.md", TINY)
    args = ["build", str(routine), "-o", str(tmp_path / "x.mp3"), "--cache-dir", str(cache), "--force", "-q"]
    assert guide(*args).returncode == 0
    victim = sorted(cache.glob("*/*.clip"))[0]
    victim.unlink()
    if kind == "fifo":
        os.mkfifo(victim)
    else:
        victim.symlink_to("/dev/zero")
    done = guide(*args, timeout=60)
    assert done.returncode == 0 and "1 phrase synthesized" in done.stdout, done.stderr
    assert victim.is_file() and not victim.is_symlink()


# --- Misleading messages --------------------------------------------------------------------


def test_a_symlink_loop_says_loop(tmp_path: Path) -> None:
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    line = one_error(run("plan", str(tmp_path / "a.md")), "symbolic link loop")
    assert "no such file" not in line


def test_a_tab_after_the_hashes_is_a_heading(tmp_path: Path) -> None:
    routine = write(tmp_path / "r.md", "#\tTabbed\n\n##\tSquat\nreps: 2\n")
    result = run("plan", str(routine), "--json")
    assert result.exit_code == 0, result.output
    assert '"name": "Squat"' in result.output and '"title": "Tabbed"' in result.output


def test_a_timeline_into_a_read_only_folder_blames_timeline(tmp_path: Path) -> None:
    routine = write(tmp_path / "r.md", TINY)
    locked = tmp_path / "locked"
    locked.mkdir()
    with read_only(locked):
        line = one_error(
            run("build", str(routine), "-o", str(tmp_path / "x.mp3"), "--timeline", str(locked / "t.json")),
            "--timeline",
        )
    assert "-o " not in line
    assert not (tmp_path / "x.mp3").exists()


def test_init_onto_a_folder_talks_about_routine_files(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    line = one_error(run("init", str(folder), "--force"), "is a folder", "routine.md")
    assert "mp3" not in line.lower()


def test_a_half_second_hold_is_refused_with_a_true_reason(tmp_path: Path) -> None:
    routine = write(tmp_path / "r.md", "# T\n\n## Plank\nhold: 0.5s\n")
    line = one_error(run("plan", str(routine)), "r.md:4", "outside 1-1800", "'Hold'")
    assert "longer than" not in line
    ok = run("plan", str(write(tmp_path / "s.md", "# T\n\n## Plank\nhold: 1s\n")))
    assert ok.exit_code == 0 and "longer than" not in ok.output, ok.output


@pytest.mark.e2e
def test_ctrl_c_before_the_outputs_are_renamed_changes_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import guide.render.sidecars

    routine, mp3 = built(tmp_path)
    before = mp3.read_bytes()

    def interrupted(*_args: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(guide.render.sidecars, "srt", interrupted)  # Ctrl-C once the MP3 is encoded
    result = run(
        "build",
        str(routine),
        "-o",
        str(mp3),
        "--timeline",
        str(tmp_path / "t.json"),
        "--subtitles",
        str(tmp_path / "s.srt"),
        "--force",
    )
    assert result.exit_code == 130 and "whole or not at all" in result.output
    assert mp3.read_bytes() == before and not (tmp_path / "t.json").exists() and not (tmp_path / "s.srt").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["r.md", "x.mp3"], "no temp file left"


def test_gtts_without_network_never_claims_cached_phrases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    FakeGoogle(unreachable=True).install(monkeypatch)
    monkeypatch.setattr("guide.voices.synthesize.time.sleep", lambda _seconds: None)  # the backoff, without the wait
    routine = write(tmp_path / "r.md", TINY)
    line = one_error(
        run(
            "build",
            str(routine),
            "-o",
            str(tmp_path / "x.mp3"),
            "--voice",
            "gtts:en",
            "--cache-dir",
            str(tmp_path / "cache"),
        ),
        "none could be made",
    )
    assert "the others are cached" not in line


def test_cache_clear_on_a_read_only_cache_fails_honestly(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    shard = cache / "ab"
    shard.mkdir(parents=True)
    (shard / ("ab" + "0" * 62 + ".clip")).write_bytes(_encode(Entry(b"\0\0", 24000)))
    with read_only(shard):
        one_error(run("cache", "clear", "--cache-dir", str(cache)), "not the rest")
    assert run("cache", "clear", "--cache-dir", str(cache)).exit_code == 0
    assert not shard.exists()


@pytest.mark.e2e
def test_a_cache_shard_replaced_by_a_file_breaks_nothing(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    routine = write(tmp_path / "r.md", TINY)
    args = ["build", str(routine), "-o", str(tmp_path / "x.mp3"), "--cache-dir", str(cache), "--force", "-q"]
    assert run(*args).exit_code == 0
    shard = sorted(path for path in cache.iterdir() if path.is_dir())[0]
    shutil.rmtree(shard)
    shard.write_text("not a folder")
    assert run(*args).exit_code == 0 and shard.is_dir()
    shutil.rmtree(shard)
    shard.write_text("not a folder")
    assert run("cache", "clear", "--cache-dir", str(cache)).exit_code == 0
    assert shard.read_text() == "not a folder", "clear removes only what guide wrote"
    assert not list(cache.glob("*/*.clip"))


def test_an_mp3_under_another_name_is_refused(tmp_path: Path) -> None:
    routine = write(tmp_path / "r.md", TINY)
    one_error(run("build", str(routine), "-o", str(tmp_path / "x.wav")), "-o", ".mp3")
    assert not (tmp_path / "x.wav").exists()


# --- New-user rough edges -------------------------------------------------------------------


def test_help_shows_defaults_version_and_short_help() -> None:
    build_help = run("build", "--help").output
    assert "output/TITLE.mp3" in build_help and "<bool>" not in build_help
    assert run("--version").output.startswith("guide ")
    assert "Usage" in run("-h").output and "Usage" in run("build", "-h").output
    bare = run()
    assert bare.exit_code == 0 and "Commands" in bare.output


@pytest.mark.e2e
def test_titles_in_any_script_keep_their_letters_and_replacing_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = TINY.replace("# Tiny", "# Étirement du matin")
    first = write(tmp_path / "a.md", text)
    assert run("build", str(first), "-q").exit_code == 0
    assert Path("output/étirement-du-matin.mp3").is_file()
    assert run("plan", str(write(tmp_path / "g.md", TINY.replace("# Tiny", "# Утренняя растяжка")))).exit_code == 0
    second = write(tmp_path / "b.md", text.replace("Squat down.", "Squat low."))
    result = run("build", str(second), "-q")
    assert (
        result.exit_code == 0 and "note: replaced output/étirement-du-matin.mp3, which was made from" in result.output
    )
    assert "a.md" in result.output


@pytest.mark.e2e
def test_tests_pass_from_a_plain_clone(tmp_path: Path) -> None:
    """A copy of the tracked files alone, with nothing beside it: the article and contract tests
    run (none skipped) and pass. The project needs no folder outside itself."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    clone = tmp_path / "clone"
    for name in filter(None, listed.decode().split("\0")):
        if (REPO / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, clone / name)
    tests = ["tests/test_infer.py", "tests/test_cli.py", "tests/test_builtins.py", "tests/test_docs.py"]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests],
        cwd=clone,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    assert "skipped" not in done.stdout and " passed" in done.stdout, done.stdout[-2000:]


def test_the_cache_can_be_pruned_least_recently_used_first(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    paths = []
    for number in range(4):
        key = f"{number:02d}" + "0" * 62
        path = cache / key[:2] / f"{key}.clip"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_encode(Entry(b"\0\0" * 50_000, 24000)))
        os.utime(path, (1_000_000 + number, 1_000_000 + number))
        paths.append(path)
    size = paths[0].stat().st_size
    result = run("cache", "prune", "--max-mb", str(2.5 * size / 1e6), "--cache-dir", str(cache))
    assert result.exit_code == 0 and result.output.startswith("removed 2 phrases"), result.output
    assert [path.exists() for path in paths] == [False, False, True, True]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "GUIDE_CACHE_DIR" in readme and "cache prune" in readme


@pytest.mark.e2e
def test_odd_text_leaves_stderr_to_guide_and_plan_echoes_no_control_characters(tmp_path: Path) -> None:
    odd = write(
        tmp_path / "odd.md",
        "# Odd \x1b[31mred\x07\n\n## Присед 💪\x1b]0;title\x07\nreps: 2\ntempo: 1s\n\nДелай ✓ ∑ ≠ ⊕ ʘǂ 日本語.\n",
    )
    done = guide("build", str(odd), "-o", str(tmp_path / "x.mp3"), "--cache-dir", str(tmp_path / "cache"))
    assert done.returncode == 0, done.stderr
    assert all(line.startswith(("warning: ", "note: ")) for line in done.stderr.splitlines()), done.stderr
    assert logging.getLogger("piper.phoneme_ids").isEnabledFor(logging.WARNING) is False
    plan = run("plan", str(odd))
    assert plan.exit_code == 0 and "\x1b" not in plan.output and "\x07" not in plan.output


def test_voices_say_their_language_and_garbage_onnx_is_unusable(tmp_path: Path) -> None:
    (tmp_path / "junk.onnx").write_bytes(b"not a model")
    (tmp_path / "junk.onnx.json").write_text('{"audio": {"sample_rate": 22050}}')
    result = run("voices", "--search", str(tmp_path))
    assert result.exit_code == 0
    lines = {line.split()[0]: line.split() for line in result.output.splitlines()}
    assert lines["gtts:fr"][1] == "fr" and lines["gtts:en-gb"][1] == "en"
    assert "unusable:" in lines[f"piper:{tmp_path / 'junk.onnx'}"]


def test_hours_print_and_speak_as_hours(tmp_path: Path) -> None:
    assert clock(229 * 60 + 12) == "3:49:12"
    assert "two hours and ten minutes" in ENGLISH.welcome("Long", 130, 3)
    assert "hundred" not in ENGLISH.welcome("Long", 229, 3)
    routine = write(tmp_path / "r.md", "# Long\n\n## Plank\nsets: 5\nhold: 30 min\nrest: 1 min\n")
    result = run("plan", str(routine))
    assert result.exit_code == 0 and "total 2:" in result.output, result.output


def test_one_phrase_init_newline_and_no_empty_folders_after_a_failure(tmp_path: Path) -> None:
    assert plural(1, "phrase") == "1 phrase" and plural(2, "phrase") == "2 phrases"
    target = tmp_path / "mine.md"
    assert run("init", str(target)).exit_code == 0
    assert target.read_bytes().endswith(b"\n") and not target.read_bytes().endswith(b"\n\n")
    routine = write(tmp_path / "r.md", TINY)
    one_error(
        run(
            "build",
            str(routine),
            "-o",
            str(tmp_path / "deep" / "er" / "x.mp3"),
            "--voice",
            f"piper:{tmp_path / 'missing.onnx'}",
        ),
        "missing.onnx",
    )
    assert not (tmp_path / "deep").exists()
