"""The members screen in the person's language: a refused password in Vietnamese (or English),
never Django's untranslated words; every save confirmed by a message."""

import html

from django.contrib.auth.models import User
from django.contrib.messages import SUCCESS, get_messages
from django.test import Client
from django.urls import reverse

from daihoi.access import Role
from daihoi.db.models import Election
from tests.app.members import client_for, member


def text_of(response: object) -> str:
    return html.unescape(response.content.decode())  # type: ignore[attr-defined]


def successes(response: object) -> list[str]:
    found = get_messages(response.wsgi_request)  # type: ignore[attr-defined]
    return [str(m) for m in found if m.level == SUCCESS]


def new_account(client: Client, election: Election, password: str) -> object:
    return client.post(
        reverse("members", args=[election.congress_id]),
        {
            "username": "kiemphieu3",
            "full_name": "Phạm Văn Ba",
            "password": password,
            "roles": ["counting_board"],
        },
        follow=True,
    )


def test_a_weak_password_is_refused_in_vietnamese(election: Election) -> None:
    organiser = client_for(Role.ORGANISER)
    page = text_of(new_account(organiser, election, "abc"))
    assert "Mật khẩu chưa đạt: " in page
    assert "Mật khẩu quá ngắn: cần ít nhất 8 ký tự." in page
    assert "This password" not in page
    page = text_of(new_account(organiser, election, "12345678"))
    assert "Mật khẩu không được chỉ gồm chữ số." in page
    page = text_of(new_account(organiser, election, "kiemphieu3"))
    assert "Mật khẩu quá giống tên đăng nhập hoặc họ tên." in page
    assert not User.objects.filter(username="kiemphieu3").exists()


def test_a_weak_password_is_refused_in_english_when_the_person_reads_english(
    election: Election,
) -> None:
    organiser = client_for(Role.ORGANISER)
    organiser.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = text_of(new_account(organiser, election, "abc"))
    assert "The password is too short: it needs at least 8 characters." in page
    assert "Mật khẩu" not in page


def test_a_new_account_is_confirmed(election: Election) -> None:
    organiser = client_for(Role.ORGANISER)
    response = new_account(organiser, election, "Hoa-sen-2026!")
    assert User.objects.filter(username="kiemphieu3").exists()
    assert any("kiemphieu3" in m for m in successes(response))


def test_saving_an_assignment_an_explanation_or_the_screen_is_confirmed(
    election: Election,
) -> None:
    head = client_for(Role.COUNTING_HEAD)
    clerk = User.objects.create_user("nhapphieu")
    member(clerk, election.congress, Role.COUNTING_BOARD)
    assigned = head.post(
        reverse("election_teams", args=[election.pk]),
        {"person": clerk.pk, "team": "1"},
        follow=True,
    )
    assert successes(assigned)
    election.ballots_issued = 10
    election.present = 10
    election.save()
    explained = head.post(
        reverse("election_acknowledge", args=[election.pk]),
        {"code": "collected_below_issued", "explanation": "Một phiếu bị hỏng"},
        follow=True,
    )
    assert successes(explained)
    refused = head.post(
        reverse("election_acknowledge", args=[election.pk]),
        {"code": "collected_below_issued", "explanation": "  "},
        follow=True,
    )
    assert not successes(refused)
    organiser = client_for(Role.ORGANISER)
    chosen = organiser.post(
        reverse("projector_choose", args=[election.congress_id]),
        {"election": election.pk},
        follow=True,
    )
    assert successes(chosen)
