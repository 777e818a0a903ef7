"""Repeated entry: differences ballot by ballot; a person settles each; nothing else is guessed."""

from daihoi.core.codes import InvalidReason, Mark
from daihoi.core.election import MarksBallot, PaperInvalidBallot
from daihoi.core.entry import compare_entries, settled_ballots
from daihoi.core.ids import CandidateId
from tests.core.helpers import kept


def test_equal_entries_in_any_order_are_settled() -> None:
    entries = {1: {1: kept("ab"), 2: kept("c")}, 2: {1: kept("ba"), 2: kept("c")}}
    assert compare_entries(entries, [1, 2]) == []
    settled, open_ = settled_ballots(entries, [1, 2], {})
    assert open_ == []
    assert sorted(settled) == [1, 2]


def test_a_difference_and_a_missing_sheet_are_listed() -> None:
    entries = {1: {1: kept("ab"), 2: kept("c"), 3: kept("a")}, 2: {1: kept("ab"), 2: kept("b")}}
    differences = compare_entries(entries, [1, 2])
    assert [d.sheet for d in differences] == [2, 3]
    assert differences[1].entries == {1: kept("a"), 2: None}


def test_three_teams_must_all_agree() -> None:
    entries = {1: {1: kept("ab")}, 2: {1: kept("ab")}, 3: {1: kept("a")}}
    assert [d.sheet for d in compare_entries(entries, [1, 2, 3])] == [1]


def test_a_resolution_settles_a_sheet_with_the_chosen_entry() -> None:
    entries = {1: {1: kept("ab"), 2: kept("c")}, 2: {1: kept("ab"), 2: kept("b")}}
    chosen = entries[2][2]
    settled, open_ = settled_ballots(entries, [1, 2], {2: chosen})
    assert open_ == []
    assert settled == {1: kept("ab"), 2: chosen}
    paper = PaperInvalidBallot(InvalidReason.NOT_ISSUED_BY_BOARD)
    settled, _ = settled_ballots(entries, [1, 2], {2: paper})
    assert settled[2] == paper


def test_one_team_settles_everything_it_typed() -> None:
    settled, open_ = settled_ballots({1: {1: kept("a"), 5: kept("b")}}, [1], {})
    assert (sorted(settled), open_) == ([1, 5], [])


def test_agree_disagree_entries_compare_by_their_marks() -> None:
    """A marks ballot holds a dict: comparing two teams' entries must not need it hashable."""
    agree = MarksBallot({CandidateId("a"): Mark.AGREE, CandidateId("b"): Mark.DISAGREE})
    same = MarksBallot({CandidateId("b"): Mark.DISAGREE, CandidateId("a"): Mark.AGREE})
    other = MarksBallot({CandidateId("a"): Mark.AGREE, CandidateId("b"): Mark.AGREE})
    entries = {1: {1: agree, 2: agree}, 2: {1: same, 2: other}}
    assert [d.sheet for d in compare_entries(entries, [1, 2])] == [2]
    settled, open_ = settled_ballots({1: {1: agree}}, [1], {})
    assert (settled, open_) == ({1: agree}, [])
