"""The third outside battery (issue 22), through the real CLI: the cache commands, broken voice
configs, long text, kills, outputs that are all or nothing, and the front door. The web
fetch's cases run against a misbehaving local server in tests/test_web.py.

Most cases fail before any synthesis; those that build use tiny routines and the
session-shared phrase cache, and those that need processes of their own are marked e2e.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.cachedir import MARKER
from guide.errors import Role
from guide.files import Staged, temp_owner
from guide.pieces import MAX_PIECE_CHARS, pieces
from guide.voices.cache import Entry, _encode

from .conftest import write
from .test_nothing_lost import TINY, built, guide, one_error, run

OTHER = TINY.replace("Squat down.", "Squat down slowly.")
# Twenty minutes of audio from a handful of phrases: encoding takes long enough for a kill to land.
LONG = "# Long holds\n\n" + "".join(
    f"## {name}\nsets: 3\nhold: 2 min\nrest: 1 min\n\nHold still.\n\n" for name in ("Plank", "Side Plank", "Wall Sit")
)


def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def every_file(*folders: Path) -> set[Path]:
    return {path for folder in folders for path in folder.rglob("*")}


def guide_temps(*folders: Path) -> list[Path]:
    """Anything guide names as a temp in `folders` (recursively), and anything named for guide
    in a folder named `tmpdir` among them (the $TMPDIR given to the builds; libraries keep
    files of their own there)."""
    files = every_file(*folders)
    return [
        path
        for path in files
        if temp_owner(path.name) is not None or (path.parent.name == "tmpdir" and "guide" in path.name)
    ]


# --- Data loss: the cache commands only ever remove what guide wrote ------------------------


def home_like(folder: Path) -> dict[Path, str]:
    """A folder of someone's files, with two-character folders (one of them hex-named)."""
    files = {
        folder / "go" / "main.go": "package main\n",
        folder / "js" / "app.js": "console.log(1)\n",
        folder / "ab" / "notes.txt": "mine\n",
        folder / "ab" / ("ab" + "0" * 62 + ".clip"): "not a clip\n",
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return files


@pytest.mark.parametrize("command", [["clear"], ["prune", "--max-mb", "0"], ["info"]])
def test_a_folder_that_is_not_a_guide_cache_is_refused(tmp_path: Path, command: list[str]) -> None:
    files = home_like(tmp_path / "home")
    one_error(run("cache", *command, "--cache-dir", str(tmp_path / "home")), "not a guide cache", "'go'")
    assert all(path.read_text() == text for path, text in files.items())


@pytest.mark.parametrize("command", [["clear"], ["prune", "--max-mb", "0"], ["info"], ["build"]])
def test_a_file_as_the_cache_folder_is_refused(tmp_path: Path, command: list[str]) -> None:
    victim = write(tmp_path / "precious.txt", "keep me")
    if command == ["build"]:
        routine = write(tmp_path / "r.md", TINY)
        args = ["build", str(routine), "-o", str(tmp_path / "x.mp3"), "--cache-dir", str(victim)]
    else:
        args = ["cache", *command, "--cache-dir", str(victim)]
    one_error(run(*args), str(victim), "not a folder")
    assert victim.read_text() == "keep me"


def test_a_build_into_a_folder_of_other_things_is_refused(tmp_path: Path) -> None:
    files = home_like(tmp_path / "home")
    routine = write(tmp_path / "r.md", TINY)
    args = ["build", str(routine), "-o", str(tmp_path / "x.mp3"), "--cache-dir", str(tmp_path / "home")]
    one_error(run(*args), "not a guide cache")
    assert every_file(tmp_path / "home") == set(files) | {path.parent for path in files}


def shared_cache_copy(tmp_path: Path, isolated_cache: Path) -> Path:
    """A built guide's cache, copied: phrases and encoded segments, tagged as guide's."""
    built(tmp_path)
    cache = tmp_path / "cache"
    shutil.copytree(isolated_cache, cache, symlinks=True)
    return cache


def sizes(cache: Path) -> int:
    return sum(path.stat().st_size for path in cache.rglob("*") if path.is_file() and path.name != MARKER)


def test_info_prune_and_clear_cover_every_kind_of_entry(tmp_path: Path, isolated_cache: Path) -> None:
    cache = shared_cache_copy(tmp_path, isolated_cache)
    assert (cache / MARKER).is_file(), "guide tags the cache it creates"
    (cache / "ab").mkdir(exist_ok=True)
    stranger = write(cache / "ab" / "notes.txt", "mine")  # not guide's: never counted nor removed
    on_disk = sizes(cache) - stranger.stat().st_size
    info = run("cache", "info", "--cache-dir", str(cache))
    assert info.exit_code == 0 and " segment" in info.output and f"({on_disk / 1e6:.1f} MB)" in info.output, (
        info.output,
        on_disk,
    )
    limit = on_disk / 2
    pruned = run("cache", "prune", "--max-mb", str(limit / 1e6), "--cache-dir", str(cache))
    assert pruned.exit_code == 0, pruned.output
    assert sizes(cache) - stranger.stat().st_size <= limit
    cleared = run("cache", "clear", "--cache-dir", str(cache))
    assert cleared.exit_code == 0 and cleared.output.startswith("removed "), cleared.output
    assert sorted(path.relative_to(cache).as_posix() for path in cache.rglob("*")) == [
        MARKER,
        "ab",
        "ab/notes.txt",
    ]


def test_clear_never_follows_a_link_out_of_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / MARKER).write_bytes(b"Signature: 8a477f597d28d172789f06886806bc55\n# guide\n")
    elsewhere = tmp_path / "mine"
    entry = elsewhere / "ab" / ("ab" + "0" * 62 + ".mp3")
    entry.parent.mkdir(parents=True)
    entry.write_bytes(b"\xff\xfb\x90\x00 my own recording")
    (elsewhere / "cd").mkdir()
    (cache / "segments").symlink_to(elsewhere)
    (cache / "ef").symlink_to(elsewhere / "ab")
    result = run("cache", "clear", "--cache-dir", str(cache))
    assert result.exit_code == 0 and result.output.startswith("removed 0 phrases and 0 segments"), result.output
    assert entry.is_file() and (elsewhere / "cd").is_dir()


