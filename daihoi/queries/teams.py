"""Who types for which team: the team a clerk was assigned in an election, everyone who may
enter ballots in its congress with their team (the head's assignment screen), and the count
tables (tổ kiểm phiếu) the teams sit at."""

from django.contrib.auth.models import User

from daihoi.access import Permission
from daihoi.core.tables import CountTable, implicit, ranges_text, table_of_team, uncovered
from daihoi.db.mappers import core_tables
from daihoi.db.models import Election, TeamAssignment


def defined_tables(election: Election) -> tuple[CountTable, ...]:
    """The tables the head of the board defined; empty when none (one implicit table)."""
    return core_tables(election)


def count_tables(election: Election) -> tuple[CountTable, ...]:
    """The tables the election is counted at: those defined, else one of every sheet and team."""
    return defined_tables(election) or (implicit(election.ballots_collected, election.entry_teams),)


def team_choices(election: Election) -> list[tuple[int, int | None]]:
    """Every entry team with the number of the count table it sits at (None: no table)."""
    tables = defined_tables(election)
    return [
        (team, table.number if (table := table_of_team(tables, team)) else None)
        for team in range(1, election.entry_teams + 1)
    ]


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


def tables_section(election: Election) -> dict[str, object]:
    """The count tables part of the election page: each table as typed back into the form
    (sheets, teams), the sheets no table holds, and the clerks at each table."""
    tables = defined_tables(election)
    clerks: dict[int, list[str]] = {}
    for assignment in election.team_assignments.select_related("user"):
        person = assignment.user
        clerks.setdefault(assignment.team, []).append(person.first_name or person.username)
    rows = [
        {
            "number": t.number,
            "sheets": t.text,
            "teams": " ".join(str(team) for team in t.teams),
            "size": t.size,
            "clerks": [(team, clerks.get(team, [])) for team in t.teams],
        }
        for t in tables
    ]
    gaps = uncovered(tables, election.ballots_collected) if tables else ()
    return {
        "rows": rows,
        "blank_rows": range(len(rows) + 1, max(len(rows) + 2, 4)),  # room for another table
        "uncovered": ranges_text(gaps) if gaps else "",
        "collected": election.ballots_collected,
    }
