"""The organiser's set-up: a congress with its sessions, an election with its approved list, or a
body appointed by the upper level instead of elected.
"""

from collections.abc import Mapping, Sequence
from datetime import date

from daihoi.access import Permission, Role, ensure, forget_roles
from daihoi.actions.audit import User, record_event
from daihoi.actions.candidates import listed_delegate, put_on_list
from daihoi.actions.limits import fits
from daihoi.actions.transactions import write_transaction
from daihoi.core.codes import Body, Meeting
from daihoi.core.rulesets.model import SettingsError
from daihoi.core.rulesets.registry import RULESETS
from daihoi.core.vi.formatting import MAX_CONGRESS_NUMBER
from daihoi.core.vi.text import nfc
from daihoi.db.models import Congress, Delegate, Election, Membership, Organisation, Session
from daihoi.errors import ActionError


def create_congress(  # noqa: PLR0913 - the fields of the congress form
    user: User,
    *,
    organisation: str,
    upper_organisation: str,
    number: int,
    term: str,
    place: str,
    starts_on: date,
    ends_on: date,
    meeting: str,
    ruleset_id: str,
    settings: Mapping[str, object],
    elects_secretary_directly: bool,
    sessions: Sequence[str],
) -> Congress:
    """A congress in rehearsal mode, with its sessions, under a rule set and its overrides.

    Its creator becomes its organiser (a superuser is one everywhere already): roles are held in
    a congress, and a congress no one holds a role in is no one's to open.
    """
    if ruleset_id not in RULESETS:
        raise ActionError("unknown_ruleset", "ruleset_id", ruleset=ruleset_id)
    if meeting not in (Meeting.MEMBERS_CONGRESS, Meeting.DELEGATES_CONGRESS):
        raise ActionError("unknown_meeting", "meeting", meeting=meeting)
    if ends_on < starts_on:
        raise ActionError("dates_reversed", "ends_on")
    if not 1 <= number <= MAX_CONGRESS_NUMBER:
        raise ActionError("congress_number_out_of_range", "number", number=number)
    organisation = fits(nfc(organisation), Organisation, "name")
    upper_organisation = fits(nfc(upper_organisation), Organisation, "upper_name")
    term, place = fits(nfc(term), Congress, "term"), fits(nfc(place), Congress, "place")
    names = [fits(nfc(s), Session, "name") for s in sessions if nfc(s)]
    try:
        RULESETS[ruleset_id].with_settings(settings)
    except SettingsError as error:
        detail = "; ".join(f"{name}: {code} {value}" for name, code, value in error.problems)
        raise ActionError("bad_settings", "settings", detail=detail) from None
    with write_transaction():
        ensure(user, Permission.MANAGE_CONGRESS, None)  # an organiser somewhere starts a congress
        org, _ = Organisation.objects.get_or_create(
            name=organisation, defaults={"upper_name": upper_organisation}
        )
        congress = Congress.objects.create(
            organisation=org,
            number=number,
            term=term,
            place=place,
            starts_on=starts_on,
            ends_on=ends_on,
            meeting=meeting,
            ruleset_id=ruleset_id,
            settings_overrides=dict(settings),
            elects_secretary_directly=elects_secretary_directly,
        )
        for order, name in enumerate(names, start=1):
            Session.objects.create(congress=congress, order=order, name=name)
        if not user.is_superuser:
            Membership.objects.create(user=user, congress=congress, roles=[Role.ORGANISER.value])
            forget_roles(user)
        record_event(user, "create_congress", congress, ruleset=ruleset_id, settings=dict(settings))
        return congress


def create_election(  # noqa: PLR0913 - the fields of the election form
    user: User,
    congress_id: int,
    *,
    body: str,
    seats: int,
    alternate_seats: int,
    entry_teams: int,
    delegate_ids: Sequence[int],
    list_approval: str,
) -> Election:
    """An election with its list in ballot order (R7), taken from the delegate register."""
    if body not in {b.value for b in Body}:
        raise ActionError("unknown_body", "body", body=body)
    if seats < 1:
        raise ActionError("figure_negative", "seats", figure="seats")
    if not 1 <= entry_teams <= 3:
        raise ActionError("team_out_of_range", "entry_teams", team=entry_teams, teams=3)
    list_approval = fits(nfc(list_approval), Election, "list_approval")
    with write_transaction():
        congress = Congress.objects.select_for_update().get(pk=congress_id)
        ensure(user, Permission.MANAGE_CONGRESS, congress.pk)
        found = Delegate.objects.filter(congress=congress, pk__in=delegate_ids).in_bulk()
        # the list as given: its order is the ballot's under `ballot_order=as_listed` (R7)
        delegates = [found[pk] for pk in dict.fromkeys(delegate_ids) if pk in found]
        if len(delegates) != len(set(delegate_ids)) or not delegates:
            raise ActionError("unknown_delegates", "delegate_ids")
        meeting = congress.meeting
        if body in (Body.STANDING_COMMITTEE, Body.INSPECTION_CHAIR, Body.DEPUTY_SECRETARY):
            meeting = Meeting.COMMITTEE_MEETING
        if body == Body.SECRETARY and not congress.elects_secretary_directly:
            meeting = Meeting.COMMITTEE_MEETING
        election = Election.objects.create(
            congress=congress,
            body=body,
            meeting=meeting,
            seats=seats,
            alternate_seats=alternate_seats,
            entry_teams=entry_teams,
            list_approval=list_approval,
        )
        put_on_list(election, [listed_delegate(d) for d in delegates])
        record_event(
            user,
            "create_election",
            congress,
            election=election.pk,
            body=body,
            seats=seats,
            candidates=len(delegates),
            list_approval=election.list_approval,
        )
        return election


def record_appointment(user: User, election_id: int, document: str) -> Election:
    """The upper level appointed this body (chỉ định): no ballot; the deciding document is kept."""
    document = fits(nfc(document), Election, "appointed_by")
    if not document:
        raise ActionError("document_required", "document")
    with write_transaction():
        election = (
            Election.objects.select_for_update().select_related("congress").get(pk=election_id)
        )
        ensure(user, Permission.MANAGE_CONGRESS, election.congress_id)
        if election.state != Election.State.SETUP:
            raise ActionError("election_not_in_setup")
        election.appointed_by = document
        election.state = Election.State.APPOINTED
        election.save(update_fields=["appointed_by", "state"])
        record_event(
            user, "record_appointment", election.congress, election=election.pk, document=document
        )
        return election
