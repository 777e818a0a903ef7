"""The delegate register: its template, and reading it as offices write it.

Nothing here writes: `read_register` returns the rows, every problem, the columns, the rows set
aside and the date columns in question; the application stores the rows only when no problem
is an error (all-or-nothing). Finding the lists and their columns is `daihoi.imports.lists`.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from daihoi.core.codes import Origin, Standing
from daihoi.core.composition import age_on
from daihoi.core.vi.spelling import spell_name
from daihoi.core.vi.text import nfc
from daihoi.imports import meaning
from daihoi.imports.dates import ADULT_AGE, parse_year
from daihoi.imports.lists import YEAR_ONLY, find_lists, readers
from daihoi.imports.reading import Reading
from daihoi.imports.workbook import (
    GENDER,
    YES_NO,
    Column,
    RowProblem,
    RowReader,
    build_template,
    file_problem,
    name_key,
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
        "Đương nhiên (ủy viên BCH khóa đương nhiệm), Được bầu hoặc Chỉ định; để trống khi "
        "danh sách không ghi (báo cáo thẩm tra tính vào «chưa rõ»).",
        14,
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
    Column(
        "Ngày vào Đảng chính thức",
        "Ngày được công nhận đảng viên chính thức; có thể để trống.",
        14,
        is_date=True,
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
    sheet: str = ""
    party_official_on: date | None = None
    birth_year_only: bool = False  # only the year was written: stored as 1 January


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


def _born(reader: RowReader) -> tuple[date | None, bool]:
    """The birth date, and whether only its year was written (in a "Năm sinh" column)."""
    value = reader.raw(meaning.BORN)
    if reader.cells.get("\x1fboth"):
        reader.fail(meaning.BORN, "born_under_both", columns=reader.cells["\x1fboth"])
        return None, False
    if reader.cells.get(YEAR_ONLY) and (year := parse_year(value)) is not None:
        return reader.birth_date(date(year, 1, 1), meaning.BORN), True
    born = reader.day(meaning.BORN, required=True, birth=True)
    return reader.birth_date(born, meaning.BORN), False


def _party_dates(reader: RowReader, believable: date | None) -> tuple[date | None, date | None]:
    """The day of joining and of becoming an official member, checked against birth and `on`."""
    on = reader.on
    dates = []
    for field in (meaning.JOINED, meaning.OFFICIAL):
        day = reader.day(field, required=False)
        if day is not None and believable is not None and age_on(believable, day) < ADULT_AGE:
            reader.fail(
                field,
                "impossible_party_date",
                joined=f"{day:%d/%m/%Y}",
                born=f"{believable:%d/%m/%Y}",
            )
        elif day is not None and day > on:
            reader.fail(
                field, "party_date_after_congress", joined=f"{day:%d/%m/%Y}", on=f"{on:%d/%m/%Y}"
            )
        dates.append(day)
    joined, official = dates
    if joined is not None and official is not None and official < joined:
        reader.fail(
            meaning.OFFICIAL,
            "official_before_joining",
            official=f"{official:%d/%m/%Y}",
            joined=f"{joined:%d/%m/%Y}",
        )
    return joined, official


def _unit(reader: RowReader, units: Mapping[str, str] | None) -> str:
    unit = reader.text("Đơn vị")
    if units is not None and unit:
        known = units.get(name_key(unit))
        if known is None:
            reader.fail("Đơn vị", "unknown_unit", unit=unit)
            return ""
        return known
    return unit


def _delegate(
    reader: RowReader,
    units: Mapping[str, str] | None,
    seen: dict[tuple[str, date], tuple[str, int]],
    name_style: str,
) -> DelegateRow | None:
    """One register row checked column by column; None when it has an error."""
    name = reader.name()
    checked = len(reader.problems)
    born, year_only = _born(reader)
    # a party date is compared with a birth date only when that one is believable (and known)
    believable = born if len(reader.problems) == checked and not year_only else None
    gender = reader.choice("Giới tính", GENDER, required=True, shorthand=meaning.GENDER_WORDS)
    theory = _theory(reader)
    joined, official = _party_dates(reader, believable)
    unit = _unit(reader, units)
    kind = reader.choice("Loại đại biểu", KIND, required=False, shorthand=meaning.KIND_WORDS)
    incumbent = (
        reader.choice("Ủy viên BCH khóa trước", YES_NO, required=False, shorthand=meaning.YES_WORDS)
        == "yes"
    )
    standing = reader.choice(
        "Chính thức/Dự khuyết", STANDING, required=False, shorthand=meaning.STANDING_WORDS
    )
    reader.duplicate(seen, name, born)
    if reader.has_error or born is None:
        return None
    return DelegateRow(
        row=reader.number,
        full_name=spell_name(name, name_style),
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
        standing=standing or Standing.OFFICIAL.value,
        delegation=reader.text("Đoàn đại biểu"),
        seat=reader.text("Chỗ ngồi"),
        position_group=reader.text("Nhóm chức vụ"),
        sheet=reader.place.sheet,
        party_official_on=official,
        birth_year_only=year_only,
    )


def _theory(reader: RowReader) -> str:
    """A theory level: one of the four, or its shorthand (CC, TC, SC, "Cử nhân CT")."""
    value = reader.raw("Lý luận chính trị")
    if value is None:
        return ""
    level = meaning.theory_of(value)
    if not level:
        return reader.choice("Lý luận chính trị", THEORY, required=False)
    return level


def read_register(
    data: bytes,
    *,
    on: date | None = None,
    valid_units: Collection[str] | None = None,
    date_orders: Mapping[str, str] | None = None,
    name_style: str = "old",
) -> Reading[DelegateRow]:
    """Every delegate row without an error, every problem, in the file's order, with the
    columns found, the rows set aside and the date columns whose order is in question.

    `on` is the congress's opening day (ages are measured on it); today in Vietnam if None.
    With `valid_units`, a non-empty Đơn vị must be one of them (compared by NFC and case) and
    comes out spelt as given there. `date_orders` holds the person's day/month choices by
    `reading.order_key(sheet, column)`. Never raises for bad input: an unreadable file is one
    problem at row 0.
    """
    found = find_lists(data, required=REQUIRED, chosen=date_orders)
    problems: list[RowProblem] = list(found.problems)
    day = on if on is not None else today_in_vietnam()
    units = {name_key(u): nfc(u) for u in valid_units} if valid_units is not None else None
    rows: list[DelegateRow] = []
    seen: dict[tuple[str, date], tuple[str, int]] = {}
    lengths = {c.header: c.max_length for c in REGISTER_COLUMNS if c.max_length}
    for reader in readers(found, on=day, lengths=lengths):
        delegate = _delegate(reader, units, seen, name_style)
        problems += reader.problems
        if delegate is not None:
            rows.append(delegate)
    if any(r.birth_year_only for r in rows):
        count = sum(r.birth_year_only for r in rows)
        problems.append(file_problem("birth_year_only", warning=True, count=count))
    return Reading(rows, problems, found.columns, found.skipped, found.date_orders)


def parse_register(
    data: bytes, *, valid_units: Collection[str] | None = None, on: date | None = None
) -> tuple[list[DelegateRow], list[RowProblem]]:
    """`read_register`'s rows and problems."""
    reading = read_register(data, on=on, valid_units=valid_units)
    return reading.rows, reading.problems
