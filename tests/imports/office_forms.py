"""Workbooks laid out as Party offices lay out their lists, built in memory with openpyxl: a title
block, a header of merged rows, column numbers, sections, a totals row and a signature block.
"""

from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from tests.imports.workbooks import CONGRESS, save

__all__ = ["CONGRESS", "TRICH_NGANG_HEADER", "Form", "trich_ngang"]

#: the two header rows of the "danh sách trích ngang" form: (row 1, row 2) per column; None in
#: row 2 is a cell merged down from row 1, "" in row 1 a parent merged across
TRICH_NGANG_HEADER: list[tuple[str | None, str | None]] = [
    ("STT", None),
    ("Họ và tên", None),
    ("Ngày, tháng, năm sinh", "Nam"),
    ("", "Nữ"),
    ("Dân tộc", None),
    ("Trình độ", "Chuyên môn, nghiệp vụ"),
    ("", "Lý luận chính trị"),
    ("Ngày vào Đảng", "Dự bị"),
    ("", "Chính thức"),
    ("Chức vụ, đơn vị công tác", None),
    ("Ghi chú", None),
]


class Form:
    """A sheet written row by row, remembering where each row went."""

    def __init__(self, book: Workbook | None = None, title: str = "Danh sách") -> None:
        self.book = book if book is not None else Workbook()
        if book is None:
            sheet = self.book.active
            assert sheet is not None
            sheet.title = title
            self.sheet: Worksheet = sheet
        else:
            self.sheet = self.book.create_sheet(title)

    @property
    def last(self) -> int:
        return self.sheet.max_row

    def line(self, *values: Any) -> int:
        """Append a row; its row number."""
        self.sheet.append(list(values))
        return self.last

    def section(self, text: str, width: int) -> int:
        """A section row: its text merged across the table."""
        number = self.line(text)
        self.sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)
        return number

    def title_block(self) -> None:
        self.line("ĐẢNG BỘ TỈNH X", None, None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM")
        self.line("BAN TỔ CHỨC", None, None, None, None, "Hà Nội, ngày 5 tháng 5 năm 2020")
        self.line()
        self.line("DANH SÁCH TRÍCH NGANG ĐẠI BIỂU DỰ ĐẠI HỘI")
        self.line()

    def two_row_header(self, header: Sequence[tuple[str | None, str | None]]) -> int:
        """The header in two rows with its merges; the first header row's number."""
        top = self.line(*(first or None for first, _ in header))
        self.line(*(second for _, second in header))
        column = 1
        while column <= len(header):
            _, second = header[column - 1]
            if second is None:
                self.sheet.merge_cells(
                    start_row=top, start_column=column, end_row=top + 1, end_column=column
                )
            else:
                span = column
                while span < len(header) and header[span][0] == "":
                    span += 1
                if span > column:
                    self.sheet.merge_cells(
                        start_row=top, start_column=column, end_row=top, end_column=span
                    )
            column += 1
        return top

    def strike(self, row: int, *columns: int) -> None:
        for column in columns:
            self.sheet.cell(row=row, column=column).font = Font(strike=True)

    def hide(self, row: int) -> None:
        self.sheet.row_dimensions[row].hidden = True

    def data(self) -> bytes:
        return save(self.book)


def trich_ngang() -> tuple[Form, dict[str, int]]:
    """A full trích ngang register: the rows' numbers by the person's short name."""
    form = Form()
    form.title_block()
    form.two_row_header(TRICH_NGANG_HEADER)
    form.line("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)")
    width = len(TRICH_NGANG_HEADER)
    rows: dict[str, int] = {}
    form.section("I. ĐẠI BIỂU ĐƯƠNG NHIÊN", width)
    rows["an"] = form.line(
        1, "Nguyễn Văn An", "12/03/1965", None, "Kinh", "Thạc sĩ", "CC", "03/02/1990",
        "03/02/1991", "Bí thư Đảng ủy, Đảng bộ phường Bình Hàn", None,
    )  # fmt: skip
    form.section("II. ĐẠI BIỂU ĐƯỢC BẦU", width)
    form.section("Đoàn đại biểu số 3 – Đảng bộ phường Cẩm Thượng", width)
    rows["hoa"] = form.line(
        2, "NGUYỄN THỊ HOÀ", None, "20/11/1978", "Tày", "Cử nhân", "Cử nhân CT", "19/05/2001",
        "19/05/2002", "Chủ tịch HĐND, Bí thư chi bộ", "Tôn giáo: không",
    )  # fmt: skip
    form.line()
    form.line("Tổng cộng: 2 đồng chí")
    form.line(None, None, None, None, None, "T/M BAN TỔ CHỨC")
    form.line(None, None, None, None, None, "Nguyễn Văn Ký")
    return form, rows
