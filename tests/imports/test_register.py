"""The delegate register workbook: template, tolerant headers, one problem per fault.

Every workbook is a real .xlsx built in memory with openpyxl.
"""

import io
import random
import unicodedata
from datetime import date, datetime
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from daihoi.demo.names import invented_names
from daihoi.imports.register import COLUMNS, parse_register, register_template
from daihoi.imports.workbook import parse_date
from tests.imports.workbooks import (
    CONGRESS,
    GOOD,
    found,
    not_a_workbook_zip,
    save,
    with_cell,
    workbook,
)

# --- the template ------------------------------------------------------------------------------


def test_template_has_headers_lists_formats_and_help() -> None:
    book = load_workbook(io.BytesIO(register_template()))
    assert book.sheetnames == ["Danh sách đại biểu", "Hướng dẫn"]
    sheet = book["Danh sách đại biểu"]
    assert [c.value for c in sheet[1]] == list(COLUMNS)
    assert all(c.font.bold for c in sheet[1])
    assert sheet.column_dimensions["B"].width >= 20
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists == {
        "D2": '"Nam,Nữ"',
        "G2": '"Sơ cấp,Trung cấp,Cao cấp,Cử nhân"',
        "K2": '"Đương nhiên,Được bầu,Chỉ định"',
        "L2": '"Có,Không"',
        "M2": '"Chính thức,Dự khuyết"',
    }
    assert sheet.column_dimensions["C"].number_format == "DD/MM/YYYY"
    assert sheet.column_dimensions["H"].number_format == "DD/MM/YYYY"
    explained = {row[0] for row in book["Hướng dẫn"].iter_rows(values_only=True)}
    assert set(COLUMNS) <= explained


def test_template_filled_in_parses_back() -> None:
    book = load_workbook(io.BytesIO(register_template()))
    sheet = book["Danh sách đại biểu"]
    sheet.append(GOOD)
    sheet.append(
        with_cell("Họ và tên", "Trần Văn Đức", with_cell("Ngày sinh", datetime(1965, 1, 2)))  # noqa: DTZ001
    )
    rows, problems = parse_register(save(book), on=CONGRESS)
    assert problems == []
    assert [(r.row, r.full_name, r.birth_date) for r in rows] == [
        (2, "Nguyễn Thị Hằng", date(1970, 6, 7)),
        (3, "Trần Văn Đức", date(1965, 1, 2)),
    ]
    first = rows[0]
    assert (first.gender, first.kind, first.incumbent) == ("female", "elected", False)
    assert first.political_theory == "Cao cấp"
    assert first.party_joined_on == date(1995, 3, 15)
    assert (first.education, first.position) == ("Thạc sĩ", "Bí thư Đảng ủy")
    assert first.unit == "Đảng bộ phường Bình Hàn"


def test_an_empty_template_is_an_empty_register() -> None:
    assert parse_register(register_template(), on=CONGRESS) == ([], [])


# --- reading what people type --------------------------------------------------------------------


def test_nfd_text_comes_out_nfc_with_single_spaces() -> None:
    nfd = unicodedata.normalize("NFD", "  Trần   Thị  Thu Hương ")
    row = with_cell(
        "Họ và tên", nfd, with_cell("Đơn vị", unicodedata.normalize("NFD", "Xã Ứng Hòa"))
    )
    rows, problems = parse_register(workbook(row), on=CONGRESS)
    assert problems == []
    assert rows[0].full_name == "Trần Thị Thu Hương"
    assert unicodedata.is_normalized("NFC", rows[0].full_name)
    assert rows[0].unit == "Xã Ứng Hòa"
    assert unicodedata.is_normalized("NFC", rows[0].unit)


def test_header_tolerates_case_spacing_nfd_old_marks_order_and_missing_optionals() -> None:
    header = [
        unicodedata.normalize("NFD", "  HỌ VÀ   TÊN "),
        "ngày sinh",
        "Giới Tính",
        "LOẠI ĐẠI BIỂU",
        "Uỷ viên BCH khoá trước",  # the old tone placement is still common
        "Ghi chú",  # an unknown column is ignored
    ]
    data = workbook(["Lê Văn Bình", "1/2/1968", "nam", "đương nhiên", "có", "x"], header=header)
    rows, problems = parse_register(data, on=CONGRESS)
    assert problems == []
    (row,) = rows
    assert (row.row, row.full_name, row.birth_date) == (3, "Lê Văn Bình", date(1968, 2, 1))
    assert (row.gender, row.kind, row.incumbent) == ("male", "ex_officio", True)
    assert (row.ethnicity, row.education, row.party_joined_on) == ("Kinh", "", None)


