"""Typed row numbers: separated or packed, never guessed."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from daihoi.core.keying import KeyingError, keys_to_type, parse_row_numbers, row_width


def test_separated_numbers_need_no_padding() -> None:
    assert parse_row_numbers("3 12, 40.7;9+1", 49) == [3, 12, 40, 7, 9, 1]
    assert parse_row_numbers("   ", 49) == []


def test_packed_numbers_are_padded_to_the_width_of_the_list() -> None:
    assert parse_row_numbers("0312 40", 49) == [3, 12, 40]
    assert parse_row_numbers("357", 9) == [3, 5, 7]
    assert parse_row_numbers("007120", 120) == [7, 120]


@pytest.mark.parametrize(
    ("text", "reason"), [("312", "ambiguous"), ("3a", "not_digits"), ("١٢", "not_digits")]
)
def test_what_could_be_misread_is_refused(text: str, reason: str) -> None:
    with pytest.raises(KeyingError) as caught:
        parse_row_numbers(f"1 {text}", 49)
    assert (caught.value.token, caught.value.reason, caught.value.width) == (text, reason, 2)


@given(st.integers(1, 200), st.data())
def test_packed_and_separated_read_the_same(rows: int, data: st.DataObject) -> None:
    numbers = data.draw(st.lists(st.integers(1, rows), max_size=30))
    width = row_width(rows)
    packed = "".join(str(n).zfill(width) for n in numbers)
    assert parse_row_numbers(packed, rows) == numbers
    assert parse_row_numbers(" ".join(map(str, numbers)), rows) == numbers
    assert keys_to_type(numbers, rows, packed=True) == len(packed) + 1


def test_keys_count_enter() -> None:
    assert keys_to_type([], 49, packed=True) == 1
    assert keys_to_type([3, 12], 49, packed=False) == len("3 12") + 1
    assert keys_to_type([3, 12], 49, packed=True) == len("0312") + 1
