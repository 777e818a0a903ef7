"""The tally: valid and invalid ballots, invalid by reason, and votes per candidate (R12)."""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import chain

from daihoi.core.ballots import classify_ballot, votes_on
from daihoi.core.codes import InvalidReason, Layout
from daihoi.core.election import Ballot, PaperInvalidBallot
from daihoi.core.ids import CandidateId


@dataclass(frozen=True)
class Tally:
    """What the count of the paper gives, before any rule about winners is applied."""

    valid: int
    invalid_by_reason: Mapping[InvalidReason, int]
    votes: Mapping[CandidateId, int]

    @property
    def invalid(self) -> int:
        """Invalid ballots: they stay in `collected` and count for no one (R11)."""
        return sum(self.invalid_by_reason.values())


def count_votes(
    ballots: Iterable[Ballot],
    candidates: Iterable[CandidateId],
    layout: Layout,
    names_per_ballot: int,
) -> Tally:
    """Classify every ballot and add up the votes of the valid ones.

    Rule R12 steps 4-5 [D]: classify each ballot (R10, R11), then tally only the valid ballots.
    An invalid ballot never counts for anyone, so it weighs against every candidate (R11).
    """
    votes = dict.fromkeys(candidates, 0)
    candidate_count = len(votes)
    invalid: dict[InvalidReason, int] = {}
    valid = 0
    singles: list[tuple[CandidateId, ...]] = []  # valid ballots of count 1, added up at C speed
    for ballot in ballots:
        reason = classify_ballot(ballot, layout, names_per_ballot, candidate_count)
        if reason is not None:
            invalid[reason] = invalid.get(reason, 0) + ballot.count
            continue
        assert not isinstance(ballot, PaperInvalidBallot)  # classify_ballot rejected it
        valid += ballot.count
        if ballot.count == 1:
            singles.append(votes_on(ballot))
            continue
        for candidate in votes_on(ballot):
            votes[candidate] += ballot.count
    for candidate, n in Counter(chain.from_iterable(singles)).items():
        votes[candidate] += n
    return Tally(valid=valid, invalid_by_reason=invalid, votes=votes)
