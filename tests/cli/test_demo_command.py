"""`daihoi demo` loads the reference congress into a fresh data folder (the README's command)."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_demo_loads_the_reference_congress(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DAIHOI_DATA")}
    run = subprocess.run(
        [sys.executable, "-m", "daihoi", "demo", "--data", str(tmp_path), "--no-serve"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        encoding="utf-8",
    )
    assert run.returncode == 0, run.stderr
    assert "truongban" in run.stdout
    assert "/man-chieu/" in run.stdout
    with sqlite3.connect(tmp_path / "daihoi.sqlite3") as db:
        delegates = db.execute(
            "select count(*) from daihoi_delegate where standing='official'"
        ).fetchone()[0]
        alternates = db.execute(
            "select count(*) from daihoi_delegate where standing='alternate'"
        ).fetchone()[0]
        present = db.execute(
            "select count(*) from daihoi_attendance a join daihoi_session s on a.session_id=s.id "
            "where s.name='Phiên thứ nhất'"
        ).fetchone()[0]
        women = db.execute("select count(*) from daihoi_delegate where gender='female'").fetchone()
        candidates = db.execute(
            "select count(*) from daihoi_candidate c join daihoi_election e on c.election_id=e.id "
            "where e.body='executive_committee'"
        ).fetchone()[0]
    assert delegates == 289
    assert alternates == 3
    assert present == 285  # the reference file's "present", now from check-in records
    assert 0 < women[0] < 289
    assert candidates == 49
    again = subprocess.run(
        [sys.executable, "-m", "daihoi", "demo", "--data", str(tmp_path), "--no-serve"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        encoding="utf-8",
    )
    assert again.returncode == 0, again.stderr
    with sqlite3.connect(tmp_path / "daihoi.sqlite3") as db:
        assert db.execute("select count(*) from daihoi_congress").fetchone()[0] == 1
    assert "lần thứ XXIII" in run.stdout  # the congress's number as the Party writes it
    assert "Dùng lại" not in run.stdout
    assert "Dùng lại" in again.stdout  # says the data is reused, and how to start afresh
    assert "--fresh" in again.stdout


def test_demo_fresh_recreates_the_data(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DAIHOI_DATA")}
    command = [sys.executable, "-m", "daihoi", "demo", "--data", str(tmp_path), "--no-serve"]
    first = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    assert first.returncode == 0, first.stderr
    with sqlite3.connect(tmp_path / "daihoi.sqlite3") as db:
        db.execute("delete from daihoi_attendance")  # a rehearsal that checked nobody in
        db.execute("update daihoi_election set state='certified' where body='secretary'")
    fresh = subprocess.run(
        [*command, "--fresh"], capture_output=True, text=True, check=False, env=env
    )
    assert fresh.returncode == 0, fresh.stderr
    assert "Dùng lại" not in fresh.stdout
    with sqlite3.connect(tmp_path / "daihoi.sqlite3") as db:
        assert db.execute("select count(*) from daihoi_congress").fetchone()[0] == 1
        assert db.execute("select count(*) from daihoi_attendance").fetchone()[0] > 500
        states = db.execute("select state from daihoi_election where body='secretary'")
        assert states.fetchone()[0] == "setup"
