#!/usr/bin/env python3
"""Score what `guide plan --json` reads from articles against the answers a careful coach would give.

Each article `X.txt` / `X.html` (also `.htm`, `.md`) with an `X.expected.json` beside it is run through
`guide plan --json X`; the exercises found are matched in order to the expected ones and every dose field
is compared. Prints one line per article (and, with --verbose, every mismatch), then the totals: exercise
recall, precision and per-field accuracy over matched exercises.

Usage: python scripts/score_articles.py [FOLDER_OR_FILE ...] [--guide CMD | --in-process] [--verbose] [--json]
                                        [--min-recall R] [--min-precision P] [--min-field F]
                                        [--min-fully-right R] [--jobs N] [--write-score [--score-name NAME]]

`--in-process` reads each article with this checkout's `guide` package instead of running the command (the
same plan JSON, without a process per article). `--write-score` writes each folder's SCORE.txt (what the
scorer printed for that folder's articles); SCORE files are only ever written this way.

Expected JSON (beside the article):
  {"title": "...", "exercises": [{"name": "...", "sides": "one|each|alternate", "sets": 1, "reps": 10,
   "hold_seconds": null, "hold_breaths": 5, "work_seconds": 30, "rounds": 3,
   "aliases": ["other acceptable spoken names"], "unnamed": true}], "notes": "..."}
  `work_seconds` and `rounds` are checked only when present; `hold_breaths` is checked against
  `hold_seconds` x the plan's `seconds_per_breath` (or 4-6 s per breath when the plan does not say);
  `unnamed` marks a name made from the first words of an unnamed paragraph (matched on 3 words, not scored).
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md")
EXPECTED_SUFFIX = ".expected.json"
DEFAULT_FOLDER = Path(__file__).resolve().parents[1] / "tests" / "articles"
FIELDS = ("name", "sides", "sets", "reps", "hold_seconds", "work_seconds", "rounds")
BREATH_SECONDS = (4.0, 6.0)  # accepted seconds per breath when the plan does not report its own
TOLERANCE = 0.5  # seconds or counts: 30 vs 30.0 vs 30.4 are the same answer
UNNAMED_TOKENS = 3  # an unnamed paragraph matches on its first three words
TIMEOUT_SECONDS = 180.0
_NUMBERING_WORDS = frozenset(
    {
        "step",
        "exercise",
        "ex",
        "no",
        "number",
        "min",
        "minute",
        "block",
        "part",
        "move",
        "stretch",
        "drill",
        "pose",
        "day",
        "round",
    }
)


# ---------------------------------------------------------------- names


def tokens(name: str, *, drop_numbering: bool = True) -> list[str]:
    """Lowercase alphanumeric words of a name; leading list numbering ("1.", "#1", "Step 1:", "1Heel") dropped."""
    text = name.lower().replace("&", " and ")
    text = re.sub(r"['’‘`´]", "", text)
    words = re.findall(r"[a-z0-9]+", text)
    if not drop_numbering:
        return words
    while words:
        if words[0].isdigit() and len(words) > 1:
            words = words[1:]
        elif len(words) > 2 and words[0] in _NUMBERING_WORDS and words[1].isdigit():
            words = words[2:]
        elif re.fullmatch(r"\d+[a-z]{2,}", words[0]):
            words = [re.sub(r"^\d+", "", words[0]), *words[1:]]
        else:
            break
    return words


def _name_similarity(expected: Sequence[str], found: Sequence[str], *, unnamed: bool) -> float:
    """> 0 when the names match (higher is closer), 0 when they do not."""
    if not expected or not found:
        return 0.0
    e, f = set(expected), set(found)
    jaccard = len(e & f) / len(e | f)
    if list(expected) == list(found):
        return 2.0
    shorter = min(len(expected), len(found))
    prefix = list(expected[:shorter]) == list(found[:shorter])
    if jaccard >= 0.5 or prefix or e <= f or f <= e:
        return max(jaccard, 0.01)
    if unnamed and len(expected) >= UNNAMED_TOKENS and list(expected[:UNNAMED_TOKENS]) == list(found[:UNNAMED_TOKENS]):
        return max(jaccard, 0.01)
    return 0.0


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class Expected:
    name: str
    sides: str = "one"
    sets: float = 1.0
    reps: float | None = None
    hold_seconds: float | None = None
    hold_breaths: float | None = None
    work_seconds: float | None = None
    checks_work: bool = False
    rounds: float | None = None  # None: not checked
    aliases: tuple[str, ...] = ()
    unnamed: bool = False

    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def similarity(self, found_name: str) -> float:
        found = tokens(found_name)
        return max(_name_similarity(tokens(n), found, unnamed=self.unnamed) for n in self.names())


@dataclass(frozen=True)
class ExpectedArticle:
    title: str | None
    exercises: tuple[Expected, ...]


@dataclass(frozen=True)
class Found:
    name: str
    sides: str = "one"
    sets: float = 1.0
    reps: float | None = None
    hold_seconds: float | None = None
    hold_breaths: float | None = None
    work_seconds: float | None = None
    rounds: float = 1.0


@dataclass(frozen=True)
class Plan:
    title: str | None
    exercises: tuple[Found, ...]
    seconds_per_breath: float | None = None
    reading: str | None = None  # the layout reading guide chose, when it says


@dataclass
class ArticleScore:
    article: str
    expected: int
    found: int
    matched: int
    error: str | None = None
    title_ok: bool | None = None
    reading: str | None = None
    fully_right: int = 0  # matched exercises whose every checked field is right
    fields: dict[str, list[int]] = field(default_factory=lambda: {name: [0, 0] for name in FIELDS})
    mismatches: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def perfect(self) -> bool:
        right = all(ok == checked for ok, checked in self.fields.values())
        return self.error is None and self.matched == self.expected == self.found and right


def _number(value: Any) -> float | None:
    """A JSON number, or the low end of a range given as {"low": …} / [low, high]; None for null."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dict):
        return _number(value.get("low", value.get("value")))
    if isinstance(value, list) and value:
        return _number(value[0])
    if isinstance(value, str):
        match = re.match(r"\s*(\d+(?:\.\d+)?)", value)
        return float(match.group(1)) if match else None
    return None


