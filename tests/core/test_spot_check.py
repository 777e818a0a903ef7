"""The hand check's draw (omr.md §5.4): 20 sheets, or all below 50, repeatable from the seed."""

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from daihoi.core.spot_check import SeedError, draw, normalised_seed, sample_size


def _stack(n: int, team: int = 1) -> list[tuple[int, int]]:
    return [(team, s) for s in range(1, n + 1)]


def test_twenty_sheets_or_all_when_fewer_than_fifty() -> None:
    assert [sample_size(n) for n in (0, 1, 19, 20, 49, 50, 348)] == [0, 1, 19, 20, 49, 20, 20]
    assert draw("31415", _stack(49)) == _stack(49)
    assert len(draw("31415", _stack(348))) == 20


def test_the_same_seed_draws_the_same_sheets_whatever_the_order_given() -> None:
    stack = _stack(348)
    first = draw("6 2 4 1 5 3", stack)
    assert draw("624153", list(reversed(stack))) == first
    assert first == sorted(first)
    assert set(first) <= set(stack)
    assert draw("624154", stack) != first


def test_anyone_can_repeat_the_draw_from_the_minutes_with_sha256() -> None:
    """An independent reading of the rule written in the module's docstring."""
    stack = _stack(100) + _stack(30, team=2)
    keys = {s: hashlib.sha256(f"12345/{s[0]}/{s[1]}".encode()).hexdigest() for s in stack}
    expected = sorted(sorted(stack, key=keys.__getitem__)[:20])
    assert draw("12345", stack) == expected


@pytest.mark.parametrize("seed", ["", "1234", "12a45", "１２３４５", "dice"])
def test_a_seed_must_be_at_least_five_digits(seed: str) -> None:
    with pytest.raises(SeedError):
        normalised_seed(seed)
    assert normalised_seed(" 3-1-4 1.5 ") == "31415"


@given(st.integers(min_value=0, max_value=400), st.text("0123456789", min_size=5, max_size=12))
def test_the_draw_is_a_subset_of_the_right_size(n: int, seed: str) -> None:
    chosen = draw(seed, _stack(n))
    assert len(chosen) == sample_size(n) == len(set(chosen))
    assert set(chosen) <= set(_stack(n))
