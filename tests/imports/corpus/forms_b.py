"""Corpus files 11–20: merged cells down, LibreOffice and .xls files, deep title blocks, and the
three registers a reader must refuse (no birth date, 31/02, a child).
"""

from dataclasses import replace
from datetime import date

from tests.imports.corpus import cols as c
from tests.imports.corpus.forms_a import ELECTED, EX_OFFICIO, TERM, rows, title_block
from tests.imports.corpus.model import CellValue, Col, Delegation, Section, Sheet, Workbook, dmy
from tests.imports.corpus.people import People


def f11() -> Workbook:
    """Delegation and unit columns merged down over their rows."""
    pp = People(111, "district", "Phú Tân", ["Phú Mỹ", "Tân Hòa", "Phú Thọ"])
    groups = [
        ("Đảng bộ xã Phú Mỹ", "UBND xã Phú Mỹ", ["Chủ tịch", "Phó Chủ tịch", "Công chức Tư pháp"]),
        ("Đảng bộ xã Tân Hòa", "Đảng ủy xã Tân Hòa", ["Bí thư", "Phó Bí thư Thường trực"]),
        (
            "Đảng bộ Công an huyện",
            "Công an huyện Phú Tân",
            ["Trưởng Công an huyện", "Phó Trưởng Công an huyện", "Đội trưởng"],
        ),
        (
            "Đảng bộ Quân sự huyện",
            "Ban Chỉ huy Quân sự huyện Phú Tân",
            ["Chỉ huy trưởng", "Chính trị viên"],
        ),
    ]
    people = []
    for delegation, unit, posts in groups:
        for p, post in zip(pp.many(len(posts), kind="elected"), posts, strict=True):
            people.append(replace(p, delegation=delegation, unit=unit, position=post))
    people[0] = replace(people[0], kind="ex_officio")
    sheet = Sheet(
        "Danh sách",
        title_block(
            "ĐẢNG BỘ TỈNH AN GIANG",
            "HUYỆN ỦY PHÚ TÂN",
            "Phú Mỹ, ngày 18 tháng 6 năm 2025",
            "ĐẢNG BỘ HUYỆN PHÚ TÂN LẦN THỨ XII",
        ),
        [
            c.counter(),
            c.delegation_col(),
            c.name(),
            c.birth("cell"),
            c.sex(),
            Col(("Chức vụ",), lambda p: p.position, ("position",), width=30),
            c.unit_merged(),
            c.joined("cell"),
            c.theory(c.SHORT_THEORY),
            c.education(),
            c.kind(c.KIND_SHORT, "Loại ĐB"),
        ],
        rows(people),
    )
    return Workbook(
        "11_huyen_o_gop_doc",
        "District list with a 'Đoàn' column and a 'Đơn vị' column merged down over their rows "
        "(only the first row of each run holds the text)",
        [sheet],
    )


def f12() -> Workbook:
    """Saved by LibreOffice: d/m/yy text under Nam/Nữ, "x" for the outgoing committee."""
    pp = People(112, "district", "Đầm Hà", ["Quảng Tân", "Đầm Hà", "Tân Bình"])
    people = [*pp.many(4, kind="ex_officio", incumbent=True), *pp.many(8, kind="elected")]
    people[6] = replace(people[6], incumbent=True)
    people[8] = replace(people[8], full_name="Nguyễn Thị Thủy", gender="female",
                        written={"name": "Nguyễn Thị Thuỷ"})  # fmt: skip
    body = [EX_OFFICIO, *rows(people[:4]), ELECTED, *rows(people[4:])]
    sheet = Sheet(
        "Sheet1",
        title_block(
            "ĐẢNG BỘ TỈNH QUẢNG NINH",
            "HUYỆN ỦY ĐẦM HÀ",
            "Đầm Hà, ngày 10 tháng 6 năm 2025",
            "ĐẢNG BỘ HUYỆN ĐẦM HÀ LẦN THỨ XXIV",
        ),
        [
            c.counter(),
            c.name(),
            *c.birth_by_sex("dmy_short"),
            c.post_combined(),
            *c.party("dmy_short"),
            c.theory(c.CT_THEORY),
            c.education(),
            c.incumbent(),
        ],
        body,
    )
    return Workbook(
        "12_libreoffice_nam_hai_so",
        "District trích ngang saved through LibreOffice (.xlsx): d/m/yy text dates with two-digit "
        "years under Nam/Nữ, 'x' in 'Ủy viên BCH khóa trước', 'Cử nhân CT'",
        [sheet],
        via_libreoffice=True,
    )


