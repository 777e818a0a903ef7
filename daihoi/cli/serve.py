"""`daihoi demo` and `daihoi serve`: the application on this machine, SQLite in a data folder.

Both migrate the database first; `demo` also loads the reference congress and prints the demo
accounts. One process is served by waitress (threads, no reloader) on 127.0.0.1 unless told
otherwise; over TLS (`--tls-cert`, `--tls-key`) or in several processes (`--workers N`, on
PostgreSQL only) by gunicorn, which does both and waitress neither (docs/deployment.md, decision
0006).
"""

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

THREADS = 16


@dataclass(frozen=True)
class Serving:
    """How to serve: where, in how many processes, and with which certificate (None: HTTP)."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    tls_cert: str | None = None
    tls_key: str | None = None


def check_serving(serving: Serving, database_url: str | None) -> str | None:
    """Why `serving` cannot run, in words, or None.

    Several processes need PostgreSQL: on SQLite, ballot saves queue on a lock inside the one
    process (decision 0003); processes would each have their own lock and fight over the file.
    """
    if serving.workers < 1:
        return "--workers: ít nhất 1 / at least 1"
    if serving.workers > 1 and not database_url:
        return (
            "--workers > 1 cần PostgreSQL (DATABASE_URL); với SQLite chỉ chạy 1 tiến trình. / "
            "--workers > 1 needs PostgreSQL (DATABASE_URL); on SQLite run 1 process "
            "(its writers queue inside the process, decision 0003)."
        )
    if (serving.tls_cert is None) != (serving.tls_key is None):
        return "--tls-cert và --tls-key đi cùng nhau / --tls-cert and --tls-key go together"
    for path in (serving.tls_cert, serving.tls_key):
        if path is not None and not Path(path).is_file():
            return f"không có tệp / no such file: {path}"
    if (serving.workers > 1 or serving.tls_cert) and sys.platform == "win32":
        return "--workers và TLS cần Linux / --workers and TLS need Linux"
    return None


def _private(folder: Path) -> None:
    """Make a data folder made by an older version readable by this account only (0700/0600)."""
    if not folder.is_dir() or folder.stat().st_uid != os.getuid():
        return
    folder.chmod(0o700)
    for path in folder.rglob("*"):
        if path.is_symlink() or path.stat().st_uid != os.getuid():
            continue
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(mode & 0o700)


def _setup(data: str | None) -> None:
    if data:
        os.environ["DAIHOI_DATA"] = str(Path(data).resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daihoi.config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)  # the sign-in throttle's table
    from django.conf import settings

    if os.name == "posix":
        _private(Path(settings.DATA_DIR))
    from daihoi.actions.scan_records import sweep_orphans

    for name in sweep_orphans():  # files a killed upload or an unconfirmed preview left
        print(f"Đã xóa tệp không thuộc hồ sơ nào / removed orphaned file: {name}")


def _serve(serving: Serving) -> int:
    scheme = "https" if serving.tls_cert else "http"
    print(f"{scheme}://{serving.host}:{serving.port}/  (Ctrl+C để dừng / to stop)", flush=True)
    if serving.workers == 1 and not serving.tls_cert:
        from waitress import serve

        from daihoi.config.wsgi import application

        serve(application, host=serving.host, port=serving.port, threads=THREADS, ident="daihoi")
        return 0
    from django.db import connections

    from daihoi.cli.gunicorn_app import run_gunicorn

    connections.close_all()  # the workers are forked: each opens its own connection
    return run_gunicorn(serving, THREADS)


def _refused(serving: Serving) -> bool:
    if why := check_serving(serving, os.environ.get("DATABASE_URL")):
        print(why, file=sys.stderr)
        return True
    if serving.tls_cert:  # Secure cookies and HSTS (settings), read when Django starts
        os.environ["DAIHOI_HTTPS"] = "1"
    return False


def run_demo(data: str | None, serving: Serving, *, serve: bool = True, fresh: bool = False) -> int:
    """Create (once, or afresh with `fresh`) and serve the reference congress."""
    if serve and _refused(serving):
        return 2
    host, port = serving.host, serving.port
    scheme = "https" if serving.tls_cert else "http"
    folder = data or "data/demo"
    _setup(folder)
    from daihoi.actions.demo import (
        DEMO_PASSWORD,
        erase_for_fresh_demo,
        existing_demo,
        load_reference_congress,
    )
    from daihoi.core.vi.formatting import roman

    if fresh and not erase_for_fresh_demo():
        print(
            f"{folder} chứa đại hội khác ngoài đại hội mẫu: không xóa. / "
            f"{folder} holds another congress: nothing erased.",
            file=sys.stderr,
        )
        return 2
    reused = existing_demo() is not None
    congress, accounts = load_reference_congress()
    title = (
        f"Đại hội {congress.organisation.name} lần thứ {roman(congress.number)}, "
        f"nhiệm kỳ {congress.term}"
    )
    print(f"Đại hội mẫu / demo congress: {title}")
    if reused:
        again = "daihoi demo --fresh" + (f" --data {data}" if data else "")
        print(
            f"Dùng lại dữ liệu mẫu đã có trong {folder} (các thay đổi đã làm vẫn còn). "
            f"Để tạo lại từ đầu: {again}\n"
            f"Reusing the demo data in {folder} (earlier changes kept). To start afresh: {again}"
        )
    print(f"Tài khoản / accounts (mật khẩu / password: {DEMO_PASSWORD}):")
    for username, label in accounts:
        print(f"  {username:<12} {label}")
    print(f"Màn chiếu / projector: {scheme}://{host}:{port}/man-chieu/{congress.projector_token}/")
    sys.stdout.flush()
    return _serve(serving) if serve else 0


def run_serve(data: str | None, serving: Serving) -> int:
    """Serve an existing data folder."""
    if _refused(serving):
        return 2
    _setup(data)
    return _serve(serving)
