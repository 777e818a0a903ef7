"""Reading a workbook safely, shared by every list an office keeps in .xlsx (the register, the
candidate lists): size limits checked before parsing, the header found under any title rows,
cell by cell checks with a problem per row and column, and the template with its drop-downs.

Nothing here writes and nothing knows which list it reads: the columns come from the caller.
"""

import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, datetime, timedelta, timezone

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from daihoi.core.codes import Gender
from daihoi.core.composition import age_on
from daihoi.core.vi.formatting import format_int
from daihoi.core.vi.text import fold as fold_text
from daihoi.core.vi.text import nfc
from daihoi.labels import IMPORT_PROBLEMS, words

#: Vietnam's civil time, for "today" when the caller gives no date (no DST, no tz database).
VIETNAM = timezone(timedelta(hours=7))


#: Rows of the template that carry drop-down lists.
TEMPLATE_ROWS = 3000


#: The header is looked for in this many rows from the top (titles often sit above it).
HEADER_SEARCH_ROWS = 30


ADULT_AGE = 18


#: Data rows read at most: a congress has at most a few thousand delegates (a row more is refused).
MAX_ROWS = 5000


#: Rows and columns a sheet may declare or hold at all (blank ones included), and the unpacked
#: size of any part of the file: checked before parsing, so a hostile workbook costs little.
MAX_SHEET_ROWS = 2 * MAX_ROWS


MAX_COLUMNS = 200


MAX_PART_BYTES = 16 * 1024 * 1024


#: Characters a person cannot see or that reorder text: bidirectional embeddings, overrides and
#: isolates, zero-width spaces and joiners, the byte-order mark (with every control character).
HIDDEN = frozenset("\u200b\u200c\u200d\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")


#: A text starting with one of these is a formula to a spreadsheet (CWE-1236).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


Cell = object


Table = list[tuple[Cell, ...]]


@dataclass(frozen=True)
class Column:
    """One column of a workbook: its Vietnamese header and what it accepts."""

    header: str
    help_vi: str
    width: int
    required: bool = False
    #: label shown in Vietnamese → value stored; empty when the column is free text or a date
    choices: tuple[tuple[str, str], ...] = ()
    is_date: bool = False
    #: the database column's length for free text (0: a choice or a date, stored by code)
    max_length: int = 0


GENDER = (("Nam", Gender.MALE.value), ("Nữ", Gender.FEMALE.value))


YES_NO = (("Có", "yes"), ("Không", ""))


@dataclass(frozen=True)
class RowProblem:
    """A fault at a row and column (the Vietnamese header), in Vietnamese and English.

    Row 0 is the file as a whole. A warning does not stop its row from being read.
    """

    row: int
    column: str
    code: str
    message_vi: str
    message_en: str
    warning: bool = False


def fold(text: object) -> str:
    """A loose key: single spaces, lower case, no diacritics ("Uỷ viên" = "ỦY VIÊN" = "uy vien").

    For headers and fixed choices only, where no two accepted words differ by a mark alone.
    """
    return fold_text(str(text if text is not None else ""))


def name_key(text: str) -> str:
    """Names compare by NFC and case only: "Tân An" and "Tân Ấn" are different people."""
    return nfc(text).casefold()


def today_in_vietnam() -> date:
    return datetime.now(VIETNAM).date()


def show(value: Cell) -> str:
    """A cell as the user sees it, for quoting in a message."""
    if isinstance(value, datetime | date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, str):
        return nfc(value)
    return str(value)


def is_blank(values: Sequence[Cell]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def file_problem(code: str, **values: object) -> RowProblem:
    """A problem of the whole file (row 0), in the catalogue's words."""
    return RowProblem(
        0,
        "",
        code,
        words(IMPORT_PROBLEMS, code, values, "vi"),
        words(IMPORT_PROBLEMS, code, values, "en"),
    )


def too_large() -> RowProblem:
    """The sheet is beyond what is read at all, naming the limits."""
    return file_problem(
        "sheet_too_large",
        rows=format_int(MAX_SHEET_ROWS),
        columns=format_int(MAX_COLUMNS),
        megabytes=MAX_PART_BYTES // (1024 * 1024),
    )


def too_many_rows() -> RowProblem:
    return file_problem("too_many_rows", limit=format_int(MAX_ROWS))


def _parts_fit(data: bytes) -> bool:
    """Every part of the zip unpacks to at most MAX_PART_BYTES (a zip bomb is refused unread)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = archive.infolist()
        return len(parts) <= 1000 and all(p.file_size <= MAX_PART_BYTES for p in parts)


def _stream(sheet: object) -> tuple[Table, RowProblem | None]:
    """The sheet's rows, stopping at the first that shows the sheet is beyond the limits."""
    table: Table = []
    filled = 0
    rows = sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)  # type: ignore[attr-defined]
    for row in rows:
        if len(table) >= MAX_SHEET_ROWS:
            return [], too_large()
        values = tuple(row)
        if not is_blank(values):
            filled += 1
            if filled > MAX_ROWS + HEADER_SEARCH_ROWS:
                return [], too_many_rows()
        table.append(values)
    return table, None


