"""Whether an election can be counted at all: every problem, each with the path of the field.

Paths use the election file's names (election-file.md), e.g. `ballots[17].kept[2]`, so that the
same problems serve the command line, the application and any other producer of elections.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from daihoi.core.ballots import ballot_layout
from daihoi.core.codes import PAPER_REASONS, Body, Layout
from daihoi.core.election import Ballot, CrossOutBallot, Election, MarksBallot, PaperInvalidBallot
from daihoi.core.findings import Value
from daihoi.core.ids import CandidateId
from daihoi.core.rulesets.model import RuleSet
from daihoi.core.threshold import disallowed_categories


@dataclass(frozen=True)
class Problem:
    """Why an election cannot be counted; `code` is a catalogue key, `values` its arguments."""

    path: str
    code: str
    values: Mapping[str, Value] = field(default_factory=dict)


class ElectionInvalidError(ValueError):
    """Raised by `count_election` with every problem found; nothing is counted."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.path}: {p.code}" for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class CheckedElection:
    """An election that passed `check_election` under `ruleset`; made by `admit` only.

    Carrying the proof in the type lets a file be checked once when read and counted later
    without checking its ballots a second time.
    """

    election: Election
    ruleset: RuleSet


def admit(election: Election, ruleset: RuleSet) -> CheckedElection:
    """The election as countable; raises ElectionInvalidError with every problem found."""
    problems = check_election(election, ruleset)
    if problems:
        raise ElectionInvalidError(problems)
    return CheckedElection(election, ruleset)


def names_per_ballot(election: Election) -> int:
    """How many names one ballot may keep: the seats being filled.

    On a combined list of official and alternate delegates a ballot keeps at most the official
    seats (R18, 190-2024 Art. 18; OPEN-9 default `combined_list`).
    """
    return election.seats


def check_election(election: Election, ruleset: RuleSet) -> list[Problem]:
    """Every reason this election cannot be counted; an empty list means it can."""
    problems = _check_frame(election, ruleset)
    problems += _check_candidates(election)
    if not problems:
        problems += _check_ballots(election)
    return problems


def _check_frame(election: Election, ruleset: RuleSet) -> list[Problem]:
    problems: list[Problem] = []
    if election.seats < 1:
        problems.append(Problem("seats", "not_positive", {"value": election.seats}))
    if election.round < 1:
        problems.append(Problem("round", "not_positive", {"value": election.round}))
    if election.alternate_seats < 0:
        problems.append(Problem("alternate_seats", "negative", {"value": election.alternate_seats}))
    elif election.alternate_seats > 0:
        # R18 / OPEN-9: alternates share the ballot only for upper delegates on a combined list.
        if election.body is not Body.UPPER_DELEGATES:
            problems.append(Problem("alternate_seats", "alternates_only_for_upper_delegates"))
        elif ruleset.settings.delegates_mode != "combined_list":
            problems.append(Problem("alternate_seats", "alternates_need_combined_list"))
    if election.ballots_issued < 0:
        problems.append(Problem("ballots_issued", "negative"))
    return problems + _check_electorate(election, ruleset)


def _check_electorate(election: Election, ruleset: RuleSet) -> list[Problem]:
    """R14: the base must be derivable: categories of this meeting, not all deducted."""
    electorate = election.electorate
    path = "electorate.excluded_from_base"
    problems: list[Problem] = []
    if electorate.summoned < 1:
        problems.append(
            Problem("electorate.summoned", "not_positive", {"value": electorate.summoned})
        )
    problems.extend(
        Problem(f"{path}.{category}", "negative")
        for category, n in electorate.excluded_from_base.items()
        if n < 0
    )
    problems.extend(
        Problem(
            f"{path}.{category}",
            "category_not_for_meeting",
            {"category": str(category), "meeting": str(election.meeting)},
        )
        for category in disallowed_categories(election.meeting, electorate)
    )
    excluded = sum(electorate.excluded_from_base.values())
    if electorate.summoned >= 1 and electorate.summoned - excluded < 1:
        problems.append(Problem(path, "base_not_positive"))
    if electorate.present is None:
        if ruleset.settings.percent_base == "present":
            problems.append(Problem("electorate.present", "required_by_percent_base"))
    elif electorate.present < 0:
        problems.append(Problem("electorate.present", "negative"))
    elif electorate.present > electorate.summoned:
        problems.append(Problem("electorate.present", "present_above_summoned"))
    return problems


def _check_candidates(election: Election) -> list[Problem]:
    problems: list[Problem] = []
    if not election.candidates:
        problems.append(Problem("candidates", "empty"))
    seen: set[CandidateId] = set()
    for index, candidate in enumerate(election.candidates):
        if candidate.id in seen:
            problems.append(
                Problem(f"candidates[{index}].id", "duplicate_id", {"id": candidate.id})
            )
        seen.add(candidate.id)
        if not candidate.name:
            problems.append(Problem(f"candidates[{index}].name", "empty"))
    return problems


def _check_ballots(election: Election) -> list[Problem]:
    layout = ballot_layout(len(election.candidates), names_per_ballot(election))
    known = frozenset(candidate.id for candidate in election.candidates)
    problems: list[Problem] = []
    for index, ballot in enumerate(election.ballots):
        problems += _check_ballot(f"ballots[{index}]", ballot, layout, known)
    return problems


def _check_ballot(
    path: str, ballot: Ballot, layout: Layout, known: frozenset[CandidateId]
) -> list[Problem]:
    problems: list[Problem] = []
    if ballot.count < 1:
        problems.append(Problem(f"{path}.count", "not_positive", {"value": ballot.count}))
    if isinstance(ballot, PaperInvalidBallot):
        if ballot.reason not in PAPER_REASONS:
            problems.append(
                Problem(f"{path}.invalid", "reason_not_from_paper", {"reason": str(ballot.reason)})
            )
        return problems
    if isinstance(ballot, CrossOutBallot):
        if layout is not Layout.CROSS_OUT:
            problems.append(Problem(f"{path}.kept", "cross_out_on_agree_disagree_list"))
        kept = ballot.kept
        if not known.issuperset(kept) or len(set(kept)) != len(kept):
            seen: set[CandidateId] = set()
            for position, candidate in enumerate(kept):
                if candidate not in known:
                    problems.append(
                        Problem(f"{path}.kept[{position}]", "unknown_candidate", {"id": candidate})
                    )
                elif candidate in seen:
                    problems.append(
                        Problem(
                            f"{path}.kept[{position}]", "duplicate_candidate", {"id": candidate}
                        )
                    )
                seen.add(candidate)
    elif isinstance(ballot, MarksBallot):
        if layout is not Layout.AGREE_DISAGREE:
            problems.append(Problem(f"{path}.marks", "marks_on_cross_out_list"))
        problems.extend(
            Problem(f"{path}.marks.{candidate}", "unknown_candidate", {"id": candidate})
            for candidate in ballot.marks
            if candidate not in known
        )
    return problems
