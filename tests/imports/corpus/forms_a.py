"""Corpus files 01–10: the trích ngang form as provinces, districts, wards and enterprises fill it.

Each function returns one `Workbook`; its `form` line says what it imitates. The layout follows the
"danh sách trích ngang đại biểu" attached to credentials reports (TT, name, birth date under Nam/Nữ,
ethnicity, home town, post, party dates under "Ngày vào Đảng", schooling under "Trình độ", notes).
"""

from dataclasses import replace

from tests.imports.corpus import cols as c
from tests.imports.corpus.model import (
    Blank,
    CellValue,
    Delegation,
    Item,
    Person,
    Row,
    Section,
    Sheet,
    Workbook,
    new_style,
)
from tests.imports.corpus.people import People

TERM = "NHIỆM KỲ 2025–2030"
EX_OFFICIO = Section("I. ĐẠI BIỂU ĐƯƠNG NHIÊN", kind="ex_officio")
ELECTED = Section("II. ĐẠI BIỂU ĐƯỢC BẦU", kind="elected")
APPOINTED = Section("III. ĐẠI BIỂU CHỈ ĐỊNH", kind="appointed")


def title_block(
    upper: str, lower: str, place_date: str, congress: str, extra: list[str] | None = None
) -> list[str | tuple[str, str]]:
    """The heading offices put above a list: the two-sided block, then the list's title."""
    lines: list[str | tuple[str, str]] = [
        (upper, "ĐẢNG CỘNG SẢN VIỆT NAM"),
        (lower, ""),
        ("*", place_date),
        "",
        "DANH SÁCH TRÍCH NGANG",
        f"ĐẠI BIỂU DỰ ĐẠI HỘI ĐẠI BIỂU {congress}, {TERM}",
    ]
    return lines + (extra or [])


def rows(people: list[Person]) -> list[Item]:
    """Plain rows for people."""
    return [Row(p) for p in people]


def f01() -> Workbook:
    """Province: the full form, two-row header, sections I/II, real date cells."""
    pp = People(
        101, "province", "Lâm Đồng", ["Xuân Hương – Đà Lạt", "Lâm Viên – Đà Lạt", "Di Linh"]
    )
    ex = pp.many(4, theory="Cao cấp")
    el = [*pp.many(3), pp.minority(7), *pp.many(3), pp.minority(8), *pp.many(2)]
    sheet = Sheet(
        "Danh sách",
        title_block(
            "ĐẢNG BỘ TỈNH LÂM ĐỒNG",
            "BAN CHẤP HÀNH",
            "Đà Lạt, ngày 25 tháng 9 năm 2025",
            "ĐẢNG BỘ TỈNH LÂM ĐỒNG LẦN THỨ I",
        ),
        [
            c.counter(),
            c.name(),
            *c.birth_by_sex("cell"),
            c.ethnicity(),
            c.home(),
            c.post_combined(),
            *c.party("cell"),
            c.education(("Trình độ", "Chuyên môn, nghiệp vụ")),
            c.theory(label=("Trình độ", "Lý luận chính trị")),
            c.notes(),
        ],
        [EX_OFFICIO, *rows(ex), Blank(), ELECTED, *rows(el)],
    )
    return Workbook(
        "01_tinh_trich_ngang_day_du",
        "Provincial trích ngang (BTCTW layout): title block, two-row merged header (Nam/Nữ, Dự bị/"
        "Chính thức, Trình độ), (1)…(12) number row, sections I/II, totals and signature",
        [sheet],
    )


