"""The outcome of a count: figures, the elected, the next step and the trail of rules applied."""

from collections.abc import Mapping
from dataclasses import dataclass

from daihoi.core.codes import Layout, NextAction
from daihoi.core.election import Election
from daihoi.core.findings import Finding, Value
from daihoi.core.ids import CandidateId
from daihoi.core.rulesets.model import RuleSet
from daihoi.core.tally import Tally
from daihoi.core.threshold import Base


@dataclass(frozen=True)
class Step:
    """One rule applied with the numbers it used, so the minutes can say "Áp dụng: …"."""

    rule: str
    code: str
    values: Mapping[str, Value]


@dataclass(frozen=True)
class CandidateResult:
    """A candidate's figures; `number` is the row number on the ballot (1-based)."""

    id: CandidateId
    name: str
    number: int
    votes: int
    over_half: bool


@dataclass(frozen=True)
class Next:
    """What the congress must decide next (B4); `alternate_seats` only on a combined list (R18)."""

    action: NextAction
    among: tuple[CandidateId, ...]
    seats: int
    rule: str
    alternate_seats: int | None = None


@dataclass(frozen=True)
class Outcome:
    """Everything the result file, the minutes and the projector show of one count."""

    ruleset: RuleSet
    election: Election
    layout: Layout
    names_per_ballot: int
    base: Base
    collected: int
    tally: Tally
    candidates: tuple[CandidateResult, ...]  # ballot order
    elected: tuple[CandidateId, ...]  # vote order
    elected_alternates: tuple[CandidateId, ...]
    next: Next
    steps: tuple[Step, ...]
    warnings: tuple[Finding, ...]

    @property
    def percent_denominator(self) -> int | None:
        """The denominator of printed percentages (OPEN-14, setting `percent_base`).

        None when it is zero (no valid ballot): no figure is printed rather than a wrong one.
        """
        choice = self.ruleset.settings.percent_base
        denominators = {
            "base": self.base.value,
            "summoned": self.base.summoned,
            "present": self.election.electorate.present or 0,
            "valid_ballots": self.tally.valid,
        }
        value = denominators[choice]
        return value if value > 0 else None
