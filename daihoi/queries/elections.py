"""Every read the screens and documents need, as plain values (no business rule in views)."""

from dataclasses import dataclass
from typing import Any

from daihoi.core.candidates import check_surplus
from daihoi.core.codes import Body
from daihoi.core.composition import Composition, composition_of
from daihoi.core.counting import ballot_order
from daihoi.core.findings import Finding
from daihoi.db.mappers import core_candidates, ruleset_of
from daihoi.db.models import Election
from daihoi.queries.entries import settled


@dataclass(frozen=True)
class TeamProgress:
    team: int
    entered: int
    collected: int


@dataclass(frozen=True)
class ElectionView:
    """What the election page shows."""

    election: Election
    candidates: list[Any]
    list_findings: list[Finding]
    composition: Composition
    progress: list[TeamProgress]
    open_differences: int


def get_election_view(election: Election) -> ElectionView:
    ruleset = ruleset_of(election.congress)
    core = core_candidates(election)
    ordered = ballot_order(core, ruleset.settings)
    findings = check_surplus(Body(election.body), election.seats, len(core), ruleset.settings)
    composition = composition_of(
        core, election.congress.starts_on, young_age_under=ruleset.settings.young_age_under
    )
    progress = [
        TeamProgress(team, election.entries.filter(team=team).count(), election.ballots_collected)
        for team in range(1, election.entry_teams + 1)
    ]
    open_differences = len(settled(election)[1]) if election.entry_teams > 1 else 0
    return ElectionView(election, list(ordered), findings, composition, progress, open_differences)
