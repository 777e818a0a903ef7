"""The hall's screen keeps the last certified result until the organiser chooses what it shows."""

import html

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from daihoi.access import Role
from daihoi.actions.certify import open_election
from daihoi.db.models import AuditEvent, Congress, Election
from tests.app.members import client_for
from tests.e2e.reference_result import certified_reference


def shown(congress: Congress) -> dict[str, object]:
    data = Client().get(reverse("projector_data", args=[congress.projector_token])).json()
    assert isinstance(data, dict)
    return data


def test_opening_another_election_keeps_the_certified_result_on_screen(db: None) -> None:
    congress, committee = certified_reference()
    assert shown(congress)["election"] == committee.pk
    secretary = congress.elections.get(body="secretary")
    open_election(User.objects.get(username="bantochuc"), secretary.pk)
    data = shown(congress)
    assert data["election"] == committee.pk  # not "0 / 284" of the secretary's count
    result = data["result"]
    assert isinstance(result, dict)
    assert result["elected_count"] == len(committee.result.document["elected"])


def test_the_organiser_chooses_what_the_screen_shows(db: None) -> None:
    congress, committee = certified_reference()
    secretary = congress.elections.get(body="secretary")
    open_election(User.objects.get(username="bantochuc"), secretary.pk)
    organiser = client_for(Role.ORGANISER)
    page = organiser.get(reverse("congress", args=[congress.pk])).content.decode()
    assert "Màn chiếu hiển thị:" in page
    choose = reverse("projector_choose", args=[congress.pk])
    assert organiser.post(choose, {"election": secretary.pk}).status_code == 302
    data = shown(congress)
    assert data["election"] == secretary.pk
    assert "result" not in data  # its count, not yet a result
    event = AuditEvent.objects.filter(congress=congress, action="projector_show").latest("pk")
    assert event.details == {"election": secretary.pk}
    organiser.post(choose, {"election": ""})
    assert shown(congress)["election"] == committee.pk  # back to the last certified result
    assert client_for(Role.VIEWER).post(choose, {"election": secretary.pk}).status_code == 403
    assert Election.objects.get(pk=secretary.pk).state == Election.State.OPEN


def test_an_election_still_in_preparation_shows_nothing(db: None) -> None:
    congress, _ = certified_reference()
    upper = congress.elections.get(body="upper_delegates")
    client_for(Role.ORGANISER).post(
        reverse("projector_choose", args=[congress.pk]), {"election": upper.pk}
    )
    assert shown(congress) == {"state": "idle"}


def test_an_election_of_no_such_number_is_refused_in_words(db: None) -> None:
    congress, committee = certified_reference()
    organiser = client_for(Role.ORGANISER)
    choose = reverse("projector_choose", args=[congress.pk])
    said = {
        "999999": "Không có cuộc bầu cử số 999999.",
        "1" * 40: f"“{'1' * 40}” không phải là cuộc bầu cử hợp lệ",
        "abc": "“abc” không phải là cuộc bầu cử hợp lệ",
    }
    for bad, words in said.items():
        answer = organiser.post(choose, {"election": bad}, follow=True)
        assert answer.status_code == 200
        assert words in html.unescape(answer.content.decode())
    assert shown(congress)["election"] == committee.pk  # unchanged
    assert not AuditEvent.objects.filter(congress=congress, action="projector_show").exists()
