"""The hall's screen: its read-only link, and what it shows (the organiser's choice), each
recorded in the audit log.

Without a choice the screen keeps the last certified result (or, before any, the election being
counted): opening the next election must not replace a result the hall is still reading.
"""

import secrets

from daihoi.access import Permission, ensure
from daihoi.actions.audit import User, record_event
from daihoi.actions.transactions import write_transaction
from daihoi.db.models import Congress, Election
from daihoi.errors import ActionError


def choose_projector_election(user: User, congress: Congress, election_id: int | None) -> None:
    """Show `election_id` on the projector, or (None) the last certified result by itself."""
    with write_transaction():
        ensure(user, Permission.MANAGE_CONGRESS, congress.pk)
        election = (
            None
            if election_id is None
            else Election.objects.filter(pk=election_id, congress=congress).first()
        )
        if election_id is not None and election is None:
            raise ActionError("unknown_election", "election", election=election_id)
        Congress.objects.filter(pk=congress.pk).update(projector_election=election)
        congress.projector_election = election
        record_event(user, "projector_show", congress, election=election_id)


def set_projector_link(user: User, congress: Congress, *, revoke: bool) -> None:
    """Make a new unguessable projector link (the old one stops working), or revoke it."""
    with write_transaction():
        ensure(user, Permission.MANAGE_CONGRESS, congress.pk)
        congress.projector_token = "" if revoke else secrets.token_urlsafe(24)
        congress.save(update_fields=["projector_token"])
        record_event(user, "projector_link", congress, revoked=revoke)
