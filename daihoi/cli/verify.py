"""`daihoi verify`: does the stored record still hold? Read only; exit 0 when it does, 1 on
any mismatch, 2 when the database cannot be checked (not yet migrated).

It walks the audit chain, recounts every certified election from its frozen file and compares
the count with the stored result, the certifying event and the ballot entries, and lists the
files no record points to. The report is in Vietnamese with English.
"""

import os
import sys
from datetime import timedelta
from pathlib import Path


def _age(age: timedelta) -> str:
    return f"{int(age.total_seconds() // 60)} phút / minutes"


def _pending_migrations() -> bool:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def _finding(code: str, values: dict[str, object] | None = None) -> int:
    """Print one mismatch in Vietnamese, then English; counts 1."""
    from daihoi.labels import INTEGRITY_FINDINGS, words

    print(f"  ✗ {words(INTEGRITY_FINDINGS, code, values or {}, 'vi')}")
    print(f"    {words(INTEGRITY_FINDINGS, code, values or {}, 'en')}")
    return 1


def _check_chain() -> int:
    from daihoi.db.models import AuditEvent
    from daihoi.queries.integrity import chain_breaks

    print(f"Nhật ký (chuỗi băm) / audit log (hash chain): {AuditEvent.objects.count()} sự kiện")
    breaks = chain_breaks()
    if not breaks:
        print("  ✓ nguyên vẹn / intact")
    return sum(_finding(f"event_{b.kind}", {"number": b.number}) for b in breaks)


def _check_results() -> int:
    from daihoi.labels import BODIES
    from daihoi.queries.integrity import certified_results, entry_findings, recount

    results = certified_results()
    print(f"Kết quả đã chứng nhận / certified results: {len(results)}")
    mismatches = 0
    for result in results:
        election = result.election
        vi, en = BODIES.get(election.body, (election.body, election.body))
        print(
            f" Cuộc bầu số {election.pk}: {vi}, lần {election.round} / "
            f"election {election.pk}: {en}, round {election.round}"
        )
        problems = [*recount(result).findings, *entry_findings(election)]
        if not problems:
            print("  ✓ kiểm lại khớp / recount matches")
        mismatches += sum(_finding(p.code, p.values) for p in problems)
    return mismatches


def _check_files() -> int:
    from daihoi.queries.orphans import orphans

    print("Tệp không thuộc hồ sơ nào / orphaned files:")
    found = orphans()
    if not found:
        print("  ✓ không có / none")
    mismatches = 0
    for orphan in found:
        if orphan.stale:
            minutes = int(orphan.age.total_seconds() // 60)
            mismatches += _finding("orphan_file", {"file": orphan.name, "minutes": minutes})
        else:
            print(
                f"  · {orphan.name} ({_age(orphan.age)}): có thể đang được tải lên / "
                "may be an upload in progress"
            )
    return mismatches


def run_verify(data: str | None) -> int:
    """Check the data folder's database (or DATABASE_URL) and its files; print the report."""
    if data:
        os.environ["DAIHOI_DATA"] = str(Path(data).resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daihoi.config.settings")
    import django

    django.setup()
    if _pending_migrations():
        print(
            "Cơ sở dữ liệu chưa được cập nhật: chạy `daihoi serve` một lần trước. / "
            "The database is not migrated: run `daihoi serve` once first.",
            file=sys.stderr,
        )
        return 2
    mismatches = _check_chain() + _check_results() + _check_files()
    if mismatches:
        print(f"Kết luận: CÓ {mismatches} SAI LỆCH / verdict: {mismatches} MISMATCH(ES)")
        return 1
    print("Kết luận: KHỚP / verdict: CLEAN")
    return 0
