#!/usr/bin/env python3
"""What a user meets: guide measured through the installed CLI, whole process, in one run.

Every figure is the median wall time of N runs of `guide ...` started as a child process
(start-up, imports and all), except the floor, which is measured in-process through public
functions. Ratios are taken within this one run, so a busy machine moves both sides:

  guide --help                     <= 4 x   python -c "import typer"
  unchanged build                  <= 0.05 x cold build
  one-exercise edit (CLI)          <= 0.15 x cold build
  one-exercise edit in guide watch <  the CLI edit (save -> updated MP3)
  cold build                       <= 1.15 x floor (unique-phrase synthesis + one encode)
  peak memory of a 60-minute build <  500 MB (ru_maxrss of the child)
  peak memory, 5 KB paragraph with no full stop, cold <  1 GB (long sentences are said in pieces)
  Kokoro (--kokoro VOICE, default af_heart; --kokoro none skips it), about 10x slower than Piper:
  cold Kokoro build                <= 1.15 x its own floor (its unique phrases on all cores + one encode)
  warm Kokoro build (--force)      <= 1.3 x the warm Piper build (phrases cached: no voice runs)

Usage: python scripts/bench.py [--runs N] [--long-paragraph-only] [--kokoro VOICE|none] [--kokoro-runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

BIN = Path(sys.executable).parent
GUIDE = str(BIN / "guide")
EDITED = "Breathe into the stretch."


def run(args: Sequence[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process; raises if it fails."""
    started = time.perf_counter()
    child = subprocess.Popen(list(args), cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    errors = child.stderr.read().decode() if child.stderr else ""
    if child.returncode:
        raise SystemExit(f"{' '.join(args)} failed ({child.returncode}): {errors}")
    return seconds, usage.ru_maxrss / 1024


def median(action: Callable[[int], float], runs: int) -> float:
    return statistics.median(action(i) for i in range(runs))


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []
        self.missed = 0

    def figure(self, name: str, seconds: float, note: str = "") -> float:
        print(f"{name:<52} {seconds:8.3f} s  {note}", flush=True)
        self.rows.append((name, f"{seconds:.3f} s", "", note))
        return seconds

    def ratio(self, name: str, value: float, target: str, ok: bool | None) -> None:
        verdict = "" if ok is None else ("ok" if ok else "MISSED")
        self.missed += ok is False
        print(f"{name:<52} {value:8.3f}    target {target:<10} {verdict}", flush=True)
        self.rows.append((name, f"{value:.3f}", target, verdict))

    def markdown(self) -> str:
        lines = ["| figure | value | target | |", "|---|---|---|---|"]
        lines += [f"| {name} | {value} | {target} | {verdict} |" for name, value, target, verdict in self.rows]
        return "\n".join(lines)


def stations(minutes: int) -> str:
    """A routine of about `minutes` minutes: one-minute stations, each side."""
    body = "".join(
        f"## Station {i + 1}\nsides: each\nreps: 12\ntempo: 2s\nsetup: 3s\n\nKeep a steady rhythm and breathe out on the effort.\n\n"
        for i in range(minutes)
    )
    return f"# Stations\n\n{body}"


def floor_seconds(
    routine: Path, cache: Path, work: Path, runs: int, voice: str = "piper"
) -> tuple[float, float, float, int]:
    """Unique-phrase synthesis (fresh engine, model load included, as many phrases at once as
    the engine runs: one for Piper, one per core for Kokoro) + one encode of the track."""
    from concurrent.futures import ThreadPoolExecutor

    from guide.audio.ffmpeg import encode_mp3
    from guide.audio.mix import track_chunks
    from guide.build import BuildOptions, prepare
    from guide.routine import load_routine
    from guide.voices import kokoro, open_voice

    ready = prepare(load_routine(routine), BuildOptions(voice=voice, cache_dir=cache))
    script, rate = ready.script, ready.sample_rate
    phrases = script.phrases

    def synthesis(_: int) -> float:
        kokoro._session.cache_clear()  # the model load counts, as in a cold build
        kokoro._model_bytes.cache_clear()
        started = time.perf_counter()
        engine = open_voice(voice)
        with ThreadPoolExecutor(max_workers=engine.concurrency) as pool:
            list(pool.map(engine.synthesize, phrases))
        return time.perf_counter() - started

    placements = [(round(cue.start * rate), cue.text) for cue in script.cues]
    total = round(script.duration * rate)

    def encode(_: int) -> float:
        started = time.perf_counter()
        encode_mp3(track_chunks(placements, ready.pcm, total), rate, 64, work / "floor.mp3")
        return time.perf_counter() - started

    t_synth, t_encode = median(synthesis, runs), median(encode, runs)
    return t_synth + t_encode, t_synth, t_encode, len(phrases)


def watch_latency(routine: Path, cache: Path, work: Path, runs: int) -> float:
    """Save -> updated MP3 in a running `guide watch` (one new sentence each save)."""
    target = work / "watched.mp3"
    text = routine.read_text()
    watched = work / "watched.md"
    watched.write_text(text)
    child = subprocess.Popen(
        [GUIDE, "watch", str(watched), "-o", str(target), "--cache-dir", str(cache), "-q"],
        cwd=work,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300
        while not target.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(1.0)  # let watchfiles settle on the folder
        latencies = []
        for i in range(runs):
            before = target.stat().st_mtime_ns
            watched.write_text(text.replace(EDITED, f"Breathe into the stretch, watch round {i + 1}."))
            saved = time.perf_counter()
            while target.stat().st_mtime_ns == before:
                if time.monotonic() > deadline + 60 or child.poll() is not None:
                    raise SystemExit("guide watch did not update the MP3")
                time.sleep(0.005)
            latencies.append(time.perf_counter() - saved)
            time.sleep(0.5)
        return statistics.median(latencies)
    finally:
        child.terminate()
        child.wait(timeout=30)


def long_paragraph(characters: int = 5000) -> str:
    """A routine whose one instruction is `characters` long with no punctuation at all, in
    words drawn at random (seeded) so no two phrase-sized pieces are alike."""
    import random

    words = [
        "keep",
        "your",
        "back",
        "straight",
        "and",
        "shoulders",
        "down",
        "breathing",
        "slowly",
        "through",
        "the",
        "nose",
        "while",
        "you",
        "lower",
        "hips",
        "toward",
        "floor",
        "then",
        "press",
        "up",
        "through",
        "heels",
        "knees",
        "soft",
        "arms",
        "long",
        "reach",
        "forward",
        "gently",
        "squeeze",
        "glutes",
        "at",
        "top",
        "hold",
        "for",
        "moment",
        "before",
        "returning",
        "start",
        "position",
        "feet",
        "hip",
        "width",
        "apart",
        "chest",
        "open",
        "gaze",
        "ahead",
        "core",
        "braced",
        "spine",
        "neutral",
        "weight",
        "in",
        "midfoot",
    ]
    chooser = random.Random(5000)
    text = ""
    while len(text) < characters:
        text += " " + chooser.choice(words)
    return f"# Long paragraph\n\n## Squat\nreps: 2\ntempo: 2s\n\n{text.strip()}\n"


def long_paragraph_peak(work: Path) -> tuple[float, float]:
    """Wall seconds and peak MB of a cold build of a 5 KB unpunctuated paragraph (one run: it is slow)."""
    routine = work / "paragraph.md"
    routine.write_text(long_paragraph())
    return run(
        [GUIDE, "build", str(routine), "-o", str(work / "paragraph.mp3"), "--cache-dir", str(work / "p-cache"), "-q"],
        work,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--long-paragraph-only", action="store_true", help="only the 5 KB paragraph's memory")
    parser.add_argument("--kokoro", default="af_heart", help="Kokoro voice to measure too, or 'none'")
    parser.add_argument(
        "--kokoro-runs", type=int, default=1, help="runs of each Kokoro figure (a cold build is ~1 min)"
    )
    args = parser.parse_args()
    runs = args.runs
    work = Path(tempfile.mkdtemp(prefix="guide-bench-"))
    table = Table()
    if args.long_paragraph_only:
        seconds, mb = long_paragraph_peak(work)
        table.figure("cold build, 5 KB paragraph with no full stop", seconds)
        table.ratio("peak memory 5 KB paragraph (MB)", mb, "< 1000", mb < 1000)
        print("\nmarkdown\n" + table.markdown())
        shutil.rmtree(work, ignore_errors=True)
        sys.exit(1 if table.missed else 0)
    print(f"guide bench through {GUIDE}: built-in routine, Piper voice, median of {runs} runs, in {work}\n")

    t_typer = table.figure(
        'python -c "import typer"', median(lambda i: run([sys.executable, "-c", "import typer"], work)[0], runs)
    )
    t_help = table.figure("guide --help", median(lambda i: run([GUIDE, "--help"], work)[0], runs))
    t_plan = table.figure("guide plan (built-in routine)", median(lambda i: run([GUIDE, "plan"], work)[0], runs))

    routine = work / "routine.md"
    run([GUIDE, "init", str(routine)], work)

    def build(source: Path, cache: Path, *extra: str, output: str = "guide.mp3") -> tuple[float, float]:
        return run(
            [GUIDE, "build", str(source), "-o", str(work / output), "--cache-dir", str(cache), "-q", *extra], work
        )

    t_cold = table.figure("cold build (empty cache)", median(lambda i: build(routine, work / f"cold-{i}")[0], runs))
    cache = work / "cold-0"
    build(routine, cache)
    t_unchanged = table.figure("unchanged build (MP3 up to date)", median(lambda i: build(routine, cache)[0], runs))
    t_forced = table.figure("unchanged build, --force", median(lambda i: build(routine, cache, "--force")[0], runs))

    edited = work / "edited.md"

    def edit(i: int) -> float:
        """The previous build's MP3 is there; one sentence is new (so one phrase is synthesized)."""
        edited.write_text(routine.read_text().replace(EDITED, f"Breathe into the stretch, round {i + 1}."))
        return build(edited, cache, output="edited.mp3")[0]

    build(routine, cache, output="edited.mp3")
    t_edit = table.figure("one-exercise edit (one new sentence)", median(edit, runs))
    t_watch = table.figure("one-exercise edit in guide watch (save -> MP3)", watch_latency(routine, cache, work, runs))

    t_floor, t_synth, t_encode, phrases = floor_seconds(routine, cache, work, runs)
    table.figure(
        "floor: unique-phrase synthesis + one encode",
        t_floor,
        f"{t_synth:.2f} synthesis ({phrases} phrases) + {t_encode:.2f} encode, in-process",
    )

    ten, sixty = work / "ten.md", work / "sixty.md"
    ten.write_text(stations(10))
    sixty.write_text(stations(60))
    length_cache = work / "length-cache"
    build(sixty, length_cache, output="sixty.mp3")
    build(ten, length_cache, output="ten.mp3")
    t_ten = table.figure(
        "10-minute routine, phrases cached, --force",
        median(lambda i: build(ten, length_cache, "--force", output="ten.mp3")[0], runs),
    )
    sixty_runs = [build(sixty, length_cache, "--force", output="sixty.mp3") for _ in range(runs)]
    t_sixty = table.figure("60-minute routine, phrases cached, --force", statistics.median(s for s, _ in sixty_runs))
    peak = max(mb for _, mb in sixty_runs)
    print(f"{'peak memory, 60-minute build':<52} {peak:8.1f} MB")
    table.rows.append(("peak memory, 60-minute build (MB)", f"{peak:.0f}", "", ""))

    t_paragraph, paragraph_mb = long_paragraph_peak(work)
    table.figure("cold build, 5 KB paragraph with no full stop", t_paragraph)
    kokoro_figures: tuple[float, float, float] | None = None
    if args.kokoro != "none":
        voice = f"kokoro:{args.kokoro}"
        k_runs = args.kokoro_runs
        t_k_cold = table.figure(
            f"{voice}: cold build (empty cache)",
            median(lambda i: build(routine, work / f"k-cold-{i}", "--voice", voice, output="k.mp3")[0], k_runs),
        )
        t_k_warm = table.figure(
            f"{voice}: unchanged build, --force",
            median(lambda i: build(routine, work / "k-cold-0", "--voice", voice, "--force", output="k.mp3")[0], runs),
        )
        k_floor, k_synth, k_encode, k_phrases = floor_seconds(routine, work / "k-cold-0", work, k_runs, voice)
        table.figure(
            f"{voice}: floor",
            k_floor,
            f"{k_synth:.2f} synthesis ({k_phrases} phrases, all cores) + {k_encode:.2f} encode, in-process",
        )
        kokoro_figures = (t_k_cold, t_k_warm, k_floor)

    print("\nratios (all from this run)")
    table.ratio("guide --help / import typer", t_help / t_typer, "<= 4", t_help <= 4 * t_typer)
    table.ratio("guide plan / import typer", t_plan / t_typer, "", None)
    table.ratio("unchanged / cold", t_unchanged / t_cold, "<= 0.05", t_unchanged <= 0.05 * t_cold)
    table.ratio("--force / cold", t_forced / t_cold, "", None)
    table.ratio("one edit (CLI) / cold", t_edit / t_cold, "<= 0.15", t_edit <= 0.15 * t_cold)
    table.ratio("one edit (watch) / one edit (CLI)", t_watch / t_edit, "< 1", t_watch < t_edit)
    table.ratio("one edit (watch) / cold", t_watch / t_cold, "", None)
    table.ratio("cold / floor", t_cold / t_floor, "<= 1.15", t_cold <= 1.15 * t_floor)
    table.ratio("60-min / 10-min", t_sixty / t_ten, "", None)
    table.ratio("peak memory 60-min (MB)", peak, "< 500", peak < 500)
    table.ratio("peak memory 5 KB paragraph (MB)", paragraph_mb, "< 1000", paragraph_mb < 1000)
    if kokoro_figures is not None:
        t_k_cold, t_k_warm, k_floor = kokoro_figures
        table.ratio("Kokoro cold / Kokoro floor", t_k_cold / k_floor, "<= 1.15", t_k_cold <= 1.15 * k_floor)
        table.ratio("Kokoro cold / Piper cold", t_k_cold / t_cold, "", None)
        table.ratio("Kokoro warm --force / Piper --force", t_k_warm / t_forced, "<= 1.3", t_k_warm <= 1.3 * t_forced)
    print("\nmarkdown\n" + table.markdown())
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if table.missed else 0)


if __name__ == "__main__":
    main()
