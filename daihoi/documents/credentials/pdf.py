"""The credentials report (báo cáo thẩm tra tư cách đại biểu) as a PDF in the official layout.

Laid out as the counting minutes are (minutes_pdf): "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, the
congress and the credentials board on the left, the place-and-date line, the title, then the
sections every published report has (practice.md §1.6) and the board's signature block. Every
figure is printed by daihoi.core.vi.formatting from a Share of the report, never typed, so the
PDF and the DOCX (which takes its words from `report_lines`) read the same figures.
"""

from decimal import Decimal

from fpdf.enums import XPos, YPos

from daihoi.core.composition import Share
from daihoi.core.credentials import (
    AbsentDelegate,
    Breakdown,
    CredentialsReport,
    Extreme,
    Questioned,
)
from daihoi.core.qualifications import (
    OTHER,
    UNKNOWN,
)
from daihoi.core.vi.formatting import format_date, format_int, format_share, roman
from daihoi.interchange.election_file import CongressInfo
from daihoi.typesetting.pdf import SERIF, OfficialPage

TITLE = "BÁO CÁO THẨM TRA TƯ CÁCH ĐẠI BIỂU"
BOARD = "BAN THẨM TRA TƯ CÁCH ĐẠI BIỂU"

# Kinds of line in `report_lines`: how each document sets them.
SECTION = "section"
SUBSECTION = "subsection"
TEXT = "text"
ITEM = "item"

_ORIGIN_LABELS = {
    "ex_officio": "Đại biểu đương nhiên (ủy viên Ban Chấp hành đương nhiệm)",
    "elected": "Đại biểu do đại hội cấp dưới bầu",
    "appointed": "Đại biểu được chỉ định",
    UNKNOWN: "Chưa rõ loại đại biểu",
}
_AGE_LABELS = {
    "18-30": "Từ 30 tuổi trở xuống",
    "31-35": "Từ 31 đến 35 tuổi",
    "36-40": "Từ 36 đến 40 tuổi",
    "41-45": "Từ 41 đến 45 tuổi",
    "46-50": "Từ 46 đến 50 tuổi",
    "51-55": "Từ 51 đến 55 tuổi",
    "56-60": "Từ 56 đến 60 tuổi",
    "over-60": "Trên 60 tuổi",
    UNKNOWN: "Chưa rõ ngày sinh",
}
_LEVEL_LABELS = {
    "doctor": "Tiến sĩ",
    "master": "Thạc sĩ",
    "university": "Đại học",
    "college": "Cao đẳng",
    "intermediate": "Trung cấp",
    "elementary": "Sơ cấp",
    OTHER: "Trình độ khác (cần đối chiếu hồ sơ)",
    UNKNOWN: "Chưa có hoặc chưa rõ",
}
_THEORY_LABELS = {
    "senior": "Cao cấp, cử nhân",
    "intermediate": "Trung cấp",
    "elementary": "Sơ cấp",
    OTHER: "Trình độ khác (cần đối chiếu hồ sơ)",
    UNKNOWN: "Chưa có hoặc chưa rõ",
}
_PARTY_AGE_LABELS = {
    "under-10": "Dưới 10 năm",
    "10-19": "Từ 10 đến 19 năm",
    "20-29": "Từ 20 đến 29 năm",
    "30-39": "Từ 30 đến 39 năm",
    "40-plus": "Từ 40 năm trở lên",
    UNKNOWN: "Chưa rõ ngày vào Đảng",
}
# Buckets printed only when someone is in them; the bands and levels are printed even when 0.
_ONLY_IF_ANY = frozenset({OTHER, UNKNOWN})


def share_words(share: Share) -> str:
    """ "8/41, tỷ lệ 19,51%": the one way a figure of this report is printed."""
    return format_share(share.numerator, share.denominator)


def _decimal_words(value: Decimal) -> str:
    return format(value, "f").replace(".", ",")


def _who(name: str, unit: str) -> str:
    return f"đồng chí {name}" + (f" ({unit})" if unit else "")


