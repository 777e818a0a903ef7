"""An election's candidate list from a workbook, matched against the register."""

from daihoi.imports.candidates import parse_candidates
from tests.imports.workbooks import GOOD_CANDIDATE, REGISTER, candidate_list, found


def test_list_rows_are_matched_to_the_register() -> None:
    rows, problems = parse_candidates(
        candidate_list(GOOD_CANDIDATE, ["2", "Lê Văn Ngoài", "01/01/1975", "Nam", "Tày", "Không"]),
        register=REGISTER,
    )
    assert found(problems) == [(4, "Họ và tên", "not_in_register")]
    assert problems[0].warning is True
    assert problems[0].message_vi == (
        "Dòng 4, cột Họ và tên: «Lê Văn Ngoài» không có trong danh sách đại biểu "
        "(cùng họ tên và ngày sinh)"
    )
    assert [(r.full_name, r.register_row, r.incumbent) for r in rows] == [
        ("Nguyễn Thị Hằng", 3, True),
        ("Lê Văn Ngoài", None, False),
    ]
    assert rows[1].ethnicity == "Tày"


def test_list_problems_by_row_and_column() -> None:
    _, problems = parse_candidates(
        candidate_list(
            ["1", "Nguyễn Thị Hằng", "08/06/1970", "Nữ", "", ""],
            ["2", "", "01/01/1975", "Nam", "", ""],
            ["3", "Lê Văn A", "01/01/1975", "?", "", ""],
            ["4", "Lê Văn B", "31/04/1975", "Nam", "", ""],
        ),
        register=REGISTER,
    )
    assert found(problems) == [
        (3, "Ngày sinh", "birth_date_differs_from_register"),
        (4, "Họ và tên", "missing_name"),
        (5, "Giới tính", "unknown_value"),
        (6, "Ngày sinh", "impossible_date"),
    ]
