"""Registers as Party offices write them (issue 13): the trích ngang form with its title block,
merged header, column numbers, sections, totals and signature; columns by meaning; values in
shorthand; day/month order; hidden and struck rows; duplicates by tone placement.

Every workbook is built here with openpyxl (tests/imports/office_forms.py), never from the corpus.
"""

from datetime import date, datetime
from typing import Any

import pytest

from daihoi.imports.candidates import read_candidates
from daihoi.imports.reading import ColumnUse, order_key
from daihoi.imports.register import read_register
from tests.imports.office_forms import CONGRESS, Form, trich_ngang
from tests.imports.workbooks import REGISTER, found


def read(data: bytes, **options: Any) -> Any:
    return read_register(data, on=CONGRESS, **options)


def simple(header: list[str], *rows: list[Any], title: str = "Danh sách") -> bytes:
    form = Form(title=title)
    form.line("DANH SÁCH ĐẠI BIỂU")
    form.line(*header)
    for row in rows:
        form.line(*row)
    return form.data()


BASE = ["Họ và tên", "Ngày sinh", "Giới tính", "Loại đại biểu"]


def person(name: str = "Lê Văn Bình", born: Any = "01/02/1968", gender: str = "Nam") -> list[Any]:
    return [name, born, gender, "Được bầu"]


# --- the whole form -------------------------------------------------------------------------------


def test_a_trich_ngang_form_is_read_field_by_field() -> None:
    form, at = trich_ngang()
    reading = read(form.data())
    assert reading.problems == []
    an, hoa = reading.rows
    assert (an.row, an.full_name, an.birth_date, an.gender) == (
        at["an"],
        "Nguyễn Văn An",
        date(1965, 3, 12),
        "male",
    )
    assert (an.kind, an.delegation, an.political_theory) == ("ex_officio", "", "Cao cấp")
    assert (an.party_joined_on, an.party_official_on) == (date(1990, 2, 3), date(1991, 2, 3))
    assert (an.position, an.unit) == ("Bí thư Đảng ủy", "Đảng bộ phường Bình Hàn")
    assert (hoa.row, hoa.full_name, hoa.gender, hoa.ethnicity) == (
        at["hoa"],
        "Nguyễn Thị Hòa",  # typed in capitals with the newer placement: one spelling stored
        "female",
        "Tày",
    )
    assert (hoa.kind, hoa.delegation) == (
        "elected",
        "Đoàn đại biểu số 3 – Đảng bộ phường Cẩm Thượng",
    )
    assert (hoa.education, hoa.political_theory) == ("Cử nhân", "Cử nhân")
    # "Chủ tịch HĐND, Bí thư chi bộ": the part after the comma is no unit, so kept whole
    assert (hoa.position, hoa.unit) == ("Chủ tịch HĐND, Bí thư chi bộ", "")


def test_the_forms_columns_are_listed_with_what_they_were_read_as() -> None:
    form, _ = trich_ngang()
    columns = {c.header: c.field for c in read(form.data()).columns}
    assert columns == {
        "Họ và tên": "Họ và tên",
        "Ngày, tháng, năm sinh › Nam": "Ngày sinh",
        "Ngày, tháng, năm sinh › Nữ": "Ngày sinh",
        "Dân tộc": "Dân tộc",
        "Trình độ › Chuyên môn, nghiệp vụ": "Trình độ chuyên môn",
        "Trình độ › Lý luận chính trị": "Lý luận chính trị",
        "Ngày vào Đảng › Dự bị": "Ngày vào Đảng",
        "Ngày vào Đảng › Chính thức": "Ngày vào Đảng chính thức",
        "Chức vụ, đơn vị công tác": "Chức vụ, Đơn vị",
        "Ghi chú": "",  # not used: listed, never dropped silently (STT is not listed)
    }


def test_the_totals_row_and_signature_block_end_the_list() -> None:
    form, _ = trich_ngang()
    form.line(3, "Người Sau Chữ Ký", "01/01/1970", None, "Kinh")
    reading = read(form.data())
    assert [r.full_name for r in reading.rows] == ["Nguyễn Văn An", "Nguyễn Thị Hòa"]
    assert reading.problems == []


def test_a_person_under_both_nam_and_nu_is_an_error_naming_both_columns() -> None:
    form = Form()
    form.two_row_header([("Họ và tên", None), ("Năm sinh", "Nam"), ("", "Nữ"), ("Loại", None)])
    form.line("Lê Văn Bình", "01/02/1968", "03/04/1968", "ĐB")
    reading = read(form.data())
    assert found(reading.problems) == [(3, "Năm sinh › Nam", "born_under_both")]
    assert "Năm sinh › Nam / Năm sinh › Nữ" in reading.problems[0].message_vi


