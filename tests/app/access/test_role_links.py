"""A link or a form appears only for the roles that may use it; bad form values get words."""

import html
import re

import pytest
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from daihoi.access import GRANTS, Role
from daihoi.db.models import Election
from tests.app.members import client_for

TARGET = re.compile(r'(?:href|action)="(/[^"#?]*)')


def targets(client: Client, url: str) -> set[str]:
    page = client.get(url)
    assert page.status_code == 200, url
    return set(TARGET.findall(html.unescape(page.content.decode())))


@pytest.mark.parametrize("role", list(Role))
def test_no_page_offers_a_link_its_reader_may_not_follow(role: Role, election: Election) -> None:
    client = client_for(role)
    pages = [
        reverse("home"),
        reverse("congress", args=[election.congress_id]),
        reverse("election", args=[election.pk]),
        reverse("register", args=[election.congress_id]),
    ]
    for page in pages:
        for target in targets(client, page):
            if target.startswith("/static/"):
                continue
            try:
                view = resolve(target).func
            except Resolver404:
                continue
            permission = getattr(view, "permission", None)
            if permission is None:  # sign-in, sign-out, language
                continue
            assert role in GRANTS[permission], f"{page} offers {target} to {role}"


@pytest.mark.parametrize("seats", ["9" * 30, "abc", "0", "1.5"])
def test_a_bad_number_of_seats_is_refused_in_words(election: Election, seats: str) -> None:
    organiser = client_for(Role.ORGANISER)
    response = organiser.post(
        reverse("election_new", args=[election.congress_id]),
        {"body": "executive_committee", "seats": seats, "entry_teams": "1"},
    )
    assert response.status_code == 200
    assert "số lượng bầu" in html.unescape(response.content.decode())
    assert Election.objects.count() == 1


def test_a_register_upload_without_a_file_is_answered_in_vietnamese(election: Election) -> None:
    organiser = client_for(Role.ORGANISER)
    response = organiser.post(
        reverse("register_upload", args=[election.congress_id]), {}, follow=True
    )
    text = html.unescape(response.content.decode())
    assert "Chưa chọn tệp." in text
    assert "no file" not in text
