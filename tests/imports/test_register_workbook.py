"""The register workbook: template round trip; one problem per fault, by row and column."""

import io
import unicodedata
from datetime import date, datetime
from typing import Any

from openpyxl import load_workbook

from daihoi.imports.register import COLUMNS, parse_register, register_template
from tests.imports.workbooks import CONGRESS, GOOD, found, save, workbook


def problems_of(*rows: list[Any]) -> list[tuple[int, str, str]]:
    _, problems = parse_register(workbook(*rows), on=CONGRESS)
    return found(problems)


def test_template_round_trip() -> None:
    book = load_workbook(io.BytesIO(register_template()))
    sheet = book["Danh sách đại biểu"]
    assert [c.value for c in sheet[1]] == list(COLUMNS)
    sheet.append(GOOD)
    rows, problems = parse_register(save(book), on=CONGRESS)
    assert problems == []
    assert rows[0].full_name == "Nguyễn Thị Hằng"
    assert rows[0].gender == "female"
    assert rows[0].kind == "elected"
    assert rows[0].birth_date == date(1970, 6, 7)


def test_good_rows_with_excel_dates_and_nfd_text() -> None:
    nfd = unicodedata.normalize("NFD", "Trần  Văn Đức")
    rows, problems = parse_register(
        workbook(
            GOOD,
            [
                "2",
                nfd,
                datetime(1965, 1, 2),  # noqa: DTZ001 - an Excel date cell is naive
                "nam",
                None,
                "",
                "",
                None,
                "",
                "",
                "Đương nhiên",
                "Có",
            ],
        ),
        on=CONGRESS,
    )
    assert problems == []
    assert rows[1].full_name == "Trần Văn Đức"
    assert unicodedata.is_normalized("NFC", rows[1].full_name)
    assert rows[1].ethnicity == "Kinh"
    assert rows[1].incumbent is True
    assert rows[1].row == 4


def test_each_fault_names_its_row_and_column() -> None:
    no_name = [*GOOD[:1], "", *GOOD[2:]]
    bad_date = [*GOOD[:2], "30/02/1970", *GOOD[3:]]
    bad_gender = [GOOD[0], "Lê Văn Bình", GOOD[2], "X", *GOOD[4:]]
    young = [GOOD[0], "Phạm Văn Trẻ", "01/01/2005", *GOOD[3:7], "", *GOOD[8:]]
    early_party = [GOOD[0], "Vũ Thị Lan", *GOOD[2:7], "01/01/1980", *GOOD[8:]]
    assert problems_of(GOOD, no_name, bad_date, bad_gender, young, early_party, GOOD) == [
        (4, "Họ và tên", "missing_name"),
        (5, "Ngày sinh", "impossible_date"),
        (6, "Giới tính", "unknown_value"),
        (7, "Ngày sinh", "too_young"),
        (8, "Ngày vào Đảng", "impossible_party_date"),
        (9, "Họ và tên", "duplicate_person"),
    ]


def test_unknown_unit_and_missing_column_and_not_a_workbook() -> None:
    _, problems = parse_register(workbook(GOOD), valid_units=["Đảng bộ phường Khác"], on=CONGRESS)
    assert found(problems) == [(3, "Đơn vị", "unknown_unit")]
    assert "Dòng 3, cột Đơn vị" in problems[0].message_vi
    header = tuple(c for c in COLUMNS if c != "Giới tính")
    _, problems = parse_register(workbook(header=header), on=CONGRESS)
    assert found(problems) == [(2, "Giới tính", "missing_column")]
    rows, problems = parse_register(b"not a workbook at all")
    assert rows == []
    assert [p.code for p in problems] == ["not_xlsx"]
    assert parse_register(workbook(), on=CONGRESS) == ([], [])


def test_alternates_delegations_seats_and_position_groups() -> None:
    """The columns the doors and the credentials report need; blank standing is official."""
    alternate = [*GOOD[:12], "dự khuyết", "Đoàn Khối cơ quan", "B-07", "Bí thư chi bộ"]
    other = [*GOOD[:12], "", "", "", ""]
    other[1] = "Trần Văn Tư"
    rows, problems = parse_register(workbook(alternate, other), on=CONGRESS)
    assert problems == []
    assert (rows[0].standing, rows[0].delegation, rows[0].seat, rows[0].position_group) == (
        "alternate",
        "Đoàn Khối cơ quan",
        "B-07",
        "Bí thư chi bộ",
    )
    assert rows[1].standing == "official"
    bad = [*GOOD[:12], "Dự bị"]
    assert problems_of(bad) == [(3, "Chính thức/Dự khuyết", "unknown_value")]
