"""The electorate of a vote, derived from who was summoned and who attended (R14).

Typing "summoned 289, absent 3" by hand is how a threshold goes wrong; here the figures come
from one record per person: standing, status, attendance at each session, recorded absence and
substitution. Categories are exclusive and checked in a fixed order, so nobody is deducted twice.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from daihoi.core.codes import BaseCategory, Meeting, MemberStatus
from daihoi.core.election import Electorate


@dataclass(frozen=True)
class Voter:
    """One person on the register of a meeting, with the facts the base depends on.

    `official`: an official delegate (delegates' congress) or official member (members'
    congress, committee meetings); alternates and probationary members are never summoned.
    `attended_any`: checked in at any session of the meeting up to and including the vote's.
    `present_at_vote`: checked in at the session of the vote.
    `replaced`: an official whose place an alternate took (the official stays in the base).
    `substituting`: an alternate who took an official's place (counts among those present).
    """

    key: str
    official: bool = True
    committee_member: bool = False
    status: MemberStatus | None = None
    attended_any: bool = False
    present_at_vote: bool = False
    absence_approved: bool | None = None  # None: no absence recorded
    replaced: bool = False
    substituting: bool = False


def holds_a_seat(*, official: bool, replaced: bool, substituting: bool) -> bool:
    """Whose presence counts as "present": one person per official's seat.

    The official, unless an alternate took the seat; then the alternate. A replaced official who
    comes anyway, or an alternate seated for nobody, is recorded at the door but not counted: the
    board, the quorum, the base of a vote and the credentials report all count this way.
    """
    return (official and not replaced) or (not official and substituting)


@dataclass(frozen=True)
class DerivedElectorate:
    """The electorate, and who falls in each deducted category (for the breakdown shown)."""

    electorate: Electorate
    deducted: Mapping[BaseCategory, tuple[str, ...]]
    #: officials absent from the whole meeting who are not deducted (no approved reason, or
    #: replaced by an alternate): they stay in the base, and the breakdown says so.
    absent_kept: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def _delegates_congress(voter: Voter) -> BaseCategory | str | None:
    """244-2014 Art. 32 cl. 3 [V]: committee members absent throughout; delegates absent
    throughout and not replaced. A replaced delegate stays in the base."""
    if voter.attended_any:
        return None
    if voter.replaced:
        return "replaced"
    if voter.committee_member:
        return BaseCategory.COMMITTEE_MEMBERS_ABSENT_WHOLE_CONGRESS
    return BaseCategory.DELEGATES_ABSENT_WHOLE_CONGRESS_NOT_REPLACED


def _status_category(voter: Voter) -> BaseCategory | None:
    """Statuses deducted whether or not the member came; an exempted member only when absent."""
    if voter.status is MemberStatus.TEMPORARY_ACTIVITY_ELSEWHERE:
        return BaseCategory.TEMPORARY_ACTIVITY_ELSEWHERE
    if voter.status is MemberStatus.SUSPENDED_OR_PROSECUTED:
        return BaseCategory.SUSPENDED_OR_PROSECUTED
    if voter.status is MemberStatus.EXEMPTED and not voter.present_at_vote:
        return BaseCategory.EXEMPTED_AND_ABSENT
    return None


def _members_congress(voter: Voter) -> BaseCategory | str | None:
    """244-2014 Art. 32 cl. 2 [V]: temporary activity elsewhere; exempted and absent (one who
    attends and votes stays in); suspended or prosecuted; absent throughout with an approved
    reason. Absent without an approved reason stays in the base."""
    category = _status_category(voter)
    if category is not None or voter.attended_any:
        return category
    if voter.absence_approved:
        return BaseCategory.ABSENT_WHOLE_CONGRESS_APPROVED
    return "no_approved_reason"


def _committee_meeting(voter: Voter) -> BaseCategory | str | None:
    """OPEN-4 (setting committee_base_excludes): the members' congress logic, by meeting."""
    if voter.status in (
        MemberStatus.TEMPORARY_ACTIVITY_ELSEWHERE,
        MemberStatus.SUSPENDED_OR_PROSECUTED,
    ):
        return _status_category(voter)
    if voter.attended_any:
        return None
    if voter.absence_approved:
        return BaseCategory.ABSENT_WHOLE_MEETING_APPROVED
    return "no_approved_reason"


_RULES = {
    Meeting.DELEGATES_CONGRESS: _delegates_congress,
    Meeting.MEMBERS_CONGRESS: _members_congress,
    Meeting.COMMITTEE_MEETING: _committee_meeting,
    Meeting.INSPECTION_COMMITTEE_MEETING: _committee_meeting,
}


def derive_electorate(meeting: Meeting, voters: Sequence[Voter]) -> DerivedElectorate:
    """Summoned, deducted by category and present at the vote, from the register (R14).

    Summoned: the officials. Present: those checked in at the vote's session who hold a seat
    (`holds_a_seat`: an official not replaced, or the alternate in a replaced one's place).
    Whether a committee meeting deducts at all is applied later by `threshold.derive_base`.
    """
    rule = _RULES[meeting]
    deducted: dict[BaseCategory, list[str]] = {}
    kept: dict[str, list[str]] = {}
    summoned = present = 0
    for voter in voters:
        seated = holds_a_seat(
            official=voter.official, replaced=voter.replaced, substituting=voter.substituting
        )
        present += int(seated and voter.present_at_vote)
        if not voter.official:
            continue
        summoned += 1
        outcome = rule(voter)
        if isinstance(outcome, BaseCategory):
            deducted.setdefault(outcome, []).append(voter.key)
        elif outcome is not None:
            kept.setdefault(outcome, []).append(voter.key)
    excluded = {category: len(keys) for category, keys in deducted.items()}
    return DerivedElectorate(
        Electorate(summoned=summoned, excluded_from_base=excluded, present=present),
        {category: tuple(keys) for category, keys in deducted.items()},
        {reason: tuple(keys) for reason, keys in kept.items()},
    )
