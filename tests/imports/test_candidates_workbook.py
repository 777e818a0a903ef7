"""An election's candidate list from a workbook, matched against the register."""

from datetime import date

from daihoi.imports.candidates import COLUMNS, parse_candidates
from daihoi.imports.register import DelegateRow
from tests.imports.test_register_workbook import workbook

REGISTER = [
    DelegateRow(
        row=3,
        full_name="Nguyễn Thị Hằng",
        birth_date=date(1970, 6, 7),
        gender="female",
        ethnicity="Kinh",
        education="",
        political_theory="",
        party_joined_on=None,
        position="",
        unit="",
        kind="elected",
        incumbent=False,
    ),
]


def test_list_rows_are_matched_to_the_register() -> None:
    rows, problems = parse_candidates(
        workbook(
            ["1", "Nguyễn Thị Hằng", "07/06/1970", "Nữ", "", "Có"],
            ["2", "Lê Văn Ngoài", "01/01/1975", "Nam", "Tày", "Không"],
            header=COLUMNS,
        ),
        register=REGISTER,
    )
    assert problems == []
    assert [(r.full_name, r.register_row, r.incumbent) for r in rows] == [
        ("Nguyễn Thị Hằng", 3, True),
        ("Lê Văn Ngoài", None, False),
    ]
    assert rows[1].ethnicity == "Tày"


def test_list_problems_by_row_and_column() -> None:
    _, problems = parse_candidates(
        workbook(
            ["1", "Nguyễn Thị Hằng", "08/06/1970", "Nữ", "", ""],
            ["2", "", "01/01/1975", "Nam", "", ""],
            ["3", "Lê Văn A", "01/01/1975", "?", "", ""],
            ["4", "Lê Văn B", "31/04/1975", "Nam", "", ""],
            header=COLUMNS,
        ),
        register=REGISTER,
    )
    assert [(p.row, p.column, p.code) for p in problems] == [
        (3, "Ngày sinh", "birth_date_differs_from_register"),
        (4, "Họ và tên", "missing_name"),
        (5, "Giới tính", "unknown_value"),
        (6, "Ngày sinh", "impossible_date"),
    ]
