"""Every worked vector of the spec through the election file and the engine, per rule set.

Fields marked OPEN or expected_inferred are not asserted (spec README); vectors without ballots
are checked in the test of the rule they exercise (test_r04_surplus.py, test_vi_collation.py …).
"""

from typing import Any

import pytest

from daihoi.core.counting import count_election
from daihoi.interchange.election_file import read_election
from daihoi.interchange.result_file import result_document
from tests.core.vector_files import REASONS, VECTORS, election_file

BALLOT_CASES = [
    pytest.param(vector, ruleset, id=f"{vector['id']}-{ruleset}")
    for vector in VECTORS
    if "ballots" in vector and vector["id"] != "V10"
    for ruleset in vector["applies_to"]
]
ROUND_CASES = [
    pytest.param(vector, ruleset, round_, id=f"{vector['id']}-round{round_['round']}-{ruleset}")
    for vector in VECTORS
    if "rounds" in vector
    for ruleset in vector["applies_to"]
    for round_ in vector["rounds"]
]


def count(document: dict[str, Any]) -> dict[str, Any]:
    parsed = read_election(document)
    return result_document(count_election(parsed.election, parsed.ruleset))


def assert_expected(result: dict[str, Any], expected: dict[str, Any]) -> None:
    """Compare the result with each expectation the vector asserts (spec README)."""
    votes = {c["id"]: c["votes"] for c in result["candidates"]}
    if "base" in expected:
        assert result["base"] == expected["base"]
    if "min_votes_to_pass" in expected:
        assert result["votes_needed"] == expected["min_votes_to_pass"]
    if "ballots_collected" in expected:
        assert result["ballots"]["collected"] == expected["ballots_collected"]
    assert result["ballots"]["valid"] == expected["valid"]
    assert result["ballots"]["invalid"] == expected["invalid"]
    if "invalid_by_reason" in expected:
        wanted = {REASONS[k]: n for k, n in expected["invalid_by_reason"].items()}
        assert result["ballots"]["invalid_by_reason"] == wanted
    assert votes == expected["votes"]
    if "over_half" in expected:
        over = {c["id"] for c in result["candidates"] if c["over_half"]}
        assert over == set(expected["over_half"])
    if "elected" in expected:
        assert result["elected"] == expected["elected"]
    nxt = result["next"]
    if "tie_revote_among" in expected:
        tie = nxt["action"] == "tie_revote"
        assert set(nxt["among"] if tie else []) == set(expected["tie_revote_among"])
        assert (nxt["seats"] if tie else 0) == expected["tie_revote_seats"]
    if "second_round_needed" in expected:
        further = nxt["action"] == "further_round"
        assert (nxt["seats"] if further else 0) == expected["second_round_needed"]
    for name, value in expected.get("percent_2dp_convention", {}).items():
        percent = next(c["percent"] for c in result["candidates"] if c["id"] == name)
        assert percent == f"{value:.2f}".replace(".", ",")


@pytest.mark.parametrize(("vector", "ruleset"), BALLOT_CASES)
def test_vector(vector: dict[str, Any], ruleset: str) -> None:
    assert_expected(count(election_file(vector, ruleset)), vector["expected"])


@pytest.mark.parametrize(("vector", "ruleset", "round_"), ROUND_CASES)
def test_vector_round(vector: dict[str, Any], ruleset: str, round_: dict[str, Any]) -> None:
    """V18: delegates under 244, round by round; the congress's decision to continue is data."""
    assert_expected(count(election_file(vector, ruleset, round_)), round_["expected"])


def test_v18_rounds_together_leave_one_seat() -> None:
    vector = next(v for v in VECTORS if v["id"] == "V18")
    elected: list[str] = []
    for round_ in vector["rounds"]:
        elected += count(election_file(vector, "244-2014", round_))["elected"]
    assert elected == vector["expected"]["elected_total"]
    assert vector["seats"] - len(elected) == vector["expected"]["still_missing"]


@pytest.mark.parametrize("ruleset", ["244-2014", "190-2024"])
def test_v10_signed_ballot_is_invalid(ruleset: str) -> None:
    """V10: a signed ballot counts for no one (INV_SIGNED); the other-marks ballot is OPEN-2."""
    vector = next(v for v in VECTORS if v["id"] == "V10")
    signed = [b for b in vector["ballots"] if b.get("signed")]
    document = election_file({**vector, "ballots": signed}, ruleset)
    result = count(document)
    assert result["ballots"]["invalid_by_reason"] == {"signed_or_marked": 1}
    assert all(c["votes"] == 0 for c in result["candidates"])


@pytest.mark.parametrize("ruleset", ["244-2014", "190-2024"])
def test_v27_more_collected_than_issued_needs_a_board_decision(ruleset: str) -> None:
    """V27: 101 ballots in the box for 100 issued: the count stops (OPEN-13), nobody elected."""
    vector = next(v for v in VECTORS if v["id"] == "V27")
    document = {
        "format": "daihoi.election/1",
        "ruleset": ruleset,
        "meeting": "delegates_congress",
        "body": "executive_committee",
        "seats": 1,
        "electorate": {"summoned": 110},
        "ballots_issued": vector["ballots_issued"],
        "candidates": [{"id": "a", "name": "Nguyễn Văn An"}, {"id": "b", "name": "Trần Thị Bình"}],
        "ballots": [{"kept": ["a"], "count": vector["ballots_collected"]}],
    }
    result = count(document)
    assert result["ballots"]["collected"] == 101
    assert result["next"]["action"] == "board_decision"
    assert result["elected"] == []
    # no figure of a count that cannot stand: no share of the base, nobody over half
    assert [(c["percent"], c["over_half"]) for c in result["candidates"]] == [(None, False)] * 2
