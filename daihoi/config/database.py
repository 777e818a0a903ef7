"""The database from the environment: `DATABASE_URL` (postgres://…) or SQLite in the data folder."""

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit


def database_from_url(url: str | None, data_dir: Path) -> dict[str, Any]:
    """Django's DATABASES["default"] for `url`, or SQLite at data_dir/daihoi.sqlite3.

    SQLite runs in WAL mode with immediate transactions, so that several clerks saving at once
    queue for the write lock instead of failing with "database is locked", and synchronous=FULL,
    so that a save acknowledged to a clerk survives a power cut (NORMAL may lose the last ones).
    Connections are kept between requests: opening one cost a fifth of a ballot save's time
    (bench/entry_load.py profiled with py-spy).
    """
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": data_dir / "daihoi.sqlite3",
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
            },
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
        }
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        msg = f"DATABASE_URL must be postgres://…, not {parts.scheme}://"
        raise ValueError(msg)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parts.path.lstrip("/")) or "daihoi",
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "ATOMIC_REQUESTS": False,
        "CONN_MAX_AGE": 600,
        "CONN_HEALTH_CHECKS": True,
    }
