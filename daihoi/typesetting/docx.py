"""What every DOCX the congress prints shares, in the format of Hướng dẫn 36-HD/VPTW: A4, margins
20 mm top and bottom, 30 mm left, 15 mm right, Times New Roman 13 pt, the two-column header, the
rehearsal mark in the page header. One module, so the minutes and the credentials report cannot
drift apart (python-docx's own template is US Letter with 1-inch margins)."""

from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from daihoi.typesetting.pdf import (
    BOTTOM_MM,
    LEFT_HEAD_MM,
    LEFT_MM,
    REHEARSAL_MARK,
    RIGHT_MM,
    TOP_MM,
)

FONT = "Times New Roman"
TEXT_MM = 210 - LEFT_MM - RIGHT_MM
HEAD_INTO_MARGIN_MM = 15
LONG_ISSUER = 28  # characters of the header's left column at 13 pt


def official_document(*, rehearsal: bool) -> DocumentType:
    """A new A4 document in the official style; in rehearsal every page header carries the mark."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    style.paragraph_format.space_after = Pt(3)
    style.paragraph_format.line_spacing = 1.1
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(TOP_MM), Mm(BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(LEFT_MM), Mm(RIGHT_MM)
    if rehearsal:
        mark = section.header.paragraphs[0]
        mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
        mark.add_run(REHEARSAL_MARK).bold = True
    return document


def fixed_table(
    document: DocumentType, widths_mm: Sequence[float], *, rows: int, grid: bool
) -> Table:
    """A table whose columns keep the widths given (Word and LibreOffice both honour them)."""
    table: Table = document.add_table(rows=rows, cols=len(widths_mm))
    if grid:
        table.style = "Table Grid"
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    return table


def rule_below(paragraph: Paragraph, *, length_mm: float, within_mm: float) -> None:
    """A short line under a centred paragraph, as under the issuer in the header."""
    margin = Mm(max(within_mm - length_mm, 0) / 2)
    paragraph.paragraph_format.left_indent = margin
    paragraph.paragraph_format.right_indent = margin
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _centred(cell: _Cell, *, first: bool) -> Paragraph:
    paragraph: Paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph


def add_masthead(
    document: DocumentType, left: Sequence[tuple[str, bool]], place_and_date: str | None
) -> None:
    """The two-column header: the issuer on the left (regular, then bold) with a short line
    under it; "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, underlined, the place and date in italics."""
    # The header may use 15 mm of the left margin, as printed headers do, so that a long issuer
    # and the place-and-date line each keep to a line or two.
    widths = (LEFT_HEAD_MM + 8, TEXT_MM + HEAD_INTO_MARGIN_MM - LEFT_HEAD_MM - 8)
    table = fixed_table(document, widths, rows=1, grid=False)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), str(-round(HEAD_INTO_MARGIN_MM * 1440 / 25.4)))
    indent.set(qn("w:type"), "dxa")
    table._tbl.tblPr.append(indent)
    cells = table.rows[0].cells
    for index, (words, bold) in enumerate(left):
        run = _centred(cells[0], first=index == 0).add_run(words)
        run.bold = bold
        if len(words) > LONG_ISSUER:  # a long name: a point smaller, as the PDF shrinks it
            run.font.size = Pt(12)
    rule = _centred(cells[0], first=False)
    rule.paragraph_format.line_spacing = Pt(4)
    rule_below(rule, length_mm=30, within_mm=widths[0])
    party = _centred(cells[1], first=True).add_run("ĐẢNG CỘNG SẢN VIỆT NAM")
    party.bold = True
    party.underline = True
    party.font.size = Pt(14)
    if place_and_date:
        date = _centred(cells[1], first=False)
        date.paragraph_format.space_before = Pt(6)
        date.add_run(place_and_date).italic = True
    document.add_paragraph()


def repeat_header(table: Table) -> None:
    """The first row repeats on every page; no row splits across pages."""
    for index, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        if index == 0:
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            properties.append(header)
        keep = OxmlElement("w:cantSplit")
        keep.set(qn("w:val"), "true")
        properties.append(keep)
