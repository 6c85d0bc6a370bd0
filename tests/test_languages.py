"""A coach in six languages: every cue in each, numbers with gender, the voice picks the language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guide.build import BuildOptions, Outputs, build, plan_file
from guide.cli import app
from guide.errors import GuideError, VoiceError
from guide.routine import Sides, builtin_routines, parse_routine
from guide.script import ENGLISH, PHRASEBOOKS, CueKind, Phrasebook
from guide.script.languages.numbers import Gender, spell
from guide.script.phrasebook import CUE_METHODS
from guide.voices import Retry, open_voice, voice_language

from .fake_google import FakeGoogle

OTHERS = [book for book in PHRASEBOOKS.values() if book is not ENGLISH]
FAST_RETRY = Retry(attempts=2, first_delay=0.01, max_delay=0.02)


def _every_cue(book: Phrasebook) -> dict[str, list[str]]:
    """Each cue method with arguments that reach each of its branches."""
    doses = [
        (1, 15, None, Sides.EACH, 30.0, False),
        (3, 12, None, Sides.ONE, 30.0, False),
        (1, 8, 5.0, Sides.ALTERNATE, 10.0, False),
        (2, 8, 5.0, Sides.ONE, 60.0, True),
        (4, None, 30.0, Sides.EACH, 10.0, False),
        (1, None, 60.0, Sides.ONE, 10.0, False),
        (1, None, 40.0, Sides.ONE, 10.0, True),
    ]
    return {
        "number": [book.number(n) for n in (1, 21)],
        "welcome": [book.welcome("Hip", m, n) for m, n in ((0, 1), (1, 2), (12, 5), (60, 3), (130, 9))],
        "opening_chapter": [book.opening_chapter()],
        "exercise": [book.exercise(1, 5, "Bridge")],
        "dose_summary": [book.dose_summary(*dose) for dose in doses],
        "get_into_position": [book.get_into_position()],
        "first_side": [book.first_side(True), book.first_side(False)],
        "switch_sides": [book.switch_sides()],
        "set_number": [book.set_number(1, 3), book.set_number(3, 3)],
        "round_number": [book.round_number(1, 3), book.round_number(3, 3)],
        "round_chapter": [book.round_chapter("Bridge", 2, 3)],
        "block_intro": [
            book.block_intro("Main", 3, 4, 60.0, None),
            book.block_intro(None, 5, 1, None, 60.0),
            book.block_intro(None, 2, 2, None, 30.0),
        ],
        "exercise_again": [book.exercise_again("Bridge")],
        "count": [book.count(n) for n in (1, 2, 8)],
        "hold": [book.hold(True, True), book.hold(True, False), book.hold(False)],
        "rep_hold": [book.rep_hold(2, None), book.rep_hold(1, book.right)],
        "halfway": [book.halfway()],
        "ten_seconds_left": [book.ten_seconds_left()],
        "countdown": [book.countdown()],
        "countdown_into": [book.countdown_into(True), book.countdown_into(False)],
        "stop_and_rest": [book.stop_and_rest()],
        "release": [book.release(True), book.release(False)],
        "rest": [book.rest()],
        "next_up": [book.next_up("Bridge")],
        "closing": [book.closing()],
    }


def test_the_languages_are_there() -> None:
    assert {"en", "es", "fr", "it", "pt-br", "de"} <= set(PHRASEBOOKS)


@pytest.mark.parametrize("book", OTHERS, ids=lambda b: b.code)
def test_every_phrasebook_says_every_cue_the_english_one_has(book: Phrasebook) -> None:
    english, own = _every_cue(ENGLISH), _every_cue(book)
    assert set(english) == set(own) == set(CUE_METHODS)  # the test itself reaches every kind of cue
    for method, said in own.items():
        assert all(text.strip() and not text.isspace() for text in said), method
        if method in ("exercise_again", "round_chapter"):
            continue  # the routine's own words, or digits
        assert all(any(ch.isdigit() for ch in text) is False for text in said if method != "dose_summary"), method
        translated = [mine for mine, theirs in zip(said, english[method], strict=True) if mine != theirs]
        assert translated, f"{book.code}.{method} still says the English: {said}"


def _spelled(book: Phrasebook, n: int) -> str:
    return book.number(n)


@pytest.mark.parametrize("book", list(PHRASEBOOKS.values()), ids=lambda b: b.code)
def test_number_words_one_to_a_hundred(book: Phrasebook) -> None:
    words = [_spelled(book, n) for n in range(1, 101)]
    assert len(set(words)) == 100  # a different word for each
    assert not any(ch.isdigit() for word in words for ch in word)
    assert all(word == word.strip() and word for word in words)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", {1: "one", 21: "twenty-one", 71: "seventy-one", 100: "one hundred"}),
        ("es", {1: "uno", 16: "dieciséis", 21: "veintiuno", 71: "setenta y uno", 100: "cien"}),
        ("fr", {1: "un", 21: "vingt-et-un", 71: "soixante-et-onze", 80: "quatre-vingts", 91: "quatre-vingt-onze"}),
        ("it", {1: "uno", 21: "ventuno", 28: "ventotto", 100: "cento"}),
        ("pt-br", {1: "um", 16: "dezesseis", 21: "vinte e um", 100: "cem"}),
        ("de", {1: "eins", 21: "einundzwanzig", 31: "einunddreißig", 100: "einhundert"}),
    ],
)
def test_number_words_are_the_languages_own(code: str, expected: dict[int, str]) -> None:
    book = PHRASEBOOKS[code]
    assert {n: book.number(n) for n in expected} == expected


def test_counted_nouns_agree_in_gender() -> None:
    assert spell(1, "es", Gender.FEMININE) == "una" and spell(21, "es", Gender.MASCULINE) == "veintiún"
    assert spell(2, "pt", Gender.FEMININE) == "duas" and spell(1, "fr", Gender.FEMININE) == "une"
    es, pt, de, fr = (PHRASEBOOKS[c] for c in ("es", "pt-br", "de", "fr"))
    assert es.dose_summary(2, 12, None, Sides.ONE, 60.0, False).startswith("Dos series de doce repeticiones")
    assert "un minuto" in es.dose_summary(2, 12, None, Sides.ONE, 60.0, False)
    assert pt.dose_summary(2, 1, 1.0, Sides.ONE, 21.0, False).startswith("Duas séries: uma vez")
    assert de.dose_summary(1, 1, 1.0, Sides.ONE, 1.0, False).startswith("Einmal, jeweils eine Sekunde")
    assert fr.dose_summary(1, None, 1.0, Sides.ONE, 1.0, False) == "Tiens la position une seconde."


@pytest.mark.parametrize(
    ("voice", "language"),
    [
        ("piper", "en"),
        ("kokoro:af_heart", "en"),
        ("kokoro:bf_emma", "en"),
        ("kokoro:ef_dora", "es"),
        ("kokoro:ff_siwis", "fr"),
        ("kokoro:im_nicola", "it"),
        ("kokoro:pm_alex", "pt-BR"),
        ("espeak:de", "de"),
        ("gtts:es", "es"),
        ("gtts:pt-br", "pt-BR"),
        ("gtts:en-gb", "en"),
        ("gtts:ja", "en"),  # no phrasebook: English cues
    ],
)
def test_a_voices_language_picks_its_phrasebook(voice: str, language: str) -> None:
    assert BuildOptions(voice=voice).phrasebook.code == language


def test_language_option_wins_and_the_built_in_routine_follows_it() -> None:
    routine, script = plan_file(None, BuildOptions(voice="kokoro:if_sara"))
    assert script.language == "it" and routine.title == "Mobilità delle anche dopo la corsa"
    assert script.cues[0].text.startswith("Mobilità delle anche dopo la corsa. Circa")
    assert any(c.text == "Uno!" for c in script.cues if c.kind is CueKind.REP)
    _, english = plan_file(None, BuildOptions(voice="kokoro:if_sara", language="en"))
    assert english.language == "en" and english.cues[0].text.startswith("Post-Run Hip Mobility. About")


def test_a_piper_voice_file_says_its_language(tmp_path: Path) -> None:
    model = tmp_path / "es_ES-x-medium.onnx"
    model.write_bytes(b"\x08")
    (tmp_path / "es_ES-x-medium.onnx.json").write_text(
        '{"language": {"code": "es_ES"}, "audio": {"sample_rate": 22050}}'
    )
    assert voice_language(f"piper:{model}") == "es-ES"
    assert BuildOptions(voice=f"piper:{model}").phrasebook.code == "es"


def test_round_chapters_are_named_in_the_language() -> None:
    text = "# C\n\n## Main\nrounds: 2\nrest: 20s\n\n### Sentadillas\nreps: 3\n"
    routine = parse_routine(text, "c.md")
    from guide.build import plan

    script = plan(routine, BuildOptions(language="es"))
    assert [c.title for c in script.chapters][1:] == ["Sentadillas, ronda 1 de 2", "Sentadillas, ronda 2 de 2"]


@pytest.mark.parametrize(
    ("spec", "suggestion"),
    [
        ("kokoro:af_hart", "kokoro:af_heart"),
        ("kokoro:ef_dorra", "kokoro:ef_dora"),
        ("af_heart", "kokoro:af_heart"),
        ("kokor:am_michael", "kokoro:am_michael"),
        ("espak:de", "espeak:de"),
    ],
)
def test_an_unknown_voice_lists_the_close_matches(spec: str, suggestion: str) -> None:
    with pytest.raises(VoiceError, match=f"did you mean.*{suggestion}"):
        open_voice(spec)
    with pytest.raises(VoiceError, match="did you mean"):
        BuildOptions(voice=spec).phrasebook  # noqa: B018 - planning refuses it too


def test_cli_unknown_voice_and_language_are_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    voice = runner.invoke(app, ["plan", "--voice", "kokoro:af_hart"])
    assert voice.exit_code == 2 and voice.output.count("\n") == 1 and "kokoro:af_heart" in voice.output
    language = runner.invoke(app, ["build", "--language", "xx", "-o", str(tmp_path / "x.mp3")])
    assert (
        language.exit_code == 2 and language.output.startswith("error: --language 'xx'") and "pt-BR" in language.output
    )
    assert not (tmp_path / "x.mp3").exists()


def test_plan_says_doses_are_read_from_english_prose_only() -> None:
    runner = CliRunner()
    spanish = runner.invoke(app, ["plan", "--voice", "kokoro:ef_dora"])
    assert spanish.exit_code == 0 and "language: es (doses are read from English prose only" in spanish.output
    assert "English prose only" not in runner.invoke(app, ["plan"]).output
    document = json.loads(runner.invoke(app, ["plan", "--json", "--language", "de"]).output)
    assert document["language"] == "de" and document["title"] == "Hüftmobilität nach dem Laufen"


def test_each_language_has_its_built_in_routine(tmp_path: Path) -> None:
    names = {name for name, _ in builtin_routines()}
    for code in ("es", "fr", "it", "pt-br", "de"):
        assert f"post-run-hip-mobility-{code}" in names
    target = tmp_path / "mia.md"
    made = CliRunner().invoke(app, ["init", str(target), "--routine", "post-run-hip-mobility-it"])
    assert made.exit_code == 0 and target.read_text(encoding="utf-8").startswith("# Mobilità delle anche")


def test_voices_lists_the_catalogue() -> None:
    result = CliRunner().invoke(app, ["voices"])
    assert result.exit_code == 0
    rows = {line.split()[0]: line for line in result.output.splitlines()[1:]}
    assert {"piper", "kokoro:af_heart", "kokoro:ef_dora", "espeak:de", "gtts:es"} <= set(rows)
    assert (
        "offline" in rows["kokoro:ef_dora"]
        and "Spanish" in rows["kokoro:ef_dora"]
        and "Apache-2.0" in rows["kokoro:ef_dora"]
    )
    assert "robotic" in rows["espeak:de"] and "online" in rows["gtts:es"] and "female" in rows["kokoro:af_heart"]


def test_spanish_through_gtts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeGoogle().install(monkeypatch)
    routine = parse_routine("# Prueba\n\n## Sentadillas\nreps: 2\n\nBaja despacio.\n", "p.md")
    options = BuildOptions(voice="gtts:es", cache_dir=tmp_path / "cache", retry=FAST_RETRY)
    result = build(routine, Outputs(tmp_path / "p.mp3"), options)
    said = {text for _, text in fake.requests_seen}
    assert result.script.language == "es" and (tmp_path / "p.mp3").stat().st_size > 0
    assert {"¡Uno", "¡Dos", "Baja despacio"} <= {text.rstrip(".!") for text in said}
    assert {url for url, _ in fake.requests_seen} == {
        "https://translate.google.es/_/TranslateWebserverUi/data/batchexecute"
    }


def test_german_offline_voice_is_deterministic(tmp_path: Path) -> None:
    voice = open_voice("espeak:de")
    first, second = voice.synthesize("Drei, zwei, eins."), voice.synthesize("Drei, zwei, eins.")
    assert first.raw_data == second.raw_data and len(first) > 500


def test_kokoro_speed_out_of_range_is_a_voice_error() -> None:
    with pytest.raises(GuideError, match=r"0\.5 to 2"):
        open_voice("kokoro:af_heart", 3.0)
