"""Importing the delegate register from a workbook: checked in full, then stored all at once.

A workbook with any problem stores nothing; the preview lists every problem with its row and
column. The upload is kept in the data folder between the preview and the confirmation, so the
rows stored are exactly those previewed.
"""

import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection

from daihoi.access import Permission, ensure
from daihoi.actions.audit import User, record_event
from daihoi.actions.candidates import NameOnList, put_on_list
from daihoi.actions.transactions import write_transaction
from daihoi.db.models import Congress, Delegate, Election
from daihoi.errors import ActionError
from daihoi.imports.candidates import CandidateRow
from daihoi.imports.isolated import (
    PARSE_SECONDS,
    ParseFailedError,
    parse_candidates_against,
    parse_register_on,
    run_isolated,
)
from daihoi.imports.register import DelegateRow
from daihoi.imports.workbook import RowProblem

MAX_UPLOAD = 5 * 1024 * 1024
#: rows and problems a preview page shows (the rest are counted): a page of 5.000 rows took
#: seconds of the server's one process to render, and clerks save through that process
PREVIEW_LINES = 200


class _Shown:
    """The first rows and problems of a preview, and how many more there are."""

    rows: list[Any]
    problems: list[RowProblem]

    @property
    def shown_rows(self) -> list[Any]:
        return self.rows[:PREVIEW_LINES]

    @property
    def more_rows(self) -> int:
        return max(len(self.rows) - PREVIEW_LINES, 0)

    @property
    def shown_problems(self) -> list[RowProblem]:
        return self.problems[:PREVIEW_LINES]

    @property
    def more_problems(self) -> int:
        return max(len(self.problems) - PREVIEW_LINES, 0)


@dataclass(frozen=True)
class Preview(_Shown):
    """What the organiser sees before confirming: the rows, the problems, the upload's token."""

    rows: list[DelegateRow]
    problems: list[RowProblem]
    token: str


def _uploads() -> Path:
    folder = Path(settings.DATA_DIR) / "uploads"
    folder.mkdir(exist_ok=True)
    return folder


def _upload(token: str) -> Path:
    """The kept upload of a preview; refuses a token that is malformed or spent."""
    if not token or not token.replace("-", "").replace("_", "").isalnum():
        raise ActionError("upload_expired", "token")
    path = _uploads() / f"{token}.xlsx"
    if not path.exists():
        raise ActionError("upload_expired", "token")
    return path


def _parsed_register(data: bytes, on: date) -> tuple[list[DelegateRow], list[RowProblem]]:
    """The register's rows and problems, parsed off the server's process (imports.isolated)."""
    try:
        return run_isolated(parse_register_on, data, on)
    except ParseFailedError as failed:
        raise _unreadable(failed) from failed


def _parsed_candidates(
    data: bytes, register: list[DelegateRow]
) -> tuple[list[CandidateRow], list[RowProblem]]:
    try:
        return run_isolated(parse_candidates_against, data, register)
    except ParseFailedError as failed:
        raise _unreadable(failed) from failed


def _unreadable(failed: ParseFailedError) -> ActionError:
    if failed.code == "too_slow":
        return ActionError("upload_too_slow", "file", seconds=PARSE_SECONDS)
    return ActionError("upload_unreadable", "file")


