"""Delegates on the day: check-in, absences, substitutions, the board and the base of a vote."""

import io

import cv2
import numpy as np
import pypdfium2
import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from daihoi.access import Role
from daihoi.actions.attendance import (
    apply_derived_base,
    check_in,
    record_absence,
    record_substitution,
    set_current_session,
)
from daihoi.actions.steps import record_figures
from daihoi.db.models import Attendance, AuditEvent, Delegate, Election, Session
from daihoi.errors import ActionError
from tests.app.members import client_for


@pytest.fixture
def day(election: Election, clerk: User) -> dict[str, object]:
    """10 officials (one on the committee), 1 alternate, two sessions; the vote in the second."""
    congress = election.congress
    first = Session.objects.create(congress=congress, order=1, name="Phiên trù bị")
    second = Session.objects.create(congress=congress, order=2, name="Phiên thứ nhất")
    people = [
        Delegate.objects.create(
            congress=congress,
            full_name=name,
            gender="male",
            kind="elected",
            unit=unit,
            incumbent=name == "Lê Văn Ủy",
        )
        for name, unit in [
            ("Nguyễn Văn An", "Đoàn phường A"),
            ("Trần Thị Bình", "Đoàn phường A"),
            ("Lê Văn Cường", "Đoàn phường A"),
            ("Phạm Thị Dung", "Đoàn phường B"),
            ("Hoàng Văn Em", "Đoàn phường B"),
            ("Vũ Thị Giang", "Đoàn phường B"),
            ("Đặng Văn Hùng", "Đoàn phường B"),
            ("Bùi Thị Khánh", "Đoàn phường C"),
            ("Đỗ Văn Long", "Đoàn phường C"),
            ("Lê Văn Ủy", "Đoàn phường C"),
        ]
    ]
    alternate = Delegate.objects.create(
        congress=congress,
        full_name="Ngô Thị Mai",
        gender="female",
        kind="elected",
        unit="Đoàn phường C",
        standing="alternate",
    )
    election.session = second
    election.save()
    set_current_session(clerk, congress, first.pk)
    return {"people": people, "alternate": alternate, "first": first, "second": second}


def test_a_second_scan_records_nothing_new(election: Election, clerk: User, day: dict) -> None:
    congress = election.congress
    an = day["people"][0]
    done = check_in(clerk, congress, token=f"DH:{an.badge_token}", door="1")
    assert done.new
    again = check_in(clerk, congress, delegate_id=an.pk, door="2")
    assert not again.new
    assert again.at == done.at
    assert Attendance.objects.filter(delegate=an).count() == 1
    with pytest.raises(ActionError) as caught:
        check_in(clerk, congress, token="DH:not-a-badge")
    assert caught.value.code == "badge_unknown"
    assert AuditEvent.objects.filter(action="check_in").count() == 1


def test_base_is_derived_from_attendance_and_corrected_only_with_a_reason(
    election: Election, clerk: User, day: dict
) -> None:
    congress = election.congress
    people, alternate = day["people"], day["alternate"]
    # Session 1: 7 officials come; session 2 (the vote): 6 of them and the alternate.
    for d in people[:7]:
        check_in(clerk, congress, delegate_id=d.pk)
    set_current_session(clerk, congress, day["second"].pk)
    for d in people[:6]:
        check_in(clerk, congress, delegate_id=d.pk)
    # Bùi Thị Khánh never comes and is replaced by the alternate; Đỗ Văn Long never comes;
    # Lê Văn Ủy (committee member) never comes.
    record_substitution(clerk, congress, people[7].pk, alternate.pk, "ốm")
    check_in(clerk, congress, delegate_id=alternate.pk)
    record_absence(clerk, congress, people[8].pk, "công tác", approved=True)
    apply_derived_base(clerk, election.pk)
    election.refresh_from_db()
    assert election.summoned == 10
    assert election.excluded_from_base == {
        "committee_members_absent_whole_congress": 1,
        "delegates_absent_whole_congress_not_replaced": 1,
    }
    assert election.present == 7  # 6 officials + the alternate in Khánh's place
    derived = election.base_derivation["derived"]
    assert derived["session"] == "Phiên thứ nhất"
    assert derived["absent_kept"] == {"replaced": ["Bùi Thị Khánh"]}
    # A correction of the base needs a reason, and is kept with it.
    with pytest.raises(ActionError) as caught:
        record_figures(clerk, election.pk, {"present": 8}, election.excluded_from_base)
    assert caught.value.code == "correction_reason_required"
    election.refresh_from_db()
    assert election.present == 7
    record_figures(
        clerk, election.pk, {"present": 8}, election.excluded_from_base, "một đại biểu vào muộn"
    )
    election.refresh_from_db()
    assert election.present == 8
    assert election.base_derivation["corrections"] == [
        {"figure": "present", "from": 7, "to": 8, "reason": "một đại biểu vào muộn"}
    ]
    assert AuditEvent.objects.filter(action="record_figures").last().details["reason"]


def test_substitution_needs_an_official_and_an_alternate(
    election: Election, clerk: User, day: dict
) -> None:
    people, alternate = day["people"], day["alternate"]
    with pytest.raises(ActionError) as caught:
        record_substitution(clerk, election.congress, alternate.pk, people[0].pk)
    assert caught.value.code == "not_an_official"
    record_substitution(clerk, election.congress, people[0].pk, alternate.pk)
    with pytest.raises(ActionError) as caught:
        record_substitution(clerk, election.congress, people[1].pk, alternate.pk)
    assert caught.value.code == "already_substituted"
    with pytest.raises(ActionError) as caught:
        record_absence(clerk, election.congress, people[1].pk, "  ", approved=True)
    assert caught.value.code == "reason_required"


