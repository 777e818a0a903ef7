"""Hostile workbooks: too many rows, absurd sizes, formulas and invisible characters in names, text
longer than the database column. Each is answered with a problem, never a crash or a long wait.
"""

import io
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from daihoi.core.vi.formatting import format_int
from daihoi.imports.candidates import CANDIDATE_COLUMNS, candidates_template, parse_candidates
from daihoi.imports.register import COLUMNS, REGISTER_COLUMNS, parse_register, register_template
from daihoi.imports.workbook import MAX_COLUMNS, MAX_ROWS, MAX_SHEET_ROWS
from tests.imports.workbooks import (
    CONGRESS,
    GOOD,
    found,
    save,
    with_cell,
    with_first_sheet,
    workbook,
)


def delegate(name: str, day: int = 1) -> list[Any]:
    return with_cell("Họ và tên", name, with_cell("Ngày sinh", f"{day % 28 + 1:02d}/06/1970"))


def codes(data: bytes) -> list[tuple[int, str, str]]:
    _, problems = parse_register(data, on=CONGRESS)
    return found(problems)


@pytest.mark.slow
def test_more_rows_than_a_congress_has_is_refused_naming_the_limit() -> None:
    rows = [delegate(f"Người Số {n}", n) for n in range(MAX_ROWS + 1)]
    data = workbook(*rows)
    rows_read, problems = parse_register(data, on=CONGRESS)
    assert rows_read == []
    assert [p.code for p in problems] == ["too_many_rows"]
    assert f"{MAX_ROWS:,}".replace(",", ".") in problems[0].message_vi


@pytest.mark.slow
def test_the_row_limit_itself_is_accepted() -> None:
    rows = [delegate(f"Người Số {n}", n) for n in range(MAX_ROWS)]
    # names repeat birth dates but not names: no duplicates
    rows_read, problems = parse_register(workbook(*rows), on=CONGRESS)
    assert problems == []
    assert len(rows_read) == MAX_ROWS


def sparse(rows: int, column: int = 16384) -> bytes:
    """A sheet of `rows` rows, each with one cell far to the right (the 0.5 MB probe)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(COLUMNS))
    for row in range(2, rows + 2):
        sheet.cell(row=row, column=column, value="x")
    return save(book)


@pytest.mark.slow
def test_200_000_sparse_rows_are_refused_without_reading_them_all() -> None:
    data = sparse(200_000)
    assert len(data) < 5 * 1024 * 1024
    _, problems = parse_register(data, on=CONGRESS)
    assert [p.code for p in problems] == ["sheet_too_large"]


def with_dimension(data: bytes, ref: str) -> bytes:
    """The same workbook with its first sheet's recorded size replaced by `ref`."""

    def declare(text: str) -> str:
        start = text.index("<dimension ref=")
        end = text.index("/>", start)
        return text[:start] + f'<dimension ref="{ref}"' + text[end:]

    return with_first_sheet(data, declare)


def test_an_absurd_declared_size_is_refused_naming_the_limit() -> None:
    data = with_dimension(workbook(GOOD), "A1:XFD1048576")
    _, problems = parse_register(data, on=CONGRESS)
    assert [p.code for p in problems] == ["sheet_too_large"]
    assert format_int(MAX_SHEET_ROWS) in problems[0].message_vi
    assert format_int(MAX_COLUMNS) in problems[0].message_vi


def test_a_tab_or_line_break_in_a_name_is_read_as_one_space() -> None:
    rows, problems = parse_register(workbook(delegate("Nguyễn\tVăn\nAn")), on=CONGRESS)
    assert problems == []
    assert rows[0].full_name == "Nguyễn Văn An"


def test_an_understated_declared_size_still_reads_every_row() -> None:
    data = with_dimension(workbook(GOOD, delegate("Trần Văn Ba")), "A1:B2")
    rows, problems = parse_register(data, on=CONGRESS)
    assert problems == []
    assert len(rows) == 2


