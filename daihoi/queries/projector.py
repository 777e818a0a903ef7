"""What the hall's screen shows: which election, its progress, and its result once certified."""

from typing import Any

from daihoi.db.models import Congress, Election
from daihoi.labels import BODIES
from daihoi.queries.entries import table_progress
from daihoi.queries.integrity import recount
from daihoi.queries.teams import defined_tables


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
    if defined_tables(election):  # the total of the tables: sheets every team of its table typed
        entered = sum(p.typed_by_all for p in table_progress(election))
    else:
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
