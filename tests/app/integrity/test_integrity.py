"""Tampering shows (issue 11): the audit log is a hash chain, `daihoi verify` recounts every
certified result from its frozen file, and the result page, the projector and the workbook
refuse a result whose record does not hold. Each tampering is done as an intruder with the
database would do it (QuerySet.update, bulk delete, plain SQL), on SQLite and PostgreSQL."""

import itertools
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import NoReverseMatch, reverse

from daihoi.access import Role
from daihoi.actions.audit import record_event
from daihoi.actions.certify import certify_result
from daihoi.actions.entry import content_from_numbers, record_entry
from daihoi.actions.scan_records import sweep_orphans
from daihoi.actions.steps import switch_to_official
from daihoi.cli.verify import run_verify
from daihoi.core.audit_chain import GENESIS
from daihoi.db.models import AuditEvent, BallotEntry, Election, Result
from daihoi.queries.entries import ballot_codes
from daihoi.queries.integrity import chain_breaks
from daihoi.queries.orphans import LONGEST_REQUEST
from tests.app.members import member

POSTGRES = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL only: its trigger, two connections at once",
)


def certified(election: Election, board: User) -> Result:
    """9 ballots (6 keep An+Bình, 3 keep Bình+Cường), entered and certified by a clerk (the
    administrator `board`, an organiser, reads the pages)."""
    user = User.objects.create_user("kiemphieu", password="x")
    member(user, election.congress, Role.COUNTING_HEAD)  # the head: enters and certifies
    for sheet in range(1, 10):
        struck = [3] if sheet <= 6 else [1]
        record_entry(
            user,
            election.pk,
            1,
            sheet,
            content_from_numbers(ballot_codes(election), struck, struck=True),
        )
    return certify_result(user, election.pk)


