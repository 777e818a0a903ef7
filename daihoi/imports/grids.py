"""A workbook's sheets as grids of values with what the eye sees: merged cells, hidden rows,
struck-through cells. Both formats offices save: .xlsx (openpyxl) and the old .xls (xlrd).

Bounded before anything is loaded whole: the unpacked size of each part of an .xlsx, then each
sheet's declared size, then its rows as they stream (read-only mode); only a workbook within
the limits is loaded again with its formatting. A formula is read as its text (=…).
"""

import io
import zipfile
from dataclasses import dataclass
from typing import Any

import xlrd  # type: ignore[import-untyped]  # no type information published
from openpyxl import load_workbook

from daihoi.imports.workbook import (
    HEADER_SEARCH_ROWS,
    MAX_COLUMNS,
    MAX_PART_BYTES,
    MAX_ROWS,
    MAX_SHEET_ROWS,
    Cell,
    RowProblem,
    file_problem,
    is_blank,
    too_large,
    too_many_rows,
)

#: the signature of an OLE2 compound file: the old Excel format (.xls)
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Grid:
    """One sheet: values by 0-based row and column, merges as (row0, col0, row1, col1)
    inclusive, hidden rows, and the struck-through cells of each row."""

    title: str
    rows: list[tuple[Cell, ...]]
    merges: list[tuple[int, int, int, int]]
    hidden: frozenset[int]
    struck: dict[int, frozenset[int]]

    def value(self, row: int, column: int) -> Cell:
        if row >= len(self.rows) or column >= len(self.rows[row]):
            return None
        return self.rows[row][column]


def _parts_fit(data: bytes) -> bool:
    """Every part of the zip unpacks to at most MAX_PART_BYTES (a zip bomb is refused unread)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = archive.infolist()
        return len(parts) <= 1000 and all(p.file_size <= MAX_PART_BYTES for p in parts)


def _stream(sheet: Any) -> tuple[list[tuple[Cell, ...]], RowProblem | None]:
    """The sheet's rows, stopping at the first that shows the sheet is beyond the limits."""
    table: list[tuple[Cell, ...]] = []
    filled = 0
    for row in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
        if len(table) >= MAX_SHEET_ROWS:
            return [], too_large()
        values = tuple(row)
        if not is_blank(values):
            filled += 1
            if filled > MAX_ROWS + HEADER_SEARCH_ROWS:
                return [], too_many_rows()
        table.append(values)
    while table and is_blank(table[-1]):
        table.pop()
    return table, None


def _xlsx_values(data: bytes) -> tuple[list[tuple[str, list[tuple[Cell, ...]]]], RowProblem | None]:
    """Each worksheet's title and values, read in streaming mode within the limits."""
    if not _parts_fit(data):
        return [], too_large()
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        sheets = []
        for sheet in book.worksheets:
            declared_rows = getattr(sheet, "max_row", None) or 0
            declared_columns = getattr(sheet, "max_column", None) or 0
            if declared_rows > MAX_SHEET_ROWS or declared_columns > MAX_COLUMNS:
                return [], too_large()
            reset = getattr(sheet, "reset_dimensions", None)
            if callable(reset):
                reset()  # read-only mode trusts the recorded size, which some writers get wrong
            table, problem = _stream(sheet)
            if problem is not None:
                return [], problem
            sheets.append((sheet.title, table))
        return sheets, None
    finally:
        book.close()


def _xlsx(data: bytes) -> tuple[list[Grid], RowProblem | None]:
    sheets, problem = _xlsx_values(data)
    if problem is not None or not any(table for _, table in sheets):
        return [], problem
    book = load_workbook(io.BytesIO(data), data_only=False)
    grids = []
    for (title, table), sheet in zip(sheets, book.worksheets, strict=True):
        merges = [
            (r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1)
            for r in sheet.merged_cells.ranges
            if r.min_row <= MAX_SHEET_ROWS and r.min_col <= MAX_COLUMNS
        ]
        hidden = frozenset(
            number - 1
            for number, dimension in sheet.row_dimensions.items()
            if dimension.hidden and number <= len(table)
        )
        struck: dict[int, set[int]] = {}
        for (row, column), cell in sheet._cells.items():  # only the cells written
            written = row <= len(table) and column <= MAX_COLUMNS and cell.value is not None
            if written and cell.font.strike:
                struck.setdefault(row - 1, set()).add(column - 1)
        grids.append(
            Grid(title, table, merges, hidden, {r: frozenset(c) for r, c in struck.items()})
        )
    return grids, None


def _xls_value(book: Any, cell: Any) -> Cell:
    kind = cell.ctype
    if kind == xlrd.XL_CELL_TEXT:
        return str(cell.value)
    if kind == xlrd.XL_CELL_NUMBER:
        number = float(cell.value)
        return int(number) if number.is_integer() else number
    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return None
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    return None


def _xls(data: bytes) -> tuple[list[Grid], RowProblem | None]:
    """The old format: every sheet, with merges, hidden rows and strike-through where recorded."""
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
        formatted = True
    except Exception:  # some writers' .xls carry no formatting xlrd can read
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
        formatted = False
    grids = []
    filled_total = 0
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        if sheet.nrows > MAX_SHEET_ROWS or sheet.ncols > MAX_COLUMNS:
            return [], too_large()
        rows = []
        struck: dict[int, frozenset[int]] = {}
        for r in range(sheet.nrows):
            cells = sheet.row(r)[:MAX_COLUMNS]
            values = tuple(_xls_value(book, c) for c in cells)
            rows.append(values)
            if not is_blank(values):
                filled_total += 1
            if formatted:
                crossed = frozenset(
                    c
                    for c, value in enumerate(values)
                    if value is not None
                    and book.font_list[
                        book.xf_list[sheet.cell_xf_index(r, c)].font_index
                    ].struck_out
                )
                if crossed:
                    struck[r] = crossed
        if filled_total > MAX_ROWS + HEADER_SEARCH_ROWS * book.nsheets:
            return [], too_many_rows()
        merges = (
            [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in sheet.merged_cells] if formatted else []
        )
        hidden = frozenset(
            r for r, info in getattr(sheet, "rowinfo_map", {}).items() if getattr(info, "hidden", 0)
        )
        grids.append(Grid(sheet.name, rows, merges, hidden, struck))
    return grids, None


def read_grids(data: bytes) -> tuple[list[Grid], RowProblem | None]:
    """Every sheet of an .xlsx or .xls, or the one problem saying it cannot or will not be read."""
    try:
        if data.startswith(XLS_MAGIC):
            return _xls(data)
        return _xlsx(data)
    except MemoryError:
        raise
    except Exception:  # any failure to read is the same answer to the user
        return [], file_problem("not_xlsx")