def test_a_cache_from_before_the_tag_is_still_a_cache(tmp_path: Path, isolated_cache: Path) -> None:
    """A cache written before guide tagged its caches holds only guide's entries: it is adopted."""
    cache = shared_cache_copy(tmp_path, isolated_cache)
    (cache / MARKER).unlink()
    routine = write(tmp_path / "r.md", TINY)
    result = run("build", str(routine), "-o", str(tmp_path / "y.mp3"), "--cache-dir", str(cache), "-q")
    assert result.exit_code == 0 and "0 phrases synthesized" in result.output, result.output
    assert (cache / MARKER).is_file()
    (cache / MARKER).unlink()
    cleared = run("cache", "clear", "--cache-dir", str(cache))
    assert cleared.exit_code == 0 and not list(cache.rglob("*.clip")), cleared.output


@pytest.mark.e2e
def test_an_empty_folder_becomes_a_tagged_cache(tmp_path: Path) -> None:
    cache = tmp_path / "empty"
    cache.mkdir()
    routine = write(tmp_path / "r.md", TINY)
    assert run("build", str(routine), "-o", str(tmp_path / "x.mp3"), "--cache-dir", str(cache), "-q").exit_code == 0
    assert (cache / MARKER).read_bytes().startswith(b"Signature: 8a477f597d28d172789f06886806bc55")


