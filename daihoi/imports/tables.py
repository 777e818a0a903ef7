"""Finding the list on a sheet as offices lay it out (the "danh sách trích ngang" form).

Above the table: a title block, skipped. The header: one to three rows, merged cells read as
parent › child ("Ngày vào Đảng › Chính thức"), then perhaps a row of column numbers "(1) (2)…",
skipped. Below: person rows, with section rows between them ("I. ĐẠI BIỂU ĐƯƠNG NHIÊN",
"Đoàn đại biểu số 3 – …") that set the type and delegation of the rows under them; vertically
merged cells fill down; hidden and struck-through rows are set aside; the totals row or the
signature block ends the list.
"""

import itertools
from dataclasses import dataclass, field

from daihoi.core.vi.text import nfc
from daihoi.imports import meaning
from daihoi.imports.grids import Grid
from daihoi.imports.reading import SkippedRow
from daihoi.imports.workbook import HEADER_SEARCH_ROWS, Cell, is_blank

#: the fields that hold a person's name: the name column tells a person row from the rest
NAME_FIELDS = (meaning.NAME, meaning.GIVEN, meaning.MIDDLE)
MAX_HEADER_ROWS = 3


@dataclass(frozen=True)
class Line:
    """One person row: its spreadsheet row number, values, and the sections above it."""

    number: int
    values: tuple[Cell, ...]
    kind: str = ""  # an Origin from a section row, "" when none
    delegation: str = ""
    standing: str = ""  # "official" | "alternate" from a section row, "" when none


@dataclass
class ListTable:
    """A list found on a sheet."""

    sheet: str
    header_row: int  # the first header row, as the spreadsheet numbers it
    labels: list[str]  # each column's label as written, parent › child; "" for none
    fields: list[str]  # each column's field ("" when not understood)
    lines: list[Line] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)  # rows read as headings only
    sections: bool = False  # a section row set the delegate type


def _filled(grid: Grid) -> dict[tuple[int, int], Cell]:
    """Each merged cell's value at every position it covers (header rows only)."""
    spread: dict[tuple[int, int], Cell] = {}
    for r0, c0, r1, c1 in grid.merges:
        value = grid.value(r0, c0)
        for r in range(r0, min(r1, r0 + MAX_HEADER_ROWS + 2) + 1):
            for c in range(c0, min(c1, c0 + 60) + 1):
                spread[(r, c)] = value
    return spread


def _text(value: Cell) -> str:
    return nfc(str(value)) if value is not None and str(value).strip() else ""


def _header_at(grid: Grid, spread: dict[tuple[int, int], Cell]) -> int | None:
    """The first row naming two known columns or more."""
    for r in range(min(len(grid.rows), HEADER_SEARCH_ROWS)):
        width = len(grid.rows[r])
        values = [_text(spread.get((r, c), grid.value(r, c))) for c in range(width)]
        known = {f for v in values if v and (f := meaning.field_of(v)) and f != meaning.IGNORED}
        if len(known) >= 2 and any(f in NAME_FIELDS or f.startswith("Ngày sinh") for f in known):
            return r
        if len(known) >= 3:
            return r
    return None


def _depth(grid: Grid, top: int, name_column: int | None) -> int:
    """How many rows the header takes: those a header cell is merged down into, and those
    below it whose name cell is empty and that hold two labels or more."""
    depth = 1
    for r0, _c0, r1, _c1 in grid.merges:
        if r0 == top and r1 > top:
            depth = max(depth, min(r1 - top + 1, MAX_HEADER_ROWS))
    while depth < MAX_HEADER_ROWS and top + depth < len(grid.rows):
        row = list(grid.rows[top + depth])
        texts = [v for v in row if _text(v)]
        named = name_column is not None and _text(grid.value(top + depth, name_column))
        if named or len(texts) < 2 or meaning.is_column_numbers(row):
            break
        if any(not isinstance(v, str) for v in texts):
            break
        depth += 1
    return depth


def _labels(grid: Grid, spread: dict[tuple[int, int], Cell], top: int, depth: int) -> list[str]:
    """Each column's label: its header cells top to bottom, repeats (merged cells) once."""
    width = max((len(grid.rows[r]) for r in range(top, top + depth)), default=0)
    levels: list[list[str]] = []
    for r in range(top, top + depth):
        level = [_text(spread.get((r, c), grid.value(r, c))) for c in range(width)]
        levels.append(level)
    for upper, lower in itertools.pairwise(levels):
        # a parent written once over its children without a merge: it spreads right
        for c in range(1, width):
            if not upper[c] and lower[c] and upper[c - 1] and lower[c - 1]:
                upper[c] = upper[c - 1]
    labels = []
    for c in range(width):
        parts: list[str] = []
        for level in levels:
            if level[c] and (not parts or parts[-1] != level[c]):
                parts.append(level[c])
        labels.append(" › ".join(parts))
    return labels


def _fill_down(grid: Grid, start: int) -> list[list[Cell]]:
    """The rows from `start`, a vertically merged cell's value copied to every row it spans."""
    rows = [list(values) for values in grid.rows[start:]]
    for r0, c0, r1, _c1 in grid.merges:
        if r1 > r0 >= start:
            value = grid.value(r0, c0)
            for r in range(r0 + 1, min(r1, len(grid.rows) - 1) + 1):
                row = rows[r - start]
                row.extend([None] * (c0 + 1 - len(row)))
                row[c0] = value
    return rows


