"""`guide`: a thin typer layer over guide.build. Every GuideError becomes `error: ...`, exit 2."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from .build import BuildOptions, BuildResult, build, plan
from .errors import GuideError
from .render import BITRATES, DEFAULT_BITRATE
from .routine import BUILTIN_NAME, RangeChoice, Routine, builtin_text, load_routine
from .script import PaceName, Script, choose_pace
from .voices import DEFAULT_VOICE, PhraseCache, available_voices, default_cache_dir

app = typer.Typer(help="Turn an exercise routine written as text into one voice-only MP3 coach.",
                  no_args_is_help=True, add_completion=False)  # fmt: skip
cache_app = typer.Typer(help="Inspect or empty the phrase cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")

T = TypeVar("T")

RoutineArg = Annotated[Path | None, typer.Argument(help="Routine file (.md or .txt). Omit for the built-in routine.",
                                                    show_default=False)]  # fmt: skip
VoiceOpt = Annotated[str, typer.Option("--voice", help="piper | piper:PATH.onnx | gtts:LANG[-ACCENT]")]
PaceOpt = Annotated[PaceName, typer.Option("--pace", help="Speech rate and default rep/rest/setup times.")]
RateOpt = Annotated[float | None, typer.Option("--speech-rate", help="1.0 = the voice's natural speed.")]
RepOpt = Annotated[float | None, typer.Option("--rep-seconds", help="Seconds per rep when the routine gives none.")]
RestOpt = Annotated[float | None, typer.Option("--rest-seconds", help="Rest between sets when the routine gives none.")]
RangeOpt = Annotated[RangeChoice, typer.Option("--range", help="How a range like 4-5 resolves.")]
CacheOpt = Annotated[Path | None, typer.Option("--cache-dir", help="Phrase cache folder.", show_default=False)]


def _run(action: Callable[[], T]) -> T:
    try:
        return action()
    except GuideError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        typer.echo("error: interrupted; no MP3 was written and the cache is intact", err=True)
        raise typer.Exit(130) from None


def _options(voice: str, pace: PaceName, speech_rate: float | None, rep_seconds: float | None,
             rest_seconds: float | None, ranges: RangeChoice, cache_dir: Path | None,
             bitrate: int = DEFAULT_BITRATE) -> BuildOptions:  # fmt: skip
    return BuildOptions(voice=voice, pace=choose_pace(pace, speech_rate, rep_seconds, rest_seconds),
                        ranges=ranges, bitrate_kbps=bitrate, cache_dir=cache_dir)  # fmt: skip


def slug(title: str) -> str:
    """A file name from an untrusted title: letters, digits and dashes only."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "-".join(words)[:80].strip("-") or "guide"


def _minutes(seconds: float) -> str:
    return f"{int(seconds // 60)}:{round(seconds % 60):02d}" if seconds % 60 < 59.5 else \
        f"{int(seconds // 60) + 1}:00"  # fmt: skip


@app.command("build")
def build_command(
    routine: RoutineArg = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="MP3 path [default: output/<title>.mp3]",
                                                show_default=False)] = None,
    voice: VoiceOpt = DEFAULT_VOICE,
    pace: PaceOpt = PaceName.NORMAL,
    speech_rate: RateOpt = None,
    rep_seconds: RepOpt = None,
    rest_seconds: RestOpt = None,
    ranges: RangeOpt = RangeChoice.LOW,
    bitrate: Annotated[int, typer.Option("--bitrate", help="MP3 bitrate in kbps.")] = DEFAULT_BITRATE,
    timeline: Annotated[Path | None, typer.Option("--timeline", help="Also write every cue's timing as JSON.",
                                                  show_default=False)] = None,
    subtitles: Annotated[Path | None, typer.Option("--subtitles", help="Also write .srt, .vtt or .lrc.",
                                                   show_default=False)] = None,
    cache_dir: CacheOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the summary line.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Re-encode even if the MP3 is up to date.")] = False,
) -> None:
    """Synthesize the routine and write one MP3 with chapters."""

    def action() -> BuildResult:
        if bitrate not in BITRATES:
            raise GuideError(f"--bitrate {bitrate} is not an MP3 bitrate (choose one of {', '.join(map(str, BITRATES))})")
        options = replace(_options(voice, pace, speech_rate, rep_seconds, rest_seconds, ranges, cache_dir, bitrate),
                          force=force)  # fmt: skip
        parsed = load_routine(routine)
        target = output or Path("output") / f"{slug(parsed.title)}.mp3"
        return _build_with_progress(parsed, target, options, timeline, subtitles, quiet)

    result = _run(action)
    for warning in result.script.warnings:
        typer.echo(f"warning: {warning}", err=True)
    typer.echo(summary(result))