@pytest.mark.parametrize("size", ["inf", "1e308", "1e400"])
def test_prune_to_a_huge_size_keeps_everything(tmp_path: Path, size: str) -> None:
    cache = tmp_path / "cache"
    path = cache / "ab" / ("ab" + "0" * 62 + ".clip")
    path.parent.mkdir(parents=True)
    path.write_bytes(_encode(Entry(b"\0\0" * 100, 24000)))
    result = run("cache", "prune", "--max-mb", size, "--cache-dir", str(cache))
    assert result.exit_code == 0 and result.output.startswith("removed 0 phrases"), result.output
    assert path.is_file()


@pytest.mark.parametrize("size", ["nan", "-1", "-inf"])
def test_prune_to_a_size_that_is_not_one_is_one_error(tmp_path: Path, size: str) -> None:
    one_error(run("cache", "prune", "--max-mb", size, "--cache-dir", str(tmp_path)), "--max-mb", "must be 0 or more")


# --- A Piper voice with a broken config -------------------------------------------------------


def voice_with(tmp_path: Path, change: Callable[[dict[str, object]], object]) -> Path:
    from guide.voices.piper import bundled_model

    model = bundled_model()
    mine = tmp_path / "v.onnx"
    mine.symlink_to(model)
    config = json.loads(Path(f"{model}.json").read_text())
    change(config)
    Path(f"{mine}.json").write_text(json.dumps(config))
    return mine


BROKEN_CONFIGS: dict[str, Callable[[dict[str, object]], object]] = {
    "audio.sample_rate": lambda c: c.update(audio={"sample_rate": 0}),
    "num_speakers": lambda c: c.update(num_speakers="two"),
    "inference.length_scale": lambda c: c.update(inference={"length_scale": -1}),
    "phoneme_id_map": lambda c: c.pop("phoneme_id_map"),
    "espeak.voice": lambda c: c.update(espeak={"voice": 3}),
}


@pytest.mark.parametrize("field", list(BROKEN_CONFIGS))
def test_a_voice_config_with_a_wrong_field_is_one_error_naming_it(tmp_path: Path, field: str) -> None:
    voice = voice_with(tmp_path, BROKEN_CONFIGS[field])
    routine = write(tmp_path / "r.md", TINY)
    args = ["build", str(routine), "-o", str(tmp_path / "x.mp3"), "--voice", f"piper:{voice}"]
    one_error(run(*args), str(voice), field)
    assert not (tmp_path / "x.mp3").exists()
    listed = run("voices", "--search", str(tmp_path))
    assert listed.exit_code == 0 and "unusable" in listed.output and field in listed.output, listed.output


# --- Long text ----------------------------------------------------------------------------


def test_a_long_unpunctuated_paragraph_is_said_in_phrase_sized_pieces() -> None:
    words = "keep your back straight and your shoulders down while you lower the hips toward the floor"
    text = " ".join([words] * 60)  # 5 KB, no punctuation at all
    found = pieces(text)
    assert len(found) > 1 and all(0 < len(piece) <= MAX_PIECE_CHARS for piece in found)
    assert " ".join(found) == text
    assert all(piece.split()[0] in ("keep", "and", "while") or piece == found[0] for piece in found[:3])
    commas = "Lift the arm, turn the palm up, reach long, " * 10
    assert all(piece.endswith(",") for piece in pieces(commas)[:-1]), "commas first"
    assert pieces("Short. Sentences, all of them.") == ["Short. Sentences, all of them."]
    assert max(map(len, pieces("x" * 1000))) == MAX_PIECE_CHARS, "a word with no space is cut too"


def test_a_title_too_long_to_say_is_shortened_with_a_note(tmp_path: Path) -> None:
    routine = write(tmp_path / "r.md", "# " + "Very long title " * 7000 + "\n\n## Squat\nreps: 2\n")
    result = run("plan", str(routine), "--json")
    assert result.exit_code == 0, result.output[:500]
    plan = json.loads(result.output)
    assert len(plan["title"]) <= 120 and any(
        re.search(r"title is 11\d,\d{3} characters", note) for note in plan["notes"]
    )


# --- Kills: every temp file carries one pid-stamped name and is swept by the next run ----------


