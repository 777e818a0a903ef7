"""One round of one secret ballot for one body, as counted: the input of `count_election`.

It mirrors the election file (election-file.md) and never says who cast which ballot.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from daihoi.core.codes import BaseCategory, Body, InvalidReason, Mark, Meeting
from daihoi.core.ids import CandidateId


@dataclass(frozen=True)
class Candidate:
    """A name on the election list; the optional facts feed ballot order and composition."""

    id: CandidateId
    name: str
    birth_date: date | None = None
    gender: str | None = None  # a Gender
    ethnicity: str | None = None
    incumbent: bool | None = None  # a member of the outgoing body


@dataclass(frozen=True)
class Electorate:
    """Who was summoned, who is deducted from the base and why (R14), and who is present."""

    summoned: int
    excluded_from_base: Mapping[BaseCategory, int] = field(default_factory=dict)
    present: int | None = None


@dataclass(frozen=True, slots=True)
class CrossOutBallot:
    """A ballot of a surplus list: the candidates left standing (R9)."""

    kept: tuple[CandidateId, ...]
    added: tuple[str, ...] = ()
    count: int = 1


@dataclass(frozen=True, slots=True)
class MarksBallot:
    """A ballot of a list without surplus: agree/disagree/both/none per row (R9)."""

    marks: Mapping[CandidateId, Mark]
    added: tuple[str, ...] = ()
    count: int = 1


@dataclass(frozen=True, slots=True)
class PaperInvalidBallot:
    """A ballot the counting board found invalid for a reason only the paper shows (R11)."""

    reason: InvalidReason
    count: int = 1


Ballot = CrossOutBallot | MarksBallot | PaperInvalidBallot


@dataclass(frozen=True)
class Election:
    """Everything needed to count one ballot; `is_tie_revote`: a re-vote among the tied (R16)."""

    meeting: Meeting
    body: Body
    seats: int
    electorate: Electorate
    ballots_issued: int
    candidates: tuple[Candidate, ...]
    ballots: tuple[Ballot, ...]
    round: int = 1
    alternate_seats: int = 0
    is_tie_revote: bool = False

    @property
    def ballots_collected(self) -> int:
        """Every ballot in the box, valid or not (R12 step 3)."""
        return sum(ballot.count for ballot in self.ballots)
