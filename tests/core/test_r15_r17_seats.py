"""R15-R17: ranking, filling the seats, a tie at the last seat, seats left unfilled."""

from daihoi.core.codes import NextAction
from daihoi.core.ids import CandidateId
from daihoi.core.rulesets.registry import get_ruleset
from daihoi.core.seats import Ranked, fill_seats, rank
from tests.core.helpers import count, election, kept


def ranked(*votes: int) -> list[Ranked]:
    return rank([Ranked(CandidateId(chr(97 + i)), v, i) for i, v in enumerate(votes)])


def test_more_over_half_than_seats_takes_the_highest() -> None:
    """V05: 90, 80, 70, 60 over half for 3 seats → a, b, c."""
    fill = fill_seats(ranked(90, 80, 70, 60), 3)
    assert fill.elected == ("a", "b", "c")
    assert (fill.tie_seats, fill.unfilled) == (0, 0)


def test_tie_inside_the_elected_needs_nothing() -> None:
    """V09: two at 23 both fit: both elected, no re-vote."""
    fill = fill_seats(ranked(23, 23, 10), 2)
    assert set(fill.elected) == {"a", "b"}
    assert fill.tie_among == ()


def test_tie_at_the_last_seat_is_a_revote_for_the_remaining_seats() -> None:
    """V06: 90, 70, 70 for 2 seats → a elected; re-vote between b and c for 1 seat."""
    fill = fill_seats(ranked(90, 70, 70), 2)
    assert fill.elected == ("a",)
    assert set(fill.tie_among) == {"b", "c"}
    assert fill.tie_seats == 1


def test_three_way_tie_for_two_seats() -> None:
    fill = fill_seats(ranked(60, 60, 60, 10), 2)
    assert fill.elected == ()
    assert fill.tie_seats == 2
    assert len(fill.tie_among) == 3


def test_fewer_over_half_than_seats_leaves_seats_unfilled() -> None:
    fill = fill_seats(ranked(80, 70), 3)
    assert fill.elected == ("a", "b")
    assert fill.unfilled == 1


def test_engine_reports_the_tie_as_the_next_step() -> None:
    """Base 100: a 70, b 65, c 65 for 2 seats → a elected; re-vote b/c for 1 seat (R16)."""
    outcome = count(
        election(
            [kept("ab", 35), kept("ac", 35), kept("bc", 30)], seats=2, n_candidates=3, summoned=100
        )
    )
    assert outcome.elected == ("a",)
    assert outcome.next.action is NextAction.TIE_REVOTE
    assert set(outcome.next.among) == {"b", "c"}
    assert outcome.next.seats == 1
    assert outcome.next.rule == "R16"


def test_tied_at_half_are_not_elected_and_no_revote() -> None:
    """V07: Cường and Dung at 50 of base 100: not over half, no tie procedure; 1 seat unfilled."""
    ballots = [kept("abc", 50), kept("abd", 20), kept("ad", 10), kept("d", 20)]
    outcome = count(election(ballots, seats=3, n_candidates=4, summoned=100))
    assert outcome.elected == ("a", "b")
    assert outcome.next.action is NextAction.FURTHER_ROUND
    assert outcome.next.seats == 1
    assert outcome.next.rule == "R17"


def test_tie_revote_picks_the_higher_count_by_default() -> None:
    """R16, OPEN-5 default: in the re-vote the higher count wins even under half of the base."""
    revote = [kept("a", 40), kept("b", 35)]  # 25 of 100 did not vote in the box
    e = election(revote, seats=1, n_candidates=2, summoned=100, issued=100, tie_revote=True)
    assert count(e).elected == ("a",)
    strict_rules = get_ruleset("190-2024").with_settings({"tie_revote_needs_majority": True})
    strict = count(e, strict_rules)
    assert strict.elected == ()
    assert strict.next.action is NextAction.FURTHER_ROUND


def test_tie_in_the_revote_goes_back_to_the_congress() -> None:
    e = election(
        [kept("a", 40), kept("b", 40)], seats=1, n_candidates=2, summoned=80, tie_revote=True
    )
    outcome = count(e)
    assert outcome.elected == ()
    assert outcome.next.action is NextAction.TIE_REVOTE
