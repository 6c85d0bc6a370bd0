"""The one small interface every engine implements, and the clip value type (pydub's)."""

from __future__ import annotations

from typing import Protocol, TypeAlias

from pydub import AudioSegment

Clip: TypeAlias = AudioSegment  # mono, 16-bit, at the voice's sample rate


class Voice(Protocol):
    """An engine bound to one voice and one speech rate."""

    @property
    def label(self) -> str:
        """For people: "piper en_US-joe-medium", "gtts en-gb"."""

    @property
    def cache_id(self) -> str:
        """Identifies engine + voice + rate for the phrase cache; stable across runs."""

    @property
    def sample_rate(self) -> int: ...

    @property
    def concurrency(self) -> int:
        """How many phrases may be synthesized at once."""

    def synthesize(self, text: str) -> Clip:
        """Speak `text`; raise VoiceError (TransientVoiceError when a retry may help)."""
