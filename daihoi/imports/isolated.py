"""Parsing an uploaded workbook in a child process, bounded in time and memory.

The server is one process with threads: a workbook parsed in it holds the interpreter lock and
slows every clerk's save. Parsed in a fresh child (spawned, never forked from the threaded
server), it costs the clerks only a share of the machine; a workbook that takes too long or too
much memory kills only the child, and the organiser is told why.
"""

import contextlib
import multiprocessing
import resource
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

#: a workbook within the row and size limits parses in a few seconds; this is far beyond that
PARSE_SECONDS = 60
#: the child's address space: openpyxl and a workbook within the limits need far less
PARSE_MEMORY = 1024 * 1024 * 1024

Result = TypeVar("Result")
_CONTEXT = multiprocessing.get_context("spawn")


class ParseFailedError(Exception):
    """The child ran out of time ("too_slow") or memory, or died ("failed")."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _child(sink: Connection, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    with contextlib.suppress(ValueError, OSError):  # a lower hard limit already: keep it
        resource.setrlimit(resource.RLIMIT_AS, (PARSE_MEMORY, PARSE_MEMORY))
    try:
        sink.send(("ok", function(*args)))
    except MemoryError:
        sink.send(("failed", None))
    finally:
        sink.close()


def run_isolated(
    function: Callable[..., Result], *args: Any, seconds: float = PARSE_SECONDS
) -> Result:
    """`function(*args)` in a child process; ParseFailedError when it cannot finish in bounds."""
    source, sink = _CONTEXT.Pipe(duplex=False)
    process = _CONTEXT.Process(target=_child, args=(sink, function, args), daemon=True)
    process.start()
    sink.close()
    try:
        if not source.poll(seconds):
            raise ParseFailedError("too_slow")
        status, value = source.recv()
    except (EOFError, OSError) as error:
        raise ParseFailedError("failed") from error
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        source.close()
    if status != "ok":
        raise ParseFailedError("failed")
    return value  # type: ignore[no-any-return]  # what `function` returned, through the pipe
