"""Phrases at their onsets -> the whole track as PCM chunks, in order, in linear time."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

CHUNK_SAMPLES = 1 << 16


def track_chunks(placements: Sequence[tuple[int, str]], pcm: Mapping[str, bytes], total: int) -> Iterator[bytes]:
    """Silence, phrase, silence, phrase ... up to `total` samples of 16-bit mono PCM.

    `placements` are (onset in samples, phrase) in time order; phrases never overlap.
    """
    silence = bytes(2 * CHUNK_SAMPLES)
    cursor = 0  # in samples

    def quiet(samples: int) -> Iterator[bytes]:
        while samples > 0:
            step = min(samples, CHUNK_SAMPLES)
            yield silence[: 2 * step]
            samples -= step

    for start, text in placements:
        if start < cursor:
            raise AssertionError(f"cue '{text}' overlaps the previous one")  # the script never does this
        yield from quiet(start - cursor)
        data = pcm[text]
        yield data
        cursor = start + len(data) // 2
    yield from quiet(total - cursor)