def f13() -> Workbook:
    """Saved by LibreOffice: official and alternate delegates in sections A/B."""
    pp = People(113, "ward", "Vĩnh Tuy", ["Vĩnh Tuy"])
    official = [*pp.many(2, kind="ex_officio"), *pp.many(7, kind="elected")]
    alternate = pp.many(2, kind="elected")
    official[4] = replace(official[4], political_theory="Cử nhân")
    body = [
        Section("A. ĐẠI BIỂU CHÍNH THỨC", standing="official"),
        *rows(official),
        Section("B. ĐẠI BIỂU DỰ KHUYẾT", standing="alternate"),
        *rows(alternate),
    ]
    sheet = Sheet(
        "Danh sách",
        title_block(
            "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
            "ĐẢNG ỦY PHƯỜNG VĨNH TUY",
            "Hà Nội, ngày 28 tháng 6 năm 2025",
            "ĐẢNG BỘ PHƯỜNG VĨNH TUY LẦN THỨ I",
        ),
        [
            c.counter(),
            c.name(),
            *c.birth_by_sex("cell"),
            c.ethnicity(),
            *c.post_apart(),
            *c.party("cell"),
            c.theory(c.LONG_THEORY),
            c.education(),
            c.kind(c.KIND_LONG, "Loại đại biểu"),
        ],
        body,
        total="Tổng cộng: {n} đồng chí",
    )
    return Workbook(
        "13_libreoffice_du_khuyet",
        "Ward list saved through LibreOffice (.xlsx): sections 'A. ĐẠI BIỂU CHÍNH THỨC' / 'B. ĐẠI "
        "BIỂU DỰ KHUYẾT' giving the standing, kind in a column, 'Cử nhân chính trị'",
        [sheet],
        via_libreoffice=True,
    )


def f14() -> Workbook:
    """An old .xls: party dates partly real cells, partly dd/mm/yyyy text (day > 12 in some)."""
    pp = People(114, "district", "Kim Sơn", ["Kim Đông", "Lai Thành", "Bình Minh"])
    people = [*pp.many(3, kind="ex_officio"), *pp.many(9, kind="elected")]
    texts = 0
    for i, p in enumerate(people):
        if i % 3 == 1:
            people[i] = replace(p, written={"joined": dmy(p.party_joined_on)})
            texts += p.party_joined_on.day > 12
    assert texts >= 1
    sheet = Sheet(
        "DSTN",
        title_block(
            "ĐẢNG BỘ TỈNH NINH BÌNH",
            "HUYỆN ỦY KIM SƠN",
            "Kim Sơn, ngày 08 tháng 6 năm 2025",
            "ĐẢNG BỘ HUYỆN KIM SƠN LẦN THỨ XXVI",
            ["(Kèm theo Báo cáo thẩm tra tư cách đại biểu)", ""],
        ),
        [
            c.counter(),
            c.name(),
            c.birth("cell"),
            c.sex("Nam/Nữ"),
            c.home(),
            c.post_combined(),
            c.joined("cell"),
            c.official("cell"),
            c.theory(c.SHORT_THEORY),
            c.education(),
            c.kind(c.KIND_SHORT, "Loại ĐB"),
        ],
        rows(people),
        blank_before_table=1,
    )
    return Workbook(
        "14_xls_ngay_vao_dang_tron",
        "District list as an old .xls (Excel 97–2003, converted by LibreOffice): 'Ngày vào Đảng' "
        "mixes real date cells and dd/mm/yyyy text; sex column headed 'Nam/Nữ'; table at row 10",
        [sheet],
        ext="xls",
        warnings=["day/month order: column «Ngày vào Đảng» mixes date cells and d/m text"],
    )


