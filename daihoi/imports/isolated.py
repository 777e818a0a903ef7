"""Parsing an uploaded workbook in a child process, bounded in time and memory.

The server is one process with threads: a workbook parsed in it holds the interpreter lock and
slows every clerk's save. Parsed in a fresh child (`python -m daihoi.imports.isolated`: never a
fork of the threaded server, never a re-run of the server's main script), it costs the clerks
only a share of the machine; a workbook that takes too long or too much memory kills only the
child, and the organiser is told why. The child imports no Django: only this package.
"""

import contextlib
import os
import pickle
import resource
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from daihoi.imports.candidates import CandidateRow, parse_candidates, read_candidates
from daihoi.imports.reading import Reading
from daihoi.imports.register import DelegateRow, parse_register, read_register
from daihoi.imports.workbook import RowProblem

#: a workbook within the row and size limits parses in a few seconds; this is far beyond that
PARSE_SECONDS = 60
#: the child's address space: openpyxl and a workbook within the limits need far less
PARSE_MEMORY = 1024 * 1024 * 1024

#: the child's scheduling priority below the server's (0 = equal, 19 = lowest)
PARSE_NICENESS = 10

Result = TypeVar("Result")


class ParseFailedError(Exception):
    """The child ran out of time ("too_slow") or memory, or died ("failed")."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def parse_register_on(data: bytes, on: date) -> tuple[list[DelegateRow], list[RowProblem]]:
    """`parse_register` by position, for the child."""
    return parse_register(data, on=on)


def parse_candidates_against(
    data: bytes, register: list[DelegateRow]
) -> tuple[list[CandidateRow], list[RowProblem]]:
    """`parse_candidates` by position, for the child."""
    return parse_candidates(data, register=register)


def read_register_on(
    data: bytes, on: date, date_orders: dict[str, str], name_style: str
) -> Reading[DelegateRow]:
    """`read_register` by position, for the child."""
    return read_register(data, on=on, date_orders=date_orders, name_style=name_style)


def read_candidates_against(
    data: bytes, register: list[DelegateRow], date_orders: dict[str, str], name_style: str
) -> Reading[CandidateRow]:
    """`read_candidates` by position, for the child."""
    return read_candidates(data, register=register, date_orders=date_orders, name_style=name_style)


def run_isolated(
    function: Callable[..., Result], *args: Any, seconds: float = PARSE_SECONDS
) -> Result:
    """`function(*args)` in a child process; ParseFailedError when it cannot finish in bounds.

    `function` must be importable by its module's name (pickled by reference).
    """
    payload = pickle.dumps((function, args))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    child = subprocess.Popen(
        [sys.executable, "-m", "daihoi.imports.isolated"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        out, _ = child.communicate(payload, timeout=seconds)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise ParseFailedError("too_slow") from None
    if child.returncode != 0 or not out:
        raise ParseFailedError("failed")
    status, value = pickle.loads(out)  # noqa: S301  # our own child's answer
    if status != "ok":
        raise ParseFailedError("failed")
    return value  # type: ignore[no-any-return]  # what `function` returned


def _child() -> int:
    """Read (function, args) from standard input, write ("ok", result) to standard output."""
    with contextlib.suppress(ValueError, OSError):  # a lower hard limit already: keep it
        resource.setrlimit(resource.RLIMIT_AS, (PARSE_MEMORY, PARSE_MEMORY))
    os.nice(PARSE_NICENESS)  # the clerks' saves come first when the machine is busy
    function, args = pickle.load(sys.stdin.buffer)  # noqa: S301  # from the server that started us
    try:
        answer = ("ok", function(*args))
    except MemoryError:
        answer = ("failed", None)
    pickle.dump(answer, sys.stdout.buffer)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(_child())
