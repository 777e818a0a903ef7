"""Who types for which team: the team a clerk was assigned in an election, everyone who may
enter ballots in its congress with their team (the head's assignment screen), and the count
tables (tổ kiểm phiếu) the teams sit at."""

from django.contrib.auth.models import User

from daihoi.access import Permission
from daihoi.core.tables import CountTable, implicit, table_of_team
from daihoi.db.mappers import core_tables
from daihoi.db.models import Election, TeamAssignment


def defined_tables(election: Election) -> tuple[CountTable, ...]:
    """The tables the head of the board defined; empty when none (one implicit table)."""
    return core_tables(election)


def count_tables(election: Election) -> tuple[CountTable, ...]:
    """The tables the election is counted at: those defined, else one of every sheet and team."""
    return defined_tables(election) or (implicit(election.ballots_collected, election.entry_teams),)


def team_table(election: Election, team: int) -> CountTable | None:
    """The table this entry team sits at (None: a team no defined table has)."""
    return table_of_team(count_tables(election), team)


def team_of(user: User, election: Election) -> int | None:
    """The team this person types for in this election; with a single team, that team."""
    if election.entry_teams == 1:
        return 1
    return (
        TeamAssignment.objects.filter(election=election, user_id=user.pk)
        .values_list("team", flat=True)
        .first()
    )


def team_rows(election: Election) -> list[tuple[User, int | None]]:
    """Everyone who may enter ballots in the election's congress, with the team they type for."""
    from django.db.models import Q

    from daihoi.access import GRANTS
    from daihoi.db.models import Membership

    entering = {role.value for role in GRANTS[Permission.ENTER_BALLOTS]}
    congress = election.congress
    ids = {
        user_id
        for user_id, roles in Membership.objects.filter(
            Q(congress=congress) | Q(organisation_id=congress.organisation_id)
        ).values_list("user_id", "roles")
        if entering & set(roles or [])
    }
    people = User.objects.filter(Q(pk__in=ids) | Q(is_superuser=True), is_active=True)
    teams = dict(election.team_assignments.values_list("user_id", "team"))
    return [(p, teams.get(p.pk)) for p in people.order_by("username")]