def read_table(data: bytes) -> tuple[Table, RowProblem | None]:
    """Every row of the first worksheet, or the one problem saying it cannot or will not be read.

    Bounded before parsing: the unpacked size of each part, then the sheet's declared size, then
    rows as they stream (read-only mode); a formula is read as its text (=…), never its value.
    """
    try:
        if not _parts_fit(data):
            return [], too_large()
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            sheets = workbook.worksheets
            if not sheets:
                return [], None
            sheet = sheets[0]
            declared_rows = getattr(sheet, "max_row", None) or 0
            declared_columns = getattr(sheet, "max_column", None) or 0
            if declared_rows > MAX_SHEET_ROWS or declared_columns > MAX_COLUMNS:
                return [], too_large()
            reset = getattr(sheet, "reset_dimensions", None)
            if callable(reset):
                reset()  # read-only mode trusts the recorded size, which some writers get wrong
            return _stream(sheet)
        finally:
            workbook.close()
    except Exception:  # any failure to read is the same answer to the user
        return [], file_problem("not_xlsx")


@dataclass(frozen=True)
class Sheet:
    """The rows under the header, with the header's row number and its column positions."""

    header_row: int
    positions: Mapping[str, int]  # Vietnamese header → index in a row
    rows: list[tuple[int, tuple[Cell, ...]]]  # (spreadsheet row number, values), none blank
    lengths: Mapping[str, int] = dataclass_field(default_factory=dict)  # header → database length


def _positions(row: Sequence[Cell], known: Mapping[str, str]) -> dict[str, int]:
    """Each known header found in `row` → its index (the first, if it appears twice)."""
    positions: dict[str, int] = {}
    for at, value in enumerate(row):
        header = known.get(fold(value))
        if header is not None and header not in positions:
            positions[header] = at
    return positions


def locate(table: Table, columns: Sequence[Column]) -> tuple[Sheet | None, list[RowProblem]]:
    """Find the header row (tolerating case, spacing, NFD and marks) and check required columns.

    The header is the first row naming at least two of the known columns; columns that are not
    required may be missing; unknown columns are ignored.
    """
    if all(is_blank(row) for row in table):
        return None, [file_problem("empty_workbook")]
    known = {fold(c.header): c.header for c in columns}
    found = next(
        (
            (index, positions)
            for index, row in enumerate(table[:HEADER_SEARCH_ROWS])
            if len(positions := _positions(row, known)) >= 2
        ),
        None,
    )
    if found is None:
        expected = ", ".join(c.header for c in columns)
        return None, [file_problem("no_header", expected=expected)]
    index, positions = found
    header_row = index + 1
    missing = [
        RowProblem(
            header_row,
            c.header,
            "missing_column",
            words(IMPORT_PROBLEMS, "missing_column", {"row": header_row, "column": c.header}, "vi"),
            words(IMPORT_PROBLEMS, "missing_column", {"row": header_row, "column": c.header}, "en"),
        )
        for c in columns
        if c.required and c.header not in positions
    ]
    rows = [
        (number, values)
        for number, values in enumerate(table[index + 1 :], start=header_row + 1)
        if not is_blank(values)
    ]
    if len(rows) > MAX_ROWS:
        return None, [too_many_rows()]
    lengths = {c.header: c.max_length for c in columns if c.max_length}
    return Sheet(header_row, positions, rows, lengths), missing


_DMY = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")


