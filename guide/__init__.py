"""guide: an exercise routine written as text -> one voice-only MP3 coach."""

import warnings

# pydub looks for ffmpeg on PATH at import; guide hands it the bundled one (guide.ffmpeg).
warnings.filterwarnings("ignore", message="Couldn't find ffmpeg or avconv", category=RuntimeWarning)

__version__ = "0.1.0"
