"""The ballots as entered: the settled ballot of every sheet, the differences between teams
(repeated entry), and the row numbers a clerk types."""

from django.db.models import Count

from daihoi.core.election import Ballot
from daihoi.core.entry import Difference, settled_ballots
from daihoi.db.mappers import entries_by_team
from daihoi.db.models import Election
from daihoi.errors import ActionError
from daihoi.interchange.election_file import read_ballot


def settled(election: Election) -> tuple[dict[int, Ballot], list[Difference]]:
    """The settled ballot of every sheet, and the differences still open (repeated entry)."""
    resolutions = {r.sheet: read_ballot(r.content) for r in election.resolutions.all()}
    teams = list(range(1, election.entry_teams + 1))
    # Who typed each sheet for each team (a clerk's account, never the delegate who voted: the
    # counting board are not voters, so this keeps no link between a ballot and its voter).
    typists: dict[int, dict[int, object]] = {}
    for team, sheet, user_id in election.entries.values_list("team", "sheet", "entered_by_id"):
        typists.setdefault(team, {})[sheet] = user_id
    return settled_ballots(entries_by_team(election), teams, resolutions, typists)


def ballot_codes(election: Election) -> dict[int, str]:
    """Ballot row number → candidate code, for turning typed numbers into a ballot."""
    return dict(election.candidates.values_list("number", "code"))


def entered_by_team(election: Election) -> dict[int, int]:
    """How many ballots each team has entered (every team, those with none at 0)."""
    rows = election.entries.order_by().values("team").annotate(n=Count("id"))
    counts = {row["team"]: row["n"] for row in rows}
    return {team: counts.get(team, 0) for team in range(1, election.entry_teams + 1)}


def unfinished_entry(election: Election) -> list[ActionError]:
    """Each team that has not entered every ballot collected, as certification refuses it."""
    return [
        ActionError(
            "entries_incomplete", entered=entered, collected=election.ballots_collected, team=team
        )
        for team, entered in entered_by_team(election).items()
        if entered != election.ballots_collected
    ]