@contextmanager
def as_intruder() -> Iterator[None]:
    """An intruder who owns the tables: on PostgreSQL they first switch off the audit table's
    trigger (as its owner may); the test's transaction undoes it."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending checks on the table
            cursor.execute("ALTER TABLE daihoi_auditevent DISABLE TRIGGER daihoi_audit_append_only")
    yield
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE daihoi_auditevent ENABLE TRIGGER daihoi_audit_append_only")


def verify(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = run_verify(None)
    return code, capsys.readouterr().out


@pytest.fixture
def board(db: None) -> User:
    return User.objects.create_superuser("quantri", password="x")


def test_each_event_chains_to_the_one_before(election: Election, board: User) -> None:
    certified(election, board)
    events = list(AuditEvent.objects.order_by("id"))
    assert events[0].previous_hash == GENESIS
    for before, after in itertools.pairwise(events):
        assert after.previous_hash == before.hash
    assert len({e.hash for e in events}) == len(events)
    assert chain_breaks() == []
    result = Result.objects.get(election=election)
    assert result.audit_hash == events[-1].hash
    assert events[-1].action == "certify_result"


def test_a_clean_record_verifies(
    election: Election, board: User, capsys: pytest.CaptureFixture[str]
) -> None:
    certified(election, board)
    code, out = verify(capsys)
    assert code == 0, out
    assert "KHỚP" in out
    assert "CLEAN" in out


def test_an_edited_event_is_named(
    election: Election, board: User, capsys: pytest.CaptureFixture[str]
) -> None:
    certified(election, board)
    target = AuditEvent.objects.filter(action="record_entry").order_by("id")[3]
    with as_intruder():
        AuditEvent.objects.filter(pk=target.pk).update(
            details={"election": election.pk, "sheet": 99}
        )
    code, out = verify(capsys)
    assert code == 1
    assert f"Sự kiện nhật ký số {target.pk} đã bị sửa" in out
    assert f"Audit event {target.pk} was changed" in out


def test_an_event_edited_with_sql_is_named(
    election: Election, board: User, capsys: pytest.CaptureFixture[str]
) -> None:
    certified(election, board)
    target = AuditEvent.objects.order_by("id")[1]
    with as_intruder(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE daihoi_auditevent SET action = %s WHERE id = %s", ["open_election", target.pk]
        )
    code, out = verify(capsys)
    assert code == 1
    assert f"số {target.pk} đã bị sửa" in out


def test_a_deleted_event_is_named_by_the_one_after_it(
    election: Election, board: User, capsys: pytest.CaptureFixture[str]
) -> None:
    certified(election, board)
    ids = list(AuditEvent.objects.order_by("id").values_list("id", flat=True))
    with as_intruder():
        AuditEvent.objects.filter(
            pk=ids[2]
        ).delete()  # a bulk delete: the model's refusal is skipped
    code, out = verify(capsys)
    assert code == 1
    assert f"Sự kiện nhật ký số {ids[3]} không nối tiếp" in out
    assert f"Audit event {ids[3]} does not follow" in out


def test_reordered_events_are_named(
    election: Election, board: User, capsys: pytest.CaptureFixture[str]
) -> None:
    certified(election, board)
    a, b = list(AuditEvent.objects.order_by("id").values_list("id", flat=True))[2:4]
    with as_intruder(), connection.cursor() as cursor:
        cursor.execute("UPDATE daihoi_auditevent SET id = %s WHERE id = %s", [-1, a])
        cursor.execute("UPDATE daihoi_auditevent SET id = %s WHERE id = %s", [a, b])
        cursor.execute("UPDATE daihoi_auditevent SET id = %s WHERE id = %s", [b, -1])
    code, out = verify(capsys)
    assert code == 1
    assert f"số {a} không nối tiếp" in out


def _nine_hundred_ninety_nine(result: Result) -> dict[str, object]:
    document = dict(result.document)
    document["candidates"] = [
        {**c, "votes": 999} if c["id"] == "c3" else c for c in document["candidates"]
    ]
    return document


def test_an_edited_stored_result_is_refused_everywhere(
    election: Election, board: User, capsys: pytest.CaptureFixture[str]
) -> None:
    result = certified(election, board)
    congress = election.congress
    congress.projector_token = "tok-integrity"
    congress.save()
    Result.objects.filter(pk=result.pk).update(document=_nine_hundred_ninety_nine(result))
    code, out = verify(capsys)
    assert code == 1
    assert "Kết quả đã lưu khác với kết quả kiểm lại" in out
    client = Client()
    client.force_login(board)
    page = client.get(reverse("result", args=[election.pk]))
    assert page.status_code == 409
    text = page.content.decode()
    assert "999" not in text
    assert "Kết quả đã lưu khác với kết quả kiểm lại" in text
    for kind in ("xlsx", "pdf", "txt"):
        refused = client.get(reverse("minutes", args=[election.pk, kind]))
        assert refused.status_code == 409, kind
        assert b"999" not in refused.content
    data = Client().get(reverse("projector_data", args=["tok-integrity"])).json()
    assert data["tampered"] is True
    assert "result" not in data
    assert "999" not in str(data)


def test_the_result_page_shows_the_recount_not_the_stored_document(
    election: Election, board: User
) -> None:
    result = certified(election, board)
    client = Client()
    client.force_login(board)
    text = client.get(reverse("result", args=[election.pk])).content.decode()
    assert "Nguyễn Văn An" in text
    # a stored document with its figures removed: the page still shows the recount's
    Result.objects.filter(pk=result.pk).update(document={})
    assert client.get(reverse("result", args=[election.pk])).status_code == 409


def test_an_edited_election_file_is_refused(
    election: Election, board: User, capsys: pytest.CaptureFixture[str]
) -> None:
    result = certified(election, board)
    edited = result.election_file.replace('"c3"', '"c1"', 1)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE daihoi_result SET election_file = %s WHERE id = %s", [edited, result.pk]
        )
    code, out = verify(capsys)
    assert code == 1
    assert "không còn đúng mã SHA-256" in out
    client = Client()
    client.force_login(board)
    assert client.get(reverse("result", args=[election.pk])).status_code == 409


def test_an_entry_edited_after_certification_is_detected(
    election: Election, board: User, capsys: pytest.CaptureFixture[str]
) -> None:
    certified(election, board)
    BallotEntry.objects.filter(election=election, sheet=1).update(content={"kept": ["c3", "c1"]})
    code, out = verify(capsys)
    assert code == 1
    assert "1 phiếu không còn, 1 phiếu lạ" in out
    assert "1 ballots gone, 1 ballots not in it" in out


def test_an_entry_deleted_after_certification_is_detected(
    election: Election, board: User, capsys: pytest.CaptureFixture[str]
) -> None:
    certified(election, board)
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM daihoi_ballotentry WHERE election_id = %s AND sheet = 9", [election.pk]
        )
    code, out = verify(capsys)
    assert code == 1
    assert "Nhóm nhập 1 có 8 phiếu, khác số phiếu thu về (9)" in out
    assert "1 phiếu không còn, 0 phiếu lạ" in out


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_orphaned_files_are_listed_and_swept(
    election: Election, board: User, capsys: pytest.CaptureFixture[str]
) -> None:
    certified(election, board)
    data = Path(settings.DATA_DIR)
    (data / "scans").mkdir(exist_ok=True)
    (data / "uploads").mkdir(exist_ok=True)
    killed = data / "scans" / ("ab" * 32 + ".png")  # an image written, its record never stored
    partial = data / "scans" / ".cd.png.123.part"
    preview = data / "uploads" / "never-confirmed.xlsx"
    running = data / "uploads" / "in-progress.xlsx"
    for path in (killed, partial, preview, running):
        path.write_bytes(b"x")
    for path in (killed, partial, preview):
        _age(path, LONGEST_REQUEST.total_seconds() + 60)
    try:
        code, out = verify(capsys)
        assert code == 1
        for name in (
            "scans/" + killed.name,
            "scans/" + partial.name,
            "uploads/never-confirmed.xlsx",
        ):
            assert f"Tệp không thuộc hồ sơ nào: {name}" in out
        assert "uploads/in-progress.xlsx" in out
        assert "có thể đang được tải lên" in out
        removed = sweep_orphans()
        assert sorted(removed) == sorted(
            ["scans/" + killed.name, "scans/" + partial.name, "uploads/never-confirmed.xlsx"]
        )
        assert not killed.exists()
        assert running.exists()  # younger than the longest request: perhaps still in use
        code, out = verify(capsys)
        assert code == 0, out
    finally:
        running.unlink(missing_ok=True)


@POSTGRES
def test_the_audit_table_refuses_update_and_delete_on_postgresql(
    election: Election, board: User
) -> None:
    record_event(board, "open_election", election.congress, election=election.pk)
    event = AuditEvent.objects.get()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="tampered")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM daihoi_auditevent")
    assert AuditEvent.objects.get().action == "open_election"


def test_the_rehearsal_switch_keeps_the_audit_chain(
    election: Election, board: User, capsys: pytest.CaptureFixture[str]
) -> None:
    certified(election, board)
    before = AuditEvent.objects.count()
    switch_to_official(board, election.congress_id)
    assert AuditEvent.objects.count() == before + 1
    assert chain_breaks() == []
    code, out = verify(capsys)
    assert code == 0, out


def test_a_get_of_any_page_writes_no_audit_event(election: Election, board: User) -> None:
    """Every page of the application, fetched by the organiser (who may see all), records
    nothing; printing ballots, once a GET, answers a GET by going to the election."""
    from daihoi.web import urls as web_urls

    election.list_approval = "Đại hội biểu quyết thông qua"
    election.save()
    certified_election = Election.objects.create(
        congress=election.congress, body="inspection_committee", meeting=election.meeting, seats=1
    )
    client = Client()
    client.force_login(board)
    args = {"congress_id": election.congress_id, "election_id": election.pk}
    before = AuditEvent.objects.count()
    fetched = 0
    for pattern in web_urls.urlpatterns:
        route = str(pattern.pattern)
        if "<uuid:" in route or "<str:token>" in route or pattern.name in ("logout",):
            continue
        kwargs: dict[str, object] = {k: v for k, v in args.items() if f"<int:{k}>" in route}
        if "<str:kind>" in route:
            kwargs["kind"] = "txt"
        try:
            url = reverse(pattern.name, kwargs=kwargs)
        except NoReverseMatch:  # a route with other parameters: not a page to fetch
            continue
        client.get(url)
        fetched += 1
    assert fetched > 20
    assert certified_election.pk  # another election in the congress, so lists are not empty
    assert AuditEvent.objects.count() == before


@POSTGRES
@pytest.mark.django_db(transaction=True)
def test_two_writers_at_once_do_not_fork_the_chain() -> None:
    """Two threads (two connections) record events as fast as they can; each event chains to
    exactly one before it (without the lock two would chain to the same one)."""
    import threading

    from django.db import connections

    user = User.objects.create_user("kiemphieu", password="x")
    start = threading.Barrier(2)

    def write(team: int) -> None:
        try:
            start.wait()
            for sheet in range(30):
                with transaction.atomic():
                    record_event(user, "record_entry", None, team=team, sheet=sheet)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(team,)) for team in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert AuditEvent.objects.count() == 60
    assert chain_breaks() == []
    assert len(set(AuditEvent.objects.values_list("previous_hash", flat=True))) == 60
