"""The results workbook: numbers as numbers, words as text, printed A4 landscape (issue 10)."""

import io
from dataclasses import replace

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from daihoi.documents.workbook import results_workbook, workbook_title
from tests.documents.documents import SHA, counted


def sheets(data: bytes) -> list[Worksheet]:
    return list(load_workbook(io.BytesIO(data)).worksheets)


def test_printed_a4_landscape_one_page_wide_title_and_header_repeated() -> None:
    parsed, outcome = counted()
    for sheet in sheets(results_workbook(outcome, parsed.congress, sha256=SHA)):
        assert sheet.page_setup.orientation == "landscape"
        assert str(sheet.page_setup.paperSize) == "9"  # A4
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr is not None
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
    table = sheets(results_workbook(outcome, parsed.congress, sha256=SHA))[0]
    assert table.print_title_rows == "$1:$3"
    assert [c.value for c in table[3]] == ["STT", "Họ và tên", "Số phiếu", "Tỷ lệ", "Trúng cử"]


def test_percentages_are_numbers_in_a_vietnamese_format() -> None:
    parsed, outcome = counted()
    table = sheets(results_workbook(outcome, parsed.congress, sha256=SHA))[0]
    by_name = {row[1].value: row for row in table.iter_rows(min_row=4) if row[3].value is not None}
    quynh = by_name["Nghiêm Thanh Quỳnh"]  # 26 of 286
    assert abs(float(quynh[3].value) - 0.0909) < 1e-9
    assert quynh[3].number_format == "[$-42A]0.00%"
    assert quynh[2].value == 26


def test_the_title_says_the_congress_number_in_roman() -> None:
    parsed, outcome = counted()
    congress = replace(parsed.congress, title=None)
    assert workbook_title(congress, "delegates_congress") == (
        "Đại hội đại biểu Đảng bộ thành phố Hải Dương lần thứ XXIII, nhiệm kỳ 2020–2025"
    )
    first = sheets(results_workbook(outcome, congress, sha256=SHA))[0]["A1"].value
    assert "lần thứ XXIII" in str(first)
    assert "lần thứ 23" not in str(first)


def test_a_text_that_begins_like_a_formula_stays_text() -> None:
    """A title or name typed as "=…", "+…", "-…", "@…" is never run as a formula."""
    parsed, outcome = counted()
    for start in ("=", "+", "-", "@", "\t"):
        congress = replace(parsed.congress, title=f'{start}HYPERLINK("http://x","bấm")')
        data = results_workbook(outcome, congress, sha256=SHA)
        for sheet in sheets(data):
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (start, cell.coordinate, cell.value)
        assert sheets(data)[0]["A1"].value == f'{start}HYPERLINK("http://x","bấm")'


def test_a_count_that_cannot_stand_has_no_percentage_column() -> None:
    parsed, outcome = counted({"ballots_issued": 270})
    table = sheets(results_workbook(outcome, parsed.congress, sha256=SHA))[0]
    assert [c.value for c in table[3] if c.value] == ["STT", "Họ và tên", "Số phiếu"]
    words = " ".join(str(c.value) for row in table.iter_rows() for c in row if c.value)
    assert "Số phiếu thu vào (284) nhiều hơn số phiếu phát ra (270)" in words
