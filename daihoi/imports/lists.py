"""From a workbook's bytes to the rows of its lists, field by field, for the register and the
candidate lists alike: every sheet holding a list, each column read by meaning, compound
columns taken apart (a name in two columns, a birth date under "Nam" or "Nữ", "Chức vụ, đơn vị
công tác"), the day/month order settled per column, and all that was not read said.
"""

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from openpyxl.utils import get_column_letter

from daihoi.core.codes import Origin
from daihoi.core.vi.text import fold, nfc
from daihoi.imports import meaning
from daihoi.imports.dates import column_order
from daihoi.imports.grids import read_grids
from daihoi.imports.reading import ColumnUse, DateOrder, SkippedRow, order_key
from daihoi.imports.tables import Line, ListTable, find_list
from daihoi.imports.workbook import (
    MAX_ROWS,
    Cell,
    Context,
    Place,
    RowProblem,
    RowReader,
    file_problem,
    too_many_rows,
)
from daihoi.labels import IMPORT_PROBLEMS, words

#: the template header each field is shown as in the list of columns
SHOWN_AS = {
    meaning.MIDDLE: meaning.NAME,
    meaning.GIVEN: meaning.NAME,
    meaning.BORN_YEAR: meaning.BORN,
    meaning.BORN_MALE: meaning.BORN,
    meaning.BORN_FEMALE: meaning.BORN,
    meaning.YEAR_MALE: meaning.BORN,
    meaning.YEAR_FEMALE: meaning.BORN,
    meaning.POSITION_UNIT: "Chức vụ, Đơn vị",
}
SEXED = {
    meaning.BORN_MALE: "Nam",
    meaning.BORN_FEMALE: "Nữ",
    meaning.YEAR_MALE: "Nam",
    meaning.YEAR_FEMALE: "Nữ",
}
DATE_FIELDS = (meaning.BORN, meaning.BORN_YEAR, meaning.JOINED, meaning.OFFICIAL, *SEXED)
#: the delegate type a section row sets, as the column would write it
SECTION_KINDS = {
    Origin.EX_OFFICIO.value: "Đương nhiên",
    Origin.ELECTED.value: "Được bầu",
    Origin.APPOINTED.value: "Chỉ định",
}
#: the standing a section row sets, as the column would write it
STANDING_LABELS = {"official": "Chính thức", "alternate": "Dự khuyết"}
#: a sheet of notes, not a list
NOTES = ("huong dan", "ghi chu", "chu thich")
#: in the cells: the birth date was a year alone (stored as 1 January)
YEAR_ONLY = "\x1fyear"


