"""A deliberately naive counter written from the spec alone, for differential tests (B5).

It reads an election-file dict and shares no code with daihoi.core: if both agree on thousands
of random elections, neither has misread the rules in a way the other did not.
"""

from typing import Any


def naive_count(doc: dict[str, Any]) -> dict[str, Any]:
    seats = doc["seats"]
    alternates = doc.get("alternate_seats", 0)
    names = [c["id"] for c in doc["candidates"]]
    base = doc["electorate"]["summoned"] - sum(
        doc["electorate"].get("excluded_from_base", {}).values()
    )
    cross_out = len(names) > seats
    votes = dict.fromkeys(names, 0)
    valid = 0
    invalid: dict[str, int] = {}
    collected = 0
    for ballot in doc["ballots"]:
        times = ballot.get("count", 1)
        collected += times
        reason = None
        if "invalid" in ballot:
            reason = ballot["invalid"]
        elif ballot.get("added"):
            reason = "name_added"
        elif "kept" in ballot:
            if len(ballot["kept"]) > seats:
                reason = "more_names_than_seats"
            elif len(ballot["kept"]) == 0:
                reason = "all_names_struck"
        elif len(names) == 1 and ballot["marks"].get(names[0], "none") not in ("agree", "disagree"):
            reason = "single_candidate_both_or_no_box"
        if reason:
            invalid[reason] = invalid.get(reason, 0) + times
            continue
        valid += times
        chosen = (
            ballot["kept"]
            if "kept" in ballot
            else [n for n, m in ballot["marks"].items() if m == "agree"]
        )
        for n in chosen:
            votes[n] += times
    over = [n for n in names if votes[n] * 2 > base]
    if doc.get("tie_revote"):
        over = list(names)
    over.sort(key=lambda n: -votes[n])
    result: dict[str, Any] = {
        "base": base,
        "valid": valid,
        "invalid_by_reason": invalid,
        "votes": votes,
        "cross_out": cross_out,
        "collected": collected,
    }
    if collected > doc["ballots_issued"]:
        result.update(elected=[], alternates=[], action="board_decision")
        return result
    elected: list[str] = []
    action = "done"
    # walk down the ranking one seat at a time; a group of equal votes that overflows is a tie
    positions = seats + alternates
    i = 0
    while i < len(over) and len(elected) < positions:
        group = [n for n in over if votes[n] == votes[over[i]]]
        boundary = seats if len(elected) < seats else positions
        if len(elected) + len(group) > boundary:
            action = "tie_revote"
            break
        elected += group
        i += len(group)
    if action == "done" and len(elected) < positions:
        action = "further_round"
    if alternates and len(elected) < seats:
        result.update(elected=elected, alternates=[], action=action)
        return result
    result.update(elected=elected[:seats], alternates=elected[seats:], action=action)
    return result