def f15() -> Workbook:
    """An old .xls: names in two columns, dd/mm/yyyy text under Nam/Nữ, merged delegation rows."""
    pp = People(115, "district", "Cần Giuộc", ["Phước Lý", "Long Hậu", "Tân Kim"])
    ex, d1, d2 = pp.many(3), pp.many(4), pp.many(4)
    # typed with the new tone placement: stored as "Khỏe", "Thúy"
    khoe = pp.one(gender="male", full_name="Trần Văn Khỏe", written={"name": "Trần Văn Khoẻ"})
    thuy = pp.one(gender="female", full_name="Phạm Thị Thúy", written={"name": "Phạm Thị Thuý"})
    d1[1], d2[2] = khoe, thuy
    body = [
        EX_OFFICIO,
        *rows(ex),
        ELECTED,
        Delegation("Đoàn đại biểu số 1 - Đảng bộ xã Phước Lý"),
        *rows(d1),
        Delegation("Đoàn đại biểu số 2 - Đảng bộ xã Long Hậu"),
        *rows(d2),
    ]
    sheet = Sheet(
        "Trích ngang",
        title_block(
            "ĐẢNG BỘ TỈNH LONG AN",
            "HUYỆN ỦY CẦN GIUỘC",
            "Cần Giuộc, ngày 22 tháng 6 năm 2025",
            "ĐẢNG BỘ HUYỆN CẦN GIUỘC LẦN THỨ XII",
        ),
        [
            c.counter(),
            *c.name_split(),
            *c.birth_by_sex("dmy"),
            c.ethnicity(),
            c.post_combined(),
            *c.party("dmy"),
            c.education(("Trình độ", "Chuyên môn")),
            c.theory(c.CT_THEORY, ("Trình độ", "Chính trị")),
        ],
        body,
        number_row="plain",
    )
    return Workbook(
        "15_xls_ho_ten_hai_cot_doan",
        "District trích ngang as an old .xls: 'Họ và tên đệm' + 'Tên', dd/mm/yyyy text under "
        "Nam/Nữ, delegation rows with a hyphen merged across, 'Trình độ › Chính trị'",
        [sheet],
        ext="xls",
    )


def f16() -> Workbook:
    """Enterprise bloc: deep title block (table at row 12), x under Chính thức/Dự khuyết."""
    pp = People(116, "enterprise", "Bình Dương", ["Thủ Dầu Một"])
    ex = pp.many(2, theory="Cao cấp")
    el = [*pp.many(8), *pp.many(2, standing="alternate")]
    lines = title_block(
        "ĐẢNG BỘ KHỐI DOANH NGHIỆP",
        "BAN THƯỜNG VỤ",
        "Thủ Dầu Một, ngày 30 tháng 7 năm 2025",
        "ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH BÌNH DƯƠNG LẦN THỨ VI",
        [
            "(Kèm theo Tờ trình số 45-TTr/ĐU ngày 30/7/2025)",
            "Ghi chú: danh sách xếp theo đoàn; đại biểu dự khuyết đánh dấu x.",
            "",
            "",
        ],
    )
    sheet = Sheet(
        "Danh sach DB",
        lines,
        [
            c.counter("Số TT"),
            c.name(),
            *c.birth_by_sex("cell"),
            c.post_combined(),
            *c.party("cell"),
            *c.standing_marks(),
            c.theory(c.SHORT_THEORY),
            c.education(),
        ],
        [EX_OFFICIO, *rows(ex), ELECTED, *rows(el)],
        total="Tổng cộng: {n} đồng chí (chính thức và dự khuyết)",
    )
    return Workbook(
        "16_khoi_doanh_nghiep_dong_12",
        "Enterprise-bloc list with a deep title block (table at row 12), 'Đại biểu › Chính thức | "
        "Dự khuyết' marked x next to 'Ngày vào Đảng › Dự bị | Chính thức'; posts with commas",
        [sheet],
    )