# --- columns by meaning: one test per label form ------------------------------------------------


@pytest.mark.parametrize(
    ("label", "value", "field", "expected"),
    [
        ("Ngày, tháng, năm sinh", "01/02/1968", "birth_date", date(1968, 2, 1)),
        ("Ngày tháng năm sinh", "01/02/1968", "birth_date", date(1968, 2, 1)),
        ("Dân tộc", "Mường", "ethnicity", "Mường"),
        ("Chuyên môn, nghiệp vụ", "Kỹ sư", "education", "Kỹ sư"),
        ("Trình độ chuyên môn", "Kỹ sư", "education", "Kỹ sư"),
        ("Lý luận chính trị", "TC", "political_theory", "Trung cấp"),
        ("Trình độ lý luận chính trị", "SC", "political_theory", "Sơ cấp"),
        ("Ngày vào Đảng", "03.04.1990", "party_joined_on", date(1990, 4, 3)),
        ("Chức vụ", "Bí thư", "position", "Bí thư"),
        ("Đơn vị", "Chi bộ 1", "unit", "Chi bộ 1"),
        ("Đơn vị công tác", "Chi bộ 1", "unit", "Chi bộ 1"),
        ("Đoàn", "Đoàn số 1", "delegation", "Đoàn số 1"),
        ("Ủy viên BCH khóa trước", "x", "incumbent", True),
        ("Uỷ viên BCH khoá trước", "X", "incumbent", True),
        ("Chức vụ, đơn vị công tác", "Bí thư, Chi bộ 1", "position", "Bí thư"),
        ("Chức vụ, đơn vị công tác", "Bí thư, Chi bộ 1", "unit", "Chi bộ 1"),
        ("Chức vụ, đơn vị công tác", "Bí thư Chi bộ 1", "position", "Bí thư Chi bộ 1"),
    ],
)
def test_each_label_offices_use_is_read_by_meaning(
    label: str, value: Any, field: str, expected: Any
) -> None:
    header = [*BASE, label]
    if label.startswith(("Ngày, tháng", "Ngày tháng")):
        header = ["Họ và tên", label, "Giới tính", "Loại đại biểu"]
        row = person(born=value)
    else:
        row = [*person(), value]
    reading = read(simple(header, row))
    assert reading.problems == []
    assert getattr(reading.rows[0], field) == expected


def test_a_name_in_two_columns_is_joined() -> None:
    header = ["STT", "Họ và tên đệm", "Tên", "Ngày sinh", "Giới tính", "Loại đại biểu"]
    reading = read(simple(header, [1, "Trần Thị", "Mai", "05/06/1970", "Nữ", "CĐ"]))
    assert reading.problems == []
    assert (reading.rows[0].full_name, reading.rows[0].kind) == ("Trần Thị Mai", "appointed")
    assert {c.header: c.field for c in reading.columns}["Tên"] == "Họ và tên"


@pytest.mark.parametrize(
    ("written", "kind"),
    [("ĐN", "ex_officio"), ("Đương nhiên", "ex_officio"), ("Bầu", "elected"), ("ĐB", "elected")],
)
def test_delegate_types_in_shorthand(written: str, kind: str) -> None:
    reading = read(simple(BASE, ["Lê Văn Bình", "01/02/1968", "Nam", written]))
    assert reading.rows[0].kind == kind


def test_year_only_births_are_stored_as_1_january_and_flagged_once() -> None:
    header = ["Họ và tên", "Năm sinh", "Giới tính", "Loại đại biểu"]
    reading = read(
        simple(
            header,
            person(born=1968),
            person("Vũ Thị Lan", "1971", "Nữ"),
            person("Đỗ Văn Tư", "1972-05-06"),
        )
    )
    assert [(r.birth_date, r.birth_year_only) for r in reading.rows] == [
        (date(1968, 1, 1), True),
        (date(1971, 1, 1), True),
        (date(1972, 5, 6), False),
    ]
    assert found(reading.problems) == [(0, "", "birth_year_only")]
    assert reading.problems[0].warning is True
    assert "2 người chỉ ghi năm sinh" in reading.problems[0].message_vi


def test_two_digit_years_and_serial_numbers() -> None:
    reading = read(
        simple(
            [*BASE, "Ngày vào Đảng"],
            [*person(born="01/02/68"), "03/04/05"],  # joined in 2005, not 1905
            [*person("Vũ Thị Lan", 25726, "Nữ"), 36526],  # General cells: 07/06/1970, 01/01/2000
        )
    )
    assert reading.problems == []
    assert [(r.birth_date, r.party_joined_on) for r in reading.rows] == [
        (date(1968, 2, 1), date(2005, 4, 3)),
        (date(1970, 6, 7), date(2000, 1, 1)),
    ]


