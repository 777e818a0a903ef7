"""Certification asks with the key figures; the list approval is recorded; pages have titles."""

import html
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import override_settings
from django.urls import reverse

from daihoi.access import Role
from daihoi.actions.list_approval import ListVote, record_list_approval
from daihoi.db.models import AuditEvent, BallotEntry, Election
from daihoi.errors import ActionError
from tests.app.builders import make_election
from tests.app.members import client_for, member


def text_of(response: object) -> str:
    return html.unescape(response.content.decode())  # type: ignore[attr-defined]


def enter_all(election: Election, team: int = 1) -> None:
    user = User.objects.get_or_create(username="typist")[0]
    for sheet in range(1, election.ballots_collected + 1):
        content = {"kept": ["c1", "c2"]} if sheet <= 7 else {"kept": ["c2", "c3"]}
        BallotEntry.objects.create(
            election=election, team=team, sheet=sheet, content=content, entered_by=user
        )


def test_the_certify_button_appears_only_when_certification_is_possible(
    election: Election,
) -> None:
    head = client_for(Role.COUNTING_HEAD)
    page = text_of(head.get(reverse("election", args=[election.pk])))
    assert reverse("certify", args=[election.pk]) not in page
    assert "Chưa thể chứng nhận kết quả. Còn thiếu:" in page
    assert "Mới nhập 0/9 phiếu (nhóm nhập 1)" in page
    enter_all(election)
    page = text_of(head.get(reverse("election", args=[election.pk])))
    assert reverse("certify", args=[election.pk]) in page
    assert "Còn thiếu" not in page


def test_certification_asks_with_the_key_figures(election: Election) -> None:
    enter_all(election)
    head = client_for(Role.COUNTING_HEAD)
    page = text_of(head.get(reverse("certify", args=[election.pk])))
    figures = page.split('class="certify-figures"')[1].split("</table>")[0]
    for label, value in [
        ("Số được triệu tập", "10"),
        ("Cơ sở tính kết quả", "9"),
        ("Số phiếu thu vào", "9"),
        ("Số phiếu hợp lệ", "9"),
        ("Số phiếu không hợp lệ", "0"),
        ("Trúng cử", "2 / 2"),
    ]:
        assert f'<th>{label}</th><td class="num">{value}</td>' in figures
    assert "Đồng ý, chứng nhận kết quả này" in page
    election.refresh_from_db()
    assert election.state == Election.State.OPEN  # nothing happens before the confirmation
    done = head.post(reverse("certify", args=[election.pk]))
    assert done.status_code == 302
    election.refresh_from_db()
    assert election.state == Election.State.CERTIFIED


def test_the_certify_page_says_what_is_missing(election: Election) -> None:
    election.entry_teams = 2
    election.save()
    enter_all(election, 1)
    head = client_for(Role.COUNTING_HEAD)
    page = text_of(head.get(reverse("certify", args=[election.pk])))
    assert "Mới nhập 0/9 phiếu (nhóm nhập 2)" in page
    assert "Đồng ý, chứng nhận" not in page


def test_a_setup_election_shows_no_counting_figures(db: None) -> None:
    setup = make_election(state=Election.State.SETUP, ballots_collected=284, ballots_issued=285)
    head = client_for(Role.COUNTING_HEAD)
    page = text_of(head.get(reverse("election", args=[setup.pk])))
    assert "284" not in page
    assert "285" not in page
    progress = text_of(head.get(reverse("election_progress", args=[setup.pk])))
    assert "284" not in progress
    assert "/" not in progress.replace("</", "")