@pytest.mark.slow
def test_a_huge_uncompressed_sheet_is_refused_before_parsing() -> None:
    """A zip bomb: a few kilobytes that expand to hundreds of megabytes of XML."""

    def inflate(text: str) -> str:
        at = text.index("</sheetData>")
        return text[:at] + " " * 200_000_000 + text[at:]

    _, problems = parse_register(with_first_sheet(workbook(GOOD), inflate), on=CONGRESS)
    assert [p.code for p in problems] == ["sheet_too_large"]


@pytest.mark.parametrize(
    "name",
    [
        "Nguyễn\u202eVăn",  # right-to-left override
        "Nguyễn\u2066Văn\u2069",  # isolates
        "Nguyễn\u200bVăn",  # zero-width space
        "Nguyễn Văn\ufeff",  # zero-width no-break space
        "Nguyễn\x7fVăn",  # control characters XML lets through (C0 ones cannot be written)
        "Nguyễn\x9bVăn",
    ],
)
def test_invisible_and_control_characters_in_a_name_are_refused_with_row_and_column(
    name: str,
) -> None:
    assert codes(workbook(GOOD, delegate(name, 3))) == [(4, "Họ và tên", "hidden_character")]


def test_invisible_characters_in_a_candidate_name_are_refused() -> None:
    book = load_workbook(io.BytesIO(candidates_template()))
    sheet = book.worksheets[0]
    sheet.append(["1", "Nguyễn\u202eVăn", "07/06/1970", "Nam"])
    _, problems = parse_candidates(save(book), on=CONGRESS)
    assert found(problems) == [(2, "Họ và tên", "hidden_character")]


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x","Bấm")', "=cmd|' /C calc'!A0"])
def test_formula_looking_names_are_refused(name: str) -> None:
    assert codes(workbook(GOOD, delegate(name, 3))) == [(4, "Họ và tên", "formula_text")]


def test_a_real_formula_cell_is_read_as_its_text_and_refused() -> None:
    data = workbook(GOOD, delegate('=HYPERLINK("http://x","Bấm")', 3))
    book = load_workbook(io.BytesIO(data))
    assert book.worksheets[0]["B4"].data_type == "f"  # openpyxl stored a live formula
    assert codes(data) == [(4, "Họ và tên", "formula_text")]


def test_text_longer_than_its_database_column_is_refused_in_the_preview() -> None:
    long_unit = delegate("Lê Thị Dài", 3)
    long_unit[9] = "Đ" * 201
    assert codes(workbook(GOOD, delegate("N" * 121, 4), long_unit)) == [
        (4, "Họ và tên", "too_long"),
        (5, "Đơn vị", "too_long"),
    ]


def test_every_free_text_column_has_the_database_length() -> None:
    from django.apps import apps  # the one place the import meets the models

    from daihoi.db.models import Candidate, Delegate

    fields = {
        "Họ và tên": "full_name",
        "Dân tộc": "ethnicity",
        "Trình độ chuyên môn": "education",
        "Chức vụ": "position",
        "Đơn vị": "unit",
        "Đoàn đại biểu": "delegation",
        "Chỗ ngồi": "seat",
        "Nhóm chức vụ": "position_group",
    }
    assert apps.ready
    for column in REGISTER_COLUMNS:
        if column.header in fields:
            field = Delegate._meta.get_field(fields[column.header])
            assert column.max_length == field.max_length, column.header
    by_header = {c.header: c for c in CANDIDATE_COLUMNS}
    assert by_header["Họ và tên"].max_length == Candidate._meta.get_field("name").max_length
    assert by_header["Dân tộc"].max_length == Candidate._meta.get_field("ethnicity").max_length


def test_the_templates_hold_no_formula() -> None:
    for data in (register_template(), candidates_template()):
        book = load_workbook(io.BytesIO(data))
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (sheet.title, cell.coordinate)
