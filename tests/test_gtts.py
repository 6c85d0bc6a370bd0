"""gTTS runs for real (request building, response decoding); only the HTTP transport is fake."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.build import BuildOptions, Outputs, build
from guide.errors import SynthesisIncomplete, VoiceError
from guide.routine import parse_routine
from guide.voices import PhraseCache, Retry, open_voice, synthesize_phrases
from guide.voices.gtts import resolve_language

from .fake_google import FakeGoogle

FAST = Retry(attempts=3, first_delay=0.01, max_delay=0.02)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("en", ("en", "com")),
        ("en-us", ("en", "us")),
        ("en-gb", ("en", "co.uk")),
        ("en-au", ("en", "com.au")),
        ("en-in", ("en", "co.in")),
        ("en-ie", ("en", "ie")),
        ("en-za", ("en", "co.za")),
        ("en-ca", ("en", "ca")),
        ("de", ("de", "com")),
        ("zh-CN", ("zh-CN", "com")),
    ],
)
def test_languages_and_accents(spec: str, expected: tuple[str, str]) -> None:
    assert resolve_language(spec) == expected


def test_unknown_language_lists_valid_forms() -> None:
    with pytest.raises(VoiceError, match=r"no language or accent 'xx'.*en-gb"):
        open_voice("gtts:xx")


def test_gtts_request_and_decoding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeGoogle().install(monkeypatch)
    voice = open_voice("gtts:en-gb")
    report = synthesize_phrases(voice, ["Hold.", "Rest."], PhraseCache(tmp_path), retry=FAST)
    assert report.synthesized == 2
    urls = {url for url, _ in fake.requests_seen}
    assert urls == {"https://translate.google.co.uk/_/TranslateWebserverUi/data/batchexecute"}
    assert sorted(text.rstrip(".") for _, text in fake.requests_seen) == ["Hold", "Rest"]  # gTTS cleans text itself
    clip = report.clips["Hold."]
    assert 0.5 < clip.size / 24000 < 0.7  # the tone, trimmed of its silence
    again = synthesize_phrases(voice, ["Hold.", "Rest."], PhraseCache(tmp_path), retry=FAST)
    assert again.synthesized == 0 and len(fake.requests_seen) == 2


def test_rate_limit_is_retried_with_backoff(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeGoogle(fail_first=2, status=429).install(monkeypatch)
    report = synthesize_phrases(open_voice("gtts:en"), ["One."], PhraseCache(tmp_path), retry=FAST)
    assert report.synthesized == 1 and len(fake.requests_seen) == 3


def test_bounded_concurrency(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeGoogle(latency=0.05).install(monkeypatch)
    voice = open_voice("gtts:en")
    synthesize_phrases(voice, [f"Phrase {i}." for i in range(12)], PhraseCache(tmp_path), retry=FAST)
    assert 1 < fake.max_in_flight <= voice.concurrency


def test_unreachable_google_stops_with_a_count_and_resumes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    routine = parse_routine("# T\n\n## Squats\nreps: 3\n\nSquat down.\n", "t.md")
    options = BuildOptions(voice="gtts:en", cache_dir=tmp_path / "cache", retry=FAST)
    fake = FakeGoogle(unreachable=True).install(monkeypatch)
    with pytest.raises(SynthesisIncomplete, match=r"phrases are still missing.*Failed to connect"):
        build(routine, Outputs(tmp_path / "t.mp3"), options)
    assert not (tmp_path / "t.mp3").exists()
    # Google answers for a while, then goes away again: what arrived stays cached.
    fake.unreachable = False
    fake.always_fail = False
    answered = FakeGoogle(fail_first=0).install(monkeypatch)
    first = build(routine, Outputs(tmp_path / "t.mp3"), options)
    assert first.synthesized == len(answered.requests_seen) > 0
    rerun = FakeGoogle(unreachable=True).install(monkeypatch)
    second = build(routine, Outputs(tmp_path / "t.mp3"), options)
    assert second.synthesized == 0 and rerun.requests_seen == []


def test_partial_failure_keeps_what_was_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = PhraseCache(tmp_path)
    voice = open_voice("gtts:en")
    FakeGoogle().install(monkeypatch)
    synthesize_phrases(voice, ["A.", "B."], cache, retry=FAST)
    down = FakeGoogle(always_fail=True, status=503).install(monkeypatch)
    with pytest.raises(SynthesisIncomplete) as caught:
        synthesize_phrases(voice, ["A.", "B.", "C.", "D."], cache, retry=FAST)
    assert caught.value.missing == 2 and caught.value.total == 4
    assert {text for _, text in down.requests_seen} <= {"C.", "D."}


def test_bad_request_is_not_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeGoogle(always_fail=True, status=404).install(monkeypatch)
    with pytest.raises(VoiceError, match="404") as caught:
        synthesize_phrases(open_voice("gtts:en-gb"), ["One."], PhraseCache(tmp_path), retry=FAST)
    assert not isinstance(caught.value, SynthesisIncomplete)
    assert len(fake.requests_seen) == 1


def test_speech_rate_time_stretches_keeping_pitch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    FakeGoogle().install(monkeypatch)
    normal = synthesize_phrases(open_voice("gtts:en", 1.0), ["X."], PhraseCache(tmp_path / "a"), retry=FAST)
    slower = synthesize_phrases(open_voice("gtts:en", 0.8), ["X."], PhraseCache(tmp_path / "b"), retry=FAST)
    ratio = slower.clips["X."].size / normal.clips["X."].size
    assert ratio == pytest.approx(1 / 0.8, rel=0.08)


def test_a_server_that_never_answers_in_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeGoogle(times_out=True).install(monkeypatch)
    with pytest.raises(SynthesisIncomplete, match="1 of 1 phrases are still missing"):
        synthesize_phrases(open_voice("gtts:en-au"), ["One."], PhraseCache(tmp_path), retry=FAST)
    assert len(fake.requests_seen) == FAST.attempts
