"""Attendance on the day: check-in at the doors, absences, substitutions, the base of a vote.

A check-in is one insert guarded by the unique (session, delegate): two doors scanning the same
badge at once store one record, and the second answers "already checked in at …". The base of
every vote is derived from these records (R14); a person may correct a figure only with a
written reason, and every change goes to the audit log.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q

from daihoi.access import Permission, ensure
from daihoi.actions.audit import User, record_event
from daihoi.actions.limits import fits
from daihoi.actions.transactions import write_transaction
from daihoi.core.attendance import (
    holds_a_seat,
)
from daihoi.core.vi.text import nfc
from daihoi.db.models import (
    Absence,
    Attendance,
    Congress,
    Delegate,
    Election,
    Session,
    Substitution,
)
from daihoi.documents.badges import BADGE_PREFIX
from daihoi.errors import ActionError
from daihoi.queries.attendance import derived_base, vote_session


@dataclass(frozen=True)
class CheckIn:
    """What the door shows: who, and whether this scan recorded anything new."""

    delegate: Delegate
    session: Session
    at: datetime
    new: bool
    note: str = ""  # e.g. an alternate not (yet) replacing anyone
    #: whether this person is counted present (`holds_a_seat`): a replaced official is not
    counted: bool = True
    #: the reason of an absence recorded for the whole congress, which the door offers to withdraw
    absence: str = ""


def token_from_scan(text: str) -> str:
    """The token in what a camera or handheld scanner read ("DH:…", or the bare token)."""
    text = text.strip()
    return text.removeprefix(BADGE_PREFIX).strip()


def current_session(congress: Congress) -> Session:
    session = congress.current_session
    if session is None:
        raise ActionError("no_current_session")
    return session


def check_in(
    user: User | None,
    congress: Congress,
    *,
    token: str = "",
    delegate_id: int | None = None,
    door: str = "",
) -> CheckIn:
    """Mark the delegate present for the congress's current session, once."""
    ensure(user, Permission.CHECK_IN, congress.pk)
    session = current_session(congress)
    found = Delegate.objects.filter(congress=congress)
    if delegate_id is not None:
        found = found.filter(pk=delegate_id)
    else:
        found = found.filter(badge_token=token_from_scan(token))
    delegate = found.select_related("replaced_by", "substitutes_for", "absence").first()
    if delegate is None:
        raise ActionError("badge_unknown", "token")
    note = _note(delegate)
    counted = holds_a_seat(
        official=delegate.standing == Delegate.Standing.OFFICIAL,
        replaced=hasattr(delegate, "replaced_by"),
        substituting=hasattr(delegate, "substitutes_for"),
    )
    recorded = getattr(delegate, "absence", None)
    absence = recorded.reason if recorded is not None and counted else ""
    with write_transaction():
        try:
            with transaction.atomic():
                attendance = Attendance.objects.create(
                    session=session, delegate=delegate, door=door[:40], recorded_by=user
                )
        except IntegrityError:
            earlier = Attendance.objects.get(session=session, delegate=delegate)
            return CheckIn(
                delegate,
                session,
                earlier.at,
                new=False,
                note=note,
                counted=counted,
                absence=absence,
            )
        record_event(
            user, "check_in", congress, delegate=delegate.pk, session=session.pk, door=door
        )
    return CheckIn(
        delegate, session, attendance.at, new=True, note=note, counted=counted, absence=absence
    )


def _note(delegate: Delegate) -> str:
    if delegate.standing == Delegate.Standing.ALTERNATE and not hasattr(
        delegate, "substitutes_for"
    ):
        return "alternate_not_substituting"
    if hasattr(delegate, "replaced_by"):
        return "official_replaced"
    return ""


def set_current_session(user: User, congress: Congress, session_id: int) -> Session:
    with write_transaction():
        ensure(user, Permission.MANAGE_CONGRESS, congress.pk)
        session = Session.objects.get(pk=session_id, congress=congress)
        Congress.objects.filter(pk=congress.pk).update(current_session=session)
        congress.current_session = session
        record_event(user, "set_current_session", congress, session=session.pk)
        return session


def record_absence(
    user: User, congress: Congress, delegate_id: int, reason: str, *, approved: bool
) -> Absence:
    """An absence with its reason; the convening committee's approval changes the base (R14)."""
    reason = fits(nfc(reason), Absence, "reason")
    if not reason:
        raise ActionError("reason_required", "reason")
    with write_transaction():
        ensure(user, Permission.MANAGE_CONGRESS, congress.pk)
        delegate = Delegate.objects.get(pk=delegate_id, congress=congress)
        absence, _ = Absence.objects.update_or_create(
            delegate=delegate,
            defaults={"reason": reason, "approved": approved, "recorded_by": user},
        )
        record_event(
            user,
            "record_absence",
            congress,
            delegate=delegate.pk,
            reason=reason,
            approved=approved,
        )
        return absence