def test_the_list_approval_is_recorded_with_its_figures_and_audit(db: None) -> None:
    setup = make_election(state=Election.State.SETUP, list_approval="")
    organiser = client_for(Role.ORGANISER)
    election_page = text_of(organiser.get(reverse("election", args=[setup.pk])))
    assert reverse("list_approval", args=[setup.pk]) in election_page
    assert reverse("list_approval", args=[setup.pk]) not in text_of(
        client_for(Role.COUNTING_HEAD).get(reverse("election", args=[setup.pk]))
    )
    response = organiser.post(
        reverse("list_approval", args=[setup.pk]),
        {"present": "284", "votes_for": "280", "against": "4", "held_on": "2020-06-06"},
    )
    assert response.status_code == 302
    setup.refresh_from_db()
    assert setup.list_approval == (
        "280/284 đại biểu có mặt tán thành, 4 không tán thành (ngày 06 tháng 6 năm 2020)"
    )
    event = AuditEvent.objects.get(action="approve_list")
    assert event.details["votes_for"] == 280


@pytest.mark.parametrize(
    "form",
    [
        {"present": "abc", "votes_for": "1", "held_on": "2020-06-06"},
        {"present": "10", "votes_for": "11", "held_on": "2020-06-06"},
        {"present": "9" * 30, "votes_for": "1", "held_on": "2020-06-06"},
        {"present": "10", "votes_for": "8", "held_on": "06/06/2020"},
    ],
)
def test_bad_approval_figures_are_answered_in_words(db: None, form: dict[str, str]) -> None:
    setup = make_election(state=Election.State.SETUP, list_approval="")
    response = client_for(Role.ORGANISER).post(reverse("list_approval", args=[setup.pk]), form)
    assert response.status_code == 400
    setup.refresh_from_db()
    assert setup.list_approval == ""


def test_the_list_approval_is_refused_once_ballots_are_entered_or_printed(
    election: Election,
) -> None:
    user = member(User.objects.create_user("org"), election.congress, Role.ORGANISER)
    vote = ListVote(8, 1, 9, date(2025, 6, 1))
    with pytest.raises(ActionError) as opened:
        record_list_approval(user, election.pk, vote)  # open for entry already
    assert opened.value.code == "list_approval_locked"
    election.state = Election.State.SETUP
    election.save()
    AuditEvent.objects.create(action="print_ballots", details={"election": election.pk})
    with pytest.raises(ActionError) as printed:
        record_list_approval(user, election.pk, vote)
    assert printed.value.code == "list_approval_locked"


def test_a_vote_without_a_majority_does_not_approve(election: Election) -> None:
    election.state = Election.State.SETUP
    election.save()
    with pytest.raises(ActionError) as refused:
        record_list_approval(
            User.objects.create_user("org"), election.pk, ListVote(4, 4, 9, date(2025, 6, 1))
        )
    assert refused.value.code == "list_vote_not_carried"


@override_settings(DEBUG=False)
def test_error_pages_are_vietnamese_in_the_layout_with_a_way_back(election: Election) -> None:
    viewer = client_for(Role.VIEWER)
    forbidden = viewer.get(reverse("entry", args=[election.pk]))
    assert forbidden.status_code == 403
    assert "Bạn không được mở trang này" in text_of(forbidden)
    assert 'href="/"' in text_of(forbidden)
    missing = viewer.get("/bau-cu/999999/")
    assert missing.status_code == 404
    assert "<title>Không tìm thấy trang</title>" in text_of(missing)
    assert "Trang chủ" in text_of(missing)


def test_every_page_of_the_counting_path_has_a_real_title(election: Election) -> None:
    head = client_for(Role.ORGANISER)
    urls = [
        reverse("home"),
        reverse("congress", args=[election.congress_id]),
        reverse("election", args=[election.pk]),
        reverse("audit", args=[election.congress_id]),
        reverse("register", args=[election.congress_id]),
        reverse("differences", args=[election.pk]),
        reverse("scan_queue", args=[election.pk]),
        reverse("scan_upload", args=[election.pk]),
        reverse("congress_new"),
        reverse("election_new", args=[election.congress_id]),
        reverse("list_approval", args=[election.pk]),
    ]
    for url in urls:
        page = text_of(head.get(url))
        title = page.split("<title>")[1].split("</title>")[0]
        assert title.strip(), url
        assert title != "daihoi", url
