"""The ffmpeg that imageio-ffmpeg installs with guide (no system package), run quietly.

Every failure of ffmpeg becomes one FfmpegError whose message is ffmpeg's own last line.
"""

from __future__ import annotations

import functools
import os
import subprocess
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import FfmpegError, GuideError

_QUIET = {"AV_LOG_FORCE_NOCOLOR": "1"}


@functools.cache
def ffmpeg_exe() -> str:
    """Path of the bundled ffmpeg. Raises GuideError when the install is broken."""
    try:
        import imageio_ffmpeg

        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except (ImportError, RuntimeError) as error:
        raise GuideError(f"cannot find ffmpeg ({error}); reinstall guide with 'pip install .'") from None


@functools.cache
def configure_pydub() -> None:
    """Point pydub at our ffmpeg (and keep its 'no ffmpeg on PATH' warning quiet)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        from pydub import AudioSegment
    AudioSegment.converter = ffmpeg_exe()


def _failure(what: str, stderr: bytes, code: int) -> FfmpegError:
    lines = stderr.decode(errors="replace").strip().splitlines()
    return FfmpegError(what, lines[-1] if lines else f"ffmpeg exit {code}")


def run_ffmpeg(args: list[str], stdin: bytes | None = None, what: str = "ffmpeg failed") -> bytes:
    """Run ffmpeg on `args`; returns its stdout. Raises FfmpegError with ffmpeg's reason."""
    command = [ffmpeg_exe(), "-hide_banner", "-nostdin" if stdin is None else "-y", "-loglevel", "error", *args]
    result = subprocess.run(command, input=stdin, capture_output=True, check=False, env={**os.environ, **_QUIET})
    if result.returncode != 0:
        raise _failure(what, result.stderr, result.returncode)
    return result.stdout


def decode_to_pcm(data: bytes, sample_rate: int, tempo: float = 1.0) -> bytes:
    """Any audio ffmpeg reads -> mono 16-bit PCM at `sample_rate`, optionally time-stretched."""
    filters = ["-af", f"atempo={tempo:.6f}"] if abs(tempo - 1.0) > 1e-6 else []
    return run_ffmpeg(
        [
            "-i",
            "pipe:0",
            *filters,
            "-f",
            "s16le",
            "-acodec",
            "pcm_s16le",
            "-ac",
            "1",
            "-ar",
            str(sample_rate),
            "pipe:1",
        ],
        stdin=data,
        what="cannot decode audio",
    )


# MPEG audio bitrates (kbps) libmp3lame encodes at; the default suits one voice.
MP3_BITRATES = (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
DEFAULT_BITRATE = 64


@dataclass(frozen=True)
class EncoderSettings:
    # LAME's -q 7: "fast, ok quality"; for a single voice at 64 kbps it is indistinguishable
    # from -q 3 here and encodes 1.7x faster, which is most of a re-render.
    lame_quality: int = 7
    # libmp3lame (through ffmpeg) plays back 0.95x what it is fed (-0.45 dB; a 1 kHz sine
    # and speech both measure so). Feeding 1/0.95 makes the MP3 measure what we measured.
    playback_gain: float = 0.95


ENCODER = EncoderSettings()


def encode_mp3(
    chunks: Iterable[bytes], rate: int, bitrate_kbps: int, target: Path, settings: EncoderSettings = ENCODER
) -> None:
    """Encode mono 16-bit PCM chunks to `target`, streamed: no tags, no timestamps, bit-exact.

    Raises FfmpegError when ffmpeg fails.
    """
    command = [
        ffmpeg_exe(),
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-f",
        "s16le",
        "-ar",
        str(rate),
        "-ac",
        "1",
        "-i",
        "pipe:0",
        "-c:a",
        "libmp3lame",
        "-b:a",
        f"{bitrate_kbps}k",
        "-compression_level",
        str(settings.lame_quality),
        "-map_metadata",
        "-1",
        "-id3v2_version",
        "0",
        "-write_id3v1",
        "0",
        "-fflags",
        "+bitexact",
        "-flags:a",
        "+bitexact",
        "-f",
        "mp3",
        str(target),
    ]
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **_QUIET}
    )
    assert process.stdin is not None and process.stderr is not None
    try:
        for chunk in chunks:
            process.stdin.write(chunk)
        process.stdin.close()
    except BrokenPipeError:
        pass  # ffmpeg stopped early; its stderr says why
    except BaseException:
        process.kill()
        process.wait()
        raise
    errors = process.stderr.read()
    code = process.wait()
    if code != 0:
        raise _failure(f"cannot encode {target}", errors, code)
