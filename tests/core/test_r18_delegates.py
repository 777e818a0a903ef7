"""R18: official and alternate delegates to the upper congress on one combined list (190)."""

import pytest

from daihoi.core.codes import Body, NextAction
from daihoi.core.election import Ballot, Election
from daihoi.core.rulesets.registry import get_ruleset
from daihoi.core.validation import check_election
from tests.core.helpers import count, election, kept


def delegates(ballots: list[Ballot], seats: int = 2, alternates: int = 1, n: int = 5) -> Election:
    return election(
        ballots,
        seats=seats,
        n_candidates=n,
        summoned=100,
        body=Body.UPPER_DELEGATES,
        alternate_seats=alternates,
    )


def test_officials_first_then_alternates_by_votes() -> None:
    """OPEN-9 default, base 100 (51 needed): a 70, b 60 official; c 55 alternate; d 10 not."""
    ballots = [kept("ab", 35), kept("ac", 35), kept("bc", 20), kept("bd", 5), kept("d", 5)]
    outcome = count(delegates(ballots))
    assert outcome.elected == ("a", "b")
    assert outcome.elected_alternates == ("c",)
    assert outcome.next.action is NextAction.DONE


def test_ballot_keeps_at_most_the_official_seats() -> None:
    """A combined-list ballot keeping 3 names for 2 official seats is invalid (OPEN-9 default)."""
    outcome = count(delegates([kept("abc", 60), kept("ab", 40)]))
    assert outcome.tally.invalid_by_reason == {"more_names_than_seats": 60}


def test_tie_for_the_last_official_seat_waits_for_a_revote() -> None:
    """a 75, b 55, c 55 for 2 official seats: a official; b/c re-vote; the alternate waits."""
    ballots = [kept("ab", 30), kept("ac", 30), kept("bc", 25), kept("a", 15)]
    outcome = count(delegates(ballots))
    assert outcome.elected == ("a",)
    assert outcome.elected_alternates == ()
    assert outcome.next.action is NextAction.TIE_REVOTE
    assert set(outcome.next.among) == {"b", "c"}
    assert outcome.next.seats == 1
    assert outcome.next.rule == "R18"


def test_tie_for_the_last_alternate_seat() -> None:
    """3 official + 1 alternate: c 73, a 65, b 56 official; d and e tie at 53 for the alternate."""
    ballots = [kept("cde", 26), kept("bde", 9), kept("ade", 18), kept("abc", 47)]
    outcome = count(delegates(ballots, seats=3, alternates=1, n=5))
    assert outcome.elected == ("c", "a", "b")
    assert outcome.elected_alternates == ()
    assert outcome.next.action is NextAction.TIE_REVOTE
    assert set(outcome.next.among) == {"d", "e"}
    assert (outcome.next.seats, outcome.next.alternate_seats) == (0, 1)


def test_officials_short_leaves_alternates_empty() -> None:
    outcome = count(delegates([kept("ab", 60), kept("cd", 40)]))
    assert outcome.elected == ("a", "b")
    outcome = count(delegates([kept("a", 60), kept("cd", 40)]))
    assert outcome.elected == ("a",)
    assert outcome.elected_alternates == ()
    assert outcome.next.action is NextAction.FURTHER_ROUND
    assert (outcome.next.seats, outcome.next.alternate_seats) == (1, 1)


@pytest.mark.parametrize("ruleset", ["244-2014"])
def test_separate_ballots_refuse_alternates_on_the_list(ruleset: str) -> None:
    """244's default (OPEN-9) elects alternates on a separate ballot (body upper_alternates)."""
    problems = check_election(delegates([kept("ab", 60)]), get_ruleset(ruleset))
    assert [p.code for p in problems] == ["alternates_need_combined_list"]


def test_alternates_only_for_upper_delegates() -> None:
    e = election([kept("ab")], seats=2, n_candidates=4, summoned=10, alternate_seats=1)
    assert [p.code for p in check_election(e, get_ruleset())] == [
        "alternates_only_for_upper_delegates"
    ]
