"""`guide`: a thin typer layer over guide.build and guide.report. Every GuideError becomes one
`error: ...` line and exit 2; Ctrl-C is one line and exit 130."""

from __future__ import annotations

import functools
import inspect
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Annotated, Any, TypeVar, get_type_hints

import typer
from typer.core import TyperCommand

from . import __version__
from .build import DEFAULT_BITRATE, DEFAULT_VOICE, BuildOptions, Outputs, build_file, plan_file
from .errors import GuideError, Role, RoleError
from .files import describe_os_error
from .routine import RangeChoice
from .script import PaceName, Verbosity, choose_pace


class GuideCommand(TyperCommand):
    """A command whose arguments read as a newcomer expects: `ROUTINE` when required,
    `[ROUTINE]` when not, and no type label beside them in the help. (typer writes `{ROUTINE}`
    and `ROUTINE <path>`; its click may be its own copy, so parameters are told apart by
    click's `param_type_name`.)"""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for name, required, _ in _arguments(self, ctx):
            pieces.append(name if required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments = [(name, help) for name, _, help in _arguments(self, ctx)]
        options = [
            record
            for param in self.get_params(ctx)
            if param.param_type_name == "option" and (record := param.get_help_record(ctx)) is not None
        ]
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)


def _arguments(command: TyperCommand, ctx: Any) -> list[tuple[str, bool, str]]:
    """(shown name, required, help) of each argument of `command`."""
    return [
        (param.metavar or (param.name or "").upper(), bool(param.required), getattr(param, "help", None) or "")
        for param in command.get_params(ctx)
        if param.param_type_name == "argument"
    ]


app = typer.Typer(
    help="Turn an exercise routine written as text into one voice-only MP3 coach.",
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
cache_app = typer.Typer(
    help="Inspect, prune or empty the phrase cache (GUIDE_CACHE_DIR sets where it is).",
    short_help="Inspect, prune or empty the phrase cache.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(cache_app, name="cache")

T = TypeVar("T")

RoutineArg = Annotated[
    str | None,
    typer.Argument(
        help="Routine: a .md or .txt file, an .html page or an http(s) address. Omit for the built-in routine.",
        show_default=False,
        metavar="ROUTINE",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("-o", "--output", help="MP3 path.", show_default="output/TITLE.mp3", metavar="FILE"),
]
VoiceOpt = Annotated[
    str,
    typer.Option(
        "--voice",
        help="piper, piper:PATH.onnx, kokoro:NAME, espeak:LANG or gtts:LANG[-ACCENT]; `guide voices` lists them.",
        metavar="VOICE",
    ),
]
LanguageOpt = Annotated[
    str | None,
    typer.Option(
        "--language",
        help="The coach's language: en, es, fr, it, pt-BR or de.",
        show_default="the voice's",
        metavar="LANG",
    ),
]
PaceOpt = Annotated[PaceName, typer.Option("--pace", help="Speech rate and default rep/rest/setup times.")]
RateOpt = Annotated[
    float | None,
    typer.Option(
        "--speech-rate", help="0.5 to 2; 1.0 is the voice's natural speed.", show_default=False, metavar="RATE"
    ),
]
RepOpt = Annotated[
    float | None,
    typer.Option(
        "--rep-seconds", help="Seconds per rep when the routine gives none.", show_default=False, metavar="SECONDS"
    ),
]
RestOpt = Annotated[
    float | None,
    typer.Option(
        "--rest-seconds", help="Rest between sets when the routine gives none.", show_default=False, metavar="SECONDS"
    ),
]
RangeOpt = Annotated[RangeChoice, typer.Option("--range", help="How a range like 4-5 resolves.")]
VerbosityOpt = Annotated[Verbosity, typer.Option("--verbosity", help="brief: leave out the instructions.")]
BitrateOpt = Annotated[int, typer.Option("--bitrate", help="MP3 bitrate in kbps.", metavar="KBPS")]
TimelineOpt = Annotated[
    Path | None,
    typer.Option("--timeline", help="Also write every cue's timing as JSON.", show_default=False, metavar="FILE"),
]
SubtitlesOpt = Annotated[
    Path | None,
    typer.Option("--subtitles", help="Also write .srt, .vtt or .lrc.", show_default=False, metavar="FILE"),
]
CacheOpt = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir", help="Phrase cache folder.", show_default="GUIDE_CACHE_DIR or the user cache", metavar="FOLDER"
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Only the summary line.")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Re-encode even if the MP3 is up to date.")]

# How this CLI names what the library calls by role (click's param_hint, kept in one place).
FLAGS: dict[Role, str] = {
    Role.MP3: "-o",
    Role.TIMELINE: "--timeline",
    Role.SUBTITLES: "--subtitles",
    Role.ROUTINE_COPY: "FILE",
    Role.ROUTINE_NAME: "--routine",
    Role.CACHE_DIR: "--cache-dir",
    Role.CACHE_LIMIT: "--max-mb",
    Role.FORCE: "--force",
    Role.SPEECH_RATE: "--speech-rate",
    Role.REP_SECONDS: "--rep-seconds",
    Role.REST_SECONDS: "--rest-seconds",
    Role.BITRATE: "--bitrate",
    Role.LANGUAGE: "--language",
}


@dataclass(frozen=True)
class BuildArgs:
    """The options `build` and `watch` share, defined once: typer reads them from these fields
    (see `with_build_args`)."""

    output: OutputOpt = None
    voice: VoiceOpt = DEFAULT_VOICE
    language: LanguageOpt = None
    pace: PaceOpt = PaceName.NORMAL
    speech_rate: RateOpt = None
    rep_seconds: RepOpt = None
    rest_seconds: RestOpt = None
    ranges: RangeOpt = RangeChoice.LOW
    verbosity: VerbosityOpt = Verbosity.FULL
    bitrate: BitrateOpt = DEFAULT_BITRATE
    timeline: TimelineOpt = None
    subtitles: SubtitlesOpt = None
    cache_dir: CacheOpt = None
    quiet: QuietOpt = False
    force: ForceOpt = False

    def options(self) -> BuildOptions:
        """Raises SettingError for a value out of bounds."""
        return _options(
            self.voice,
            self.pace,
            self.speech_rate,
            self.rep_seconds,
            self.rest_seconds,
            self.ranges,
            self.verbosity,
            self.bitrate,
            self.cache_dir,
            self.force,
            self.language,
        )

    @property
    def outputs(self) -> Outputs:
        return Outputs(self.output, self.timeline, self.subtitles)


def with_build_args(command: Callable[..., None]) -> Callable[..., None]:
    """`command(..., args: BuildArgs)` as typer sees it: its own parameters, then one option
    per field of BuildArgs. typer reads a command's options from its signature."""
    own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "args"]
    hints = get_type_hints(BuildArgs, include_extras=True)
    shared = [
        inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=hints[f.name])
        for f in fields(BuildArgs)
    ]

    @functools.wraps(command)
    def run(**values: Any) -> None:
        args = BuildArgs(**{f.name: values.pop(f.name) for f in fields(BuildArgs)})
        command(**values, args=args)

    parameters = own + shared
    run.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in parameters}
    return run


