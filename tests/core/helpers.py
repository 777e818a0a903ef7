"""Small builders for core elections, so that a rule's test reads like the minutes."""

from collections.abc import Sequence

from daihoi.core.codes import BaseCategory, Body, Meeting
from daihoi.core.counting import count_election
from daihoi.core.election import Ballot, Candidate, CrossOutBallot, Election, Electorate
from daihoi.core.ids import CandidateId
from daihoi.core.outcome import Outcome
from daihoi.core.rulesets.model import RuleSet
from daihoi.core.rulesets.registry import get_ruleset

NAMES = (
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Văn Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Giang",
    "Vũ Thị Hà",
    "Đỗ Văn Khánh",
    "Bùi Văn Lâm",
    "Đinh Thị Mai",
    "Ngô Văn Nam",
)


def candidates(n: int) -> tuple[Candidate, ...]:
    """The first n candidates; ids a, b, c … in the order of NAMES (which is ballot order)."""
    return tuple(Candidate(CandidateId(chr(ord("a") + i)), NAMES[i]) for i in range(n))


def kept(ids: str, count: int = 1) -> CrossOutBallot:
    """A cross-out ballot keeping the candidates whose ids are the letters of `ids`."""
    return CrossOutBallot(tuple(CandidateId(c) for c in ids), (), count)


def election(
    ballots: Sequence[Ballot],
    *,
    seats: int,
    n_candidates: int,
    summoned: int,
    issued: int | None = None,
    meeting: Meeting = Meeting.DELEGATES_CONGRESS,
    body: Body = Body.EXECUTIVE_COMMITTEE,
    excluded: dict[BaseCategory, int] | None = None,
    present: int | None = None,
    alternate_seats: int = 0,
    tie_revote: bool = False,
) -> Election:
    collected = sum(b.count for b in ballots)
    return Election(
        meeting=meeting,
        body=body,
        seats=seats,
        electorate=Electorate(summoned, excluded or {}, present),
        ballots_issued=collected if issued is None else issued,
        candidates=candidates(n_candidates),
        ballots=tuple(ballots),
        alternate_seats=alternate_seats,
        is_tie_revote=tie_revote,
    )


def count(e: Election, ruleset: RuleSet | str = "190-2024") -> Outcome:
    rs = get_ruleset(ruleset) if isinstance(ruleset, str) else ruleset
    return count_election(e, rs)


def votes(outcome: Outcome) -> dict[str, int]:
    return {c.id: c.votes for c in outcome.candidates}
