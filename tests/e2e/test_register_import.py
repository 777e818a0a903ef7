"""A register in the office's own form, imported in Chromium as the organiser does it.

The workbook is the "danh sách trích ngang" an office keeps: a title block, a two-row merged
header with the birth date under "Nam" or "Nữ", the column-number row, section rows that say
the type of delegate, a totals row and a signature. The preview must show every field that
will be stored and a summary per column; what is confirmed is what was shown. A screenshot of
the preview is kept in test-artifacts/register-preview.png for people to look at.
"""

import io
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from openpyxl import Workbook
from playwright.sync_api import Browser

from daihoi.access import Role
from daihoi.db.models import Congress, Delegate
from tests.app.builders import make_congress
from tests.app.members import member_of_all
from tests.e2e.chromium import ARTIFACTS, PASSWORD, sign_in

pytestmark = pytest.mark.slow

HEADER_TOP = [
    "STT", "Họ và tên", "Ngày, tháng, năm sinh", None, "Dân tộc", "Chức vụ", "Đơn vị",
    "Ngày vào Đảng", None, "Trình độ", None, "Ghi chú",
]  # fmt: skip
HEADER_UNDER = [
    None, None, "Nam", "Nữ", None, None, None, "Dự bị", "Chính thức", "Chuyên môn",
    "Lý luận chính trị", None,
]  # fmt: skip
EX_OFFICIO = [
    ["1", "Nguyễn Văn An", "12/03/1968", None, "Kinh", "Bí thư Đảng ủy", "Đảng ủy phường",
     "15/05/1992", "15/05/1993", "Thạc sĩ", "Cao cấp", ""],
    ["2", "Trần Thị Bình", None, "07/06/1975", "Tày", "Chủ tịch UBND", "UBND phường",
     "02/09/1998", "02/09/1999", "Đại học", "CC", ""],
]  # fmt: skip
ELECTED = [
    ["3", "Lê Văn Cường", "30/12/1980", None, "Kinh", "Bí thư Chi bộ", "Chi bộ Khu phố 3",
     "19/05/2005", "19/05/2006", "Đại học", "TC", ""],
    ["4", "Phạm Thị Dung", None, "25/11/1985", "Kinh", "Đảng viên", "Chi bộ Trường Tiểu học",
     "03/02/2010", "03/02/2011", "Cử nhân", "Sơ cấp", "thay bà Hoa"],
]  # fmt: skip


