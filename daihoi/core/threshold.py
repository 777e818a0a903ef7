"""The threshold base: those summoned minus the categories the meeting may deduct (R14).

The base is never the number of valid ballots, ballots cast or members present.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from daihoi.core.codes import BaseCategory, Meeting
from daihoi.core.election import Electorate
from daihoi.core.exact import votes_needed
from daihoi.core.rulesets.model import Settings

_COMMITTEE_CATEGORIES = frozenset(
    {
        BaseCategory.ABSENT_WHOLE_MEETING_APPROVED,
        BaseCategory.SUSPENDED_OR_PROSECUTED,
        BaseCategory.TEMPORARY_ACTIVITY_ELSEWHERE,
    }
)

#: The categories each kind of meeting may record (election-file.md; R14).
ALLOWED_CATEGORIES: Mapping[Meeting, frozenset[BaseCategory]] = {
    # 244-2014 Art. 32 cl. 2 [V]: temporary activity elsewhere; exempted and absent; suspended or
    # prosecuted; absent for the whole congress with a reason the convening committee approved.
    Meeting.MEMBERS_CONGRESS: frozenset(
        {
            BaseCategory.TEMPORARY_ACTIVITY_ELSEWHERE,
            BaseCategory.EXEMPTED_AND_ABSENT,
            BaseCategory.SUSPENDED_OR_PROSECUTED,
            BaseCategory.ABSENT_WHOLE_CONGRESS_APPROVED,
        }
    ),
    # 244-2014 Art. 32 cl. 3 [V]: committee members absent for the whole congress; delegates absent
    # for the whole congress and not replaced by an alternate (a replaced delegate stays in).
    Meeting.DELEGATES_CONGRESS: frozenset(
        {
            BaseCategory.COMMITTEE_MEMBERS_ABSENT_WHOLE_CONGRESS,
            BaseCategory.DELEGATES_ABSENT_WHOLE_CONGRESS_NOT_REPLACED,
        }
    ),
    # OPEN-4 (setting committee_base_excludes): the same logic as a congress.
    Meeting.COMMITTEE_MEETING: _COMMITTEE_CATEGORIES,
    Meeting.INSPECTION_COMMITTEE_MEETING: _COMMITTEE_CATEGORIES,
}

_COMMITTEE_MEETINGS = frozenset({Meeting.COMMITTEE_MEETING, Meeting.INSPECTION_COMMITTEE_MEETING})


@dataclass(frozen=True)
class Base:
    """The threshold base and how it was derived, for the minutes (R13)."""

    value: int
    summoned: int
    deducted: Mapping[BaseCategory, int]
    #: categories recorded but, by the settings, not deducted (OPEN-4 = "none")
    not_deducted: Mapping[BaseCategory, int]

    @property
    def votes_needed(self) -> int:
        """The fewest votes that are more than half of the base (R14)."""
        return votes_needed(self.value)


def disallowed_categories(meeting: Meeting, electorate: Electorate) -> list[BaseCategory]:
    """Categories recorded that do not belong to this kind of meeting (an error, R14)."""
    allowed = ALLOWED_CATEGORIES[meeting]
    return [category for category in electorate.excluded_from_base if category not in allowed]


def derive_base(meeting: Meeting, electorate: Electorate, settings: Settings) -> Base:
    """Those summoned minus the deductions this meeting allows.

    Rule R14 [V for congresses]: base = summoned − Σ excluded (244-2014 Art. 32 cl. 2-3; 190-2024
    assumed the same, OPEN-3). At committee and inspection-committee meetings the deduction is
    OPEN-4, read from `settings.committee_base_excludes`. Categories that do not belong to the
    meeting must have been rejected before (`disallowed_categories`).
    """
    deduct = not (meeting in _COMMITTEE_MEETINGS and settings.committee_base_excludes == "none")
    recorded = {category: n for category, n in electorate.excluded_from_base.items() if n}
    deducted = recorded if deduct else {}
    not_deducted = {} if deduct else recorded
    return Base(
        value=electorate.summoned - sum(deducted.values()),
        summoned=electorate.summoned,
        deducted=deducted,
        not_deducted=not_deducted,
    )
