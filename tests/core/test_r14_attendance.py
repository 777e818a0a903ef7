"""R14: the electorate of a vote derived from the register and attendance, per meeting kind."""

from hypothesis import given
from hypothesis import strategies as st

from daihoi.core.attendance import Voter, derive_electorate
from daihoi.core.codes import BaseCategory, Meeting, MemberStatus
from daihoi.core.rulesets.registry import get_ruleset
from daihoi.core.threshold import derive_base


def test_delegates_congress_deducts_absent_committee_members_and_unreplaced_delegates() -> None:
    """244-2014 Art. 32 cl. 3: the reference congress, 289 summoned, base 286 (V03 shape)."""
    voters = [Voter(f"d{i}", attended_any=True, present_at_vote=True) for i in range(284)]
    voters += [
        Voter("late", attended_any=True, present_at_vote=False),  # came, but not to this vote
        Voter("cm", committee_member=True),  # committee member absent throughout
        Voter("x1"),  # absent throughout, nobody in their place
        Voter("x2", absence_approved=True),  # approval does not matter at a delegates' congress
        Voter("rep", replaced=True),  # absent, replaced: stays in the base
        Voter("alt", official=False, substituting=True, attended_any=True, present_at_vote=True),
        Voter(
            "alt2", official=False, attended_any=True, present_at_vote=True
        ),  # not in anyone's place
    ]
    derived = derive_electorate(Meeting.DELEGATES_CONGRESS, voters)
    assert derived.electorate.summoned == 289
    assert derived.electorate.excluded_from_base == {
        BaseCategory.COMMITTEE_MEMBERS_ABSENT_WHOLE_CONGRESS: 1,
        BaseCategory.DELEGATES_ABSENT_WHOLE_CONGRESS_NOT_REPLACED: 2,
    }
    assert derived.electorate.present == 285  # 284 officials + the substituting alternate
    assert derived.deducted[BaseCategory.DELEGATES_ABSENT_WHOLE_CONGRESS_NOT_REPLACED] == (
        "x1",
        "x2",
    )
    assert derived.absent_kept == {"replaced": ("rep",)}
    settings = get_ruleset("244-2014").settings
    assert derive_base(Meeting.DELEGATES_CONGRESS, derived.electorate, settings).value == 286


def test_members_congress_deducts_statuses_and_approved_absence_only() -> None:
    """244-2014 Art. 32 cl. 2: an exempted member who attends stays in; no approval, stays in."""
    voters = [
        Voter("a", attended_any=True, present_at_vote=True),
        Voter("temp", status=MemberStatus.TEMPORARY_ACTIVITY_ELSEWHERE),
        Voter("susp", status=MemberStatus.SUSPENDED_OR_PROSECUTED, attended_any=True),
        Voter("ex-away", status=MemberStatus.EXEMPTED),
        Voter("ex-here", status=MemberStatus.EXEMPTED, attended_any=True, present_at_vote=True),
        Voter("ok-away", absence_approved=True),
        Voter("no-reason"),
        Voter("refused", absence_approved=False),
        Voter("prob", official=False, attended_any=True, present_at_vote=True),  # probationary
    ]
    derived = derive_electorate(Meeting.MEMBERS_CONGRESS, voters)
    assert derived.electorate.summoned == 8
    assert derived.electorate.excluded_from_base == {
        BaseCategory.TEMPORARY_ACTIVITY_ELSEWHERE: 1,
        BaseCategory.SUSPENDED_OR_PROSECUTED: 1,
        BaseCategory.EXEMPTED_AND_ABSENT: 1,
        BaseCategory.ABSENT_WHOLE_CONGRESS_APPROVED: 1,
    }
    assert derived.electorate.present == 2
    assert derived.absent_kept == {"no_approved_reason": ("no-reason", "refused")}


def test_committee_meeting_deducts_per_setting() -> None:
    """OPEN-4: the categories are derived; `committee_base_excludes` decides if they count."""
    voters = [Voter(f"m{i}", attended_any=True, present_at_vote=True) for i in range(39)]
    voters += [Voter("away", absence_approved=True), Voter("gone")]
    derived = derive_electorate(Meeting.COMMITTEE_MEETING, voters)
    assert derived.electorate.summoned == 41
    assert derived.electorate.excluded_from_base == {BaseCategory.ABSENT_WHOLE_MEETING_APPROVED: 1}
    ruleset = get_ruleset("190-2024")
    base = derive_base(Meeting.COMMITTEE_MEETING, derived.electorate, ruleset.settings)
    assert base.value == 40
    inspection = derive_electorate(Meeting.INSPECTION_COMMITTEE_MEETING, voters)
    assert inspection.electorate == derived.electorate


@given(
    st.lists(
        st.builds(
            Voter,
            key=st.text(min_size=1, max_size=3),
            official=st.booleans(),
            committee_member=st.booleans(),
            status=st.none() | st.sampled_from(MemberStatus),
            attended_any=st.booleans(),
            present_at_vote=st.booleans(),
            absence_approved=st.none() | st.booleans(),
            replaced=st.booleans(),
            substituting=st.booleans(),
        ),
        max_size=40,
    ),
    st.sampled_from(Meeting),
)
def test_nobody_is_deducted_twice_and_the_base_is_never_negative(
    voters: list[Voter], meeting: Meeting
) -> None:
    derived = derive_electorate(meeting, voters)
    officials = [v for v in voters if v.official]
    deducted = [key for keys in derived.deducted.values() for key in keys]
    assert len(deducted) == sum(derived.electorate.excluded_from_base.values())
    assert len(deducted) <= len(officials) == derived.electorate.summoned
    assert derived.electorate.present is not None
    assert derived.electorate.present <= len(voters)