def trich_ngang() -> bytes:
    """The office's form, laid out as offices lay it out (merged title, header and sections)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Trích ngang"
    sheet.append(
        ["ĐẢNG BỘ QUẬN THỬ NGHIỆM", None, None, None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"]
    )
    sheet.append(["ĐẢNG ỦY PHƯỜNG THỬ NGHIỆM"])
    sheet.append([])
    sheet.append(["DANH SÁCH TRÍCH NGANG ĐẠI BIỂU DỰ ĐẠI HỘI ĐẢNG BỘ PHƯỜNG THỬ NGHIỆM LẦN THỨ V"])
    sheet.merge_cells("A4:L4")
    sheet.append(["Nhiệm kỳ 2025–2030"])
    sheet.merge_cells("A5:L5")
    sheet.append(HEADER_TOP)  # row 6
    sheet.append(HEADER_UNDER)  # row 7
    for single in ("A", "B", "E", "F", "G", "L"):
        sheet.merge_cells(f"{single}6:{single}7")
    for left, right in (("C", "D"), ("H", "I"), ("J", "K")):
        sheet.merge_cells(f"{left}6:{right}6")
    sheet.append([f"({n})" for n in range(1, 13)])  # the column numbers
    sheet.append(["I. ĐẠI BIỂU ĐƯƠNG NHIÊN"])
    sheet.merge_cells(f"A{sheet.max_row}:L{sheet.max_row}")
    for row in EX_OFFICIO:
        sheet.append(row)
    sheet.append(["II. ĐẠI BIỂU ĐƯỢC BẦU"])
    sheet.merge_cells(f"A{sheet.max_row}:L{sheet.max_row}")
    for row in ELECTED:
        sheet.append(row)
    sheet.append(["Tổng cộng: 04 đại biểu"])
    sheet.merge_cells(f"A{sheet.max_row}:D{sheet.max_row}")
    sheet.append([])
    sheet.append([None, None, None, None, None, None, None, None, "T/M ĐẢNG ỦY"])
    sheet.append([None, None, None, None, None, None, None, None, "BÍ THƯ"])
    sheet.append([None, None, None, None, None, None, None, None, "Nguyễn Văn An"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def congress(transactional_db: None) -> Congress:
    made = make_congress(mode=Congress.Mode.OFFICIAL)
    member_of_all(User.objects.create_user("tochuc", password=PASSWORD), Role.ORGANISER)
    return made


def test_a_trich_ngang_form_is_previewed_field_by_field_then_stored(
    browser: Browser, live_server: object, congress: Congress, tmp_path: Path
) -> None:
    base = str(live_server)
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    sign_in(page, base, "tochuc")
    page.goto(f"{base}/dai-hoi/{congress.pk}/dai-bieu/")
    with page.expect_navigation():
        page.click("button[name=language][value=en]")  # the new words, whatever the catalogue
    workbook = tmp_path / "trich-ngang.xlsx"
    workbook.write_bytes(trich_ngang())
    page.set_input_files("input[name=file]", str(workbook))
    with page.expect_navigation():
        page.click("text=Check the file")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "register-preview.png"), full_page=True)

    assert "4 rows without problems." in page.inner_text("main")
    rows = page.locator("table.preview-rows tr")
    assert rows.count() == 5  # the header and the four delegates: no title, section or total
    binh = rows.filter(has_text="Trần Thị Bình").inner_text()
    for shown in ("07/06/1975", "female", "ex officio delegate", "Tày", "02/09/1998",
                  "02/09/1999", "Cao cấp", "Chủ tịch UBND", "UBND phường"):  # fmt: skip
        assert shown in binh, shown
    cuong = rows.filter(has_text="Lê Văn Cường").inner_text()
    for shown in ("30/12/1980", "male", "elected delegate", "Trung cấp", "Chi bộ Khu phố 3"):
        assert shown in cuong, shown

    summary = page.locator("table.preview-summary")
    gender = summary.locator("tr", has_text="Gender").inner_text()
    assert "male: 2" in gender
    assert "female: 2" in gender
    kind = summary.locator("tr", has_text="Type of delegate").inner_text()
    assert "ex officio delegate: 2" in kind
    assert "elected delegate: 2" in kind
    born = summary.locator("tr", has_text="Date of birth").inner_text()
    assert "from 12/03/1968 to 25/11/1985" in born
    unused = page.inner_text("#unused-columns + ul")
    assert "Ghi chú" in unused
    assert "Trích ngang" in unused

    with page.expect_navigation():
        page.click("text=Store all rows")
    stored = {d.full_name: d for d in Delegate.objects.filter(congress=congress)}
    assert sorted(stored) == ["Lê Văn Cường", "Nguyễn Văn An", "Phạm Thị Dung", "Trần Thị Bình"]
    assert [stored[n].gender for n in sorted(stored)] == ["male", "male", "female", "female"]
    assert stored["Nguyễn Văn An"].kind == stored["Trần Thị Bình"].kind == "ex_officio"
    assert stored["Lê Văn Cường"].kind == stored["Phạm Thị Dung"].kind == "elected"
    assert stored["Trần Thị Bình"].birth_date == date(1975, 6, 7)
    assert stored["Trần Thị Bình"].party_joined_on == date(1998, 9, 2)
    assert stored["Trần Thị Bình"].party_official_on == date(1999, 9, 2)
    assert stored["Trần Thị Bình"].political_theory == "Cao cấp"
    assert stored["Phạm Thị Dung"].unit == "Chi bộ Trường Tiểu học"
    assert "Register of delegates" in page.inner_text("h1")
