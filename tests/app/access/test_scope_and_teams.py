"""Issue 11: roles have a scope (a congress), entry teams are bound to people, role changes go
through audited actions, and organising and certifying are kept apart."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from daihoi.access import Role
from daihoi.actions.certify import certify_result
from daihoi.actions.entry import record_entry, undo_last_entry
from daihoi.actions.roles import create_person, set_roles
from daihoi.actions.teams import assign_team
from daihoi.core.election import CrossOutBallot
from daihoi.core.entry import compare_entries
from daihoi.db.models import AuditEvent, BallotEntry, Election, Membership, TeamAssignment
from daihoi.errors import ActionError
from daihoi.queries.entries import settled
from tests.app.builders import make_congress, make_election
from tests.app.members import member

KEEP_AN_BINH = {"kept": ["c1", "c2"]}


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def two(db: None) -> tuple[Election, Election]:
    """Congress 1's election and congress 2's, each open with two entry teams."""
    return make_election(entry_teams=2), make_election(make_congress(number=6), entry_teams=2)


def test_a_clerk_of_one_congress_cannot_save_a_ballot_in_another(
    two: tuple[Election, Election],
) -> None:
    mine, theirs = two
    clerk = member(User.objects.create_user("clerk1"), mine.congress, Role.COUNTING_BOARD)
    assign_team(
        member(User.objects.create_user("head"), mine.congress, Role.COUNTING_HEAD),
        mine.pk,
        clerk.pk,
        1,
    )
    client = signed_in(clerk)
    response = client.post(
        reverse("entry", args=[theirs.pk]),
        {"team": 1, "sheet": 1, "mode": "struck", "numbers": "3"},
    )
    assert response.status_code == 404
    assert not BallotEntry.objects.filter(election=theirs).exists()
    with pytest.raises(ActionError):  # nor can anyone put them on a team there
        assign_team(clerk, theirs.pk, clerk.pk, 1)


def test_a_viewer_reads_only_their_congress(two: tuple[Election, Election]) -> None:
    mine, theirs = two
    viewer = signed_in(member(User.objects.create_user("v"), mine.congress, Role.VIEWER))
    assert viewer.get(reverse("register", args=[mine.congress_id])).status_code == 200
    assert viewer.get(reverse("register", args=[theirs.congress_id])).status_code == 404
    assert viewer.get(reverse("election", args=[theirs.pk])).status_code == 404
    home = viewer.get(reverse("home")).content.decode()
    assert reverse("congress", args=[mine.congress_id]) in home
    assert reverse("congress", args=[theirs.congress_id]) not in home


def test_an_organisation_member_sees_its_congresses(two: tuple[Election, Election]) -> None:
    mine, theirs = two
    supervisor = User.objects.create_user("upper")
    Membership.objects.create(
        user=supervisor, organisation=mine.congress.organisation, roles=[Role.VIEWER.value]
    )
    client = signed_in(supervisor)
    assert client.get(reverse("election", args=[mine.pk])).status_code == 200
    assert client.get(reverse("election", args=[theirs.pk])).status_code == 404


def test_a_superuser_is_organiser_everywhere(two: tuple[Election, Election]) -> None:
    admin = signed_in(User.objects.create_superuser("root", password="long-enough-pw-92"))
    for election in two:
        assert admin.get(reverse("register", args=[election.congress_id])).status_code == 200


def _clerks(election: Election) -> tuple[User, User, User]:
    head = member(User.objects.create_user("head"), election.congress, Role.COUNTING_HEAD)
    one = member(User.objects.create_user("one"), election.congress, Role.COUNTING_BOARD)
    two = member(User.objects.create_user("two"), election.congress, Role.COUNTING_BOARD)
    assign_team(head, election.pk, one.pk, 1)
    assign_team(head, election.pk, two.pk, 2)
    return head, one, two


def test_a_clerk_enters_and_undoes_only_for_their_team(two: tuple[Election, Election]) -> None:
    election = two[0]
    head, one, other = _clerks(election)
    with pytest.raises(ActionError) as caught:
        record_entry(one, election.pk, 2, 1, KEEP_AN_BINH)
    assert caught.value.code == "not_your_team"
    record_entry(other, election.pk, 2, 1, KEEP_AN_BINH)
    with pytest.raises(ActionError) as caught:
        undo_last_entry(one, election.pk, 2)
    assert caught.value.code == "not_your_team"
    with pytest.raises(ActionError) as caught:  # the head too types only if assigned
        record_entry(head, election.pk, 1, 1, KEEP_AN_BINH)
    assert caught.value.code == "no_team_assigned"
    page = signed_in(one).get(reverse("entry", args=[election.pk]) + "?team=2")
    assert page.status_code == 403
    assert "Bạn thuộc nhóm nhập 1" in page.content.decode()
    assert 'value="1"' in signed_in(one).get(reverse("entry", args=[election.pk])).content.decode()


def test_one_person_holds_one_team_of_an_election(two: tuple[Election, Election]) -> None:
    election = two[0]
    head, one, _ = _clerks(election)
    assign_team(head, election.pk, one.pk, 2)
    assert list(
        TeamAssignment.objects.filter(election=election, user=one).values_list("team", flat=True)
    ) == [2]
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert actions.count("assign_team") == 3
    with pytest.raises(ActionError):  # a clerk does not assign teams
        assign_team(one, election.pk, one.pk, 1)


def test_a_sheet_typed_by_one_person_for_two_teams_is_a_difference(
    two: tuple[Election, Election],
) -> None:
    election = two[0]
    head, one, other = _clerks(election)
    record_entry(one, election.pk, 1, 1, KEEP_AN_BINH)
    record_entry(other, election.pk, 2, 1, KEEP_AN_BINH)
    record_entry(one, election.pk, 1, 2, KEEP_AN_BINH)
    assign_team(head, election.pk, one.pk, 2)  # moved to the other team, types the sheet again
    record_entry(one, election.pk, 2, 2, KEEP_AN_BINH)
    ballots, differences = settled(election)
    assert 1 in ballots  # two people agree: settled
    assert [d.sheet for d in differences] == [2]  # one person twice: not settled


def test_the_comparison_counts_people_not_teams() -> None:
    paper = CrossOutBallot(("c1", "c2"), (), 1)
    entries = {1: {1: paper}, 2: {1: paper}}
    assert compare_entries(entries, [1, 2]) == []
    assert compare_entries(entries, [1, 2], {1: {1: 7}, 2: {1: 8}}) == []
    assert [d.sheet for d in compare_entries(entries, [1, 2], {1: {1: 7}, 2: {1: 7}})] == [1]


def test_roles_change_through_an_audited_action(two: tuple[Election, Election]) -> None:
    congress = two[0].congress
    organiser = member(User.objects.create_user("org"), congress, Role.ORGANISER)
    person = User.objects.create_user("p", first_name="Trần Văn Phúc")
    set_roles(organiser, congress.pk, person.pk, [Role.COUNTING_BOARD.value])
    assert Membership.objects.get(user=person, congress=congress).roles == ["counting_board"]
    event = AuditEvent.objects.get(action="set_roles")
    assert event.details["person"] == "Trần Văn Phúc"
    with pytest.raises(ActionError) as caught:  # organising and certifying need a reason
        set_roles(organiser, congress.pk, organiser.pk, ["organiser", "counting_head"])
    assert caught.value.code == "organiser_certifier_without_reason"
    with pytest.raises(ActionError):  # a clerk changes no one's roles
        set_roles(person, congress.pk, person.pk, ["organiser"])
    with pytest.raises(ActionError):  # nor does an organiser of another congress
        set_roles(organiser, two[1].congress_id, person.pk, ["viewer"])
    members = signed_in(organiser).get(reverse("members", args=[congress.pk]))
    assert "Trần Văn Phúc" in members.content.decode()


def test_an_account_made_in_the_application_meets_the_password_validators(
    two: tuple[Election, Election],
) -> None:
    congress = two[0].congress
    organiser = member(User.objects.create_user("org"), congress, Role.ORGANISER)
    with pytest.raises(ActionError) as caught:
        create_person(
            organiser,
            congress.pk,
            username="kp3",
            full_name="X",
            password="1",
            roles=["counting_board"],
        )
    assert caught.value.code == "password_rejected"
    assert not User.objects.filter(username="kp3").exists()
    made = create_person(
        organiser,
        congress.pk,
        username="kp3",
        full_name="X",
        password="dài-đủ-và-lạ-2020",
        roles=["counting_board"],
    )
    assert Membership.objects.get(user=made, congress=congress).roles == ["counting_board"]


def test_an_organiser_certifies_only_with_a_recorded_reason(db: None) -> None:
    election = make_election()
    both = member(
        User.objects.create_user("both"), election.congress, Role.ORGANISER, Role.COUNTING_HEAD
    )
    for sheet in range(1, 10):
        record_entry(both, election.pk, 1, sheet, KEEP_AN_BINH)
    with pytest.raises(ActionError) as caught:
        certify_result(both, election.pk)
    assert caught.value.code == "organiser_may_not_certify"
    member(both, election.congress, reason="Quyết định số 12: trưởng ban kiêm tổ chức")
    assert certify_result(both, election.pk).document["elected"]


def test_the_admin_is_off_by_default(db: None) -> None:
    admin = signed_in(User.objects.create_superuser("root", password="long-enough-pw-92"))
    assert admin.get("/admin/").status_code == 404
