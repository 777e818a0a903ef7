"""`count_election`: the single entry point that chains the rules over one ballot.

Rules R7 (ballot order), R10-R12 (validity and tally), R14 (base), R15-R19 (winners and the next
step). The engine never decides what the regulation leaves to people: ties at the last seat, a
further round or a count that cannot stand come back as `Next`, and the decision taken comes in
as a new election (a re-vote, a further round) that is counted from its own recorded facts.
"""

from collections.abc import Sequence
from datetime import date
from typing import Protocol, TypeVar

from daihoi.core.ballots import ballot_layout
from daihoi.core.codes import Body, Layout, NextAction, Severity
from daihoi.core.delegates import fill_officials_then_alternates
from daihoi.core.election import Election
from daihoi.core.exact import is_over_half
from daihoi.core.findings import Finding
from daihoi.core.ids import CandidateId
from daihoi.core.outcome import CandidateResult, Next, Outcome, Step
from daihoi.core.rulesets.model import RuleSet, Settings
from daihoi.core.seats import Ranked, fill_seats, rank
from daihoi.core.tally import Tally, count_votes
from daihoi.core.threshold import Base, derive_base
from daihoi.core.validation import CheckedElection, admit, names_per_ballot
from daihoi.core.vi.collation import name_sort_key

_SINGLE_SEAT_OFFICES = frozenset(
    {
        Body.SECRETARY,
        Body.DEPUTY_SECRETARY,
        Body.INSPECTION_CHAIR,
        Body.INSPECTION_DEPUTY_CHAIR,
        Body.BRANCH_SECRETARY,
        Body.BRANCH_DEPUTY_SECRETARY,
    }
)


class Listed(Protocol):
    """A name as a list holds it: a candidate, or a person about to be put on a list."""

    @property
    def name(self) -> str: ...

    @property
    def birth_date(self) -> date | None: ...


L = TypeVar("L", bound=Listed)


def ballot_order(candidates: Sequence[L], settings: Settings) -> tuple[L, ...]:
    """The order names are printed on the ballot and in the minutes: the one place a list is
    ordered (the application numbers a list in this order when it puts it on an election).

    Rule R7 [V]: by given name in Vietnamese alphabetical order ("theo vần A, B, C"); OPEN-12
    (setting `ballot_order`): then family name, then middle name, then the older first; or, with
    `as_listed`, the order of the approved list as given.
    """
    if settings.ballot_order == "as_listed":
        return tuple(candidates)
    return tuple(
        sorted(candidates, key=lambda c: (name_sort_key(c.name), c.birth_date or date.max))
    )


def count_election(election: Election, ruleset: RuleSet) -> Outcome:
    """Count one ballot of one election under `ruleset`; raises ElectionInvalidError if it can't."""
    return count_checked(admit(election, ruleset))


def count_checked(checked: CheckedElection) -> Outcome:
    """Count an election already admitted (e.g. when its file was read)."""
    election, ruleset = checked.election, checked.ruleset
    layout = ballot_layout(len(election.candidates), names_per_ballot(election))
    tally = count_votes(
        election.ballots, (c.id for c in election.candidates), layout, names_per_ballot(election)
    )
    return decide(election, tally, election.ballots_collected, ruleset)


def decide(election: Election, tally: Tally, collected: int, ruleset: RuleSet) -> Outcome:
    """Apply the threshold and seat rules to a tally (also used for aggregate figures)."""
    settings = ruleset.settings
    layout = ballot_layout(len(election.candidates), names_per_ballot(election))
    base = derive_base(election.meeting, election.electorate, settings)
    order = ballot_order(election.candidates, settings)
    # R12 step 3, OPEN-13: with more ballots in the box than issued no figure stands, so nobody
    # is "over half" either: the minutes print the votes and no share of the base.
    stands = collected <= election.ballots_issued
    results = tuple(
        CandidateResult(
            c.id,
            c.name,
            number,
            tally.votes[c.id],
            stands and is_over_half(tally.votes[c.id], base.value),
        )
        for number, c in enumerate(order, start=1)
    )
    steps = [_base_step(base), _tally_step(tally, collected, election.ballots_issued)]
    elected: tuple[CandidateId, ...] = ()
    alternates: tuple[CandidateId, ...] = ()
    if not stands:
        # R12 step 3, OPEN-13 [D]: more ballots in the box than issued: the count cannot stand;
        # the counting board records a decision (normally: void and vote again). Nobody is elected.
        next_step = Next(NextAction.BOARD_DECISION, (), 0, "R12")
    else:
        ranked = [Ranked(r.id, r.votes, r.number) for r in results]
        if election.is_tie_revote and not settings.tie_revote_needs_majority:
            # R16, OPEN-5 default: the re-vote among the tied picks the higher count.
            eligible = rank(ranked)
        else:
            # R14-R15: only candidates over half of the base are eligible.
            eligible = rank([r for r in ranked if is_over_half(r.votes, base.value)])
        if election.alternate_seats:
            fill = fill_officials_then_alternates(
                eligible, election.seats, election.alternate_seats
            )
            elected, alternates, next_step = fill.officials, fill.alternates, fill.next
        else:
            elected, next_step = _fill_body(election, eligible, layout)
    steps.append(Step(next_step.rule, str(next_step.action), {"seats": election.seats}))
    return Outcome(
        ruleset=ruleset,
        election=election,
        layout=layout,
        names_per_ballot=names_per_ballot(election),
        base=base,
        collected=collected,
        tally=tally,
        candidates=results,
        elected=elected,
        elected_alternates=alternates,
        next=next_step,
        steps=tuple(steps),
        warnings=tuple(count_warnings(election, collected, settings, tally)),
    )