@dataclass
class Found:
    """The lists of a workbook and all that is said about them."""

    tables: list[tuple[ListTable, dict[str, int]]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    columns: list[ColumnUse] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    date_orders: list[DateOrder] = field(default_factory=list)
    orders: dict[str, str] = field(default_factory=dict)  # order_key → "dmy" | "mdy"

    @property
    def named(self) -> bool:
        return len(self.tables) > 1


def _positions(table: ListTable) -> dict[str, int]:
    """Each field → the first column read as it; the columns after it are listed unused."""
    positions: dict[str, int] = {}
    for column, name in enumerate(table.fields):
        if name and name != meaning.IGNORED and name not in positions:
            positions[name] = column
    return positions


def _columns(table: ListTable, positions: Mapping[str, int]) -> list[ColumnUse]:
    used = {column: name for name, column in positions.items()}
    columns = []
    for column, label in enumerate(table.labels):
        if table.fields[column] == meaning.IGNORED:
            continue
        has_data = any(
            column < len(line.values) and line.values[column] is not None for line in table.lines
        )
        if not label and not has_data:
            continue
        name = used.get(column, "")
        columns.append(
            ColumnUse(table.sheet, label or get_column_letter(column + 1), SHOWN_AS.get(name, name))
        )
    return columns


def _missing(table: ListTable, positions: Mapping[str, int], required: Sequence[str]) -> list[str]:
    """The required template columns this table has no way to fill."""
    has = set(positions)
    ways = {
        meaning.NAME: {meaning.NAME, meaning.GIVEN},
        meaning.BORN: {meaning.BORN, meaning.BORN_YEAR, *SEXED},
        meaning.GENDER: {meaning.GENDER, *SEXED, meaning.MARK_MALE, meaning.MARK_FEMALE},
    }
    missing = []
    for name in required:
        if has & ways.get(name, {name}):
            continue
        if name == "Loại đại biểu" and table.sections:
            continue
        missing.append(name)
    return missing


def _date_orders(
    found: Found,
    table: ListTable,
    positions: Mapping[str, int],
    chosen: Mapping[str, str],
    place: Place,
) -> None:
    for name in DATE_FIELDS:
        if name not in positions:
            continue
        column = positions[name]
        label = table.labels[column]
        values = [line.values[column] for line in table.lines if column < len(line.values)]
        order, proven, question, examples = column_order(values)
        key = order_key(table.sheet, label)
        picked = chosen.get(key, order)
        found.orders[key] = picked if picked in ("dmy", "mdy") else order
        if question:
            found.date_orders.append(
                DateOrder(table.sheet, label, found.orders[key], proven, examples)
            )
            code = "date_order_month_first" if order == "mdy" else "date_order_mixed"
            found.problems.append(place.problem(0, label, code, warning=True))


def _missing_column(table: ListTable, name: str, *, named: bool) -> RowProblem:
    """A required column missing, at the header row (the message names the row itself)."""
    prefix = (f"Trang «{table.sheet}», ", f"Sheet «{table.sheet}», ") if named else ("", "")
    values = {"row": table.header_row, "column": name}
    return RowProblem(
        table.header_row,
        name,
        "missing_column",
        prefix[0] + words(IMPORT_PROBLEMS, "missing_column", values, "vi"),
        prefix[1] + words(IMPORT_PROBLEMS, "missing_column", values, "en"),
        sheet=table.sheet,
    )


def find_lists(
    data: bytes, *, required: Sequence[str], chosen: Mapping[str, str] | None = None
) -> Found:
    """Every list of the workbook; problems of the whole file in `problems` (then no tables)."""
    found = Found()
    grids, unreadable = read_grids(data)
    if unreadable is not None:
        found.problems.append(unreadable)
        return found
    if all(not grid.rows for grid in grids):
        found.problems.append(file_problem("empty_workbook"))
        return found
    unread = []
    for grid in grids:
        table = find_list(grid)
        if table is None:
            if grid.rows and not fold(grid.title).startswith(NOTES):
                unread.append(grid.title)
            continue
        found.tables.append((table, _positions(table)))
    if not found.tables:
        found.problems.append(file_problem("no_header", expected=", ".join(required)))
        return found
    if sum(len(t.lines) + len(t.skipped) for t, _ in found.tables) > MAX_ROWS:
        found.tables = []
        found.problems.append(too_many_rows())
        return found
    for title in unread:
        found.problems.append(file_problem("sheet_not_read", warning=True, sheet=title))
    missing_any = False
    for table, positions in found.tables:
        missing = _missing(table, positions, required)
        missing_any = missing_any or bool(missing)
        found.problems += [_missing_column(table, name, named=found.named) for name in missing]
        place = Place(table.sheet, found.named)
        found.columns += _columns(table, positions)
        found.skipped += table.skipped
        for row, text in table.headings:
            found.problems.append(place.problem(row, "", "heading_row", warning=True, text=text))
        _date_orders(found, table, positions, chosen or {}, place)
    if missing_any:
        found.tables = []
    return found


def _cells(
    table: ListTable, positions: Mapping[str, int], line: Line
) -> tuple[dict[str, Cell], dict[str, str]]:
    """The line's value of each field, compound columns taken apart, sections filled in."""
    cells: dict[str, Cell] = {}
    labels: dict[str, str] = {}
    for name, column in positions.items():
        value = line.values[column] if column < len(line.values) else None
        cells[name] = nfc(value) if isinstance(value, str) else value
        labels[name] = table.labels[column]
    if meaning.NAME not in positions and meaning.GIVEN in positions:
        parts = [cells.get(meaning.MIDDLE), cells.get(meaning.GIVEN)]
        cells[meaning.NAME] = " ".join(str(p) for p in parts if p is not None and str(p).strip())
        labels[meaning.NAME] = " + ".join(
            labels[f] for f in (meaning.MIDDLE, meaning.GIVEN) if f in labels
        )
    if meaning.BORN not in positions:
        _birth(cells, labels, positions)
    if meaning.POSITION_UNIT in positions:
        combined = cells.get(meaning.POSITION_UNIT)
        text = "" if combined is None else str(combined)
        position, unit = meaning.split_position_unit(text)
        for name, part in (("Chức vụ", position), ("Đơn vị", unit)):
            if name not in positions:
                cells[name] = part
                labels[name] = labels[meaning.POSITION_UNIT]
    if line.kind and cells.get("Loại đại biểu") in (None, ""):
        cells["Loại đại biểu"] = SECTION_KINDS[line.kind]
        labels.setdefault("Loại đại biểu", "Loại đại biểu")
    sexes = [
        label
        for field, label in ((meaning.MARK_MALE, "Nam"), (meaning.MARK_FEMALE, "Nữ"))
        if field in positions and meaning.YES_WORDS.get(meaning.value_key(cells.get(field) or ""))
    ]
    if cells.get(meaning.GENDER) in (None, "") and any(
        m in positions for m in (meaning.MARK_MALE, meaning.MARK_FEMALE)
    ):
        cells[meaning.GENDER] = sexes[0] if len(sexes) == 1 else None
        labels[meaning.GENDER] = " / ".join(
            labels[m] for m in (meaning.MARK_MALE, meaning.MARK_FEMALE) if m in labels
        )
    marked = [
        side
        for field, side in (
            (meaning.MARK_OFFICIAL, "official"),
            (meaning.MARK_ALTERNATE, "alternate"),
        )
        if field in positions
        and meaning.value_key(cells.get(field) or "") in meaning.YES_WORDS
        and meaning.YES_WORDS[meaning.value_key(cells.get(field) or "")]
    ]
    if len(marked) == 1 and cells.get("Chính thức/Dự khuyết") in (None, ""):
        cells["Chính thức/Dự khuyết"] = STANDING_LABELS[marked[0]]
        labels["Chính thức/Dự khuyết"] = labels[
            meaning.MARK_OFFICIAL if marked[0] == "official" else meaning.MARK_ALTERNATE
        ]
    if line.standing and cells.get("Chính thức/Dự khuyết") in (None, ""):
        cells["Chính thức/Dự khuyết"] = STANDING_LABELS[line.standing]
        labels.setdefault("Chính thức/Dự khuyết", "Chính thức/Dự khuyết")
    if line.delegation and cells.get("Đoàn đại biểu") in (None, ""):
        cells["Đoàn đại biểu"] = line.delegation
        labels.setdefault("Đoàn đại biểu", "Đoàn đại biểu")
    return cells, labels


def _birth(cells: dict[str, Cell], labels: dict[str, str], positions: Mapping[str, int]) -> None:
    """The birth date from "Năm sinh" or from under "Nam"/"Nữ" (which gives the sex too)."""
    sexed = [
        (name, cells[name])
        for name in SEXED
        if name in positions and cells.get(name) not in (None, "")
    ]
    if sexed:
        name, value = sexed[0]
        cells[meaning.BORN] = value
        labels[meaning.BORN] = labels[name]
        if len(sexed) > 1:  # an error of its own: the sex is not asked for again
            cells["\x1fboth"] = " / ".join(labels[n] for n, _ in sexed)
        if meaning.GENDER not in positions:
            cells[meaning.GENDER] = SEXED[name]
            labels[meaning.GENDER] = labels[name]
        if name in (meaning.YEAR_MALE, meaning.YEAR_FEMALE):
            cells[YEAR_ONLY] = True
    elif meaning.BORN_YEAR in positions:
        cells[meaning.BORN] = cells.get(meaning.BORN_YEAR)
        labels[meaning.BORN] = labels[meaning.BORN_YEAR]
        cells[YEAR_ONLY] = True
    elif any(name in positions for name in SEXED):
        labels[meaning.BORN] = next(labels[name] for name in SEXED if name in positions)
        if meaning.GENDER not in positions:
            labels[meaning.GENDER] = labels[meaning.BORN]


def readers(found: Found, *, on: date, lengths: Mapping[str, int]) -> Iterator[RowReader]:
    """A reader for every person row of every list found, in the file's order."""
    for table, positions in found.tables:
        place = Place(table.sheet, found.named)
        orders = {
            label: found.orders.get(order_key(table.sheet, label), "dmy") for label in table.labels
        }
        context = Context(place, on, lengths, orders)
        for line in table.lines:
            cells, labels = _cells(table, positions, line)
            yield RowReader(context, line.number, cells, labels)


Check = Callable[[RowReader], object]
