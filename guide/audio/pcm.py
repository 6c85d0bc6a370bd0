"""The one place audio changes representation: pydub clips and 16-bit PCM <-> float samples.

Floats are int16 / 32768, so a full-scale negative sample is exactly -1.0 and a round
trip through `samples_of` and `pcm16` is lossless.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from pydub import AudioSegment

Samples = npt.NDArray[np.float32]  # mono, nominally within [-1, 1)
SCALE = 32768.0


def samples_of_pcm(pcm: bytes) -> Samples:
    samples: Samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / np.float32(SCALE)
    return samples


def samples_of(clip: AudioSegment, rate: int | None = None) -> Samples:
    """A clip as mono float samples, resampled to `rate` if it is given and differs."""
    if (rate is not None and clip.frame_rate != rate) or clip.channels != 1 or clip.sample_width != 2:
        clip = clip.set_frame_rate(rate or clip.frame_rate).set_channels(1).set_sample_width(2)
    return samples_of_pcm(clip.raw_data)


def pcm16(samples: npt.NDArray[np.floating]) -> bytes:
    """Float samples as little-endian 16-bit PCM, rounded and clipped."""
    scaled = np.round(np.asarray(samples, dtype=np.float64) * SCALE)
    return np.clip(scaled, -32768, 32767).astype("<i2").tobytes()


def clip_of_pcm(pcm: bytes, rate: int) -> AudioSegment:
    # pydub is loaded here, where a voice first makes a clip, and pointed at our ffmpeg first.
    from .ffmpeg import configure_pydub

    configure_pydub()
    from pydub import AudioSegment

    return AudioSegment(data=pcm, sample_width=2, frame_rate=rate, channels=1)