def parse_expected(data: dict[str, Any]) -> ExpectedArticle:
    exercises = []
    for item in data["exercises"]:
        sets = _number(item.get("sets"))
        exercises.append(
            Expected(
                name=str(item["name"]),
                sides=str(item.get("sides") or "one").lower(),
                sets=1.0 if sets is None else sets,
                reps=_number(item.get("reps")),
                hold_seconds=_number(item.get("hold_seconds")),
                hold_breaths=_number(item.get("hold_breaths")),
                work_seconds=_number(item.get("work_seconds")),
                checks_work="work_seconds" in item,
                rounds=(_number(item["rounds"]) or 1.0) if "rounds" in item else None,
                aliases=tuple(str(a) for a in item.get("aliases", ())),
                unnamed=bool(item.get("unnamed", False)),
            )
        )
    title = data.get("title")
    return ExpectedArticle(title=str(title) if title is not None else None, exercises=tuple(exercises))


def parse_plan(data: dict[str, Any]) -> Plan:
    """The plan JSON; a key a version does not report means null (or 1 for sets and rounds)."""
    exercises = []
    for item in data.get("exercises") or ():
        sets = _number(item.get("sets"))
        rounds = _number(item.get("rounds"))
        exercises.append(
            Found(
                name=str(item.get("name") or ""),
                sides=str(item.get("sides") or "one").lower(),
                sets=1.0 if sets is None else sets,
                reps=_number(item.get("reps")),
                hold_seconds=_number(item.get("hold_seconds")),
                hold_breaths=_number(item.get("hold_breaths")),
                work_seconds=_number(item.get("work_seconds")),
                rounds=1.0 if rounds is None else rounds,
            )
        )
    title = data.get("title")
    return Plan(
        title=str(title) if title is not None else None,
        exercises=tuple(exercises),
        seconds_per_breath=_number(data.get("seconds_per_breath")),
        reading=str(data["reading"]) if data.get("reading") else None,
    )


# ---------------------------------------------------------------- matching and scoring


def align(expected: Sequence[Expected], found: Sequence[Found]) -> list[tuple[int, int]]:
    """Order-preserving pairs (expected index, found index): the most matches, then the closest names."""
    n, m = len(expected), len(found)
    sim = [[e.similarity(f.name) for f in found] for e in expected]
    best = [[(0, 0.0)] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            if sim[i][j] > 0:
                count, closeness = best[i + 1][j + 1]
                options.append((count + 1, closeness + sim[i][j]))
            best[i][j] = max(options)
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] > 0 and best[i][j] == (best[i + 1][j + 1][0] + 1, best[i + 1][j + 1][1] + sim[i][j]):
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= TOLERANCE


