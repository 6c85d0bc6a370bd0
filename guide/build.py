"""The whole job behind `guide build`, `guide plan` and `guide watch`: load a routine, choose
where its outputs go, plan it, or synthesize and render it. The CLI only presents."""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .audio.ffmpeg import DEFAULT_BITRATE, MP3_BITRATES
from .errors import GuideError, OutputError, Role, SettingError
from .files import Staged, check_targets, make_folder, remove_empty_folders, sweep_temps, write_new_file
from .fingerprint import fingerprint
from .progress import SILENT, Progress
from .routine import BUILTIN_NAME, RangeChoice, Routine, builtin_text, load_routine
from .script import (
    ENGLISH,
    PACES,
    CueKind,
    Pace,
    PaceName,
    Phrasebook,
    Script,
    ScriptOptions,
    Verbosity,
    build_script,
    estimate_seconds,
    find_phrasebook,
    phrasebook_for,
)
from .voices.base import DEFAULT_VOICE, Retry

if TYPE_CHECKING:
    from .audio.level import LevelReport
    from .audio.pcm import Samples

OUTPUT_FOLDER = Path("output")
MAX_SLUG_CHARS = 80


@dataclass(frozen=True)
class BuildOptions:
    """Every choice that shapes a guide besides the routine text."""

    voice: str = DEFAULT_VOICE
    language: str | None = None  # the coach's language; None: the voice's own
    pace: Pace = PACES[PaceName.NORMAL]
    ranges: RangeChoice = RangeChoice.LOW
    verbosity: Verbosity = Verbosity.FULL
    bitrate_kbps: int = DEFAULT_BITRATE
    force: bool = False  # re-encode even when the MP3 already holds this exact render
    cache_dir: Path | None = None
    retry: Retry = field(default_factory=Retry)

    def __post_init__(self) -> None:
        if self.bitrate_kbps not in MP3_BITRATES:
            choices = ", ".join(map(str, MP3_BITRATES))
            raise SettingError(
                Role.BITRATE, f" {self.bitrate_kbps} is not an MP3 bitrate (choose one of {choices} kbps)"
            )

    @property
    def script_options(self) -> ScriptOptions:
        return ScriptOptions(self.pace, self.ranges, self.verbosity)

    @property
    def phrasebook(self) -> Phrasebook:
        """What the coach says: in the language chosen, if one was, else in the voice's language (English
        when guide has no phrasebook for it). Raises SettingError or VoiceError."""
        from .voices.catalogue import voice_language

        if self.language is not None:
            return phrasebook_for(self.language)
        return find_phrasebook(voice_language(self.voice)) or ENGLISH


@dataclass(frozen=True)
class Outputs:
    """Where a build writes. `mp3=None` means the default, output/<title>.mp3."""

    mp3: Path | None = None
    timeline: Path | None = None
    subtitles: Path | None = None

    def targets(self) -> dict[Role, Path | None]:
        """Each output by its role, for checks and messages that name it."""
        return {Role.MP3: self.mp3, Role.TIMELINE: self.timeline, Role.SUBTITLES: self.subtitles}


@dataclass(frozen=True)
class BuildResult:
    path: Path
    script: Script
    voice_label: str
    synthesized: int
    cached: int
    seconds: float
    duration: float
    size: int
    chapters: int
    level: LevelReport | None  # None when the MP3 was already up to date
    replaced_source: str | None  # another routine whose MP3 this one replaced
    routine: Routine | None = None  # what was read: `build` says where the reader was unsure

    @property
    def up_to_date(self) -> bool:
        return self.level is None


def slug(title: str) -> str:
    """A file name from an untrusted title: letters (any script), digits and dashes only."""
    text = unicodedata.normalize("NFKC", title).casefold()
    words = re.findall(r"[^\W_]+", text)
    return "-".join(words)[:MAX_SLUG_CHARS].strip("-") or "guide"


def default_output(routine: Routine) -> Path:
    """output/<slug of the title>.mp3"""
    return OUTPUT_FOLDER / f"{slug(routine.title)}.mp3"


def plan(routine: Routine, options: BuildOptions) -> Script:
    """The script with estimated phrase lengths: nothing is synthesized."""
    rate = options.pace.speech_rate
    return build_script(routine, options.script_options, lambda text: estimate_seconds(text, rate), options.phrasebook)


