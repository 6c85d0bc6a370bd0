#!/usr/bin/env python3
"""Speed and memory of guide, against the floor and against a naive approach.

Prints each figure as a median of several runs and the ratios the targets are about,
all measured in the same run on this machine:

  cold build (empty cache)        <= 1.3 x floor (synthesis of unique phrases + one encode)
  unchanged re-render             <= 0.10 x cold
  one-exercise edit               <= 0.25 x cold
  60-minute vs 10-minute routine  <= 6.6 x   (assembly + encode, phrases cached)
  naive baseline (every phrase synthesized every time, track grown by +=)  >= 5 x slower cold
  peak memory of the 60-minute build < 500 MB

Usage: python scripts/bench.py [--runs N] [--skip-naive] [--gtts]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from guide.render.encode import encode_mp3
from guide.voices.finish import trim_silence

from guide.build import BuildOptions, build, prepare
from guide.render import _floats, _pcm
from guide.routine import builtin_text, parse_routine
from guide.voices import open_voice

RESULTS: list[tuple[str, float, str]] = []


def median_seconds(action: Callable[[int], object], runs: int) -> float:
    times = []
    for i in range(runs):
        started = time.perf_counter()
        action(i)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def report(name: str, value: float, note: str = "") -> float:
    RESULTS.append((name, value, note))
    print(f"{name:<44} {value:9.3f} s  {note}", flush=True)
    return value


def ratio(name: str, value: float, target: str, ok: bool) -> None:
    print(f"{name:<44} {value:9.3f}    target {target:<8} {'ok' if ok else 'MISSED'}", flush=True)


def stations(minutes: int) -> str:
    """A routine of about `minutes` minutes: one-minute stations, each side."""
    body = "".join(
        f"## Station {i + 1}\nsides: each\nreps: 12\ntempo: 2s\nsetup: 3s\n\nKeep a steady rhythm and breathe out on the effort.\n\n"
        for i in range(minutes)
    )
    return f"# Stations\n\n{body}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument("--gtts", action="store_true", help="also the gTTS path against a local 300 ms server")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="guide-bench-"))
    routine = parse_routine(builtin_text(), "builtin")
    print(f"guide bench: built-in routine, Piper voice, {args.runs} runs each, in {work}\n")

    def cold(i: int) -> None:
        build(routine, work / f"cold{i}.mp3", BuildOptions(cache_dir=work / f"cold-cache-{i}"))

    t_cold = report("cold build (empty cache)", median_seconds(cold, args.runs))
    warm = BuildOptions(cache_dir=work / "cold-cache-0")
    t_unchanged = report(
        "unchanged re-render (up to date)",
        median_seconds(lambda i: build(routine, work / "cold0.mp3", warm), args.runs),
    )
    forced = replace(warm, force=True)
    t_forced = report(
        "unchanged re-render, forced re-encode",
        median_seconds(lambda i: build(routine, work / "cold0.mp3", forced), args.runs),
    )

    def one_edit(i: int) -> None:
        text = builtin_text().replace("Breathe into the stretch.", f"Breathe into the stretch, round {i + 2}.")
        build(parse_routine(text, "edited"), work / "cold0.mp3", warm)

    t_edit = report("one-exercise edit", median_seconds(one_edit, args.runs))

    # The floor: synthesizing each unique phrase once, plus one encode of the final audio.
    ready = prepare(routine, warm)
    script, clips = ready.script, ready.clips
    phrases = script.phrases

    def floor_synthesis(i: int) -> None:
        engine = open_voice("piper")
        for text in phrases:
            engine.synthesize(text)

    t_synth = median_seconds(floor_synthesis, args.runs)
    from guide.voices import PhraseCache, synthesize_phrases

    t_cached = median_seconds(
        lambda i: synthesize_phrases(open_voice("piper"), phrases, PhraseCache(work / "cold-cache-0")), args.runs
    )
    report("Piper, all phrases synthesized", t_synth, f"{len(phrases)} phrases, model load included")
    report("Piper, all phrases from the cache", t_cached, "read + verify, no model load")
    pcm = {t: _pcm(_floats(clips[t], 22050)) for t in phrases}
    from guide.render import _pcm_chunks

    placements = [(round(c.start * 22050), c.text) for c in script.cues]
    total = round(script.duration * 22050)
    t_encode = median_seconds(
        lambda i: encode_mp3(_pcm_chunks(placements, pcm, total), 22050, 64, work / "floor.mp3"), args.runs
    )
    t_floor = report(
        "floor (unique-phrase synthesis + one encode)",
        t_synth + t_encode,
        f"= {t_synth:.2f} synthesis + {t_encode:.2f} encode, {len(phrases)} phrases",
    )

    # Length: a 10-minute and a 60-minute routine, phrases cached, forced re-encode.
    ten, sixty = parse_routine(stations(10), "10min"), parse_routine(stations(60), "60min")
    length_cache = BuildOptions(cache_dir=work / "length-cache", force=True)
    build(sixty, work / "sixty.mp3", length_cache)
    build(ten, work / "ten.mp3", length_cache)
    t_ten = report(
        "10-minute routine (cached phrases)",
        median_seconds(lambda i: build(ten, work / "ten.mp3", length_cache), args.runs),
        f"{build(ten, work / 'ten.mp3', length_cache).script.duration / 60:.1f} min of audio",
    )
    t_sixty = report(
        "60-minute routine (cached phrases)",
        median_seconds(lambda i: build(sixty, work / "sixty.mp3", length_cache), args.runs),
        f"{build(sixty, work / 'sixty.mp3', length_cache).script.duration / 60:.1f} min of audio",
    )
    peak_mb = peak_memory_of_build(stations(60), work)
    print(f"{'peak memory, 60-minute build':<44} {peak_mb:9.1f} MB")

    t_naive = float("nan")
    if not args.skip_naive:
        t_naive = report("naive baseline, cold (1 run)", naive_build(routine, work), "every cue synthesized, track +=")

    print("\nratios")
    ratio("cold / floor", t_cold / t_floor, "<= 1.3", t_cold <= 1.3 * t_floor)
    ratio("unchanged / cold", t_unchanged / t_cold, "<= 0.10", t_unchanged <= 0.10 * t_cold)
    ratio("unchanged forced re-encode / cold", t_forced / t_cold, "(info)", True)
    ratio("Piper synthesized / cached", t_synth / t_cached, "(info)", True)
    ratio("one edit / cold", t_edit / t_cold, "<= 0.25", t_edit <= 0.25 * t_cold)
    ratio("60-min / 10-min", t_sixty / t_ten, "<= 6.6", t_sixty <= 6.6 * t_ten)
    ratio("peak memory 60-min (MB)", peak_mb, "< 500", peak_mb < 500)
    if not args.skip_naive:
        ratio("naive cold / cold", t_naive / t_cold, ">= 5", t_naive >= 5 * t_cold)
        ratio("naive cold / one-exercise edit", t_naive / t_edit, "(info)", True)
        ratio("naive cold / floor", t_naive / t_floor, "(info)", True)
    if args.gtts:
        gtts_bench(work)


def peak_memory_of_build(text: str, work: Path) -> float:
    """Max RSS of a separate process that builds `text` (phrases cached, forced encode)."""
    (work / "sixty.md").write_text(text)
    code = ("import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
            "from guide.build import BuildOptions, build; from guide.routine import load_routine;"
            "build(load_routine(Path(sys.argv[2])), Path(sys.argv[3]),"
            " BuildOptions(cache_dir=Path(sys.argv[4]), force=True))")  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.executable, "-c", code, str(Path(__file__).resolve().parents[1]), str(work / "sixty.md"),
                    str(work / "sixty-mem.mp3"), str(work / "length-cache")], check=True)  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(before, after) / 1024


def naive_build(routine, work: Path) -> float:  # type: ignore[no-untyped-def]
    """What a first attempt looks like: synthesize every cue, grow one AudioSegment with +=."""
    from pydub import AudioSegment

    started = time.perf_counter()
    script = prepare(routine, BuildOptions(cache_dir=work / "cold-cache-0")).script
    engine = open_voice("piper")
    track = AudioSegment.silent(duration=0, frame_rate=22050)
    for cue in script.cues:
        clip = trim_silence(engine.synthesize(cue.text))
        track += AudioSegment.silent(duration=max(0, round(cue.start * 1000) - len(track)), frame_rate=22050)
        track += clip
    track.export(str(work / "naive.mp3"), format="mp3", bitrate="64k")
    return time.perf_counter() - started


def gtts_bench(work: Path) -> None:
    """gTTS against a local server answering after 300 ms: concurrent vs one at a time."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    import gtts.tts

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from guide.voices import PhraseCache, synthesize_phrases
    from tests.fake_google import batchexecute_body, tone_mp3

    body = batchexecute_body(tone_mp3())

    class Slow(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            time.sleep(0.3)
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    gtts.tts._translate_url = lambda tld="com", path="": f"http://127.0.0.1:{port}/{path}"
    texts = [f"Phrase {i}." for i in range(24)]
    print("\ngTTS against a local server with 300 ms latency, 24 phrases")
    voice = open_voice("gtts:en")
    t_many = median_seconds(lambda i: synthesize_phrases(voice, texts, PhraseCache(work / f"g{i}")), 1)
    voice.concurrency = 1  # type: ignore[misc]
    t_one = median_seconds(lambda i: synthesize_phrases(voice, texts, PhraseCache(work / f"g1-{i}")), 1)
    report(f"gTTS, {open_voice('gtts:en').concurrency} at once", t_many)
    report("gTTS, one at a time", t_one)
    ratio("one at a time / concurrent", t_one / t_many, "(info)", True)
    server.shutdown()


if __name__ == "__main__":
    main()
