"""Parsing off the server's process: a result comes back; a slow or greedy child is killed."""

import os
import subprocess
import sys
import time

import pytest

from daihoi.imports.isolated import PARSE_MEMORY, ParseFailedError, run_isolated

pytestmark = pytest.mark.slow


def add(a: int, b: int) -> int:
    return a + b


def sleep_long() -> None:
    time.sleep(600)


def allocate_too_much() -> int:
    return len(bytearray(PARSE_MEMORY * 2))


def test_the_result_comes_back() -> None:
    assert run_isolated(add, 2, 3) == 5


def test_a_child_that_does_not_finish_is_killed() -> None:
    with pytest.raises(ParseFailedError) as failed:
        run_isolated(sleep_long, seconds=1)
    assert failed.value.code == "too_slow"


def test_a_child_that_wants_too_much_memory_fails_alone() -> None:
    with pytest.raises(ParseFailedError) as failed:
        run_isolated(allocate_too_much)
    assert failed.value.code == "failed"


def exit_at_once() -> None:
    os._exit(3)  # the child leaves without a word, as one that failed to start


def test_a_child_that_dies_without_answering_is_a_failure_not_a_wait() -> None:
    with pytest.raises(ParseFailedError) as failed:
        run_isolated(exit_at_once, seconds=600)
    assert failed.value.code == "failed"


def test_the_parsers_run_in_a_child_without_django() -> None:
    """The server's child imports only daihoi.imports: no settings, no database."""
    code = (
        "import sys; from daihoi.imports import isolated; "
        "sys.exit(1 if any(m.startswith('django.db') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
