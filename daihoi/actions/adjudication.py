"""The counting board rules on a scanned ballot the reader doubted (R12 task 6; omr.md §5.4).

Two members of the board confirm each decision (omr.md §5.4): one proposes the mark of every row
in review (and may correct any other row), and for a ballot-level doubt (writing outside the
rows, no stamp, several inks) the ruling valid or invalid for a reason only the paper shows (R11:
not issued by the board, signed or marked); a different member confirms it, or sends it back to
review with a reason. Only the confirmation enters the ballot for the scanning team. Both names
and times are kept on the scanned ballot's record, never on a voter; nothing is ever written on
the image.
"""

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone

from daihoi.access import Permission, ensure
from daihoi.actions.audit import User, record_event
from daihoi.actions.entry import check_content, insert_entry, refuse_unless_open
from daihoi.actions.scan_records import ballot_content
from daihoi.actions.transactions import write_transaction
from daihoi.core.codes import PAPER_REASONS
from daihoi.db.models import Election, ScanBatch, ScannedBallot
from daihoi.errors import ActionError
from daihoi.labels import SCAN_DOUBTS
from daihoi.omr.reading import Mark, PageReading
from daihoi.queries.ballots import list_layout
from daihoi.queries.scans import ROW_MARKS, RULINGS, VALID, ballot_doubts, page_readings, person

#: the longest reason for sending a proposal back (a sentence or two)
REASON_MAX = 500


def scanned_or_error(scanned_id: UUID | str) -> ScannedBallot:
    try:
        return ScannedBallot.objects.select_related("election__congress").get(pk=scanned_id)
    except (ScannedBallot.DoesNotExist, ValueError, ValidationError):
        raise ActionError("scan_not_found", "scanned") from None


def _final_marks(
    readings: list[PageReading], rows: Mapping[int, str], allowed: frozenset[Mark]
) -> tuple[dict[int, Mark], list[int]]:
    """The board's mark where it gave one, else the reader's; and the rows it corrected."""
    proposed = {row.number: row.mark for reading in readings for row in reading.rows}
    for number in rows:
        if number not in proposed:
            raise ActionError("number_not_on_list", "rows", number=number, count=len(proposed))
    names = ", ".join(sorted(str(m) for m in allowed))
    final: dict[int, Mark] = {}
    corrected = []
    for number, reader_mark in sorted(proposed.items()):
        given = rows.get(number)
        if given is None:
            if reader_mark is Mark.REVIEW:
                raise ActionError("row_needs_decision", f"row_{number}", number=number)
            final[number] = reader_mark
            continue
        if given not in {str(m) for m in allowed}:
            raise ActionError(
                "mark_not_allowed", f"row_{number}", number=number, mark=given, allowed=names
            )
        final[number] = Mark(given)
        if reader_mark is not Mark.REVIEW and final[number] is not reader_mark:
            corrected.append(number)
    return final, corrected


def adjudicate(
    user: User, scanned_id: UUID | str, rows: Mapping[int, str], ruling: str | None
) -> ScannedBallot:
    """Propose the board's decision on a ballot waiting for review (the first of two members).

    `rows`: row number → mark (struck/kept, or agree/disagree/both/none), required for every
    row the reader put in review unless the ballot is ruled invalid. `ruling`: "valid",
    "not_issued_by_board" or "signed_or_marked", required when the reader doubted the ballot
    itself (R11; the content is then `{"invalid": reason}`). The ballot stays in review until
    another member confirms (`confirm_decision`).
    """
    scanned = scanned_or_error(scanned_id)
    election = scanned.election
    ensure(user, Permission.ENTER_BALLOTS, election.congress_id)
    refuse_unless_open(election)
    if scanned.state != ScannedBallot.State.REVIEW:
        raise ActionError("scan_not_in_review", "scanned", state=scanned.state)
    readings = page_readings(scanned)
    doubts = ballot_doubts(readings)
    if ruling is not None and ruling not in RULINGS:
        raise ActionError("unknown_ruling", "ruling", ruling=ruling, allowed=", ".join(RULINGS))
    if doubts and ruling is None:
        words = "; ".join(SCAN_DOUBTS.get(d, (d, d))[0] for d in doubts)
        raise ActionError("ruling_required", "ruling", doubts=words)
    layout = list_layout(election)
    codes = dict(election.candidates.values_list("number", "code"))
    decision: dict[str, Any] = {"ruling": ruling or VALID}
    if ruling in PAPER_REASONS:
        content: dict[str, Any] = {"invalid": ruling}
        allowed = {str(m) for m in ROW_MARKS[layout]}  # what the member noted, if anything
        decision["rows"] = {str(n): m for n, m in sorted(rows.items()) if m in allowed}
    else:
        final, corrected = _final_marks(readings, rows, ROW_MARKS[layout])
        content = ballot_content(layout, codes, final)
        decision["rows"] = {str(n): str(mark) for n, mark in final.items()}
        decision["corrected"] = corrected
    check_content(election, content)
    decision["content"] = content
    with write_transaction():
        locked = _locked_in_review(election, scanned)
        if locked.proposed_by_id is not None:  # another member proposed meanwhile
            raise ActionError(
                "scan_already_proposed",
                "scanned",
                sheet=locked.sheet,
                person=person(locked.proposed_by),
            )
        returned = locked.decision.get("returned", [])
        locked.decision = {**decision, "returned": returned} if returned else decision
        locked.proposed_by = user
        locked.proposed_at = timezone.now()
        locked.save(update_fields=["decision", "proposed_by", "proposed_at"])
        record_event(
            user,
            "propose_scan",
            election.congress,
            election=election.pk,
            scanned=str(locked.pk),
            team=locked.team,
            sheet=locked.sheet,
            ruling=decision["ruling"],
            corrected=decision.get("corrected", []),
        )
        return locked


