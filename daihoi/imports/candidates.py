"""An election's candidate list from .xlsx, matched against the delegate register.

The list may hold members who are not delegates (candidacy filed with the organisation
department, R5); those who are delegates are matched by name and date of birth.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from daihoi.core.vi.text import nfc
from daihoi.imports.register import (
    GENDERS,
    YES_NO,
    DelegateRow,
    RowProblem,
    _key,
    _open,
    _Rows,
    cell_of,
    is_blank,
    locate_header,
)

COLUMNS = ("STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Ủy viên khóa trước")


@dataclass(frozen=True)
class CandidateRow:
    """One name of the list; `register_row` is the delegate's row in the register, if any."""

    row: int
    full_name: str
    birth_date: date
    gender: str
    ethnicity: str
    incumbent: bool
    register_row: int | None


def parse_candidates(
    data: bytes, *, register: Sequence[DelegateRow] | None = None
) -> tuple[list[CandidateRow], list[RowProblem]]:
    """Every candidate row and every problem, in the file's order (the ballot order is R7's)."""
    table, problems = _open(data)
    if problems:
        return [], problems
    reader = _Rows()
    located = locate_header(table, reader)
    if located is None:
        return [], reader.problems
    header_at, header = located
    by_name = {(r.full_name, r.birth_date): r.row for r in register or ()}
    names = {r.full_name for r in register or ()}
    rows: list[CandidateRow] = []
    seen: dict[tuple[str, date], int] = {}
    for number, values in enumerate(table[header_at + 1 :], start=header_at + 2):

        def cell(column: str, values: tuple[object, ...] = values) -> object:
            return cell_of(header, values, column)

        if is_blank(values):
            continue
        before = len(reader.problems)
        name = nfc(str(cell("Họ và tên") or ""))
        if not name:
            reader.fail(number, "Họ và tên", "missing_name", "thiếu họ và tên", "name missing")
        born = reader.day(cell("Ngày sinh"), number, "Ngày sinh")
        if born is None and cell("Ngày sinh") in (None, ""):
            reader.fail(number, "Ngày sinh", "missing_date", "thiếu ngày sinh", "date missing")
        gender = reader.choice(cell("Giới tính"), number, "Giới tính", GENDERS)
        incumbent = YES_NO.get(_key(cell("Ủy viên khóa trước")), False)
        if name and born is not None:
            if (name, born) in seen:
                reader.fail(
                    number,
                    "Họ và tên",
                    "duplicate_person",
                    f"trùng với dòng {seen[(name, born)]}",
                    f"same person as row {seen[(name, born)]}",
                )
            seen.setdefault((name, born), number)
            if (name, born) not in by_name and name in names:
                reader.fail(
                    number,
                    "Ngày sinh",
                    "birth_date_differs_from_register",
                    "ngày sinh khác với danh sách đại biểu",
                    "the date of birth differs from the register",
                )
        if len(reader.problems) > before or born is None or gender is None:
            continue
        rows.append(
            CandidateRow(
                row=number,
                full_name=name,
                birth_date=born,
                gender=gender,
                ethnicity=nfc(str(cell("Dân tộc") or "")) or "Kinh",
                incumbent=incumbent,
                register_row=by_name.get((name, born)),
            )
        )
    return rows, reader.problems
