"""An election's candidate list workbook: template, register matching, one problem per fault."""

import io
import unicodedata
from datetime import date, datetime
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from daihoi.imports.candidates import COLUMNS, candidates_template, parse_candidates
from daihoi.imports.workbook import RowProblem
from tests.imports.workbooks import GOOD_CANDIDATE as GOOD
from tests.imports.workbooks import REGISTER, found, not_a_workbook_zip, save
from tests.imports.workbooks import candidate_list as workbook


def person(name: str, born: Any = "01/01/1975", gender: str = "Nam", **cells: Any) -> list[Any]:
    row = [None, name, born, gender, None, None]
    for column, value in cells.items():
        row[{"ethnicity": 4, "incumbent": 5}[column]] = value
    return row


def linked(problems: list[RowProblem]) -> list[RowProblem]:
    """The problems other than the warning that a name is not in the register (tested alone)."""
    return [p for p in problems if p.code != "not_in_register"]


def test_template_has_headers_lists_and_help() -> None:
    book = load_workbook(io.BytesIO(candidates_template()))
    assert book.sheetnames == ["Danh sách bầu cử", "Hướng dẫn"]
    sheet = book["Danh sách bầu cử"]
    assert [c.value for c in sheet[1]] == [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Dân tộc",
        "Ủy viên khóa trước",
    ]
    assert all(c.font.bold for c in sheet[1])
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists == {"D2": '"Nam,Nữ"', "F2": '"Có,Không"'}
    assert sheet.column_dimensions["C"].number_format == "DD/MM/YYYY"
    explained = {row[0] for row in book["Hướng dẫn"].iter_rows(values_only=True)}
    assert set(COLUMNS) <= explained


def test_template_filled_in_parses_back_in_the_files_order() -> None:
    book = load_workbook(io.BytesIO(candidates_template()))
    sheet = book["Danh sách bầu cử"]
    sheet.append(person("Vũ Văn Giang", ethnicity="Tày"))
    sheet.append(GOOD)
    sheet.append(person("Trần Văn Đức", datetime(1965, 1, 2)))  # noqa: DTZ001 - naive as in Excel
    rows, problems = parse_candidates(save(book), register=REGISTER)
    assert found(problems) == [(2, "Họ và tên", "not_in_register")]
    assert [(r.row, r.full_name, r.register_row) for r in rows] == [
        (2, "Vũ Văn Giang", None),
        (3, "Nguyễn Thị Hằng", 3),
        (4, "Trần Văn Đức", 9),
    ]
    assert [(r.gender, r.ethnicity, r.incumbent) for r in rows] == [
        ("male", "Tày", False),
        ("female", "Kinh", True),
        ("male", "Kinh", False),
    ]


def test_without_a_register_nobody_is_matched() -> None:
    rows, problems = parse_candidates(workbook(GOOD))
    assert problems == []
    assert rows[0].register_row is None


def test_nfd_and_case_still_match_the_register_and_come_out_nfc() -> None:
    nfd = unicodedata.normalize("NFD", " nguyễn  thị HẰNG ")
    rows, problems = parse_candidates(workbook(person(nfd, "7/6/1970", "nữ")), register=REGISTER)
    assert problems == []
    assert rows[0].full_name == unicodedata.normalize("NFC", "nguyễn thị HẰNG")
    assert rows[0].register_row == 3


def test_a_delegates_name_with_another_birth_date_is_a_warning() -> None:
    rows, problems = parse_candidates(
        workbook(GOOD, person("Trần Văn Đức", "1965-02-01")), register=REGISTER
    )
    assert found(problems) == [(4, "Ngày sinh", "birth_date_differs_from_register")]
    (warning,) = problems
    assert warning.warning is True
    assert "02/01/1965 (dòng 9)" in warning.message_vi
    assert "01/02/1965" in warning.message_en
    assert [(r.row, r.register_row) for r in rows] == [(3, 3), (4, None)]  # kept, unmatched


@pytest.mark.parametrize(
    ("row", "column", "code"),
    [
        (person(""), "Họ và tên", "missing_name"),
        (person("Lê Văn A", None), "Ngày sinh", "missing_date"),
        (person("Lê Văn A", "30/02/1970"), "Ngày sinh", "impossible_date"),
        (person("Lê Văn A", "31/4/1980"), "Ngày sinh", "impossible_date"),
        (person("Lê Văn A", 1975), "Ngày sinh", "impossible_date"),
        (person("Lê Văn A", "01/01/2999"), "Ngày sinh", "birth_date_in_future"),
        (person("Lê Văn A", "?"), "Ngày sinh", "impossible_date"),
        (person("Lê Văn A", gender="Male"), "Giới tính", "unknown_value"),
        (person("Lê Văn A", gender=""), "Giới tính", "missing_value"),
        (person("Lê Văn A", incumbent="Không rõ"), "Ủy viên khóa trước", "unknown_value"),
        (GOOD, "Họ và tên", "duplicate_person"),
    ],
)
def test_each_fault_is_one_problem_at_its_row_and_column(
    row: list[Any], column: str, code: str
) -> None:
    rows, problems = parse_candidates(
        workbook(GOOD, person("Vũ Văn Giang"), row), register=REGISTER
    )
    problems = linked(problems)
    assert found(problems) == [(5, column, code)]
    assert problems[0].warning is False
    assert problems[0].message_vi.startswith(f"Dòng 5, cột {column}: ")
    assert problems[0].message_en.startswith(f"Row 5, column {column}: ")
    assert [r.row for r in rows] == [3, 4]


def test_too_young_on_the_given_day() -> None:
    _, problems = parse_candidates(workbook(person("Lê Văn A", "06/06/2002")), on=date(2020, 6, 5))
    assert found(problems) == [(3, "Ngày sinh", "too_young")]


def test_duplicate_names_both_rows() -> None:
    again = person(unicodedata.normalize("NFD", "Nguyễn Thị Hằng"), "7/6/1970", "Nữ")
    _, problems = parse_candidates(workbook(GOOD, person("Vũ Văn Giang"), again))
    assert found(problems) == [(5, "Họ và tên", "duplicate_person")]
    assert "rows 3 and 5" in problems[0].message_en


def test_a_missing_required_column_is_one_problem_at_the_header_row() -> None:
    header = ["STT", "Họ và tên", "Giới tính"]
    rows, problems = parse_candidates(workbook([1, "Lê Văn A", "Nam"], header=header))
    assert rows == []
    assert found(problems) == [(2, "Ngày sinh", "missing_column")]


def test_optional_columns_may_be_missing() -> None:
    header = ["Họ và tên", "Ngày sinh", "Giới tính"]
    rows, problems = parse_candidates(workbook(["Lê Văn A", "01/01/1975", "Nam"], header=header))
    assert problems == []
    assert (rows[0].ethnicity, rows[0].incumbent) == ("Kinh", False)


def test_an_empty_workbook_and_a_header_alone() -> None:
    assert found(parse_candidates(save(Workbook()))[1]) == [(0, "", "empty_workbook")]
    assert parse_candidates(workbook()) == ([], [])
    assert parse_candidates(candidates_template()) == ([], [])


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 broken", b"%PDF-1.7", not_a_workbook_zip()])
def test_a_file_that_is_not_xlsx_is_one_problem_never_an_exception(data: bytes) -> None:
    rows, problems = parse_candidates(data, register=REGISTER)
    assert rows == []
    assert found(problems) == [(0, "", "not_xlsx")]
    assert problems[0].message_vi.startswith("Tệp không phải Excel (.xlsx)")