def congress_words(congress: CongressInfo) -> list[str]:
    """["ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ …", "LẦN THỨ XXIII, NHIỆM KỲ 2020–2025"], from what is known.

    Two lines, as mastheads break them, so that the number never wraps away from its words.
    """
    ordinal = [f"LẦN THỨ {roman(congress.number)}"] if congress.number else []
    term = [f"NHIỆM KỲ {congress.term}"] if congress.term else []
    first = "ĐẠI HỘI ĐẠI BIỂU" + (
        f" {congress.organisation.upper()}" if congress.organisation else ""
    )
    return [first, ", ".join(ordinal + term)]


def place_and_date(report: CredentialsReport, congress: CongressInfo) -> str:
    """The report is dated the day its figures were taken (`report.on`)."""
    day = format_date(report.on)
    return f"{congress.place}, {day}" if congress.place else day[0].upper() + day[1:]


def _breakdown(
    breakdown: Breakdown, labels: dict[str, str], *, only_if_any: frozenset[str] = _ONLY_IF_ANY
) -> list[tuple[str, str]]:
    return [
        (ITEM, f"{labels.get(key, key)}: {share_words(share)}")
        for key, share in breakdown.buckets
        if share.numerator or key not in only_if_any
    ]


def _extremes(label: str, people: tuple[Extreme, ...], unit_word: str) -> list[tuple[str, str]]:
    if not people:
        return []
    named = "; ".join(_who(p.name, p.unit) for p in people)
    return [(ITEM, f"{label}: {named}, {format_int(people[0].years)} {unit_word}")]


def _mean(
    label: str, value: Decimal | None, breakdown: Breakdown, unit_word: str
) -> list[tuple[str, str]]:
    if value is None:
        return []
    words = f"{label}: {_decimal_words(value)} {unit_word}"
    unknown = breakdown[UNKNOWN]
    if unknown.numerator:
        known = unknown.denominator - unknown.numerator
        words += f" (tính trên {format_int(known)} đại biểu có số liệu)"
    return [(ITEM, words)]


def _absent_words(a: AbsentDelegate) -> str:
    who = _who(a.name, a.unit)
    words = f"{who[0].upper()}{who[1:]}: "
    if a.reason is None:
        words += "chưa ghi nhận lý do vắng mặt"
    else:
        approval = "đã được" if a.approved else "chưa được"
        words += f"{a.reason}; lý do {approval} cấp ủy triệu tập đại hội chấp thuận"
    if a.replaced_by:
        words += f"; đại biểu dự khuyết {a.replaced_by} thay thế"
    return words + "."


def _questioned_words(q: Questioned) -> str:
    who = _who(q.name, q.unit)
    words = f"{who[0].upper()}{who[1:]}: {q.issue}."
    if q.pending:
        return words + " Đang xem xét, chưa có kết luận."
    decision = q.decision.strip()
    return words + f" Kết luận: {decision}" + ("" if decision.endswith((".", "!", ")")) else ".")


def _attendance(report: CredentialsReport) -> list[tuple[str, str]]:
    lines = [
        (SECTION, "I. SỐ LƯỢNG ĐẠI BIỂU"),
        (
            TEXT,
            f"Tổng số đại biểu chính thức được triệu tập: {format_int(report.summoned)} đồng chí.",
        ),
    ]
    present = f"Số đại biểu có mặt: {share_words(report.present)}"
    if report.present_alternates:
        present += (
            f" (gồm {format_int(report.present_officials)} đại biểu chính thức và "
            f"{format_int(report.present_alternates)} đại biểu dự khuyết thay thế)"
        )
    lines.append((TEXT, present + "."))
    if report.absent:
        lines.append(
            (TEXT, f"Số đại biểu chính thức vắng mặt: {share_words(report.absent_share)}, gồm:")
        )
        lines += [(ITEM, _absent_words(a)) for a in report.absent]
    else:
        lines.append((TEXT, "Không có đại biểu chính thức vắng mặt."))
    if report.substitutions:
        lines.append(
            (
                TEXT,
                (
                    "Số đại biểu dự khuyết thay thế đại biểu chính thức: "
                    f"{format_int(len(report.substitutions))} đồng chí:"
                ),
            )
        )
        lines += [
            (
                ITEM,
                f"Đồng chí {s.alternate} thay đồng chí {s.official}"
                + (f" ({s.unit})" if s.unit else "")
                + ".",
            )
            for s in report.substitutions
        ]
    else:
        lines.append((TEXT, "Không có đại biểu dự khuyết thay thế."))
    return lines


