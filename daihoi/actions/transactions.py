"""One write at a time per process on SQLite; a plain transaction elsewhere.

SQLite allows one writer. Under concurrent saves its busy handler sleeps with growing back-off,
which put a p99 of over a second on ballot entry (bench/entry_load.py). Queueing writers on a
lock in the process instead (the server is one process with threads) keeps every save short and
in arrival order. PostgreSQL needs no such lock.
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction

_SQLITE_WRITER = threading.RLock()


@contextmanager
def write_transaction() -> Iterator[None]:
    """An atomic block that is also the only SQLite writer of this process while it runs."""
    if connection.vendor == "sqlite":
        with _SQLITE_WRITER, transaction.atomic():
            yield
    else:
        with transaction.atomic():
            yield
