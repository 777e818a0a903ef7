"""The delegate register from .xlsx: a template, and parsing with a problem per row and column.

Nothing here writes: `parse_register` returns the rows and every problem; the application
stores the rows only when there is none (all-or-nothing).
"""

import io
import unicodedata
import zipfile
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from daihoi.core.composition import age_on
from daihoi.core.vi.text import nfc

COLUMNS = (
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Dân tộc",
    "Trình độ chuyên môn",
    "Lý luận chính trị",
    "Ngày vào Đảng",
    "Chức vụ",
    "Đơn vị",
    "Loại đại biểu",
    "Ủy viên BCH khóa trước",
)
REQUIRED = ("Họ và tên", "Ngày sinh", "Giới tính", "Loại đại biểu")
GENDERS = {"nam": "male", "nữ": "female"}
KINDS = {"đương nhiên": "ex_officio", "được bầu": "elected", "chỉ định": "appointed"}
THEORY = ("Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân")
YES_NO = {"có": True, "không": False, "": False}


@dataclass(frozen=True)
class DelegateRow:
    """One delegate as read from the workbook; `row` is the spreadsheet's row number."""

    row: int
    full_name: str
    birth_date: date
    gender: str
    ethnicity: str
    education: str
    political_theory: str
    party_joined_on: date | None
    position: str
    unit: str
    kind: str
    incumbent: bool


@dataclass(frozen=True)
class RowProblem:
    """A fault at a row and column, in Vietnamese and English."""

    row: int
    column: str
    code: str
    message_vi: str
    message_en: str


def _key(text: object) -> str:
    return unicodedata.normalize("NFC", " ".join(str(text or "").split())).casefold()


def register_template() -> bytes:
    """The workbook the organiser fills: headers, widths, drop-down lists, a help sheet."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = "Danh sách đại biểu"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = (6, 28, 12, 10, 10, 22, 16, 14, 30, 30, 14, 12)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for column, values in (
        ("D", ["Nam", "Nữ"]),
        ("G", list(THEORY)),
        ("K", ["Đương nhiên", "Được bầu", "Chỉ định"]),
        ("L", ["Có", "Không"]),
    ):
        validation = DataValidation(type="list", formula1='"' + ",".join(values) + '"')
        sheet.add_data_validation(validation)
        validation.add(f"{column}2:{column}2000")
    for column in ("C", "H"):
        for row in range(2, 2001):
            sheet[f"{column}{row}"].number_format = "DD/MM/YYYY"
    help_sheet = workbook.create_sheet("Hướng dẫn")
    for line in (
        "Mỗi dòng một đại biểu. Các cột bắt buộc: Họ và tên, Ngày sinh, Giới tính, Loại đại biểu.",
        "Ngày ghi dạng ngày/tháng/năm (07/06/1970) hoặc dùng ô kiểu ngày của Excel.",
        "Giới tính: Nam hoặc Nữ. Loại đại biểu: Đương nhiên, Được bầu hoặc Chỉ định.",
        "Dân tộc để trống được hiểu là Kinh. Ủy viên BCH khóa trước: Có hoặc Không.",
        "Tệp có lỗi sẽ không được lưu dòng nào; chương trình chỉ rõ dòng và cột cần sửa.",
    ):
        help_sheet.append([line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class _Rows:
    """Collects problems while reading rows."""

    def __init__(self) -> None:
        self.problems: list[RowProblem] = []

    def fail(self, row: int, column: str, code: str, vi: str, en: str) -> None:
        self.problems.append(
            RowProblem(
                row,
                column,
                code,
                f"Dòng {row}, cột {column}: {vi}",
                f"Row {row}, column {column}: {en}",
            )
        )

    def day(self, value: object, row: int, column: str) -> date | None:
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = str(value).strip()
        try:
            if "/" in text:
                day, month, year = (int(part) for part in text.split("/"))
                return date(year, month, day)
            return date.fromisoformat(text)
        except ValueError:
            self.fail(
                row,
                column,
                "impossible_date",
                f"ngày không hợp lệ «{text}»",
                f"impossible date «{text}»",
            )
            return None

    def choice(self, value: object, row: int, column: str, allowed: dict[str, str]) -> str | None:
        key = _key(value)
        if key in allowed:
            return allowed[key]
        names = ", ".join(name.capitalize() for name in allowed)
        self.fail(
            row,
            column,
            "unknown_value",
            f"giá trị «{value}» không hợp lệ (chỉ nhận: {names})",
            f"unknown value «{value}» (allowed: {names})",
        )
        return None


def locate_header(
    table: list[tuple[object, ...]], reader: _Rows
) -> tuple[int, dict[str, int]] | None:
    """The header row (the first holding "Họ và tên") and each header's column index."""
    header_at = next(
        (i for i, row in enumerate(table) if _key("Họ và tên") in {_key(c) for c in row}), None
    )
    if header_at is None:
        reader.fail(
            1,
            "Họ và tên",
            "missing_column",
            "không tìm thấy dòng tiêu đề có cột này",
            "no header row with this column",
        )
        return None
    return header_at, {_key(c): i for i, c in enumerate(table[header_at]) if c is not None}