def plan_file(path: Path | str | None, options: BuildOptions) -> tuple[Routine, Script]:
    """Load and plan a routine file, web address or (None) the built-in routine.

    Raises RoutineError for unreadable or senseless routines, LimitError for absurd ones.
    """
    routine = load_routine(path, options.phrasebook.code)
    return routine, plan(routine, options)


@dataclass(frozen=True)
class Prepared:
    """Everything needed to render: the real (synthesized) script and its phrases' samples."""

    voice_label: str
    voice_id: str
    sample_rate: int
    script: Script
    pcm: dict[str, bytes]  # each phrase as 16-bit mono PCM: no numpy until something is rendered
    synthesized: int
    cached: int
    cache_dir: Path

    @property
    def clips(self) -> dict[str, Samples]:
        from .audio.pcm import samples_of_pcm

        return {text: samples_of_pcm(data) for text, data in self.pcm.items()}


def prepare(routine: Routine, options: BuildOptions, progress: Progress = SILENT) -> Prepared:
    """Synthesize (or fetch from the cache) every phrase the guide says, and lay out the real
    script. Only phrases that reach the MP3 are synthesized.

    Raises VoiceError (or SynthesisIncomplete) when the voice fails, GuideError when the
    cache cannot be written, LimitError for a guide over the length limit.
    """
    from .cachedir import claim
    from .voices import PhraseCache, default_cache_dir, open_voice, synthesize_phrases
    from .voices.synthesize import CLIP_RECIPE

    book = options.phrasebook
    voice = open_voice(options.voice, options.pace.speech_rate)
    cache_dir = options.cache_dir or default_cache_dir()
    claim(cache_dir)  # a folder of other things is refused; killed builds' temp files are swept
    cache = PhraseCache(cache_dir)
    rate = options.pace.speech_rate
    clips: dict[str, bytes] = {}
    synthesized = cached = 0

    def measure(text: str) -> float:
        clip = clips.get(text)
        return len(clip) // 2 / voice.sample_rate if clip is not None else estimate_seconds(text, rate)

    draft = build_script(routine, options.script_options, measure, book)
    # The welcome says the guide's length, which real phrase lengths may change: it waits.
    wanted = [cue.text for cue in draft.cues if cue.kind is not CueKind.WELCOME]
    progress.stage("synthesizing", len(draft.phrases))
    for _ in range(6):
        missing = [text for text in dict.fromkeys(wanted) if text not in clips]
        if missing:
            report = synthesize_phrases(voice, missing, cache, progress.advance, options.retry)
            clips.update(report.pcm)
            synthesized += report.synthesized
            cached += report.cached
        script = build_script(routine, options.script_options, measure, book)
        wanted = list(script.phrases)
        if all(text in clips for text in wanted):
            break
    else:  # pragma: no cover - lengths always settle within a round or two
        raise GuideError("the guide's timing did not settle; please report this routine")
    voice_id = fingerprint(CLIP_RECIPE, voice.cache_id)
    return Prepared(voice.label, voice_id, voice.sample_rate, script, clips, synthesized, cached, cache_dir)


