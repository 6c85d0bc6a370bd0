"""The phrase cache: verified on read, atomic on write, shared safely between builds
(docs/contracts.md#caches)."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

import numpy as np
from pydub import AudioSegment

from guide.voices import PhraseCache, synthesize_phrases


class CountingVoice:
    """A tiny deterministic engine: a 440 Hz tone as long as the text."""

    label = "counting"
    cache_id = "counting:v1"
    sample_rate = 16000
    concurrency = 1

    def __init__(self) -> None:
        self.calls: list[str] = []
        self._lock = threading.Lock()

    def synthesize(self, text: str) -> AudioSegment:
        with self._lock:
            self.calls.append(text)
        t = np.arange(int(0.05 * len(text) * self.sample_rate)) / self.sample_rate
        pcm = (0.5 * np.sin(2 * np.pi * 440 * t) * 32767).astype("<i2")
        silence = np.zeros(1600, dtype="<i2")
        data = np.concatenate([silence, pcm, silence]).tobytes()
        return AudioSegment(data=data, sample_width=2, frame_rate=self.sample_rate, channels=1)


def test_second_run_synthesizes_nothing(tmp_path: Path) -> None:
    voice, cache = CountingVoice(), PhraseCache(tmp_path)
    first = synthesize_phrases(voice, ["One.", "Two.", "One."], cache)
    assert (first.synthesized, voice.calls) == (2, ["One.", "Two."])
    second = synthesize_phrases(voice, ["One.", "Two."], cache)
    assert second.synthesized == 0 and second.cached == 2
    assert np.array_equal(second.clips["One."], first.clips["One."])


def test_clips_are_trimmed_to_their_sound(tmp_path: Path) -> None:
    clip = synthesize_phrases(CountingVoice(), ["Abcdefghij"], PhraseCache(tmp_path)).clips["Abcdefghij"]
    assert 0.5 <= clip.size / CountingVoice.sample_rate <= 0.5 + 0.03  # 0.1 s of silence each side is gone


def test_corrupt_or_truncated_entries_are_synthesized_again(tmp_path: Path) -> None:
    voice, cache = CountingVoice(), PhraseCache(tmp_path)
    synthesize_phrases(voice, ["One.", "Two."], cache)
    entries = sorted(tmp_path.glob("*/*.clip"))
    data = entries[0].read_bytes()
    entries[0].write_bytes(data[: len(data) // 2])  # truncated
    entries[1].write_bytes(data[:-10] + b"0123456789")  # bit rot
    voice.calls.clear()
    report = synthesize_phrases(voice, ["One.", "Two."], cache)
    assert sorted(voice.calls) == ["One.", "Two."] and report.synthesized == 2
    assert synthesize_phrases(voice, ["One.", "Two."], cache).synthesized == 0


def test_two_builds_sharing_one_cache(tmp_path: Path) -> None:
    cache = PhraseCache(tmp_path)
    texts = [f"Phrase number {i}." for i in range(30)]
    results = []

    def run() -> None:
        results.append(synthesize_phrases(CountingVoice(), texts, cache))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 2
    assert all(np.array_equal(a, b) for a, b in zip(results[0].clips.values(), results[1].clips.values(), strict=True))
    assert not list(tmp_path.glob("*/.*.part")), "no temp files left behind"
    assert PhraseCache(tmp_path).info().entries == 30
    assert synthesize_phrases(CountingVoice(), texts, cache).synthesized == 0


def test_info_and_clear(tmp_path: Path) -> None:
    cache = PhraseCache(tmp_path)
    synthesize_phrases(CountingVoice(), ["A.", "B."], cache)
    info = cache.info()
    assert info.entries == 2 and info.bytes > 0
    assert cache.clear().entries == 2 and cache.info().entries == 0


def test_interrupted_synthesis_keeps_the_cache_consistent(tmp_path: Path) -> None:
    class Interrupting(CountingVoice):
        def synthesize(self, text: str) -> AudioSegment:
            if text == "Three.":
                raise KeyboardInterrupt
            return super().synthesize(text)

    cache = PhraseCache(tmp_path)
    with contextlib.suppress(KeyboardInterrupt):
        synthesize_phrases(Interrupting(), ["One.", "Two.", "Three.", "Four."], cache)
    assert cache.info().entries == 2
    voice = CountingVoice()
    synthesize_phrases(voice, ["One.", "Two.", "Three.", "Four."], cache)
    assert voice.calls == ["Three.", "Four."]
