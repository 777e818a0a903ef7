"""Builders for the document tests: the reference election, variants of it, every document."""

import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from daihoi.core.counting import count_checked
from daihoi.core.credentials import credentials_report
from daihoi.core.outcome import Outcome
from daihoi.documents.credentials.docx import credentials_docx
from daihoi.documents.credentials.pdf import credentials_pdf
from daihoi.documents.minutes.docx import minutes_docx
from daihoi.documents.minutes.pdf import minutes_pdf
from daihoi.documents.minutes.text import minutes_text
from daihoi.documents.workbook import results_workbook
from daihoi.interchange.election_file import CongressInfo, ElectionFile, load_election
from tests.core.test_credentials import ON, roster

SHA = "0f" * 32
EXPLAINED = {"collected_below_issued": "một phiếu không bỏ vào hòm"}


def reference_json() -> dict[str, Any]:
    data = resources.files("daihoi.examples").joinpath("reference-executive-committee.json")
    loaded: dict[str, Any] = json.loads(data.read_bytes())
    return loaded


def counted(changes: Mapping[str, Any] | None = None) -> tuple[ElectionFile, Outcome]:
    """The reference election with top-level fields replaced, parsed and counted."""
    parsed = load_election(json.dumps({**reference_json(), **(changes or {})}).encode())
    return parsed, count_checked(parsed.checked)


def squash(words: str) -> str:
    return " ".join(words.split())


def pdf_pages(data: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    section = document.sections[0]
    texts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return squash(" ".join(texts))


def xlsx_text(data: bytes) -> str:
    workbook = load_workbook(io.BytesIO(data))
    return squash(
        " ".join(
            str(cell.value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        )
    )


@dataclass(frozen=True)
class Minutes:
    text: str
    pdf: bytes
    docx: bytes

    def texts(self) -> dict[str, str]:
        """Each rendering's words, spaces squashed."""
        return {
            "text": squash(self.text),
            "pdf": " ".join(pdf_pages(self.pdf)),
            "docx": docx_text(self.docx),
        }


def minutes_of(
    parsed: ElectionFile,
    outcome: Outcome,
    *,
    explanations: Mapping[str, str] | None = None,
    derivation: Mapping[str, Any] | None = None,
) -> Minutes:
    """The three renderings of one count's minutes, with the same inputs."""
    words: dict[str, Any] = {
        "explanations": explanations,
        "derivation": derivation if derivation is not None else parsed.derivation,
    }
    return Minutes(
        minutes_text(outcome, parsed.congress, sha256=SHA, **words),
        minutes_pdf(outcome, parsed.congress, sha256=SHA, **words),
        minutes_docx(outcome, parsed.congress, sha256=SHA, **words),
    )


CREDENTIALS_CONGRESS = CongressInfo(
    organisation="Đảng bộ huyện Thanh Hà",
    upper_organisation="Đảng bộ tỉnh Hải Dương",
    number=25,
    term="2020–2025",
    place="Thanh Hà",
)


def credentials_documents() -> tuple[bytes, bytes]:
    """The credentials report as PDF and DOCX."""
    report = credentials_report(roster(), ON)
    return (
        credentials_pdf(report, CREDENTIALS_CONGRESS),
        credentials_docx(report, CREDENTIALS_CONGRESS),
    )


def workbook_of(parsed: ElectionFile, outcome: Outcome) -> bytes:
    return results_workbook(outcome, parsed.congress, sha256=SHA)