def test_choices_are_read_whatever_the_case_and_stored_canonically() -> None:
    row = with_cell("Lý luận chính trị", "cử NHÂN", with_cell("Loại đại biểu", "CHỈ ĐỊNH"))
    rows, problems = parse_register(workbook(with_cell("Dân tộc", "Tày", row)), on=CONGRESS)
    assert problems == []
    assert (rows[0].political_theory, rows[0].kind, rows[0].ethnicity) == (
        "Cử nhân",
        "appointed",
        "Tày",
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("07/06/1970", date(1970, 6, 7)),
        ("7/6/1970", date(1970, 6, 7)),
        (" 1970-06-07 ", date(1970, 6, 7)),
        (datetime(1970, 6, 7), date(1970, 6, 7)),  # noqa: DTZ001 - Excel's cells are naive
        (date(1970, 6, 7), date(1970, 6, 7)),
        ("29/02/1972", date(1972, 2, 29)),
        ("30/02/1970", None),
        ("31/4/1980", None),
        ("29/02/1971", None),
        ("07/06/70", date(1970, 6, 7)),  # two-digit year: the century of an adult
        ("1970-13-01", None),
        ("19700607", None),
        ("ngày 7", None),
        (25726, date(1970, 6, 7)),  # an Excel serial in a General cell
        (1970, None),  # a year alone is no date (only a "Năm sinh" column takes it)
        (1970.5, None),
        (True, None),
    ],
)
def test_dates(value: Any, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_fully_empty_rows_are_skipped_and_numbering_follows_the_sheet() -> None:
    data = workbook(GOOD, [None] * 12, ["", "  ", None], with_cell("Họ và tên", "Vũ Thị Lan"))
    rows, problems = parse_register(data, on=CONGRESS)
    assert problems == []
    assert [r.row for r in rows] == [3, 6]


def test_a_register_of_1600_parses_without_problem() -> None:
    rng = random.Random(1)
    genders = [rng.choice(["male", "female"]) for _ in range(1600)]
    names = invented_names(random.Random(1), genders)
    data = workbook(
        *(
            [
                number,
                name,
                date(1950 + number % 40, 1 + number % 12, 1 + number % 28).strftime("%d/%m/%Y"),
                "Nam" if gender == "male" else "Nữ",
                "",
                "Đại học",
                "Cao cấp",
                "",
                "",
                "",
                ("Đương nhiên", "Được bầu", "Chỉ định")[number % 3],
                "Có" if number % 10 == 0 else "",
            ]
            for number, (name, gender) in enumerate(zip(names, genders, strict=True), start=1)
        )
    )
    rows, problems = parse_register(data, on=CONGRESS)
    assert problems == []
    assert len(rows) == 1600
    assert rows[-1].row == 1602
    assert sum(r.incumbent for r in rows) == 160


# --- one problem per fault, at its row and column ---------------------------------------------


@pytest.mark.parametrize(
    ("column", "value", "code"),
    [
        ("Họ và tên", None, "missing_name"),
        ("Họ và tên", "   ", "missing_name"),
        ("Ngày sinh", None, "missing_date"),
        ("Ngày sinh", "30/02/1970", "impossible_date"),
        ("Ngày sinh", "31/4/1980", "impossible_date"),
        ("Ngày sinh", 1970, "impossible_date"),
        ("Ngày sinh", "06/05/2021", "birth_date_in_future"),
        ("Ngày sinh", "06/06/2002", "too_young"),
        ("Ngày vào Đảng", "06/06/1988", "impossible_party_date"),
        ("Ngày vào Đảng", "06/06/2020", "party_date_after_congress"),
        ("Ngày vào Đảng", "31/06/1995", "impossible_date"),
        ("Giới tính", "X", "unknown_value"),
        ("Giới tính", None, "missing_value"),
        ("Loại đại biểu", "Dự khuyết", "unknown_value"),
        ("Lý luận chính trị", "Thạc sĩ", "unknown_value"),
        ("Ủy viên BCH khóa trước", "Chưa rõ", "unknown_value"),
    ],
)
def test_each_fault_is_one_problem_at_its_row_and_column(
    column: str, value: Any, code: str
) -> None:
    other = with_cell("Họ và tên", "Lê Văn Bình")
    rows, problems = parse_register(
        workbook(GOOD, other, with_cell(column, value, with_cell("Họ và tên", "Đỗ Thị Mai"))),
        on=CONGRESS,
    )
    assert found(problems) == [(5, column, code)]
    assert problems[0].message_vi.startswith(f"Dòng 5, cột {column}: ")
    assert problems[0].message_en.startswith(f"Row 5, column {column}: ")
    assert [r.row for r in rows] == [3, 4]  # the faulty row is not returned


def test_impossible_date_message_quotes_the_cell() -> None:
    _, problems = parse_register(
        workbook(GOOD, GOOD, GOOD, GOOD, with_cell("Ngày sinh", "30/02/1970")), on=CONGRESS
    )
    (problem,) = [p for p in problems if p.code == "impossible_date"]
    assert problem.row == 7
    assert problem.message_vi.startswith("Dòng 7, cột Ngày sinh: ngày không hợp lệ «30/02/1970»")
    assert problem.message_en.startswith("Row 7, column Ngày sinh: impossible date «30/02/1970»")


def test_unknown_values_say_what_is_allowed() -> None:
    _, problems = parse_register(
        workbook(with_cell("Giới tính", "M", with_cell("Loại đại biểu", "Mời"))), on=CONGRESS
    )
    gender, kind = problems
    assert "Nam, Nữ" in gender.message_vi
    assert "«M»" in gender.message_en
    assert "Đương nhiên, Được bầu, Chỉ định" in kind.message_vi
    assert "allowed: Đương nhiên, Được bầu, Chỉ định" in kind.message_en


def test_several_faults_in_one_row_are_all_reported_in_column_order() -> None:
    row = with_cell("Giới tính", "?", with_cell("Ngày sinh", "32/01/1970"))
    _, problems = parse_register(workbook(with_cell("Lý luận chính trị", "X", row)), on=CONGRESS)
    assert found(problems) == [
        (3, "Ngày sinh", "impossible_date"),
        (3, "Giới tính", "unknown_value"),
        (3, "Lý luận chính trị", "unknown_value"),
    ]


def test_an_empty_delegate_type_is_stored_as_unknown() -> None:
    rows, problems = parse_register(workbook(with_cell("Loại đại biểu", None)), on=CONGRESS)
    assert problems == []
    assert [r.kind for r in rows] == [""]


def test_without_a_congress_date_today_is_used() -> None:
    _, problems = parse_register(workbook(with_cell("Ngày sinh", "01/01/2999")))
    assert found(problems) == [(3, "Ngày sinh", "birth_date_in_future")]


def test_duplicate_person_names_both_rows() -> None:
    again = with_cell("Họ và tên", unicodedata.normalize("NFD", "NGUYỄN THỊ HẰNG"))
    other_birthday = with_cell("Ngày sinh", "08/06/1970")
    rows, problems = parse_register(workbook(GOOD, other_birthday, again), on=CONGRESS)
    assert found(problems) == [(5, "Họ và tên", "duplicate_person")]
    assert "dòng 3" in problems[0].message_vi
    assert "dòng 5" in problems[0].message_vi
    assert "rows 3 and 5" in problems[0].message_en
    assert [r.row for r in rows] == [3, 4]  # a namesake born another day is another person


def test_units_must_be_known_when_a_list_is_given() -> None:
    units = ["Đảng bộ phường Bình Hàn", "Đảng bộ xã Ái Quốc"]
    lower = with_cell("Đơn vị", "đảng bộ xã ái quốc", with_cell("Họ và tên", "Lê Văn Bình"))
    unknown = with_cell("Đơn vị", "Đảng bộ xã Ai Quốc", with_cell("Họ và tên", "Vũ Thị Lan"))
    empty = with_cell("Đơn vị", None, with_cell("Họ và tên", "Đỗ Thị Mai"))
    rows, problems = parse_register(
        workbook(GOOD, lower, unknown, empty), valid_units=units, on=CONGRESS
    )
    assert found(problems) == [(5, "Đơn vị", "unknown_unit")]
    assert "«Đảng bộ xã Ai Quốc»" in problems[0].message_vi
    assert [(r.row, r.unit) for r in rows] == [
        (3, "Đảng bộ phường Bình Hàn"),
        (4, "Đảng bộ xã Ái Quốc"),  # spelt as in the congress's list
        (6, ""),
    ]


# --- problems with the file as a whole ----------------------------------------------------------


def test_a_missing_required_column_is_one_problem_at_the_header_row() -> None:
    header = [c for c in COLUMNS if c != "Giới tính"]
    row = [v for c, v in zip(COLUMNS, GOOD, strict=False) if c != "Giới tính"]
    rows, problems = parse_register(workbook(row, row, header=header), on=CONGRESS)
    assert rows == []
    assert found(problems) == [(2, "Giới tính", "missing_column")]
    assert problems[0].message_vi == "Dòng 2: thiếu cột bắt buộc «Giới tính»"


def test_missing_name_column_is_found_by_the_other_headers() -> None:
    header = [c for c in COLUMNS if c != "Họ và tên"]
    _, problems = parse_register(workbook(header=header, title=None), on=CONGRESS)
    assert found(problems) == [(1, "Họ và tên", "missing_column")]


def test_a_sheet_without_a_header_row() -> None:
    rows, problems = parse_register(workbook(GOOD[1:], header=["Danh sách"]), on=CONGRESS)
    assert rows == []
    assert found(problems) == [(0, "", "no_header")]
    assert "Họ và tên" in problems[0].message_vi


def test_an_empty_workbook() -> None:
    rows, problems = parse_register(save(Workbook()), on=CONGRESS)
    assert rows == []
    assert found(problems) == [(0, "", "empty_workbook")]
    assert problems[0].message_vi.startswith("Tệp Excel trống")


def test_a_header_without_rows_is_an_empty_register() -> None:
    assert parse_register(workbook(), on=CONGRESS) == ([], [])


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not a workbook at all",
        "STT;Họ và tên\n1;Nguyễn Văn A\n".encode(),  # a CSV saved as .xlsx
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),  # the old .xls header
        not_a_workbook_zip(),
    ],
)
def test_a_file_that_is_not_xlsx_is_one_problem_never_an_exception(data: bytes) -> None:
    rows, problems = parse_register(data, on=CONGRESS)
    assert rows == []
    assert found(problems) == [(0, "", "not_xlsx")]
    assert problems[0].message_vi.startswith("Tệp không phải Excel (.xlsx)")
    assert "not an Excel workbook" in problems[0].message_en


def test_every_sheet_holding_a_list_is_read_and_named_in_messages() -> None:
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Đảng bộ A"
    first.append(list(COLUMNS))
    first.append(GOOD)
    second = book.create_sheet("Đảng bộ B")
    second.append(list(COLUMNS))
    second.append(with_cell("Họ và tên", "Lê Văn Bình"))
    second.append(with_cell("Giới tính", "?", with_cell("Họ và tên", "Vũ Thị Lan")))
    book.create_sheet("Hướng dẫn").append(["Ghi theo mẫu"])
    rows, problems = parse_register(save(book), on=CONGRESS)
    assert [(r.sheet, r.row, r.full_name) for r in rows] == [
        ("Đảng bộ A", 2, "Nguyễn Thị Hằng"),
        ("Đảng bộ B", 2, "Lê Văn Bình"),
    ]
    assert found(problems) == [(3, "Giới tính", "unknown_value")]
    assert problems[0].sheet == "Đảng bộ B"
    assert problems[0].message_vi.startswith("Trang «Đảng bộ B», dòng 3, cột Giới tính: ")
    assert problems[0].message_en.startswith("Sheet «Đảng bộ B», row 3, column Giới tính: ")
