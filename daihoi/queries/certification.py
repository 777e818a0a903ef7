"""Whether an election can be certified now, what is missing if not, and its key figures if so.

The certification page asks for confirmation with the figures the result will freeze; the button
shows only when certify_result would accept, and otherwise the page says what is missing, in the
words of the action's own refusals.
"""

import contextlib
from dataclasses import dataclass, field

from daihoi.core.counting import count_checked, count_warnings
from daihoi.core.findings import Finding
from daihoi.core.validation import ElectionInvalidError, admit
from daihoi.db.mappers import core_election, ruleset_of
from daihoi.db.models import Election, ScannedBallot
from daihoi.errors import ActionError
from daihoi.interchange.election_file import ElectionFileError, load_election
from daihoi.labels import PROBLEMS, WARNINGS, words
from daihoi.queries.entries import settled, unfinished_entry
from daihoi.queries.spot_checks import scan_check_blockers


@dataclass(frozen=True)
class KeyFigures:
    summoned: int
    base: int
    collected: int
    valid: int
    invalid: int
    elected: int
    seats: int
    elected_names: tuple[str, ...]


@dataclass(frozen=True)
class CertificationCheck:
    """`missing`: what stands in the way, as sentences; `figures` once nothing does."""

    missing: list[str] = field(default_factory=list)
    figures: KeyFigures | None = None

    @property
    def possible(self) -> bool:
        return not self.missing and self.figures is not None


def certification_blockers(election: Election) -> list[ActionError]:
    """What certify_result refuses before counting, in its order: state, scans waiting for the
    board, the board's checks on scanned counts, entry not finished. One list for the action
    and this page, so the page never promises what the action refuses."""
    if election.state == Election.State.CERTIFIED:
        return [ActionError("election_certified")]
    if election.state != Election.State.OPEN:
        return [ActionError("election_not_open")]
    found = []
    waiting = election.scans.filter(
        state=ScannedBallot.State.REVIEW, proposed_by__isnull=True
    ).count()
    if waiting:
        found.append(ActionError("scans_waiting", count=waiting))
    found += scan_check_blockers(election)  # omr.md §5.4: two members, the hand check
    found += unfinished_entry(election)
    return found


def _unexplained(warnings: list[Finding]) -> str:
    """The warnings in one sentence: each without its full stop (the message ends with one)."""
    listed = "; ".join(words(WARNINGS, w.code, w.values).rstrip(".") for w in warnings)
    return ActionError("warnings_unacknowledged", codes=listed).text


def certification_check(election: Election) -> CertificationCheck:
    """Count the settled ballots as certification would, without freezing anything."""
    blockers = [error.text for error in certification_blockers(election)]
    ballots, open_differences = settled(election)
    if open_differences and election.state == Election.State.OPEN:
        blockers.append(ActionError("differences_open", count=len(open_differences)).text)
    if blockers:
        # a warning known before typing ends (collected below issued) is missing too (R12
        # step 3): the head should not think the typing is all that is left
        known = pending_warnings(election) if election.state == Election.State.OPEN else []
        return CertificationCheck(blockers + ([_unexplained(known)] if known else []))
    core = core_election(election, [ballots[sheet] for sheet in sorted(ballots)])
    try:
        outcome = count_checked(admit(core, ruleset_of(election.congress)))
    except ElectionInvalidError as error:
        detail = "; ".join(words(PROBLEMS, p.code, p.values) for p in error.problems)
        return CertificationCheck([ActionError("election_invalid", detail=detail).text])
    unexplained = [w for w in outcome.warnings if w.code not in election.acknowledgements]
    missing = []
    if unexplained:
        missing.append(_unexplained(unexplained))
    names = {c.id: c.name for c in outcome.candidates}
    figures = KeyFigures(
        summoned=outcome.base.summoned,
        base=outcome.base.value,
        collected=outcome.collected,
        valid=outcome.tally.valid,
        invalid=outcome.tally.invalid,
        elected=len(outcome.elected),
        seats=election.seats,
        elected_names=tuple(names[i] for i in outcome.elected),
    )
    return CertificationCheck(missing, figures)


def _warnings_found(election: Election) -> list[Finding]:
    """Every warning of this election's figures, with its figures: from the frozen file once
    certified (what the result says), else from the live figures and the settled ballots."""
    if election.state == Election.State.CERTIFIED:
        with contextlib.suppress(ElectionFileError, ElectionInvalidError):
            parsed = load_election(election.result.election_file)
            return list(count_checked(parsed.checked).warnings)
        return []
    ruleset = ruleset_of(election.congress)
    ballots, _ = settled(election)
    core = core_election(election, [ballots[sheet] for sheet in sorted(ballots)])
    found = count_warnings(core, election.ballots_collected, ruleset.settings)
    if len(ballots) == election.ballots_collected:
        # every ballot settled: the tally's own warnings (a name on more ballots than issued)
        with contextlib.suppress(ElectionInvalidError):
            found = list(count_checked(admit(core, ruleset)).warnings)
    return found


def pending_warnings(election: Election) -> list[Finding]:
    """The warnings of this election's figures that no one has acknowledged yet."""
    return [w for w in _warnings_found(election) if w.code not in election.acknowledgements]


@dataclass(frozen=True)
class Explained:
    """A warning the board explained: its words with the figures (the catalogue's sentence
    filled), or "" when today's figures no longer raise it; and the board's explanation."""

    warning: str
    explanation: str


def explained_warnings(election: Election) -> list[Explained]:
    """The board's written explanations (R12 steps 3 and 7, R13: the board accounts for irregular
    figures in its minutes), each beside its warning filled with its figures, no placeholder."""
    if not election.acknowledgements:
        return []
    found = {w.code: w for w in _warnings_found(election)}
    return [
        Explained(
            words(WARNINGS, code, found[code].values) if code in found else "",
            explanation,
        )
        for code, explanation in election.acknowledgements.items()
    ]
