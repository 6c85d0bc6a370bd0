"""`guide`: a thin typer layer over guide.build and guide.report. Every GuideError becomes one
`error: ...` line and exit 2; Ctrl-C is one line and exit 130."""

from __future__ import annotations

import functools
import inspect
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Annotated, Any, TypeVar, get_type_hints

import typer
from typer.core import TyperCommand, TyperGroup

from . import __version__
from .audio.ffmpeg import MP3_BITRATES
from .build import DEFAULT_BITRATE, DEFAULT_VOICE, BuildOptions, Outputs, build_file, plan_file
from .errors import GuideError, NothingFoundError, Role, RoleError, caused_by_interrupt
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


_said_interrupted = False  # guide's own handler printed the line (see _FrontDoor.main)


def _interrupted_line() -> None:
    global _said_interrupted
    if not _said_interrupted:
        _said_interrupted = True
        _echo("error: interrupted; files are written whole or not at all, and the cache is intact", err=True)


def _kinds(error: BaseException) -> set[str]:
    """The class names `error` is an instance of. Typer vendors its own copy of click in some
    versions and uses click in others, so click's exceptions are known by name."""
    return {kind.__name__ for kind in type(error).__mro__}


class _FrontDoor(TyperGroup):
    """Every way a command line can be wrong is one `error:` line and exit 2, like guide's own
    errors: click's Usage/Try/Error block is replaced here, once, for every command."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        global _said_interrupted
        _said_interrupted = False
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except KeyboardInterrupt:
            code = INTERRUPTED
        except Exception as error:
            kinds = _kinds(error)
            if "NoArgsIsHelpError" in kinds:  # `guide cache` alone: its help, as --help gives it
                typer.echo(error.ctx.get_help())  # type: ignore[attr-defined]
                code = 0
            elif "UsageError" in kinds:
                _echo(f"error: {usage_line(error)}", err=True)
                code = 2
            elif "ClickException" in kinds:
                _echo(f"error: {error.format_message()}", err=True)  # type: ignore[attr-defined]
                code = error.exit_code  # type: ignore[attr-defined]
            elif "Abort" in kinds or caused_by_interrupt(error):
                code = INTERRUPTED
            else:
                raise
        if code == INTERRUPTED:
            _interrupted_line()  # when Ctrl-C came outside guide's own handler (typer makes it 130)
        code = code if isinstance(code, int) else 0
        if not standalone_mode:
            return code
        sys.exit(code)


def _choices(values: Sequence[object]) -> str:
    return "choose one of " + ", ".join(str(getattr(value, "value", value)) for value in values)


# What each option takes, for the one line a wrong value gets: (what it is, how to fix it).
VALID = {
    "--pace": ("a pace", _choices(list(PaceName))),
    "--range": ("a range choice", _choices(list(RangeChoice))),
    "--verbosity": ("a verbosity", _choices(list(Verbosity))),
    "--bitrate": ("an MP3 bitrate", _choices(MP3_BITRATES)),
    "--speech-rate": ("a number", "such as 1.0 for the voice's natural speed"),
    "--rep-seconds": ("a number of seconds", "such as 3"),
    "--rest-seconds": ("a number of seconds", "such as 30"),
    "--max-mb": ("a number of MB", "such as 200"),
    "--voice": ("a voice", "piper, piper:PATH.onnx or gtts:LANG; see guide voices"),
    "--routine": ("a built-in routine", "see guide routines"),
    "--output": ("a file name", "such as guide.mp3"),
    "--timeline": ("a file name", "such as timeline.json"),
    "--subtitles": ("a file name", "such as guide.srt, .vtt or .lrc"),
    "--cache-dir": ("a folder", "such as ~/.cache/guide"),
    "--search": ("a folder", "the folder that holds .onnx voices"),
}


def usage_line(error: Exception) -> str:
    """A usage mistake as guide words every mistake: what is wrong, then how to fix it. Built
    from click's message, whose wording is stable across click and typer versions."""
    context = getattr(error, "ctx", None)
    command = getattr(context, "command_path", None) or "guide"
    text = " ".join(error.format_message().split()).rstrip(".")  # type: ignore[attr-defined]
    see = f"see {command} --help"
    bad = re.match(r"Invalid value for ((?:'[^']*'(?: / )?)+): (?:Value error, )?(.*)$", text)
    if bad:
        name = re.findall(r"'([^']*)'", bad.group(1))[-1]
        detail = bad.group(2)
        value = re.match(r"'((?:[^']|'(?! is ))*)' is ", detail)
        if name in VALID and value:
            what, fix = VALID[name]
            return f"{name} {value.group(1) or repr('')} is not {what} ({fix})"
        if name in VALID:
            what, fix = VALID[name]
            return f"{name} takes {what} ({fix})"
        return f"{name}: {_lower_first(detail)} ({see})"
    needs = re.match(r"Option '([^']*)' requires an? argument", text)
    if needs:
        name = {"-o": "--output"}.get(needs.group(1), needs.group(1))
        fix = f"{VALID[name][0]}, {VALID[name][1]}" if name in VALID else see
        return f"{needs.group(1)} needs a value ({fix})"
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", text)
    if extra:
        return f"{command}: too many arguments: {extra.group(1)} (quote a name that has spaces; {see})"
    text = re.sub(r" \(Possible options: ([^)]*)\)", r"; did you mean one of \1?", text)
    return f"{command}: {_lower_first(text)} ({see})"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


