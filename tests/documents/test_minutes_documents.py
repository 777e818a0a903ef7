"""The minutes as PDF and DOCX: Vietnamese intact in the extracted text, the R13 fields present."""

import io

import pytest
from docx import Document

from daihoi.core.outcome import Outcome
from daihoi.documents.minutes.docx import minutes_docx
from daihoi.documents.minutes.model import scan_paras
from daihoi.documents.minutes.pdf import minutes_pdf
from daihoi.interchange.election_file import ElectionFile
from tests.documents.documents import EXPLAINED, SHA, counted, docx_text, pdf_pages, squash

EXPECTED = (
    "BIÊN BẢN KIỂM PHIẾU",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "ngày 06 tháng 6 năm 2020",
    "Cơ sở tính kết quả: 286",
    "Số phiếu thu vào: 284",
    "Nguyễn Thanh Bình",
    "nữ 8/41, tỷ lệ 19,51%",
    "Giải trình: Số phiếu thu vào (284) ít hơn số phiếu phát ra (285): một phiếu",
    "TRƯỞNG BAN KIỂM PHIẾU",
    SHA,
)


@pytest.fixture(scope="module")
def reference() -> tuple[ElectionFile, Outcome]:
    return counted()


@pytest.mark.parametrize("rehearsal", [False, True])
def test_pdf_text_is_vietnamese_and_complete(
    reference: tuple[ElectionFile, Outcome], rehearsal: bool
) -> None:
    parsed, outcome = reference
    data = minutes_pdf(
        outcome, parsed.congress, sha256=SHA, rehearsal=rehearsal, explanations=EXPLAINED
    )
    assert data.startswith(b"%PDF")
    pages = pdf_pages(data)
    whole = " ".join(pages)
    for expected in EXPECTED:
        assert squash(expected) in whole, expected
    assert len(pages) >= 2
    assert all("Trang" in page for page in pages)
    assert all(SHA in page for page in pages)
    assert all(("DIỄN TẬP" in page) is rehearsal for page in pages)
    table_pages = [page for page in pages if "Số phiếu" in page and "Họ và tên" in page]
    assert len(table_pages) >= 1


def test_docx_carries_the_same_content(reference: tuple[ElectionFile, Outcome]) -> None:
    parsed, outcome = reference
    data = minutes_docx(
        outcome, parsed.congress, sha256=SHA, rehearsal=True, explanations=EXPLAINED
    )
    whole = docx_text(data)
    for expected in EXPECTED:
        assert squash(expected) in whole, expected
    assert "DIỄN TẬP" in whole
    candidates = Document(io.BytesIO(data)).tables[1]
    assert len(candidates.rows) == 1 + 49


def test_the_minutes_say_how_scanned_ballots_were_read_and_which_omr_rule_applied() -> None:
    """open-points.md: an OPEN-OMR setting that shaped a count is printed in its minutes."""
    assert scan_paras(None) == []
    scans = {
        "read": 280,
        "confirmed": 4,
        "rejected_pages": 1,
        "partial_strike": "review",
        "stray_ink_max_mm": 1.5,
        "mixed_ink": "warn",
    }
    default = "\n".join(p.words for p in scan_paras(scans))
    assert "Phiếu quét: 280 phiếu máy đọc tự động; 4 phiếu Ban kiểm phiếu xem xét" in default
    assert "1 trang máy không đọc được" in default
    assert "nét gạch không phủ hết họ và tên, gạch dưới" in default
    assert "vết mực nhỏ hơn 1,5 mm được bỏ qua" in default
    ruled = "\n".join(p.words for p in scan_paras({**scans, "partial_strike": "covers_70"}))
    assert "nét gạch qua chữ phủ từ 70% họ và tên trở lên được tính là gạch tên" in ruled
