"""Tables of exercises, from a web page's Markdown or pasted as text (tab or 2+ space columns).

A header row names the columns ("Exercise | Sets | Reps | Rest") and is never an exercise; each later
row is one exercise whose cells are read by column: "Band squat — Sets: 3 | Reps: 12 | Rest: 60 s".
Without a header, a row whose first cell is a name and whose other cells are doses is an exercise:
bare numbers are sets then reps, and a time after the reps is the rest.
"""

from __future__ import annotations

import re

_TEXT_CELLS = re.compile(r"\t+|\s{2,}")
_MAX_CELL_WORDS = 8  # a column of a pasted table holds a few words, not a paragraph
_DIGIT = re.compile(r"\d")
_TIME = re.compile(r"\d\s*(?:seconds?|secs?|s|minutes?|mins?)\b|^:\d\d$|^\d+:\d\d", re.IGNORECASE)
# The first cell of a row in a table of one exercise's facts ("Repetitions | 20", "Frequency | Daily").
_KEY = re.compile(
    r"^(?:reps?|repetitions?|sets?|hold|rest|rounds?|duration|time|frequency|how\s+often|how\s+many|when|"
    r"equipment|level|tempo|sides?)$",
    re.IGNORECASE,
)
_BARE = re.compile(r"^\d+(?:\s*(?:-|\u2013|to)\s*\d+)?$")


def is_header(cells: list[str]) -> bool:
    """A row of column names: two or more cells, none with a number."""
    return len([c for c in cells if c]) >= 2 and not any(_DIGIT.search(cell) for cell in cells)


def row_line(header: list[str], cells: list[str]) -> str:
    """ "Name — Sets: 3 | Reps: 10" for a row under a header, or read by position without one."""
    name, values = cells[0], cells[1:]
    if header:
        parts = [
            _labelled(label, cell)
            for label, cell in zip(header[1:], values, strict=False)
            if cell and re.search(r"\w", cell)
        ]
    else:
        parts = _by_position([cell for cell in values if cell and re.search(r"\w", cell)])
    return f"{name} \u2014 {' | '.join(parts)}" if parts else name


def _labelled(label: str, cell: str) -> str:
    """ "Sets: 3"; a bare count under "Repeat" or "How many" is a number of times ("Repeat: 2 times")."""
    if not label:
        return cell
    if _BARE.match(cell) and re.search(r"\b(?:repeat|repetitions?|times|how many)\b", label, re.IGNORECASE):
        return f"{label}: {cell} times"
    return f"{label}: {cell}"


def _by_position(values: list[str]) -> list[str]:
    """ "3 | 12 | 60 s": bare numbers are sets then reps (one alone is reps); a time after them is the rest."""
    bare = [value for value in values if _BARE.match(value)]
    parts: list[str] = []
    if len(bare) >= 2:
        parts.append(f"{bare[0]} sets of {bare[1]} reps")
    elif bare:
        parts.append(f"{bare[0]} reps")
    for value in values:
        if value in bare[:2]:
            continue
        counted = bool(bare) and _TIME.search(value) and values.index(value) > values.index(bare[0])
        parts.append(f"Rest: {value}" if counted else value)
    return parts


def text_cells(line: str) -> list[str]:
    """The columns of a pasted table row, or [] when the line is not one."""
    stripped = line.strip()
    if "\t" not in stripped and not re.search(r"\S\s{2,}\S", stripped):
        return []
    if "\t" in stripped:  # tabs are columns whatever the cells hold
        cells = [cell.strip() for cell in stripped.split("\t") if cell.strip()]
        return cells if len(cells) >= 2 else []
    cells = [cell.strip() for cell in _TEXT_CELLS.split(stripped)]
    if len(cells) < 2 or any(len(cell.split()) > _MAX_CELL_WORDS for cell in cells[1:]):
        return []
    return cells


def text_tables_to_lines(text: str) -> str:
    """Rows of a table pasted as text become one line each; the header becomes a blank line, so every
    other line keeps its number. A row counts only beside another row or under a header."""
    lines = text.splitlines()
    cells = [text_cells(line) for line in lines]
    out = list(lines)
    header: list[str] = []
    for index, row in enumerate(cells):
        if not row:
            header = []
            continue
        beside = any(0 <= j < len(cells) and cells[j] for j in (index - 1, index + 1))
        if is_header(row) and index + 1 < len(cells) and cells[index + 1] and not is_header(cells[index + 1]):
            header = row
            out[index] = ""
            continue
        if not (header or beside) or not re.search(r"[A-Za-z]", row[0]):
            continue
        if not header and not any(_DIGIT.search(cell) for cell in row[1:]):
            continue
        out[index] = row_line(header, row)
    return "\n".join(out)


def markdown_tables_to_lines(lines: list[str]) -> list[str]:
    """A Markdown table row becomes "Name — Sets: 3 | Reps: 10": the header names each cell."""
    out: list[str] = []
    header: list[str] = []
    for line in lines:
        if not line.lstrip().startswith("|"):
            header = []
            out.append(line)
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-{2,}:?|", cell) for cell in cells):
            continue
        if len(cells) == 2 and _KEY.match(cells[0]) and cells[1]:
            out.append(f"{cells[0]}: {cells[1]}")  # a key/value table: "Repetitions | 20", "Frequency | Daily"
            continue
        if not header or not any(re.search(r"\d", cell) for cell in cells[1:]):
            header = cells
            if sum(1 for cell in cells if cell) == 1:
                out += ["", cells[0], ""]  # a caption row: "Exercises to do standing"
            continue
        out.append(row_line(header, cells))
    return out