def cell_of(header: dict[str, int], values: tuple[object, ...], column: str) -> object:
    """The value under `column` in a row, or None when the column or the cell is absent."""
    index = header.get(_key(column))
    return values[index] if index is not None and index < len(values) else None


def is_blank(values: tuple[object, ...]) -> bool:
    return all(v is None or str(v).strip() == "" for v in values)


def _open(data: bytes) -> tuple[list[tuple[object, ...]], list[RowProblem]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        problem = RowProblem(
            0,
            "",
            "not_xlsx",
            "Tệp không phải Excel (.xlsx) đọc được.",
            "The file is not a readable Excel workbook (.xlsx).",
        )
        return [], [problem]
    sheet = workbook.worksheets[0]
    return [tuple(row) for row in sheet.iter_rows(values_only=True)], []


def parse_register(  # noqa: C901, PLR0912 - one check per column, in column order
    data: bytes, *, valid_units: Collection[str] | None = None, on: date | None = None
) -> tuple[list[DelegateRow], list[RowProblem]]:
    """Every delegate row and every problem; rows with a problem are not returned."""
    table, problems = _open(data)
    if problems:
        return [], problems
    reader = _Rows()
    located = locate_header(table, reader)
    if located is None:
        return [], reader.problems
    header_at, header = located
    for column in REQUIRED:
        if _key(column) not in header:
            reader.fail(
                header_at + 1,
                column,
                "missing_column",
                "thiếu cột bắt buộc",
                "required column missing",
            )
    if reader.problems:
        return [], reader.problems
    units = {_key(u) for u in valid_units} if valid_units is not None else None
    rows: list[DelegateRow] = []
    seen: dict[tuple[str, date], int] = {}
    for offset, values in enumerate(table[header_at + 1 :], start=header_at + 2):

        def cell(column: str, values: tuple[object, ...] = values) -> object:
            return cell_of(header, values, column)

        if is_blank(values):
            continue
        before = len(reader.problems)
        name = nfc(str(cell("Họ và tên") or ""))
        if not name:
            reader.fail(offset, "Họ và tên", "missing_name", "thiếu họ và tên", "name missing")
        born = reader.day(cell("Ngày sinh"), offset, "Ngày sinh")
        if born is None and cell("Ngày sinh") in (None, ""):
            reader.fail(offset, "Ngày sinh", "missing_date", "thiếu ngày sinh", "date missing")
        joined = reader.day(cell("Ngày vào Đảng"), offset, "Ngày vào Đảng")
        if born is not None and on is not None:
            if born > on or age_on(born, on) < 18:
                reader.fail(
                    offset,
                    "Ngày sinh",
                    "too_young",
                    "chưa đủ 18 tuổi tại ngày đại hội",
                    "under 18 on the congress date",
                )
            if joined is not None and (age_on(born, joined) < 18 or joined > on):
                reader.fail(
                    offset,
                    "Ngày vào Đảng",
                    "impossible_party_date",
                    "ngày vào Đảng trước khi đủ 18 tuổi hoặc sau ngày đại hội",
                    "joined the Party before 18 or after the congress date",
                )
        gender = reader.choice(cell("Giới tính"), offset, "Giới tính", GENDERS)
        kind = reader.choice(cell("Loại đại biểu"), offset, "Loại đại biểu", KINDS)
        theory = nfc(str(cell("Lý luận chính trị") or ""))
        if theory and _key(theory) not in {_key(t) for t in THEORY}:
            reader.fail(
                offset,
                "Lý luận chính trị",
                "unknown_value",
                f"giá trị «{theory}» không hợp lệ (chỉ nhận: {', '.join(THEORY)})",
                f"unknown value «{theory}» (allowed: {', '.join(THEORY)})",
            )
        incumbent_text = _key(cell("Ủy viên BCH khóa trước"))
        incumbent = YES_NO.get(incumbent_text)
        if incumbent is None:
            reader.fail(
                offset,
                "Ủy viên BCH khóa trước",
                "unknown_value",
                f"giá trị «{incumbent_text}» không hợp lệ (Có/Không)",
                f"unknown value «{incumbent_text}» (Có/Không)",
            )
        unit = nfc(str(cell("Đơn vị") or ""))
        if units is not None and _key(unit) not in units:
            reader.fail(
                offset,
                "Đơn vị",
                "unknown_unit",
                f"đơn vị «{unit}» không có trong danh mục",
                f"unknown unit «{unit}»",
            )
        if name and born is not None:
            first = seen.get((name, born))
            if first is not None:
                reader.fail(
                    offset,
                    "Họ và tên",
                    "duplicate_person",
                    f"trùng với dòng {first} (cùng họ tên và ngày sinh)",
                    f"same person as row {first} (same name and birth date)",
                )
            seen.setdefault((name, born), offset)
        if len(reader.problems) > before or born is None or gender is None or kind is None:
            continue
        rows.append(
            DelegateRow(
                row=offset,
                full_name=name,
                birth_date=born,
                gender=gender,
                ethnicity=nfc(str(cell("Dân tộc") or "")) or "Kinh",
                education=nfc(str(cell("Trình độ chuyên môn") or "")),
                political_theory=theory,
                party_joined_on=joined,
                position=nfc(str(cell("Chức vụ") or "")),
                unit=unit,
                kind=kind,
                incumbent=bool(incumbent),
            )
        )
    return rows, reader.problems