def _single_text(grid: Grid, r: int, values: list[Cell]) -> str:
    """The row's one text when it holds a single value (a section row), else ""."""
    distinct = {_text(v) for v in values if _text(v)}
    if len(distinct) != 1:
        return ""
    (only,) = distinct
    value = next(v for v in values if _text(v))
    return only if isinstance(value, str) else ""


@dataclass
class _Above:
    """What the section rows above the current row set: type, delegation, standing; and whether
    a totals row ended the table."""

    kind: str = ""
    delegation: str = ""
    standing: str = ""
    ended: bool = False

    def read(self, table: ListTable, r: int, single: str, section: tuple[str, str]) -> None:
        what, value = section
        if what == "kind":
            self.kind, self.delegation = value, ""
            table.sections = True
        elif what == "standing":
            self.standing = value
        elif what == "delegation":
            self.delegation = single
        else:
            table.headings.append((r + 1, single))

    def line(self) -> tuple[str, str, str]:
        return self.kind, self.delegation, self.standing


def find_list(grid: Grid) -> ListTable | None:
    """The list on `grid`, or None when no header row is found."""
    spread = _filled(grid)
    top = _header_at(grid, spread)
    if top is None:
        return None
    first = [
        meaning.field_of(_text(spread.get((top, c), grid.value(top, c))))
        for c in range(len(grid.rows[top]))
    ]
    name_column = next((c for c, f in enumerate(first) if f in (meaning.NAME, meaning.GIVEN)), None)
    depth = _depth(grid, top, name_column)
    labels = _labels(grid, spread, top, depth)
    fields = [meaning.field_of(label) for label in labels]
    name_columns = [c for c, f in enumerate(fields) if f in NAME_FIELDS]
    table = ListTable(grid.title, top + 1, labels, fields)
    start = top + depth
    if start < len(grid.rows) and meaning.is_column_numbers(list(grid.rows[start])):
        start += 1
    above = _Above()
    again = _repeated_headers(grid, top, depth, start)
    for offset, values in enumerate(_fill_down(grid, start)):
        r = start + offset
        if r in again:  # the header again: a second table (its own sections) follows
            above.ended, above.kind, above.delegation = False, "", ""
            continue
        if is_blank(values):
            continue
        name = " ".join(
            _text(values[c]) for c in name_columns if c < len(values) and _text(values[c])
        )
        single = _single_text(grid, r, values)
        if above.ended:
            # between tables: a title such as "DANH SÁCH ĐẠI BIỂU DỰ KHUYẾT" sets the standing
            # of the next; the signature block and anything else is not a list
            above.standing = (single and meaning.section_standing(single)) or above.standing
            continue
        if _ends(single, name, values):
            above.ended = True
            continue
        if single and not _has_date(values) and (section := _section(single)) is not None:
            if r not in grid.hidden:
                above.read(table, r, single, section)
            continue
        why = _set_aside(grid, r, values, name_columns)
        if why:
            table.skipped.append(SkippedRow(grid.title, r + 1, name, why))
            continue
        table.lines.append(Line(r + 1, tuple(values), *above.line()))
    return table


def _ends(single: str, name: str, values: list[Cell]) -> bool:
    """A totals row ("Tổng cộng", "Cộng: 12 đồng chí") or the signature block begins."""
    if single and meaning.ends_list(single):
        return True
    return not name and any(meaning.ends_list(_text(v)) for v in values if isinstance(v, str))


def _repeated_headers(grid: Grid, top: int, depth: int, start: int) -> set[int]:
    """The rows where the header is written again below (a second table on the sheet: the
    alternates after the officials), with its lower rows and column numbers."""
    header = [[_text(v) for v in grid.rows[r]] for r in range(top, top + depth)]
    rows: set[int] = set()
    for r in range(start, len(grid.rows) - depth + 1):
        if [[_text(v) for v in grid.rows[r + d]] for d in range(depth)] == header:
            rows.update(range(r, r + depth))
            below = r + depth
            if below < len(grid.rows) and meaning.is_column_numbers(list(grid.rows[below])):
                rows.add(below)
    return rows


def _has_date(values: list[Cell]) -> bool:
    return sum(1 for v in values if v is not None) > 1


def _section(text: str) -> tuple[str, str] | None:
    """("kind", an Origin), ("standing", …), ("delegation", ""), ("heading", "") or None for a
    person's row."""
    if kind := meaning.section_kind(text):
        return ("kind", kind)
    if standing := meaning.section_standing(text):
        return ("standing", standing)
    if meaning.is_delegation(text):
        return ("delegation", "")
    if meaning.is_heading(text):
        return ("heading", "")
    return None


def _set_aside(grid: Grid, r: int, values: list[Cell], name_columns: list[int]) -> str:
    """ "hidden" or "struck" for a row not imported by default, else ""."""
    if r in grid.hidden:
        return "hidden"
    struck = grid.struck.get(r, frozenset())
    filled = {c for c, v in enumerate(values) if _text(v)}
    if struck and (any(c in struck for c in name_columns) or filled <= struck):
        return "struck"
    return ""