def parse_date(value: Cell) -> date | None:
    """A real Excel date, or text "dd/mm/yyyy", "d/m/yyyy", "yyyy-mm-dd"; None if impossible."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = nfc(value) if isinstance(value, str) else ""  # a bare number is not a date
    if match := _DMY.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        return None
    try:
        parsed = date(year, month, day)
    except ValueError:
        return None
    return parsed if year >= 1900 else None


class RowReader:
    """Reads one spreadsheet row cell by cell, recording a problem for each fault."""

    def __init__(self, sheet: Sheet, number: int, values: tuple[Cell, ...]) -> None:
        self.sheet = sheet
        self.number = number
        self.values = values
        self.problems: list[RowProblem] = []

    @property
    def has_error(self) -> bool:
        return any(not p.warning for p in self.problems)

    def fail(self, column: str, code: str, *, warning: bool = False, **values: object) -> None:
        """Record the problem `code` of the catalogue at this row and `column`."""
        self.problems.append(
            RowProblem(
                self.number,
                column,
                code,
                f"Dòng {self.number}, cột {column}: " + words(IMPORT_PROBLEMS, code, values, "vi"),
                f"Row {self.number}, column {column}: "
                + words(IMPORT_PROBLEMS, code, values, "en"),
                warning,
            )
        )

    def raw(self, column: str) -> Cell:
        at = self.sheet.positions.get(column)
        if at is None or at >= len(self.values):
            return None
        value = self.values[at]
        return None if isinstance(value, str) and not value.strip() else value

    def text(self, column: str) -> str:
        """The cell as text: refused (and "") when it hides characters or outgrows its column."""
        value = self.raw(column)
        text = "" if value is None else show(value)
        hidden = next((c for c in text if c in HIDDEN or unicodedata.category(c) == "Cc"), None)
        if hidden is not None:
            self.fail(column, "hidden_character", character=f"U+{ord(hidden):04X}")
            return ""
        limit = self.sheet.lengths.get(column, 0)
        if limit and len(text) > limit:
            self.fail(column, "too_long", length=len(text), limit=limit)
            return ""
        return text

    def name(self, column: str = "Họ và tên") -> str:
        """A person's name: present, visible, and not something a spreadsheet would run."""
        checked = len(self.problems)
        name = self.text(column)
        if len(self.problems) > checked:
            return ""
        if name.startswith(FORMULA_START):
            self.fail(column, "formula_text", value=name)
            return ""
        if not name:
            self.fail(column, "missing_name")
        return name

    def day(self, column: str, *, required: bool) -> date | None:
        value = self.raw(column)
        if value is None:
            if required:
                self.fail(column, "missing_date")
            return None
        day = parse_date(value)
        if day is None:
            self.fail(column, "impossible_date", value=show(value))
        return day

    def choice(self, column: str, choices: Sequence[tuple[str, str]], *, required: bool) -> str:
        """The stored value of the label in the cell; "" when empty or not allowed."""
        value = self.raw(column)
        allowed = ", ".join(label for label, _ in choices)
        if value is None:
            if required:
                self.fail(column, "missing_value", allowed=allowed)
            return ""
        found = {fold(label): stored for label, stored in choices}.get(fold(value))
        if found is None:
            self.fail(column, "unknown_value", value=show(value), allowed=allowed)
            return ""
        return found

    def birth_date(self, on: date, column: str = "Ngày sinh") -> date | None:
        born = self.day(column, required=True)
        if born is None:
            return None
        if born > on:
            self.fail(column, "birth_date_in_future", born=f"{born:%d/%m/%Y}", on=f"{on:%d/%m/%Y}")
        elif age_on(born, on) < ADULT_AGE:
            self.fail(column, "too_young", born=f"{born:%d/%m/%Y}", on=f"{on:%d/%m/%Y}")
        return born

    def duplicate(self, seen: dict[tuple[str, date], int], name: str, born: date | None) -> None:
        """Record the person; flag this row when the same name and birth date came earlier."""
        if not name or born is None:
            return
        key = (name_key(name), born)
        first = seen.setdefault(key, self.number)
        if first != self.number:
            self.fail(
                "Họ và tên",
                "duplicate_person",
                name=name,
                born=f"{born:%d/%m/%Y}",
                first=first,
                row=self.number,
            )


def _template_sheet(workbook: Workbook, title: str, columns: Sequence[Column]) -> None:
    sheet = workbook.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = title
    sheet.append([c.header for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        dimension = sheet.column_dimensions[letter]
        dimension.width = column.width
        if column.is_date:
            dimension.number_format = "DD/MM/YYYY"
        if column.choices:
            labels = ",".join(label for label, _ in column.choices)
            validation = DataValidation(
                type="list",
                formula1=f'"{labels}"',
                allow_blank=not column.required,
                showErrorMessage=True,
                errorTitle=column.header,
                error=words(
                    IMPORT_PROBLEMS, "only_choices", {"allowed": labels.replace(",", ", ")}, "vi"
                ),
            )
            sheet.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")


def _help_sheet(workbook: Workbook, intro: Sequence[str], columns: Sequence[Column]) -> None:
    sheet = workbook.create_sheet("Hướng dẫn")
    for line in intro:
        sheet.append([line])
    sheet.append([])
    sheet.append(["Cột", "Bắt buộc", "Cách ghi"])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for column in columns:
        sheet.append([column.header, "Có" if column.required else "", column.help_vi])
    for letter, width in (("A", 26), ("B", 10), ("C", 90)):
        sheet.column_dimensions[letter].width = width


def build_template(title: str, columns: Sequence[Column], intro: Sequence[str]) -> bytes:
    """A workbook with the data sheet `title` (headers, widths, lists) and a "Hướng dẫn" sheet."""
    workbook = Workbook()
    _template_sheet(workbook, title, columns)
    _help_sheet(workbook, intro, columns)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
