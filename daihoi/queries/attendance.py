"""What the attendance board, the doors' search and the base breakdown read (plain values)."""

from dataclasses import dataclass
from fractions import Fraction

from daihoi.core.attendance import DerivedElectorate, Voter, derive_electorate, holds_a_seat
from daihoi.core.codes import Body, Meeting, MemberStatus
from daihoi.core.credentials import Absence, Question, ReportDelegate
from daihoi.core.vi.collation import collation_key, name_sort_key
from daihoi.core.vi.text import fold
from daihoi.db.mappers import ruleset_of
from daihoi.db.models import Attendance, Congress, Delegate, Election, Session


def delegation_of(delegate: Delegate) -> str:
    return delegate.delegation or delegate.unit


@dataclass(frozen=True)
class DelegationRow:
    name: str
    present: int
    summoned: int


@dataclass(frozen=True)
class Board:
    """Present / summoned for one session, by delegation, against the quorum (R22, OPEN-19).

    `attended`: seats held by someone present at any session so far, the credentials report's
    figure; it differs from `present` only by those who came to an earlier session and not this.
    """

    session: Session | None
    rows: list[DelegationRow]
    present: int
    summoned: int
    substitutes_present: int
    quorum: Fraction
    needed: int  # the least number present that meets the quorum
    attended: int = 0

    @property
    def below_quorum(self) -> bool:
        return self.present < self.needed


def attendance_board(congress: Congress, session: Session | None) -> Board:
    """Seats held by someone present (`holds_a_seat`), by delegation, for `session`."""
    present_ids: set[int] = set()
    if session is not None:
        present_ids = set(
            Attendance.objects.filter(session=session).values_list("delegate_id", flat=True)
        )
    ever = set(
        Attendance.objects.filter(session__congress=congress).values_list("delegate_id", flat=True)
    )
    counts: dict[str, list[int]] = {}
    substitutes = attended = 0
    people = congress.delegates.select_related("substitutes_for", "replaced_by")
    fields = ("id", "delegation", "unit", "standing", "substitutes_for__id", "replaced_by__id")
    for d in people.only(*fields):
        official = d.standing == Delegate.Standing.OFFICIAL
        row = counts.setdefault(delegation_of(d), [0, 0])
        row[1] += int(official)
        seated = holds_a_seat(
            official=official,
            replaced=hasattr(d, "replaced_by"),
            substituting=hasattr(d, "substitutes_for"),
        )
        if not seated:
            continue
        here = d.pk in present_ids
        row[0] += int(here)
        substitutes += int(here and not official)
        attended += int(d.pk in ever)
    rows = [
        DelegationRow(name, present, summoned)
        for name, (present, summoned) in sorted(counts.items(), key=lambda kv: collation_key(kv[0]))
    ]
    summoned = sum(r.summoned for r in rows)
    present = sum(r.present for r in rows)
    quorum = ruleset_of(congress).settings.quorum
    needed = -(-quorum.numerator * summoned // quorum.denominator)  # ceiling of quorum × summoned
    return Board(session, rows, present, summoned, substitutes, quorum, needed, attended)


def search_delegates(congress: Congress, query: str, limit: int = 12) -> list[Delegate]:
    """Delegates whose name (or delegation) contains every word typed, diacritics optional."""
    words = fold(query).split()
    if not words:
        return []
    found = []
    people = congress.delegates.only("id", "full_name", "delegation", "unit", "seat", "standing")
    for d in people:
        haystack = fold(f"{d.full_name} {delegation_of(d)}")
        if all(w in haystack for w in words):
            found.append(d)
    found.sort(key=lambda d: name_sort_key(d.full_name))
    return found[:limit]


def report_delegates(congress: Congress) -> list[ReportDelegate]:
    """The register as the credentials report reads it: facts, attendance, absence, question."""
    seen = set(
        Attendance.objects.filter(session__congress=congress).values_list("delegate_id", flat=True)
    )
    people = congress.delegates.select_related("absence", "replaced_by__alternate")
    rows = []
    for d in people:
        absence = getattr(d, "absence", None)
        replaced = getattr(d, "replaced_by", None)
        rows.append(
            ReportDelegate(
                name=d.full_name,
                unit=delegation_of(d),
                origin=d.kind,
                standing=d.standing,
                gender=d.gender or None,
                ethnicity=d.ethnicity or None,
                birth_date=d.birth_date,
                education=d.education,
                political_theory=d.political_theory,
                party_joined_on=d.party_joined_on,
                position_group=d.position_group,
                present=d.pk in seen,
                absence=None if absence is None else Absence(absence.reason, absence.approved),
                replaced_by=None if replaced is None else replaced.alternate.full_name,
                question=Question(d.question_issue, d.question_decision)
                if d.question_issue
                else None,
            )
        )
    return rows


def vote_session(election: Election) -> Session | None:
    """The session the vote is held in; until it is set, the congress's current session."""
    return election.session or election.congress.current_session


def _committee_of(election: Election) -> list[Delegate]:
    """The members of the new committee meeting to vote: the elected of its certified election."""
    body = (
        Body.INSPECTION_COMMITTEE
        if election.meeting == Meeting.INSPECTION_COMMITTEE_MEETING
        else Body.EXECUTIVE_COMMITTEE
    )
    elected: list[Delegate | None] = []
    sources = election.congress.elections.filter(body=body, state=Election.State.CERTIFIED)
    for source in sources.select_related("result"):
        codes = set(source.result.document.get("elected", []))
        elected += [
            c.delegate for c in source.candidates.select_related("delegate") if c.code in codes
        ]
    return [d for d in elected if d is not None]


def voters_of(election: Election) -> list[tuple[Delegate, Voter]]:
    """Everyone the vote's base is made of, with the facts R14 needs (by meeting kind)."""
    session = vote_session(election)
    meeting = Meeting(election.meeting)
    committee = meeting in (Meeting.COMMITTEE_MEETING, Meeting.INSPECTION_COMMITTEE_MEETING)
    people = (
        _committee_of(election)
        if committee
        else list(
            election.congress.delegates.select_related("absence", "replaced_by", "substitutes_for")
        )
    )
    attended: dict[int, set[int]] = {}
    sessions = Session.objects.filter(congress=election.congress)
    if session is not None and not committee:
        sessions = sessions.filter(order__lte=session.order)
    elif session is not None:
        sessions = sessions.filter(pk=session.pk)
    for delegate_id, session_id in Attendance.objects.filter(session__in=sessions).values_list(
        "delegate_id", "session_id"
    ):
        attended.setdefault(delegate_id, set()).add(session_id)
    voters = []
    for person in people:
        seen = attended.get(person.pk, set())
        absence = getattr(person, "absence", None)
        voters.append(
            (
                person,
                Voter(
                    key=str(person.pk),
                    official=committee or person.standing == Delegate.Standing.OFFICIAL,
                    committee_member=person.incumbent,
                    status=MemberStatus(person.member_status) if person.member_status else None,
                    attended_any=bool(seen),
                    present_at_vote=session is not None and session.pk in seen,
                    absence_approved=None if absence is None else absence.approved,
                    replaced=hasattr(person, "replaced_by"),
                    substituting=hasattr(person, "substitutes_for"),
                ),
            )
        )
    return voters


def derived_base(election: Election) -> tuple[DerivedElectorate, dict[str, str]]:
    """The electorate derived from attendance, and delegate key → name for the breakdown."""
    pairs = voters_of(election)
    names = {voter.key: person.full_name for person, voter in pairs}
    return derive_electorate(Meeting(election.meeting), [v for _, v in pairs]), names