def summary(result: BuildResult) -> str:
    """One line: where, how long, what is in it, and what the build had to do."""
    render = result.render
    loudness = "up to date" if render.up_to_date else f"{render.loudness_lufs:.1f} LUFS"
    return (f"{render.path}  {_minutes(render.duration)}  {len(result.script.exercises)} exercises  "
            f"{render.chapters} chapters  {render.size / 1e6:.1f} MB  {loudness}  "
            f"({result.synthesized} phrases synthesized, {result.cached} cached, {result.seconds:.1f} s)")  # fmt: skip


def _build_with_progress(routine: Routine, target: Path, options: BuildOptions, timeline: Path | None,
                         subtitles: Path | None, quiet: bool) -> BuildResult:  # fmt: skip
    if quiet or not sys.stderr.isatty():
        return build(routine, target, options, timeline=timeline, subtitles=subtitles)
    bar: Any = None

    def on_total(total: int) -> None:
        nonlocal bar
        bar = typer.progressbar(length=total, label="Synthesizing", file=sys.stderr)
        bar.__enter__()

    try:
        return build(routine, target, options, timeline=timeline, subtitles=subtitles,
                     progress=lambda n: bar.update(n) if bar else None, on_total=on_total)  # fmt: skip
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


@app.command("plan")
def plan_command(
    routine: RoutineArg = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    pace: PaceOpt = PaceName.NORMAL,
    speech_rate: RateOpt = None,
    rep_seconds: RepOpt = None,
    rest_seconds: RestOpt = None,
    ranges: RangeOpt = RangeChoice.LOW,
) -> None:
    """Show what was understood from the routine, without synthesizing anything."""

    def action() -> tuple[Routine, Script]:
        options = _options(DEFAULT_VOICE, pace, speech_rate, rep_seconds, rest_seconds, ranges, None)
        parsed = load_routine(routine)
        return parsed, plan(parsed, options)

    parsed, script = _run(action)
    if as_json:
        typer.echo(json.dumps(plan_json(parsed, script), indent=2, ensure_ascii=False))
    else:
        typer.echo(plan_table(parsed, script))
    for warning in script.warnings:
        typer.echo(f"warning: {warning}", err=True)


def plan_json(routine: Routine, script: Script) -> dict[str, Any]:
    exercises = []
    for item in script.exercises:
        dose = item.dose
        exercises.append({
            "name": item.name,
            "sides": dose.sides.value.value,
            "sets": dose.sets.value,
            "reps": dose.reps.value,
            "hold_seconds": dose.hold_seconds.value,
            "rest_seconds": dose.rest_seconds.value,
            "rep_seconds": dose.rep_seconds.value,
            "total_reps": dose.total_reps,
            "total_hold_seconds": dose.total_hold_seconds,
            "start_seconds": round(item.start, 2),
            "duration_seconds": round(item.duration, 2),
            "sources": {field: getattr(dose, field).describe() for field in
                        ("sides", "sets", "reps", "hold_seconds", "rest_seconds", "rep_seconds", "setup_seconds")},
        })  # fmt: skip
    return {
        "title": routine.title,
        "duration_seconds": round(script.duration, 2),
        "exercises": exercises,
        "skipped": [{"heading": s.heading, "reason": s.reason} for s in routine.skipped],
    }


