"""Issue 11: every action checks the grant in the congress it writes for, not only the page that
calls it (the command line, a test or a later view call them too).

Each action is called by a member of another congress holding every role there, and by a member
of the right congress holding every role but those granted the action's permission: both are
refused with "not_allowed" and not a row of the database changes. A member holding a granting
role gets past the check (the setting is one the action could act on).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from daihoi.access import GRANTS, Permission, Role
from daihoi.actions.adjudication import adjudicate, confirm_decision, return_decision
from daihoi.actions.attendance import (
    apply_derived_base,
    check_in,
    record_absence,
    record_question,
    record_substitution,
    set_current_session,
    withdraw_absence,
)
from daihoi.actions.ballot_papers import print_ballots
from daihoi.actions.certify import certify_result, open_election
from daihoi.actions.entry import record_entry, resolve_difference, undo_last_entry
from daihoi.actions.list_approval import ListVote, record_list_approval
from daihoi.actions.projector import choose_projector_election
from daihoi.actions.register import import_candidates, import_register
from daihoi.actions.roles import create_person, set_roles
from daihoi.actions.scanning import scan_files
from daihoi.actions.setup import create_congress, create_election, record_appointment
from daihoi.actions.spot_checks import check_spot_sheet, draw_spot_check, settle_spot_difference
from daihoi.actions.steps import (
    acknowledge_warning,
    decide_next_step,
    record_figures,
    switch_to_official,
)
from daihoi.actions.teams import assign_team
from daihoi.db.models import (
    Absence,
    AuditEvent,
    BallotEntry,
    Congress,
    Delegate,
    Election,
    Membership,
    Result,
    ScanBatch,
    ScannedBallot,
    Session,
)
from daihoi.db.spot_checks import SpotCheck, SpotCheckSheet
from daihoi.errors import ActionError
from tests.app.builders import make_congress, make_election
from tests.app.members import member
from tests.app.scans import blank

KEEP_AN_BINH = {"kept": ["c1", "c2"]}
KEEP_AN_CUONG = {"kept": ["c1", "c3"]}


@dataclass
class World:
    """Congress A with an election in every state an action needs, and congress B."""

    congress: Congress
    other: Congress
    open: Election  # one team, one entry (sheet 1)
    teams: Election  # two teams that differ on sheet 1
    full: Election  # every collected ballot entered: ready to certify
    setup: Election  # its list not yet approved
    certified: Election
    clerk: User  # assigned to team 1 of `teams`
    delegates: list[Delegate]
    session: Session
    scanned: ScannedBallot
    proposed: ScannedBallot  # one member's proposal, waiting for a second member
    checked: Election  # two scanned ballots; a hand check drawn from one, differing on it


@pytest.fixture
def world(db: None) -> World:
    congress = make_congress(ruleset_id="190-2024")
    other = make_congress(number=6, ruleset_id="190-2024")
    opened = make_election(congress, list_approval="9/9 đại biểu có mặt tán thành")
    teams = make_election(congress, entry_teams=2)
    full = make_election(congress)
    setup = make_election(congress, state=Election.State.SETUP)
    certified = make_election(congress, state=Election.State.CERTIFIED)
    typist = User.objects.create_user("typist")
    clerk = member(User.objects.create_user("kp"), congress, Role.COUNTING_BOARD)
    BallotEntry.objects.create(
        election=opened, team=1, sheet=1, content=KEEP_AN_BINH, entered_by=typist
    )
    BallotEntry.objects.create(
        election=teams, team=1, sheet=1, content=KEEP_AN_BINH, entered_by=clerk
    )
    BallotEntry.objects.create(
        election=teams, team=2, sheet=1, content=KEEP_AN_CUONG, entered_by=typist
    )
    for sheet in range(1, 10):
        BallotEntry.objects.create(
            election=full, team=1, sheet=sheet, content=KEEP_AN_BINH, entered_by=typist
        )
    Result.objects.create(  # a tie between An and Bình for the second seat
        election=certified,
        election_file="{}",
        sha256="0" * 64,
        document={
            "elected": ["c3"],
            "elected_alternates": [],
            "next": {"action": "tie_revote", "among": ["c1", "c2"], "seats": 1},
        },
        certified_by=typist,
    )
    session = Session.objects.create(congress=congress, order=1, name="Phiên thứ nhất")
    Congress.objects.filter(pk=congress.pk).update(current_session=session)
    congress.refresh_from_db()
    delegates = [
        Delegate.objects.create(
            congress=congress, full_name=name, gender="male", kind="delegate", standing=standing
        )
        for name, standing in [
            ("Phạm Văn Đức", "official"),
            ("Hoàng Văn Em", "official"),
            ("Vũ Văn Giang", "alternate"),
        ]
    ]
    Absence.objects.create(delegate=delegates[1], reason="Ốm", approved=True, recorded_by=typist)
    batch = ScanBatch.objects.create(election=opened, team=1, scanned_by=typist)
    scanned = ScannedBallot.objects.create(
        election=opened,
        batch=batch,
        team=1,
        sheet=2,
        state=ScannedBallot.State.REVIEW,
        reading={"pages": []},
    )
    proposed = ScannedBallot.objects.create(
        election=opened,
        batch=batch,
        team=1,
        sheet=4,
        sha256="4" * 64,
        state=ScannedBallot.State.REVIEW,
        reading={"pages": []},
        decision={
            "ruling": "not_issued_by_board",
            "rows": {},
            "content": {"invalid": "not_issued_by_board"},
        },
        proposed_by=typist,
        proposed_at=timezone.now(),
    )
    return World(
        congress,
        other,
        opened,
        teams,
        full,
        setup,
        certified,
        clerk,
        delegates,
        session,
        scanned,
        proposed,
        _checked(congress, typist),
    )


def _checked(congress: Congress, typist: User) -> Election:
    """Two ballots read from scans; a hand check drawn when only the first was: its paper
    differs (for the head to settle) and the second sheet is drawn but not checked."""
    checked = make_election(congress, list_approval="9/9 đại biểu có mặt tán thành")
    batch = ScanBatch.objects.create(election=checked, team=1, scanned_by=typist)
    scans = []
    for sheet in (1, 2):
        entry = BallotEntry.objects.create(
            election=checked, team=1, sheet=sheet, content=KEEP_AN_BINH, entered_by=typist
        )
        scans.append(
            ScannedBallot.objects.create(
                election=checked,
                batch=batch,
                team=1,
                sheet=sheet,
                sha256=f"{sheet}" * 64,
                state=ScannedBallot.State.READ,
                reading={"pages": []},
                entry=entry,
            )
        )
    check = SpotCheck.objects.create(election=checked, seed="11111", population=1, drawn_by=typist)
    SpotCheckSheet.objects.create(
        spot_check=check, scanned=scans[0], team=1, sheet=1, paper=KEEP_AN_CUONG, differs=True
    )
    SpotCheckSheet.objects.create(spot_check=check, scanned=scans[1], team=1, sheet=2)
    return checked


Call = Callable[[User, World], object]

#: every action that writes for a congress, with the permission of the page that calls it
ACTIONS: dict[str, tuple[Permission, Call]] = {
    "record_entry": (
        Permission.ENTER_BALLOTS,
        lambda u, w: record_entry(u, w.open.pk, 1, 3, KEEP_AN_BINH),
    ),
    "undo_last_entry": (Permission.ENTER_BALLOTS, lambda u, w: undo_last_entry(u, w.open.pk, 1)),
    "scan_files": (
        Permission.ENTER_BALLOTS,
        lambda u, w: scan_files(u, w.open.pk, 1, [("trang.png", blank())]),
    ),
    "adjudicate": (
        Permission.ENTER_BALLOTS,
        lambda u, w: adjudicate(u, w.scanned.pk, {}, "not_issued_by_board"),
    ),
    "confirm_decision": (
        Permission.ENTER_BALLOTS,
        lambda u, w: confirm_decision(u, w.proposed.pk),
    ),
    "return_decision": (
        Permission.ENTER_BALLOTS,
        lambda u, w: return_decision(u, w.proposed.pk, "Phiếu giấy có dấu"),
    ),
    "draw_spot_check": (
        Permission.SETTLE_DIFFERENCES,
        lambda u, w: draw_spot_check(u, w.checked.pk, "12345"),
    ),
    "check_spot_sheet": (
        Permission.ENTER_BALLOTS,
        lambda u, w: check_spot_sheet(u, w.checked.pk, 1, 2, KEEP_AN_BINH),
    ),
    "settle_spot_difference": (
        Permission.SETTLE_DIFFERENCES,
        lambda u, w: settle_spot_difference(u, w.checked.pk, 1, 1, KEEP_AN_CUONG),
    ),
    "resolve_difference": (
        Permission.SETTLE_DIFFERENCES,
        lambda u, w: resolve_difference(u, w.teams.pk, 1, chosen_team=1),
    ),
    "record_figures": (
        Permission.SETTLE_DIFFERENCES,
        lambda u, w: record_figures(
            u, w.open.pk, {"present": 9}, {"delegates_absent_whole_congress_not_replaced": 1}
        ),
    ),
    "acknowledge_warning": (
        Permission.SETTLE_DIFFERENCES,
        lambda u, w: acknowledge_warning(u, w.open.pk, "turnout_low", "Đã kiểm tra lại."),
    ),
    "apply_derived_base": (
        Permission.SETTLE_DIFFERENCES,
        lambda u, w: apply_derived_base(u, w.open.pk, w.session.pk),
    ),
    "assign_team": (
        Permission.SETTLE_DIFFERENCES,
        lambda u, w: assign_team(u, w.teams.pk, w.clerk.pk, 2),
    ),
    "certify_result": (Permission.CERTIFY, lambda u, w: certify_result(u, w.full.pk)),
    "print_ballots": (
        Permission.PRINT_BALLOTS,
        lambda u, w: print_ballots(u, w.open.pk, "A4", 1),
    ),
    "open_election": (Permission.MANAGE_CONGRESS, lambda u, w: open_election(u, w.setup.pk)),
    "decide_next_step": (
        Permission.MANAGE_CONGRESS,
        lambda u, w: decide_next_step(u, w.certified.pk, hold=False, note=""),
    ),
    "switch_to_official": (
        Permission.MANAGE_CONGRESS,
        lambda u, w: switch_to_official(u, w.congress.pk),
    ),
    "record_list_approval": (
        Permission.MANAGE_CONGRESS,
        lambda u, w: record_list_approval(u, w.setup.pk, ListVote(8, 1, 9, date(2025, 6, 1))),
    ),
    "record_appointment": (
        Permission.MANAGE_CONGRESS,
        lambda u, w: record_appointment(u, w.setup.pk, "Quyết định số 1"),
    ),
    "create_election": (
        Permission.MANAGE_CONGRESS,
        lambda u, w: create_election(
            u,
            w.congress.pk,
            body="executive_committee",
            seats=1,
            alternate_seats=0,
            entry_teams=1,
            delegate_ids=[w.delegates[0].pk],
            list_approval="",
        ),
    ),
    "import_register": (
        Permission.MANAGE_CONGRESS,
        lambda u, w: import_register(u, w.congress.pk, "spent-token"),
    ),
    "import_candidates": (
        Permission.MANAGE_CONGRESS,
        lambda u, w: import_candidates(u, w.setup.pk, "spent-token"),
    ),
    "choose_projector_election": (
        Permission.MANAGE_CONGRESS,
        lambda u, w: choose_projector_election(u, w.congress, w.open.pk),
    ),
    "set_current_session": (
        Permission.MANAGE_CONGRESS,
        lambda u, w: set_current_session(u, w.congress, w.session.pk),
    ),
    "record_absence": (
        Permission.MANAGE_CONGRESS,
        lambda u, w: record_absence(u, w.congress, w.delegates[0].pk, "Công tác", approved=True),
    ),
    "record_substitution": (
        Permission.MANAGE_CONGRESS,
        lambda u, w: record_substitution(u, w.congress, w.delegates[1].pk, w.delegates[2].pk),
    ),
    "record_question": (
        Permission.MANAGE_CONGRESS,
        lambda u, w: record_question(u, w.congress, w.delegates[0].pk, "Tuổi", "Đủ tư cách"),
    ),
    "set_roles": (
        Permission.MANAGE_CONGRESS,
        lambda u, w: set_roles(u, w.congress.pk, w.clerk.pk, ["viewer"]),
    ),
    "create_person": (
        Permission.MANAGE_CONGRESS,
        lambda u, w: create_person(
            u,
            w.congress.pk,
            username="moi",
            full_name="Người Mới",
            password="dài-đủ-và-lạ-2020",
            roles=["viewer"],
        ),
    ),
    "check_in": (
        Permission.CHECK_IN,
        lambda u, w: check_in(u, w.congress, delegate_id=w.delegates[0].pk),
    ),
    "withdraw_absence": (
        Permission.CHECK_IN,
        lambda u, w: withdraw_absence(u, w.congress, w.delegates[1].pk),
    ),
}


def _everything() -> dict[str, list[dict[str, Any]]]:
    """Every row of every table the application keeps (and the accounts)."""
    models = [*apps.get_app_config("daihoi").get_models(), User]
    return {
        model.__name__: list(model.objects.order_by("pk").values())  # type: ignore[attr-defined]
        for model in models
    }


def _outsider(world: World) -> User:
    """A member of congress B holding every role there (and none in A)."""
    user = User.objects.create_user("outsider")
    Membership.objects.create(
        user=user, congress=world.other, roles=[r.value for r in Role], reason="Thử"
    )
    return user


def _without_grant(world: World, permission: Permission) -> User:
    """A member of congress A holding every role the permission is not granted to."""
    user = User.objects.create_user("member-without")
    roles = [r.value for r in Role if r not in GRANTS[permission]]
    Membership.objects.create(user=user, congress=world.congress, roles=roles, reason="Thử")
    return user


def _refused(call: Call, user: User, world: World) -> None:
    before = _everything()
    with pytest.raises(ActionError) as caught:
        call(user, world)
    assert caught.value.code == "not_allowed"
    assert _everything() == before


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_a_member_of_another_congress_is_refused(world: World, action: str) -> None:
    _, call = ACTIONS[action]
    _refused(call, _outsider(world), world)


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_a_member_without_the_grant_is_refused(world: World, action: str) -> None:
    permission, call = ACTIONS[action]
    _refused(call, _without_grant(world, permission), world)


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_a_member_with_the_grant_does_it(world: World, action: str) -> None:
    """The same call by a member holding a granting role succeeds: the setting is one the action
    acts on, so the refusals above come from the check (the imports stop at their spent token)."""
    permission, call = ACTIONS[action]
    user = User.objects.create_user("granted")
    granted = sorted(GRANTS[permission], key=list(Role).index)[0]
    member(user, world.congress, granted, reason="Thử")
    before = AuditEvent.objects.count()
    if action.startswith("import_"):
        with pytest.raises(ActionError) as caught:
            call(user, world)
        assert caught.value.code == "upload_expired"
        return
    call(user, world)
    assert AuditEvent.objects.count() > before


def test_the_command_line_and_demo_write_as_the_system(world: World) -> None:
    """No person (the demo loader, `daihoi ballots`): the system's own write passes."""
    assert print_ballots(None, world.open.pk, "A4", 1).startswith(b"%PDF")


