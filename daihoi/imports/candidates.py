"""An election's candidate list from .xlsx, matched against the delegate register.

The list may hold members who are not delegates (candidacy filed with the organisation
department, R5); those who are delegates are matched by name (NFC, case) and date of birth.
Nothing here writes or sorts: the rows come back in the file's order (the ballot order is R7's).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from daihoi.imports.register import DelegateRow
from daihoi.imports.workbook import (
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

CANDIDATE_COLUMNS = (
    Column("STT", "Số thứ tự (không bắt buộc; thứ tự trên phiếu do chương trình xếp).", 6),
    Column(
        "Họ và tên",
        "Họ và tên đầy đủ, có dấu, ví dụ: Nguyễn Thị Hằng.",
        28,
        required=True,
        max_length=120,
    ),
    Column(
        "Ngày sinh",
        "Ngày/tháng/năm, ví dụ 07/06/1970 (hoặc ô kiểu ngày). Dùng để đối chiếu với danh sách "
        "đại biểu.",
        12,
        required=True,
        is_date=True,
    ),
    Column("Giới tính", "Nam hoặc Nữ.", 10, required=True, choices=GENDER),
    Column("Dân tộc", "Để trống được hiểu là Kinh.", 10, max_length=40),
    Column("Ủy viên khóa trước", "Có hoặc Không; để trống là Không.", 12, choices=YES_NO),
)
COLUMNS = tuple(c.header for c in CANDIDATE_COLUMNS)
REQUIRED = tuple(c.header for c in CANDIDATE_COLUMNS if c.required)


@dataclass(frozen=True)
class CandidateRow:
    """One name of the list; `register_row` is the delegate's row in the register, if any."""

    row: int
    full_name: str
    birth_date: date
    gender: str  # a Gender
    ethnicity: str
    incumbent: bool
    register_row: int | None


def candidates_template() -> bytes:
    """The list workbook: sheet "Danh sách bầu cử" and a help sheet."""
    return build_template(
        "Danh sách bầu cử",
        CANDIDATE_COLUMNS,
        (
            "DANH SÁCH BẦU CỬ: mỗi dòng một người, bắt đầu từ dòng 2 của trang đầu tiên.",
            "Các cột bắt buộc: " + ", ".join(REQUIRED) + ".",
            "Người là đại biểu được nhận ra theo họ tên và ngày sinh trong danh sách đại biểu.",
            "Tệp có lỗi sẽ không được lưu dòng nào; chương trình chỉ rõ dòng và cột cần sửa.",
        ),
    )


def _register_check(
    reader: RowReader,
    name: str,
    born: date | None,
    by_person: dict[tuple[str, date], int],
    by_name: dict[str, list[DelegateRow]],
) -> int | None:
    """The register row of this person; a warning when only the name is in the register."""
    if not name or born is None:
        return None
    found = by_person.get((name_key(name), born))
    if found is not None:
        return found
    namesakes = by_name.get(name_key(name), [])
    if namesakes:
        reader.fail(
            "Ngày sinh",
            "birth_date_differs_from_register",
            warning=True,
            name=name,
            dates=", ".join(f"{d.birth_date:%d/%m/%Y}" for d in namesakes),
            rows=", ".join(str(d.row) for d in namesakes),
            born=f"{born:%d/%m/%Y}",
        )
    return None


def parse_candidates(
    data: bytes, *, register: Sequence[DelegateRow] | None = None, on: date | None = None
) -> tuple[list[CandidateRow], list[RowProblem]]:
    """Every candidate row without an error, and every problem, in the file's order.

    With `register`, a candidate with a delegate's name and birth date gets that delegate's
    `register_row`; a delegate's name with another birth date is a warning (the row is kept,
    unmatched). `on` is the day ages are measured on (today in Vietnam if None).
    """
    table, unreadable = read_table(data)
    if unreadable is not None:
        return [], [unreadable]
    sheet, problems = locate(table, CANDIDATE_COLUMNS)
    if sheet is None or problems:
        return [], problems
    day = on if on is not None else today_in_vietnam()
    by_person: dict[tuple[str, date], int] = {}
    by_name: dict[str, list[DelegateRow]] = {}
    for delegate in register or ():
        by_person.setdefault((name_key(delegate.full_name), delegate.birth_date), delegate.row)
        by_name.setdefault(name_key(delegate.full_name), []).append(delegate)
    rows: list[CandidateRow] = []
    seen: dict[tuple[str, date], int] = {}
    for number, values in sheet.rows:
        reader = RowReader(sheet, number, values)
        name = reader.name()
        born = reader.birth_date(day)
        gender = reader.choice("Giới tính", GENDER, required=True)
        incumbent = reader.choice("Ủy viên khóa trước", YES_NO, required=False) == "yes"
        reader.duplicate(seen, name, born)
        register_row = _register_check(reader, name, born, by_person, by_name)
        problems += reader.problems
        if reader.has_error or born is None:
            continue
        rows.append(
            CandidateRow(
                row=number,
                full_name=name,
                birth_date=born,
                gender=gender,
                ethnicity=reader.text("Dân tộc") or "Kinh",
                incumbent=incumbent,
                register_row=register_row,
            )
        )
    return rows, problems
