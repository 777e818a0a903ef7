"""Ranking the eligible candidates and filling the seats; a tie at the last seat (R15, R16)."""

from collections.abc import Sequence
from dataclasses import dataclass

from daihoi.core.ids import CandidateId


@dataclass(frozen=True)
class Ranked:
    """An eligible candidate with votes; `position` is the ballot position, for stable display."""

    id: CandidateId
    votes: int
    position: int


@dataclass(frozen=True)
class SeatFill:
    """Who takes the seats, who must be re-voted for which seats, and how many stay empty."""

    elected: tuple[CandidateId, ...]
    tie_among: tuple[CandidateId, ...]
    tie_seats: int
    unfilled: int
    #: the candidates left over when all seats are taken, in vote order (R18 uses them)
    rest: tuple[Ranked, ...]


def rank(candidates: Sequence[Ranked]) -> list[Ranked]:
    """Highest votes first; equal votes keep ballot order (R15 step 1; order of display only)."""
    return sorted(candidates, key=lambda c: (-c.votes, c.position))


def fill_seats(ranked: Sequence[Ranked], seats: int) -> SeatFill:
    """Fill `seats` from eligible candidates already ranked by `rank`.

    Rule R15 [V S37; D]: with no more eligible candidates than seats all are elected and the rest
    of the seats stay unfilled (R17); with more, the highest are elected "vừa đủ số lượng" (just
    enough). Rule R16 [P/M, OPEN-5]: when candidates tie at the last seat and do not all fit, the
    seats above the tie are filled and the tied are re-voted for the seats that remain.
    Worked (V05): 90, 80, 70, 60 for 3 seats → the first three; (V06) 90, 70, 70 for 2 → 90
    elected, re-vote between the two 70s for 1 seat.
    """
    if len(ranked) <= seats:
        return SeatFill(tuple(c.id for c in ranked), (), 0, seats - len(ranked), ())
    if seats == 0:
        return SeatFill((), (), 0, 0, tuple(ranked))
    cut = ranked[seats - 1].votes
    if ranked[seats].votes < cut:
        return SeatFill(tuple(c.id for c in ranked[:seats]), (), 0, 0, tuple(ranked[seats:]))
    above = tuple(c.id for c in ranked if c.votes > cut)
    tied = tuple(c.id for c in ranked if c.votes == cut)
    rest = tuple(c for c in ranked if c.votes < cut)
    return SeatFill(above, tied, seats - len(above), 0, rest)
