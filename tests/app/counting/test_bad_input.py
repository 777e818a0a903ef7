"""No server error on bad input: every form and query value is refused in Vietnamese words.

Runs on SQLite and, with DATABASE_URL, on PostgreSQL, where a number too large for its column or a
text too long for it fails at the database instead of being stored.
"""

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from daihoi.db.models import Congress, Delegate, Election, Organisation, Session
from tests.app.builders import make_election

TWENTY_FIVE_DIGITS = "1" * 25


@pytest.fixture
def organiser(db: None) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.create_superuser("organiser", password="x"))
    return client


def said(response: Any) -> str:
    """The messages of the answer, as the person reads them."""
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def assert_vietnamese_refusal(text: str) -> None:
    assert text, "no message"
    assert not re.search(r"\b(True|False|None)\b|Traceback|\[[a-z_]+\]", text), text
    assert re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", text), text


def snapshot(election: Election) -> dict[str, Any]:
    election.refresh_from_db()
    return {f.name: getattr(election, f.attname) for f in Election._meta.concrete_fields} | {
        "entries": election.entries.count(),
        "candidates": election.candidates.count(),
    }


@pytest.mark.parametrize("team", ["abc", "1.5", TWENTY_FIVE_DIGITS, "-1", "٣"])
def test_a_bad_team_is_refused_in_words(organiser: Client, team: str) -> None:
    election = make_election()
    response = organiser.get(reverse("entry", args=[election.pk]), {"team": team})
    assert response.status_code in (200, 302, 400)


@pytest.mark.parametrize("sheet", ["1.5", "abc", TWENTY_FIVE_DIGITS, "10^20"])
def test_a_bad_ballot_number_is_refused_in_words(organiser: Client, sheet: str) -> None:
    election = make_election()
    before = snapshot(election)
    response = organiser.post(
        reverse("entry", args=[election.pk]), {"sheet": sheet, "team": "1", "numbers": "1"}
    )
    assert response.status_code in (200, 302, 400)
    assert snapshot(election) == before


@pytest.mark.parametrize("figure", ["summoned", "present", "ballots_issued", "ballots_collected"])
def test_a_25_digit_figure_is_refused_in_words(organiser: Client, figure: str) -> None:
    election = make_election()
    before = snapshot(election)
    response = organiser.post(
        reverse("election_figures", args=[election.pk]), {figure: TWENTY_FIVE_DIGITS}
    )
    assert response.status_code == 302
    assert_vietnamese_refusal(said(response))
    assert snapshot(election) == before


def test_a_25_digit_deduction_is_refused_in_words(organiser: Client) -> None:
    election = make_election()
    before = snapshot(election)
    response = organiser.post(
        reverse("election_figures", args=[election.pk]),
        {"excluded_delegates_absent_whole_congress_not_replaced": TWENTY_FIVE_DIGITS},
    )
    assert response.status_code == 302
    assert_vietnamese_refusal(said(response))
    assert snapshot(election) == before


@pytest.mark.parametrize("seats", [TWENTY_FIVE_DIGITS, "abc", "1.5", "0"])
def test_bad_seats_are_refused_in_words(organiser: Client, seats: str) -> None:
    election = make_election()
    delegate = Delegate.objects.create(
        congress=election.congress, full_name="Phạm Văn Dũng", gender="male", kind="elected"
    )
    response = organiser.post(
        reverse("election_new", args=[election.congress.pk]),
        {"body": "executive_committee", "seats": seats, "delegates": [str(delegate.pk)]},
    )
    assert response.status_code == 200
    assert_vietnamese_refusal(said(response))
    assert Election.objects.count() == 1


@pytest.mark.parametrize("delegate", [TWENTY_FIVE_DIGITS, "abc"])
def test_a_bad_delegate_on_the_list_is_refused_in_words(organiser: Client, delegate: str) -> None:
    election = make_election()
    response = organiser.post(
        reverse("election_new", args=[election.congress.pk]),
        {"body": "executive_committee", "seats": "1", "delegates": [delegate]},
    )
    assert response.status_code == 200
    assert_vietnamese_refusal(said(response))
    assert Election.objects.count() == 1


def congress_form(**changes: str) -> dict[str, str]:
    return {
        "organisation": "Đảng bộ xã Thử Lỗi",
        "number": "3",
        "term": "2025–2030",
        "starts_on": "2025-06-01",
        "ends_on": "2025-06-02",
        "meeting": "delegates_congress",
        "sessions": "Phiên thứ nhất",
        **changes,
    }


