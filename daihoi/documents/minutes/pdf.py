"""The counting minutes (biên bản kiểm phiếu) as a PDF in the official layout.

Renders daihoi.documents.minutes.model on OfficialPage: the two-column header, the title, the key
figures (a paragraph never splits across a page break), the candidates in ballot order as a
table (header repeated on each page, numbers on the right), the elected, warnings with the
board's explanations, the settings applied, signature blocks, and on every page the SHA-256 of
the exported election file.
"""

from typing import Unpack

from fpdf.enums import XPos, YPos

from daihoi.core.outcome import Outcome
from daihoi.documents.minutes.model import Minutes, MinutesFacts, Para, Table, build_minutes
from daihoi.interchange.election_file import CongressInfo
from daihoi.typesetting.pdf import LINE_MM, SERIF, OfficialPage

ROW_MM = 7
TABLE_PT = 12.5


def _paras(pdf: OfficialPage, paras: tuple[Para, ...]) -> None:
    for para in paras:
        if para.style == "heading":
            pdf.ln(1.5)
            pdf.paragraph(para.words, style="B")
        elif para.style == "item":
            pdf.paragraph(f"– {para.words}", indent=6)
        elif para.style == "entry":
            pdf.paragraph(para.words, indent=6)
        elif para.style == "small":
            pdf.paragraph(para.words, size=11.5)
        else:
            pdf.paragraph(para.words)


def _table(pdf: OfficialPage, table: Table) -> None:
    scale = pdf.epw / sum(c.width_mm for c in table.columns)
    widths = [c.width_mm * scale for c in table.columns]

    def head() -> None:
        pdf.set_font(SERIF, "B", TABLE_PT)
        for width, column in zip(widths, table.columns, strict=True):
            pdf.cell(width, ROW_MM, column.heading, border=1, align="C")
        pdf.ln(ROW_MM)
        pdf.set_font(SERIF, "", TABLE_PT)

    if pdf.will_page_break(3 * ROW_MM):
        pdf.add_page()
    head()
    for row in table.rows:
        if pdf.will_page_break(ROW_MM):
            pdf.add_page()
            head()
        for width, column, words in zip(widths, table.columns, row, strict=True):
            pdf.set_font_size(TABLE_PT if pdf.get_string_width(words) < width - 2 else TABLE_PT - 2)
            pdf.cell(width, ROW_MM, words, border=1, align=column.align)
        pdf.ln(ROW_MM)
    pdf.ln(3)


def render_pdf(minutes: Minutes) -> bytes:
    """The minutes as PDF bytes."""
    pdf = OfficialPage(rehearsal=minutes.rehearsal, sha256=minutes.sha256, mark_gap=2)
    pdf.alias_nb_pages()
    pdf.add_page()
    head = minutes.masthead
    left = [(head.upper, False)] if head.upper else []
    left += [(words, True) for words in head.issuer]
    pdf.masthead(left, head.place_and_date)
    pdf.set_font(SERIF, "B", 15)
    pdf.cell(0, 8, minutes.title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(SERIF, "B", 13)
    for words in minutes.subtitle:
        pdf.multi_cell(0, LINE_MM, words, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    _paras(pdf, minutes.figures)
    pdf.ln(2)
    pdf.paragraph(minutes.caption, style="B")
    _table(pdf, minutes.table)
    _paras(pdf, minutes.closing)
    pdf.ln(2)
    _paras(pdf, minutes.settings)
    if pdf.will_page_break(45):
        pdf.add_page()
    pdf.ln(8)
    y = pdf.get_y()
    half = pdf.epw / 2
    pdf.set_font(SERIF, "B", 13)
    for index, words in enumerate(minutes.signatures):
        pdf.set_xy(pdf.l_margin + index * half, y)
        pdf.cell(half, 6, words, align="C")
        pdf.set_font(SERIF, "I", 12)
        pdf.set_xy(pdf.l_margin + index * half, y + 6.5)
        pdf.cell(half, 5, minutes.sign_note, align="C")
        pdf.set_font(SERIF, "B", 13)
    return bytes(pdf.output())


def minutes_pdf(
    outcome: Outcome, congress: CongressInfo | None = None, **facts: Unpack[MinutesFacts]
) -> bytes:
    """The minutes of one count as PDF bytes."""
    return render_pdf(build_minutes(outcome, congress, **facts))