def f02() -> Workbook:
    """Ward: names in two columns, dd/mm/yyyy text, dotted party dates, CC/TC/SC, ĐN/Bầu."""
    pp = People(102, "ward", "Bến Nghé", ["Bến Nghé"])
    people = [*pp.many(3, kind="ex_officio"), *pp.many(9, kind="elected", theory="Trung cấp")]
    people[5] = replace(people[5], political_theory="Sơ cấp")
    people[7] = replace(people[7], political_theory="Cao cấp")
    sheet = Sheet(
        "DS dai bieu",
        [
            "ĐẢNG BỘ QUẬN 1",
            "ĐẢNG ỦY PHƯỜNG BẾN NGHÉ",
            "DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI ĐẢNG BỘ PHƯỜNG BẾN NGHÉ LẦN THỨ XIII, " + TERM,
        ],
        [
            c.counter("STT"),
            *c.name_split(),
            c.birth("dmy"),
            c.sex(),
            c.ethnicity(),
            *c.post_apart(),
            c.joined("dots"),
            c.official("dots"),
            c.education(("Chuyên môn",)),
            c.theory(c.SHORT_THEORY, ("LLCT",)),
            c.kind(c.KIND_SHORT, "Loại ĐB"),
        ],
        rows(people),
        number_row="plain",
        total="Danh sách này có {n} đồng chí",
    )
    return Workbook(
        "02_phuong_ho_ten_hai_cot",
        "Ward list: 'Họ và tên đệm' + 'Tên', dd/mm/yyyy text dates, dd.mm.yyyy party dates, "
        "CC/TC/SC, ĐN/Bầu in a type column, plain 1 2 3 number row, table at row 5",
        [sheet],
    )


def f03() -> Workbook:
    """District: three-row header, sections I/II/III with delegation rows, dd/mm/yyyy text."""
    pp = People(103, "district", "Đức Trọng", ["Tà Năng", "Hiệp Thạnh", "Ninh Gia", "Tân Hội"])
    ex = pp.many(3, theory="Cao cấp")
    d1, d2, d3 = pp.many(3), [pp.minority(7), *pp.many(2)], pp.many(3)
    ap = pp.many(2)
    body = [
        EX_OFFICIO,
        *rows(ex),
        ELECTED,
        Delegation("Đoàn đại biểu số 1 – Đảng bộ xã Hiệp Thạnh", merged=False),
        *rows(d1),
        Delegation("Đoàn đại biểu số 2 – Đảng bộ xã Tà Năng", merged=False),
        *rows(d2),
        Delegation("Đoàn đại biểu số 3 – Đảng bộ xã Ninh Gia", merged=False),
        *rows(d3),
        APPOINTED,
        Delegation("Đoàn đại biểu số 4 – Đảng bộ xã Tân Hội", merged=False),
        *rows(ap),
    ]
    sheet = Sheet(
        "Trich ngang",
        title_block(
            "ĐẢNG BỘ TỈNH LÂM ĐỒNG",
            "HUYỆN ỦY ĐỨC TRỌNG",
            "Liên Nghĩa, ngày 12 tháng 6 năm 2025",
            "ĐẢNG BỘ HUYỆN ĐỨC TRỌNG LẦN THỨ XIII",
        ),
        [
            c.counter(),
            c.name(("Họ và tên",)),
            *c.birth_by_sex("dmy"),
            c.ethnicity(),
            *[replace(col, path=("Đảng tịch", *col.path)) for col in c.party("dmy")],
            c.post_combined(),
            c.education(("Trình độ", "Chuyên môn, nghiệp vụ")),
            c.theory(c.SHORT_THEORY, ("Trình độ", "Lý luận chính trị")),
        ],
        body,
    )
    return Workbook(
        "03_huyen_ba_dong_tieu_de_doan",
        "District trích ngang: three-row header (Đảng tịch › Ngày vào Đảng › Dự bị/Chính thức), "
        "sections I/II/III, 'Đoàn đại biểu số N – …' rows in column B setting the delegation, "
        "dd/mm/yyyy text",
        [sheet],
    )


