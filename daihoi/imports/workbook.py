"""What every list an office keeps shares (the register, the candidate lists): the limits a
workbook is read within, problems placed at sheet, row and column in the catalogue's words, the
cell by cell checks of a row, and the template with its drop-downs.

Nothing here writes and nothing knows which list it reads: the columns come from the caller.
"""

import io
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from daihoi.core.codes import Gender
from daihoi.core.composition import age_on
from daihoi.core.vi.formatting import format_int
from daihoi.core.vi.spelling import match_key
from daihoi.core.vi.text import fold as fold_text
from daihoi.core.vi.text import nfc
from daihoi.imports.dates import ADULT_AGE, parse_date
from daihoi.imports.meaning import value_key
from daihoi.labels import IMPORT_PROBLEMS, words

#: Vietnam's civil time, for "today" when the caller gives no date (no DST, no tz database).
VIETNAM = timezone(timedelta(hours=7))


#: Rows of the template that carry drop-down lists.
TEMPLATE_ROWS = 3000


#: The header is looked for in this many rows from the top (titles often sit above it).
HEADER_SEARCH_ROWS = 30


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
    sheet: str = ""


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


def file_problem(code: str, *, warning: bool = False, **values: object) -> RowProblem:
    """A problem of the whole file (row 0), in the catalogue's words."""
    return RowProblem(
        0,
        "",
        code,
        words(IMPORT_PROBLEMS, code, values, "vi"),
        words(IMPORT_PROBLEMS, code, values, "en"),
        warning,
    )


@dataclass(frozen=True)
class Place:
    """Where a list was found, for the start of every message about it."""

    sheet: str = ""
    named: bool = False  # the workbook holds lists on several sheets: name the sheet

    def problem(
        self, row: int, column: str, code: str, /, *, warning: bool = False, **values: object
    ) -> RowProblem:
        """The problem `code` at `row` (0: the whole sheet) and `column` (a header as written)."""
        vi, en = (words(IMPORT_PROBLEMS, code, values, lang) for lang in ("vi", "en"))
        at_vi, at_en = [], []
        if self.named:
            at_vi.append(f"Trang «{self.sheet}»")
            at_en.append(f"Sheet «{self.sheet}»")
        if row:
            at_vi.append(f"dòng {row}" if at_vi else f"Dòng {row}")
            at_en.append(f"row {row}" if at_en else f"Row {row}")
        if column:
            at_vi.append(f"cột {column}" if at_vi else f"Cột {column}")
            at_en.append(f"column {column}" if at_en else f"Column {column}")
        prefix_vi = ", ".join(at_vi) + ": " if at_vi else ""
        prefix_en = ", ".join(at_en) + ": " if at_en else ""
        return RowProblem(row, column, code, prefix_vi + vi, prefix_en + en, warning, self.sheet)


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


@dataclass(frozen=True)
class Context:
    """What every row of one list is read with: where it is, the database's text lengths by
    field, the day/month order of each date column by label, the day ages are measured on."""

    place: Place
    on: date
    lengths: Mapping[str, int]
    orders: Mapping[str, str]


class RowReader:
    """Reads one row of a list field by field, recording a problem for each fault.

    `cells` holds the row's value of each field; `labels` the column each field was read from,
    as the file writes it (named in messages).
    """

    def __init__(
        self, context: "Context", number: int, cells: Mapping[str, Cell], labels: Mapping[str, str]
    ) -> None:
        self.place = context.place
        self.number = number
        self.cells = cells
        self.labels = labels
        self.lengths = context.lengths
        self.orders = context.orders
        self.on = context.on
        self.problems: list[RowProblem] = []

    @property
    def has_error(self) -> bool:
        return any(not p.warning for p in self.problems)

    def label(self, field: str) -> str:
        return self.labels.get(field, field)

    def fail(self, field: str, code: str, *, warning: bool = False, **values: object) -> None:
        """Record the problem `code` of the catalogue at this row and the column of `field`."""
        self.problems.append(
            self.place.problem(self.number, self.label(field), code, warning=warning, **values)
        )

    def raw(self, field: str) -> Cell:
        value = self.cells.get(field)
        return None if isinstance(value, str) and not value.strip() else value

    def text(self, field: str) -> str:
        """The cell as text: refused (and "") when it hides characters or outgrows its column."""
        value = self.raw(field)
        text = "" if value is None else show(value)
        hidden = next((c for c in text if c in HIDDEN or unicodedata.category(c) == "Cc"), None)
        if hidden is not None:
            self.fail(field, "hidden_character", character=f"U+{ord(hidden):04X}")
            return ""
        limit = self.lengths.get(field, 0)
        if limit and len(text) > limit:
            self.fail(field, "too_long", length=len(text), limit=limit)
            return ""
        return text

    def name(self, field: str = "Họ và tên") -> str:
        """A person's name: present, visible, and not something a spreadsheet would run."""
        checked = len(self.problems)
        name = self.text(field)
        if len(self.problems) > checked:
            return ""
        if name.startswith(FORMULA_START):
            self.fail(field, "formula_text", value=name)
            return ""
        if not name:
            self.fail(field, "missing_name")
        return name

    def day(self, field: str, *, required: bool, birth: bool = False) -> date | None:
        value = self.raw(field)
        if value is None:
            if required:
                self.fail(field, "missing_date")
            return None
        order = self.orders.get(self.label(field), "dmy")
        day = parse_date(value, order=order, on=self.on, birth=birth)
        if day is None:
            self.fail(field, "impossible_date", value=show(value))
        return day

    def choice(
        self,
        field: str,
        choices: Sequence[tuple[str, str]],
        *,
        required: bool,
        shorthand: Mapping[str, str] | None = None,
    ) -> str:
        """The stored value of the label in the cell; "" when empty or not allowed.

        `shorthand` maps further folded words offices write ("ĐN", "x") to stored values.
        """
        value = self.raw(field)
        allowed = ", ".join(label for label, _ in choices)
        if value is None:
            if required:
                self.fail(field, "missing_value", allowed=allowed)
            return ""
        found = {fold(label): stored for label, stored in choices}.get(fold(value))
        if found is None and shorthand is not None:
            found = shorthand.get(value_key(value))
        if found is None:
            self.fail(field, "unknown_value", value=show(value), allowed=allowed)
            return ""
        return found

    def birth_date(self, born: date | None, field: str = "Ngày sinh") -> date | None:
        """`born` checked against the day of the congress: not in the future, an adult."""
        if born is None:
            return None
        on = self.on
        if born > on:
            self.fail(field, "birth_date_in_future", born=f"{born:%d/%m/%Y}", on=f"{on:%d/%m/%Y}")
        elif age_on(born, on) < ADULT_AGE:
            self.fail(field, "too_young", born=f"{born:%d/%m/%Y}", on=f"{on:%d/%m/%Y}")
        return born

    def duplicate(
        self, seen: dict[tuple[str, date], tuple[str, int]], name: str, born: date | None
    ) -> None:
        """Record the person; flag this row when the same name and birth date came earlier."""
        if not name or born is None:
            return
        key = (match_key(name), born)
        first = seen.setdefault(key, (self.place.sheet, self.number))
        if first != (self.place.sheet, self.number):
            where = first[1] if first[0] == self.place.sheet else f"{first[1]} ({first[0]})"
            self.fail(
                "Họ và tên",
                "duplicate_person",
                name=name,
                born=f"{born:%d/%m/%Y}",
                first=where,
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
