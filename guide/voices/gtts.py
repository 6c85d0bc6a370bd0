"""The online voice: Google Translate's text-to-speech through gTTS.

gTTS builds the request and decodes the answer; we only choose language, accent (gTTS's
`tld`) and rate, and turn its errors into ours with their probable cause.
"""

from __future__ import annotations

import io
import sys

from ..audio.ffmpeg import decode_to_pcm
from ..errors import GuideError, TransientVoiceError, VoiceError
from ..fingerprint import fingerprint, package_version
from .base import Clip

SAMPLE_RATE = 24000  # what Google's MP3s carry
SLOW_SPEED = 0.6  # roughly how fast gTTS's slow=True speaks; below this, ask for slow first
TIMEOUT_SECONDS = 10.0

# Accents are Google hosts (gTTS's `tld`): https://gtts.readthedocs.io/en/latest/module.html#localized-accents
ACCENTS: dict[str, tuple[str, str]] = {
    "en": ("en", "com"),
    "en-us": ("en", "us"),
    "en-gb": ("en", "co.uk"),
    "en-uk": ("en", "co.uk"),
    "en-au": ("en", "com.au"),
    "en-in": ("en", "co.in"),
    "en-ie": ("en", "ie"),
    "en-za": ("en", "co.za"),
    "en-ca": ("en", "ca"),
    "en-nz": ("en", "co.nz"),
    "fr": ("fr", "fr"),
    "fr-fr": ("fr", "fr"),
    "fr-ca": ("fr", "ca"),
    "pt": ("pt", "com.br"),
    "pt-br": ("pt", "com.br"),
    "pt-pt": ("pt", "pt"),
    "es": ("es", "es"),
    "es-es": ("es", "es"),
    "es-mx": ("es", "com.mx"),
    "es-us": ("es", "us"),
}


def gtts_languages() -> dict[str, str]:
    """gTTS's own language codes ("en", "zh-CN"), keyed by their lower-case form."""
    from gtts.lang import tts_langs

    return {code.lower(): code for code in tts_langs()}


def resolve_language(spec: str) -> tuple[str, str]:
    """'en-gb' -> ('en', 'co.uk'); any gTTS language code -> (code, 'com')."""
    key = spec.strip().lower()
    if key in ACCENTS:
        return ACCENTS[key]
    languages = gtts_languages()
    if key in languages:
        return languages[key], "com"
    raise VoiceError(
        f"gTTS has no language or accent '{spec}' "
        f"(accents: {', '.join(sorted(ACCENTS))}; languages: {', '.join(sorted(languages))})"
    )


class GttsEngine:
    concurrency = 4  # a handful at once: faster than one by one, polite to the service

    def __init__(self, spec: str, speech_rate: float = 1.0, timeout: float = TIMEOUT_SECONDS) -> None:
        self.lang, self.tld = resolve_language(spec)
        self.speech_rate = speech_rate
        self.timeout = timeout
        self.sample_rate = SAMPLE_RATE
        self.slow = speech_rate < SLOW_SPEED
        # Google has one or two speeds; ffmpeg's atempo (pitch kept) makes up the rest.
        self.tempo = speech_rate / (SLOW_SPEED if self.slow else 1.0)
        self.label = f"gtts {spec.lower()}"
        self.cache_id = fingerprint(
            "gtts",
            self.lang,
            self.tld,
            speech_rate,
            SLOW_SPEED,
            SAMPLE_RATE,
            package_version("gTTS"),
            sys.modules[__name__],
        )

    def synthesize(self, text: str) -> Clip:
        from gtts import gTTS, gTTSError

        from ..audio.pcm import clip_of_pcm

        buffer = io.BytesIO()
        try:
            tts = gTTS(text, lang=self.lang, tld=self.tld, slow=self.slow, lang_check=False, timeout=self.timeout)
            tts.write_to_fp(buffer)
        except gTTSError as error:
            status = getattr(error.rsp, "status_code", None)
            message = f"Google TTS (translate.google.{self.tld}): {error.msg or error}"
            if status is None or status == 429 or status >= 500:
                raise TransientVoiceError(message, retry_after=_retry_after(error.rsp)) from None
            raise VoiceError(message) from None
        except AssertionError as error:  # gTTS asserts there is something to say
            raise VoiceError(f"gTTS cannot say {text[:40]!r}: {error}") from None
        if not buffer.getvalue():
            raise TransientVoiceError(f"Google TTS returned no audio for {text[:40]!r}")
        try:
            pcm = decode_to_pcm(buffer.getvalue(), self.sample_rate, self.tempo)
        except GuideError as error:  # a garbled answer: asking again may well get a good one
            raise TransientVoiceError(f"Google TTS returned audio ffmpeg cannot read ({error})") from None
        return clip_of_pcm(pcm, self.sample_rate)


def _retry_after(response: object) -> float | None:
    headers = getattr(response, "headers", None) or {}
    try:
        return float(headers.get("Retry-After", "")) if headers.get("Retry-After") else None
    except ValueError:
        return None