def _hold_ok(want: Expected, got: Found, seconds_per_breath: float | None) -> bool:
    if want.hold_breaths is None:
        return _same(want.hold_seconds, got.hold_seconds)
    if got.hold_breaths is not None:
        return _same(want.hold_breaths, got.hold_breaths)
    if got.hold_seconds is None:
        return False
    if seconds_per_breath is not None:
        return _same(want.hold_breaths * seconds_per_breath, got.hold_seconds)
    low, high = BREATH_SECONDS
    return want.hold_breaths * low - TOLERANCE <= got.hold_seconds <= want.hold_breaths * high + TOLERANCE


def _show(value: float | None) -> str:
    return "null" if value is None else f"{value:g}"


def compare(want: Expected, got: Found, seconds_per_breath: float | None) -> dict[str, tuple[bool, str]]:
    """Field -> (right?, "expected X, got Y") for every field the expected answer checks."""
    result: dict[str, tuple[bool, str]] = {}
    if not want.unnamed:
        spoken = tokens(got.name, drop_numbering=False)
        ok = any(spoken == tokens(n, drop_numbering=False) for n in want.names())
        result["name"] = (ok, f"expected {want.name!r}, got {got.name!r}")
    result["sides"] = (want.sides == got.sides, f"expected {want.sides}, got {got.sides}")
    result["sets"] = (_same(want.sets, got.sets), f"expected {_show(want.sets)}, got {_show(got.sets)}")
    result["reps"] = (_same(want.reps, got.reps), f"expected {_show(want.reps)}, got {_show(got.reps)}")
    wanted_hold = f"{_show(want.hold_breaths)} breaths" if want.hold_breaths is not None else _show(want.hold_seconds)
    got_hold = _show(got.hold_seconds) + (f" ({_show(got.hold_breaths)} breaths)" if got.hold_breaths else "")
    result["hold_seconds"] = (_hold_ok(want, got, seconds_per_breath), f"expected {wanted_hold}, got {got_hold}")
    if want.checks_work:
        result["work_seconds"] = (
            _same(want.work_seconds, got.work_seconds),
            f"expected {_show(want.work_seconds)}, got {_show(got.work_seconds)}",
        )
    if want.rounds is not None:
        result["rounds"] = (_same(want.rounds, got.rounds), f"expected {_show(want.rounds)}, got {_show(got.rounds)}")
    return result


def titles_match(expected: str, found: str | None) -> bool:
    if found is None:
        return False
    e, f = tokens(expected, drop_numbering=False), tokens(found, drop_numbering=False)
    if not e or not f:
        return e == f
    return len(set(e) & set(f)) / len(set(e) | set(f)) >= 0.8


def score_article(article: str, expected: ExpectedArticle, plan: Plan | None, error: str | None = None) -> ArticleScore:
    """Score one article; `plan` None (with `error`) means the tool found nothing."""
    found = plan.exercises if plan is not None else ()
    pairs = align(expected.exercises, found)
    score = ArticleScore(article, expected=len(expected.exercises), found=len(found), matched=len(pairs), error=error)
    score.reading = plan.reading if plan is not None else None
    if expected.title is not None:
        score.title_ok = titles_match(expected.title, plan.title if plan else None)
    spb = plan.seconds_per_breath if plan is not None else None
    for i, j in pairs:
        want, got = expected.exercises[i], found[j]
        compared = compare(want, got, spb)
        score.fully_right += all(ok for ok, _ in compared.values())
        for name, (ok, detail) in compared.items():
            score.fields[name][1] += 1
            if ok:
                score.fields[name][0] += 1
            else:
                score.mismatches.append(f"{want.name}: {name} {detail}")
    matched_expected = {i for i, _ in pairs}
    matched_found = {j for _, j in pairs}
    score.missing = [e.name for i, e in enumerate(expected.exercises) if i not in matched_expected]
    score.extra = [f.name for j, f in enumerate(found) if j not in matched_found]
    return score


@dataclass(frozen=True)
class Totals:
    articles: int
    expected: int
    found: int
    matched: int
    errors: int
    perfect: int
    fully_right: int
    titles_right: int
    titles_checked: int
    fields: dict[str, tuple[int, int]]

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        if self.found:
            return self.matched / self.found
        return 1.0 if not self.expected else 0.0

    @property
    def fully_right_share(self) -> float:
        """Expected exercises found with every checked field right."""
        return self.fully_right / self.expected if self.expected else 1.0

    def accuracy(self) -> dict[str, float]:
        return {name: right / checked for name, (right, checked) in self.fields.items() if checked}

    def as_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "expected": self.expected,
            "found": self.found,
            "matched": self.matched,
            "errors": self.errors,
            "perfect_articles": self.perfect,
            "fully_right": round(self.fully_right_share, 4),
            "recall": round(self.recall, 4),
            "precision": round(self.precision, 4),
            "fields": {name: round(value, 4) for name, value in self.accuracy().items()},
            "field_counts": {name: list(counts) for name, counts in self.fields.items() if counts[1]},
            "titles": round(self.titles_right / self.titles_checked, 4) if self.titles_checked else None,
        }


