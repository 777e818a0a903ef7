"""Writing the append-only audit log: who, when, what."""

from typing import Any

from django.contrib.auth.models import User

from daihoi.db.models import AuditEvent, Congress

__all__ = ["User", "record_event"]


def record_event(user: User | None, action: str, congress: Congress | None, **details: Any) -> None:
    """One audit event; called inside the action's transaction, so both land or neither."""
    AuditEvent.objects.create(
        user=user,
        action=action,
        congress=congress,
        details=details,
    )
