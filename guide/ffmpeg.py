"""The ffmpeg that imageio-ffmpeg installs with guide, so no system package is needed."""

from __future__ import annotations

import functools
import os
import subprocess
import warnings

from .errors import GuideError


@functools.cache
def ffmpeg_exe() -> str:
    try:
        import imageio_ffmpeg

        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except (ImportError, RuntimeError) as error:
        raise GuideError(f"cannot find ffmpeg ({error}); reinstall guide with 'pip install .'") from None


def configure_pydub() -> None:
    """Point pydub at our ffmpeg (and keep its 'no ffmpeg on PATH' warning quiet)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        from pydub import AudioSegment
    AudioSegment.converter = ffmpeg_exe()


def run_ffmpeg(args: list[str], stdin: bytes | None = None) -> bytes:
    """Run ffmpeg quietly; its stderr becomes the error message on failure."""
    command = [ffmpeg_exe(), "-hide_banner", "-nostdin" if stdin is None else "-y", "-loglevel", "error", *args]
    result = subprocess.run(command, input=stdin, capture_output=True, check=False,
                            env={**os.environ, "AV_LOG_FORCE_NOCOLOR": "1"})  # fmt: skip
    if result.returncode != 0:
        detail = result.stderr.decode(errors="replace").strip().splitlines()
        raise GuideError(f"ffmpeg failed: {detail[-1] if detail else 'exit ' + str(result.returncode)}")
    return result.stdout


def decode_to_pcm(data: bytes, sample_rate: int, tempo: float = 1.0) -> bytes:
    """Any audio ffmpeg reads -> mono 16-bit PCM at `sample_rate`, optionally time-stretched."""
    filters = ["-af", f"atempo={tempo:.6f}"] if abs(tempo - 1.0) > 1e-6 else []
    return run_ffmpeg(["-i", "pipe:0", *filters, "-f", "s16le", "-acodec", "pcm_s16le",
                       "-ac", "1", "-ar", str(sample_rate), "pipe:1"], stdin=data)  # fmt: skip
