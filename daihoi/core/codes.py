"""Enumerations whose values are the codes of the spec (election-file.md, open-points.md).

The values are the wire format of the election and result files; their wording for people
lives in the message catalogues, never here.
"""

from enum import StrEnum


class InvalidReason(StrEnum):
    """Why a ballot counts for no one (R11; 244-2014 Art. 17 cl. 2, 190-2024 Art. 15)."""

    NOT_ISSUED_BY_BOARD = "not_issued_by_board"
    SIGNED_OR_MARKED = "signed_or_marked"
    NAME_ADDED = "name_added"
    MORE_NAMES_THAN_SEATS = "more_names_than_seats"
    ALL_NAMES_STRUCK = "all_names_struck"
    SINGLE_CANDIDATE_BOTH_OR_NO_BOX = "single_candidate_both_or_no_box"


#: Reasons only the paper shows; a file may state them, every other reason the counter derives.
PAPER_REASONS = frozenset({InvalidReason.NOT_ISSUED_BY_BOARD, InvalidReason.SIGNED_OR_MARKED})


class NextAction(StrEnum):
    """What the congress must do after a count; the engine never decides it (B4)."""

    DONE = "done"
    TIE_REVOTE = "tie_revote"
    FURTHER_ROUND = "further_round"
    BOARD_DECISION = "board_decision"


class Meeting(StrEnum):
    """The kind of meeting that votes; it decides the categories of the threshold base (R14)."""

    MEMBERS_CONGRESS = "members_congress"
    DELEGATES_CONGRESS = "delegates_congress"
    COMMITTEE_MEETING = "committee_meeting"
    INSPECTION_COMMITTEE_MEETING = "inspection_committee_meeting"


class Body(StrEnum):
    """The body or office an election fills (R3)."""

    EXECUTIVE_COMMITTEE = "executive_committee"
    STANDING_COMMITTEE = "standing_committee"
    SECRETARY = "secretary"
    DEPUTY_SECRETARY = "deputy_secretary"
    INSPECTION_COMMITTEE = "inspection_committee"
    INSPECTION_CHAIR = "inspection_chair"
    INSPECTION_DEPUTY_CHAIR = "inspection_deputy_chair"
    UPPER_DELEGATES = "upper_delegates"
    UPPER_ALTERNATES = "upper_alternates"
    BRANCH_COMMITTEE = "branch_committee"
    BRANCH_SECRETARY = "branch_secretary"
    BRANCH_DEPUTY_SECRETARY = "branch_deputy_secretary"


class BaseCategory(StrEnum):
    """Who is deducted from those summoned to form the threshold base (R14)."""

    # Members' congress (244-2014 Art. 32 cl. 2)
    TEMPORARY_ACTIVITY_ELSEWHERE = "temporary_activity_elsewhere"
    EXEMPTED_AND_ABSENT = "exempted_and_absent"
    SUSPENDED_OR_PROSECUTED = "suspended_or_prosecuted"
    ABSENT_WHOLE_CONGRESS_APPROVED = "absent_whole_congress_approved"
    # Delegates' congress (244-2014 Art. 32 cl. 3)
    COMMITTEE_MEMBERS_ABSENT_WHOLE_CONGRESS = "committee_members_absent_whole_congress"
    DELEGATES_ABSENT_WHOLE_CONGRESS_NOT_REPLACED = "delegates_absent_whole_congress_not_replaced"
    # Committee meetings (OPEN-4)
    ABSENT_WHOLE_MEETING_APPROVED = "absent_whole_meeting_approved"


class Mark(StrEnum):
    """One row of an agree/disagree ballot (R9)."""

    AGREE = "agree"
    DISAGREE = "disagree"
    BOTH = "both"
    NONE = "none"


class Layout(StrEnum):
    """The two ballot layouts of R8: a surplus list is struck through, a list without surplus is
    marked agree/disagree."""

    CROSS_OUT = "cross_out"
    AGREE_DISAGREE = "agree_disagree"


class Severity(StrEnum):
    """A blocking error stops the action; a warning needs a person's acknowledgement."""

    ERROR = "error"
    WARNING = "warning"


# The register's codes: one definition for the core, the database's choices and the workbooks.


class Gender(StrEnum):
    """A person's gender as the register records it (giới tính); unknown is no value."""

    MALE = "male"
    FEMALE = "female"


class Origin(StrEnum):
    """How a delegate comes to a delegates' congress: ex officio as a member of the outgoing
    committee, elected by a lower congress, or appointed by the upper level (regulation.md)."""

    EX_OFFICIO = "ex_officio"
    ELECTED = "elected"
    APPOINTED = "appointed"


class Standing(StrEnum):
    """An official delegate (or official member) is summoned; an alternate attends only in an
    official's place (R14)."""

    OFFICIAL = "official"  # đại biểu chính thức / đảng viên chính thức
    ALTERNATE = "alternate"  # đại biểu dự khuyết


class MemberStatus(StrEnum):
    """A Party member's status that R14 deducts on at a members' congress or committee meeting."""

    TEMPORARY_ACTIVITY_ELSEWHERE = "temporary_activity_elsewhere"
    EXEMPTED = "exempted"  # miễn công tác và sinh hoạt đảng
    SUSPENDED_OR_PROSECUTED = "suspended_or_prosecuted"
