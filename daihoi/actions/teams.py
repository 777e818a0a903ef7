"""Entry teams bound to people: the head of the counting board assigns each clerk to one team
per election, and a clerk enters and undoes only for that team.

Repeated entry is worth something only if the teams are different people: a person holds one
team of an election (a unique row), and the comparison of the teams' entries treats a sheet typed
twice by one person as a difference (daihoi.core.entry).
"""

from django.contrib.auth.models import User as Person

from daihoi.access import Permission, can, ensure
from daihoi.actions.audit import User, record_event
from daihoi.actions.transactions import write_transaction
from daihoi.db.models import Election, TeamAssignment
from daihoi.errors import ActionError
from daihoi.queries.teams import team_of


def refuse_unless_on_team(user: User, election: Election, team: int) -> None:
    """A clerk enters, scans and undoes only for the team the head assigned them to.

    With a single team there is no repeated entry to defeat: everyone who may enter types for it.
    """
    if election.entry_teams == 1:
        return
    assigned = team_of(user, election)
    if assigned is None:
        raise ActionError("no_team_assigned", "team")
    if assigned != team:
        raise ActionError("not_your_team", "team", team=team, assigned=assigned)


def assign_team(actor: User, election_id: int, person_id: int, team: int | None) -> None:
    """Put a person on one entry team of the election (None: take them off), audited."""
    with write_transaction():
        election = (
            Election.objects.select_for_update().select_related("congress").get(pk=election_id)
        )
        ensure(actor, Permission.SETTLE_DIFFERENCES, election.congress_id)
        if election.state == Election.State.CERTIFIED:
            raise ActionError("election_certified")
        person = Person.objects.filter(pk=person_id, is_active=True).first()
        if person is None or not can(person, Permission.ENTER_BALLOTS, election.congress_id):
            raise ActionError("not_a_clerk", "person")
        if team is None:
            TeamAssignment.objects.filter(election=election, user=person).delete()
        else:
            if not 1 <= team <= election.entry_teams:
                raise ActionError(
                    "team_out_of_range", "team", team=team, teams=election.entry_teams
                )
            TeamAssignment.objects.update_or_create(
                election=election, user=person, defaults={"team": team, "assigned_by": actor}
            )
        record_event(
            actor,
            "assign_team" if team else "unassign_team",
            election.congress,
            election=election.pk,
            person=person.get_full_name() or person.get_username(),
            **({"team": team} if team else {}),
        )
