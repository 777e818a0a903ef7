"""The election file: every fault named by its JSON path, nothing counted; NFC on the way in."""

import copy
import json
import unicodedata
from typing import Any

import pytest

from daihoi.interchange.election_file import ElectionFileError, load_election, read_election

GOOD: dict[str, Any] = {
    "format": "daihoi.election/1",
    "ruleset": "190-2024",
    "settings": {"percent_decimals": 2},
    "meeting": "delegates_congress",
    "body": "executive_committee",
    "round": 1,
    "seats": 2,
    "alternate_seats": 0,
    "electorate": {
        "summoned": 10,
        "excluded_from_base": {"delegates_absent_whole_congress_not_replaced": 1},
        "present": 9,
    },
    "ballots_issued": 9,
    "candidates": [
        {"id": "c01", "name": "Nguyễn Văn An"},
        {"id": "c02", "name": "Trần Thị Bình"},
        {"id": "c03", "name": "Lê Văn Cường"},
    ],
    "ballots": [
        {"kept": ["c01", "c02"], "count": 6},
        {"kept": ["c02"]},
        {"kept": ["c01"], "added": ["Lê Văn Dũng"]},
        {"invalid": "not_issued_by_board"},
    ],
}


def problems_of(document: object) -> list[str]:
    with pytest.raises(ElectionFileError) as caught:
        read_election(document)
    return [f"{p.path}: {p.code}" for p in caught.value.problems]


def broken(**changes: Any) -> dict[str, Any]:
    document = copy.deepcopy(GOOD)
    document.update(changes)
    return document


def test_good_file_reads() -> None:
    parsed = read_election(GOOD)
    assert parsed.election.seats == 2
    assert parsed.election.ballots_collected == 9
    assert parsed.ruleset.settings.percent_decimals == 2


def test_unknown_candidate_is_named_by_path() -> None:
    document = broken(ballots=[{"kept": ["c01", "c99"]}])
    assert problems_of(document) == ["ballots[0].kept[1]: unknown_candidate"]


def test_every_problem_is_reported_at_once() -> None:
    document = broken(seats="two", meeting="party", body=None, ballots_issued=True)
    document["candidates"][1]["birth_date"] = "1970-02-30"
    document["ballots"][0]["kept"] = "c01"
    assert problems_of(document) == [
        "meeting: unknown_value",
        "body: missing",
        "candidates[1].birth_date: not_a_date",
        "ballots[0].kept: wrong_type",
        "seats: wrong_type",
        "ballots_issued: wrong_type",
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"format": "daihoi.election/2"}, "format: wrong_format"),
        ({"ruleset": "2030"}, "ruleset: unknown_value"),
        ({"settings": {"percent_base": "votes"}}, "settings.percent_base: setting_not_a_choice"),
        ({"settings": {"colour": "red"}}, "settings.colour: unknown_field"),
        ({"seat": 2}, "seat: unknown_field"),
        (
            {
                "electorate": {
                    "summoned": 10,
                    "excluded_from_base": {"absent_whole_congress_approved": 1},
                }
            },
            (
                "electorate.excluded_from_base.absent_whole_congress_approved: "
                "category_not_for_meeting"
            ),
        ),
        (
            {"electorate": {"summoned": 10, "excluded_from_base": {"on_leave": 1}}},
            "electorate.excluded_from_base.on_leave: unknown_value",
        ),
        (
            {"ballots": [{"kept": ["c01"], "marks": {"c01": "agree"}}]},
            "ballots[0]: one_ballot_kind",
        ),
        ({"ballots": [{"kept": ["c01", "c01"]}]}, "ballots[0].kept[1]: duplicate_candidate"),
        ({"ballots": [{"kept": ["c01", ["c02"]]}]}, "ballots[0].kept: wrong_type"),
        ({"ballots": [{"marks": {"c01": "agree"}}]}, "ballots[0].marks: marks_on_cross_out_list"),
        (
            {"ballots": [{"invalid": "more_names_than_seats"}]},
            "ballots[0].invalid: reason_not_from_paper",
        ),
        ({"ballots": [{"kept": ["c01"], "count": 0}]}, "ballots[0].count: not_positive"),
        (
            {"candidates": [{"id": "c01", "name": "A"}, {"id": "c01", "name": "B"}], "ballots": []},
            "candidates[1].id: duplicate_id",
        ),
        ({"alternate_seats": 1}, "alternate_seats: alternates_only_for_upper_delegates"),
        ({"congress": {"number": 4000}}, "congress.number: out_of_range"),
        ({"congress": {"number": 0}}, "congress.number: out_of_range"),
    ],
)
def test_malformed_fields(change: dict[str, Any], expected: str) -> None:
    assert problems_of(broken(**change)) == [expected]


def test_not_json_and_not_an_object() -> None:
    with pytest.raises(ElectionFileError) as caught:
        load_election(b"{not json")
    assert caught.value.problems[0].code == "not_json"
    assert problems_of([1, 2]) == ["(file): wrong_type"]


def test_names_are_stored_nfc() -> None:
    document = copy.deepcopy(GOOD)
    document["candidates"][0]["name"] = unicodedata.normalize("NFD", "Nguyễn  Văn An ")
    parsed = load_election(json.dumps(document))
    name = parsed.election.candidates[0].name
    assert name == "Nguyễn Văn An"
    assert unicodedata.is_normalized("NFC", name)


def test_congress_header_is_optional_and_typed() -> None:
    document = broken(
        congress={"organisation": "Đảng bộ thành phố X", "number": 23, "date": "2020-06-06"}
    )
    parsed = read_election(document)
    assert parsed.congress.number == 23
    assert str(parsed.congress.held_on) == "2020-06-06"