def build(
    routine: Routine,
    outputs: Outputs,
    options: BuildOptions,
    progress: Progress = SILENT,
    inputs: tuple[Path, ...] = (),
) -> BuildResult:
    """Synthesize `routine` and write its MP3 (and the sidecars asked for).

    Every target is checked before any work; the outputs appear together and only when
    complete (each is written to a temp file, then all are renamed), or none of them changes;
    folders the build made are removed again if it fails. Raises OutputError for targets that
    cannot or must not be written, VoiceError/SynthesisIncomplete when the voice fails,
    FfmpegError when encoding fails, LimitError for an over-long guide.
    """
    from .render import render_mp3
    from .render.sidecars import check_subtitle_path, subtitles_text, timeline_json

    started = time.perf_counter()
    target = outputs.mp3 or default_output(routine)
    chosen = {**outputs.targets(), Role.MP3: target}
    check_targets(chosen, inputs)
    if target.suffix.lower() != ".mp3":
        raise OutputError(Role.MP3, f" {target}: guide writes MP3 audio; give the file an .mp3 name")
    if outputs.subtitles is not None:
        check_subtitle_path(outputs.subtitles)
    created: list[Path] = []
    try:
        for path in chosen.values():
            if path is not None:
                make_folder(path.parent, created)
                sweep_temps(path.parent)  # a killed build's leftovers, even when nothing is rewritten
        ready = prepare(routine, options, progress)
        script = ready.script
        with Staged() as staged:
            rendered = render_mp3(
                script,
                ready.pcm,
                ready.sample_rate,
                target,
                ready.voice_label,
                options.bitrate_kbps,
                ready.voice_id,
                options.force,
                routine.source,
                progress,
                ready.cache_dir,
                staged,
            )
            if outputs.timeline is not None:
                staged.write(outputs.timeline, timeline_json(script).encode("utf-8"), Role.TIMELINE)
            if outputs.subtitles is not None:
                staged.write(
                    outputs.subtitles, subtitles_text(outputs.subtitles, script).encode("utf-8"), Role.SUBTITLES
                )
            staged.commit()
    except BaseException:
        remove_empty_folders(created)
        raise
    finally:
        progress.done()
    return BuildResult(
        path=rendered.path,
        script=script,
        voice_label=ready.voice_label,
        synthesized=ready.synthesized,
        cached=ready.cached,
        seconds=time.perf_counter() - started,
        duration=rendered.duration,
        size=rendered.size,
        chapters=rendered.chapters,
        level=rendered.level,
        replaced_source=rendered.replaced_source,
        routine=routine,
    )


SAMPLE_DOSES = ("reps: 3\ntempo: 2s\nsetup: 3s", "sides: each\nhold: 8s\nsetup: 3s")


def sample_routine(language: str) -> Routine:
    """A short routine for hearing a voice: a welcome, counted reps, a hold on each side with
    its countdown, switching sides, the next exercise and the closing, in the voice's language
    (exercise names from that language's built-in routine)."""
    from .routine import builtin_name_for, builtin_text, parse_routine

    name = builtin_name_for(language)
    source = parse_routine(builtin_text(name), name)
    names = [exercise.name for exercise in source.exercises[:2]]
    text = f"# {source.title}\n\n" + "\n\n".join(
        f"## {title}\n{dose}" for title, dose in zip(names, SAMPLE_DOSES, strict=True)
    )
    return parse_routine(text, f"(sample) {name}")


def build_sample(voice: str, target: Path | None, options: BuildOptions, progress: Progress = SILENT) -> BuildResult:
    """A short MP3 of `voice` saying typical cues, to hear it before building a whole guide
    (output/sample-VOICE.mp3 unless `target` is given)."""
    import dataclasses

    options = dataclasses.replace(options, voice=voice, verbosity=Verbosity.BRIEF)
    routine = sample_routine(options.phrasebook.code)
    return build(routine, Outputs(target or OUTPUT_FOLDER / f"sample-{slug(voice)}.mp3"), options, progress)


def build_file(
    path: Path | str | None, outputs: Outputs, options: BuildOptions, progress: Progress = SILENT
) -> BuildResult:
    """`guide build`: load the routine at `path` (a file, a web address, or None for the
    built-in routine) and build it. Outputs that would replace the routine are refused
    before it is read. Raises any GuideError of `load_routine` and `build`."""
    inputs = (Path(path),) if isinstance(path, Path) else ()
    check_targets(outputs.targets(), inputs)
    routine = load_routine(path, options.phrasebook.code)
    return build(routine, outputs, options, progress, inputs)


def write_builtin(path: Path, name: str | None = None, force: bool = False) -> str:
    """Write built-in routine `name` (None: the default one) to `path`, ready to edit, and
    return its name. Nothing there is replaced unless `force`; a folder or device never is.
    Raises RoutineError for an unknown name, OutputError when `path` must not be written."""
    text = builtin_text(name or BUILTIN_NAME)
    write_new_file(path, (text.rstrip("\n") + "\n").encode("utf-8"), Role.ROUTINE_COPY, force)
    return (name or BUILTIN_NAME).removesuffix(".md")


__all__ = [
    "BuildOptions",
    "BuildResult",
    "DEFAULT_BITRATE",
    "DEFAULT_VOICE",
    "Outputs",
    "Prepared",
    "Retry",
    "build",
    "build_file",
    "build_sample",
    "default_output",
    "plan",
    "plan_file",
    "prepare",
    "slug",
    "write_builtin",
]
