"""No internal word reaches a person: every generated document is scanned for codes, spec ids,
setting keys and Python values (issue 10, "Done when"). Also saves the minutes' first page."""

import re
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest

from daihoi.core.rulesets.model import Settings
from daihoi.documents.minutes.text import minutes_text
from tests.documents.documents import (
    EXPLAINED,
    counted,
    credentials_documents,
    docx_text,
    minutes_of,
    pdf_pages,
    workbook_of,
    xlsx_text,
)

ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"
TOKENS = (
    r"\[[a-z]+(_[a-z]+)+\]",  # [collected_below_issued]
    r"\bR\d{1,2}\b",  # R14
    r"\bOPEN(-[A-Z]+)?-\d+",  # OPEN-14, OPEN-OMR-1
    r"\bArt\.",
    r"\b(True|False|None)\b",
    r"\b[a-z]+(_[a-z]+)+\b",  # percent_base, ballots_collected, board_decision
)


def leaks(words: str) -> list[str]:
    found = [m.group(0) for pattern in TOKENS for m in re.finditer(pattern, words)]
    keys = [name for name in Settings.__dataclass_fields__ if name in words]
    return found + keys


def documents() -> dict[str, str]:
    """The text of every generated document: three counts' minutes, workbooks, the report."""
    texts: dict[str, str] = {}
    derivation = {
        "session": "phiên sáng",
        "corrections": [{"figure": "ballots_collected", "from": 1, "to": 2, "reason": "đếm lại"}],
    }
    scans = {
        "read": 3,
        "confirmed": 1,
        "rejected_pages": 0,
        "partial_strike": "covers_70",
        "stray_ink_max_mm": 1.5,
        "mixed_ink": "review",
    }
    for name, changes in (
        ("reference", None),
        ("void", {"ballots_issued": 270}),
        ("committee", {"meeting": "committee_meeting", "electorate": {"summoned": 289}}),
    ):
        parsed, outcome = counted(changes)
        minutes = minutes_of(parsed, outcome, explanations=EXPLAINED, derivation=derivation)
        for kind, words in minutes.texts().items():
            texts[f"{name} minutes {kind}"] = words
        texts[f"{name} workbook"] = xlsx_text(workbook_of(parsed, outcome))
    parsed, outcome = counted()
    texts["scanned minutes"] = minutes_text(outcome, parsed.congress, scans=scans)
    pdf, docx = credentials_documents()
    texts["credentials pdf"] = " ".join(pdf_pages(pdf))
    texts["credentials docx"] = docx_text(docx)
    return texts


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return documents()


def test_the_scan_finds_what_it_looks_for() -> None:
    """The patterns are not vacuous: the words the issue quotes are caught."""
    for bad in (
        "Giải trình [collected_below_issued]: x",
        "Bước tiếp theo: done (R15)",
        "Căn cứ: R10: 244-2014 Art. 17 cl. 2",
        "OPEN-14",
        "mặc định: False",
        "Điều chỉnh số ballots_collected",
        "percent_base",
    ):
        assert leaks(bad), bad
    assert not leaks("Số phiếu thu vào (284) ít hơn số phiếu phát ra (285); 9,09%; Điều 17")


def test_no_document_carries_an_internal_word(texts: dict[str, str]) -> None:
    found = {name: leaks(words) for name, words in texts.items()}
    assert not {name: words for name, words in found.items() if words}
    assert len(texts) >= 13


def test_the_minutes_first_page_is_saved_for_a_person_to_look_at() -> None:
    parsed, outcome = counted()
    pdf = minutes_of(parsed, outcome, explanations=EXPLAINED).pdf
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "minutes.pdf").write_bytes(pdf)
    image = pdfium.PdfDocument(pdf)[0].render(scale=2).to_pil()
    image.save(ARTIFACTS / "minutes-page1.png")
    width, height = image.size
    assert abs(height / width - 297 / 210) < 0.01  # A4
