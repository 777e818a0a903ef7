"""Turn the spec's worked vectors (tests/core/vectors.json) into election files.

The vectors use their own vocabulary (README of the spec: "map by meaning"); this module is that
mapping, kept in one place so that every vector test reads the same way.
"""

import json
from pathlib import Path
from typing import Any

VECTORS: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "vectors.json").read_text(encoding="utf-8")
)
BY_ID = {vector["id"]: vector for vector in VECTORS}

CATEGORIES = {
    "absent_whole_congress_with_reason_approved_by_convening_committee": (
        "absent_whole_congress_approved"
    ),
    "on_temporary_party_activity_in_another_organisation": "temporary_activity_elsewhere",
    "exempted_from_work_and_party_activity_and_not_present": "exempted_and_absent",
    "suspended_from_party_activity": "suspended_or_prosecuted",
}
MEETINGS = {
    "member_congress": "members_congress",
    "delegate_congress": "delegates_congress",
    "committee_meeting": "committee_meeting",
}
BODIES = {
    "chi_uy": "branch_committee",
    "dang_uy_co_so (grassroots committee)": "executive_committee",
    "executive_committee": "executive_committee",
    "standing_committee": "standing_committee",
    "secretary": "secretary",
    "deputy_secretaries": "deputy_secretary",
    "alternate_delegates": "upper_alternates",
    "delegates_to_upper_congress": "upper_delegates",
}
REASONS = {
    "INV_NOT_ISSUED_BY_COUNTING_BOARD": "not_issued_by_board",
    "INV_KEEPS_MORE_NAMES_THAN_SEATS": "more_names_than_seats",
    "INV_CROSSES_OUT_EVERY_NAME_ON_SURPLUS_LIST": "all_names_struck",
    "INV_SINGLE_CANDIDATE_BOTH_OR_NO_BOX": "single_candidate_both_or_no_box",
    "INV_NAME_ADDED_OUTSIDE_LIST": "name_added",
    "INV_SIGNED": "signed_or_marked",
}


def ballot_entry(ballot: dict[str, Any]) -> dict[str, Any]:
    """One vector ballot as an election-file ballot (names serve as candidate ids)."""
    entry: dict[str, Any] = {"count": ballot.get("count", 1)}
    if ballot.get("signed"):
        entry["invalid"] = "signed_or_marked"
    elif "kept" in ballot:
        entry["kept"] = list(ballot["kept"])
    else:
        entry["marks"] = dict(ballot["marks"])
    return entry


def election_file(
    vector: dict[str, Any], ruleset: str, round_: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The election file of a vector (or of one of its rounds) under `ruleset`."""
    part = round_ or vector
    ballots = [ballot_entry(b) for b in part["ballots"]]
    collected = sum(b["count"] for b in ballots)
    excluded = {CATEGORIES[k]: n for k, n in vector.get("excluded_from_base", {}).items()}
    electorate: dict[str, Any] = {"summoned": vector["summoned"], "excluded_from_base": excluded}
    if "present_voting" in vector:
        electorate["present"] = vector["present_voting"]
    return {
        "format": "daihoi.election/1",
        "ruleset": ruleset,
        "meeting": MEETINGS[vector["congress_type"]],
        "body": BODIES[vector["body"]],
        "round": part.get("round", 1),
        "seats": part["seats"],
        "electorate": electorate,
        "ballots_issued": vector.get("ballots_issued", collected),
        "candidates": [{"id": name, "name": name} for name in part["candidates"]],
        "ballots": ballots,
    }
