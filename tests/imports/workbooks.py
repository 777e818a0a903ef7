"""Workbooks as organisers fill them, built in memory with openpyxl: one set for every import test.

A title line above the header is the common habit (so the header is row 2 and the first delegate
row 3); `title=None` puts the header on row 1, as the template does.
"""

import io
import zipfile
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook

from daihoi.imports import candidates, register
from daihoi.imports.register import DelegateRow
from daihoi.imports.workbook import RowProblem

#: the congress day that ages and party dates are checked against
CONGRESS = date(2020, 6, 5)
REGISTER_TITLE = "DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI"
CANDIDATES_TITLE = "DANH SÁCH BẦU CỬ BAN CHẤP HÀNH"

#: one good register row, in register.COLUMNS order
GOOD: list[Any] = [
    1,
    "Nguyễn Thị Hằng",
    "07/06/1970",
    "Nữ",
    "Kinh",
    "Thạc sĩ",
    "Cao cấp",
    "15/03/1995",
    "Bí thư Đảng ủy",
    "Đảng bộ phường Bình Hàn",
    "Được bầu",
    "Không",
]
#: one good candidate row, in candidates.COLUMNS order: the register's first delegate
GOOD_CANDIDATE: list[Any] = [1, "Nguyễn Thị Hằng", "07/06/1970", "Nữ", "", "Có"]


def _registered(row: int, name: str, born: date, gender: str, kind: str) -> DelegateRow:
    blank = dict.fromkeys(("education", "political_theory", "position", "unit"), "")
    return DelegateRow(
        row, name, born, gender, "Kinh", **blank, party_joined_on=None, kind=kind, incumbent=False
    )


#: the register a candidate list is matched against (rows 3 and 9 of its workbook)
REGISTER = [
    _registered(3, "Nguyễn Thị Hằng", date(1970, 6, 7), "female", "elected"),
    _registered(9, "Trần Văn Đức", date(1965, 1, 2), "male", "ex_officio"),
]


def save(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def workbook(
    *rows: Sequence[Any],
    header: Sequence[Any] = register.COLUMNS,
    title: str | None = REGISTER_TITLE,
) -> bytes:
    """A register (or, with another header, any list): a title line, the header, the rows."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    if title is not None:
        sheet.append([title])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    return save(book)


def candidate_list(*rows: Sequence[Any], header: Sequence[Any] = candidates.COLUMNS) -> bytes:
    """An election's candidate list below its title line (header row 2)."""
    return workbook(*rows, header=header, title=CANDIDATES_TITLE)


def with_cell(column: str, value: Any, row: Sequence[Any] = GOOD) -> list[Any]:
    """`row` (a register row) with the cell under `column` changed."""
    changed = list(row)
    changed[register.COLUMNS.index(column)] = value
    return changed


def found(problems: list[RowProblem]) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.code) for p in problems]


def not_a_workbook_zip() -> bytes:
    """A zip archive, as an .xlsx is, that holds no workbook."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    return buffer.getvalue()


def with_first_sheet(data: bytes, edit: Callable[[str], str]) -> bytes:
    """The same workbook with its first sheet's XML passed through `edit`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = edit(content.decode()).encode()
            target.writestr(item, content)
    return out.getvalue()
