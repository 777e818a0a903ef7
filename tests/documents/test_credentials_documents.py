"""The credentials report as PDF and DOCX: Vietnamese intact, every figure as formatted, layout.

The PDF is also written to test-artifacts/credentials-report.pdf for a person to look at.
"""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from daihoi.core.credentials import CredentialsReport, Question, credentials_report
from daihoi.core.vi.formatting import format_percent, format_share
from daihoi.documents.credentials.docx import credentials_docx
from daihoi.documents.credentials.pdf import credentials_pdf, report_lines
from daihoi.interchange.election_file import CongressInfo
from tests.core.test_credentials import ON, official, roster, seated
from tests.documents.documents import CREDENTIALS_CONGRESS, docx_text, pdf_pages, squash

ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"

CONGRESS = replace(
    CREDENTIALS_CONGRESS,
    held_on=date(2020, 6, 6),
    title="Đại hội đại biểu Đảng bộ huyện Thanh Hà lần thứ XXV, nhiệm kỳ 2020–2025",
)


def women_words() -> str:
    """Counted here from the roster, formatted as the report must print it."""
    women = sum(1 for d in seated() if d.gender == "female")
    return f"Đại biểu nữ: {format_share(women, 40)}"


EXPECTED = (
    "BÁO CÁO THẨM TRA TƯ CÁCH ĐẠI BIỂU",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "ĐẢNG BỘ TỈNH HẢI DƯƠNG",
    "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN THANH HÀ LẦN THỨ XXV, NHIỆM KỲ 2020–2025",
    "Thanh Hà, ngày 05 tháng 6 năm 2020",
    "I. SỐ LƯỢNG ĐẠI BIỂU",
    "II. CƠ CẤU THEO NGUỒN ĐẠI BIỂU",
    "III. CƠ CẤU ĐẠI BIỂU",
    "IV. NHỮNG TRƯỜNG HỢP CÓ Ý KIẾN VỀ TƯ CÁCH ĐẠI BIỂU",
    "Tổng số đại biểu chính thức được triệu tập: 40 đồng chí.",
    f"Số đại biểu có mặt: {format_share(38, 40)}",
    f"Số đại biểu chính thức vắng mặt: {format_share(3, 40)}",
    "Ốm đau, điều trị tại bệnh viện; lý do đã được cấp ủy triệu tập đại hội chấp thuận",
    "Công tác đột xuất; lý do chưa được cấp ủy triệu tập đại hội chấp thuận",
    "chưa ghi nhận lý do vắng mặt",
    f"Đồng chí Hoàng Thị Thay thay đồng chí {official(20).name}",
    f"Đại biểu đương nhiên (ủy viên Ban Chấp hành đương nhiệm): {format_share(6, 40)}",
    "Tuổi đời bình quân: 44,2 tuổi (tính trên 39 đại biểu có số liệu)",
    f"Cao tuổi nhất: đồng chí {official(0).name} ({official(0).unit}), 65 tuổi",
    "Trẻ tuổi nhất: đồng chí Hoàng Thị Thay (Xã Thanh An), 23 tuổi",
    "Đang xem xét, chưa có kết luận.",
    "Kết luận: Đủ tư cách đại biểu",
    "Còn 2 trường hợp có ý kiến về tư cách đại biểu chưa có kết luận",
    "T/M BAN THẨM TRA TƯ CÁCH ĐẠI BIỂU",
    "TRƯỞNG BAN",
    "Nguyễn",
)


@pytest.fixture(scope="module")
def report() -> CredentialsReport:
    return credentials_report(roster(), ON)


@pytest.mark.parametrize("rehearsal", [False, True])
def test_pdf_text_is_vietnamese_and_complete(report: CredentialsReport, rehearsal: bool) -> None:
    data = credentials_pdf(report, CONGRESS, rehearsal=rehearsal)
    pages = pdf_pages(data)
    whole = " ".join(pages)
    for expected in (*EXPECTED, women_words()):
        assert squash(expected) in whole, expected
    assert "Tất cả" not in whole  # a question is pending: no "all qualified"
    assert len(pages) >= 2
    assert all("Trang" in page for page in pages)
    assert all(("DIỄN TẬP — KHÔNG CÓ GIÁ TRỊ" in page) is rehearsal for page in pages)
    if not rehearsal:
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "credentials-report.pdf").write_bytes(data)


def test_every_line_of_the_report_is_in_both_documents(report: CredentialsReport) -> None:
    """The same words (and so the same figures) in the PDF and the DOCX."""
    pdf_whole = " ".join(pdf_pages(credentials_pdf(report, CONGRESS)))
    docx_whole = docx_text(credentials_docx(report, CONGRESS))
    lines = report_lines(report)
    assert len(lines) > 60
    for _, words in lines:
        assert squash(words) in pdf_whole, words
        assert squash(words) in docx_whole, words


def test_every_share_is_printed_as_formatted(report: CredentialsReport) -> None:
    """Each printed figure reads n/N, tỷ lệ x,xx% — the percent computed from n and N."""
    whole = " ".join(words for _, words in report_lines(report))
    for breakdown in (report.age, report.education, report.political_theory, report.party_age):
        for _, share in breakdown.buckets:
            if share.numerator:
                assert format_share(share.numerator, share.denominator) in whole
    assert f"{format_percent(report.women.numerator, 40)}" in whole


def test_docx_carries_the_same_content(report: CredentialsReport) -> None:
    whole = docx_text(credentials_docx(report, CONGRESS, rehearsal=True))
    for expected in (*EXPECTED, women_words()):
        assert squash(expected) in whole, expected
    assert "DIỄN TẬP — KHÔNG CÓ GIÁ TRỊ" in whole
    assert "DIỄN TẬP" not in docx_text(credentials_docx(report, CONGRESS))


def test_conclusion_when_no_question_is_pending() -> None:
    decided = Question("Chuyển sinh hoạt", "Đủ tư cách đại biểu")
    people = [d if d.question is None else replace(d, question=decided) for d in roster()]
    report = credentials_report(people, ON)
    assert report.questioned
    expected = "Tất cả 38 đại biểu đủ tư cách dự Đại hội."
    assert expected in " ".join(pdf_pages(credentials_pdf(report, CONGRESS)))
    assert expected in docx_text(credentials_docx(report, CONGRESS))


def test_without_questions_section_iv_says_none_and_header_needs_little() -> None:
    people = [replace(d, question=None) for d in roster()]
    report = credentials_report(people, ON)
    whole = " ".join(pdf_pages(credentials_pdf(report, CongressInfo())))
    assert "IV. NHỮNG TRƯỜNG HỢP CÓ Ý KIẾN VỀ TƯ CÁCH ĐẠI BIỂU Không có." in whole
    assert "Ngày 05 tháng 6 năm 2020" in whole
    assert "ĐẠI HỘI ĐẠI BIỂU" in whole