def withdraw_absence(user: User, congress: Congress, delegate_id: int) -> bool:
    """Withdraw the absence recorded for someone who came after all (asked at the door).

    Returns False when there was none (already withdrawn by another door): nothing to do.
    """
    with write_transaction():
        ensure(user, Permission.CHECK_IN, congress.pk)
        absence = Absence.objects.filter(
            delegate__pk=delegate_id, delegate__congress=congress
        ).first()
        if absence is None:
            return False
        reason, approved = absence.reason, absence.approved
        absence.delete()
        record_event(
            user,
            "withdraw_absence",
            congress,
            delegate=delegate_id,
            reason=reason,
            approved=approved,
        )
        return True


def record_substitution(
    user: User, congress: Congress, official_id: int, alternate_id: int, reason: str = ""
) -> Substitution:
    """An alternate takes an absent official's place; both stay on record."""
    with write_transaction():
        ensure(user, Permission.MANAGE_CONGRESS, congress.pk)
        official = Delegate.objects.get(pk=official_id, congress=congress)
        alternate = Delegate.objects.get(pk=alternate_id, congress=congress)
        if official.standing != Delegate.Standing.OFFICIAL:
            raise ActionError("not_an_official", "official", name=official.full_name)
        if alternate.standing != Delegate.Standing.ALTERNATE:
            raise ActionError("not_an_alternate", "alternate", name=alternate.full_name)
        taken = Substitution.objects.filter(Q(official=official) | Q(alternate=alternate))
        if taken.exists():
            raise ActionError("already_substituted", "alternate", name=alternate.full_name)
        substitution = Substitution.objects.create(
            official=official,
            alternate=alternate,
            reason=fits(nfc(reason), Substitution, "reason"),
            recorded_by=user,
        )
        record_event(
            user,
            "record_substitution",
            congress,
            official=official.pk,
            alternate=alternate.pk,
            reason=substitution.reason,
        )
        return substitution


def record_question(
    user: User, congress: Congress, delegate_id: int, issue: str, decision: str
) -> Delegate:
    """A question about a delegate's credentials, and the decision on it (credentials report)."""
    issue = fits(nfc(issue), Delegate, "question_issue")
    decision = fits(nfc(decision), Delegate, "question_decision")
    if not issue:
        raise ActionError("reason_required", "issue")
    with write_transaction():
        ensure(user, Permission.MANAGE_CONGRESS, congress.pk)
        delegate = Delegate.objects.get(pk=delegate_id, congress=congress)
        delegate.question_issue, delegate.question_decision = issue, decision
        delegate.save(update_fields=["question_issue", "question_decision"])
        record_event(
            user,
            "record_credentials_question",
            congress,
            delegate=delegate.pk,
            issue=issue,
            decision=decision,
        )
        return delegate


# --- the base of a vote -------------------------------------------------------------------


def refuse_closed(election: Election) -> None:
    """A certified result or an appointed body is final: no write may change its election."""
    if election.state == Election.State.CERTIFIED:
        raise ActionError("election_certified")
    if election.state == Election.State.APPOINTED:
        raise ActionError("election_appointed")


def apply_derived_base(user: User, election_id: int, session_id: int | None = None) -> Election:
    """Write the derived summoned, deductions and present into the election (and the log).

    With `session_id`, the session of the vote is set first (one of the congress's sessions), in
    the same transaction: the state is read under the lock, so a certified election never moves.
    """
    with write_transaction():
        election = (
            Election.objects.select_for_update().select_related("congress").get(pk=election_id)
        )
        ensure(user, Permission.SETTLE_DIFFERENCES, election.congress_id)
        refuse_closed(election)
        if session_id is not None:
            chosen = Session.objects.filter(pk=session_id, congress=election.congress).first()
            if chosen is None:
                raise ActionError("unknown_session", "session")
            election.session = chosen
        derived, names = derived_base(election)
        electorate = derived.electorate
        session = vote_session(election)
        election.summoned = electorate.summoned
        election.present = electorate.present
        election.excluded_from_base = {str(k): n for k, n in electorate.excluded_from_base.items()}
        election.base_derivation = {
            "derived": {
                "session": session.name if session else "",
                "summoned": electorate.summoned,
                "present": electorate.present,
                "excluded_from_base": election.excluded_from_base,
                "deducted": {
                    str(k): sorted(names[key] for key in keys)
                    for k, keys in derived.deducted.items()
                },
                "absent_kept": {
                    reason: sorted(names[key] for key in keys)
                    for reason, keys in derived.absent_kept.items()
                },
            },
            "corrections": [],
        }
        election.acknowledgements = {}
        election.save()
        record_event(
            user,
            "derive_base",
            election.congress,
            election=election.pk,
            summoned=electorate.summoned,
            present=electorate.present,
            excluded=election.excluded_from_base,
            session=session.name if session else "",
        )
        return election
