"""Printing an election's ballot papers: refused until the list is approved, audited each time.

What the paper shows comes from `queries.ballots.ballot_spec`, the one place an election becomes
a ballot (R7, R8), which the scanner reads back too: a scan can only match the paper printed from
the same list, round and mode.
"""

from daihoi.access import Permission, ensure
from daihoi.actions.audit import User, record_event
from daihoi.actions.transactions import write_transaction
from daihoi.db.models import Election
from daihoi.errors import ActionError
from daihoi.omr.ballot_pdf import ballot_pdf
from daihoi.omr.layout import PAPERS
from daihoi.queries.ballots import ballot_spec, placed_ballot

MAX_COPIES = 2000


def _refuse_unless_printable(election: Election) -> None:
    if election.state == Election.State.CERTIFIED:
        raise ActionError("election_certified")
    if election.state == Election.State.APPOINTED:
        raise ActionError("election_appointed")
    if not election.candidates.exists():
        raise ActionError("list_empty")
    if not election.list_approval.strip():
        raise ActionError("list_not_approved")


def print_ballots(user: User | None, election_id: int, paper: str, copies: int) -> bytes:
    """`copies` identical ballots of the approved list as one PDF (R8; omr.md §5.2).

    Refused before the congress approved the list (R5: "biểu quyết thông qua danh sách bầu
    cử"), for an empty list, or once the result is certified. Every printing is audited.
    """
    if paper not in PAPERS:
        raise ActionError("unknown_paper", "paper", paper=paper, papers=", ".join(PAPERS))
    if not 1 <= copies <= MAX_COPIES:
        raise ActionError("copies_out_of_range", "copies", copies=copies, most=MAX_COPIES)
    election = election_or_error(election_id)
    ensure(user, Permission.PRINT_BALLOTS, election.congress_id)
    _refuse_unless_printable(election)
    layout = placed_ballot(ballot_spec(election, paper))
    data = ballot_pdf(layout, copies)
    with write_transaction():
        record_event(
            user,
            "print_ballots",
            election.congress,
            election=election.pk,
            paper=paper,
            copies=copies,
            pages=len(layout.pages),
            fingerprint=layout.fingerprint,
        )
    return data


def election_or_error(election_id: int) -> Election:
    """The election with its congress and organisation, or an error naming the id."""
    try:
        return Election.objects.select_related("congress__organisation").get(pk=election_id)
    except Election.DoesNotExist:
        raise ActionError("unknown_election", "election", election=election_id) from None
