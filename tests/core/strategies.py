"""Hypothesis strategies: random but well-formed election files of every layout."""

from typing import Any

from hypothesis import strategies as st

from tests.core.helpers import NAMES

MARKS = ("agree", "disagree", "both", "none")


@st.composite
def elections(draw: st.DrawFn, *, allow_board_decision: bool = True) -> dict[str, Any]:
    n = draw(st.integers(1, 7))
    ids = [f"c{i}" for i in range(n)]
    seats = draw(st.integers(1, n + 1))
    cross_out = n > seats
    summoned = draw(st.integers(3, 60))
    excluded = draw(st.integers(0, summoned - 1))
    ballots: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["vote", "vote", "vote", "paper", "added"]))
        count = draw(st.integers(1, 6))
        if kind == "paper":
            reason = draw(st.sampled_from(["not_issued_by_board", "signed_or_marked"]))
            ballots.append({"invalid": reason, "count": count})
            continue
        if cross_out:
            chosen = draw(st.lists(st.sampled_from(ids), unique=True, max_size=n))
            ballot: dict[str, Any] = {"kept": chosen, "count": count}
        else:
            ballot = {"marks": {i: draw(st.sampled_from(MARKS)) for i in ids}, "count": count}
        if kind == "added":
            ballot["added"] = ["Lê Văn Mới"]
        ballots.append(ballot)
    collected = sum(b["count"] for b in ballots)
    issued = collected + draw(st.integers(-1 if allow_board_decision and collected else 0, 3))
    return {
        "format": "daihoi.election/1",
        "ruleset": "190-2024",
        "meeting": "delegates_congress",
        "body": "executive_committee",
        "seats": seats,
        "electorate": {
            "summoned": summoned,
            "excluded_from_base": {"delegates_absent_whole_congress_not_replaced": excluded},
        },
        "ballots_issued": max(issued, 0),
        "candidates": [{"id": i, "name": NAMES[k]} for k, i in enumerate(ids)],
        "ballots": ballots,
    }
