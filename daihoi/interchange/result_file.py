"""Write an outcome as the result document `daihoi.result/1` (election-file.md)."""

import json
from typing import Any

from daihoi.core.codes import NextAction
from daihoi.core.outcome import Outcome
from daihoi.core.vi.formatting import percent_value

FORMAT = "daihoi.result/1"


def percent_text(votes: int, outcome: Outcome) -> str | None:
    """A candidate's percentage as printed: decimal comma, on the `percent_base` (OPEN-14).

    None where it means nothing: no denominator, or a count that cannot stand (R12 step 3).
    """
    denominator = outcome.percent_denominator
    if denominator is None or outcome.next.action is NextAction.BOARD_DECISION:
        return None
    value = percent_value(votes, denominator, outcome.ruleset.settings.percent_decimals)
    return format(value, "f").replace(".", ",")


def result_document(outcome: Outcome) -> dict[str, Any]:
    """The result as a JSON-ready dict, keys in the order of the spec."""
    tally = outcome.tally
    next_step: dict[str, Any] = {
        "action": str(outcome.next.action),
        "among": list(outcome.next.among),
        "seats": outcome.next.seats,
        "rule": outcome.next.rule,
    }
    if outcome.next.alternate_seats is not None:
        next_step["alternate_seats"] = outcome.next.alternate_seats
    return {
        "format": FORMAT,
        "ruleset": outcome.ruleset.id,
        "settings": outcome.ruleset.settings.as_dict(),
        "base": outcome.base.value,
        "votes_needed": outcome.base.votes_needed,
        "ballots": {
            "issued": outcome.election.ballots_issued,
            "collected": outcome.collected,
            "valid": tally.valid,
            "invalid": tally.invalid,
            "invalid_by_reason": {
                str(reason): n for reason, n in sorted(tally.invalid_by_reason.items())
            },
        },
        "candidates": [
            {
                "id": c.id,
                "name": c.name,
                "votes": c.votes,
                "percent": percent_text(c.votes, outcome),
                "over_half": c.over_half,
            }
            for c in outcome.candidates
        ],
        "elected": list(outcome.elected),
        "elected_alternates": list(outcome.elected_alternates),
        "next": next_step,
    }


def result_json(outcome: Outcome) -> str:
    """One line of JSON (JSON Lines when several files are counted), UTF-8 text as is."""
    return json.dumps(result_document(outcome), ensure_ascii=False, separators=(",", ":"))
