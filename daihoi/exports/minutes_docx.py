"""The counting minutes as a Word document (DOCX), with the same content as the PDF.

Congresses edit and sign printed minutes; the DOCX lets the secretariat adjust wording around
the figures, which stay those computed (and fingerprinted) here.
"""

import io
from collections.abc import Mapping
from typing import Any

from docx.document import Document as DocumentType
from docx.enum.text import WD_ALIGN_PARAGRAPH

from daihoi.core.outcome import Outcome
from daihoi.core.vi.formatting import format_date, format_int
from daihoi.exports import minutes_text as text
from daihoi.exports.docx_page import official_document
from daihoi.interchange.election_file import CongressInfo


def _masthead(document: DocumentType, congress: CongressInfo) -> None:
    masthead = document.add_table(rows=1, cols=2)
    left = [
        congress.upper_organisation or "",
        (congress.organisation or "").upper(),
        "BAN KIỂM PHIẾU",
    ]
    masthead.cell(0, 0).text = "\n".join(w for w in left if w)
    right = "ĐẢNG CỘNG SẢN VIỆT NAM"
    if congress.place and congress.held_on:
        right += f"\n{congress.place}, {format_date(congress.held_on)}"
    masthead.cell(0, 1).text = right
    for cell in masthead.rows[0].cells:
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _candidate_table(document: DocumentType, outcome: Outcome) -> None:
    denominator = outcome.percent_denominator
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    basis = "Tỷ lệ %" + (f" (so với {format_int(denominator)})" if denominator else "")
    heading = ("STT", "Họ và tên", "Số phiếu", basis)
    for cell, words in zip(table.rows[0].cells, heading, strict=True):
        cell.text = words
    for candidate in outcome.candidates:
        row = table.add_row().cells
        row[0].text = str(candidate.number)
        row[1].text = candidate.name
        row[2].text = format_int(candidate.votes)
        row[3].text = text._percent(candidate.votes, outcome)


def minutes_docx(  # noqa: PLR0913 - the count, its header, and five things printed with it
    outcome: Outcome,
    congress: CongressInfo,
    *,
    sha256: str | None,
    rehearsal: bool = False,
    explanations: Mapping[str, str] | None = None,
    derivation: Mapping[str, Any] | None = None,
    scans: Mapping[str, Any] | None = None,
) -> bytes:
    """The minutes of one count as DOCX bytes."""
    document = official_document(rehearsal=rehearsal)
    section = document.sections[0]
    if sha256:
        section.footer.paragraphs[0].text = f"Dấu vân tay tệp bầu cử (SHA-256): {sha256}"
    _masthead(document, congress)
    header = text._header(outcome, congress)
    title_at = header.index("BIÊN BẢN KIỂM PHIẾU")
    for words in header[title_at:]:
        if words:
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(words).bold = True
    for words in text._figures(outcome) + text.base_lines(derivation) + text.scan_lines(scans):
        if words:
            document.add_paragraph(words)
    document.add_paragraph().add_run(
        "Kết quả bầu cử (xếp theo thứ tự tên người theo vần A, B, C):"
    ).bold = True
    _candidate_table(document, outcome)
    closing = text._elected(outcome) + text._composition(outcome, congress)
    closing += text._warnings(outcome)
    closing += [f"Giải trình [{c}]: {e}" for c, e in (explanations or {}).items()]
    closing += text._settings(outcome)
    for words in closing:
        if words:
            document.add_paragraph(words)
    signatures = document.add_table(rows=1, cols=2)
    signatures.cell(0, 0).text = "CÁC THÀNH VIÊN BAN KIỂM PHIẾU"
    signatures.cell(0, 1).text = "TRƯỞNG BAN KIỂM PHIẾU\n(Ký, ghi rõ họ tên)"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
