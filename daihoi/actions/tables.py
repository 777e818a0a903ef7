"""Count tables (tổ kiểm phiếu): the head of the counting board splits the collected ballots
between tables that count at once, each with its own pair or trio of entry teams (R12, task 5;
repeated entry within each table is the project's practice, daihoi.core.tables).

Tables replace one another as a whole: the board writes them all, or splits evenly with one
click and edits afterwards. Refused, changing nothing, once the result is certified, and when a
ballot already entered (or a scan numbered) would fall outside its team's new table.
"""

from collections.abc import Callable, Sequence

from django.contrib.auth.models import User as Person

from daihoi.access import Permission, ensure
from daihoi.actions.audit import User, record_event
from daihoi.actions.transactions import write_transaction
from daihoi.core.tables import (
    CountTable,
    TableError,
    even_split,
    parse_sheets,
    parse_teams,
    stranded,
    table_of_sheet,
    table_of_team,
    table_problems,
)
from daihoi.db.models import CountTable as CountTableRow
from daihoi.db.models import Election
from daihoi.errors import ActionError
from daihoi.queries.teams import defined_tables

#: what makes the tables from the election, inside the transaction
_Build = Callable[[Election], tuple[CountTable, ...]]

#: which form field a refusal of the tables names
_FIELD = {
    "sheets_malformed": "sheets",
    "sheets_zero": "sheets",
    "sheets_reversed": "sheets",
    "sheets_repeated": "sheets",
    "sheets_empty": "sheets",
    "table_beyond_collected": "sheets",
    "table_sheet_repeated": "sheets",
    "tables_more_than_sheets": "tables",
    "tables_count": "tables",
}


def _refusal(error: TableError) -> ActionError:
    return ActionError(error.code, _FIELD.get(error.code, "teams"), **error.values)


def read_tables(rows: Sequence[tuple[str, str]]) -> tuple[CountTable, ...]:
    """Tables from the form's rows (sheets typed, teams typed), numbered in order; a row left
    blank is no table."""
    tables: list[CountTable] = []
    for sheets_text, teams_text in rows:
        if not sheets_text.strip() and not teams_text.strip():
            continue
        try:
            sheets, teams = parse_sheets(sheets_text), parse_teams(teams_text)
        except TableError as error:
            raise _refusal(error) from None
        tables.append(CountTable(len(tables) + 1, sheets, teams))
    return tuple(tables)


def define_tables(actor: User, election_id: int, rows: Sequence[tuple[str, str]]) -> None:
    """Set the election's count tables from what the head typed (no row: remove them all)."""
    _store(actor, election_id, lambda _election: read_tables(rows))


def split_evenly(actor: User, election_id: int, tables: int, teams_per_table: int) -> None:
    """`tables` tables of consecutive sheets from the ballots collected, `teams_per_table`
    teams each, numbered in order (table 1: teams 1 and 2, table 2: teams 3 and 4, …)."""

    def split(election: Election) -> tuple[CountTable, ...]:
        try:
            return even_split(election.ballots_collected, tables, teams_per_table)
        except TableError as error:
            raise _refusal(error) from None

    _store(actor, election_id, split)


def _store(actor: User, election_id: int, build: _Build) -> None:
    with write_transaction():
        election = (
            Election.objects.select_for_update().select_related("congress").get(pk=election_id)
        )
        ensure(actor, Permission.SETTLE_DIFFERENCES, election.congress_id)
        if election.state in (Election.State.CERTIFIED, Election.State.APPOINTED):
            raise ActionError("election_certified")
        tables = build(election)
        problems = table_problems(tables, election.ballots_collected)
        if problems:
            raise _refusal(problems[0])
        teams = max((t for table in tables for t in table.teams), default=election.entry_teams)
        CountTableRow.objects.filter(election=election).delete()
        CountTableRow.objects.bulk_create(
            CountTableRow(
                election=election,
                number=table.number,
                sheets=[list(r) for r in table.sheets],
                teams=list(table.teams),
            )
            for table in tables
        )
        if teams != election.entry_teams:
            election.entry_teams = teams
            election.save(update_fields=["entry_teams"])
        if not tables:
            record_event(actor, "remove_tables", election.congress, election=election.pk)
            return
        record_event(
            actor,
            "define_tables",
            election.congress,
            election=election.pk,
            tables=[{"number": t.number, "sheets": t.text, "teams": list(t.teams)} for t in tables],
        )
        # Under the audit chain's lock, held to the commit by every write: an entry saved
        # meanwhile is seen here (and one saved after sees these tables: actions.entry).
        _refuse_stranding(election, tables, teams)


def _refuse_stranding(election: Election, tables: Sequence[CountTable], teams: int) -> None:
    """A ballot entered, or a scan numbered, must stay in its team's table; a clerk must not be
    left on a team the tables no longer have."""
    typed = set(election.entries.values_list("team", "sheet"))
    typed |= {
        (team, sheet)
        for team, sheet in election.scans.values_list("team", "sheet")
        if sheet is not None
    }
    found = stranded(tables, typed)
    if found is not None:
        raise ActionError("table_strands_entry", "sheets", team=found[0], sheet=found[1])
    beyond = election.team_assignments.filter(team__gt=teams).select_related("user").first()
    if beyond is not None:
        person: Person = beyond.user
        raise ActionError(
            "table_team_assigned",
            "teams",
            person=person.get_full_name() or person.get_username(),
            team=beyond.team,
        )


def refuse_unless_at_table(election: Election, team: int, sheet: int) -> None:
    """A team enters only the sheets of its own table: another table's sheet is refused, naming
    the sheet's table and the team's, with their ranges."""
    tables = defined_tables(election)
    if not tables:
        return
    own = table_of_team(tables, team)
    if own is None:
        raise ActionError("team_in_no_table", "team", team=team)
    if own.holds(sheet):
        return
    other = table_of_sheet(tables, sheet)
    if other is None:
        raise ActionError(
            "sheet_in_no_table", "sheet", sheet=sheet, team=team, own=own.number, own_range=own.text
        )
    raise ActionError(
        "sheet_other_table",
        "sheet",
        sheet=sheet,
        table=other.number,
        range=other.text,
        team=team,
        own=own.number,
        own_range=own.text,
    )