def f04() -> Workbook:
    """Enterprise bloc on an English-Windows machine: every date written m/d/yyyy as text."""
    pp = People(104, "enterprise", "Đồng Nai", ["Biên Hòa"])
    people = pp.many(10, kind="elected")
    people[0] = replace(people[0], kind="ex_officio")
    people[1] = replace(people[1], kind="ex_officio")
    for col in ("birth_date", "party_joined_on", "party_official_on"):
        assert sum(getattr(p, col).day > 12 for p in people) >= 2, col
    sheet = Sheet(
        "Sheet1",
        [
            "ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH ĐỒNG NAI",
            "DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI LẦN THỨ V, " + TERM,
        ],
        [
            c.counter("STT"),
            c.name(),
            c.birth("mdy"),
            c.sex(),
            c.post_combined(),
            c.joined("mdy"),
            c.official("mdy"),
            c.theory(label=("Trình độ LLCT",)),
            c.education(("Trình độ chuyên môn",)),
            c.kind(c.KIND_LONG, "Đại biểu"),
        ],
        rows(people),
        number_row="",
        signature=False,
        total="",
        blank_before_table=0,
    )
    return Workbook(
        "04_mdy_excel_tieng_anh",
        "Enterprise-bloc list typed on an English-Windows Excel: dates as m/d/yyyy text "
        "('6/25/1968'), one-row header at row 3, no totals or signature",
        [sheet],
        warnings=[
            "day/month order: column «Ngày sinh» reads as m/d (days over 12 in the second place)",
            "day/month order: column «Ngày vào Đảng» reads as m/d",
            "day/month order: column «Ngày chính thức» reads as m/d",
        ],
    )


def f05() -> Workbook:
    """District: names in capitals, years only under Nam/Nữ, sections without numerals."""
    pp = People(105, "district", "Bắc Sơn", ["Bắc Sơn", "Vũ Lăng"])
    people = [*pp.many(2), pp.minority(0), pp.minority(1), *pp.many(6)]
    # a new-style capital spelling (THUỶ, HOÀ, KHOẺ) for the names that have one
    people = [replace(p, written={"name": c.NAME_STYLES["caps_new"](p.full_name)}) for p in people]
    body = [
        Section("ĐẠI BIỂU ĐƯƠNG NHIÊN", kind="ex_officio"),
        *rows(people[:3]),
        Section("ĐẠI BIỂU ĐƯỢC BẦU", kind="elected"),
        *rows(people[3:]),
    ]
    sheet = Sheet(
        "DS",
        title_block(
            "ĐẢNG BỘ TỈNH LẠNG SƠN",
            "HUYỆN ỦY BẮC SƠN",
            "Bắc Sơn, ngày 20 tháng 6 năm 2025",
            "ĐẢNG BỘ HUYỆN BẮC SƠN LẦN THỨ XXV",
        ),
        [
            c.counter(),
            c.name(("HỌ VÀ TÊN",), "caps"),
            *c.birth_by_sex("year", "Năm sinh"),
            c.ethnicity(),
            c.post_combined(),
            c.joined("dmy"),
            c.theory(label=("Lý luận chính trị",)),
            c.education(("Chuyên môn",)),
            c.notes(),
        ],
        body,
    )
    return Workbook(
        "05_huyen_chu_hoa_nam_sinh",
        "District list with names in CAPITALS (new-style tones: THUỶ, HOÀ), birth YEAR only under "
        "'Năm sinh' › Nam/Nữ, Tày delegates, unnumbered section rows",
        [sheet],
    )


def f06() -> Workbook:
    """A ward list saved from a Mac: every text in NFD; post split under one parent."""
    pp = People(106, "ward", "Phú Hội", ["Phú Hội"])
    people = [*pp.many(2, kind="ex_officio"), *pp.many(8, kind="elected")]
    sheet = Sheet(
        "Danh sách đại biểu",
        title_block(
            "ĐẢNG BỘ THÀNH PHỐ HUẾ",
            "ĐẢNG ỦY PHƯỜNG PHÚ HỘI",
            "Huế, ngày 02 tháng 6 năm 2025",
            "ĐẢNG BỘ PHƯỜNG PHÚ HỘI LẦN THỨ XVI",
        ),
        [
            c.counter(),
            c.name(),
            *c.birth_by_sex("cell"),
            *c.post_apart("Chức vụ, đơn vị công tác"),
            *c.party("cell"),
            c.theory(label=("Lý luận chính trị",)),
            c.education(("Trình độ chuyên môn",)),
            c.kind(c.KIND_LONG, "Loại đại biểu"),
        ],
        rows(people),
    )
    return Workbook(
        "06_phuong_nfd_mac",
        "Ward trích ngang saved on a Mac: every text cell (names, headers, title) in NFD; "
        "'Chức vụ, đơn vị công tác' spanning 'Chức vụ' | 'Đơn vị công tác'",
        [sheet],
        nfd=True,
    )