def _locked_in_review(election: Election, scanned: ScannedBallot) -> ScannedBallot:
    """The scanned ballot locked for this transaction, refused unless the election is open and
    the ballot still waits for the board (another member may have acted meanwhile)."""
    # no join under the lock: PostgreSQL cannot lock the nullable side of an outer join
    locked = ScannedBallot.objects.select_for_update().get(pk=scanned.pk)
    election.state = Election.objects.values_list("state", flat=True).get(pk=election.pk)
    refuse_unless_open(election)
    if locked.state != ScannedBallot.State.REVIEW:
        raise ActionError("scan_not_in_review", "scanned", state=locked.state)
    return locked


def _proposal_of(user: User, scanned_id: UUID | str) -> tuple[Election, ScannedBallot]:
    scanned = scanned_or_error(scanned_id)
    election = scanned.election
    ensure(user, Permission.ENTER_BALLOTS, election.congress_id)
    refuse_unless_open(election)
    return election, scanned


def confirm_decision(user: User, scanned_id: UUID | str) -> ScannedBallot:
    """A second member of the board confirms the proposal (omr.md §5.4: "Two board members
    confirm each decision"); only now is the ballot entered for the scanning team. The member
    who proposed it cannot confirm it."""
    election, scanned = _proposal_of(user, scanned_id)
    with write_transaction():
        locked = _locked_in_review(election, scanned)
        if locked.proposed_by_id is None:
            raise ActionError("scan_not_proposed", "scanned", sheet=locked.sheet)
        if locked.proposed_by_id == user.pk:
            raise ActionError("confirm_own_proposal", "scanned")
        content = locked.decision["content"]
        check_content(election, content)  # the list cannot change while open; checked again
        assert locked.sheet is not None
        # the person who scanned the paper counts as its enterer (repeated entry: two people)
        scanner = ScanBatch.objects.get(pk=locked.batch_id).scanned_by
        entry = insert_entry(scanner, election.pk, locked.team, locked.sheet, content)
        locked.state = ScannedBallot.State.CONFIRMED
        locked.decided_by = user
        locked.decided_at = timezone.now()
        locked.entry = entry
        locked.save(update_fields=["state", "decided_by", "decided_at", "entry"])
        record_event(
            user,
            "confirm_scan",
            election.congress,
            election=election.pk,
            scanned=str(locked.pk),
            team=locked.team,
            sheet=locked.sheet,
            ruling=locked.decision["ruling"],
            corrected=locked.decision.get("corrected", []),
            proposed_by=person(locked.proposed_by),
        )
        return locked


def return_decision(user: User, scanned_id: UUID | str, reason: str) -> ScannedBallot:
    """Send a proposal back to review with the reason (a second member who reads the paper
    otherwise, or the proposer withdrawing it); the proposal is kept in the record's history."""
    election, scanned = _proposal_of(user, scanned_id)
    reason = " ".join(reason.split())
    if not reason or len(reason) > REASON_MAX:
        raise ActionError("return_reason_required", "reason")
    with write_transaction():
        locked = _locked_in_review(election, scanned)
        if locked.proposed_by_id is None:
            raise ActionError("scan_not_proposed", "scanned", sheet=locked.sheet)
        assert locked.proposed_at is not None
        proposer = person(locked.proposed_by)
        previous = {k: v for k, v in locked.decision.items() if k != "returned"}
        returned = [
            *locked.decision.get("returned", []),
            {
                "proposal": previous,
                "proposed_by": proposer,
                "proposed_at": locked.proposed_at.isoformat(),
                "returned_by": person(user),
                "returned_at": timezone.now().isoformat(),
                "reason": reason,
            },
        ]
        locked.decision = {"returned": returned}
        locked.proposed_by = None
        locked.proposed_at = None
        locked.save(update_fields=["decision", "proposed_by", "proposed_at"])
        record_event(
            user,
            "return_scan",
            election.congress,
            election=election.pk,
            scanned=str(locked.pk),
            team=locked.team,
            sheet=locked.sheet,
            proposed_by=proposer,
            reason=reason,
        )
        return locked
