"""espeak-ng, offline, for a language no natural voice ships for (German). It sounds robotic.

The library comes from the espeakng-loader wheel (the one Kokoro's phonemes use). espeak-ng
carries state from one utterance to the next, so the same text said twice in one process
differs by a few samples; each phrase is therefore said by a fresh worker process (this
module run as a script), which makes a phrase's samples the same on every build.
"""

from __future__ import annotations

import ctypes
import subprocess
import sys
from dataclasses import dataclass

from ..errors import VoiceError
from ..fingerprint import fingerprint, package_version
from .base import Clip
from .catalogue import ESPEAK_LANGUAGES

SAMPLE_RATE = 22050
AUDIO_OUTPUT_SYNCHRONOUS = 2
ESPEAK_RATE = 1  # espeak_PARAMETER: words per minute
CHARS_UTF8 = 1
TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class EspeakSettings:
    words_per_minute: int = 165  # espeak-ng's 175 is hurried for a coach
    worker_timeout: float = TIMEOUT_SECONDS


ESPEAK = EspeakSettings()


def espeak_voice_name(language: str) -> str:
    key = language.strip().lower().replace("_", "-")
    known = ESPEAK_LANGUAGES.get(key) or ESPEAK_LANGUAGES.get(key.split("-")[0])
    return known[0] if known else key


class EspeakEngine:
    sample_rate = SAMPLE_RATE
    concurrency = 2  # each phrase is its own small process

    def __init__(self, language: str, speech_rate: float = 1.0) -> None:
        if not language.strip():
            raise VoiceError("espeak needs a language, e.g. espeak:de")
        self.language = espeak_voice_name(language)
        self.speech_rate = speech_rate
        self.words_per_minute = round(ESPEAK.words_per_minute * speech_rate)
        self.label = f"espeak {self.language}"
        self.cache_id = fingerprint(
            "espeak",
            self.language,
            self.words_per_minute,
            ESPEAK,
            package_version("espeakng-loader"),
            sys.modules[__name__],
        )

    def synthesize(self, text: str) -> Clip:
        from ..audio.pcm import clip_of_pcm

        command = [sys.executable, "-m", "guide.voices.espeak", self.language, str(self.words_per_minute)]
        try:
            done = subprocess.run(
                command, input=text.encode("utf-8"), capture_output=True, timeout=ESPEAK.worker_timeout, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise VoiceError(f"espeak-ng could not say {text[:40]!r}: {error}") from None
        if done.returncode != 0:
            problem = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise VoiceError(f"espeak-ng could not say {text[:40]!r}: {problem[-1] if problem else done.returncode}")
        return clip_of_pcm(done.stdout, SAMPLE_RATE)


def _say(language: str, words_per_minute: int, text: str) -> bytes:
    """In the worker: `text` as 16-bit mono PCM at SAMPLE_RATE."""
    import os

    import espeakng_loader

    library = ctypes.CDLL(espeakng_loader.get_library_path())
    data_parent = os.path.dirname(espeakng_loader.get_data_path())
    callback_type = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)
    chunks: list[bytes] = []

    def collect(wav: ctypes._Pointer[ctypes.c_short], count: int, _events: int | None) -> int:
        if count > 0:
            chunks.append(ctypes.string_at(wav, count * 2))
        return 0

    callback = callback_type(collect)
    if library.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, data_parent.encode(), 0) != SAMPLE_RATE:
        raise SystemExit("espeak-ng did not start")
    library.espeak_SetSynthCallback(callback)
    if library.espeak_SetVoiceByName(language.encode()) != 0:
        raise SystemExit(f"espeak-ng has no voice '{language}'")
    library.espeak_SetParameter(ESPEAK_RATE, words_per_minute, 0)
    encoded = text.encode("utf-8") + b"\0"
    if library.espeak_Synth(encoded, len(encoded), 0, 0, 0, CHARS_UTF8, None, None) != 0:
        raise SystemExit("espeak-ng could not synthesize")
    library.espeak_Synchronize()
    return b"".join(chunks)


if __name__ == "__main__":
    sys.stdout.buffer.write(_say(sys.argv[1], int(sys.argv[2]), sys.stdin.buffer.read().decode("utf-8")))
