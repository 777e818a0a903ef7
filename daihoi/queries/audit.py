"""The audit log as a person reads it: each event a sentence, ids turned into names."""

from dataclasses import dataclass
from datetime import datetime

from daihoi.db.models import AuditEvent, Congress, Delegate, Election, Session
from daihoi.labels import BODIES, audit_sentence, language, words


@dataclass(frozen=True)
class AuditRow:
    number: int
    at: datetime
    who: str
    sentence: str


def _election_name(election: Election) -> str:
    """ "bầu Ban Chấp hành (lần 2)" — the election as the board speaks of it."""
    body = words(BODIES, election.body)
    if language() == "en":
        title = f"the {body} election"
        return title if election.round == 1 else f"{title} (round {election.round})"
    title = f"bầu {body}"
    return title if election.round == 1 else f"{title} (lần {election.round})"


def audit_rows(congress: Congress, limit: int = 500) -> list[AuditRow]:
    """The latest events of a congress, newest first, as sentences."""
    events = list(
        AuditEvent.objects.filter(congress=congress).select_related("user").order_by("-id")[:limit]
    )
    names: dict[str, str] = {}
    for election in Election.objects.filter(congress=congress):
        names[f"election:{election.pk}"] = _election_name(election)
        names[f"created:{election.pk}"] = _election_name(election)
    for delegate in Delegate.objects.filter(congress=congress).only("pk", "full_name"):
        for key in ("delegate", "official", "alternate"):
            names[f"{key}:{delegate.pk}"] = delegate.full_name
    for session in Session.objects.filter(congress=congress):
        names[f"session:{session.pk}"] = session.name
    return [
        AuditRow(
            e.pk,
            e.at,
            e.user.get_username() if e.user else "—",
            audit_sentence(e.action, e.details, names),
        )
        for e in events
    ]
