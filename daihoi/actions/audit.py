"""Writing the append-only audit log: who, when, what, chained to the event before.

Each event holds the hash of the previous event and of its own content (daihoi.core.audit_chain).
The last event is read and the new one written under a lock, so two writers cannot both chain
to the same event: SQLite's single writer lock (taken when the transaction begins, immediate
mode) and, on PostgreSQL, a transaction-scoped advisory lock.
"""

import json
from typing import Any

from django.contrib.auth.models import User
from django.db import connection, transaction
from django.utils import timezone

from daihoi.core.audit_chain import GENESIS, event_hash
from daihoi.db.models import AuditEvent, Congress

__all__ = ["User", "record_event"]

#: the PostgreSQL advisory lock key of the audit chain (any constant the application owns)
CHAIN_LOCK = 0x0DA1_401A


def _lock_chain() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])


def record_event(
    user: User | None, action: str, congress: Congress | None, **details: Any
) -> AuditEvent:
    """One audit event; called inside the action's transaction, so both land or neither."""
    with transaction.atomic():
        _lock_chain()
        last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
        event = AuditEvent(
            user=user,
            action=action,
            congress=congress,
            details=details,
            at=timezone.now(),
            previous_hash=last if last is not None else GENESIS,
        )
        # the hash covers the details as stored (JSON), not the Python values passed in
        event.details = _as_stored(details)
        event.hash = event_hash(event.previous_hash, event.chain_content())
        event.save()
        return event


def _as_stored(details: dict[str, Any]) -> Any:
    """The details as the JSON column gives them back (tuples become lists, keys strings)."""
    return json.loads(json.dumps(details))
