"""Official and alternate delegates to the upper congress on one combined list (R18, OPEN-9)."""

from collections.abc import Sequence
from dataclasses import dataclass

from daihoi.core.codes import NextAction
from daihoi.core.ids import CandidateId
from daihoi.core.outcome import Next
from daihoi.core.seats import Ranked, fill_seats


@dataclass(frozen=True)
class DelegatesFill:
    """Officials and alternates elected, and what the congress must decide next."""

    officials: tuple[CandidateId, ...]
    alternates: tuple[CandidateId, ...]
    next: Next


def fill_officials_then_alternates(
    eligible: Sequence[Ranked], seats: int, alternate_seats: int
) -> DelegatesFill:
    """Officials first, then alternates from the remaining over-half names, both by votes.

    Rule R18 (190-2024 Art. 18 [V first sentence, P after]): "Official delegates are elected first;
    the remaining names are then used to elect alternates." OPEN-9 default (`combined_list`):
    officials are the top over-half by votes up to the official seats; alternates the next over-half
    up to the alternate seats; a tie across either boundary that does not fit is a re-vote. While a
    tie for the last official seat is open, the alternates wait for it: its losers rank first.
    `eligible` is ranked and holds over-half candidates only.
    """
    officials = fill_seats(eligible, seats)
    if officials.tie_seats:
        tie = Next(NextAction.TIE_REVOTE, officials.tie_among, officials.tie_seats, "R18", 0)
        return DelegatesFill(officials.elected, (), tie)
    if officials.unfilled:
        short = Next(NextAction.FURTHER_ROUND, (), officials.unfilled, "R18", alternate_seats)
        return DelegatesFill(officials.elected, (), short)
    alternates = fill_seats(officials.rest, alternate_seats)
    if alternates.tie_seats:
        next_step = Next(
            NextAction.TIE_REVOTE, alternates.tie_among, 0, "R18", alternates.tie_seats
        )
    elif alternates.unfilled:
        next_step = Next(NextAction.FURTHER_ROUND, (), 0, "R18", alternates.unfilled)
    else:
        next_step = Next(NextAction.DONE, (), 0, "R18", 0)
    return DelegatesFill(officials.elected, alternates.elected, next_step)
