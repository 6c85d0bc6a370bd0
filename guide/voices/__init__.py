"""text -> audio. One small interface (`Voice`), one module per engine, one cache in front."""

from __future__ import annotations

from pathlib import Path

from ..cachedir import CacheInfo
from ..errors import VoiceError
from .base import DEFAULT_VOICE, Clip, Retry, Voice
from .cache import PhraseCache, default_cache_dir
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