def preview_register(congress: Congress, data: bytes) -> Preview:
    """Parse an uploaded register; keep it under a fresh token when it has no problem."""
    if len(data) > MAX_UPLOAD:
        raise ActionError("upload_too_large", "file", limit=MAX_UPLOAD // (1024 * 1024))
    rows, problems = _parsed_register(data, congress.starts_on)
    token = ""
    if not problems:
        token = secrets.token_urlsafe(16)
        (_uploads() / f"{token}.xlsx").write_bytes(data)
    return Preview(rows, problems, token)


def import_register(user: User, congress_id: int, token: str) -> int:
    """Store the previewed register: every row or none. Returns the number of delegates added."""
    ensure(user, Permission.MANAGE_CONGRESS, congress_id)
    path = _upload(token)
    # parsed before the transaction: on SQLite it holds the one writer's lock clerks save through
    starts_on = Congress.objects.values_list("starts_on", flat=True).get(pk=congress_id)
    rows, problems = _parsed_register(path.read_bytes(), starts_on)
    if problems:
        raise ActionError("upload_has_problems", "file", count=len(problems))
    # built before the transaction too: under it, only the checks and the insert
    delegates = [
        Delegate(
            congress_id=congress_id,
            full_name=r.full_name,
            birth_date=r.birth_date,
            gender=r.gender,
            ethnicity=r.ethnicity,
            education=r.education,
            political_theory=r.political_theory,
            party_joined_on=r.party_joined_on,
            position=r.position,
            unit=r.unit,
            kind=r.kind,
            incumbent=r.incumbent,
            standing=r.standing,
            delegation=r.delegation,
            seat=r.seat,
            position_group=r.position_group,
        )
        for r in rows
    ]
    sql, params = _insert_statement(delegates)
    with write_transaction():
        congress = Congress.objects.select_for_update().get(pk=congress_id)
        if congress.starts_on != starts_on:  # ages were measured on another day
            raise ActionError("upload_expired", "token")
        existing = set(congress.delegates.values_list("full_name", "birth_date"))
        clashes = [r for r in rows if (r.full_name, r.birth_date) in existing]
        if clashes:
            first = clashes[0]
            raise ActionError("delegate_exists", "file", row=first.row, name=first.full_name)
        _insert_all(sql, params)
        record_event(user, "import_register", congress, rows=len(rows), file=path.name)
    path.unlink(missing_ok=True)
    return len(rows)


def _insert_statement(delegates: list[Delegate]) -> tuple[str, list[list[Any]]]:
    """One INSERT and its rows of values, prepared before the write lock is taken.

    Django's bulk_create prepares every value while the transaction is open, which held the
    SQLite writer's lock (and so every clerk's save) for about a second for 5.000 delegates; an
    executemany of values prepared beforehand holds it for a fraction of that.
    """
    fields = [f for f in Delegate._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    # names from the model, quoted; every value is a parameter
    sql = (
        f"INSERT INTO {quote(Delegate._meta.db_table)} "  # noqa: S608
        f"({', '.join(quote(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    params = [
        [f.get_db_prep_save(f.pre_save(d, add=True), connection) for f in fields] for d in delegates
    ]
    return sql, params


def _insert_all(sql: str, params: list[list[Any]]) -> None:
    if params:
        with connection.cursor() as cursor:
            cursor.executemany(sql, params)


def _register_rows(election: Election) -> list[DelegateRow]:
    """The congress's delegates as rows a candidate list is matched against."""
    return [
        DelegateRow(
            row=0,
            full_name=d.full_name,
            birth_date=d.birth_date,
            gender=d.gender,
            ethnicity="",
            education="",
            political_theory="",
            party_joined_on=None,
            position="",
            unit="",
            kind=d.kind,
            incumbent=d.incumbent,
        )
        for d in election.congress.delegates.all()
        if d.birth_date is not None
    ]


@dataclass(frozen=True)
class CandidatePreview(_Shown):
    """The list as read, its problems, and the upload's token when it has none."""

    rows: list[CandidateRow]
    problems: list[RowProblem]
    token: str


def preview_candidates(election: Election, data: bytes) -> CandidatePreview:
    """Parse an uploaded list against the register; keep it under a token when clean."""
    if len(data) > MAX_UPLOAD:
        raise ActionError("upload_too_large", "file", limit=MAX_UPLOAD // (1024 * 1024))
    rows, problems = _parsed_candidates(data, _register_rows(election))
    token = ""
    if not problems:
        token = secrets.token_urlsafe(16)
        (_uploads() / f"{token}.xlsx").write_bytes(data)
    return CandidatePreview(rows, problems, token)


def import_candidates(user: User, election_id: int, token: str) -> int:
    """Replace a list still in set-up with the previewed workbook: all or nothing.

    Names that are delegates of the congress (same name and date of birth) are linked to their
    register entry. Returns the number of names on the new list.
    """
    election = Election.objects.select_related("congress").get(pk=election_id)
    ensure(user, Permission.MANAGE_CONGRESS, election.congress_id)
    path = _upload(token)
    rows, problems = _parsed_candidates(path.read_bytes(), _register_rows(election))
    if problems:
        raise ActionError("upload_has_problems", "file", count=len(problems))
    with write_transaction():
        election = Election.objects.select_for_update().get(pk=election_id)
        if election.state != Election.State.SETUP:
            raise ActionError("election_not_in_setup")
        delegates = {(d.full_name, d.birth_date): d for d in election.congress.delegates.all()}
        election.candidates.all().delete()
        put_on_list(
            election,
            [
                NameOnList(
                    r.full_name,
                    r.birth_date,
                    r.gender,
                    r.ethnicity,
                    r.incumbent,
                    delegates.get((r.full_name, r.birth_date)),
                )
                for r in rows
            ],
        )
        record_event(
            user, "import_candidates", election.congress, election=election.pk, candidates=len(rows)
        )
    path.unlink(missing_ok=True)
    return len(rows)
