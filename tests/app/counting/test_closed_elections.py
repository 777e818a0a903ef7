"""A certified election and an appointed body are final: every write is refused in words, and
nothing changes (the state is read under the lock, inside each action's transaction)."""

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from daihoi.actions.attendance import apply_derived_base
from daihoi.actions.certify import open_election
from daihoi.actions.entry import record_entry
from daihoi.actions.list_approval import ListVote, record_list_approval
from daihoi.actions.setup import record_appointment
from daihoi.actions.steps import acknowledge_warning, record_figures, switch_to_official
from daihoi.db.models import AuditEvent, Election, Session
from daihoi.errors import ActionError
from tests.app.builders import make_election

CLOSED = [Election.State.CERTIFIED, Election.State.APPOINTED]
REFUSALS = {
    "election_certified",
    "election_appointed",
    "election_not_open",
    "election_not_in_setup",
    "list_approval_locked",
}


@pytest.fixture
def organiser(db: None) -> User:
    return User.objects.create_superuser("organiser", password="x")


def closed(state: str) -> Election:
    """An election in `state`, with a session of the congress to choose."""
    election = make_election(
        state=state, appointed_by="Quyết định số 12-QĐ/TU" if state == "appointed" else ""
    )
    Session.objects.create(congress=election.congress, order=1, name="Phiên thứ nhất")
    return election


def snapshot(election: Election) -> dict[str, Any]:
    election.refresh_from_db()
    row = {f.name: getattr(election, f.attname) for f in Election._meta.concrete_fields}
    return row | {
        "entries": election.entries.count(),
        "candidates": list(election.candidates.values_list("name", flat=True)),
        "events": AuditEvent.objects.count(),
    }


def session_of(election: Election) -> int:
    return election.congress.sessions.get().pk


WRITES: dict[str, Callable[[User, Election], object]] = {
    "derive the base": lambda u, e: apply_derived_base(u, e.pk),
    "set the session of the vote": lambda u, e: apply_derived_base(u, e.pk, session_of(e)),
    "record figures": lambda u, e: record_figures(u, e.pk, {"summoned": 11}, {}, "sửa"),
    "acknowledge a warning": lambda u, e: acknowledge_warning(u, e.pk, "x", "giải trình"),
    "open for voting": lambda u, e: open_election(u, e.pk),
    "enter a ballot": lambda u, e: record_entry(u, e.pk, 1, 1, {"kept": ["c1"]}),
    "record an appointment": lambda u, e: record_appointment(u, e.pk, "Quyết định khác"),
    "approve the list": lambda u, e: record_list_approval(
        u, e.pk, ListVote(9, 0, 9, date(2025, 6, 1))
    ),
}


@pytest.mark.parametrize("state", CLOSED)
@pytest.mark.parametrize("write", list(WRITES))
def test_every_action_refuses_a_closed_election(organiser: User, state: str, write: str) -> None:
    election = closed(state)
    before = snapshot(election)
    with pytest.raises(ActionError) as refused:
        WRITES[write](organiser, election)
    assert refused.value.code in REFUSALS
    assert refused.value.message_vi
    assert snapshot(election) == before


def test_ending_the_rehearsal_keeps_an_appointed_body(organiser: User) -> None:
    election = closed(Election.State.APPOINTED)
    switch_to_official(organiser, election.congress.pk)
    election.refresh_from_db()
    assert election.state == Election.State.APPOINTED
    assert election.appointed_by == "Quyết định số 12-QĐ/TU"


POSTS: dict[str, tuple[str, Callable[[Election], dict[str, str]]]] = {
    "session of the vote": ("election_base", lambda e: {"session": str(session_of(e))}),
    "base": ("election_base", lambda e: {}),
    "figures": ("election_figures", lambda e: {"summoned": "11"}),
    "open": ("election_open", lambda e: {}),
    "appointment": ("election_appointed", lambda e: {"document": "Quyết định khác"}),
    "entry": ("entry", lambda e: {"team": "1", "sheet": "1", "numbers": "1"}),
}


@pytest.mark.parametrize("state", CLOSED)
@pytest.mark.parametrize("post", list(POSTS))
def test_every_form_refuses_a_closed_election(organiser: User, state: str, post: str) -> None:
    election = closed(state)
    before = snapshot(election)
    client = Client(raise_request_exception=False)
    client.force_login(organiser)
    name, form = POSTS[post]
    response = client.post(reverse(name, args=[election.pk]), form(election))
    assert response.status_code in (200, 302, 400)
    said = " ".join(str(m) for m in get_messages(response.wsgi_request))
    if response.status_code == 200 and not said:
        said = response.content.decode()
    assert re.search("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", said), said
    assert not re.search(r"\b(True|False|None)\b|Traceback|\[[a-z_]+\]", said), said
    assert snapshot(election) == before
