"""Every voice guide knows by name: its language, accent, gender, engine, licence and how it
installs. Light: listing voices or finding a voice's language loads no engine."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import VoiceError

KOKORO_LICENCE = "Apache-2.0 (Kokoro-82M model and voices)"
PIPER_LICENCE = (
    "joe is fine-tuned from lessac, whose Blizzard-2013 data licence restricts commercial use; piper-tts is GPL-3.0"
)
ESPEAK_LICENCE = "GPL-3.0-or-later (espeak-ng)"
GTTS_LICENCE = "Google's terms of service (gTTS is MIT)"


@dataclass(frozen=True)
class KokoroVoice:
    name: str
    espeak: str  # the espeak-ng language that makes its phonemes
    language: str  # the phrasebook it speaks
    accent: str
    gender: str


KOKORO_VOICES: dict[str, KokoroVoice] = {
    voice.name: voice
    for voice in (
        KokoroVoice("af_heart", "en-us", "en", "English (US)", "female"),
        KokoroVoice("af_bella", "en-us", "en", "English (US)", "female"),
        KokoroVoice("am_michael", "en-us", "en", "English (US)", "male"),
        KokoroVoice("am_fenrir", "en-us", "en", "English (US)", "male"),
        KokoroVoice("bf_emma", "en-gb", "en", "English (GB)", "female"),
        KokoroVoice("bm_george", "en-gb", "en", "English (GB)", "male"),
        KokoroVoice("ef_dora", "es", "es", "Spanish (Spain)", "female"),
        KokoroVoice("em_alex", "es", "es", "Spanish (Spain)", "male"),
        KokoroVoice("ff_siwis", "fr-fr", "fr", "French (France)", "female"),
        KokoroVoice("if_sara", "it", "it", "Italian", "female"),
        KokoroVoice("im_nicola", "it", "it", "Italian", "male"),
        KokoroVoice("pf_dora", "pt-br", "pt-BR", "Portuguese (Brazil)", "female"),
        KokoroVoice("pm_alex", "pt-br", "pt-BR", "Portuguese (Brazil)", "male"),
    )
}

# espeak-ng speaks 100+ languages; these are the ones guide has a phrasebook for.
ESPEAK_LANGUAGES: dict[str, tuple[str, str]] = {
    "de": ("de", "German"),
    "en": ("en-us", "English (US)"),
    "es": ("es", "Spanish (Spain)"),
    "fr": ("fr-fr", "French (France)"),
    "it": ("it", "Italian"),
    "pt-br": ("pt-br", "Portuguese (Brazil)"),
}


@dataclass(frozen=True)
class VoiceEntry:
    """One line of `guide voices`."""

    spec: str  # what --voice takes
    language: str  # the phrasebook language it speaks ("en", "pt-BR")
    accent: str
    gender: str
    engine: str
    offline: bool
    licence: str
    note: str = ""  # what a listener should know ("sounds robotic")


def catalogue() -> list[VoiceEntry]:
    """Every named voice, offline ones first, the default first of all."""
    from .gtts import ACCENTS

    entries = [VoiceEntry("piper", "en", "English (US)", "male", "piper (joe)", True, PIPER_LICENCE, "default")]
    for voice in KOKORO_VOICES.values():
        entries.append(
            VoiceEntry(
                f"kokoro:{voice.name}", voice.language, voice.accent, voice.gender, "kokoro", True, KOKORO_LICENCE
            )
        )
    entries.append(
        VoiceEntry(
            "espeak:de",
            "de",
            "German",
            "male",
            "espeak-ng",
            True,
            ESPEAK_LICENCE,
            "sounds robotic; the only offline German voice",
        )
    )
    for accent, (lang, tld) in ACCENTS.items():
        language = "pt-BR" if lang == "pt" and tld == "com.br" else lang
        entries.append(
            VoiceEntry(
                f"gtts:{accent}", language, f"Google, translate.google.{tld}", "female", "gtts", False, GTTS_LICENCE
            )
        )
    for lang in ("it", "de"):
        entries.append(
            VoiceEntry(f"gtts:{lang}", lang, "Google, translate.google.com", "female", "gtts", False, GTTS_LICENCE)
        )
    return entries


def voice_language(spec: str) -> str:
    """The language a voice speaks, without loading it: "kokoro:ef_dora" -> "es".

    Raises VoiceError for a voice guide does not know, listing the close matches."""
    engine, _, argument = spec.strip().partition(":")
    engine = engine.lower()
    if engine == "piper":
        return _piper_language(Path(argument).expanduser()) if argument else "en"
    if engine == "kokoro":
        return kokoro_voice(argument).language
    if engine == "espeak" and not argument.strip():
        raise VoiceError(f"'{spec}': espeak needs a language, e.g. espeak:de (valid forms: {VOICE_FORMS})")
    if engine in ("espeak", "gtts"):
        return argument.strip() or "en"
    raise unknown_voice(spec)


def _piper_language(model: Path) -> str:
    from .piper import MAX_CONFIG_BYTES  # a hostile "config" is not read whole

    try:
        with Path(f"{model}.json").open("rb") as handle:
            config = json.loads(handle.read(MAX_CONFIG_BYTES))
        return str(config["language"]["code"]).replace("_", "-")
    except (OSError, ValueError, KeyError, TypeError):
        return "en"  # the engine itself reports a missing or broken config


def kokoro_voice(name: str) -> KokoroVoice:
    voice = KOKORO_VOICES.get(name.strip().lower())
    if voice is None:
        raise unknown_voice(f"kokoro:{name}")
    return voice


def unknown_voice(spec: str) -> VoiceError:
    """An error naming the closest voices guide has, or the valid forms when none is close."""
    names = [entry.spec for entry in catalogue()]
    bare = {entry.spec.partition(":")[2]: entry.spec for entry in catalogue() if ":" in entry.spec}
    wanted = spec.strip().lower()
    close = difflib.get_close_matches(wanted, names, n=4, cutoff=0.6)
    close += [
        bare[b] for b in difflib.get_close_matches(wanted.partition(":")[2] or wanted, list(bare), n=4, cutoff=0.6)
    ]
    close = list(dict.fromkeys(close))[:4]
    hint = f"did you mean {', '.join(close)}?" if close else f"valid forms: {VOICE_FORMS}"
    return VoiceError(f"unknown voice '{spec}' ({hint} `guide voices` lists them all)")


VOICE_FORMS = (
    "piper, piper:PATH.onnx, kokoro:NAME (e.g. kokoro:af_heart), espeak:LANG, gtts:LANG[-ACCENT] (e.g. gtts:en-gb)"
)
