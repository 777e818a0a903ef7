"""The credentials report as a Word document (DOCX), with the same words as the PDF.

The secretariat edits and signs the printed report; the DOCX lets it adjust the wording around
the figures, which stay those computed from the register (the lines come from report_lines).
"""

import io

from docx.enum.text import WD_ALIGN_PARAGRAPH

from daihoi.core.credentials import CredentialsReport
from daihoi.documents.credentials.pdf import (
    BOARD,
    ITEM,
    SECTION,
    SUBSECTION,
    TITLE,
    masthead_lines,
    place_and_date,
    report_lines,
)
from daihoi.interchange.election_file import CongressInfo
from daihoi.typesetting.docx import add_masthead, official_document


def credentials_docx(
    report: CredentialsReport, congress: CongressInfo, *, rehearsal: bool = False
) -> bytes:
    """The credentials report as DOCX bytes; in rehearsal the page header carries the mark."""
    document = official_document(rehearsal=rehearsal)
    add_masthead(document, masthead_lines(congress), place_and_date(report, congress))
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
