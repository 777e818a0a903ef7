"""The certified result as a workbook: candidates in ballot order, the elected, the figures.

Numbers are real numbers in the cells (the percentage as a fraction formatted 0.00%), so that a
reader can check every figure with the spreadsheet itself; the text cells are Vietnamese.
"""

import io
from collections.abc import Mapping
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from daihoi.labels import BODIES, INVALID_REASONS


def results_workbook(document: Mapping[str, Any], *, title: str, sha256: str, body: str) -> bytes:
    """A .xlsx of a result document (daihoi.result/1)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = "Kết quả"
    bold = Font(bold=True)
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([f"Bầu {BODIES.get(body, (body, body))[0]}"])
    sheet.append([])
    figures = document["ballots"]
    rows = [
        ("Cơ sở tính kết quả", document["base"]),
        ("Số phiếu cần đạt (quá một nửa)", document["votes_needed"]),
        ("Số phiếu phát ra", figures["issued"]),
        ("Số phiếu thu vào", figures["collected"]),
        ("Số phiếu hợp lệ", figures["valid"]),
        ("Số phiếu không hợp lệ", figures["invalid"]),
    ]
    rows += [
        (f"  {INVALID_REASONS.get(code, (code, code))[0]}", n)
        for code, n in figures["invalid_by_reason"].items()
    ]
    for label, value in rows:
        sheet.append([label, value])
    sheet.append([])
    header = ["STT", "Họ và tên", "Số phiếu", "Tỷ lệ (so với cơ sở)", "Trúng cử"]
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    elected = set(document["elected"])
    alternates = set(document["elected_alternates"])
    base = document["base"]
    for number, c in enumerate(document["candidates"], start=1):
        status = (
            "chính thức" if c["id"] in elected else "dự khuyết" if c["id"] in alternates else ""
        )
        sheet.append([number, c["name"], c["votes"], c["votes"] / base if base else None, status])
        sheet.cell(row=sheet.max_row, column=4).number_format = "0.00%"
        if status:
            for cell in sheet[sheet.max_row]:
                cell.font = bold
    sheet.append([])
    sheet.append(["Dấu vân tay tệp bầu cử (SHA-256)", sha256])
    for column, width in zip(range(1, 6), (34, 32, 10, 20, 12), strict=True):
        sheet.column_dimensions[get_column_letter(column)].width = width
    settings = workbook.create_sheet("Áp dụng")
    settings.append(["Tùy chọn", "Giá trị"])
    for name, value in document["settings"].items():
        settings.append([name, str(value)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