# --- day and month --------------------------------------------------------------------------------


def test_dates_only_consistent_month_first_are_read_so_with_a_warning_and_a_choice() -> None:
    data = simple(BASE, person(born="12/25/1968"), person("Vũ Thị Lan", "03/04/1970", "Nữ"))
    reading = read(data)
    assert [r.birth_date for r in reading.rows] == [date(1968, 12, 25), date(1970, 3, 4)]
    assert found(reading.problems) == [(0, "Ngày sinh", "date_order_month_first")]
    (order,) = reading.date_orders
    assert (order.sheet, order.column, order.chosen, order.proven) == (
        "Danh sách",
        "Ngày sinh",
        "mdy",
        True,
    )
    assert order.examples[0] == ("12/25/1968", "", "1968-12-25")
    assert order.examples[1] == ("03/04/1970", "1970-04-03", "1970-03-04")
    # the person chooses day first: the reading follows, and 12/25 is then impossible
    again = read(data, date_orders={order_key("Danh sách", "Ngày sinh"): "dmy"})
    assert found(again.errors) == [(3, "Ngày sinh", "impossible_date")]
    assert [r.birth_date for r in again.rows] == [date(1970, 4, 3)]


def test_day_first_text_beside_date_cells_asks_which_order() -> None:
    data = simple(
        BASE,
        person(born=datetime(1968, 2, 1)),  # noqa: DTZ001 - as Excel stores it
        person("Vũ Thị Lan", "25/12/1970", "Nữ"),
    )
    reading = read(data)
    assert found(reading.problems) == [(0, "Ngày sinh", "date_order_mixed")]
    (order,) = reading.date_orders
    assert (order.chosen, order.proven) == ("dmy", True)
    assert [r.birth_date for r in reading.rows] == [date(1968, 2, 1), date(1970, 12, 25)]


def test_day_first_text_alone_raises_no_question() -> None:
    reading = read(
        simple(BASE, person(born="25/12/1968"), person("Vũ Thị Lan", "03/04/1970", "Nữ"))
    )
    assert reading.problems == []
    assert reading.date_orders == []
    assert reading.rows[1].birth_date == date(1970, 4, 3)


# --- rows not imported by default -----------------------------------------------------------------


def test_hidden_and_struck_rows_are_set_aside_and_listed() -> None:
    form = Form()
    form.line(*BASE)
    kept = form.line(*person())
    hidden = form.line(*person("Vũ Thị Lan", "01/01/1970", "Nữ"))
    form.hide(hidden)
    struck_name = form.line(*person("Đỗ Văn Tư", "02/02/1970"))
    form.strike(struck_name, 1)
    struck_row = form.line(*person("Phan Văn Năm", "03/03/1970"))
    form.strike(struck_row, 1, 2, 3, 4)
    struck_other = form.line(*person("Hà Văn Sáu", "04/04/1970"))
    form.strike(struck_other, 4)  # one struck word in another cell: still imported
    reading = read(form.data())
    assert reading.problems == []
    assert [r.row for r in reading.rows] == [kept, struck_other]
    assert [(s.row, s.name, s.why) for s in reading.skipped] == [
        (hidden, "Vũ Thị Lan", "hidden"),
        (struck_name, "Đỗ Văn Tư", "struck"),
        (struck_row, "Phan Văn Năm", "struck"),
    ]


# --- the same person twice ------------------------------------------------------------------------


def test_duplicates_are_found_across_tone_placement_case_and_spacing() -> None:
    reading = read(
        simple(
            BASE,
            person("Nguyễn Thị Hoà", "07/06/1970", "Nữ"),
            person("Lê Văn Khỏe"),
            person("NGUYỄN  THỊ HÒA", "07/06/1970", "Nữ"),
            person("Lê Văn Khoẻ"),
        )
    )
    assert found(reading.problems) == [
        (5, "Họ và tên", "duplicate_person"),
        (6, "Họ và tên", "duplicate_person"),
    ]
    assert "dòng 3 và dòng 5" in reading.problems[0].message_vi


def test_names_are_stored_in_one_tone_placement_and_title_case_from_capitals() -> None:
    rows = read(simple(BASE, person("NGUYỄN THỊ HOÀ", "07/06/1970", "Nữ"))).rows
    assert rows[0].full_name == "Nguyễn Thị Hòa"
    rows = read(simple(BASE, person("Nguyễn Thị Hòa", "07/06/1970", "Nữ")), name_style="new").rows
    assert rows[0].full_name == "Nguyễn Thị Hoà"


# --- merged cells, sections ---------------------------------------------------------------------


