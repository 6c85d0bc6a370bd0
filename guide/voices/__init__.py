"""text -> audio. One small interface (`Voice`), one module per engine, one cache in front."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import VoiceError
from .base import DEFAULT_VOICE, Clip, Retry, Voice
from .cache import CacheInfo, PhraseCache, default_cache_dir
from .catalogue import VOICE_FORMS, VoiceEntry, catalogue, unknown_voice, voice_language
from .synthesize import SynthesisReport, synthesize_phrases

__all__ = [
    "CacheInfo",
    "VOICE_FORMS",
    "VoiceEntry",
    "catalogue",
    "voice_language",
    "Clip",
    "DEFAULT_VOICE",
    "PhraseCache",
    "Retry",
    "SynthesisReport",
    "Voice",
    "VoiceInfo",
    "available_voices",
    "default_cache_dir",
    "open_voice",
    "synthesize_phrases",
]


def open_voice(spec: str, speech_rate: float = 1.0) -> Voice:
    """`piper`, `piper:PATH.onnx`, `kokoro:NAME`, `espeak:LANG` or `gtts:LANG[-ACCENT]` -> a Voice at that rate.

    Raises VoiceError naming the valid forms when `spec` is none of them, or the voice is
    missing or broken.
    """
    engine, _, argument = spec.strip().partition(":")
    engine = engine.lower()
    if engine == "piper":
        from .piper import PiperEngine, bundled_model

        model = Path(argument).expanduser() if argument else bundled_model()
        if argument and model.suffix != ".onnx":
            raise VoiceError(f"'{spec}': a Piper voice is an .onnx file (valid forms: {VOICE_FORMS})")
        return PiperEngine(model, speech_rate)
    if engine == "gtts":
        from .gtts import GttsEngine

        return GttsEngine(argument or "en", speech_rate)
    if engine == "kokoro":
        from .kokoro import KokoroEngine

        return KokoroEngine(argument, speech_rate)
    if engine == "espeak":
        from .espeak import EspeakEngine

        return EspeakEngine(argument, speech_rate)
    raise unknown_voice(spec)


@dataclass(frozen=True)
class VoiceInfo:
    spec: str
    description: str
    needs_network: bool
    usable: bool


def available_voices(search: tuple[Path, ...] = ()) -> list[VoiceInfo]:
    """What `--voice` can be here and now: the bundled Piper voice, Piper voices found in
    `search` folders, and gTTS accents (which need the network; guide's cues are English,
    so other languages only suit routines written in them)."""
    from .gtts import ACCENTS
    from .piper import bundled_model, looks_like_piper_voice

    voices: list[VoiceInfo] = []
    try:
        model = bundled_model()
        voices.append(VoiceInfo("piper", f"Piper {model.stem} (bundled, offline, default)", False, model.is_file()))
    except ImportError:
        voices.append(VoiceInfo("piper", "Piper bundled voice (not installed)", False, False))
    for folder in search:
        for model in sorted(folder.glob("*.onnx")) if folder.is_dir() else []:
            problem = looks_like_piper_voice(model)
            note = f" ({problem})" if problem else " (offline)"
            voices.append(VoiceInfo(f"piper:{model}", f"Piper {model.stem}{note}", False, problem is None))
    for accent, (lang, tld) in ACCENTS.items():
        english = lang == "en"
        note = "" if english else "; guide's own cues stay English"
        voices.append(VoiceInfo(f"gtts:{accent}", f"Google TTS {lang}, translate.google.{tld}{note}", True, True))
    return voices
