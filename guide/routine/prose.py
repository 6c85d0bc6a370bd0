"""Small text processors, applied in order (the way gTTS pre-processes text).

Two pipelines: one prepares prose for reading dose numbers out of it, the other
prepares sentences for a voice to read aloud.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable

from ..pieces import pieces
from . import vocabulary as vocab

Processor = Callable[[str], str]

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_TENS_RE = "|".join(_TENS)
_UNITS_RE = "|".join(sorted(_UNITS, key=len, reverse=True))
_NUMBER_WORD = re.compile(rf"\b(?:(?P<tens>{_TENS_RE})(?:[\s-](?P<unit>{_UNITS_RE}))?|(?P<single>{_UNITS_RE}))\b")


def apply(processors: Iterable[Processor], text: str) -> str:
    for process in processors:
        text = process(text)
    return text


def normalize_unicode(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    for curly, straight in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(curly, straight)
    return text


def split_glued_words(text: str) -> str:
    """ "up tofive times", "30 secondsand repeat", "a little,with the leg": words a page capture ran
    together are split again (only when both halves are common words; "into" and "toes" stay whole)."""

    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        lowered = word.lower()
        if lowered in vocab.GLUE_PARTS or lowered in vocab.GLUED_REAL_WORDS:
            return word
        for cut in range(2, len(word) - 1):
            if lowered[:cut] in vocab.GLUE_PARTS and lowered[cut:] in vocab.GLUE_PARTS:
                return f"{word[:cut]} {word[cut:]}"
        return word

    text = re.sub(r"(?<=[a-z])([,;])(?=[a-z])", r"\1 ", text)
    return re.sub(r"\b[A-Za-z]{4,14}\b", split, text)


def drop_attributions(text: str) -> str:
    # '"Keep that leg straight," says Edmundson.' is said as the instruction alone.
    text = re.sub(
        r"([,.!])?[\"\u201d]?\s*,?\s*(?:says|said|advises|explains|adds|recommends|notes)\s+(?:[A-Z][\w.'-]*\s*){1,4}"
        r"(?:,\s*[^.\"]*)?(?=[.!]|$)",
        lambda m: "." if m.group(1) == "," else (m.group(1) or ""),
        text,
    )
    # '"This one tests your core," Edmundson says.': the quote is the instruction
    return re.sub(r",?[\"\u201d]\s*(?:[A-Z][\w.'-]*\s+){1,3}(?:says|said|adds|explains)\.", ".", text)


def collapse_whitespace(text: str) -> str:
    return " ".join(text.split())


def lowercase(text: str) -> str:
    return text.lower()


def dashes_to_hyphen(text: str) -> str:
    # "4–5", "4 — 5" and "4 - 5" are the same range.
    return re.sub(r"(?<=\d)\s*[\u2010-\u2015-]\s*(?=\d)", "-", text)


def idioms_to_numbers(text: str) -> str:
    text = re.sub(r"\bhalf an? minute\b", "30 seconds", text)
    text = re.sub(r"\ba minute and a half\b", "90 seconds", text)
    text = re.sub(r"\btwice\b", "2 times", text)
    text = re.sub(r"\bthrice\b", "3 times", text)
    text = re.sub(r"\ba dozen\b", "12", text)
    text = re.sub(r"\ba couple of\b", "2", text)
    # "then do a second set": the ordinal counts the sets in all, it is not a second of time
    text = re.sub(
        r"\b(?:a|another)\s+(second|third|fourth)\s+(set|round)\b",
        lambda m: f"{_ORDINALS[m.group(1)]} {m.group(2)}s in total",
        text,
    )
    text = re.sub(r"\ban? (second|minute)\b", r"1 \1", text)
    return text


_ORDINALS = {"second": 2, "third": 3, "fourth": 4}


_HOLDING = r"\b(?:hold|holding|hold it|stay|squeeze|contract|tense|tighten|keep)\b"


def counts_as_seconds(text: str) -> str:
    # "Hold the stretch for 10 counts", "hold this for a count of 5", "scrunch it up and count to 5": a count
    # held is a second each; "hold for 20" with no unit is seconds too. Counted breathing ("inhale for 4
    # counts") and tempo ("down on a 4-count") are left alone.
    text = re.sub(rf"({_HOLDING}[^.;!?]*?)\ba\s+count\s+of\s+(\d+)", r"\1\2 seconds", text)
    text = re.sub(rf"({_HOLDING}[^.;!?]*?)\b(\d+(?:\s*(?:-|to)\s*\d+)?)\s+counts?\b", r"\1\2 seconds", text)
    text = re.sub(r"(?<![\w-])count\s+to\s+(\d+)\b", r"hold for \1 seconds", text)
    return re.sub(
        r"\b(hold(?:ing)?(?:\s+(?:it|this|that|there|the stretch|the position))?\s+for\s+)(\d+)\b"
        # "hold for 5 deep breaths": a unit may follow its adjective
        r"(?!\s*(?:(?:deep|slow|full|long|steady|big|calm|easy|more)\s+)?"
        r"(?:-|to\b|or\b|\.\d|seconds?|secs?|s\b|minutes?|mins?|breaths?|counts?|reps?|times|sets|rounds|%))",
        r"\1\2 seconds",
        text,
    )


def rep_definitions(text: str) -> str:
    # "Do both sides to complete one rep", "This completes one rep", "That's 1 rep": what a rep is, not how many.
    # A rep made of both sides is done on alternating sides.
    text = re.sub(
        r"\b(?:do\s+both\s+sides|(?:repeat\s+)?(?:with|on)\s+the\s+other\s+(?:leg|side|arm))\s+to\s+"
        r"(?:complete|make|finish)\s+(?:one|1|a)\s+(?:full\s+)?(?:rep|repetition)\b",
        "alternating sides",
        text,
    )
    return re.sub(
        r"\b(?:to\s+)?(?:complete|completes|completing|make|makes|finish|finishes|counts?\s+as|that'?s|that\s+is|"
        r"this\s+is)\s+(?:one|1|a|a\s+single)\s+(?:full\s+)?(?:rep|repetition)\b",
        " ",
        text,
    )


def repeats_of_the_whole(text: str) -> str:
    # "Repeat eight times, rest, then repeat the process once or twice": the whole set again, so sets in all.
    def sets(match: re.Match[str]) -> str:
        low = 1 if match.group("n") == "once" else int(match.group("n"))
        return f"{low + 1} sets in total"

    return re.sub(
        r"\brepeat\s+the\s+(?:whole\s+|entire\s+|same\s+)?(?:process|sequence|set)\s+(?:either\s+)?"
        r"(?P<n>\d+|once)(?:\s+times)?(?:\s+or\s+(?:\d+|once)(?:\s+times)?)?",
        sets,
        text,
    )


def each_abbreviated(text: str) -> str:
    # "10 front lunges ea. leg", "8 ea side": each
    return re.sub(r"\bea\.?\s+(?=(?:leg|side|arm|foot|hand|way|direction)s?\b)", "each ", text)


def alternating_moves(text: str) -> str:
    # "alternating with 20 GHD hip extensions", "alternate between
    # the two moves": the order of two moves, not the sides of one
    return re.sub(
        r"\balternat(?:e|es|ing)\s+(?=with\b|between\s+(?:the\s+)?(?:two|exercises|moves|them|[a-e]\d))",
        "switching ",
        text,
    )


def side_changes(text: str) -> str:
    # Side changes as pages word them, in the words the side rules read (both prescribe each side):
    # "repeat 3-5 times before switching sides", "repeat other leg", "repeat on other side".
    text = re.sub(r"\b(?:before|then|and|after)\s+switching\s+(sides|legs|arms)\b", r"then switch \1", text)
    return re.sub(
        r"\brepeat\s+(?:on\s+|with\s+)?(?:the\s+)?(other|opposite)\s+(side|leg|arm)\b", r"repeat on the \1 \2", text
    )


def reps_lasting(text: str) -> str:
    # "Do three to four reps lasting 45 seconds": so many holds of that long, each a set
    return re.sub(
        r"\b(\d+(?:\s*(?:-|to)\s*\d+)?)\s+(?:reps?|repetitions?|times)\s+(?:lasting|holding(?:\s+for)?)\s+"
        r"(\d+\s*(?:seconds?|secs?|minutes?|mins?)\b)",
        r"\1 sets of \2",
        text,
    )


def reps_by_sets(text: str) -> str:
    # "4-6 reps x 5 sets", "AMRAP x 5 sets": the count per set, then the sets; "@ 30X0" is a lifting tempo
    text = re.sub(r"@\s*[\dx]{4}\b", " ", text)
    text = re.sub(r"\bamrap\s*[x\u00d7]\s*(\d+)\s*sets?\b", r"\1 sets", text)
    return re.sub(
        r"(?<![\w.])(\d+(?:\s*-\s*\d+)?)\s*(?:reps?|repetitions?)\s*[x\u00d7]\s*(\d+)\s*sets?\b",
        r"\2 sets of \1 reps",
        text,
    )


def distance_repeats(text: str) -> str:
    # "4 x 800m", "2 x 100m strides": repeats of a distance are sets (the distance is not a count of reps)
    return re.sub(
        r"(?<![\w.])(\d+)\s*[x\u00d7]\s*(\d+\s*(?:m|km|metres?|meters?|yards?|yds?|miles?)\b)", r"\1 sets of \2", text
    )


def counted_marks(text: str) -> str:
    # "3-5X", "Up to 10X": a count marked with an x is times; "5/5" (the same count twice) is that many a side.
    text = re.sub(r"(?<![\w.])(\d+(?:\s*-\s*\d+)?)\s*x\b(?!\s*\d)", r"\1 times", text)
    text = re.sub(r"\bup\s+to\s+(?=\d+\s+times\b)", "", text)
    return re.sub(r"(?<![\w/])(\d+)\s*/\s*\1(?![\w/])", r"\1 each side", text)


def full_durations(text: str) -> str:
    # "active for a full 45 seconds", "for complete 45 seconds": the same time as "for 45 seconds".
    return re.sub(r"\bfor\s+(?:a\s+|the\s+)?(?:full|complete|whole|solid|good|straight)\s+(?=\d)", "for ", text)


def laps_as_reps(text: str) -> str:
    # "add in two laps with heel kicks", "for the next two laps": laps of a court or track are counted.
    return re.sub(r"\b(\d+)\s+(?:more\s+)?(?:laps|lengths)\b", r"\1 reps", text)


def counts_more_in_total(text: str) -> str:
    # "then repeat twice more" is the first go and two more: 3 times in all.
    # "repeat 1-2 more times" is 2-3 times in all.
    def total(match: re.Match[str]) -> str:
        low = int(match.group(1)) + 1
        return f"{low}-{int(match.group(2)) + 1} times" if match.group(2) else f"{low} times"

    return re.sub(r"\b(\d+)(?:\s*(?:-|to)\s*(\d+))?\s+(?:more\s+times|times\s+more)\b", total, text)


def number_words_to_digits(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        if match.group("single"):
            return str(_UNITS[match.group("single")])
        value = _TENS[match.group("tens")]
        if match.group("unit"):
            value += _UNITS[match.group("unit")]
        return str(value)

    return _NUMBER_WORD.sub(replace, text)


def numeric_ranges_to_words(text: str) -> str:
    # Read "4-5 times" as "4 to 5 times", not "4 minus 5".
    return re.sub(r"(?<=\d)\s*[\u2010-\u2015-]\s*(?=\d)", " to ", text)


def html_to_text(text: str) -> str:
    # Tags are layout; entities are characters ("&amp;" is "&", "&nbsp;" a space).
    text = re.sub(r"<(?:br|/p|/li|/h\d)\s*/?>", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"</?[A-Za-z][^<>]{0,200}>", "", text)
    return html.unescape(text).replace("\u00a0", " ")


def markdown_to_text(text: str) -> str:
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", "", text)  # images are not read
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # [link](url) -> link
    text = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), text)
    text = re.sub(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    return re.sub(r"^\s*#{1,6}\s+", "", text)


def drop_urls(text: str) -> str:
    text = re.sub(r"\(?\b(?:https?://|www\.)\S+\)?", "", text)
    return re.sub(r"\s+([.,;:!?])", r"\1", text)


def drop_list_markers(text: str) -> str:
    # "1. ", "- ", "• ", "Step 2:" at the start are layout.
    text = re.sub(r"^\s*(?:[-*\u2022\u25cf\u25aa\u25e6+>]\s+)+", "", text)
    return re.sub(r"^\s*(?:(?:step|exercise)\s*)?#?\d{1,2}\s*[.):]\s+(?=\S)", "", text, flags=re.IGNORECASE)


def drop_layout_brackets(text: str) -> str:
    # "[Wall]", "(see photo)", "(Not included.)": asides for the eye. A bracket that says something
    # about the exercise ("(about 30 seconds)") is kept as a pause, without the brackets.
    text = re.sub(r"\s*\[[^\]]*\]", "", text)
    text = re.sub(r"\s*\((?:see|pictured|photo|image|figure|fig\.|video|shown)[^)]*\)", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\(approx\.?\)", "approximately", text, flags=re.IGNORECASE)
    return re.sub(r"\(([^()]*)\)", r", \1,", text).replace(",,", ",").replace(", .", ".").replace(",.", ".")


_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    (r"\be\.g\.,?", "for example"),
    (r"\bi\.e\.,?", "that is"),
    (r"\betc\.", "and so on"),
    (r"\bapprox\.?(?=\s|$)", "approximately"),
    (r"\bw/(?=\s|\w)", "with "),
    (r"\bw/o\b", "without"),
    (r"\bvs\.?(?=\s)", "versus"),
    (r"\s&\s", " and "),
    (r"\breps?/(side|leg|arm)\b", r"reps per \1"),
    (r"/(side|leg|arm|foot|hand)\b", r" per \1"),
    (r"\bea\.(?=\s|$)", "each"),
    (r"\bmins?\b", "minutes"),
    (r"\bsecs?\b", "seconds"),
    (r"\bhrs?\b", "hours"),
    (r"\byds?\b", "yards"),
    (r"\blbs?\b", "pounds"),
    (r"\bkgs?\b", "kilograms"),
    (r"\bDB\b", "dumbbell"),
    (r"\bKB\b", "kettlebell"),
    (r"\bBW\b", "bodyweight"),
)


def expand_abbreviations(text: str) -> str:
    for pattern, words in _ABBREVIATIONS:
        text = re.sub(pattern, words, text)
    return text


def unit_abbreviations_to_words(text: str) -> str:
    text = re.sub(r"(?<![\w.])(\d+)\s*[x\u00d7]\s*(\d+)\b", r"\1 sets of \2", text)  # 3x10, 3 × 10
    text = re.sub(r"(?<=\d)\s?-?(?:s|sec|secs)\b", " seconds", text)
    text = re.sub(r"(?<=\d)\s?-?(?:min|mins)\b", " minutes", text)
    text = re.sub(r"(?<=\d)\s?-?(?:lb|lbs)\b", " pounds", text)
    text = re.sub(r"(?<=\d)-pounds\b", "-pound", text)
    text = re.sub(r"(?<=\d)\s?-?kg\b", " kilograms", text)
    text = re.sub(r"(?<=\d)\s?(?:yds?)\b\.?", " yards", text)
    text = re.sub(r"(?<=\d)\s?m\b(?!\.\w)", " metres", text)  # "400m": "m" after a number is metres
    text = re.sub(r"(?<=\d)\s?(?:km)\b", " kilometres", text)
    return text


def hyphenated_units(text: str) -> str:
    # "5-lb dumbbell": a unit before a noun is singular and hyphenated ("5-pound dumbbell").
    return re.sub(r"\b(\d+)\s?-\s?(?:lb|lbs|pound|pounds)\b", r"\1-pound", text)


def singular_units(text: str) -> str:
    # "1 minutes" -> "1 minute": the number one takes a singular unit.
    return re.sub(r"\b(?<![\d.])1 (second|minute|hour|pound|yard|metre|kilogram|rep|set|breath)s\b", r"1 \1", text)


def tidy_punctuation(text: str) -> str:
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    text = re.sub(r"([.,;:!?])\1+", r"\1", text)
    text = re.sub(r",\s*([.!?])", r"\1", text)
    return re.sub(r"^[\s,;:]+", "", text).strip()


def labels_to_phrases(text: str) -> str:
    # "Sets/reps: 3 x 10", "Sets & time: 3 x 30 s": a label naming the dose's parts is a form's heading.
    text = re.sub(rf"\b{_DOSE_WORD}(?:\s*(?:/|&|\+|\band\b|x)\s*{_DOSE_WORD})+\s*:\s*", "", text)
    # "reps: 10", "sets: 3 | reps: 8", "hold: 30 s", "repeat: 10 times" are doses written as a form;
    # rewrite them as the phrases the inference rules read ("10 reps", "hold for 30 s").
    text = re.sub(r"\b(reps?|repetitions?|sets?|rounds?)\s*:\s*(\d+(?:\s*-\s*\d+)?)", r"\2 \1", text)
    text = re.sub(
        r"\b(hold|rest|work|time|duration)(?:\s+(?:period|interval|between\s+sets))?\s*:\s*(?=\d)",
        lambda m: f"{_LABEL_VERB[m.group(1)]} for ",
        text,
    )
    text = re.sub(r"\brepeats?\s*:\s*(?=\d)", "", text)
    return re.sub(r"\s*[|/]\s*(?=\d)|(?<=\d [a-z]{3})\s*[|/]\s*(?=\d)|(?<=\ds)\s+/\s+", ". ", text)


_DOSE_WORD = vocab.DOSE_WORD
_LABEL_VERB = {"hold": "hold", "rest": "rest", "work": "work", "time": "work", "duration": "work"}


_CLOCK = r"(?<![\w:.])(?P<m>\d{1,2})?:(?P<s>[0-5]\d)\b(?!:|\s*(?:am|pm|a\.m|p\.m)\b)"


def clock_durations(text: str) -> str:
    """Whiteboard clock notation is a duration: ":30 hollow hold", "1:00/side", "rest 2:00" (a time of
    day, "6:00, 7:00" or "5:42 am", is not: it is followed by neither a move, a side nor a rest)."""

    def seconds(match: re.Match[str]) -> str:
        return f"{int(match.group('m') or 0) * 60 + int(match.group('s'))} seconds"

    text = re.sub(rf"(?<=\brest ){_CLOCK}", seconds, text)
    return re.sub(rf"{_CLOCK}(?=\s*(?:/|per\b|each\b|between\b|[a-z]))", seconds, text)


def shorthand_doses(text: str) -> str:
    # "3x10", "3 × 8" are sets of reps; "x 15" after a name is a count of reps.
    text = re.sub(r"(?<![\w.])(\d+)\s*[x\u00d7]\s*(\d+)(?=\s*(?:sec|min|s\b))", r"\1 sets of \2", text)
    text = re.sub(
        r"(?<![\w.])(\d+)\s*[x\u00d7]\s*(\d+)\b(?!\s*(?:-\s*)?(?:kg|lb|lbs|m|cm|in|sets of)\b)",
        r"\1 sets of \2 reps",
        text,
    )
    text = re.sub(r"\(\s*[x\u00d7]\s*(\d+)\s*\)", r"(\1 reps)", text)  # "chin to chest (X5)"
    # "x 10 min" is a time (the "x" says it is done once, for that long) and "x 10 m" a distance, not reps.
    text = re.sub(r"(?:^|(?<=\s))[x\u00d7]\s*(\d+\s*(?:seconds?|secs?|s|minutes?|mins?)\b)", r"\1", text)
    return re.sub(
        r"(?:^|(?<=\s))[x\u00d7]\s*(\d+)\b(?!\s*(?:sets|reps|kg|lb|m|km|yards?|metres?|meters?|miles?|sec|secs?|seconds?|s|mins?|minutes?)\b)",
        r"\1 reps",
        text,
    )


def per_unit_rates(text: str) -> str:
    # "1 min/side" and "10 reps/leg" say "per side".
    return re.sub(r"/\s*(side|leg|arm|foot|hand)\b", r" per \1", text)


FOR_INFERENCE: tuple[Processor, ...] = (
    normalize_unicode,
    collapse_whitespace,
    lowercase,
    dashes_to_hyphen,
    idioms_to_numbers,
    number_words_to_digits,
    rep_definitions,
    counts_as_seconds,
    laps_as_reps,
    full_durations,
    reps_lasting,
    reps_by_sets,
    distance_repeats,
    counted_marks,
    each_abbreviated,
    side_changes,
    alternating_moves,
    repeats_of_the_whole,
    counts_more_in_total,
    per_unit_rates,
    labels_to_phrases,
    clock_durations,
    shorthand_doses,
)

FOR_SPEECH: tuple[Processor, ...] = (
    html_to_text,
    normalize_unicode,
    markdown_to_text,
    drop_urls,
    drop_list_markers,
    collapse_whitespace,
    drop_attributions,
    split_glued_words,
    drop_layout_brackets,
    hyphenated_units,
    expand_abbreviations,
    numeric_ranges_to_words,
    unit_abbreviations_to_words,
    singular_units,
    collapse_whitespace,
    tidy_punctuation,
)

# A name is said as "Exercise one of four: Heel Raise": no list number, no dose, no brackets for the eye.
FOR_NAMES: tuple[Processor, ...] = (
    html_to_text,
    normalize_unicode,
    markdown_to_text,
    drop_urls,
    collapse_whitespace,
)

# A capital in any Latin script ("À chaque", "Übung") or Spanish's opening marks start a sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[\u00a1\u00bf]?[A-Z0-9\u00c0-\u00d6\u00d8-\u00de])")


def sentences(paragraph: str) -> list[str]:
    """Split prose into sentences to be read aloud one cue each. A sentence longer than a
    phrase is cut into phrase-sized pieces (at commas, then conjunctions, then words), each a
    cue of its own: a voice's memory grows with what it says in one go, and a paragraph with no
    full stop would otherwise be one enormous phrase.

    The sentences read back the same: `sentences(" ".join(result)) == result`, so a routine
    written out from them (`guide import`) speaks the same words."""
    result = _split_sentences(paragraph)
    for _ in range(3):  # a full stop added to "... etc" makes "etc." that reads as "and so on."
        again = _split_sentences(" ".join(result))
        if again == result:
            break
        result = again
    return result


def _split_sentences(paragraph: str) -> list[str]:
    text = apply(FOR_SPEECH, paragraph)
    for _ in range(3):  # until nothing changes: "(a) (b" loses one bracket a pass
        again = apply(FOR_SPEECH, text)
        if again == text:
            break
        text = again
    said: list[str] = []
    for part in (part.strip().strip('"\u201c\u201d').strip() for part in _SENTENCE_END.split(text)):
        # A part ending in a comma or colon ("... side to side.," once brackets are dropped) ends there.
        part = part.rstrip(",;: ")
        if part:
            said += pieces(part if part[-1] in ".!?" else part + ".")
    return said


_NAME_NUMBERING = re.compile(
    rf"^(?:{vocab.NUMBER_WORDS}\s*#?\d{{1,2}}(?:\s+of\s+\d{{1,3}})?\s*"
    r"(?:[.):\-\u2013\u2014|]\s*|\s+)|#\d{1,2}\s*[.):\-\u2013\u2014]?\s*|\d{1,2}\s*[.)\]:\-\u2013\u2014]\s*(?=\S)"
    r"|\d{1,2}(?=[A-Z][a-z]))",
    re.IGNORECASE,
)
_NAME_DOSE = re.compile(
    r"\s*(?:\((?=[^)]*\d)[^)]*\)|[\u2013\u2014:,]\s*.*\d.*|\s-\s.*\d.*|\s[x\u00d7]\s*\d.*)$",
    re.IGNORECASE,
)


def clean_name(name: str) -> str:
    """The name as spoken: "3. Burpees (1 set/15 reps)" -> "Burpees", "1Heel Raise" -> "Heel Raise"."""
    text = apply(FOR_NAMES, name)
    text = re.sub(r"^\s*(?:[-*\u2022\u25cf\u25aa\u25e6+>]\s+)+", "", text)
    stripped = _NAME_NUMBERING.sub("", text, count=1).strip()
    text = stripped or text
    without_dose = _NAME_DOSE.sub("", text).strip()
    text = without_dose or text
    text = expand_abbreviations(f" {text} ").strip()
    return text.strip(" .:;,\u2013\u2014-") or name.strip()


def clean_title(title: str) -> str:
    """A title as spoken: markup and a leading list number removed, the words kept."""
    text = expand_abbreviations(f" {apply(FOR_NAMES, title)} ").strip()
    return text.strip(" .:;,") or title.strip()


def for_inference(text: str) -> str:
    return apply(FOR_INFERENCE, text)