@pytest.mark.parametrize(
    "changes",
    [
        {"ruleset_id": "zzz"},
        {"number": "10^20"},
        {"number": TWENTY_FIVE_DIGITS},
        {"number": "abc"},
        {"starts_on": "2025-13-45"},
        {"organisation": "Đ" * 201},
        {"term": "2025–2030 " * 5},
        {"sessions": "P" * 201},
    ],
    ids=lambda c: next(iter(c)),
)
def test_a_bad_congress_form_is_refused_in_words(
    organiser: Client, changes: dict[str, str]
) -> None:
    response = organiser.post(reverse("congress_new"), congress_form(**changes))
    assert response.status_code == 200
    assert_vietnamese_refusal(said(response))
    assert not Congress.objects.exists()
    assert not Organisation.objects.exists()


def test_a_bad_rule_set_in_the_query_shows_the_form(organiser: Client) -> None:
    response = organiser.get(reverse("congress_new"), {"ruleset_id": "zzz"})
    assert response.status_code == 200


@pytest.mark.parametrize("session", ["abc", TWENTY_FIVE_DIGITS, "1.5"])
def test_a_bad_session_in_the_query_shows_the_board(organiser: Client, session: str) -> None:
    election = make_election()
    response = organiser.get(reverse("attendance", args=[election.congress.pk]), {"phien": session})
    assert response.status_code == 200
    assert_vietnamese_refusal(said(response))


@pytest.mark.parametrize(
    "post",
    [
        {"what": "session", "session": "abc"},
        {"what": "session", "session": TWENTY_FIVE_DIGITS},
        {"what": "absence", "delegate": TWENTY_FIVE_DIGITS, "reason": "ốm"},
        {"what": "absence", "delegate": "", "reason": "ốm"},
        {"what": "substitution", "official": "1", "alternate": TWENTY_FIVE_DIGITS},
        {"what": "question", "delegate": "abc", "issue": "x"},
        {"what": "question", "delegate": "DELEGATE", "issue": "Đ" * 301},
        {"what": "absence", "delegate": "DELEGATE", "reason": "ố" * 301},
    ],
)
def test_bad_attendance_forms_are_refused_in_words(organiser: Client, post: dict[str, str]) -> None:
    election = make_election()
    delegate = Delegate.objects.create(
        congress=election.congress, full_name="Phạm Văn Dũng", gender="male", kind="elected"
    )
    post = {k: str(delegate.pk) if v == "DELEGATE" else v for k, v in post.items()}
    response = organiser.post(reverse("attendance_manage", args=[election.congress.pk]), post)
    assert response.status_code == 302
    assert_vietnamese_refusal(said(response))
    delegate.refresh_from_db()
    assert delegate.question_issue == ""
    assert not hasattr(delegate, "absence")


@pytest.mark.parametrize("session", ["abc", TWENTY_FIVE_DIGITS, "99999"])
def test_a_bad_session_of_the_vote_is_refused_in_words(organiser: Client, session: str) -> None:
    election = make_election()
    Session.objects.create(congress=election.congress, order=1, name="Phiên thứ nhất")
    before = snapshot(election)
    response = organiser.post(reverse("election_base", args=[election.pk]), {"session": session})
    assert response.status_code == 302
    assert_vietnamese_refusal(said(response))
    assert snapshot(election) == before


@pytest.mark.parametrize("delegate", [TWENTY_FIVE_DIGITS, "abc"])
def test_a_bad_delegate_at_the_door_is_answered_in_words(organiser: Client, delegate: str) -> None:
    election = make_election()
    session = Session.objects.create(congress=election.congress, order=1, name="Phiên thứ nhất")
    Congress.objects.filter(pk=election.congress.pk).update(current_session=session)
    for name in ("checkin_scan", "checkin_withdraw_absence"):
        response = organiser.post(
            reverse(name, args=[election.congress.pk]), {"delegate": delegate}
        )
        assert response.status_code == 400
        assert_vietnamese_refusal(response.json()["message"])


def test_an_appointment_document_longer_than_its_column_is_refused(organiser: Client) -> None:
    election = make_election(state=Election.State.SETUP)
    before = snapshot(election)
    response = organiser.post(
        reverse("election_appointed", args=[election.pk]), {"document": "Q" * 301}
    )
    assert response.status_code == 302
    assert_vietnamese_refusal(said(response))
    assert snapshot(election) == before
