"""The one small interface every engine implements, and the clip value type (pydub's)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeAlias

if TYPE_CHECKING:
    from pydub import AudioSegment

Clip: TypeAlias = "AudioSegment"  # what an engine returns: mono, 16-bit
DEFAULT_VOICE = "piper"  # the bundled offline voice


class Voice(Protocol):
    """An engine bound to one voice and one speech rate."""

    @property
    def label(self) -> str:
        """For people: "piper en_US-joe-medium", "gtts en-gb"."""

    @property
    def cache_id(self) -> str:
        """A fingerprint of everything that shapes what this voice says: engine, voice,
        rate and the engine's settings and code. Stable across runs."""

    @property
    def sample_rate(self) -> int: ...

    @property
    def concurrency(self) -> int:
        """How many phrases may be synthesized at once."""

    def synthesize(self, text: str) -> Clip:
        """Speak `text`; raise VoiceError (TransientVoiceError when a retry may help)."""


@dataclass(frozen=True)
class Retry:
    """How often, and how patiently, a network voice is asked again after a transient failure."""

    attempts: int = 4
    first_delay: float = 0.5
    max_delay: float = 8.0

    def delay(self, attempt: int, suggested: float | None) -> float:
        backoff = self.first_delay * 2**attempt
        return float(min(self.max_delay, max(backoff, suggested or 0.0)))