app = typer.Typer(
    cls=_FrontDoor,
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
INTERRUPTED = 130  # what shells report for a command stopped by Ctrl-C

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
    Role.IMPORTED: "-o",
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


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """A message that must stay one line (a path may hold a newline): every control character
    is shown escaped, as Python spells it, so nothing splits or colours the line."""
    return _UNPRINTABLE.sub(lambda m: _ESCAPES.get(m.group(), f"\\x{ord(m.group()):02x}"), text)


def _echo(text: str, err: bool = False) -> None:
    """One line of output: a summary, an error, a note."""
    typer.echo(one_line(text), err=err)


def _run(action: Callable[[], T]) -> T:
    try:
        return action()
    except RoleError as error:
        _echo(f"error: {error.worded(lambda role: FLAGS.get(role, role))}", err=True)
        raise typer.Exit(2) from None
    except NothingFoundError as error:
        # The page has no exercises the reader can see: say how to write them out by hand, on the same line.
        _echo(
            f"error: {error}; to write the routine by hand: guide import {_quoted(error.source)} -o routine.md",
            err=True,
        )
        raise typer.Exit(2) from None
    except GuideError as error:
        _echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        _interrupted_line()
        raise typer.Exit(INTERRUPTED) from None
    except OSError as error:
        # The file system refusing a path the user gave (a name too long, a link loop, a full
        # disk) is their environment, not a bug: say which file and why, in one line.
        if error.filename is None:
            raise
        _echo(f"error: {error.filename}: {describe_os_error(error)}", err=True)
        raise typer.Exit(2) from None
    except Exception as error:
        if not caused_by_interrupt(error):
            raise
        _interrupted_line()
        raise typer.Exit(INTERRUPTED) from None


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
    from .report import summary, unsure_report

    for warning in result.script.warnings:
        _echo(f"{stamp}warning: {warning}", err=True)
    if result.replaced_source:
        _echo(f"{stamp}note: replaced {result.path}, which was made from {result.replaced_source}", err=True)
    _echo(f"{stamp}{summary(result)}")
    unsure = unsure_report(result.routine) if result.routine is not None else []
    for line in unsure:
        _echo(f"{stamp}{line}", err=True)
    if unsure:
        _echo(
            f"{stamp}check them with 'guide plan', or write the routine by hand: {_import_command(result.routine)}",
            err=True,
        )


def _import_command(routine: Any) -> str:
    """`guide import PAGE -o NAME.md`: writes what was read as a Markdown routine to fix by hand."""
    from .report import import_target

    page, markdown = import_target(routine)
    return f"guide import {_quoted(page)} -o {markdown}"


def _quoted(path: str) -> str:
    return path if re.fullmatch(r"[\w./:@%+=,-]+", path) else "'" + path.replace("'", "'\\''") + "'"


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
        typer.echo(safe(plan_table(parsed, script)))
        if parsed.reading and parsed.notes:
            _echo(_import_command(parsed))  # the last line: the exact command to fix the guesses by hand
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

    from .files import check_targets
    from .watch import watch_routine

    options = _run(args.options)
    _run(lambda: check_targets(args.outputs.targets(), (routine,)))  # as build does: before any work
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


@app.command("import", cls=GuideCommand)
def import_command(
    source: Annotated[
        str,
        typer.Argument(
            help="A .txt or .html page, or an http(s) address, to write as a Markdown routine.",
            metavar="SOURCE",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Where to write the routine.",
            show_default="TITLE.md beside the source",
            metavar="FILE",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Write a page as a Markdown routine to edit, then build."""
    from .importer import import_file

    path = _routine_path(source)
    assert path is not None
    result = _run(lambda: import_file(path, output, force))
    for difference in result.differences:
        _echo(f"warning: {result.path} reads back differently: {difference} (please report this page)", err=True)
    routine = result.routine
    if result.found_nothing:
        headings = sum(1 for s in routine.skipped if s.reason == "no dose")
        todo = f"{headings} heading{'s' if headings != 1 else ''} to give a dose" if headings else "the page's text"
        _echo(
            f"wrote {result.path} (no exercises found: {todo}, in a file to fill in); "
            f"then: guide build {_quoted(str(result.path))}"
        )
        return
    unsure = f", {len(routine.notes)} unsure" if routine.notes else ""
    skipped = f", {len(routine.skipped)} skipped" if routine.skipped else ""
    exercises = len(routine.exercises)
    _echo(
        f"wrote {result.path} ({exercises} exercise{'s' if exercises != 1 else ''}{unsure}{skipped}; "
        f"notes are comments); edit it, then: guide build {_quoted(str(result.path))}"
    )


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
    """Where the cache is and what it holds."""
    from .cachedir import info
    from .voices.cache import default_cache_dir

    found = _run(lambda: info(cache_dir or default_cache_dir()))
    _echo(f"{found.path}  {found.describe()}")


@cache_app.command("clear", cls=GuideCommand)
def cache_clear(cache_dir: CacheOpt = None) -> None:
    """Delete every entry guide cached (and nothing else)."""
    from .cachedir import clear
    from .voices.cache import default_cache_dir

    removed = _run(lambda: clear(cache_dir or default_cache_dir()))
    _echo(f"removed {removed.describe()} from {removed.path}")


@cache_app.command("prune", cls=GuideCommand)
def cache_prune(
    max_mb: Annotated[
        float,
        typer.Option(
            "--max-mb", help="Keep at most this many MB, dropping the least recently used entries first.", metavar="MB"
        ),
    ] = 200.0,
    cache_dir: CacheOpt = None,
) -> None:
    """Shrink the cache to a size, least recently used entries first."""
    from .cachedir import prune
    from .voices.cache import default_cache_dir

    removed = _run(lambda: prune(cache_dir or default_cache_dir(), max_mb * 1e6))  # inf keeps everything
    _echo(f"removed {removed.describe()} from {removed.path}")


__all__ = ["app", "safe"]
