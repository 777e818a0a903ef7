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


def run_demo(data: str | None, host: str, port: int, *, serve: bool, fresh: bool = False) -> int:
    """Create (once, or afresh with `fresh`) and serve the reference congress."""
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
    print(f"Màn chiếu / projector: http://{host}:{port}/man-chieu/{congress.projector_token}/")
    sys.stdout.flush()
    return _serve(host, port) if serve else 0


def run_serve(data: str | None, host: str, port: int) -> int:
    """Serve an existing data folder."""
    _setup(data)
    return _serve(host, port)