_CONTROL = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: str) -> str:
    """Text from a routine, made harmless for a terminal: no escape sequences or control characters."""
    return _CONTROL.sub("", text)


def _echo(text: str, err: bool = False) -> None:
    typer.echo(safe(text), err=err)


def _run(action: Callable[[], T]) -> T:
    try:
        return action()
    except RoleError as error:
        _echo(f"error: {error.worded(lambda role: FLAGS.get(role, role))}", err=True)
        raise typer.Exit(2) from None
    except GuideError as error:
        _echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        _echo("error: interrupted; files are written whole or not at all, and the cache is intact", err=True)
        raise typer.Exit(130) from None
    except OSError as error:
        # The file system refusing a path the user gave (a name too long, a link loop, a full
        # disk) is their environment, not a bug: say which file and why, in one line.
        if error.filename is None:
            raise
        _echo(f"error: {error.filename}: {describe_os_error(error)}", err=True)
        raise typer.Exit(2) from None


def _routine_path(routine: str | None) -> Path | str | None:
    if routine is None or re.match(r"(?i)https?://", routine):
        return routine
    return Path(routine)


def _options(
    voice: str = DEFAULT_VOICE,
    pace: PaceName = PaceName.NORMAL,
    speech_rate: float | None = None,
    rep_seconds: float | None = None,
    rest_seconds: float | None = None,
    ranges: RangeChoice = RangeChoice.LOW,
    verbosity: Verbosity = Verbosity.FULL,
    bitrate: int = DEFAULT_BITRATE,
    cache_dir: Path | None = None,
    force: bool = False,
    language: str | None = None,
) -> BuildOptions:
    options = BuildOptions(
        voice=voice,
        language=language,
        pace=choose_pace(pace, speech_rate, rep_seconds, rest_seconds),
        ranges=ranges,
        verbosity=verbosity,
        bitrate_kbps=bitrate,
        cache_dir=cache_dir,
        force=force,
    )
    options.phrasebook  # noqa: B018 - a --language or --voice guide does not know fails before any work
    return options


