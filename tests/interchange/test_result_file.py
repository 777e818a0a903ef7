"""The result document: the exact keys and order of election-file.md; percentages as text."""

from daihoi.core.counting import count_election
from daihoi.interchange.election_file import read_election
from daihoi.interchange.result_file import result_document
from tests.interchange.test_election_file import GOOD


def test_result_has_the_schema_of_the_spec() -> None:
    parsed = read_election(GOOD)
    result = result_document(count_election(parsed.election, parsed.ruleset))
    assert list(result) == [
        "format",
        "ruleset",
        "settings",
        "base",
        "votes_needed",
        "ballots",
        "candidates",
        "elected",
        "elected_alternates",
        "next",
    ]
    assert result["format"] == "daihoi.result/1"
    assert result["base"] == 9
    assert result["votes_needed"] == 5
    assert result["ballots"] == {
        "issued": 9,
        "collected": 9,
        "valid": 7,
        "invalid": 2,
        "invalid_by_reason": {"name_added": 1, "not_issued_by_board": 1},
    }
    # ballot order by given name: An, Bình, Cường
    assert [c["id"] for c in result["candidates"]] == ["c01", "c02", "c03"]
    assert result["candidates"][0] == {
        "id": "c01",
        "name": "Nguyễn Văn An",
        "votes": 6,
        "percent": "66,67",
        "over_half": True,
    }
    assert result["elected"] == ["c02", "c01"]
    assert result["next"] == {"action": "done", "among": [], "seats": 0, "rule": "R15"}
    assert result["settings"]["percent_base"] == "base"
    assert set(result["settings"]) >= {
        "tie_revote_needs_majority",
        "delegates_mode",
        "ballot_order",
    }


def test_percent_base_and_decimals_follow_the_settings() -> None:
    document = {**GOOD, "settings": {"percent_base": "valid_ballots", "percent_decimals": 1}}
    parsed = read_election(document)
    result = result_document(count_election(parsed.election, parsed.ruleset))
    assert result["candidates"][0]["percent"] == "85,7"  # 6 of 7 valid
