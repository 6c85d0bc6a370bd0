"""Fill every phrase of a script from the cache, synthesizing (and caching) what is missing.

This is where a voice's clip (pydub's AudioSegment) becomes samples, once: it is trimmed
to its own sound and cached as PCM. Network engines run a few phrases at once and retry
transient failures with backoff; whatever arrives is cached at once, so a failed build
resumes where it stopped.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import SynthesisIncomplete, TransientVoiceError, VoiceError
from ..fingerprint import code_digest, fingerprint, source_digest
from .base import Clip, Retry, Voice
from .cache import Entry, PhraseCache

if TYPE_CHECKING:
    from ..audio.pcm import Samples

Progress = Callable[[int], None]  # called with how many more phrases are ready
NO_RETRY_CHANGES = Retry()

# How a cached phrase is made from what the engine said: the code that converts and trims
# (TRIM, the trim settings, is a constant in guide.audio.trim's source). Part of every cache
# key. Named by source, not imported: a build whose phrases are all cached never loads numpy.
CLIP_RECIPE = fingerprint(
    source_digest("guide.audio.trim"), source_digest("guide.audio.pcm"), code_digest(sys.modules[__name__])
)


@dataclass(frozen=True)
class SynthesisReport:
    pcm: dict[str, bytes]  # each phrase trimmed, as 16-bit mono PCM at the voice's sample rate
    synthesized: int  # phrases that were not in the cache
    cached: int
    _samples: dict[str, Samples] = field(default_factory=dict, repr=False, compare=False)

    @property
    def clips(self) -> dict[str, Samples]:
        """The phrases as float samples (converted on first use: numpy is loaded only then)."""
        if len(self._samples) != len(self.pcm):
            from ..audio.pcm import samples_of_pcm

            self._samples.update({text: samples_of_pcm(data) for text, data in self.pcm.items()})
        return self._samples


def finish_clip(clip: Clip, rate: int) -> Samples:
    """What the engine said -> the samples every later stage uses: mono float at `rate`,
    trimmed to its own sound."""
    from ..audio import pcm, trim

    return trim.trim_silence(pcm.samples_of(clip, rate), rate)


def synthesize_phrases(
    voice: Voice,
    texts: Sequence[str],
    cache: PhraseCache,
    progress: Progress | None = None,
    retry: Retry = NO_RETRY_CHANGES,
) -> SynthesisReport:
    """Every text as trimmed 16-bit PCM, from the cache or the voice.

    Raises SynthesisIncomplete when transient failures outlast the retries (what was made
    is cached), VoiceError when the voice cannot say a phrase, GuideError when the cache
    cannot be written.
    """
    report = progress or (lambda _n: None)
    rate = voice.sample_rate
    clips: dict[str, bytes] = {}
    missing: list[str] = []
    for text in dict.fromkeys(texts):
        entry = cache.get(cache.key(CLIP_RECIPE, voice.cache_id, text), rate)
        if entry is None:
            missing.append(text)
        else:
            clips[text] = entry.pcm
    cached = len(clips)
    report(cached)

    def make(text: str) -> tuple[str, bytes]:
        from ..audio.pcm import pcm16

        data = pcm16(finish_clip(_with_retries(voice, text, retry), rate))
        cache.put(cache.key(CLIP_RECIPE, voice.cache_id, text), Entry(data, rate))
        return text, data  # exactly what a later cached build reads

    total = len(dict.fromkeys(texts))
    if voice.concurrency <= 1:
        for text in missing:  # inline, so Ctrl-C stops at once and nothing waits on threads
            try:
                done, data = make(text)
            except TransientVoiceError as error:
                raise SynthesisIncomplete(total - len(clips), total, str(error)) from None
            clips[done] = data
            report(1)
    else:
        _run_concurrently(make, missing, voice.concurrency, clips, report, total)
    return SynthesisReport(clips, len(missing), cached)


def _run_concurrently(
    make: Callable[[str], tuple[str, bytes]],
    missing: list[str],
    workers: int,
    clips: dict[str, bytes],
    report: Progress,
    total: int,
) -> None:
    executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="guide-voice")
    try:
        # Longest first, so the cores finish together instead of one waiting on a long last phrase.
        ordered = sorted(missing, key=len, reverse=True)
        pending: set[Future[tuple[str, bytes]]] = {executor.submit(make, text) for text in ordered}
        failure: BaseException | None = None
        while pending:
            done, pending = wait(pending, return_when=FIRST_EXCEPTION)
            for future in done:
                if future.cancelled():
                    continue
                error = future.exception()
                if error is None:
                    text, data = future.result()
                    clips[text] = data
                    report(1)
                elif failure is None:
                    failure = error
                    for other in pending:
                        other.cancel()  # stop asking; those in flight still land in the cache
        if failure is not None:
            if isinstance(failure, TransientVoiceError):
                raise SynthesisIncomplete(total - len(clips), total, str(failure)) from None
            raise failure
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _with_retries(voice: Voice, text: str, retry: Retry) -> Clip:
    for attempt in range(retry.attempts):
        try:
            clip = voice.synthesize(text)
        except TransientVoiceError as error:
            if attempt + 1 == retry.attempts:
                raise
            time.sleep(retry.delay(attempt, error.retry_after))
            continue
        if len(clip) == 0:
            raise VoiceError(f"{voice.label} produced no sound for {text[:40]!r}")
        return clip
    raise AssertionError("unreachable")