def f07() -> Workbook:
    """Dates stored as serial numbers in General cells; one hidden row (a withdrawn delegate)."""
    pp = People(107, "district", "Hà Trung", ["Hà Lĩnh", "Hà Đông", "Hà Ngọc"])
    people = [
        *pp.many(3, kind="ex_officio"),
        *pp.many(8, kind="elected"),
        *pp.many(1, kind="appointed"),
    ]
    body: list[Item] = [Row(p, hidden=(i == 6)) for i, p in enumerate(people)]
    sheet = Sheet(
        "Đại biểu",
        title_block(
            "ĐẢNG BỘ TỈNH THANH HÓA",
            "HUYỆN ỦY HÀ TRUNG",
            "Hà Trung, ngày 15 tháng 6 năm 2025",
            "ĐẢNG BỘ HUYỆN HÀ TRUNG LẦN THỨ XXVI",
        ),
        [
            c.counter(),
            c.name(),
            c.birth("serial", ("Ngày, tháng, năm sinh",)),
            c.sex(),
            c.post_combined(),
            c.joined("serial"),
            c.official("serial"),
            c.theory(c.SHORT_THEORY),
            c.education(),
            c.kind(c.KIND_DB, "Đại biểu"),
        ],
        body,
    )
    return Workbook(
        "07_huyen_ngay_dang_so_dong_an",
        "District list whose dates are Excel serial numbers in General-formatted cells (25726…), "
        "kind written ĐN/ĐB/CĐ, one hidden row (a withdrawn delegate left in the sheet)",
        [sheet],
    )


def f08() -> Workbook:
    """A replaced delegate struck through, the replacement below; two-digit years as text."""
    pp = People(108, "ward", "Tân Định", ["Tân Định"])
    people = [*pp.many(2, kind="ex_officio"), *pp.many(9, kind="elected")]
    struck, replacement = people[6], people[7]
    people[7] = replace(
        replacement, written={"note": f"Thay đồng chí {struck.full_name} (chuyển công tác)"}
    )
    body: list[Item] = [Row(p, struck=(p is struck)) for p in people]
    sheet = Sheet(
        "DS",
        title_block(
            "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
            "ĐẢNG ỦY PHƯỜNG TÂN ĐỊNH",
            "TP. Hồ Chí Minh, ngày 05 tháng 7 năm 2025",
            "ĐẢNG BỘ PHƯỜNG TÂN ĐỊNH LẦN THỨ I",
            ["(Kèm theo Báo cáo số 12-BC/ĐU ngày 05/7/2025 của Đảng ủy phường)"],
        ),
        [
            c.counter(),
            c.name(),
            *c.birth_by_sex("dmy_short"),
            c.ethnicity(),
            c.post_combined(),
            *c.party("dmy_short"),
            c.theory(c.CT_THEORY),
            c.education(),
            c.kind(c.KIND_SHORT, "ĐN/Bầu"),
            c.notes(),
        ],
        body,
        total="Tổng số: {n} đồng chí",
    )
    return Workbook(
        "08_phuong_gach_ngang_thay_the",
        "Ward list with a replaced delegate struck through and the replacement below ('Thay đồng "
        "chí …' in Ghi chú); dates as d/m/yy text with two-digit years",
        [sheet],
    )


