"""The congress's vote approving an election list: the step before any ballot may be printed (R5).

The vote is recorded as its figures and date and stored as the sentence the minutes and the
election page print. Once a ballot is printed or entered the list's approval can no longer change:
the papers in the hall were printed from it.
"""

from dataclasses import dataclass
from datetime import date

from daihoi.access import Permission, ensure
from daihoi.actions.audit import User, record_event
from daihoi.actions.transactions import write_transaction
from daihoi.core.vi.formatting import format_date, format_int
from daihoi.db.models import AuditEvent, Election
from daihoi.errors import ActionError


@dataclass(frozen=True)
class ListVote:
    """How the congress voted on the list: for, against, delegates present, on which day."""

    votes_for: int
    against: int
    present: int
    held_on: date

    def sentence(self) -> str:
        """The text Election.list_approval holds, in the words of a congress's minutes."""
        return (
            f"{format_int(self.votes_for)}/{format_int(self.present)} đại biểu có mặt tán thành, "
            f"{format_int(self.against)} không tán thành ({format_date(self.held_on)})"
        )


def check_vote(vote: ListVote) -> None:
    """The figures must add up, and more than half of those present must approve."""
    negative = min(vote.votes_for, vote.against) < 0
    if negative or vote.present < 1 or vote.votes_for + vote.against > vote.present:
        raise ActionError(
            "list_vote_inconsistent",
            "present",
            votes_for=vote.votes_for,
            against=vote.against,
            present=vote.present,
        )
    if vote.votes_for * 2 <= vote.present:
        raise ActionError(
            "list_vote_not_carried", "votes_for", votes_for=vote.votes_for, present=vote.present
        )


def record_list_approval(user: User, election_id: int, vote: ListVote) -> Election:
    """Store the congress's approval of the list, with its audit event, in one transaction."""
    check_vote(vote)
    with write_transaction():
        election = (
            Election.objects.select_for_update().select_related("congress").get(pk=election_id)
        )
        ensure(user, Permission.MANAGE_CONGRESS, election.congress_id)
        printed = AuditEvent.objects.filter(
            action="print_ballots", details__election=election.pk
        ).exists()
        if election.state != Election.State.SETUP or printed or election.entries.exists():
            raise ActionError("list_approval_locked")
        election.list_approval = vote.sentence()
        election.save(update_fields=["list_approval"])
        record_event(
            user,
            "approve_list",
            election.congress,
            election=election.pk,
            votes_for=vote.votes_for,
            against=vote.against,
            present=vote.present,
            held_on=vote.held_on.isoformat(),
            list_approval=election.list_approval,
        )
        return election
