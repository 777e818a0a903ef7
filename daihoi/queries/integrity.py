"""Checking the stored record against itself: the audit chain, and each certified result
against its frozen election file, the certifying event and the ballot entries.

The result page, the projector and the workbook show what `recount` gives (the frozen file
counted again), never the stored document, and refuse when it reports any finding.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from daihoi.core.audit_chain import ChainBreak, ChainedEvent, walk
from daihoi.core.counting import count_checked
from daihoi.db.mappers import core_election
from daihoi.db.models import AuditEvent, Election, Result
from daihoi.interchange.election_file import ElectionFileError, load_election
from daihoi.interchange.election_writer import election_document, fingerprint
from daihoi.interchange.result_file import result_document
from daihoi.queries.entries import entered_by_team, settled


@dataclass(frozen=True)
class Mismatch:
    """One mismatch: a code of the catalogue's INTEGRITY_FINDINGS and its values."""

    code: str
    values: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Recount:
    """A certified result counted again from its frozen file: the document to show (None when
    the file cannot be read) and every finding that makes it untrustworthy."""

    document: dict[str, Any] | None
    findings: tuple[Mismatch, ...]

    @property
    def trustworthy(self) -> bool:
        return self.document is not None and not self.findings


def chain_breaks() -> list[ChainBreak]:
    """Every break of the audit chain, walking the events in id order."""
    events = (
        ChainedEvent(e.pk, e.previous_hash, e.hash, e.chain_content())
        for e in AuditEvent.objects.order_by("id").iterator()
    )
    return walk(events)


def _as_json(value: object) -> object:
    return json.loads(json.dumps(value))


def _certified_by_chain(result: Result) -> bool:
    """The certifying event is in the log, for this election and this file's SHA-256."""
    if not result.audit_hash:
        return False
    event = AuditEvent.objects.filter(hash=result.audit_hash, action="certify_result").first()
    return (
        event is not None
        and isinstance(event.details, dict)
        and event.details.get("election") == result.election_id
        and event.details.get("sha256") == result.sha256
    )


def recount(result: Result) -> Recount:
    """The result recounted from its frozen file, checked against the stored fingerprint, the
    stored document and the certifying audit event (cheap enough for every page view)."""
    findings: list[Mismatch] = []
    if fingerprint(result.election_file) != result.sha256:
        findings.append(Mismatch("file_fingerprint"))
    if not _certified_by_chain(result):
        findings.append(Mismatch("certification_missing"))
    try:
        parsed = load_election(result.election_file)
    except ElectionFileError:
        return Recount(None, (*findings, Mismatch("file_unreadable")))
    document = result_document(count_checked(parsed.checked))
    if _as_json(document) != _as_json(result.document):
        findings.append(Mismatch("document_differs"))
    return Recount(document, tuple(findings))


def entry_findings(election: Election) -> list[Mismatch]:
    """The entries and rulings in the database against the ballots of the frozen file: an entry
    edited, added or deleted after certification shows here."""
    findings: list[Mismatch] = []
    findings += [
        Mismatch(
            "entries_count",
            {"team": team, "entered": entered, "collected": election.ballots_collected},
        )
        for team, entered in entered_by_team(election).items()
        if entered != election.ballots_collected
    ]
    ballots, open_differences = settled(election)
    if open_differences:
        findings.append(Mismatch("differences_reopened", {"count": len(open_differences)}))
    core = core_election(election, [ballots[sheet] for sheet in sorted(ballots)])
    stored = election_document(core, "", {})["ballots"]
    try:
        frozen = json.loads(election.result.election_file).get("ballots", [])
    except (ValueError, AttributeError):
        return findings  # the file itself is reported by `recount`
    in_db = Counter(json.dumps(b, sort_keys=True) for b in stored)
    in_file = Counter(json.dumps(b, sort_keys=True) for b in frozen)
    missing = sum((in_file - in_db).values())
    extra = sum((in_db - in_file).values())
    if missing or extra:
        findings.append(Mismatch("entries_differ", {"missing": missing, "extra": extra}))
    return findings


def certified_results() -> list[Result]:
    return list(
        Result.objects.select_related("election__congress__organisation").order_by("election_id")
    )
