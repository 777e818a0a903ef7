"""The audit log as a hash chain: pure, standard library only.

Each event's hash covers the previous event's hash and the event's own canonical content (who,
when, action, congress, details), so an edited, deleted or reordered event breaks the chain at
a place that can be named: an edit changes the event's own hash, a deletion or a reordering
leaves the next event pointing at a hash that is not the one before it.
"""

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

#: the "previous hash" of the first event
GENESIS = "0" * 64


def canonical_content(
    user_id: int | None,
    at: datetime,
    action: str,
    congress_id: int | None,
    details: Mapping[str, object],
) -> bytes:
    """The bytes an event's hash covers: canonical JSON (sorted keys, UTC time to the
    microsecond), so the same event hashes the same on SQLite and PostgreSQL."""
    content = {
        "action": action,
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "congress": congress_id,
        "details": details,
        "user": user_id,
    }
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def event_hash(previous_hash: str, content: bytes) -> str:
    """SHA-256 of the previous hash and the content, in hex."""
    digest = hashlib.sha256()
    digest.update(previous_hash.encode("ascii"))
    digest.update(b"\n")
    digest.update(content)
    return digest.hexdigest()


@dataclass(frozen=True)
class ChainedEvent:
    """One stored event as the walk sees it: its number (id), the hashes stored with it and its
    content recomputed from its stored fields."""

    number: int
    previous_hash: str
    hash: str
    content: bytes


@dataclass(frozen=True)
class ChainBreak:
    """Where the chain does not hold: `edited` (the event's content no longer gives its hash)
    or `unlinked` (it does not follow the event before it: one deleted or moved)."""

    number: int
    kind: str


def walk(events: Iterable[ChainedEvent]) -> list[ChainBreak]:
    """Every break of the chain, in order; events are given in their stored order (by id)."""
    breaks: list[ChainBreak] = []
    expected_previous = GENESIS
    for event in events:
        if event.previous_hash != expected_previous:
            breaks.append(ChainBreak(event.number, "unlinked"))
        if event_hash(event.previous_hash, event.content) != event.hash:
            breaks.append(ChainBreak(event.number, "edited"))
        expected_previous = event.hash
    return breaks
