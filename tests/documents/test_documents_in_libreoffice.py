"""Every DOCX and XLSX opens in LibreOffice on A4 with its table whole (issue 10, "Done when").

The converted pages are also written to test-artifacts/ for a person to look at.
"""

import io
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from pypdf import PdfReader

from daihoi.core.counting import count_checked
from daihoi.core.outcome import Outcome
from daihoi.interchange.election_file import ElectionFile
from tests.documents.documents import (
    counted,
    credentials_documents,
    minutes_of,
    squash,
    workbook_of,
)
from tests.documents.libreoffice import convert_to_pdf

pytestmark = pytest.mark.slow

ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"
A4 = (595.28, 841.89)
SLACK = 2.0


@pytest.fixture(scope="module")
def reference() -> tuple[ElectionFile, Outcome]:
    return counted()


def sizes(data: bytes) -> list[tuple[float, float]]:
    return [
        (float(p.mediabox.width), float(p.mediabox.height))
        for p in PdfReader(io.BytesIO(data)).pages
    ]


def is_a4(size: tuple[float, float], *, landscape: bool = False) -> bool:
    width, height = A4[::-1] if landscape else A4
    return abs(size[0] - width) <= SLACK and abs(size[1] - height) <= SLACK


def lines_of(data: bytes) -> list[str]:
    """Every extracted line, spaces squashed: a name cut by a narrow column breaks across lines."""
    lines = []
    for page in PdfReader(io.BytesIO(data)).pages:
        lines += [squash(line) for line in page.extract_text().splitlines()]
    return lines


def save_first_page(data: bytes, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = pdfium.PdfDocument(data)[0]
    page.render(scale=1.5).to_pil().save(ARTIFACTS / name)


def test_minutes_docx_is_a4_and_every_name_is_whole(
    reference: tuple[ElectionFile, Outcome], tmp_path: Path
) -> None:
    parsed, outcome = reference
    converted = convert_to_pdf(minutes_of(parsed, outcome).docx, ".docx", tmp_path)
    pages = sizes(converted)
    assert all(is_a4(size) for size in pages), pages
    assert 2 <= len(pages) <= 5
    lines = lines_of(converted)
    for candidate in outcome.candidates:  # each on one line of the table, beside its votes
        assert any(candidate.name in line and str(candidate.votes) in line for line in lines), (
            candidate.name
        )
    save_first_page(converted, "minutes-docx-page1.png")


def test_credentials_docx_is_a4(tmp_path: Path) -> None:
    pdf, docx = credentials_documents()
    converted = convert_to_pdf(docx, ".docx", tmp_path)
    pages = sizes(converted)
    assert all(is_a4(size) for size in pages), pages
    whole = squash(" ".join(lines_of(converted)))
    assert "BÁO CÁO THẨM TRA TƯ CÁCH ĐẠI BIỂU" in whole
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in whole
    assert len(pages) <= len(PdfReader(io.BytesIO(pdf)).pages) + 1
    save_first_page(converted, "credentials-docx-page1.png")


def test_results_workbook_is_a4_landscape_one_page_wide(
    reference: tuple[ElectionFile, Outcome], tmp_path: Path
) -> None:
    parsed, outcome = reference
    converted = convert_to_pdf(workbook_of(parsed, outcome), ".xlsx", tmp_path)
    pages = sizes(converted)
    assert all(is_a4(size, landscape=True) for size in pages), pages
    lines = lines_of(converted)
    for candidate in outcome.candidates:
        assert any(candidate.name in line and str(candidate.votes) in line for line in lines), (
            candidate.name
        )
    whole = " ".join(lines)
    assert "9,09%" in whole  # a number with the Vietnamese decimal comma
    assert "lần thứ XXIII" in whole
    # One page wide: the table's columns never spill onto pages of their own, and the title
    # and header repeat, so every page that lists a candidate has the header.
    for page in PdfReader(io.BytesIO(converted)).pages[:-1]:
        text = squash(page.extract_text())
        if any(c.name in text for c in outcome.candidates):
            assert "Họ và tên" in text
            assert "Tỷ lệ" in text
    save_first_page(converted, "results-workbook-page1.png")


def test_a_count_that_cannot_stand_opens_too(tmp_path: Path) -> None:
    """The table without percentages still fits (it has one column fewer)."""
    parsed, outcome = counted({"ballots_issued": 270})
    assert count_checked(parsed.checked).next.action == outcome.next.action
    converted = convert_to_pdf(minutes_of(parsed, outcome).docx, ".docx", tmp_path)
    assert all(is_a4(size) for size in sizes(converted))
    # the results carry no percentage (the list's surplus share, above them, still stands)
    results = " ".join(lines_of(converted)).split("Kết quả bầu cử")[1].split("Áp dụng")[0]
    assert "%" not in results