def test_a_killed_builds_temp_files_are_swept_wherever_they_were_made(tmp_path: Path, isolated_cache: Path) -> None:
    routine, mp3 = built(tmp_path)
    dead, alive = dead_pid(), os.getpid()
    leftovers = [
        tmp_path / f".x.mp3.guide-{dead}-abcd1234.part",
        tmp_path / f".spliced.guide-{dead}-abcd1234.part",
        tmp_path / f".x.mp3.{dead}.abcd1234.part.spliced",  # the name earlier versions used
        tmp_path / f".t.json.guide-{dead}-zz99yy88.part",
        isolated_cache / f".guide.guide-{dead}-abcd1234.part",
        isolated_cache / "segments" / f".segment.guide-{dead}-abcd1234.part" / "segment.mp3",
        tmp_path / f".segments.guide-{dead}-abcd1234.part" / "segments" / "ab" / "x.mp3",
    ]
    running = tmp_path / f".x.mp3.guide-{alive}-abcd1234.part"  # a build still at work: not touched
    for path in [*leftovers, running]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half")
    result = run("build", str(routine), "-o", str(mp3), "--timeline", str(tmp_path / "t.json"))
    assert result.exit_code == 0, result.output
    tops = [next((p for p in [path, *path.parents] if temp_owner(p.name)), path) for path in leftovers]
    assert not [top for top in tops if top.exists()], tops
    assert running.exists()


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("delay", "how", "phrases"),
    [
        (0.5, signal.SIGKILL, True),
        (1.0, signal.SIGTERM, True),
        (1.5, signal.SIGKILL, True),
        (2.5, signal.SIGKILL, True),
        (1.5, signal.SIGKILL, False),  # an empty cache: killed while loading the voice or synthesizing
    ],
)
def test_a_kill_at_any_moment_then_one_build_leaves_no_temp_and_the_same_mp3(
    tmp_path: Path, isolated_cache: Path, delay: float, how: signal.Signals, phrases: bool
) -> None:
    routine, clean = built(tmp_path, "clean.mp3", LONG)
    # Phrases cached, segments not: the killed build is levelling, encoding or splicing.
    cache = tmp_path / "cache"
    if phrases:
        shutil.copytree(isolated_cache, cache, ignore=shutil.ignore_patterns("segments"))
    out = tmp_path / "out"
    args = ["build", str(routine), "-o", str(out / "x.mp3"), "--timeline", str(out / "t.json")]
    args += ["--cache-dir", str(cache), "--force"]
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmpdir")}  # its own, so other programs' files are not counted
    (tmp_path / "tmpdir").mkdir()
    child = subprocess.Popen(
        [sys.executable, "-m", "guide", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    time.sleep(delay)
    child.send_signal(how)
    child.communicate(timeout=120)
    done = guide(*args, env=env)
    assert done.returncode == 0, done.stderr
    assert (out / "x.mp3").read_bytes() == clean.read_bytes()
    assert not guide_temps(tmp_path), guide_temps(tmp_path)


# --- All or nothing ---------------------------------------------------------------------------


def test_a_full_disk_for_a_sidecar_changes_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    routine, mp3 = built(tmp_path, text=OTHER)
    before = mp3.read_bytes()
    write(routine, TINY)  # a change: the MP3 would be replaced
    produce = Staged.produce

    def full_for_the_timeline(self: Staged, path: Path, make: Callable[[Path], None], role: Role = Role.MP3) -> None:
        def fill(temp: Path) -> None:
            temp.write_bytes(b"{")
            raise OSError(errno.ENOSPC, "No space left on device")

        produce(self, path, fill if role is Role.TIMELINE else make, role)

    monkeypatch.setattr(Staged, "produce", full_for_the_timeline)
    result = run("build", str(routine), "-o", str(mp3), "--timeline", str(tmp_path / "t.json"))
    one_error(result, "--timeline", "no space left")
    assert mp3.read_bytes() == before and not (tmp_path / "t.json").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["r.md", "x.mp3"], "no temp file left"


@pytest.mark.e2e
def test_an_mp3_with_a_zeroed_middle_is_rebuilt_not_up_to_date(tmp_path: Path) -> None:
    routine, mp3 = built(tmp_path)
    good = mp3.read_bytes()
    middle = len(good) // 2
    mp3.write_bytes(good[:middle] + bytes(4096) + good[middle + 4096 :])
    result = run("build", str(routine), "-o", str(mp3))
    assert result.exit_code == 0 and "up to date" not in result.output, result.output
    assert mp3.read_bytes() == good
    assert "up to date" in run("build", str(routine), "-o", str(mp3)).output


# --- The front door -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["build", "--pace", "fast"], ["--pace fast", "relaxed, normal, brisk"]),
        (["plan", "--range", "weird"], ["--range weird", "low, mid, high"]),
        (["build", "--verbosity", "none"], ["--verbosity none", "full, brief"]),
        (["build", "--bitrate", "abc"], ["--bitrate", "64, 80"]),
        (["build", "--bitrate", "65"], ["--bitrate 65", "64, 80"]),
        (["build", "--speech-rate", "quick"], ["--speech-rate", "number"]),
        (["build", "--frobnicate"], ["--frobnicate", "build --help"]),
        (["plan", "a.md", "b.md"], ["b.md"]),
        (["build", "--subtitles"], ["--subtitles needs a value", ".srt"]),
        (["build", "-o"], ["-o needs a value"]),
        (["init"], ["init", "missing"]),
        (["watch"], ["watch", "missing"]),
        (["bild"], ["bild", "build"]),
        (["cache", "prune", "--max-mb", "lots"], ["--max-mb", "number"]),
        (["cache", "wipe"], ["wipe"]),
    ],
)
def test_every_usage_mistake_is_one_error_line_and_exit_2(args: list[str], words: list[str]) -> None:
    line = one_error(run(*args), *words)
    assert "Usage:" not in line and "Try " not in line


