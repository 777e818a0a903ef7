"""The credentials report as a Word document (DOCX), with the same words as the PDF.

The secretariat edits and signs the printed report; the DOCX lets it adjust the wording around
the figures, which stay those computed from the register (the lines come from report_lines).
"""

import io

from docx.document import Document as DocumentType
from docx.enum.text import WD_ALIGN_PARAGRAPH

from daihoi.core.credentials import CredentialsReport
from daihoi.exports.credentials_pdf import (
    BOARD,
    ITEM,
    SECTION,
    SUBSECTION,
    TITLE,
    masthead_left,
    place_and_date,
    report_lines,
)
from daihoi.exports.docx_page import official_document
from daihoi.interchange.election_file import CongressInfo


def _masthead(document: DocumentType, report: CredentialsReport, congress: CongressInfo) -> None:
    masthead = document.add_table(rows=1, cols=2)
    left = masthead.cell(0, 0).paragraphs[0]
    for index, words in enumerate(masthead_left(congress)):
        run = left.add_run(("\n" if index else "") + words)
        run.bold = index > 0 or not congress.upper_organisation
    left.add_run("\n*")
    right = masthead.cell(0, 1).paragraphs[0]
    right.add_run("ĐẢNG CỘNG SẢN VIỆT NAM").bold = True
    right.add_run(f"\n{place_and_date(report, congress)}").italic = True
    for cell in masthead.rows[0].cells:
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def credentials_docx(
    report: CredentialsReport, congress: CongressInfo, *, rehearsal: bool = False
) -> bytes:
    """The credentials report as DOCX bytes; in rehearsal the page header carries the mark."""
    document = official_document(rehearsal=rehearsal)
    _masthead(document, report, congress)
    for words in (TITLE, congress.title):
        if words:
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(words).bold = True
    for kind, words in report_lines(report):
        if kind in {SECTION, SUBSECTION}:
            document.add_paragraph().add_run(words).bold = True
        elif kind == ITEM:
            document.add_paragraph(f"– {words}")
        else:
            document.add_paragraph(words)
    signatures = document.add_table(rows=1, cols=2)
    signatures.cell(0, 0).text = "Nơi nhận:\n- Đoàn Chủ tịch Đại hội,\n- Lưu Ban Thẩm tra tư cách."
    signer = signatures.cell(0, 1).paragraphs[0]
    signer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    signer.add_run(f"T/M {BOARD}\nTRƯỞNG BAN").bold = True
    signer.add_run("\n(Ký, ghi rõ họ tên)").italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