def f17() -> Workbook:
    """New commune (2025 merger): year of birth as text, appointed delegates, three-way Trình độ."""
    pp = People(117, "ward", "Xuân Lộc", ["Xuân Lộc"])
    people = [*pp.many(2, kind="ex_officio"), *pp.many(9, kind="appointed")]
    sheet = Sheet(
        "Sheet1",
        [
            "ĐẢNG ỦY XÃ XUÂN LỘC (MỚI)",
            "DANH SÁCH ĐẠI BIỂU CHỈ ĐỊNH DỰ ĐẠI HỘI ĐẢNG BỘ XÃ XUÂN LỘC LẦN THỨ I, " + TERM,
        ],
        [
            c.counter(),
            c.name(),
            c.birth("year_text", ("Năm sinh",)),
            c.sex(),
            c.card(),
            c.post_combined(),
            c.joined("dots"),
            c.schooling(("Trình độ", "Giáo dục phổ thông")),
            c.education(("Trình độ", "Chuyên môn, nghiệp vụ")),
            c.theory(c.SHORT_THEORY, ("Trình độ", "Lý luận chính trị")),
            c.kind(c.KIND_LONG, "Đại biểu"),
        ],
        rows(people),
        blank_before_table=0,
        total="Danh sách này có {n} đồng chí",
    )
    return Workbook(
        "17_xa_moi_nam_sinh_chu",
        "New commune after the 2025 merger: 'Năm sinh' as text years, 'Số thẻ đảng viên' and "
        "'Giáo dục phổ thông' (12/12) not stored, kind 'Đương nhiên'/'Chỉ định', table at row 3",
        [sheet],
    )


def _refused(
    seed: int, name: str, form: str, fault: dict[str, CellValue], why: str, *, child: bool = False
) -> Workbook:
    """A valid ward list but for one fault in its sixth delegate (`child`: born in 2011)."""
    pp = People(seed, "ward", "Long Biên", ["Long Biên"])
    people = [*pp.many(2, kind="ex_officio"), *pp.many(7, kind="elected")]
    bad = people[5]
    message = why.format(name=bad.full_name, sheet="{sheet}", row="{row}")
    people[5] = replace(bad, written={**fault, "refuse": message})
    if child:
        people[5] = replace(
            people[5],
            birth_date=date(2011, 3, 15),
            party_joined_on=date(2024, 5, 19),
            party_official_on=date(2025, 5, 19),
        )
    sheet = Sheet(
        "Danh sách",
        title_block(
            "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
            "ĐẢNG ỦY PHƯỜNG LONG BIÊN",
            "Hà Nội, ngày 01 tháng 7 năm 2025",
            "ĐẢNG BỘ PHƯỜNG LONG BIÊN LẦN THỨ I",
        ),
        [
            c.counter(),
            c.name(),
            *c.birth_by_sex("dmy"),
            c.post_combined(),
            *c.party("dmy"),
            c.theory(c.SHORT_THEORY),
            c.education(),
        ],
        [EX_OFFICIO, *rows(people[:2]), ELECTED, *rows(people[2:])],
    )
    return Workbook(name, form, [sheet])


def f18() -> Workbook:
    return _refused(
        118,
        "18_tu_choi_thieu_ngay_sinh",
        "Ward trích ngang in which one delegate has neither Nam nor Nữ filled: no birth date, no "
        "year and no sex anywhere in the row — must be refused",
        {"birth": None},
        "sheet «{sheet}», row {row}, column «Ngày, tháng, năm sinh»: empty under both Nam and Nữ "
        "for {name}; fill in the birth date under Nam or Nữ",
    )


def f19() -> Workbook:
    return _refused(
        119,
        "19_tu_choi_ngay_31_thang_2",
        "Ward trích ngang in which one birth date reads '31/02/1970' (no such day) — "
        "must be refused",
        {"birth": "31/02/1970"},
        "sheet «{sheet}», row {row}, column «Ngày, tháng, năm sinh»: '31/02/1970' is not a date "
        "(February has no 31st) for {name}; correct the birth date",
    )


def f20() -> Workbook:
    return _refused(
        120,
        "20_tu_choi_qua_tre",
        "Ward trích ngang with a delegate born 15/03/2011 (14 years old at the congress; a Party "
        "member is at least 18) — a typing slip that must be refused",
        {},
        "sheet «{sheet}», row {row}, column «Ngày, tháng, năm sinh»: 15/03/2011 makes {name} 14 "
        "years old, too young for a Party member (at least 18); correct the birth date",
        child=True,
    )


FORMS = [f11, f12, f13, f14, f15, f16, f17, f18, f19, f20]