def test_usage_mistakes_through_the_installed_command_are_one_line() -> None:
    done = guide("build", "--pace", "fast", timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "error: --pace fast is not a pace (choose one of relaxed, normal, brisk)\n"


def test_watch_onto_the_routine_is_refused_at_the_start(tmp_path: Path) -> None:
    routine = write(tmp_path / "r.md", TINY)
    one_error(run("watch", str(routine), "-o", str(routine)), "the routine itself")
    assert routine.read_text() == TINY


@pytest.mark.e2e
def test_an_output_name_with_a_newline_prints_on_one_line(tmp_path: Path) -> None:
    routine = write(tmp_path / "r.md", TINY)
    mp3 = tmp_path / "two\nlines.mp3"
    result = run("build", str(routine), "-o", str(mp3), "-q")
    assert result.exit_code == 0 and mp3.is_file(), result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "two\\nlines.mp3" in lines[0], lines
    error = one_error(run("build", str(routine), "-o", str(tmp_path / "bad\nname.wav")), ".mp3")
    assert "bad\\nname.wav" in error


def test_ctrl_c_while_a_library_loads_is_one_line_and_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """numpy and onnxruntime turn a Ctrl-C during their import into ImportError."""

    def interrupted_import(*_args: object) -> None:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as error:
            raise ImportError("initialization failed") from error

    monkeypatch.setattr("guide.cli.build_file", interrupted_import)
    result = run("build", str(write(tmp_path / "r.md", TINY)))
    assert result.exit_code == 130
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: interrupted"), result.output


def test_a_routine_name_with_a_newline_is_one_line_in_plan(tmp_path: Path) -> None:
    routine = write(tmp_path / "a\nb.md", TINY)
    result = run("plan", str(routine))
    assert result.exit_code == 0 and result.output.splitlines()[0] == f"Tiny  ({tmp_path}/a\\nb.md)", result.output
