"""Rows to core objects and back: the election as the core counts it, the file it exports."""

from collections.abc import Sequence

from daihoi.core import tables
from daihoi.core.codes import BaseCategory, Body, Meeting
from daihoi.core.election import Ballot, Candidate, Election, Electorate
from daihoi.core.ids import CandidateId
from daihoi.core.rulesets.model import RuleSet
from daihoi.core.rulesets.registry import get_ruleset
from daihoi.db import models
from daihoi.interchange.election_file import CongressInfo, read_ballot


def ruleset_of(congress: models.Congress) -> RuleSet:
    """The congress's rule set with its recorded overrides (a congress stores only those)."""
    return get_ruleset(congress.ruleset_id).with_settings(congress.settings_overrides)


def congress_info(congress: models.Congress) -> CongressInfo:
    return CongressInfo(
        organisation=congress.organisation.name,
        upper_organisation=congress.organisation.upper_name or None,
        number=congress.number,
        term=congress.term,
        place=congress.place or None,
        held_on=congress.starts_on,
    )


def numbered_candidates(election: models.Election) -> dict[int, Candidate]:
    """Ballot row number → the core candidate, in one query of plain values."""
    rows = election.candidates.values_list(
        "number", "code", "name", "birth_date", "gender", "ethnicity", "incumbent"
    )
    return {
        number: Candidate(
            CandidateId(code), name, born, gender or None, ethnicity or None, incumbent
        )
        for number, code, name, born, gender, ethnicity, incumbent in rows
    }


def core_candidates(election: models.Election) -> tuple[Candidate, ...]:
    """The list in ballot-number order."""
    numbered = numbered_candidates(election)
    return tuple(numbered[n] for n in sorted(numbered))


def entries_by_team(election: models.Election) -> dict[int, dict[int, Ballot]]:
    entries: dict[int, dict[int, Ballot]] = {}
    for entry in election.entries.all():
        entries.setdefault(entry.team, {})[entry.sheet] = read_ballot(entry.content)
    return entries


def core_election(
    election: models.Election,
    ballots: Sequence[Ballot],
    candidates: tuple[Candidate, ...] | None = None,
) -> Election:
    """The election as the core counts it, with `ballots` (and its list, if already read)."""
    return Election(
        meeting=Meeting(election.meeting),
        body=Body(election.body),
        seats=election.seats,
        electorate=Electorate(
            election.summoned,
            {BaseCategory(k): int(n) for k, n in election.excluded_from_base.items()},
            election.present,
        ),
        ballots_issued=election.ballots_issued,
        candidates=core_candidates(election) if candidates is None else candidates,
        ballots=tuple(ballots),
        round=election.round,
        alternate_seats=election.alternate_seats,
        is_tie_revote=election.is_tie_revote,
    )


def core_tables(election: models.Election) -> tuple[tables.CountTable, ...]:
    """The count tables the board defined (none: the election is one implicit table)."""
    return tuple(
        tables.CountTable(
            row.number,
            tuple((int(first), int(last)) for first, last in row.sheets),
            tuple(int(team) for team in row.teams),
        )
        for row in election.count_tables.all()
    )
