"""Several server processes on PostgreSQL share the sessions: signing out through one process
ends the session on the other at once (the cached_db backend kept it for minutes in each
process's memory): the session cookie, replayed on process A, is refused. Process B runs
`daihoi serve --workers 2`. Needs DAIHOI_TEST_DATABASE_URL (CI sets it).
"""

import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.deploy.servers import ROOT, Browser, free_port, serving, signed_in

URL = os.environ.get("DAIHOI_TEST_DATABASE_URL", "")
pytestmark = pytest.mark.skipif(not URL, reason="needs PostgreSQL: DAIHOI_TEST_DATABASE_URL")
SETUP = """
import django, os
os.environ["DJANGO_SETTINGS_MODULE"] = "daihoi.config.settings"
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("createcachetable", verbosity=0)
from django.contrib.auth.models import User
User.objects.create_user("khach", password="pw-two-processes")
"""


def _with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


@pytest.fixture
def database() -> Iterator[str]:
    """A database of its own on the test server, dropped afterwards."""
    import psycopg

    name = f"daihoi_processes_{secrets.token_hex(4)}"
    with psycopg.connect(_with_database(URL, "postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _with_database(URL, name)
    finally:
        with psycopg.connect(_with_database(URL, "postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_signing_out_through_one_process_ends_the_session_on_the_other(
    database: str, tmp_path: Path
) -> None:
    env = {"DATABASE_URL": database, "DAIHOI_DATA": str(tmp_path / "d")}
    subprocess.run([sys.executable, "-c", SETUP], env={**os.environ, **env}, cwd=ROOT, check=True)
    port_a, port_b = free_port(), free_port()
    a, b = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"
    with (
        serving(["--port", str(port_a)], env, tmp_path / "a.log", a),
        serving(["--port", str(port_b), "--workers", "2"], env, tmp_path / "b.log", b) as server_b,
    ):
        assert len(_children(server_b.pid)) == 2  # gunicorn's two worker processes
        browser = Browser()
        browser.sign_in(a, "khach", "pw-two-processes")
        assert signed_in(*browser.get(f"{a}/")[:2])
        assert signed_in(*browser.get(f"{b}/")[:2])  # the same session on the other process
        session = browser.cookie("sessionid")
        status, _, _ = browser.post(f"{b}/dang-xuat/", {}, f"{b}/")
        assert status == 302
        # The browser drops the cookie; a copy of it (another tab, another person) is refused
        # on A at once, as the session no longer exists anywhere.
        browser.keep(session)
        assert not signed_in(*browser.get(f"{a}/")[:2])