def f09() -> Workbook:
    """The same person twice, once as "Hòa", once as "Hoà", in two delegations."""
    pp = People(109, "district", "Năm Căn", ["Hàm Rồng", "Đất Mới", "Tam Giang"])
    twice = pp.one(gender="female", full_name="Lê Thị Hòa", kind="elected")
    d1 = [*pp.many(2), twice, *pp.many(1)]
    d2 = pp.many(3)
    d3 = [*pp.many(2), replace(twice, written={"name": new_style(twice.full_name)}), *pp.many(1)]
    dname = [
        "Đoàn đại biểu số 1 – Đảng bộ xã Hàm Rồng",
        "Đoàn đại biểu số 2 – Đảng bộ xã Đất Mới",
        "Đoàn đại biểu số 3 – Đảng bộ xã Tam Giang",
    ]
    body = [
        Section("ĐẠI BIỂU ĐƯỢC BẦU", kind="elected"),
        Delegation(dname[0]),
        *rows(d1),
        Delegation(dname[1]),
        *rows(d2),
        Delegation(dname[2]),
        *rows(d3),
    ]
    sheet = Sheet(
        "Danh sach",
        title_block(
            "ĐẢNG BỘ TỈNH CÀ MAU",
            "HUYỆN ỦY NĂM CĂN",
            "Năm Căn, ngày 20 tháng 6 năm 2025",
            "ĐẢNG BỘ HUYỆN NĂM CĂN LẦN THỨ XIV",
        ),
        [
            c.counter(),
            c.name(),
            *c.birth_by_sex("cell"),
            c.ethnicity(),
            c.post_combined(),
            *c.party("cell"),
            c.theory(),
            c.education(),
        ],
        body,
    )
    return Workbook(
        "09_huyen_trung_nguoi_dau_thanh",
        "District list where one delegate appears in two delegations, once 'Lê Thị Hòa' and once "
        "'Lê Thị Hoà' with the same birth date; delegation rows merged across the table",
        [sheet],
    )


def f10() -> Workbook:
    """A first notes sheet, one sheet per delegation, a summary sheet at the end."""
    pp = People(110, "ward", "Hòa Cường", ["Hòa Cường"])
    groups = [pp.many(4, kind="elected"), pp.many(3, kind="elected"), pp.many(4, kind="elected")]
    groups[0][0] = replace(groups[0][0], kind="ex_officio", incumbent=True)
    groups[1][1] = replace(groups[1][1], incumbent=True)
    groups[2][0] = replace(groups[2][0], incumbent=True)
    names = ["Chi bộ khu phố 1", "Chi bộ khu phố 2", "Đảng bộ Trường THCS Nguyễn Huệ"]
    notes = Sheet(
        "Hướng dẫn",
        [],
        [],
        [],
        free=[
            ["HƯỚNG DẪN LẬP DANH SÁCH ĐẠI BIỂU"],
            ["1. Mỗi đoàn đại biểu lập danh sách trên một sheet riêng."],
            ["2. Ngày sinh, ngày vào Đảng ghi theo ngày/tháng/năm."],
            ["3. Cột 'Ủy viên BCH khóa trước' đánh dấu x nếu là ủy viên Ban Chấp hành khóa XII."],
            ["4. Không sửa tên các cột."],
        ],
    )
    sheets = [notes]
    for i, (group, unit) in enumerate(zip(groups, names, strict=True), 1):
        sheets.append(
            Sheet(
                f"Đoàn {i}",
                ["ĐẢNG ỦY PHƯỜNG HÒA CƯỜNG", f"DANH SÁCH ĐẠI BIỂU ĐOÀN {i}"],
                [
                    c.counter(),
                    c.name(),
                    c.birth("cell"),
                    c.sex(),
                    c.post_combined(),
                    c.joined("cell"),
                    c.theory(c.SHORT_THEORY),
                    c.education(),
                    c.kind(c.KIND_SHORT, "Loại ĐB"),
                    c.incumbent(),
                ],
                [Delegation(f"Đoàn đại biểu số {i} – {unit}"), *rows(group)],
                number_row="",
                signature=False,
            )
        )
    summary: list[list[CellValue]] = [
        ["TỔNG HỢP SỐ LƯỢNG ĐẠI BIỂU"],
        ["TT", "Đoàn", "Số đại biểu", "Nam", "Nữ"],
    ]
    for i, group in enumerate(groups, 1):
        men = sum(p.gender == "male" for p in group)
        summary.append([i, f"Đoàn {i}", len(group), men, len(group) - men])
    summary.append(["", "Cộng", sum(map(len, groups)), "", ""])
    sheets.append(Sheet("Tổng hợp", [], [], [], free=summary))
    return Workbook(
        "10_phuong_nhieu_sheet_moi_doan",
        "Ward workbook: a 'Hướng dẫn' notes sheet, one sheet per delegation (delegation row on top "
        "of each table), 'x' in 'Ủy viên BCH khóa trước', and a 'Tổng hợp' summary sheet to ignore",
        sheets,
    )


FORMS = [f01, f02, f03, f04, f05, f06, f07, f08, f09, f10]
