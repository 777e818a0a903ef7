"""Every ballot layout goes the whole way: two teams enter, compare, settle, certify, minutes.

An agree/disagree list and a single candidate hold a dict of marks per ballot; comparing two
teams' entries once needed them hashable (a 500 on the election, progress and differences pages).
"""

from collections.abc import Mapping

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from daihoi.access import Role
from daihoi.actions.certify import certify_result
from daihoi.actions.entry import record_entry, resolve_difference
from daihoi.db.models import Candidate, Election
from tests.app.builders import NAMES, make_election
from tests.app.members import member, typists

Content = Mapping[str, object]


def _layout(kind: str) -> tuple[Election, list[Content]]:
    """An election of the layout and 9 ballots: the paper as both teams should type it."""
    if kind == "cross_out":
        election = make_election()
        ballots: list[Content] = [{"kept": ["c1", "c2"]}] * 6 + [{"kept": ["c2", "c3"]}] * 3
    elif kind == "agree_disagree":
        election = make_election(seats=3)
        yes = {"c1": "agree", "c2": "agree", "c3": "agree"}
        ballots = [{"marks": yes}] * 6 + [{"marks": {**yes, "c3": "disagree"}}] * 3
    else:  # a single candidate for secretary
        election = make_election(seats=1, body="secretary")
        Candidate.objects.filter(election=election).exclude(code="c1").delete()
        ballots = [{"marks": {"c1": "agree"}}] * 8 + [{"marks": {"c1": "disagree"}}]
    election.entry_teams = 2
    election.save(update_fields=["entry_teams"])
    return election, ballots


def _head() -> tuple[User, Client]:
    head = User.objects.create_superuser("head", password="x")
    client = Client()
    client.force_login(head)
    return head, client


def _pages_answer(client: Client, election: Election) -> None:
    for name in ("election", "election_progress", "differences"):
        response = client.get(reverse(name, args=[election.pk]))
        assert response.status_code == 200, name


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["cross_out", "agree_disagree", "single_candidate"])
def test_two_teams_differ_settle_and_certify(kind: str) -> None:
    election, ballots = _layout(kind)
    head, client = _head()
    # the administrator organises everywhere: certifying too needs a recorded reason
    member(head, election.congress, Role.COUNTING_HEAD, reason="Quản trị kiêm trưởng ban khi thử")
    clerks = typists(election)
    for team in (1, 2):
        for sheet, paper in enumerate(ballots, start=1):
            typed = paper
            if team == 2 and sheet == 4:  # team 2 misread sheet 4: it typed another paper
                typed = ballots[-1] if ballots[-1] != paper else ballots[0]
            record_entry(clerks[team], election.pk, team, sheet, dict(typed))
    _pages_answer(client, election)
    response = client.get(reverse("differences", args=[election.pk]))
    assert "4" in response.content.decode()
    resolve_difference(head, election.pk, 4, chosen_team=1)
    _pages_answer(client, election)
    result = certify_result(head, election.pk)
    elected = {
        "cross_out": ["c2", "c1"],
        "agree_disagree": ["c1", "c2"],
        "single_candidate": ["c1"],
    }
    assert result.document["elected"][: len(elected[kind])] == elected[kind]
    for kind_of_file in ("txt", "pdf", "docx", "xlsx"):
        response = client.get(reverse("minutes", args=[election.pk, kind_of_file]))
        assert response.status_code == 200, kind_of_file
    text = client.get(reverse("minutes", args=[election.pk, "txt"])).content.decode()
    assert NAMES[0] in text
