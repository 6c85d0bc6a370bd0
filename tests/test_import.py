"""`guide import`: a page written out as a Markdown routine that builds the same guide, with every
note for the person editing in comments that are never spoken (docs/contracts.md#import,
docs/routine-format.md#comments, docs/routine-format.md#keys)."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from guide.build import BuildOptions, plan
from guide.cli import app
from guide.errors import GuideError, LimitError, NothingFoundError, RoutineError
from guide.importer import import_file
from guide.report import plan_json
from guide.routine import (
    Amount,
    Block,
    Dose,
    Exercise,
    Origin,
    RangeChoice,
    Routine,
    Sides,
    Skipped,
    Sourced,
    load_routine,
)
from guide.routine import parse_routine as parse
from guide.routine.export import differences, to_markdown
from guide.routine.prose import sentences
from guide.script import Script, as_built, build_script, estimate_seconds

from .conftest import write
from .test_web import _Handler

TESTS = Path(__file__).parent
PAGE_SUFFIXES = (".txt", ".html", ".htm")


def corpus() -> list[Path]:
    """Every page of the reader's corpus present in this checkout: tests/articles, every
    tests/heldout* and every tests/realpages* folder."""
    folders = [TESTS / "articles", *sorted(TESTS.glob("heldout*")), *sorted(TESTS.glob("realpages*"))]
    pages = [
        page
        for folder in folders
        if folder.is_dir()
        for page in sorted(folder.iterdir())
        if page.suffix in PAGE_SUFFIXES and not page.stem.isupper()  # SCORE.txt, FIRST-CONTACT.txt: reports
    ]
    return pages


PAGES = corpus()
OPTIONS = BuildOptions()


def _page(path: Path) -> Routine:
    """The page as a build reads it."""
    return as_built(load_routine(path), OPTIONS.script_options, lambda text: estimate_seconds(text, 1.0))


def _comparable(routine: Routine, script: Script) -> dict[str, Any]:
    """`plan --json` without what is about the text rather than the guide (where values came
    from, the reader's notes, what it skipped)."""
    shown = plan_json(routine, script)
    for exercise in shown["exercises"]:
        del exercise["sources"]
    for key in ("notes", "skipped", "reading", "unsure"):
        del shown[key]
    return shown


def test_the_corpus_is_here() -> None:
    assert len(PAGES) >= 60, PAGES


@pytest.mark.parametrize("path", PAGES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_plan_of_the_imported_file_is_the_plan_of_the_page(path: Path, tmp_path: Path) -> None:
    try:
        page = _page(path)
    except NothingFoundError:
        # No exercise on the page: the file is its headings and text, to write the routine from.
        result = import_file(path, tmp_path / "page.md")
        assert result.found_nothing and (tmp_path / "page.md").is_file()
        return
    except GuideError as error:
        # A page the reader cannot read cannot be imported either, with the same message.
        with pytest.raises(GuideError) as caught:
            import_file(path, tmp_path / "page.md")
        assert str(caught.value) == str(error) and not (tmp_path / "page.md").exists()
        return
    imported = parse(to_markdown(page), "imported.md")
    assert differences(page, imported) == []
    try:
        page_plan = plan(page, OPTIONS)
    except LimitError as error:
        # A page that would make a guide over the length limit imports all the same (so that the
        # value can be put right in the file), and the file is over the limit just the same.
        with pytest.raises(LimitError) as caught:
            plan(imported, OPTIONS)
        assert str(caught.value).replace("imported.md", str(path)) == str(error)
        return
    imported_plan = plan(imported, OPTIONS)
    assert _comparable(imported, imported_plan) == _comparable(page, page_plan)
    assert imported_plan.cues == page_plan.cues  # every cue: text, kind, chapter, estimated time


SAMPLE = [
    "articles/circuit-living-room-rounds.txt",  # a block without a name, rounds and a rest
    "articles/yoga-hips-breaths.txt",  # holds counted in breaths, a routine-wide default
    "articles/evening-hip-reset.txt",  # ranges, untimed rest, alternating sides
    "heldout/kettlebell-emom-forum.txt",  # every minute on the minute
    "heldout/cycling-core-climbers.html",  # a saved web page
]


def _measure(text: str) -> float:
    """A stand-in for synthesized phrase lengths, unlike the planner's estimate."""
    return 0.25 + 0.061 * len(text) + 0.13 * text.count(",")


@pytest.mark.parametrize("name", SAMPLE)
@pytest.mark.parametrize("options", [BuildOptions(), BuildOptions(ranges=RangeChoice.HIGH)])
def test_the_built_timeline_of_the_imported_file_is_the_page_timeline(name: str, options: BuildOptions) -> None:
    page = _page(TESTS / name)
    imported = parse(to_markdown(page), "imported.md")
    built, rebuilt = (build_script(r, options.script_options, _measure) for r in (page, imported))
    assert rebuilt.cues == built.cues and rebuilt.chapters == built.chapters
    assert rebuilt.duration == built.duration and rebuilt.warnings == built.warnings


def _replace_value(text: str, exercise: str, key: str, value: str) -> str:
    """`key: value` under the heading `exercise`, its comment kept."""
    start = text.index(f" {exercise}\n")
    end = text.index(f"\n{key}:", start) + 1
    line_end = text.index("\n", end)
    old = text[end:line_end]
    comment = old[old.index("#") :] if "#" in old else ""
    return text[:end] + f"{key}: {value}  {comment}" + text[line_end:]


def test_editing_one_value_changes_only_that_exercise() -> None:
    page = _page(TESTS / "articles/yoga-hips-breaths.txt")
    text = to_markdown(page)
    edited = parse(_replace_value(text, "Lizard Pose", "hold", "45s"), "edited.md")
    before, after = plan(parse(text, "imported.md"), OPTIONS), plan(edited, OPTIONS)
    changed = [
        (old.name, new.dose.hold_seconds.value)
        for old, new in zip(before.exercises, after.exercises, strict=True)
        if old.dose != new.dose
    ]
    assert changed == [("Lizard Pose", 45.0)]

    def said(script: Script, chapter: str) -> list[tuple[str, float]]:
        index = [c.title for c in script.chapters].index(chapter)
        starts = [c.start for c in script.cues if c.chapter == index]
        return [(c.text, round(c.start - starts[0], 6)) for c in script.cues if c.chapter == index]

    for chapter in before.chapters[1:]:  # the welcome says the guide's length, which may change
        if chapter.title != "Lizard Pose":
            assert said(after, chapter.title) == said(before, chapter.title), chapter.title
    assert said(after, "Lizard Pose") != said(before, "Lizard Pose")


COMMENTED = """<!-- zebra: a note before the title -->
# Comments Everywhere <!-- zebra in the title -->

<!-- zebra on its own line -->
Warm up <!-- zebra inline --> gently.
<!--
  zebra over
  several lines
-->

## <!-- zebra: a block without a name -->
rounds: 2  # zebra after a block key
<!-- zebra between block keys -->
rest: 20s

### Squat <!-- zebra in a heading -->
<!-- zebra right under the heading -->
reps: 5  # zebra "after" a key, line 14
<!-- zebra between keys -->
tempo: 2s # zebra
sides: one#zebra

Sit back <!-- zebra
inside a sentence --> and stand up.

<!-- zebra between paragraphs -->
Keep your chest up.

## Plank
hold: 20s <!-- zebra after a value -->

Hold a straight line.
<!-- zebra at the end -->
"""


def test_comments_are_never_spoken() -> None:
    routine = parse(COMMENTED, "commented.md")
    assert routine.title == "Comments Everywhere"
    assert routine.intro == ("Warm up gently.",)
    circuit, plank = routine.blocks
    assert circuit.name is None and circuit.rounds.value == Amount.exactly(2)
    assert circuit.rest_seconds.value == Amount.exactly(20)
    squat = circuit.exercises[0]
    assert squat.name == "Squat"
    assert squat.instructions == ("Sit back and stand up.", "Keep your chest up.")
    assert squat.dose.reps.value == Amount.exactly(5) and squat.dose.reps.words == "reps: 5"
    assert squat.dose.reps.line == 18  # a comment over several lines keeps every later line's number
    assert squat.dose.rep_seconds.value == Amount.exactly(2) and squat.dose.sides.origin is Origin.EXPLICIT
    assert plank.exercises[0].dose.hold_seconds.value == Amount.exactly(20)
    script = plan(routine, OPTIONS)
    spoken = " ".join(cue.text for cue in script.cues).lower()
    assert "zebra" not in spoken and "<!" not in spoken and "-->" not in spoken and "#" not in spoken
    assert all("zebra" not in chapter.title.lower() for chapter in script.chapters)


@pytest.mark.parametrize("opening", ["<!-- never closed", "Sit <!-- never closed"])
def test_an_unclosed_comment_is_an_error_naming_its_line(opening: str) -> None:
    with pytest.raises(RoutineError, match=r"^x\.md:5: a comment '<!--' is never closed \(end it with '-->'\)$"):
        parse(f"# T\n\n## Squat\nreps: 5 <!-- fine -->\n{opening}\n\nSit.\n", "x.md")


def _exercise(name: str, line: int, **dose: Any) -> Exercise:
    unsaid: Sourced[Amount | None] = Sourced(None, Origin.DEFAULT)
    paced: Sourced[Amount | None] = Sourced(None, Origin.PACE)
    fields: dict[str, Any] = {
        "sides": Sourced(Sides.ONE, Origin.DEFAULT),
        "sets": Sourced(Amount.exactly(1), Origin.DEFAULT),
        "reps": unsaid,
        "hold_seconds": unsaid,
        "work_seconds": unsaid,
        "rest_seconds": paced,
        "rep_seconds": paced,
        "setup_seconds": paced,
        "after_seconds": unsaid,
    }
    return Exercise(name, ("Do it slowly.",), Dose(**{**fields, **dose}), line)


def test_unsure_lines_and_skipped_lines_are_comments_in_place() -> None:
    bridge = _exercise(
        "Bridge",
        12,
        reps=Sourced(Amount.exactly(3), Origin.INFERRED, "3 sets", 14),
        sides=Sourced(Sides.ONE, Origin.DEFAULT),
    )
    hold = Sourced(Amount.exactly(25), Origin.INFERRED, "hold for 5 breaths", 20)
    pose = _exercise("Child's Pose", 19, hold_seconds=hold)
    routine = Routine(
        "Evening",
        (),
        (Block.single(bridge), Block.single(pose)),
        "page.txt",
        skipped=(Skipped("By Sam Ortiz", "byline", 2), Skipped("About the Author", "no dose", 30)),
        notes=(
            "line 14: Bridge: sets without reps or a time; read as reps",
            'line 20: "hold for 5 breaths" counted as 25 s (5 s a breath)',
            "line 3: the page has two lists; the first was read",
        ),
    )
    text = to_markdown(routine, "evening.md")
    lines = text.splitlines()
    bridge_at, pose_at = lines.index("## Bridge"), lines.index("## Child's Pose")
    assert lines[bridge_at - 1] == "<!-- unsure: line 14: Bridge: sets without reps or a time; read as reps -->"
    assert lines[pose_at - 1].startswith('<!-- unsure: line 20: "hold for 5 breaths" counted as 25 s')
    assert re.search(r'^reps: 3 +# from "3 sets", line 14$', text, re.MULTILINE)
    assert re.search(r'^hold: 25s +# from "hold for 5 breaths", line 20$', text, re.MULTILINE)
    assert "<!-- unsure: line 3: the page has two lists; the first was read -->" in lines[: bridge_at - 1]
    tail = text[text.rindex("<!--") :]
    assert 'line 2: "By Sam Ortiz" (byline)' in tail and 'line 30: "About the Author" (no dose)' in tail
    assert "guide build evening.md" in text
    imported = parse(text, "evening.md")
    assert differences(routine, imported) == []
    spoken = " ".join(cue.text for cue in plan(imported, OPTIONS).cues)
    assert "unsure" not in spoken and "Sam Ortiz" not in spoken and "line 14" not in spoken


def test_every_note_of_every_page_is_in_a_comment() -> None:
    for path in PAGES:
        try:
            page = _page(path)
        except GuideError:
            continue
        comments = " ".join(" ".join(c.split()) for c in re.findall(r"<!--(.*?)-->", to_markdown(page), re.DOTALL))
        for note in page.notes:
            assert " ".join(note.split()).replace("--", "-") in comments, (path, note)


def test_explicit_none_and_pace_win_over_the_prose() -> None:
    text = "# T\n\n## Hold\nhold: 30s\nreps: none  # not the 10 below\nrest: pace\n\nHold it, rest 20 seconds, do 10 times.\n"
    dose = parse(text, "t.md").exercises[0].dose
    assert dose.reps.value is None and dose.reps.origin is Origin.EXPLICIT and dose.reps.words == "reps: none"
    assert dose.rest_seconds.value is None and dose.rest_seconds.origin is Origin.EXPLICIT
    assert plan(parse(text, "t.md"), OPTIONS).exercises[0].dose.rest_seconds.value == OPTIONS.pace.rest_seconds


@pytest.mark.parametrize(
    ("line", "words"),
    [("rest: none", "write 'rest: 0s' for none, or 'rest: pace'"), ("reps: pace", "write a value or 'reps: none'")],
)
def test_none_and_pace_where_they_mean_nothing_are_errors(line: str, words: str) -> None:
    with pytest.raises(RoutineError, match=re.escape(words)):
        parse(f"# T\n\n## Squat\nreps: 5\n{line}\n\nSquat.\n".replace("reps: 5\nreps", "hold: 5s\nreps"), "t.md")


def test_a_block_heading_left_empty_is_a_block_without_a_name() -> None:
    routine = parse("# T\n\n##\nrounds: 2\n\n### Squat\nreps: 5\n\n### Lunge\nreps: 4\n", "t.md")
    assert routine.blocks[0].name is None and [e.name for e in routine.exercises] == ["Squat", "Lunge"]
    with pytest.raises(RoutineError, match="a '##' heading is empty"):
        parse("# T\n\n##\nreps: 5\n", "t.md")


def test_a_blank_line_ends_a_sentence() -> None:
    routine = parse("# T\n\n## Squat\nreps: 5\n\nSit back\n\nStand up\n", "t.md")
    assert routine.exercises[0].instructions == ("Sit back.", "Stand up.")


def test_a_sentence_is_written_so_that_it_reads_back_the_same() -> None:
    awkward = ("Lie down.", "then breathe in.", "Hold it.")  # a sentence starting in lower case
    routine = Routine("T", (), (Block.single(dataclasses.replace(_exercise("Rest", 3), instructions=awkward)),), "p")
    routine = dataclasses.replace(
        routine, blocks=(Block.single(dataclasses.replace(routine.exercises[0], dose=_hold(10))),)
    )
    assert parse(to_markdown(routine), "t.md").exercises[0].instructions == awkward


def _hold(seconds: float) -> Dose:
    return _exercise("x", 1, hold_seconds=Sourced(Amount.exactly(seconds), Origin.INFERRED, "hold", 1)).dose


# ---------------------------------------------------------------- the command


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def one_error(result: Any, *words: str) -> str:
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    for word in words:
        assert word in lines[0], (word, lines[0])
    return str(lines[0])


ARTICLE = "Three Moves\n\nA short routine.\n\nSquats\nDo 10 reps.\n\nPlank\nHold for 30 seconds.\n\nLunges\nDo 8 reps on each leg.\n"


def test_import_writes_title_md_beside_the_source_and_it_builds_the_same(tmp_path: Path) -> None:
    source = write(tmp_path / "page.txt", ARTICLE)
    result = run("import", str(source))
    assert result.exit_code == 0, result.output
    target = tmp_path / "three-moves.md"
    assert f"wrote {target} (3 exercises" in result.output and f"guide build {target}" in result.output
    assert target.read_text(encoding="utf-8").startswith("# Three Moves\n")
    page = load_routine(source)
    assert differences(page, load_routine(target)) == []


def test_import_never_replaces_a_file_without_force(tmp_path: Path) -> None:
    source = write(tmp_path / "page.txt", ARTICLE)
    mine = write(tmp_path / "mine.md", "# Mine\n\n## Keep\nreps: 1\n")
    one_error(run("import", str(source), "-o", str(mine)), str(mine), "already exists", "--force")
    assert mine.read_text(encoding="utf-8") == "# Mine\n\n## Keep\nreps: 1\n"
    assert run("import", str(source), "-o", str(mine), "--force").exit_code == 0
    assert mine.read_text(encoding="utf-8").startswith("# Three Moves\n")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_import_refuses_the_source_itself_even_with_force(tmp_path: Path) -> None:
    source = write(tmp_path / "three-moves.md", "# Three Moves\n\n## Squats\nreps: 10\n")
    link = tmp_path / "link.md"
    link.symlink_to(source)
    for args in (["-o", str(source), "--force"], ["--force"], ["-o", str(link), "--force"]):
        # the default target is the source here; a link to it is the source too
        one_error(run("import", str(source), *args), "the routine itself")
    assert source.read_text(encoding="utf-8") == "# Three Moves\n\n## Squats\nreps: 10\n"


def test_import_refuses_a_folder_a_device_a_fifo_and_a_page_name(tmp_path: Path) -> None:
    source = write(tmp_path / "page.txt", ARTICLE)
    one_error(run("import", str(source), "-o", str(tmp_path), "--force"), "is a folder")
    one_error(run("import", str(source), "-o", os.devnull, "--force"), "is a device")
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    one_error(run("import", str(source), "-o", str(fifo), "--force"), "named pipe")
    one_error(run("import", str(source), "-o", str(tmp_path / "out.html")), "give the file an .md name")


def test_import_of_a_missing_or_unreadable_source_is_one_error(tmp_path: Path) -> None:
    one_error(run("import", str(tmp_path / "nope.txt")), "no such file")
    write(tmp_path / "empty.txt", "   \n")
    one_error(run("import", str(tmp_path / "empty.txt")), "empty")
    assert list(tmp_path.glob("*.md")) == []


class _Server(ThreadingHTTPServer):
    daemon_threads = True


@pytest.fixture
def server() -> Iterator[str]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_import_of_an_address_writes_into_the_current_folder(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("import", f"{server}/page")
    assert result.exit_code == 0, result.output
    written = tmp_path / "morning-mobility.md"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# Morning Mobility\n") and f"Imported from {server}/page" in text
    assert [e.name for e in parse(text, "m.md").exercises] == ["Cat-Cow", "Hip Flexor Stretch", "Glute Bridge"]
    assert differences(load_routine(f"{server}/page"), parse(text, "m.md")) == []
    one_error(run("import", f"{server}/page"), "already exists")
    one_error(run("import", f"{server}/missing", "-o", "x.md"), "404")
    assert not (tmp_path / "x.md").exists()


def test_a_file_that_would_read_back_differently_is_written_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import guide.importer

    def wrong(routine: Routine, file_name: str = "FILE") -> str:
        return to_markdown(routine, file_name).replace("reps: 10", "reps: 11", 1)

    monkeypatch.setattr(guide.importer, "to_markdown", wrong)
    source = write(tmp_path / "page.txt", ARTICLE)
    result = CliRunner().invoke(app, ["import", str(source), "-o", str(tmp_path / "out.md")])
    assert result.exit_code == 0, result.output
    assert "warning: " in result.output and "Squats: reps read differently" in result.output
    assert "reps: 11" in (tmp_path / "out.md").read_text(encoding="utf-8")


def test_rounds_read_from_the_text_that_a_build_drops_are_dropped_from_the_file_too() -> None:
    hold = Sourced(Amount.exactly(600), Origin.INFERRED, "hold for 10 minutes", 5)
    rounds = Sourced(Amount.exactly(40), Origin.INFERRED, "40 rounds", 3)
    pose = _exercise("Plank", 4, hold_seconds=hold)
    block = Block(None, (pose, _exercise("Wall Sit", 6, hold_seconds=hold)), rounds, _unsaid(), _unsaid(), 4)
    page = Routine("Too Long", (), (block,), "page.txt")
    built = as_built(page, OPTIONS.script_options, _measure)
    assert built.blocks[0].rounds.value == Amount.exactly(1) and '"40 rounds"' in built.notes[-1]
    text = to_markdown(built)
    assert re.search(r"^rounds: 1 ", text, re.MULTILINE) and '"40 rounds"' in text
    assert plan(parse(text, "t.md"), OPTIONS).cues == plan(page, OPTIONS).cues  # the build drops them too


def _unsaid() -> Sourced[Amount | None]:
    return Sourced(None, Origin.DEFAULT)


@pytest.mark.parametrize(
    "prose",
    [
        "Back to elbows, back to hands, etc",  # the full stop added makes "etc." read as "and so on."
        "(Too easy? Try it with your eyes closed, or turn your head from side to side.)",
        "Skipped 'Squat' and 1 more: no reps) (an article is read as a title",
        "Lift, lower,",
        "Hold 30s. Rest 10 s - then 3x10",
    ],
)
def test_sentences_read_back_the_same(prose: str) -> None:
    said = sentences(prose)
    assert sentences(" ".join(said)) == said
    assert all(sentences(sentence) == [sentence] for sentence in said)


@pytest.mark.e2e
def test_building_the_imported_file_gives_the_page_s_mp3_timeline(tmp_path: Path) -> None:
    """Through the real voice: the same cues at the same (measured) times, the same chapters."""
    page = write(tmp_path / "page.txt", ARTICLE)
    assert run("import", str(page), "-o", str(tmp_path / "mine.md")).exit_code == 0
    timelines = []
    for name in ("page.txt", "mine.md"):
        result = run(
            "build",
            str(tmp_path / name),
            "-o",
            str(tmp_path / f"{name}.mp3"),
            "--timeline",
            str(tmp_path / f"{name}.json"),
        )
        assert result.exit_code == 0, result.output
        timelines.append(json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8")))
    assert timelines[0] == timelines[1]
    assert len(timelines[0]["cues"]) > 20 and len(timelines[0]["chapters"]) == 4


def test_a_markdown_routine_imports_as_itself_with_its_notes_and_keys_below_the_prose() -> None:
    text = (
        "# Gear\n\nWarm up first.\n\n## Curl\nequipment: dumbbells   # two light ones\nmuscles: biceps\n\n"
        "Curl up slowly.\n\nreps: 10  # a key below the prose is a key\n"
    )
    routine = parse(text, "gear.md")
    curl = routine.exercises[0]
    assert (curl.equipment, curl.muscles, curl.dose.reps.value) == ("dumbbells", "biceps", Amount.exactly(10))
    assert curl.dose.reps.words == "reps: 10"
    imported = to_markdown(routine)
    assert "equipment: dumbbells" in imported and "\nWarm up first.\n" in imported
    assert differences(routine, parse(imported, "again.md")) == []


NOTHING = (
    "Stretches For Desk Workers\n\nA short intro about sitting.\n\nNeck Tilt\nTilt your head --> gently.\n\n"
    "Shoulder Rolls\nRoll your shoulders slowly backwards.\n"
)


def test_a_page_without_exercises_imports_as_a_file_to_fill_in(tmp_path: Path) -> None:
    """What `plan` suggests when a page yields nothing: the import writes the page's headings
    and text, to write the routine from by hand."""
    source = write(tmp_path / "desk.txt", NOTHING)
    hint = run("plan", str(source))
    assert hint.exit_code == 2 and f"guide import {source}" in hint.output
    result = run("import", str(source))
    assert result.exit_code == 0, result.output
    written = tmp_path / "stretches-for-desk-workers.md"
    assert f"wrote {written} (no exercises found" in result.output
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# Stretches For Desk Workers\n")
    page = text[text.index("The page as read") :]
    assert "Neck Tilt\nTilt your head -> gently." in page  # a '-->' in the page cannot end the comment
    with pytest.raises(RoutineError, match="no exercises found"):
        parse(text, str(written))
    filled = text.replace(
        "<!--\n  The reader found", "## Neck Tilt\nhold: 20s\n\nTilt your head.\n\n<!--\n  The reader found"
    )
    assert [e.name for e in parse(filled, str(written)).exercises] == ["Neck Tilt"]


def test_headings_skipped_for_want_of_a_dose_become_sections_to_fill_in() -> None:
    routine = Routine(
        "Hips", (), (), "hips.txt", skipped=(Skipped("Calf Pumps", "no dose", 4), Skipped("By Sam", "byline", 2))
    )
    text = to_markdown(routine, "hips.md", "Hips\n\nBy Sam\n\nCalf Pumps\nPump your ankles.\n")
    assert "\n## Calf Pumps\n<!-- line 4: no dose found; add one, e.g. reps: 10 or hold: 30s -->\n" in text
    assert "## By Sam" not in text and "Pump your ankles." in text
