"""Every read the screens and documents need, as plain values (no business rule in views)."""

from dataclasses import dataclass
from typing import Any

from daihoi.core.candidates import check_surplus
from daihoi.core.codes import Body
from daihoi.core.composition import Composition, composition_of
from daihoi.core.counting import ballot_order
from daihoi.core.findings import Finding
from daihoi.db.mappers import core_candidates, ruleset_of, settled
from daihoi.db.models import Congress, Election
from daihoi.integrity.records import recount
from daihoi.labels import BODIES


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


def projector_election(congress: Congress) -> Election | None:
    """What the hall's screen shows: the organiser's choice; else the last certified result;
    else the election being counted (the latest open one)."""
    if congress.projector_election_id is not None:
        return congress.projector_election
    certified = (
        congress.elections.filter(state=Election.State.CERTIFIED)
        .select_related("result")
        .order_by("-result__certified_at", "-pk")
        .first()
    )
    if certified is not None:
        return certified
    return congress.elections.filter(state=Election.State.OPEN).order_by("-pk").first()


def get_projector_state(election: Election | None) -> dict[str, Any]:
    """The hall's screen: progress while counting; results only once certified."""
    if election is None or election.state == Election.State.SETUP:
        return {"state": "idle"}
    entered = election.entries.filter(team=1).count()
    body = BODIES.get(election.body, (election.body, ""))[0]
    state: dict[str, Any] = {
        "state": election.state,
        "election": election.pk,
        "body": election.body,
        "title": f"Kết quả bầu {body}" + (f" — lần {election.round}" if election.round > 1 else ""),
        "round": election.round,
        "seats": election.seats,
        "entered": entered,
        "collected": election.ballots_collected,
    }
    if election.state == Election.State.CERTIFIED:
        # recounted from the frozen file, never the stored document; nothing when they differ
        checked = recount(election.result)
        if checked.document is None or not checked.trustworthy:
            state["tampered"] = True
            return state
        document = checked.document
        elected = set(document["elected"])
        state["result"] = {
            "base": document["base"],
            "votes_needed": document["votes_needed"],
            "candidates": [
                {
                    "id": c["id"],
                    "name": c["name"],
                    "votes": c["votes"],
                    "percent": c.get("percent"),
                    "elected": c["id"] in elected,
                }
                for c in document["candidates"]
            ],
            "elected": document["elected"],
            "elected_alternates": document["elected_alternates"],
            "elected_count": len(document["elected"]),
            "alternates_count": len(document["elected_alternates"]),
        }
    return state