def _composition(report: CredentialsReport) -> list[tuple[str, str]]:
    gender, ethnicity = report.gender, report.ethnicity
    lines = [
        (SECTION, "III. CƠ CẤU ĐẠI BIỂU"),
        (
            TEXT,
            (
                f"Tính trên {format_int(report.with_credentials)} đại biểu có tư cách (đại "
                "biểu chính thức; đại biểu đã được thay thế tính bằng đại biểu dự khuyết thay "
                f"thế). Tuổi đời, tuổi Đảng tính đến {format_date(report.on)}."
            ),
        ),
        (SUBSECTION, "1. Giới tính, dân tộc"),
        (ITEM, f"Đại biểu nữ: {share_words(report.women)}"),
    ]
    if gender[UNKNOWN].numerator:
        lines.append((ITEM, f"Chưa rõ giới tính: {share_words(gender[UNKNOWN])}"))
    lines.append((ITEM, f"Đại biểu người dân tộc thiểu số: {share_words(report.ethnic_minority)}"))
    if ethnicity[UNKNOWN].numerator:
        lines.append((ITEM, f"Chưa rõ dân tộc: {share_words(ethnicity[UNKNOWN])}"))
    lines += [(SUBSECTION, "2. Tuổi đời"), *_breakdown(report.age, _AGE_LABELS)]
    lines += _mean("Tuổi đời bình quân", report.mean_age, report.age, "tuổi")
    lines += _extremes("Cao tuổi nhất", report.oldest, "tuổi")
    lines += _extremes("Trẻ tuổi nhất", report.youngest, "tuổi")
    lines += [
        (SUBSECTION, "3. Trình độ chuyên môn"),
        *_breakdown(report.education, _LEVEL_LABELS),
        (ITEM, f"Có học hàm Giáo sư: {share_words(report.professors)}"),
        (ITEM, f"Có học hàm Phó Giáo sư: {share_words(report.associate_professors)}"),
        (SUBSECTION, "4. Trình độ lý luận chính trị"),
        *_breakdown(report.political_theory, _THEORY_LABELS),
        (SUBSECTION, "5. Tuổi Đảng"),
        *_breakdown(report.party_age, _PARTY_AGE_LABELS),
    ]
    lines += _mean("Tuổi Đảng bình quân", report.mean_party_age, report.party_age, "năm")
    lines += _extremes("Tuổi Đảng cao nhất", report.longest_in_party, "năm")
    lines += _extremes("Tuổi Đảng thấp nhất", report.shortest_in_party, "năm")
    lines += [
        (SUBSECTION, "6. Cơ cấu theo lĩnh vực công tác"),
        *_breakdown(report.position_groups, {UNKNOWN: "Chưa rõ"}),
    ]
    return lines


