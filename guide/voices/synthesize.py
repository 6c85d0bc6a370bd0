"""Fill every phrase of a script from the cache, synthesizing (and caching) what is missing.

Network engines run a few phrases at once and retry transient failures with backoff;
whatever arrives is cached at once, so a failed build resumes where it stopped.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from ..errors import SynthesisIncomplete, TransientVoiceError, VoiceError
from .base import Clip, Voice
from .cache import PhraseCache
from .finish import finish_phrase

Progress = Callable[[int], None]  # called with how many more phrases are ready


@dataclass(frozen=True)
class Retry:
    attempts: int = 4
    first_delay: float = 0.5
    max_delay: float = 8.0

    def delay(self, attempt: int, suggested: float | None) -> float:
        backoff = self.first_delay * 2**attempt
        return min(self.max_delay, max(backoff, suggested or 0.0))


@dataclass(frozen=True)
class SynthesisReport:
    clips: dict[str, Clip]
    synthesized: int  # phrases that were not in the cache
    cached: int


def synthesize_phrases(
    voice: Voice,
    texts: Sequence[str],
    cache: PhraseCache,
    progress: Progress | None = None,
    retry: Retry = Retry(),
) -> SynthesisReport:
    report = progress or (lambda _n: None)
    clips: dict[str, Clip] = {}
    missing: list[str] = []
    for text in dict.fromkeys(texts):
        clip = cache.get(voice.cache_id, text)
        if clip is None:
            missing.append(text)
        else:
            clips[text] = clip
    cached = len(clips)
    report(cached)

    def make(text: str) -> tuple[str, Clip]:
        clip = finish_phrase(_with_retries(voice, text, retry))
        cache.put(voice.cache_id, text, clip)
        return text, clip

    if voice.concurrency <= 1:
        for text in missing:  # inline, so Ctrl-C stops at once and nothing waits on threads
            done, clip = make(text)
            clips[done] = clip
            report(1)
    else:
        _run_concurrently(make, missing, voice.concurrency, clips, report, len(texts))
    return SynthesisReport(clips, len(missing), cached)


def _run_concurrently(make: Callable[[str], tuple[str, Clip]], missing: list[str], workers: int,
                      clips: dict[str, Clip], report: Progress, total: int) -> None:  # fmt: skip
    executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="guide-voice")
    try:
        pending: set[Future[tuple[str, Clip]]] = {executor.submit(make, text) for text in missing}
        failure: BaseException | None = None
        while pending:
            done, pending = wait(pending, return_when=FIRST_EXCEPTION)
            for future in done:
                if future.cancelled():
                    continue
                error = future.exception()
                if error is None:
                    text, clip = future.result()
                    clips[text] = clip
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