def total(scores: Iterable[ArticleScore]) -> Totals:
    scores = list(scores)
    fields = {name: (sum(s.fields[name][0] for s in scores), sum(s.fields[name][1] for s in scores)) for name in FIELDS}
    return Totals(
        articles=len(scores),
        expected=sum(s.expected for s in scores),
        found=sum(s.found for s in scores),
        matched=sum(s.matched for s in scores),
        errors=sum(1 for s in scores if s.error is not None),
        perfect=sum(1 for s in scores if s.perfect),
        fully_right=sum(s.fully_right for s in scores),
        titles_right=sum(1 for s in scores if s.title_ok),
        titles_checked=sum(1 for s in scores if s.title_ok is not None),
        fields=fields,
    )


def failed_thresholds(
    totals: Totals,
    min_recall: float | None,
    min_precision: float | None,
    min_field: float | None,
    min_fully_right: float | None = None,
) -> list[str]:
    failures = []
    if min_fully_right is not None and totals.fully_right_share < min_fully_right:
        failures.append(f"fully right {totals.fully_right_share:.1%} < {min_fully_right:.1%}")
    if min_recall is not None and totals.recall < min_recall:
        failures.append(f"recall {totals.recall:.1%} < {min_recall:.1%}")
    if min_precision is not None and totals.precision < min_precision:
        failures.append(f"precision {totals.precision:.1%} < {min_precision:.1%}")
    if min_field is not None:
        for name, value in totals.accuracy().items():
            if value < min_field:
                failures.append(f"{name} accuracy {value:.1%} < {min_field:.1%}")
    return failures


# ---------------------------------------------------------------- running guide


def default_guide() -> list[str]:
    """The `guide` executable beside this Python, else `python -m guide`."""
    beside = Path(sys.executable).parent / "guide"
    return [str(beside)] if beside.is_file() else [sys.executable, "-m", "guide"]


