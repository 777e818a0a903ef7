"""Parsing off the server's process: a result comes back; a child too slow or too greedy is killed."""

import time

import pytest

from daihoi.imports.isolated import PARSE_MEMORY, ParseFailedError, run_isolated


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
