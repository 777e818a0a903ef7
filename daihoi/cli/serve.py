"""`daihoi demo` and `daihoi serve`: the application on this machine, SQLite in a data folder.

Both migrate the database first; `demo` also loads the reference congress and prints the demo
accounts. Served by waitress (threads, no reloader) on 127.0.0.1 unless told otherwise.
"""

import os
import sys
from pathlib import Path


def _setup(data: str | None) -> None:
    if data:
        os.environ["DAIHOI_DATA"] = str(Path(data).resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daihoi.config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _serve(host: str, port: int) -> int:
    from waitress import serve

    from daihoi.config.wsgi import application

    print(f"http://{host}:{port}/  (Ctrl+C để dừng / to stop)", flush=True)
    serve(application, host=host, port=port, threads=16, ident="daihoi")
    return 0


def run_demo(data: str | None, host: str, port: int, *, serve: bool) -> int:
    """Create (once) and serve the reference congress."""
    _setup(data or "data/demo")
    from daihoi.actions.demo import DEMO_PASSWORD, load_reference_congress

    congress, accounts = load_reference_congress()
    print(f"Đại hội mẫu / demo congress: {congress}")
    print(f"Tài khoản / accounts (mật khẩu / password: {DEMO_PASSWORD}):")
    for username, label in accounts:
        print(f"  {username:<12} {label}")
    print(f"Màn chiếu / projector: http://{host}:{port}/man-chieu/{congress.projector_token}/")
    sys.stdout.flush()
    return _serve(host, port) if serve else 0


def run_serve(data: str | None, host: str, port: int) -> int:
    """Serve an existing data folder."""
    _setup(data)
    return _serve(host, port)
