"""The delegate register from .xlsx: a template, and parsing with a problem per row and column.

Nothing here writes: `parse_register` returns the rows and every problem; the application
stores the rows only when there is none (all-or-nothing). The workbook reader, the header
finder and the cell checks (`daihoi.imports.workbook`) are shared with the candidate list.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from daihoi.core.codes import Origin, Standing
from daihoi.core.composition import age_on
from daihoi.core.vi.text import nfc
from daihoi.imports.workbook import (
    ADULT_AGE,
    GENDER,
    YES_NO,
    Column,
    RowProblem,
    RowReader,
    build_template,
    locate,
    name_key,
    read_table,
    today_in_vietnam,
)

KIND = (
    ("Đương nhiên", Origin.EX_OFFICIO.value),
    ("Được bầu", Origin.ELECTED.value),
    ("Chỉ định", Origin.APPOINTED.value),
)
#: stored as the canonical label, whatever the case or marks typed
THEORY = tuple((label, label) for label in ("Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân"))
STANDING = (("Chính thức", Standing.OFFICIAL.value), ("Dự khuyết", Standing.ALTERNATE.value))

REGISTER_COLUMNS = (
    Column("STT", "Số thứ tự (không bắt buộc, chương trình không dùng).", 6),
    Column(
        "Họ và tên",
        "Họ và tên đầy đủ, có dấu, ví dụ: Nguyễn Thị Hằng.",
        28,
        required=True,
        max_length=120,
    ),
    Column(
        "Ngày sinh",
        "Ngày/tháng/năm, ví dụ 07/06/1970 (hoặc ô kiểu ngày). Phải đủ 18 tuổi tại ngày đại hội.",
        12,
        required=True,
        is_date=True,
    ),
    Column("Giới tính", "Nam hoặc Nữ.", 10, required=True, choices=GENDER),
    Column("Dân tộc", "Để trống được hiểu là Kinh.", 10, max_length=40),
    Column("Trình độ chuyên môn", "Ví dụ: Đại học, Thạc sĩ, Tiến sĩ.", 20, max_length=80),
    Column(
        "Lý luận chính trị",
        "Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân; có thể để trống.",
        16,
        choices=THEORY,
    ),
    Column(
        "Ngày vào Đảng",
        "Ngày/tháng/năm; không trước ngày đủ 18 tuổi, không sau ngày đại hội.",
        14,
        is_date=True,
    ),
    Column("Chức vụ", "Chức vụ hiện tại.", 30, max_length=200),
    Column("Đơn vị", "Đảng bộ, chi bộ trực thuộc nơi đại biểu sinh hoạt.", 30, max_length=200),
    Column(
        "Loại đại biểu",
        "Đương nhiên (ủy viên BCH khóa đương nhiệm), Được bầu hoặc Chỉ định.",
        14,
        required=True,
        choices=KIND,
    ),
    Column("Ủy viên BCH khóa trước", "Có hoặc Không; để trống là Không.", 12, choices=YES_NO),
    Column(
        "Chính thức/Dự khuyết",
        "Chính thức hoặc Dự khuyết; để trống là Chính thức. Dự khuyết chỉ dự khi thay người.",
        14,
        choices=STANDING,
    ),
    Column("Đoàn đại biểu", "In trên thẻ đại biểu; để trống thì in đơn vị.", 24, max_length=200),
    Column("Chỗ ngồi", "Ví dụ: A-12; in trên thẻ đại biểu.", 10, max_length=20),
    Column(
        "Nhóm chức vụ",
        "Ví dụ: Bí thư cấp ủy cơ sở; dùng cho báo cáo thẩm tra tư cách.",
        24,
        max_length=80,
    ),
)
COLUMNS = tuple(c.header for c in REGISTER_COLUMNS)
REQUIRED = tuple(c.header for c in REGISTER_COLUMNS if c.required)


@dataclass(frozen=True)
class DelegateRow:
    """One delegate as read from the workbook; `row` is the spreadsheet's row number."""

    row: int
    full_name: str
    birth_date: date
    gender: str  # a Gender
    ethnicity: str
    education: str
    political_theory: str
    party_joined_on: date | None
    position: str
    unit: str
    kind: str  # an Origin
    incumbent: bool
    standing: str = Standing.OFFICIAL.value
    delegation: str = ""
    seat: str = ""
    position_group: str = ""


