"""The counting minutes (biên bản kiểm phiếu) as a PDF in the official layout.

The same content as the text minutes (R13), laid out as a Party document: "ĐẢNG CỘNG SẢN VIỆT
NAM" on the right, the organisation on the left, the place-and-date line, the title, the
figures, the candidates in ballot order as a table (header repeated on each page), the elected
in vote order, composition, warnings with the board's explanations, the settings applied,
signature blocks, and on every page the SHA-256 of the exported election file.
"""

from collections.abc import Mapping
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from daihoi.core.outcome import Outcome
from daihoi.core.vi.formatting import format_date, format_int
from daihoi.exports import minutes_text as text
from daihoi.exports.pdf_page import OfficialPage
from daihoi.interchange.election_file import CongressInfo


def _line(pdf: FPDF, words: str, *, bold: bool = False, size: float = 10.5) -> None:
    pdf.set_font("DejaVu", "B" if bold else "", size)
    pdf.multi_cell(0, 5.6, words, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _masthead(pdf: FPDF, congress: CongressInfo) -> None:
    left = [
        congress.upper_organisation or "",
        (congress.organisation or "").upper(),
        "BAN KIỂM PHIẾU",
    ]
    top = pdf.get_y()
    pdf.set_font("DejaVu", "", 10)
    for index, words in enumerate(w for w in left if w):
        pdf.set_font("DejaVu", "B" if index else "", 10)
        pdf.set_xy(20, top + 5 * index)
        pdf.cell(80, 5, words, align="C")
    pdf.set_font("DejaVu", "B", 11)
    pdf.set_xy(105, top)
    pdf.cell(90, 5, "ĐẢNG CỘNG SẢN VIỆT NAM", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.line(125, top + 5.5, 175, top + 5.5)
    if congress.place and congress.held_on:
        pdf.set_font("DejaVu", "", 10)
        pdf.set_xy(105, top + 8)
        pdf.cell(90, 5, f"{congress.place}, {format_date(congress.held_on)}", align="C")
    pdf.set_y(top + 20)


def _candidate_table(pdf: FPDF, outcome: Outcome) -> None:
    denominator = outcome.percent_denominator
    basis = "Tỷ lệ %" + (f" (so với {format_int(denominator)})" if denominator else "")
    widths = (14, 92, 26, 43)
    heading = ("STT", "Họ và tên", "Số phiếu", basis)

    def head() -> None:
        pdf.set_font("DejaVu", "B", 9.5)
        for width, words in zip(widths, heading, strict=True):
            pdf.cell(width, 7, words, border=1, align="C")
        pdf.ln(7)

    head()
    pdf.set_font("DejaVu", "", 9.5)
    for candidate in outcome.candidates:
        if pdf.will_page_break(6.5):
            pdf.add_page()
            head()
            pdf.set_font("DejaVu", "", 9.5)
        pdf.cell(widths[0], 6.5, str(candidate.number), border=1, align="C")
        pdf.cell(widths[1], 6.5, candidate.name, border=1)
        pdf.cell(widths[2], 6.5, format_int(candidate.votes), border=1, align="R")
        pdf.cell(widths[3], 6.5, text._percent(candidate.votes, outcome), border=1, align="R")
        pdf.ln(6.5)
    pdf.ln(3)


def _closing(
    pdf: FPDF, outcome: Outcome, congress: CongressInfo, explanations: Mapping[str, str]
) -> None:
    """The elected, the next step, composition, warnings with explanations, settings applied."""
    for words in text._elected(outcome):
        if words:
            _line(pdf, words, bold=words.endswith(":"))
    for words in text._composition(outcome, congress) + text._warnings(outcome):
        if words:
            _line(pdf, words)
    for code, explanation in explanations.items():
        _line(pdf, f"Giải trình [{code}]: {explanation}")
    pdf.ln(2)
    for words in text._settings(outcome):
        if words:
            _line(pdf, words, size=8.5)


def minutes_pdf(  # noqa: PLR0913 - the count, its header, and five things printed with it
    outcome: Outcome,
    congress: CongressInfo,
    *,
    sha256: str | None,
    rehearsal: bool = False,
    explanations: Mapping[str, str] | None = None,
    derivation: Mapping[str, Any] | None = None,
    scans: Mapping[str, Any] | None = None,
) -> bytes:
    """The minutes of one count as PDF bytes."""
    pdf = OfficialPage(rehearsal=rehearsal, sha256=sha256)
    pdf.alias_nb_pages()
    pdf.add_page()
    _masthead(pdf, congress)
    header = text._header(outcome, congress)
    title_at = header.index("BIÊN BẢN KIỂM PHIẾU")
    pdf.set_font("DejaVu", "B", 14)
    pdf.cell(0, 8, "BIÊN BẢN KIỂM PHIẾU", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for words in header[title_at + 1 :]:
        if words:
            pdf.set_font("DejaVu", "B", 11)
            pdf.multi_cell(0, 6, words, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    for words in text._figures(outcome) + text.base_lines(derivation) + text.scan_lines(scans):
        if words:
            _line(pdf, words)
    pdf.ln(2)
    _line(pdf, "Kết quả bầu cử (xếp theo thứ tự tên người theo vần A, B, C):", bold=True)
    _candidate_table(pdf, outcome)
    _closing(pdf, outcome, congress, explanations or {})
    if pdf.will_page_break(40):
        pdf.add_page()
    pdf.ln(8)
    y = pdf.get_y()
    pdf.set_font("DejaVu", "B", 10.5)
    pdf.set_xy(20, y)
    pdf.cell(80, 6, "CÁC THÀNH VIÊN BAN KIỂM PHIẾU", align="C")
    pdf.set_xy(110, y)
    pdf.cell(80, 6, "TRƯỞNG BAN KIỂM PHIẾU", align="C")
    pdf.set_font("DejaVu", "", 9)
    pdf.set_xy(110, y + 6)
    pdf.cell(80, 5, "(Ký, ghi rõ họ tên)", align="C")
    return bytes(pdf.output())
