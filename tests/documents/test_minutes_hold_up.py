"""The minutes say what happened in words a clerk reads, the same in text, PDF and DOCX
(issue 10, "Minutes that hold up")."""

import re

import pytest

from daihoi.documents.minutes.model import build_minutes
from daihoi.documents.minutes.text import minutes_text, table_lines
from tests.documents.documents import EXPLAINED, SHA, counted, minutes_of, pdf_pages, squash


def test_more_ballots_collected_than_issued_prints_no_percentage_and_says_what_to_do() -> None:
    """284 ballots in the box, 270 issued: nobody is elected, no percentage means anything."""
    parsed, outcome = counted({"ballots_issued": 270})
    assert str(outcome.next.action) == "board_decision"
    for kind, words in minutes_of(parsed, outcome).texts().items():
        assert "Số phiếu thu vào (284) nhiều hơn số phiếu phát ra (270)" in words, kind
        assert "không thể công nhận" in words, kind
        assert "Ban kiểm phiếu lập biên bản, báo cáo đoàn chủ tịch" in words, kind
        results = words.split("Kết quả bầu cử (xếp theo")[1].split("Áp dụng:")[0]
        assert "%" not in results, kind
        assert "một nửa" not in results, kind
        assert "Những người trúng cử" not in results, kind


@pytest.mark.parametrize(
    ("meeting", "voters", "assembly"),  # the settings' words come from the catalogue
    [
        ("committee_meeting", "ủy viên", "hội nghị"),
        ("members_congress", "đảng viên", "đại hội"),
        ("delegates_congress", "đại biểu", "đại hội"),
    ],
)
def test_each_meeting_kind_has_its_own_words(meeting: str, voters: str, assembly: str) -> None:
    electorate = {"summoned": 289, "present": 285} if meeting != "delegates_congress" else None
    changes: dict[str, object] = {"meeting": meeting}
    if electorate:
        changes["electorate"] = electorate
    parsed, outcome = counted(changes)
    for kind, words in minutes_of(parsed, outcome).texts().items():
        assert f"Tổng số {voters} được triệu tập: 289" in words, kind
        assert "Tổng số được triệu tập" not in words, kind
        if assembly == "hội nghị":
            assert "đại hội biểu quyết" not in words, kind
            assert "đại hội quyết định" not in words, kind


def test_a_correction_names_the_figure_in_words() -> None:
    parsed, outcome = counted()
    derivation = {
        "session": "phiên sáng 06/6",
        "corrections": [
            {"figure": "ballots_collected", "from": 285, "to": 284, "reason": "đếm lại"},
            {"figure": "present", "from": 284, "to": 285, "reason": "điểm danh muộn"},
        ],
    }
    for kind, words in minutes_of(parsed, outcome, derivation=derivation).texts().items():
        assert "Điều chỉnh số phiếu thu vào: 285 → 284; lý do: đếm lại." in words, kind
        assert "Điều chỉnh số có mặt: 284 → 285" in words, kind
        assert "ballots_collected" not in words, kind


def test_the_text_table_keeps_its_columns_when_a_percentage_is_under_ten() -> None:
    """The reference has 9,09% beside 19,58%: every number ends in the same column."""
    parsed, outcome = counted()
    lines = table_lines(build_minutes(outcome, parsed.congress).table)
    rows = [line for line in lines[1:] if "%" in line]
    assert any(" 9,09%" in row for row in rows)
    ends = {row.index("%") for row in rows}
    votes_end = {re.search(r"\d+(?=\s+\d+,\d+%)", row).end() for row in rows}  # type: ignore[union-attr]
    assert len(ends) == 1
    assert len(votes_end) == 1


def test_explanations_are_in_words_in_every_rendering() -> None:
    parsed, outcome = counted()
    expected = (
        "Giải trình: Số phiếu thu vào (284) ít hơn số phiếu phát ra (285): "
        "một phiếu không bỏ vào hòm"
    )
    for kind, words in minutes_of(parsed, outcome, explanations=EXPLAINED).texts().items():
        assert expected in words, kind
        assert "[collected_below_issued]" not in words, kind


def test_the_whole_text_minutes_come_from_one_function() -> None:
    """Rehearsal mark, explanations, fingerprint: the web's text minutes need nothing else."""
    parsed, outcome = counted()
    text = minutes_text(
        outcome, parsed.congress, explanations=EXPLAINED, sha256=SHA, rehearsal=True
    )
    assert text.startswith("DIỄN TẬP — KHÔNG CÓ GIÁ TRỊ")
    assert f"Dấu vân tay tệp bầu cử (SHA-256): {SHA}" in text
    assert "Giải trình: Số phiếu thu vào (284)" in text


def test_a_key_figure_never_splits_across_a_page_break() -> None:
    """Enough corrections to push the figures over a page: each paragraph stays on one page."""
    parsed, outcome = counted()
    reason = "đại biểu đến muộn sau giờ khai mạc, Ban Thẩm tra tư cách đã xác nhận có mặt " * 2
    derivation = {
        "corrections": [
            {"figure": "present", "from": 270 + n, "to": 271 + n, "reason": f"{reason}({n})"}
            for n in range(14)
        ]
    }
    minutes = build_minutes(outcome, parsed.congress, derivation=derivation)
    pages = pdf_pages(minutes_of(parsed, outcome, derivation=derivation).pdf)
    figures = [squash(p.words) for p in minutes.figures]
    assert sum(1 for page in pages if any(f in page for f in figures)) >= 2  # it does break
    for figure in figures:
        assert any(figure in page for page in pages), figure