def test_vertically_merged_cells_fill_down() -> None:
    form = Form()
    form.line(*BASE, "Đơn vị")
    first = form.line(*person(), "Chi bộ 1")
    form.line(*person("Vũ Thị Lan", "01/01/1970", "Nữ"), None)
    form.line(*person("Đỗ Văn Tư", "02/02/1970"), None)
    form.sheet.merge_cells(start_row=first, start_column=5, end_row=first + 2, end_column=5)
    reading = read(form.data())
    assert reading.problems == []
    assert [r.unit for r in reading.rows] == ["Chi bộ 1"] * 3


def test_sections_set_type_and_delegation_for_the_rows_below() -> None:
    form = Form()
    form.line("STT", "Họ và tên", "Ngày sinh", "Giới tính")
    form.section("I. ĐẠI BIỂU ĐƯƠNG NHIÊN", 4)
    form.line(1, "Lê Văn Bình", "01/02/1968", "Nam")
    form.section("II. ĐẠI BIỂU ĐƯỢC BẦU", 4)
    form.section("Đoàn đại biểu số 2 – Đảng bộ xã An Bình", 4)
    form.line(2, "Vũ Thị Lan", "01/01/1970", "Nữ")
    form.section("Đoàn đại biểu số 3 – Đảng bộ phường Bắc", 4)
    form.line(3, "Đỗ Văn Tư", "02/02/1970", "Nam")
    form.section("III. ĐẠI BIỂU CHỈ ĐỊNH", 4)
    form.line(4, "Hà Văn Năm", "03/03/1970", "Nam")
    reading = read(form.data())
    assert reading.problems == []
    assert [(r.full_name, r.kind, r.delegation) for r in reading.rows] == [
        ("Lê Văn Bình", "ex_officio", ""),
        ("Vũ Thị Lan", "elected", "Đoàn đại biểu số 2 – Đảng bộ xã An Bình"),
        ("Đỗ Văn Tư", "elected", "Đoàn đại biểu số 3 – Đảng bộ phường Bắc"),
        ("Hà Văn Năm", "appointed", ""),
    ]


def test_without_sections_or_a_type_column_the_type_is_left_unknown() -> None:
    """Many lists never say it; the credentials report counts them as «chưa rõ»."""
    reading = read(
        simple(["Họ và tên", "Ngày sinh", "Giới tính"], ["Lê Văn Bình", "01/02/1968", "Nam"])
    )
    assert found(reading.problems) == []
    assert [(r.full_name, r.kind) for r in reading.rows] == [("Lê Văn Bình", "")]


def test_an_unknown_heading_row_is_a_warning_naming_it() -> None:
    reading = read(simple(BASE, ["A. KHỐI CƠ QUAN"], person()))
    assert found(reading.problems) == [(3, "", "heading_row")]
    assert "«A. KHỐI CƠ QUAN»" in reading.problems[0].message_vi
    assert len(reading.rows) == 1


# --- several sheets, notes ------------------------------------------------------------------------


def test_a_notes_sheet_is_skipped_and_another_sheet_without_a_list_is_said() -> None:
    form = Form()
    form.line(*BASE)
    form.line(*person())
    Form(form.book, "Hướng dẫn").line("Ghi ngày dạng ngày/tháng/năm")
    Form(form.book, "Tổng hợp").line("Tổng số đại biểu", 1)
    reading = read(form.data())
    assert found(reading.problems) == [(0, "", "sheet_not_read")]
    assert "«Tổng hợp»" in reading.problems[0].message_vi
    assert len(reading.rows) == 1
    assert reading.columns[0] == ColumnUse("Danh sách", "Họ và tên", "Họ và tên")


# --- candidate lists ------------------------------------------------------------------------------


def test_candidates_link_to_the_register_across_tone_placement() -> None:
    header = ["STT", "Họ và tên", "Ngày sinh", "Giới tính"]
    form = Form()
    form.line(*header)
    form.line(1, "NGUYỄN THỊ HẰNG", "07/06/1970", "Nữ")
    form.line(2, "Trần Văn Đức", "02/01/1965", "Nam")
    form.line(3, "Lê Văn Ngoài", "01/01/1975", "Nam")
    reading = read_candidates(form.data(), register=REGISTER, on=CONGRESS)
    assert [(r.full_name, r.register_row) for r in reading.rows] == [
        ("Nguyễn Thị Hằng", 3),
        ("Trần Văn Đức", 9),
        ("Lê Văn Ngoài", None),
    ]
    assert reading.rows[0].delegate == REGISTER[0]
    assert found(reading.problems) == [(4, "Họ và tên", "not_in_register")]
    assert reading.problems[0].message_vi.startswith("Dòng 4, cột Họ và tên: «Lê Văn Ngoài»")
