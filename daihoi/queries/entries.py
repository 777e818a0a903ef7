"""The ballots as entered: the settled ballot of every sheet, the differences between teams
(repeated entry) compared within each count table, each table's progress, and the row numbers a
clerk types."""

from dataclasses import dataclass

from django.db.models import Count

from daihoi.core.election import Ballot
from daihoi.core.entry import Difference, settled_ballots
from daihoi.core.tables import (
    CountTable,
    TableSettlement,
    ranges_text,
    settle_tables,
    table_problems,
    uncovered,
)
from daihoi.db.mappers import entries_by_team
from daihoi.db.models import Election
from daihoi.errors import ActionError
from daihoi.interchange.election_file import read_ballot
from daihoi.queries.teams import count_tables, defined_tables


def settled_by_table(election: Election) -> list[TableSettlement]:
    """Each count table's settled ballots and open differences, its own teams compared; with
    no table defined, one table of every team and every sheet typed (repeated entry as ever)."""
    resolutions = {r.sheet: read_ballot(r.content) for r in election.resolutions.all()}
    # Who typed each sheet for each team (a clerk's account, never the delegate who voted: the
    # counting board are not voters, so this keeps no link between a ballot and its voter).
    typists: dict[int, dict[int, object]] = {}
    for team, sheet, user_id in election.entries.values_list("team", "sheet", "entered_by_id"):
        typists.setdefault(team, {})[sheet] = user_id
    entries = entries_by_team(election)
    tables = defined_tables(election)
    if tables:
        return settle_tables(tables, entries, resolutions, typists)
    (table,) = count_tables(election)
    found, differences = settled_ballots(entries, list(table.teams), resolutions, typists)
    return [TableSettlement(table, found, differences)]


def settled(election: Election) -> tuple[dict[int, Ballot], list[Difference]]:
    """The settled ballot of every sheet, and the differences still open (repeated entry)."""
    ballots: dict[int, Ballot] = {}
    differences: list[Difference] = []
    for table in settled_by_table(election):
        ballots.update(table.settled)
        differences += table.differences
    return dict(sorted(ballots.items())), sorted(differences, key=lambda d: d.sheet)


def ballot_codes(election: Election) -> dict[int, str]:
    """Ballot row number → candidate code, for turning typed numbers into a ballot."""
    return dict(election.candidates.values_list("number", "code"))


def entered_by_team(election: Election) -> dict[int, int]:
    """How many ballots each team has entered (every team, those with none at 0)."""
    rows = election.entries.order_by().values("team").annotate(n=Count("id"))
    counts = {row["team"]: row["n"] for row in rows}
    return {team: counts.get(team, 0) for team in range(1, election.entry_teams + 1)}


@dataclass(frozen=True)
class TableProgress:
    """Where a count table has got to: each team's sheets of the table entered, and the sheets
    every team of the table has typed."""

    table: CountTable
    entered: dict[int, int]  # team → sheets of this table it entered
    typed_by_all: int

    @property
    def size(self) -> int:
        return self.table.size


def table_progress(election: Election) -> list[TableProgress]:
    """Each count table's progress (one table, every sheet, when none is defined)."""
    typed: dict[int, set[int]] = {}
    for team, sheet in election.entries.values_list("team", "sheet"):
        typed.setdefault(team, set()).add(sheet)
    out = []
    for table in count_tables(election):
        mine = {t: {s for s in typed.get(t, set()) if table.holds(s)} for t in table.teams}
        every = set.intersection(*mine.values()) if mine else set()
        out.append(TableProgress(table, {t: len(s) for t, s in mine.items()}, len(every)))
    return out


def unfinished_entry(election: Election) -> list[ActionError]:
    """What entry still lacks, as certification refuses it: with no table, each team that has
    not entered every ballot collected; with tables, the tables that do not hold together (a
    sheet in two, a team in none), the sheets no table holds, and each table's teams that have
    not entered every sheet of their table."""
    tables = defined_tables(election)
    if not tables:
        return [
            ActionError(
                "entries_incomplete",
                entered=entered,
                collected=election.ballots_collected,
                team=team,
            )
            for team, entered in entered_by_team(election).items()
            if entered != election.ballots_collected
        ]
    collected = election.ballots_collected
    found = [ActionError(p.code, "", **p.values) for p in table_problems(tables, collected)]
    found += [
        ActionError("team_in_no_table", team=team)
        for team in range(
            max(t for table in tables for t in table.teams) + 1, election.entry_teams + 1
        )
    ]
    gaps = uncovered(tables, collected)
    if gaps:
        found.append(ActionError("table_sheets_uncovered", sheets=ranges_text(gaps)))
    found += [
        ActionError(
            "table_entries_incomplete",
            table=progress.table.number,
            range=progress.table.text,
            team=team,
            entered=entered,
            size=progress.size,
        )
        for progress in table_progress(election)
        for team, entered in progress.entered.items()
        if entered != progress.size
    ]
    return found
