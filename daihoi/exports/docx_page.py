"""What every DOCX the congress prints shares: Times New Roman 13 pt, the rehearsal mark in the
page header. One function, so the minutes and the credentials report cannot drift apart."""

from docx import Document
from docx.document import Document as DocumentType
from docx.shared import Pt

from daihoi.exports.pdf_page import REHEARSAL_MARK


def official_document(*, rehearsal: bool) -> DocumentType:
    """A new document in the official style; in rehearsal every page header carries the mark."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    if rehearsal:
        document.sections[0].header.paragraphs[0].text = REHEARSAL_MARK
    return document