def _fill_body(
    election: Election, eligible: list[Ranked], layout: Layout
) -> tuple[tuple[CandidateId, ...], Next]:
    fill = fill_seats(eligible, election.seats)
    if fill.tie_seats:
        # R16 [P/M]: the seats above the tie are filled; a re-vote among the tied for the rest.
        return fill.elected, Next(NextAction.TIE_REVOTE, fill.tie_among, fill.tie_seats, "R16")
    if fill.unfilled:
        # R17 (OPEN-6): the congress decides whether to hold another round for the empty seats.
        # R19 (OPEN-8): a single-seat office whose only candidate failed is suspended pending the
        # upper level's instruction.
        single = election.body in _SINGLE_SEAT_OFFICES and layout is Layout.AGREE_DISAGREE
        rule = "R19" if single else "R17"
        return fill.elected, Next(NextAction.FURTHER_ROUND, (), fill.unfilled, rule)
    return fill.elected, Next(NextAction.DONE, (), 0, "R15")


def _base_step(base: Base) -> Step:
    values: dict[str, int | str] = {"summoned": base.summoned, "base": base.value}
    values.update({str(category): n for category, n in base.deducted.items()})
    values["votes_needed"] = base.votes_needed
    return Step("R14", "base", values)


def _tally_step(tally: Tally, collected: int, issued: int) -> Step:
    values: dict[str, int | str] = {
        "issued": issued,
        "collected": collected,
        "valid": tally.valid,
        "invalid": tally.invalid,
    }
    values.update({str(reason): n for reason, n in tally.invalid_by_reason.items()})
    return Step("R10", "validity", values)


def count_warnings(
    election: Election, collected: int, settings: Settings, tally: Tally | None = None
) -> list[Finding]:
    """Checks that do not stop the count but need a person's acknowledgement and explanation."""
    base = derive_base(election.meeting, election.electorate, settings)
    found: list[Finding] = []
    issued = election.ballots_issued
    present = election.electorate.present
    if collected > issued:
        # R12 step 3, OPEN-13: the count cannot stand (the next step says so); the board records
        # how it happened before it decides.
        found.append(
            Finding(
                "collected_above_issued",
                Severity.WARNING,
                "R12",
                {"issued": issued, "collected": collected},
            )
        )
    for candidate in election.candidates if tally is not None else ():
        votes = tally.votes[candidate.id] if tally is not None else 0
        if votes > issued:
            # R12 step 3: a name cannot be kept on more ballots than were handed out.
            found.append(
                Finding(
                    "votes_above_issued",
                    Severity.WARNING,
                    "R12",
                    {"name": candidate.name, "votes": votes, "issued": issued},
                )
            )
    if collected < issued:
        # R12 step 3: normal (a voter kept or spoiled a ballot outside the box), but recorded.
        found.append(
            Finding(
                "collected_below_issued",
                Severity.WARNING,
                "R12",
                {"issued": issued, "collected": collected},
            )
        )
    if present is not None:
        if issued > present:
            found.append(
                Finding(
                    "issued_above_present",
                    Severity.WARNING,
                    "R12",
                    {"issued": issued, "present": present},
                )
            )
        if present * settings.quorum.denominator < settings.quorum.numerator * base.summoned:
            # R22, OPEN-19: warn, not block, until the quorum rule is confirmed.
            found.append(
                Finding(
                    "below_quorum",
                    Severity.WARNING,
                    "R22",
                    {
                        "present": present,
                        "summoned": base.summoned,
                        "quorum": settings.quorum_fraction,
                    },
                )
            )
    names: set[tuple[str, date | None]] = set()
    for candidate in election.candidates:
        key = (candidate.name, candidate.birth_date)
        if key in names:
            # R7, OPEN-12: identical names need a distinguishing birth date on the ballot.
            found.append(
                Finding(
                    "same_name_and_birth_date", Severity.WARNING, "R7", {"name": candidate.name}
                )
            )
        names.add(key)
    return found
