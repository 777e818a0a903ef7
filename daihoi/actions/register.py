"""Importing the delegate register from a workbook: checked in full, then stored all at once.

A workbook with any error stores nothing; the preview lists every problem with its sheet, row
and column, every clash with delegates already stored, the rows set aside and the columns not
used. Every upload is kept in the data folder under a token with the person's day/month
choices, so a re-reading with other choices needs no new upload and the rows stored are
exactly those previewed.
"""

import json
import secrets
from collections.abc import Mapping
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
from daihoi.core.vi.spelling import match_key
from daihoi.db.models import Congress, Delegate, Election
from daihoi.errors import ActionError
from daihoi.imports.candidates import CandidateRow
from daihoi.imports.isolated import (
    PARSE_SECONDS,
    ParseFailedError,
    read_candidates_against,
    read_register_on,
    run_isolated,
)
from daihoi.imports.reading import Reading
from daihoi.imports.register import DelegateRow
from daihoi.imports.workbook import Place, RowProblem

MAX_UPLOAD = 5 * 1024 * 1024
#: rows and problems a preview page shows (the rest are counted): a page of 5.000 rows took
#: seconds of the server's one process to render, and clerks save through that process
PREVIEW_LINES = 200
#: where stored names carry the tone of an open oa/oe/uy (core.vi.spelling), the congress's choice
PLACEMENTS = ("old", "new")


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

    @property
    def importable(self) -> bool:
        """No problem is an error (warnings are shown, and do not stop the import)."""
        return not any(not p.warning for p in self.problems)


@dataclass(frozen=True)
class Preview(_Shown):
    """What the organiser sees before confirming: the rows, the problems (those of the file and
    every clash with the stored register), the upload's token, and the whole reading."""

    rows: list[DelegateRow]
    problems: list[RowProblem]
    token: str
    reading: Reading[DelegateRow]


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


def _keep(data: bytes, orders: Mapping[str, str]) -> str:
    """Keep an upload (clean or not) and the day/month choices read with it; its new token."""
    token = secrets.token_urlsafe(16)
    (_uploads() / f"{token}.xlsx").write_bytes(data)
    _remember(token, orders)
    return token


def _remember(token: str, orders: Mapping[str, str]) -> None:
    chosen = {k: v for k, v in orders.items() if v in ("dmy", "mdy")}
    (_uploads() / f"{token}.json").write_text(json.dumps(chosen), encoding="utf-8")


def _orders(token: str) -> dict[str, str]:
    """The day/month choices kept with an upload."""
    path = _uploads() / f"{token}.json"
    if not path.exists():
        return {}
    kept = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in kept.items()} if isinstance(kept, dict) else {}


def _spend(path: Path) -> None:
    path.unlink(missing_ok=True)
    path.with_suffix(".json").unlink(missing_ok=True)


def _read_register(
    data: bytes, on: date, orders: Mapping[str, str], placement: str
) -> Reading[DelegateRow]:
    """The register's reading, parsed off the server's process (imports.isolated)."""
    try:
        return run_isolated(read_register_on, data, on, dict(orders), placement)
    except ParseFailedError as failed:
        raise _unreadable(failed) from failed


def _read_candidates(
    data: bytes, register: list[DelegateRow], orders: Mapping[str, str], placement: str
) -> Reading[CandidateRow]:
    try:
        return run_isolated(read_candidates_against, data, register, dict(orders), placement)
    except ParseFailedError as failed:
        raise _unreadable(failed) from failed


def _unreadable(failed: ParseFailedError) -> ActionError:
    if failed.code == "too_slow":
        return ActionError("upload_too_slow", "file", seconds=PARSE_SECONDS)
    return ActionError("upload_unreadable", "file")


def _stored_people(congress_id: int) -> set[tuple[str, date | None]]:
    """The delegates already stored, as a row would match them: name by match_key, birth date."""
    rows = Delegate.objects.filter(congress_id=congress_id).values_list("full_name", "birth_date")
    return {(match_key(name), born) for name, born in rows}


def _clashes(congress_id: int, reading: Reading[DelegateRow]) -> list[RowProblem]:
    """Every row that is a delegate already stored (same name by match_key, same birth date)."""
    stored = _stored_people(congress_id)
    named = len({r.sheet for r in reading.rows}) > 1
    return [
        Place(r.sheet, named).problem(
            r.row, "Họ và tên", "already_stored", name=r.full_name, born=f"{r.birth_date:%d/%m/%Y}"
        )
        for r in reading.rows
        if (match_key(r.full_name), r.birth_date) in stored
    ]


def _preview(congress: Congress, data: bytes, token: str, orders: Mapping[str, str]) -> Preview:
    reading = _read_register(data, congress.starts_on, orders, congress.name_tone_placement)
    problems = reading.problems + _clashes(congress.pk, reading)
    return Preview(reading.rows, problems, token, reading)


