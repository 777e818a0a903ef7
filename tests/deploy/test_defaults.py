"""What a security reviewer checks first: headers, session lifetime, file modes, how to serve."""

import os
import stat
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from daihoi.actions import sign_in
from daihoi.cli.serve import Serving, _private, check_serving

ROOT = Path(__file__).parents[2]


@pytest.fixture
def signed_in(db: None) -> Client:
    User.objects.create_user("khach", password="pw-defaults-2020")
    browser = Client()
    response = browser.post("/dang-nhap/", {"username": "khach", "password": "pw-defaults-2020"})
    assert response.status_code == 302
    return browser


@pytest.mark.parametrize("path", ["/dang-nhap/", "/", "/khong-co-trang-nay/"])
def test_every_answer_carries_the_content_security_policy(signed_in: Client, path: str) -> None:
    response = signed_in.get(path)
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self';" in policy  # no inline script, nothing from outside
    assert "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_session_ends_with_the_browser_not_after_a_week(signed_in: Client) -> None:
    cookie = signed_in.cookies["sessionid"]
    assert not cookie["expires"]
    assert not cookie["max-age"]
    assert cookie["httponly"]


def test_the_session_ends_at_midnight_vietnam_time(
    signed_in: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert signed_in.get("/").status_code != 302  # signed in (a page, or a refusal by role)
    today = sign_in.now().astimezone(sign_in.HALL_TIME)
    midnight = datetime.combine(today.date() + timedelta(days=1), datetime.min.time())
    monkeypatch.setattr(sign_in, "now", lambda: midnight.replace(tzinfo=sign_in.HALL_TIME))
    response = signed_in.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/dang-nhap/")


def test_logging_out_ends_the_session_in_the_database_itself(signed_in: Client) -> None:
    """No per-process copy: the next request of any process reads the database."""
    from django.conf import settings
    from django.contrib.sessions.models import Session

    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    key = signed_in.cookies["sessionid"].value
    assert Session.objects.filter(session_key=key).exists()
    signed_in.post("/dang-xuat/")
    assert not Session.objects.filter(session_key=key).exists()


def _settings_in(env: dict[str, str], expression: str) -> str:
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'daihoi.config.settings';"
        f"django.setup(); from django.conf import settings as s; print({expression})"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


@pytest.mark.slow
def test_over_tls_cookies_are_secure_and_hsts_is_sent(tmp_path: Path) -> None:
    env = {"DAIHOI_DATA": str(tmp_path / "d")}
    assert _settings_in(env, "s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS") == "False 0"
    secure = _settings_in(
        {**env, "DAIHOI_HTTPS": "1"},
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS >= 86400",
    )
    assert secure == "True True True"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.slow
def test_a_new_data_folder_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    data = tmp_path / "hall"
    subprocess.run(
        [sys.executable, "-m", "daihoi", "demo", "--no-serve", "--data", str(data)],
        env={**os.environ, "DATABASE_URL": ""},
        cwd=ROOT,
        capture_output=True,
        check=True,
        umask=0o022,  # as a shell would start it
    )
    assert _mode(data) == 0o700
    for name in ("daihoi.sqlite3", "secret_key"):
        assert _mode(data / name) == 0o600, name
    for path in data.rglob("*"):
        assert _mode(path) & 0o077 == 0, path


def test_serving_an_older_world_readable_folder_makes_it_private(tmp_path: Path) -> None:
    data = tmp_path / "old"
    (data / "uploads").mkdir(parents=True)
    (data / "daihoi.sqlite3").write_bytes(b"")
    (data / "uploads" / "register.xlsx").write_bytes(b"")
    for path, mode in ((data, 0o755), (data / "uploads", 0o755)):
        path.chmod(mode)
    for path in (data / "daihoi.sqlite3", data / "uploads" / "register.xlsx"):
        path.chmod(0o644)
    _private(data)
    assert _mode(data) == _mode(data / "uploads") == 0o700
    assert _mode(data / "daihoi.sqlite3") == _mode(data / "uploads" / "register.xlsx") == 0o600


def test_several_processes_need_postgresql() -> None:
    why = check_serving(Serving(workers=2), database_url=None)
    assert why is not None
    assert "PostgreSQL" in why
    assert check_serving(Serving(workers=2), database_url="postgres://h/db") is None
    assert check_serving(Serving(), database_url=None) is None


def test_a_certificate_needs_its_key(tmp_path: Path) -> None:
    cert = tmp_path / "hall.crt"
    cert.write_text("x")
    assert check_serving(Serving(tls_cert=str(cert)), None) is not None
    assert check_serving(Serving(tls_cert=str(cert), tls_key=str(tmp_path / "no.key")), None)
    (tmp_path / "hall.key").write_text("x")
    assert (
        check_serving(Serving(tls_cert=str(cert), tls_key=str(tmp_path / "hall.key")), None) is None
    )


def test_serve_refuses_several_processes_on_sqlite(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "daihoi", "serve", "--data", str(tmp_path), "--workers", "2"],
        env={**os.environ, "DATABASE_URL": ""},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    assert "PostgreSQL" in done.stderr