def _new_congress(organisation: str) -> dict[str, Any]:
    """The new-congress form as an organiser fills it in."""
    return {
        "organisation": organisation,
        "upper_organisation": "Đảng bộ huyện",
        "number": 3,
        "term": "2025–2030",
        "place": "Hội trường xã",
        "starts_on": date(2025, 7, 1),
        "ends_on": date(2025, 7, 2),
        "meeting": "delegates_congress",
        "ruleset_id": "190-2024",
        "settings": {},
        "elects_secretary_directly": False,
        "sessions": ["Phiên trù bị"],
    }


def test_a_non_superuser_organiser_who_creates_a_congress_opens_it(world: World) -> None:
    organiser = member(User.objects.create_user("bantochuc"), world.congress, Role.ORGANISER)
    made = create_congress(organiser, **_new_congress("Đảng bộ xã Mới"))
    assert Membership.objects.get(user=organiser, congress=made).roles == [Role.ORGANISER.value]
    set_current_session(organiser, made, made.sessions.get().pk)  # at once, in the same process
    client = Client()
    client.force_login(organiser)
    assert client.get(reverse("congress", args=[made.pk])).status_code == 200
    assert client.get(reverse("members", args=[made.pk])).status_code == 200


def test_a_superuser_who_creates_a_congress_needs_no_membership(world: World) -> None:
    root = User.objects.create_superuser("root", password="long-enough-pw-92")
    made = create_congress(root, **_new_congress("Đảng bộ xã Khác"))
    assert not Membership.objects.filter(congress=made).exists()


def test_one_who_organises_nothing_cannot_create_a_congress(world: World) -> None:
    clerk = member(User.objects.create_user("kp9"), world.congress, Role.COUNTING_BOARD)
    before = _everything()
    with pytest.raises(ActionError) as caught:
        create_congress(clerk, **_new_congress("Đảng bộ xã Lạ"))
    assert caught.value.code == "not_allowed"
    assert _everything() == before
