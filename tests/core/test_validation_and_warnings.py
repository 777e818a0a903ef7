"""Whether an election can be counted (every problem with its path), and the warnings of a count."""

from dataclasses import replace

import pytest

from daihoi.core.codes import BaseCategory, InvalidReason
from daihoi.core.counting import count_election
from daihoi.core.election import Candidate, Electorate, PaperInvalidBallot
from daihoi.core.ids import CandidateId
from daihoi.core.rulesets.registry import get_ruleset
from daihoi.core.validation import ElectionInvalidError, check_election
from tests.core.helpers import count, election, kept

RULES = get_ruleset()
GOOD = election([kept("ab", 5)], seats=2, n_candidates=3, summoned=10, present=8, issued=6)


def problems(**changes: object) -> list[str]:
    return [f"{p.path}: {p.code}" for p in check_election(replace(GOOD, **changes), RULES)]


def test_a_good_election_has_no_problem() -> None:
    assert check_election(GOOD, RULES) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"seats": 0}, ["seats: not_positive"]),
        ({"round": 0}, ["round: not_positive"]),
        ({"alternate_seats": -1}, ["alternate_seats: negative"]),
        ({"ballots_issued": -1}, ["ballots_issued: negative"]),
        ({"electorate": Electorate(0)}, ["electorate.summoned: not_positive"]),
        ({"electorate": Electorate(10, present=-1)}, ["electorate.present: negative"]),
        (
            {"electorate": Electorate(10, present=11)},
            ["electorate.present: present_above_summoned"],
        ),
        ({"candidates": ()}, ["candidates: empty"]),
        (
            {"candidates": (*GOOD.candidates[:2], Candidate(CandidateId("c"), ""))},
            ["candidates[2].name: empty"],
        ),
        (
            {"ballots": (PaperInvalidBallot(InvalidReason.ALL_NAMES_STRUCK, 0),)},
            ["ballots[0].count: not_positive", "ballots[0].invalid: reason_not_from_paper"],
        ),
    ],
)
def test_problems_name_their_field(changes: dict[str, object], expected: list[str]) -> None:
    assert problems(**changes) == expected


def test_negative_deduction_is_named() -> None:
    electorate = Electorate(10, {BaseCategory.COMMITTEE_MEMBERS_ABSENT_WHOLE_CONGRESS: -1})
    assert problems(electorate=electorate) == [
        "electorate.excluded_from_base.committee_members_absent_whole_congress: negative"
    ]


def test_percent_on_present_needs_present() -> None:
    rules = RULES.with_settings({"percent_base": "present"})
    no_present = replace(GOOD, electorate=Electorate(10))
    assert [p.code for p in check_election(no_present, rules)] == ["required_by_percent_base"]


def test_count_refuses_a_malformed_election() -> None:
    with pytest.raises(ElectionInvalidError, match="seats: not_positive"):
        count_election(replace(GOOD, seats=0), RULES)


def test_warnings_need_an_explanation_but_do_not_stop_the_count() -> None:
    """Fewer collected than issued; more issued than present; attendance under 2/3."""
    e = election([kept("ab", 5)], seats=2, n_candidates=3, summoned=10, present=6, issued=7)
    outcome = count(e)
    assert [w.code for w in outcome.warnings] == [
        "collected_below_issued",
        "issued_above_present",
        "below_quorum",
    ]
    assert outcome.warnings[2].values == {"present": 6, "summoned": 10, "quorum": "2/3"}
    assert count(GOOD).warnings[0].code == "collected_below_issued"
    assert [w.code for w in count(replace(GOOD, ballots_issued=5)).warnings] == []


def test_same_name_and_birth_date_is_flagged() -> None:
    twins = (Candidate(CandidateId("a"), "Lê Văn Nam"), Candidate(CandidateId("b"), "Lê Văn Nam"))
    e = replace(
        GOOD, candidates=(*twins, GOOD.candidates[2]), ballots=(kept("ab", 5),), ballots_issued=5
    )
    assert [w.code for w in count(e).warnings] == ["same_name_and_birth_date"]


def test_percent_denominators() -> None:
    outcome = count(GOOD)
    assert outcome.percent_denominator == 10
    for setting, expected in (("summoned", 10), ("present", 8), ("valid_ballots", 5)):
        rules = RULES.with_settings({"percent_base": setting})
        assert count_election(GOOD, rules).percent_denominator == expected
    empty = replace(GOOD, ballots=(PaperInvalidBallot(InvalidReason.SIGNED_OR_MARKED),))
    rules = RULES.with_settings({"percent_base": "valid_ballots"})
    assert count_election(empty, rules).percent_denominator is None


def test_more_collected_than_issued_warns_and_puts_nobody_over_half() -> None:
    """R12 step 3, OPEN-13: 8 ballots in a box of 6 issued: nothing stands, both warnings."""
    outcome = count(election([kept("ab", 8)], seats=2, n_candidates=3, summoned=10, issued=6))
    assert str(outcome.next.action) == "board_decision"
    assert outcome.elected == ()
    assert [c.over_half for c in outcome.candidates] == [False, False, False]
    codes = [w.code for w in outcome.warnings]
    assert codes.count("collected_above_issued") == 1
    assert codes.count("votes_above_issued") == 2  # a and b were kept 8 times, 6 ballots issued
    above = next(w for w in outcome.warnings if w.code == "votes_above_issued")
    assert above.values["votes"] == 8
    assert above.values["issued"] == 6


def test_a_count_that_stands_has_no_issued_warning() -> None:
    outcome = count(GOOD)
    assert not {"collected_above_issued", "votes_above_issued"} & {w.code for w in outcome.warnings}