def plan_table(routine: Routine, script: Script) -> str:
    header = ("exercise", "sides", "sets", "reps/hold", "rest", "start", "length")
    rows: list[tuple[str, ...]] = []
    notes: list[str] = []
    for item in script.exercises:
        dose = item.dose
        reps = f"{dose.reps.value} reps" if dose.reps.value is not None else ""
        hold = f"{dose.hold_seconds.value:g}s hold" if dose.hold_seconds.value is not None else ""
        rest = f"{dose.rest_seconds.value:g}s" if dose.sets.value > 1 else "-"
        rows.append((item.name, dose.sides.value.value, str(dose.sets.value), " x ".join(filter(None, [reps, hold])),
                     rest, _minutes(item.start), _minutes(item.duration)))  # fmt: skip
        said = [f"{name} {getattr(dose, field).describe()}" for name, field in
                (("sides", "sides"), ("sets", "sets"), ("reps", "reps"), ("hold", "hold_seconds"),
                 ("rest", "rest_seconds"), ("tempo", "rep_seconds"))
                if getattr(dose, field).value is not None]  # fmt: skip
        notes.append(f"  {item.name}: " + "; ".join(said))
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [f"{routine.title}  ({routine.source})", ""]
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
              for row in [header, *rows]]  # fmt: skip
    lines += ["", f"total {_minutes(script.duration)} ({script.duration:.0f} s), {len(rows)} exercises", "",
              "where each value came from:", *notes]  # fmt: skip
    if routine.skipped:
        lines += ["", "skipped:", *[f"  line {s.line}: '{s.heading}' ({s.reason})" for s in routine.skipped]]
    return "\n".join(lines)


@app.command("watch")
def watch_command(
    routine: Annotated[Path, typer.Argument(help="Routine file to rebuild whenever it is saved.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="MP3 path [default: output/<title>.mp3]",
                                                show_default=False)] = None,
    voice: VoiceOpt = DEFAULT_VOICE,
    pace: PaceOpt = PaceName.NORMAL,
    ranges: RangeOpt = RangeChoice.LOW,
    cache_dir: CacheOpt = None,
) -> None:
    """Rebuild the MP3 on every save; mistakes are reported and watching goes on."""
    from .watch import watch_routine

    options = _run(lambda: _options(voice, pace, None, None, None, ranges, cache_dir))
    if not routine.exists():
        _run(lambda: load_routine(routine))
    typer.echo(f"watching {routine} (Ctrl-C to stop)", err=True)

    def report_error(error: GuideError) -> None:
        typer.echo(f"error: {error}", err=True)

    try:
        watch_routine(routine, output, options, lambda title: Path("output") / f"{slug(title)}.mp3",
                      lambda result: typer.echo(summary(result)), report_error)  # fmt: skip
    except KeyboardInterrupt:
        typer.echo("stopped watching", err=True)


@app.command("init")
def init_command(
    file: Annotated[Path, typer.Argument(help="Where to write an editable copy of the built-in routine.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write the built-in routine to FILE, ready to edit and build."""

    def action() -> None:
        from .render.files import write_atomically

        if file.exists() and not force:
            raise GuideError(f"{file} already exists; pass --force to overwrite it")
        write_atomically(file, builtin_text().encode("utf-8"))

    _run(action)
    typer.echo(f"wrote {file} (from {BUILTIN_NAME}); edit it, then: guide build {file}")


@app.command("voices")
def voices_command(
    search: Annotated[list[Path] | None, typer.Option("--search", help="Folder with Piper .onnx voices to list.")] = None,
) -> None:
    """List the voices usable here, and which need the network."""
    for info in available_voices(tuple(search or ())):
        status = "network" if info.needs_network else "offline"
        if not info.usable:
            status = "missing"
        typer.echo(f"{info.spec:<24} {status:<8} {info.description}")


@cache_app.command("info")
def cache_info(cache_dir: CacheOpt = None) -> None:
    """Where the phrase cache is and how big."""
    info = PhraseCache(cache_dir or default_cache_dir()).info()
    typer.echo(f"{info.path}  {info.entries} phrases  {info.bytes / 1e6:.1f} MB")


@cache_app.command("clear")
def cache_clear(cache_dir: CacheOpt = None) -> None:
    """Delete every cached phrase."""
    info = PhraseCache(cache_dir or default_cache_dir()).clear()
    typer.echo(f"removed {info.entries} phrases ({info.bytes / 1e6:.1f} MB) from {info.path}")


__all__ = ["app"]
