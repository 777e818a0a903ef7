"""The counting screens answer people in words: bad values, invalid ballots, differences."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from daihoi.access import Role
from daihoi.db.models import BallotEntry, Candidate, Election
from tests.app.builders import make_election
from tests.app.members import client_for, typists


def text_of(response: object) -> str:
    return html.unescape(response.content.decode())  # type: ignore[attr-defined]


@pytest.fixture
def board(election: Election) -> Client:
    return client_for(Role.COUNTING_BOARD)


@pytest.mark.parametrize("team", ["abc", "99", "0", "-1", "1.5", "9" * 40, "١"])
def test_a_bad_team_in_the_query_is_answered_in_words(
    board: Client, election: Election, team: str
) -> None:
    response = board.get(reverse("entry", args=[election.pk]), {"team": team})
    assert response.status_code == 400
    page = text_of(response)
    assert "nhóm nhập" in page.lower()  # the field's name through gettext
    assert "từ 1 đến 1" in page
    assert 'name="numbers"' not in page  # no form to type into for a team that does not exist


@pytest.mark.parametrize("sheet", ["1.5", "abc", "", "0", "10", "9" * 40, "1e3"])
def test_a_bad_ballot_number_is_refused_in_words_and_nothing_is_saved(
    board: Client, election: Election, sheet: str
) -> None:
    url = reverse("entry", args=[election.pk])
    response = board.post(url, {"team": "1", "sheet": sheet, "numbers": "3"})
    assert response.status_code == 400
    page = text_of(response)
    assert "số phiếu" in page.lower()
    assert "từ 1 đến 9" in page
    assert not BallotEntry.objects.exists()


def test_a_bad_team_in_the_form_is_refused(board: Client, election: Election) -> None:
    url = reverse("entry", args=[election.pk])
    response = board.post(url, {"team": "2" * 30, "sheet": "1", "numbers": "3"})
    assert response.status_code == 400
    assert not BallotEntry.objects.exists()


def test_an_empty_field_asks_before_saving_an_invalid_ballot(
    board: Client, election: Election
) -> None:
    """3 names, 2 seats: striking nobody keeps 3, too many: the clerk is asked, then saves."""
    url = reverse("entry", args=[election.pk])
    asked = board.post(url, {"team": "1", "sheet": "4", "mode": "struck", "numbers": ""})
    page = text_of(asked)
    assert asked.status_code == 200
    assert "Phiếu này sẽ là phiếu KHÔNG HỢP LỆ vì gạch quá ít tên" in page
    assert "lưu?" in page
    assert not BallotEntry.objects.exists()
    token = page.split('name="confirm_invalid" value="')[1].split('"')[0]
    saved = board.post(
        url,
        {"team": "1", "sheet": "4", "mode": "struck", "numbers": "", "confirm_invalid": token},
        follow=True,
    )
    assert BallotEntry.objects.get().content == {"kept": ["c1", "c2", "c3"]}
    assert "Đã lưu phiếu số 4: KHÔNG HỢP LỆ — phiếu bầu thừa số lượng" in text_of(saved)


def test_a_confirmation_of_another_ballot_does_not_save_a_changed_one(
    board: Client, election: Election
) -> None:
    url = reverse("entry", args=[election.pk])
    asked = text_of(board.post(url, {"team": "1", "sheet": "4", "numbers": ""}))
    token = asked.split('name="confirm_invalid" value="')[1].split('"')[0]
    kept_none = {"team": "1", "sheet": "4", "mode": "kept", "numbers": "", "confirm_invalid": token}
    again = text_of(board.post(url, kept_none))
    assert "vì gạch tên tất cả" in again
    assert not BallotEntry.objects.exists()


def test_after_a_save_the_screen_says_the_ballot_is_valid(
    board: Client, election: Election
) -> None:
    url = reverse("entry", args=[election.pk])
    saved = board.post(url, {"team": "1", "sheet": "1", "numbers": "3"}, follow=True)
    assert "Đã lưu phiếu số 1: hợp lệ, giữ 2 trên 2 tên" in text_of(saved)
    assert BallotEntry.objects.get().content == {"kept": ["c1", "c2"]}


def test_a_paper_reason_is_saved_without_asking(board: Client, election: Election) -> None:
    url = reverse("entry", args=[election.pk])
    saved = board.post(url, {"team": "1", "sheet": "2", "invalid": "signed_or_marked"}, follow=True)
    assert "KHÔNG HỢP LỆ — phiếu có ký tên hoặc đánh dấu" in text_of(saved)


def test_a_single_candidate_with_both_boxes_asks(db: None) -> None:
    single = make_election(seats=1)
    Candidate.objects.filter(election=single, number__gt=1).delete()
    board = client_for(Role.COUNTING_BOARD)
    url = reverse("entry", args=[single.pk])
    asked = text_of(board.post(url, {"team": "1", "sheet": "1", "both": "1"}))
    assert "vì đánh dấu cả hai ô hoặc không đánh dấu ô nào" in asked
    assert not BallotEntry.objects.exists()
    saved = board.post(url, {"team": "1", "sheet": "1", "disagree": "1"}, follow=True)
    assert "Đã lưu phiếu số 1: hợp lệ" in text_of(saved)


def test_every_entry_field_has_a_label_that_is_not_its_example(
    board: Client, election: Election
) -> None:
    page = text_of(board.get(reverse("entry", args=[election.pk])))
    for field in ("sheet", "numbers", "invalid"):
        assert f'<label for="{field}">' in page
    assert '<label for="numbers">Số thứ tự trên phiếu' in page
    assert "<title>Nhập phiếu — " in page


def test_the_differences_page_shows_only_what_differs_with_each_paper(
    election: Election,
) -> None:
    election.entry_teams = 2
    election.save()
    head = client_for(Role.COUNTING_HEAD)
    url = reverse("entry", args=[election.pk])
    clerks = {team: Client() for team in (1, 2)}  # one person per team
    for team, user in typists(election).items():
        clerks[team].force_login(user)
    clerks[1].post(url, {"team": "1", "sheet": "1", "numbers": "3"})
    clerks[2].post(url, {"team": "2", "sheet": "1", "numbers": "2"})
    clerks[1].post(url, {"team": "1", "sheet": "2", "numbers": "1"})
    clerks[2].post(url, {"team": "2", "sheet": "2", "numbers": "1"})
    page = text_of(head.get(reverse("differences", args=[election.pk])))
    assert page.count('class="difference') == 1  # sheet 2 agrees: not shown
    summary = page.split('class="differs-summary"')[1].split("</table>")[0]
    assert "Trần Thị Bình" in summary
    assert "Lê Văn Cường" in summary
    assert "Nguyễn Văn An" not in summary  # both kept him: not a difference
    assert page.count('class="row struck differs"') == 2  # each paper marks its struck row
    assert "(phím 1)" in page
    assert "(phím 2)" in page


@pytest.mark.parametrize(
    "form",
    [{"sheet": "1.5", "team": "1"}, {"sheet": "9" * 40, "team": "1"}, {"sheet": "1", "team": "x"}],
)
def test_a_bad_value_on_the_differences_page_is_answered_in_words(
    election: Election, form: dict[str, str]
) -> None:
    election.entry_teams = 2
    election.save()
    head = client_for(Role.COUNTING_HEAD)
    response = head.post(reverse("differences", args=[election.pk]), form, follow=True)
    assert response.status_code == 200
    assert "từ 1 đến" in text_of(response)


def test_with_two_teams_the_entry_screen_takes_the_clerks_own_team(
    board: Client, election: Election
) -> None:
    """No team is assumed: a clerk on no team types nowhere (told so in words), a clerk on team 2
    lands on team 2's stack and cannot type into team 1's."""
    election.entry_teams = 2
    election.save(update_fields=["entry_teams"])
    page = text_of(board.get(reverse("entry", args=[election.pk])))
    assert 'name="numbers"' not in page
    assert "chưa được phân vào nhóm nhập phiếu" in page
    assert "?team=1" not in page
    second = Client()
    second.force_login(typists(election)[2])
    page = text_of(second.get(reverse("entry", args=[election.pk])))
    assert 'name="team" value="2"' in page
    assert "?team=1" not in page
    refused = second.get(reverse("entry", args=[election.pk]) + "?team=1")
    assert refused.status_code == 403
    assert 'name="numbers"' not in text_of(refused)
