"""R19: secretary, deputy and chairs: one candidate agree/disagree, several candidates cross-out."""

from daihoi.core.codes import Body, Layout, Mark, Meeting, NextAction
from daihoi.core.election import MarksBallot
from daihoi.core.ids import CandidateId
from tests.core.helpers import count, election, kept


def marks(mark: Mark, n: int) -> MarksBallot:
    return MarksBallot({CandidateId("a"): mark}, (), n)


def test_single_candidate_elected_with_agree_over_half() -> None:
    """V12: 37 agree, 2 disagree, 2 both/none of 41: 37 > 20.5 → elected."""
    e = election(
        [marks(Mark.AGREE, 37), marks(Mark.DISAGREE, 2), marks(Mark.BOTH, 1), marks(Mark.NONE, 1)],
        seats=1,
        n_candidates=1,
        summoned=41,
        meeting=Meeting.COMMITTEE_MEETING,
        body=Body.SECRETARY,
    )
    outcome = count(e)
    assert outcome.layout is Layout.AGREE_DISAGREE
    assert (outcome.tally.valid, outcome.tally.invalid) == (39, 2)
    assert outcome.elected == ("a",)


def test_single_candidate_failing_is_suspended_pending_the_upper_level() -> None:
    """V13: 20 agree of 41: not over half; further round flagged R19 (OPEN-8)."""
    e = election(
        [marks(Mark.AGREE, 20), marks(Mark.DISAGREE, 19), marks(Mark.BOTH, 2)],
        seats=1,
        n_candidates=1,
        summoned=41,
        meeting=Meeting.COMMITTEE_MEETING,
        body=Body.SECRETARY,
    )
    outcome = count(e)
    assert outcome.elected == ()
    assert outcome.next.action is NextAction.FURTHER_ROUND
    assert outcome.next.rule == "R19"


def test_two_candidates_keep_at_most_one() -> None:
    """V15: keeping both is invalid for excess; 20 and 19 of 41 → nobody; R17 (OPEN-6/8)."""
    e = election(
        [kept("a", 20), kept("b", 19), kept("ab", 2)],
        seats=1,
        n_candidates=2,
        summoned=41,
        meeting=Meeting.COMMITTEE_MEETING,
        body=Body.SECRETARY,
    )
    outcome = count(e)
    assert outcome.layout is Layout.CROSS_OUT
    assert outcome.tally.invalid_by_reason == {"more_names_than_seats": 2}
    assert outcome.elected == ()
    assert outcome.next.action is NextAction.FURTHER_ROUND
    assert outcome.next.rule == "R17"


def test_direct_secretary_at_the_congress_uses_the_congress_base() -> None:
    """R19, V33: a secretary elected directly at a delegates' congress: base from the congress."""
    e = election(
        [marks(Mark.AGREE, 270), marks(Mark.DISAGREE, 14)],
        seats=1,
        n_candidates=1,
        summoned=289,
        body=Body.SECRETARY,
    )
    outcome = count(e)
    assert outcome.base.value == 289
    assert outcome.elected == ("a",)
