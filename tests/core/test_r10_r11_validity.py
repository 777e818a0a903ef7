"""R10, R11: which ballots are valid, and the reason of each invalid one."""

import pytest

from daihoi.core.ballots import ballot_layout, classify_ballot
from daihoi.core.codes import Body, InvalidReason, Layout, Mark, Meeting
from daihoi.core.election import MarksBallot, PaperInvalidBallot
from daihoi.core.ids import CandidateId
from tests.core.helpers import count, election, kept, votes


def test_layout_follows_the_surplus() -> None:
    """R8: 4 names for 3 seats are struck through; 2 names for 2 seats are agree/disagree."""
    assert ballot_layout(4, 3) is Layout.CROSS_OUT
    assert ballot_layout(2, 2) is Layout.AGREE_DISAGREE
    assert ballot_layout(1, 1) is Layout.AGREE_DISAGREE


def test_keeping_exactly_the_seats_is_valid_and_one_more_is_not() -> None:
    """R10: keeps 3 of 4 for 3 seats: valid; keeps all 4 (untouched): more names than seats."""
    assert classify_ballot(kept("abc"), Layout.CROSS_OUT, 3, 4) is None
    assert (
        classify_ballot(kept("abcd"), Layout.CROSS_OUT, 3, 4) is InvalidReason.MORE_NAMES_THAN_SEATS
    )


def test_keeping_fewer_than_the_seats_is_valid_but_none_is_not() -> None:
    assert classify_ballot(kept("a"), Layout.CROSS_OUT, 3, 4) is None
    assert classify_ballot(kept(""), Layout.CROSS_OUT, 3, 4) is InvalidReason.ALL_NAMES_STRUCK


def test_added_name_and_paper_reasons_come_first() -> None:
    added = kept("ab")
    added = type(added)(added.kept, ("Lê Văn Cường",), 1)
    assert classify_ballot(added, Layout.CROSS_OUT, 3, 4) is InvalidReason.NAME_ADDED
    paper = PaperInvalidBallot(InvalidReason.NOT_ISSUED_BY_BOARD)
    assert classify_ballot(paper, Layout.CROSS_OUT, 3, 4) is InvalidReason.NOT_ISSUED_BY_BOARD


@pytest.mark.parametrize(
    ("mark", "valid"),
    [(Mark.AGREE, True), (Mark.DISAGREE, True), (Mark.BOTH, False), (Mark.NONE, False)],
)
def test_single_candidate_needs_exactly_one_box(mark: Mark, valid: bool) -> None:
    """R10(a), R19: one candidate: agree or disagree alone is valid; both or none is not."""
    ballot = MarksBallot({CandidateId("a"): mark})
    reason = classify_ballot(ballot, Layout.AGREE_DISAGREE, 1, 1)
    assert (reason is None) is valid
    if not valid:
        assert reason is InvalidReason.SINGLE_CANDIDATE_BOTH_OR_NO_BOX


def test_multi_candidate_row_with_both_boxes_only_loses_that_row() -> None:
    """R10(b) (V11): both/none on a row gives that person no vote; the ballot stays valid."""
    ballot = MarksBallot(
        {CandidateId("a"): Mark.AGREE, CandidateId("b"): Mark.BOTH, CandidateId("c"): Mark.NONE}
    )
    e = election(
        [ballot],
        seats=3,
        n_candidates=3,
        summoned=1,
        meeting=Meeting.COMMITTEE_MEETING,
        body=Body.STANDING_COMMITTEE,
    )
    outcome = count(e)
    assert outcome.tally.valid == 1
    assert votes(outcome) == {"a": 1, "b": 0, "c": 0}


def test_invalid_ballots_stay_in_collected_and_count_for_no_one() -> None:
    """R11 (V09): 3 invalid of 10; the base stays 10, so 6 votes are still needed."""
    e = election(
        [kept("ab", 7), kept("abcd", 2), PaperInvalidBallot(InvalidReason.SIGNED_OR_MARKED)],
        seats=2,
        n_candidates=4,
        summoned=10,
    )
    outcome = count(e)
    assert outcome.collected == 10
    assert outcome.tally.invalid == 3
    assert outcome.base.value == 10
    assert votes(outcome) == {"a": 7, "b": 7, "c": 0, "d": 0}
    assert outcome.elected == ("a", "b")
