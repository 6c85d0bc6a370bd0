"""Signal work in one place, on float mono samples (`pcm.Samples`):

- `pcm`: the one conversion between pydub clips / 16-bit PCM and float samples;
- `trim`: a phrase trimmed to its own sound;
- `dsp`: the filters (biquads by FFT, true-peak interpolation, moving min/mean), numpy only;
- `loudness`: BS.1770 integrated loudness and true peak;
- `level`: one gain for a whole guide, and the true-peak safety limiter;
- `mix`: phrases at their onsets -> the track as PCM chunks;
- `ffmpeg`: decode and encode with the bundled ffmpeg.

Submodules are imported where used, so commands that need no audio never load numpy (and none loads scipy).
"""
