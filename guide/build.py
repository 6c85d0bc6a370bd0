"""The library behind the CLI: plan a routine, or build its MP3 and sidecars."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .render import (
    DEFAULT_BITRATE,
    RenderResult,
    check_subtitle_path,
    render_mp3,
    write_subtitles,
    write_timeline,
)
from .render.files import check_target
from .routine import RangeChoice, Routine
from .script import PACES, Pace, PaceName, Script, ScriptOptions, build_script, estimate_seconds
from .voices import DEFAULT_VOICE, Clip, PhraseCache, Retry, Voice, default_cache_dir, open_voice, synthesize_phrases
from .voices.cache import FORMAT as CLIP_FORMAT

Progress = Callable[[int], None]


@dataclass(frozen=True)
class BuildOptions:
    voice: str = DEFAULT_VOICE
    pace: Pace = PACES[PaceName.NORMAL]
    ranges: RangeChoice = RangeChoice.LOW
    bitrate_kbps: int = DEFAULT_BITRATE
    force: bool = False  # re-encode even when the MP3 already holds this exact render
    cache_dir: Path | None = None
    retry: Retry = field(default_factory=Retry)

    @property
    def script_options(self) -> ScriptOptions:
        return ScriptOptions(self.pace, self.ranges)


@dataclass(frozen=True)
class BuildResult:
    render: RenderResult
    script: Script
    voice_label: str
    synthesized: int
    cached: int
    seconds: float


def plan(routine: Routine, options: BuildOptions) -> Script:
    """The script with estimated phrase lengths: nothing is synthesized."""
    rate = options.pace.speech_rate
    return build_script(routine, options.script_options, lambda text: estimate_seconds(text, rate))


@dataclass(frozen=True)
class Prepared:
    """Everything needed to render: the voice, the real (synthesized) script and its clips."""

    voice: Voice
    script: Script
    clips: dict[str, Clip]
    synthesized: int
    cached: int


def prepare(routine: Routine, options: BuildOptions, progress: Progress | None = None,
            on_total: Callable[[int], None] | None = None) -> Prepared:  # fmt: skip
    """Synthesize (or fetch from cache) every phrase and lay out the real script."""
    voice = open_voice(options.voice, options.pace.speech_rate)
    cache = PhraseCache(options.cache_dir or default_cache_dir())
    draft = plan(routine, options)
    if on_total:
        on_total(len(draft.phrases))
    report = synthesize_phrases(voice, draft.phrases, cache, progress, options.retry)
    clips = dict(report.clips)
    synthesized = report.synthesized

    def measure(text: str) -> float:
        nonlocal synthesized
        if text not in clips:  # real lengths can make room for a cue the estimate did not
            extra = synthesize_phrases(voice, [text], cache, retry=options.retry)
            clips.update(extra.clips)
            synthesized += extra.synthesized
        clip = clips[text]
        return clip.frame_count() / clip.frame_rate

    script = build_script(routine, options.script_options, measure)
    return Prepared(voice, script, clips, synthesized, report.cached)


def build(routine: Routine, output: Path, options: BuildOptions, *, timeline: Path | None = None,
          subtitles: Path | None = None, progress: Progress | None = None,
          on_total: Callable[[int], None] | None = None) -> BuildResult:  # fmt: skip
    started = time.perf_counter()
    for target in (output, timeline, subtitles):
        if target is not None:
            check_target(target)  # fail before minutes of synthesis, not after
    if subtitles is not None:
        check_subtitle_path(subtitles)
    ready = prepare(routine, options, progress, on_total)
    voice, script = ready.voice, ready.script
    result = render_mp3(script, ready.clips, voice.sample_rate, output, voice.label, options.bitrate_kbps,
                        f"{CLIP_FORMAT}/{voice.cache_id}", options.force)  # fmt: skip
    if timeline is not None:
        write_timeline(timeline, script)
    if subtitles is not None:
        write_subtitles(subtitles, script)
    return BuildResult(result, script, voice.label, ready.synthesized, ready.cached, time.perf_counter() - started)