def report_lines(report: CredentialsReport) -> list[tuple[str, str]]:
    """(kind, words) of sections I–IV and the conclusion: the body both documents print."""
    lines = _attendance(report)
    lines.append((SECTION, "II. CƠ CẤU THEO NGUỒN ĐẠI BIỂU"))
    lines.append((TEXT, f"Trong {format_int(report.summoned)} đại biểu chính thức được triệu tập:"))
    lines += _breakdown(report.origin, _ORIGIN_LABELS)
    lines += _composition(report)
    lines.append((SECTION, "IV. NHỮNG TRƯỜNG HỢP CÓ Ý KIẾN VỀ TƯ CÁCH ĐẠI BIỂU"))
    if report.questioned:
        lines += [(ITEM, _questioned_words(q)) for q in report.questioned]
    else:
        lines.append((TEXT, "Không có."))
    lines.append((SECTION, "KẾT LUẬN"))
    # A decision is free text: one that found a delegate not qualified must be worded so by the
    # board (the DOCX is for that); only a pending question is known here to forbid "Tất cả".
    pending = report.pending_questions
    if pending:
        lines.append(
            (
                TEXT,
                (
                    f"Còn {format_int(pending)} trường hợp có ý kiến về tư cách đại biểu chưa "
                    "có kết luận; Ban Thẩm tra tư cách đại biểu sẽ báo cáo Đại hội khi có kết "
                    "luận."
                ),
            )
        )
    else:
        lines.append(
            (
                TEXT,
                (
                    "Qua thẩm tra, Ban Thẩm tra tư cách đại biểu báo cáo Đại hội: Tất cả "
                    f"{format_int(report.present.numerator)} đại biểu đủ tư cách dự Đại hội."
                ),
            )
        )
    lines.append((TEXT, "Ban Thẩm tra tư cách đại biểu trân trọng báo cáo Đại hội."))
    return lines


def masthead_left(congress: CongressInfo) -> list[str]:
    """Upper organisation, the congress, the board: the left column of the masthead."""
    upper = (congress.upper_organisation or "").upper()
    return [w for w in (upper, *congress_words(congress), BOARD) if w]


def masthead_lines(congress: CongressInfo) -> list[tuple[str, bool]]:
    """The left column with its weights: the level above regular, the rest bold."""
    return [
        (words, index > 0 or not congress.upper_organisation)
        for index, words in enumerate(masthead_left(congress))
    ]


def _body(pdf: OfficialPage, lines: list[tuple[str, str]]) -> None:
    for kind, words in lines:
        if kind in {SECTION, SUBSECTION}:
            if pdf.will_page_break(18 if kind == SECTION else 14):
                pdf.add_page()
            pdf.ln(2.5 if kind == SECTION else 1)
            pdf.paragraph(words, style="B")
        elif kind == ITEM:
            pdf.paragraph(f"– {words}", indent=6)
        else:
            pdf.paragraph(words)


def _signatures(pdf: OfficialPage) -> None:
    if pdf.will_page_break(45):
        pdf.add_page()
    pdf.ln(6)
    y, half = pdf.get_y(), pdf.epw / 2
    pdf.set_font(SERIF, "BI", 12)
    pdf.set_xy(pdf.l_margin, y)
    pdf.cell(half, 5, "Nơi nhận:")
    pdf.set_font(SERIF, "", 11)
    for index, words in enumerate(("- Đoàn Chủ tịch Đại hội,", "- Lưu Ban Thẩm tra tư cách.")):
        pdf.set_xy(pdf.l_margin, y + 5.5 + 5 * index)
        pdf.cell(half, 5, words)
    pdf.set_font(SERIF, "B", 13)
    for index, words in enumerate((f"T/M {BOARD}", "TRƯỞNG BAN")):
        pdf.set_xy(pdf.l_margin + half - 10, y + 6.2 * index)
        pdf.cell(half + 10, 6.2, words, align="C")
    pdf.set_font(SERIF, "I", 12)
    pdf.set_xy(pdf.l_margin + half - 10, y + 12.6)
    pdf.cell(half + 10, 5, "(Ký, ghi rõ họ tên)", align="C")


def credentials_pdf(
    report: CredentialsReport, congress: CongressInfo, *, rehearsal: bool = False
) -> bytes:
    """The credentials report as PDF bytes; in rehearsal every page carries REHEARSAL_MARK."""
    pdf = OfficialPage(rehearsal=rehearsal, mark_gap=2)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.masthead(masthead_lines(congress), place_and_date(report, congress))
    pdf.set_font(SERIF, "B", 15)
    pdf.cell(0, 8, TITLE, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if congress.title:
        pdf.set_font(SERIF, "B", 13)
        pdf.multi_cell(0, 6.2, congress.title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    _body(pdf, report_lines(report))
    _signatures(pdf)
    return bytes(pdf.output())
