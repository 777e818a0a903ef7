"""Ballot layout and validity: which ballots count, and the reason of each that does not.

Rules R8-R11. The reason of an invalid ballot is derived here from what the ballot shows; a file
may only state the two reasons that only the paper shows (codes.PAPER_REASONS).
"""

from daihoi.core.codes import InvalidReason, Layout, Mark
from daihoi.core.election import Ballot, CrossOutBallot, MarksBallot, PaperInvalidBallot
from daihoi.core.ids import CandidateId


def ballot_layout(candidate_count: int, names_per_ballot: int) -> Layout:
    """The layout the list prints on (R8; 244-2014 Art. 17 cl. 1, 190-2024 Art. 15 cl. 1) [V].

    A surplus list (more names than a ballot may keep) is a plain list struck through; a list
    without surplus has four columns: number, name, agree, disagree.
    """
    return Layout.CROSS_OUT if candidate_count > names_per_ballot else Layout.AGREE_DISAGREE


def classify_ballot(
    ballot: Ballot, layout: Layout, names_per_ballot: int, candidate_count: int
) -> InvalidReason | None:
    """Why `ballot` is invalid, or None when it is valid.

    Rules R10, R11 (244-2014 Art. 17 cl. 2 [V]; 190-2024 Art. 15 assumed the same, OPEN-2).
    One reason per ballot, the first that applies in this order: not issued by the board, signed,
    a name written in, then what the marks show. The layout has been checked to match the ballot.
    """
    if isinstance(ballot, PaperInvalidBallot):
        return ballot.reason
    if ballot.added:
        # R11 INV_NAME_ADDED_OUTSIDE_LIST [P]: a name written in outside the list.
        return InvalidReason.NAME_ADDED
    if isinstance(ballot, CrossOutBallot):
        return _classify_cross_out(ballot, names_per_ballot)
    return _classify_marks(ballot, candidate_count)


def _classify_cross_out(ballot: CrossOutBallot, names_per_ballot: int) -> InvalidReason | None:
    kept = len(ballot.kept)
    if kept > names_per_ballot:
        # R10 [V]: valid only when it keeps "bằng hoặc ít hơn" (equal to or fewer than) the seats;
        # an untouched surplus ballot falls here (phiếu bầu thừa).
        return InvalidReason.MORE_NAMES_THAN_SEATS
    if kept == 0:
        # R11 INV_CROSSES_OUT_EVERY_NAME_ON_SURPLUS_LIST [P]: a surplus ballot that keeps no one;
        # R19: a single-seat ballot keeping 0 of several names.
        return InvalidReason.ALL_NAMES_STRUCK
    return None


def _classify_marks(ballot: MarksBallot, candidate_count: int) -> InvalidReason | None:
    if candidate_count == 1:
        # R10(a), R19 [V]: one candidate: exactly one of the two boxes; "disagree" alone is valid.
        mark = next(iter(ballot.marks.values()), Mark.NONE)
        if mark not in (Mark.AGREE, Mark.DISAGREE):
            return InvalidReason.SINGLE_CANDIDATE_BOTH_OR_NO_BOX
    # R10(b) [V]: on a multi-candidate list without surplus a row with both boxes or none gives
    # that person no vote and leaves the ballot valid; all rows "disagree" is valid too (V26).
    return None


def votes_on(ballot: CrossOutBallot | MarksBallot) -> tuple[CandidateId, ...]:
    """The candidates a valid ballot votes for: those kept, or those marked agree alone (R9)."""
    if isinstance(ballot, CrossOutBallot):
        return ballot.kept
    return tuple(cid for cid, mark in ballot.marks.items() if mark == Mark.AGREE)