class TerminalProgress:
    """One status line on stderr, redrawn in place: stage, count, and a bar."""

    def __init__(self) -> None:
        self.name, self.total, self.count = "", 0, 0

    def stage(self, name: str, total: int) -> None:
        self.name, self.total, self.count = name, total, 0
        self._draw()

    def advance(self, steps: int = 1) -> None:
        self.count += steps
        self._draw()

    def done(self) -> None:
        if self.name:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
        self.name = ""

    def _draw(self) -> None:
        total = max(self.total, 1)
        filled = min(30, 30 * self.count // total)
        unit = "s of audio" if self.name == "encoding" else ""
        sys.stderr.write(
            f"\r\x1b[K{self.name:<13}[{'#' * filled}{'-' * (30 - filled)}] "
            f"{min(self.count, self.total)}/{self.total}{unit}"
        )
        sys.stderr.flush()


def _progress(quiet: bool) -> Any:
    from .progress import SILENT

    return SILENT if quiet or not sys.stderr.isatty() else TerminalProgress()


def _report_build(result: Any, stamp: str = "") -> None:
    """Warnings, then the summary line; `stamp` (a time, in watch) starts every line."""
    from .report import summary

    for warning in result.script.warnings:
        _echo(f"{stamp}warning: {warning}", err=True)
    if result.replaced_source:
        _echo(f"{stamp}note: replaced {result.path}, which was made from {result.replaced_source}", err=True)
    _echo(f"{stamp}{summary(result)}")


@app.callback(invoke_without_command=True)
def main_callback(
    context: typer.Context,
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    """Turn an exercise routine written as text into one voice-only MP3 coach."""
    if version:
        typer.echo(f"guide {__version__}")
        raise typer.Exit(0)
    if context.invoked_subcommand is None:
        typer.echo(context.get_help())
        raise typer.Exit(0)


@app.command("build", cls=GuideCommand)
@with_build_args
def build_command(routine: RoutineArg = None, *, args: BuildArgs) -> None:
    """Synthesize the routine and write one MP3 with chapters."""

    def action() -> Any:
        return build_file(_routine_path(routine), args.outputs, args.options(), _progress(args.quiet))

    _report_build(_run(action))


@app.command("plan", cls=GuideCommand, short_help="Show what was understood, without synthesizing anything.")
def plan_command(
    routine: RoutineArg = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    voice: VoiceOpt = DEFAULT_VOICE,
    language: LanguageOpt = None,
    pace: PaceOpt = PaceName.NORMAL,
    speech_rate: RateOpt = None,
    rep_seconds: RepOpt = None,
    rest_seconds: RestOpt = None,
    ranges: RangeOpt = RangeChoice.LOW,
    verbosity: VerbosityOpt = Verbosity.FULL,
) -> None:
    """Show what was understood from the routine, without synthesizing anything."""
    from .report import plan_json, plan_table

    def action() -> Any:
        options = _options(voice, pace, speech_rate, rep_seconds, rest_seconds, ranges, verbosity, language=language)
        return plan_file(_routine_path(routine), options)

    parsed, script = _run(action)
    if as_json:
        typer.echo(json.dumps(plan_json(parsed, script), indent=2, ensure_ascii=True))
    else:
        _echo(plan_table(parsed, script))
    for warning in script.warnings:
        _echo(f"warning: {warning}", err=True)


@app.command("watch", cls=GuideCommand, short_help="Rebuild the MP3 each time the routine is saved.")
@with_build_args
def watch_command(
    routine: Annotated[
        Path,
        typer.Argument(help="Routine file to rebuild whenever it is saved.", metavar="ROUTINE", show_default=False),
    ],
    *,
    args: BuildArgs,
) -> None:
    """Rebuild the MP3 on every save; mistakes are reported and watching goes on."""
    from datetime import datetime

    from .watch import watch_routine

    options = _run(args.options)
    try:
        readable = routine.is_file()
    except OSError:  # a name too long to look up: plan_file words it
        readable = False
    if not readable:  # nothing to watch yet: one error line; a mistake inside the file is watched and reported
        _run(lambda: plan_file(routine, options))
    _echo(f"watching {routine} (Ctrl-C to stop)", err=True)

    def now() -> str:
        return datetime.now().strftime("%H:%M:%S")

    def on_start() -> None:
        _echo(f"{now()} rebuilding {routine}...", err=True)

    def on_error(error: GuideError) -> None:
        _echo(f"{now()} error: {error}", err=True)

    def on_result(result: Any) -> None:
        _report_build(result, stamp=f"{now()} ")

    try:
        watch_routine(
            routine,
            args.outputs,
            options,
            on_result,
            on_error,
            on_start=on_start,
            progress=_progress(args.quiet),
        )
    except KeyboardInterrupt:
        _echo("stopped watching", err=True)


@app.command("init", cls=GuideCommand)
def init_command(
    file: Annotated[
        Path,
        typer.Argument(
            help="Where to write an editable copy of a built-in routine.", metavar="FILE", show_default=False
        ),
    ],
    routine: Annotated[
        str | None,
        typer.Option(
            "--routine",
            help="Which built-in routine; `guide routines` lists them.",
            show_default="post-run-hip-mobility",
            metavar="NAME",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a built-in routine to FILE, ready to edit and build."""
    from .build import write_builtin

    name = _run(lambda: write_builtin(file, routine, force))
    _echo(f"wrote {file} (from {name}); edit it, then: guide build {file}")


@app.command("routines", cls=GuideCommand)
def routines_command() -> None:
    """List the built-in routines (for `guide init --routine NAME`)."""
    from .routine import builtin_routines

    for name, title in builtin_routines():
        _echo(f"{name:<32} {title}")


@app.command("voices", cls=GuideCommand, short_help="List every voice, or write a sample of one.")
def voices_command(
    search: Annotated[
        list[Path] | None,
        typer.Option(
            "--search",
            help="Folder with Piper .onnx voices to list (may be repeated).",
            show_default=False,
            metavar="FOLDER",
        ),
    ] = None,
    sample: Annotated[
        str | None,
        typer.Option(
            "--sample", help="Write a short MP3 of this voice saying typical cues.", show_default=False, metavar="VOICE"
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Where --sample writes.", show_default="output/sample-VOICE.mp3", metavar="FILE"
        ),
    ] = None,
    cache_dir: CacheOpt = None,
) -> None:
    """List every voice: language, gender, engine, offline or online, installed, licence."""
    from .voices.listing import voice_rows

    if sample is not None:
        from .build import build_sample

        result = _run(lambda: build_sample(sample, output, BuildOptions(voice=sample, cache_dir=cache_dir)))
        _echo(f"wrote {result.path} ({result.duration:.0f} s, {result.voice_label})")
        return

    def action() -> Any:
        for folder in search or ():
            if not folder.is_dir():
                raise GuideError(f"--search {folder}: not a folder; give the folder that holds the .onnx voices")
        return voice_rows(tuple(search or ()))

    rows = _run(action)
    header = ("voice", "language", "accent", "gender", "engine", "where", "status", "licence")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        _echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1])


@cache_app.command("info", cls=GuideCommand)
def cache_info(cache_dir: CacheOpt = None) -> None:
    """Where the phrase cache is and how big."""
    from .voices.cache import PhraseCache, default_cache_dir

    info = PhraseCache(cache_dir or default_cache_dir()).info()
    _echo(f"{info.path}  {info.entries} phrases  {info.bytes / 1e6:.1f} MB")


@cache_app.command("clear", cls=GuideCommand)
def cache_clear(cache_dir: CacheOpt = None) -> None:
    """Delete every cached phrase."""
    from .voices.cache import PhraseCache, default_cache_dir

    info = _run(lambda: PhraseCache(cache_dir or default_cache_dir()).clear())
    _echo(f"removed {info.entries} phrases ({info.bytes / 1e6:.1f} MB) from {info.path}")


@cache_app.command("prune", cls=GuideCommand)
def cache_prune(
    max_mb: Annotated[
        float,
        typer.Option(
            "--max-mb", help="Keep at most this many MB, dropping the least recently used phrases first.", metavar="MB"
        ),
    ] = 200.0,
    cache_dir: CacheOpt = None,
) -> None:
    """Shrink the cache to a size, least recently used phrases first."""
    from .voices.cache import PhraseCache, default_cache_dir

    info = _run(lambda: PhraseCache(cache_dir or default_cache_dir()).prune(max_mb * 1e6))
    _echo(f"removed {info.entries} phrases ({info.bytes / 1e6:.1f} MB) from {info.path}")


__all__ = ["app", "safe"]