def register_template() -> bytes:
    """The register workbook the organiser fills: sheet "Danh sách đại biểu" and a help sheet."""
    return build_template(
        "Danh sách đại biểu",
        REGISTER_COLUMNS,
        (
            "DANH SÁCH ĐẠI BIỂU: mỗi dòng một đại biểu, bắt đầu từ dòng 2 của trang đầu tiên.",
            "Các cột bắt buộc: " + ", ".join(REQUIRED) + ".",
            (
                "Ngày ghi dạng ngày/tháng/năm (07/06/1970), năm-tháng-ngày (1970-06-07) "
                "hoặc dùng ô kiểu ngày của Excel."
            ),
            "Tệp có lỗi sẽ không được lưu dòng nào; chương trình chỉ rõ dòng và cột cần sửa.",
        ),
    )


def _delegate(
    reader: RowReader, on: date, units: Mapping[str, str] | None, seen: dict[tuple[str, date], int]
) -> DelegateRow | None:
    """One register row checked column by column; None when it has an error."""
    name = reader.name()
    checked = len(reader.problems)
    born = reader.birth_date(on)
    # a party date is compared with a birth date only when that one is believable
    believable = born if len(reader.problems) == checked else None
    gender = reader.choice("Giới tính", GENDER, required=True)
    theory = reader.choice("Lý luận chính trị", THEORY, required=False)
    joined = reader.day("Ngày vào Đảng", required=False)
    if joined is not None and believable is not None and age_on(believable, joined) < ADULT_AGE:
        reader.fail(
            "Ngày vào Đảng",
            "impossible_party_date",
            joined=f"{joined:%d/%m/%Y}",
            born=f"{believable:%d/%m/%Y}",
        )
    elif joined is not None and joined > on:
        reader.fail(
            "Ngày vào Đảng",
            "party_date_after_congress",
            joined=f"{joined:%d/%m/%Y}",
            on=f"{on:%d/%m/%Y}",
        )
    unit = reader.text("Đơn vị")
    if units is not None and unit:
        known = units.get(name_key(unit))
        if known is None:
            reader.fail("Đơn vị", "unknown_unit", unit=unit)
        else:
            unit = known
    kind = reader.choice("Loại đại biểu", KIND, required=True)
    incumbent = reader.choice("Ủy viên BCH khóa trước", YES_NO, required=False) == "yes"
    reader.duplicate(seen, name, born)
    if reader.has_error or born is None:
        return None
    return DelegateRow(
        row=reader.number,
        full_name=name,
        birth_date=born,
        gender=gender,
        ethnicity=reader.text("Dân tộc") or "Kinh",
        education=reader.text("Trình độ chuyên môn"),
        political_theory=theory,
        party_joined_on=joined,
        position=reader.text("Chức vụ"),
        unit=unit,
        kind=kind,
        incumbent=incumbent,
        standing=reader.choice("Chính thức/Dự khuyết", STANDING, required=False)
        or Standing.OFFICIAL.value,
        delegation=reader.text("Đoàn đại biểu"),
        seat=reader.text("Chỗ ngồi"),
        position_group=reader.text("Nhóm chức vụ"),
    )


def parse_register(
    data: bytes, *, valid_units: Collection[str] | None = None, on: date | None = None
) -> tuple[list[DelegateRow], list[RowProblem]]:
    """Every delegate row without an error, and every problem, in the file's order.

    `on` is the congress's opening day (ages are measured on it); today in Vietnam if None.
    With `valid_units`, a non-empty Đơn vị must be one of them (compared by NFC and case) and
    comes out spelt as given there. Never raises for bad input: an unreadable file is one
    problem at row 0.
    """
    table, unreadable = read_table(data)
    if unreadable is not None:
        return [], [unreadable]
    sheet, problems = locate(table, REGISTER_COLUMNS)
    if sheet is None or problems:
        return [], problems
    day = on if on is not None else today_in_vietnam()
    units = {name_key(u): nfc(u) for u in valid_units} if valid_units is not None else None
    rows: list[DelegateRow] = []
    seen: dict[tuple[str, date], int] = {}
    for number, values in sheet.rows:
        reader = RowReader(sheet, number, values)
        delegate = _delegate(reader, day, units, seen)
        problems += reader.problems
        if delegate is not None:
            rows.append(delegate)
    return rows, problems
