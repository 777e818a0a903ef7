"""The counting minutes as a Word document (DOCX), rendering the same model as the PDF.

Congresses edit and sign printed minutes; the DOCX lets the secretariat adjust wording around
the figures, which stay those computed (and fingerprinted) here.
"""

import io
from typing import Unpack

from docx.document import Document as DocumentType
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from daihoi.core.outcome import Outcome
from daihoi.documents.minutes.model import Minutes, MinutesFacts, Para, Table, build_minutes
from daihoi.interchange.election_file import CongressInfo
from daihoi.typesetting.docx import (
    TEXT_MM,
    add_masthead,
    fixed_table,
    official_document,
    repeat_header,
)

_ALIGN = {
    "L": WD_ALIGN_PARAGRAPH.LEFT,
    "C": WD_ALIGN_PARAGRAPH.CENTER,
    "R": WD_ALIGN_PARAGRAPH.RIGHT,
}


def _paras(document: DocumentType, paras: tuple[Para, ...]) -> None:
    for para in paras:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.keep_together = True
        run = paragraph.add_run(f"– {para.words}" if para.style == "item" else para.words)
        run.bold = para.style == "heading"
        if para.style in {"item", "entry"}:
            paragraph.paragraph_format.left_indent = Mm(6)
        if para.style == "small":
            run.font.size = Pt(12)


def _table(document: DocumentType, table: Table) -> None:
    scale = TEXT_MM / sum(c.width_mm for c in table.columns)
    widths = [c.width_mm * scale for c in table.columns]
    grid = fixed_table(document, widths, rows=1 + len(table.rows), grid=True)
    heading = tuple(c.heading for c in table.columns)
    for index, (row, cells) in enumerate(
        zip([heading, *table.rows], (r.cells for r in grid.rows), strict=True)
    ):
        for cell, column, words in zip(cells, table.columns, row, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.alignment = _ALIGN["C" if index == 0 else column.align]
            paragraph.add_run(words).bold = index == 0
    repeat_header(grid)


def render_docx(minutes: Minutes) -> bytes:
    """The minutes as DOCX bytes."""
    document = official_document(rehearsal=minutes.rehearsal)
    if minutes.fingerprint:
        footer = document.sections[0].footer.paragraphs[0]
        footer.add_run(minutes.fingerprint).font.size = Pt(8)
    head = minutes.masthead
    left = [(head.upper, False)] if head.upper else []
    add_masthead(document, left + [(w, True) for w in head.issuer], head.place_and_date)
    for index, words in enumerate((minutes.title, *minutes.subtitle)):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(words)
        run.bold = True
        if index == 0:
            run.font.size = Pt(15)
    document.add_paragraph()
    _paras(document, minutes.figures)
    caption = document.add_paragraph()
    caption.paragraph_format.keep_with_next = True
    caption.add_run(minutes.caption).bold = True
    _table(document, minutes.table)
    document.add_paragraph()
    _paras(document, minutes.closing + minutes.settings)
    document.add_paragraph()
    widths = (TEXT_MM / 2, TEXT_MM / 2)
    cells = fixed_table(document, widths, rows=1, grid=False).rows[0].cells
    for cell, words in zip(cells, minutes.signatures, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(words).bold = True
        note = cell.add_paragraph()
        note.alignment = WD_ALIGN_PARAGRAPH.CENTER
        note.add_run(minutes.sign_note).italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def minutes_docx(
    outcome: Outcome, congress: CongressInfo | None = None, **facts: Unpack[MinutesFacts]
) -> bytes:
    """The minutes of one count as DOCX bytes."""
    return render_docx(build_minutes(outcome, congress, **facts))