def preview_register(
    congress: Congress, data: bytes, *, date_orders: Mapping[str, str] | None = None
) -> Preview:
    """Read an uploaded register and keep it under a fresh token, clean or not."""
    if len(data) > MAX_UPLOAD:
        raise ActionError("upload_too_large", "file", limit=MAX_UPLOAD // (1024 * 1024))
    orders = dict(date_orders or {})
    return _preview(congress, data, _keep(data, orders), orders)


def repreview_register(congress: Congress, token: str, date_orders: Mapping[str, str]) -> Preview:
    """Read the kept upload again with the person's day/month choices, and remember them."""
    path = _upload(token)
    orders = _orders(token) | dict(date_orders)
    _remember(token, orders)
    return _preview(congress, path.read_bytes(), token, orders)


def import_register(user: User, congress_id: int, token: str) -> int:
    """Store the previewed register: every row or none. Returns the number of delegates added."""
    ensure(user, Permission.MANAGE_CONGRESS, congress_id)
    path = _upload(token)
    # parsed before the transaction: on SQLite it holds the one writer's lock clerks save through
    starts_on, placement = Congress.objects.values_list("starts_on", "name_tone_placement").get(
        pk=congress_id
    )
    reading = _read_register(path.read_bytes(), starts_on, _orders(token), placement)
    if reading.errors:
        raise ActionError("upload_has_problems", "file", count=len(reading.errors))
    rows = reading.rows
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
            party_official_on=r.party_official_on,
            birth_year_only=r.birth_year_only,
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
        existing = _stored_people(congress.pk)
        clashes = [r for r in rows if (match_key(r.full_name), r.birth_date) in existing]
        if clashes:
            first = clashes[0]
            raise ActionError("delegate_exists", "file", row=first.row, name=first.full_name)
        _insert_all(sql, params)
        record_event(user, "import_register", congress, rows=len(rows), file=path.name)
    _spend(path)
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
    """The list as read (each row with its register link), its problems, the upload's token."""

    rows: list[CandidateRow]
    problems: list[RowProblem]
    token: str
    reading: Reading[CandidateRow]


def preview_candidates(
    election: Election, data: bytes, *, date_orders: Mapping[str, str] | None = None
) -> CandidatePreview:
    """Read an uploaded list against the register; keep it under a token, clean or not."""
    if len(data) > MAX_UPLOAD:
        raise ActionError("upload_too_large", "file", limit=MAX_UPLOAD // (1024 * 1024))
    orders = dict(date_orders or {})
    reading = _read_candidates(
        data, _register_rows(election), orders, election.congress.name_tone_placement
    )
    return CandidatePreview(reading.rows, reading.problems, _keep(data, orders), reading)


def repreview_candidates(
    election: Election, token: str, date_orders: Mapping[str, str]
) -> CandidatePreview:
    """Read the kept list again with the person's day/month choices, and remember them."""
    path = _upload(token)
    orders = _orders(token) | dict(date_orders)
    _remember(token, orders)
    reading = _read_candidates(
        path.read_bytes(), _register_rows(election), orders, election.congress.name_tone_placement
    )
    return CandidatePreview(reading.rows, reading.problems, token, reading)


def import_candidates(user: User, election_id: int, token: str) -> int:
    """Replace a list still in set-up with the previewed workbook: all or nothing.

    Names that are delegates of the congress (same name by `match_key`, same date of birth)
    are linked to their register entry. Returns the number of names on the new list.
    """
    election = Election.objects.select_related("congress").get(pk=election_id)
    ensure(user, Permission.MANAGE_CONGRESS, election.congress_id)
    path = _upload(token)
    reading = _read_candidates(
        path.read_bytes(),
        _register_rows(election),
        _orders(token),
        election.congress.name_tone_placement,
    )
    if reading.errors:
        raise ActionError("upload_has_problems", "file", count=len(reading.errors))
    rows = reading.rows
    with write_transaction():
        election = Election.objects.select_for_update().get(pk=election_id)
        if election.state != Election.State.SETUP:
            raise ActionError("election_not_in_setup")
        delegates = {
            (match_key(d.full_name), d.birth_date): d for d in election.congress.delegates.all()
        }
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
                    delegates.get((match_key(r.full_name), r.birth_date)),
                )
                for r in rows
            ],
        )
        record_event(
            user, "import_candidates", election.congress, election=election.pk, candidates=len(rows)
        )
    _spend(path)
    return len(rows)


def set_name_spelling(user: User, congress_id: int, placement: str) -> None:
    """Where names read from workbooks from now on carry the tone of an open oa/oe/uy: "old"
    (Hòa, Khỏe, Thủy) or "new" (Hoà, Khoẻ, Thuỷ). Names already stored keep their spelling."""
    if placement not in PLACEMENTS:
        raise ActionError("unknown_name_spelling", "placement", value=placement)
    with write_transaction():
        congress = Congress.objects.select_for_update().get(pk=congress_id)
        ensure(user, Permission.MANAGE_CONGRESS, congress.pk)
        congress.name_tone_placement = placement
        congress.save(update_fields=["name_tone_placement"])
        record_event(user, "name_spelling", congress, placement=placement)