def test_the_doors_and_the_board_through_the_web(election: Election, day: dict) -> None:
    congress = election.congress
    door = client_for(Role.RECEPTION)
    an = day["people"][0]
    scan = reverse("checkin_scan", args=[congress.pk])
    answer = door.post(scan, {"token": f"DH:{an.badge_token}", "door": "1"}).json()
    assert answer["ok"]
    assert answer["new"]
    assert answer["name"] == "Nguyễn Văn An"
    again = door.post(scan, {"token": an.badge_token}).json()
    assert not again["new"]
    assert again["message"].startswith("Nguyễn Văn An: đã điểm danh lúc ")
    bad = door.post(scan, {"token": "DH:xyz"})
    assert bad.status_code == 400
    assert "không có trong danh sách" in bad.json()["message"]
    found = door.get(reverse("checkin_search", args=[congress.pk]), {"q": "nguyen van"})
    text = found.content.decode()
    assert "Nguyễn Văn An" in text
    assert "Trần Thị Bình" not in text
    board = client_for(Role.PRESIDIUM).get(reverse("attendance", args=[congress.pk]))
    page = board.content.decode()
    assert "1</strong> / 10" in page
    assert "quorum-warning" in page  # 1 of 10 is below two thirds
    assert client_for(Role.VIEWER).post(scan, {"token": an.badge_token}).status_code == 403


def test_badges_carry_a_readable_qr_code_of_the_token(election: Election, day: dict) -> None:
    organiser = client_for(Role.ORGANISER)
    response = organiser.get(reverse("badges", args=[election.congress.pk]), {"kho": "a4"})
    assert response["Content-Type"] == "application/pdf"
    pdf = pypdfium2.PdfDocument(io.BytesIO(response.content))
    assert len(pdf) == 2  # 11 badges, 8 a page
    image = pdf[0].render(scale=200 / 72).to_pil().convert("L")
    pixels = np.array(image)
    height, width = pixels.shape
    # The first badge (top left quarter of the first row) holds the first name in Vietnamese order.
    first = sorted(Delegate.objects.all(), key=lambda d: d.full_name.split()[-1])
    badge = pixels[: height // 4, : width // 2]
    text, _, _ = cv2.QRCodeDetectorAruco().detectAndDecode(badge)
    tokens = {f"DH:{d.badge_token}" for d in first}
    assert text in tokens
    words = pdf[0].get_textpage().get_text_range()
    assert "ĐẠI BIỂU" in words
    assert "Nguyễn Văn An" in words


def test_the_derivation_is_written_into_the_election_file_and_the_minutes(
    election: Election, clerk: User, day: dict
) -> None:
    """Certified after a derived base and one correction: both are in the file and minutes."""
    congress = election.congress
    set_current_session(clerk, congress, day["second"].pk)
    for d in day["people"][:9]:
        check_in(clerk, congress, delegate_id=d.pk)
    apply_derived_base(clerk, election.pk)
    election.refresh_from_db()
    assert (election.summoned, election.present) == (10, 9)
    record_figures(
        clerk,
        election.pk,
        {"ballots_issued": 9, "ballots_collected": 9},
        election.excluded_from_base,
    )
    record_figures(
        clerk, election.pk, {"summoned": 10, "present": 9}, {}, "Ủy ban kiểm tra xác nhận lại"
    )
    head = client_for(Role.COUNTING_HEAD)
    url = reverse("entry", args=[election.pk])
    for sheet in range(1, 10):
        head.post(url, {"team": 1, "sheet": sheet, "mode": "struck", "numbers": "3"})
    head.post(reverse("certify", args=[election.pk]))
    election.refresh_from_db()
    assert election.state == Election.State.CERTIFIED, election.base_derivation
    file = head.get(reverse("election_file", args=[election.pk])).json()
    derivation = file["electorate"]["derivation"]
    assert derivation["source"] == "attendance"
    assert derivation["session"] == "Phiên thứ nhất"
    assert derivation["corrections"][0]["reason"] == "Ủy ban kiểm tra xác nhận lại"
    assert "Lê Văn Ủy" not in str(file)  # no names of absentees in the published file
    minutes = head.get(reverse("minutes", args=[election.pk, "txt"])).content.decode()
    assert "lấy từ danh sách đại biểu và điểm danh (Phiên thứ nhất)" in minutes
    assert "lý do: Ủy ban kiểm tra xác nhận lại" in minutes
    pdf = head.get(reverse("minutes", args=[election.pk, "pdf"]))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Ủy ban kiểm tra xác nhận lại" in " ".join(text.split())


def test_a_credentials_question_is_recorded_and_reported(election: Election, day: dict) -> None:
    congress = election.congress
    organiser = client_for(Role.ORGANISER)
    url = reverse("attendance_manage", args=[congress.pk])
    binh = day["people"][1]
    organiser.post(
        url,
        {"what": "question", "delegate": binh.pk, "issue": "Đơn thư phản ánh", "decision": ""},
    )
    binh.refresh_from_db()
    assert binh.question_issue == "Đơn thư phản ánh"
    assert AuditEvent.objects.filter(action="record_credentials_question").exists()
    docx = organiser.get(reverse("credentials", args=[congress.pk, "docx"]))
    words = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "Đơn thư phản ánh" in words
