"""Invariants of the count, and the engine against a naive reference counter (B5)."""

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from daihoi.core.counting import count_election
from daihoi.core.exact import is_over_half
from daihoi.core.outcome import Outcome
from daihoi.interchange.election_file import read_election
from tests.core.reference import naive_count
from tests.core.strategies import elections


def run(document: dict[str, Any]) -> Outcome:
    parsed = read_election(document)
    return count_election(parsed.election, parsed.ruleset)


def summary(outcome: Outcome) -> tuple[object, ...]:
    return (
        outcome.base.value,
        outcome.tally.valid,
        dict(outcome.tally.invalid_by_reason),
        {c.id: c.votes for c in outcome.candidates},
        set(outcome.elected),
        outcome.next.action,
        set(outcome.next.among),
        outcome.next.seats,
    )


def expand(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Every ballot on its own line (count 1)."""
    return [
        {**ballot, "count": 1}
        for ballot in document["ballots"]
        for _ in range(ballot.get("count", 1))
    ]


@given(elections(), st.randoms(use_true_random=False))
def test_permuting_ballots_changes_nothing(document: dict[str, Any], rnd: Any) -> None:
    shuffled = copy.deepcopy(document)
    rnd.shuffle(shuffled["ballots"])
    assert summary(run(shuffled)) == summary(run(document))


@given(elections(), st.randoms(use_true_random=False))
def test_regrouping_identical_ballots_changes_nothing(document: dict[str, Any], rnd: Any) -> None:
    singles = expand(document)
    regrouped: list[dict[str, Any]] = []
    i = 0
    while i < len(singles):
        take = rnd.randint(1, 3)
        group = singles[i : i + take]
        if all({**b, "count": 0} == {**group[0], "count": 0} for b in group):
            regrouped.append({**group[0], "count": len(group)})
            i += take
        else:
            regrouped.append(singles[i])
            i += 1
    split = {**document, "ballots": regrouped}
    assert summary(run(split)) == summary(run(document))
    assert summary(run({**document, "ballots": singles})) == summary(run(document))


@given(elections(allow_board_decision=False), st.data())
def test_adding_a_valid_ballot_never_lowers_a_vote(
    document: dict[str, Any], data: st.DataObject
) -> None:
    before = run(document)
    ids = [c["id"] for c in document["candidates"]]
    if before.layout == "cross_out":
        kept = data.draw(
            st.lists(st.sampled_from(ids), unique=True, min_size=1, max_size=document["seats"])
        )
        ballot: dict[str, Any] = {"kept": kept}
    else:
        ballot = {"marks": {i: data.draw(st.sampled_from(["agree", "disagree"])) for i in ids}}
    more = {
        **document,
        "ballots": [*document["ballots"], ballot],
        "ballots_issued": document["ballots_issued"] + 1,
    }
    after = run(more)
    assert after.tally.valid == before.tally.valid + 1
    old = {c.id: c.votes for c in before.candidates}
    assert all(c.votes >= old[c.id] for c in after.candidates)


@given(elections())
def test_elected_are_over_half_and_never_more_than_the_seats(document: dict[str, Any]) -> None:
    outcome = run(document)
    votes = {c.id: c.votes for c in outcome.candidates}
    assert len(outcome.elected) <= document["seats"]
    assert all(is_over_half(votes[e], outcome.base.value) for e in outcome.elected)
    assert len(set(outcome.elected)) == len(outcome.elected)


@given(elections(), st.sampled_from(["not_issued_by_board", "signed_or_marked"]))
def test_an_invalid_ballot_counts_for_no_one(document: dict[str, Any], reason: str) -> None:
    before = run(document)
    ids = [c["id"] for c in document["candidates"]]
    spoiled = {
        **document,
        "ballots": [*document["ballots"], {"invalid": reason}],
        "ballots_issued": document["ballots_issued"] + 1,
    }
    after = run(spoiled)
    assert {c.id: c.votes for c in after.candidates} == {c.id: c.votes for c in before.candidates}
    assert after.tally.invalid == before.tally.invalid + 1
    added = {
        **document,
        "ballots": [*document["ballots"], {"kept": ids[:1], "added": ["X Y"]}]
        if before.layout == "cross_out"
        else document["ballots"],
    }
    assert {c.id: c.votes for c in run(added).candidates} == {
        c.id: c.votes for c in before.candidates
    }


@settings(max_examples=400)  # the differential test is the broadest check: give it more cases
@given(elections())
def test_engine_agrees_with_the_naive_reference(document: dict[str, Any]) -> None:
    outcome = run(document)
    expected = naive_count(document)
    assert outcome.base.value == expected["base"]
    assert outcome.tally.valid == expected["valid"]
    assert dict(outcome.tally.invalid_by_reason) == expected["invalid_by_reason"]
    assert {c.id: c.votes for c in outcome.candidates} == expected["votes"]
    assert outcome.next.action == expected["action"]
    assert set(outcome.elected) == set(expected["elected"])


@given(elections())
def test_relabelling_candidates_relabels_the_result(document: dict[str, Any]) -> None:
    rename = {c["id"]: f"x{c['id']}" for c in document["candidates"]}
    relabelled = copy.deepcopy(document)
    for c in relabelled["candidates"]:
        c["id"] = rename[c["id"]]
    for b in relabelled["ballots"]:
        if "kept" in b:
            b["kept"] = [rename[i] for i in b["kept"]]
        if "marks" in b:
            b["marks"] = {rename[i]: m for i, m in b["marks"].items()}
    a, b = run(document), run(relabelled)
    assert [rename[e] for e in a.elected] == list(b.elected)
    assert [c.votes for c in a.candidates] == [c.votes for c in b.candidates]


@given(elections())
def test_the_two_rule_sets_agree_where_their_rules_coincide(document: dict[str, Any]) -> None:
    """Without alternates on the list, 190-2024 and 244-2014 count the same (OPEN-3 reading)."""
    other = {**document, "ruleset": "244-2014"}
    assert summary(run(other)) == summary(run(document))
