"""Write an election as its file (daihoi.election/1), canonically, with its SHA-256 fingerprint.

The application exports this file after every count; anyone can re-count it with `daihoi count`.
The fingerprint printed on the paper minutes matches the paper to the electronic record.
"""

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from daihoi.core.election import Ballot, CrossOutBallot, Election, MarksBallot
from daihoi.interchange.election_file import FORMAT, CongressInfo


def _ballot(ballot: Ballot) -> dict[str, Any]:
    if isinstance(ballot, CrossOutBallot):
        entry: dict[str, Any] = {"kept": list(ballot.kept)}
    elif isinstance(ballot, MarksBallot):
        entry = {"marks": {cid: str(mark) for cid, mark in ballot.marks.items()}}
    else:
        return {"invalid": str(ballot.reason), "count": ballot.count}
    if ballot.added:
        entry["added"] = list(ballot.added)
    entry["count"] = ballot.count
    return entry


def _congress(info: CongressInfo) -> dict[str, Any]:
    fields = {
        "organisation": info.organisation,
        "upper_organisation": info.upper_organisation,
        "number": info.number,
        "term": info.term,
        "place": info.place,
        "date": info.held_on.isoformat() if info.held_on else None,
        "title": info.title,
    }
    return {key: value for key, value in fields.items() if value is not None}


def election_document(
    election: Election,
    ruleset_id: str,
    settings: Mapping[str, object],
    congress: CongressInfo | None = None,
    derivation: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The election file of `election`; ballots in a stable order so equal counts hash equal."""
    electorate: dict[str, Any] = {
        "summoned": election.electorate.summoned,
        "excluded_from_base": {
            str(k): n for k, n in election.electorate.excluded_from_base.items()
        },
    }
    if election.electorate.present is not None:
        electorate["present"] = election.electorate.present
    if derivation:
        electorate["derivation"] = dict(derivation)
    document: dict[str, Any] = {
        "format": FORMAT,
        "ruleset": ruleset_id,
        "settings": dict(settings),
        "meeting": str(election.meeting),
        "body": str(election.body),
        "round": election.round,
        "seats": election.seats,
        "alternate_seats": election.alternate_seats,
        "electorate": electorate,
        "ballots_issued": election.ballots_issued,
    }
    if election.is_tie_revote:
        document["tie_revote"] = True
    if congress is not None:
        document["congress"] = _congress(congress)
    document["candidates"] = [
        {
            key: value
            for key, value in (
                ("id", c.id),
                ("name", c.name),
                ("birth_date", c.birth_date.isoformat() if c.birth_date else None),
                ("gender", c.gender),
                ("ethnicity", c.ethnicity),
                ("incumbent", c.incumbent),
            )
            if value is not None
        }
        for c in election.candidates
    ]
    ballots = [_ballot(b) for b in election.ballots]
    document["ballots"] = sorted(ballots, key=lambda b: json.dumps(b, sort_keys=True))
    return document


def canonical_json(document: Mapping[str, Any]) -> str:
    """The exported text: UTF-8 as is, one ballot a line, newline at the end."""
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def fingerprint(text: str) -> str:
    """SHA-256 of the exported text, in hex, as printed on the minutes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