def run_plan(command: Sequence[str], article: Path) -> tuple[Plan | None, str | None]:
    """(plan, None) or (None, the error line)."""
    try:
        done = subprocess.run(
            [*command, "plan", "--json", str(article)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return None, f"could not run {' '.join(command)}: {error}"
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        said = next((line for line in lines if line.startswith("error:")), lines[-1] if lines else "")
        return None, f"exit {done.returncode}: {said.strip()}"
    try:
        data = json.loads(done.stdout)
    except json.JSONDecodeError as error:
        return None, f"output is not JSON ({error})"
    if not isinstance(data, dict):
        return None, "output is not a JSON object"
    return parse_plan(data), None


def plan_in_process(article: Path) -> tuple[Plan | None, str | None]:
    """(plan, None) or (None, the error line), read by this checkout's guide package."""
    from guide.build import BuildOptions, plan_file
    from guide.errors import GuideError
    from guide.report import plan_json

    try:
        routine, script = plan_file(article, BuildOptions())
    except GuideError as error:
        return None, f"exit 2: error: {error}"
    return parse_plan(json.loads(json.dumps(plan_json(routine, script)))), None


def find_articles(paths: Sequence[Path]) -> list[tuple[Path, Path]]:
    """(article, expected JSON) pairs under the given folders/files, sorted by name."""
    found: list[tuple[Path, Path]] = []
    for path in paths:
        candidates = sorted(p for p in path.iterdir() if p.suffix in ARTICLE_SUFFIXES) if path.is_dir() else [path]
        for article in candidates:
            expected = article.with_name(article.stem + EXPECTED_SUFFIX)
            if expected.is_file():
                found.append((article, expected))
    return found


def score_file(command: Sequence[str] | None, article: Path, expected_path: Path) -> ArticleScore:
    """Score one article, through the `guide` command, or in this process when `command` is None."""
    expected = parse_expected(json.loads(expected_path.read_text(encoding="utf-8")))
    plan, error = run_plan(command, article) if command is not None else plan_in_process(article)
    return score_article(article.name, expected, plan, error)


# ---------------------------------------------------------------- report


def _ratio(right: int, checked: int) -> str:
    return f"{right}/{checked} ({right / checked:.0%})" if checked else "-"


def report(score: ArticleScore, verbose: bool, out: Callable[[str], None]) -> None:
    mark = "ok " if score.perfect else ("ERR" if score.error else " - ")
    title = "" if score.title_ok is None else ("  title ok" if score.title_ok else "  title WRONG")
    right = sum(ok for ok, _ in score.fields.values())
    checked = sum(n for _, n in score.fields.values())
    out(
        f"[{mark}] {score.article}: found {score.found}, expected {score.expected}, matched {score.matched}; "
        f"fields {_ratio(right, checked)}{title}"
    )
    if score.error:
        out(f"      error: {score.error}")
    if not verbose:
        return
    if score.reading:
        out(f"      reading: {score.reading}")
    for line in score.mismatches:
        out(f"      ≠ {line}")
    for name in score.missing:
        out(f"      missing: {name}")
    for name in score.extra:
        out(f"      extra:   {name}")


def summary(totals: Totals, out: Callable[[str], None]) -> None:
    out("")
    out(f"articles {totals.articles} (perfect {totals.perfect}, errors {totals.errors})")
    out(f"exercises: expected {totals.expected}, found {totals.found}, matched {totals.matched}")
    out(f"recall    {totals.recall:.1%}")
    out(f"precision {totals.precision:.1%}")
    out(f"fully right {totals.fully_right}/{totals.expected} ({totals.fully_right_share:.1%})")
    for name, (right, checked) in totals.fields.items():
        if checked:
            out(f"  {name:<13} {_ratio(right, checked)}")
    if totals.titles_checked:
        out(f"  {'title':<13} {_ratio(totals.titles_right, totals.titles_checked)}")


SCORE_HEADER = "# Written by scripts/score_articles.py --write-score ({how}); regenerate it, never edit it.\n"


def write_scores(
    scores: Sequence[ArticleScore], pairs: Sequence[tuple[Path, Path]], name: str = "SCORE.txt", how: str = ""
) -> None:
    """Each folder's score file: the verbose report of that folder's articles and their totals."""
    folders: dict[Path, list[ArticleScore]] = {}
    for score, (article, _) in zip(scores, pairs, strict=True):
        folders.setdefault(article.parent, []).append(score)
    for folder, held in folders.items():
        lines: list[str] = []
        for score in held:
            report(score, True, lines.append)
        summary(total(held), lines.append)
        header = SCORE_HEADER.format(how=how or "in process")
        (folder / name).write_text(header + "\n".join(lines) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("paths", nargs="*", type=Path, help=f"folders or articles (default {DEFAULT_FOLDER})")
    parser.add_argument("--guide", help="command that runs guide (default: guide beside this Python)")
    parser.add_argument("--verbose", "-v", action="store_true", help="show every mismatch, missing and extra")
    parser.add_argument("--json", action="store_true", help="end with the totals as one JSON line")
    parser.add_argument("--min-recall", type=float, help="exit 1 when exercise recall is below this (0-1)")
    parser.add_argument("--min-precision", type=float, help="exit 1 when precision is below this (0-1)")
    parser.add_argument("--min-field", type=float, help="exit 1 when any field's accuracy is below this (0-1)")
    parser.add_argument(
        "--min-fully-right", type=float, help="exit 1 when fewer expected exercises are fully right (0-1)"
    )
    parser.add_argument("--jobs", "-j", type=int, default=1, help="articles scored at once (default 1)")
    parser.add_argument("--in-process", action="store_true", help="read articles with this checkout's guide package")
    parser.add_argument("--write-score", action="store_true", help="write each folder's score file")
    parser.add_argument("--score-name", default="SCORE.txt", help="the score file's name (default SCORE.txt)")
    args = parser.parse_args(argv)

    command = None if args.in_process else shlex.split(args.guide) if args.guide else default_guide()
    pairs = find_articles(args.paths or [DEFAULT_FOLDER])
    if not pairs:
        print("error: no article with an .expected.json beside it", file=sys.stderr)
        return 2
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        scores = list(pool.map(lambda pair: score_file(command, *pair), pairs))
    for score in scores:
        report(score, args.verbose, print)
    totals = total(scores)
    summary(totals, print)
    if args.json:
        print(json.dumps(totals.as_json(), sort_keys=False))
    if args.write_score:
        write_scores(
            scores, pairs, args.score_name, "in process" if command is None else f"--guide {' '.join(command)}"
        )
    failures = failed_thresholds(totals, args.min_recall, args.min_precision, args.min_field, args.min_fully_right)
    for failure in failures:
        print(f"below threshold: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
