"""The ballots as entered: the settled ballot of every sheet, the differences between teams
(repeated entry), and the row numbers a clerk types."""

from daihoi.core.election import Ballot
from daihoi.core.entry import Difference, settled_ballots
from daihoi.db.mappers import entries_by_team
from daihoi.db.models import Election
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
