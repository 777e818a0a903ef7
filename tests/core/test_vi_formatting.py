"""Numbers, percentages, dates and Roman ordinals as Vietnamese documents print them."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from daihoi.core.vi.formatting import (
    format_date,
    format_int,
    format_percent,
    format_share,
    percent_value,
    roman,
)


def test_thousands_with_a_dot() -> None:
    assert [format_int(n) for n in (0, 289, 1588, 100_000, -1234)] == [
        "0",
        "289",
        "1.588",
        "100.000",
        "-1.234",
    ]


def test_percent_rounds_half_up_not_truncates() -> None:
    """practice.md §3.11: 4/13 is 30,77 (not 30,76), 1.579/1.587 is 99,50 (not 99,49)."""
    assert format_percent(8, 41) == "19,51%"
    assert format_percent(4, 13) == "30,77%"
    assert format_percent(1579, 1587) == "99,50%"
    assert format_percent(1, 8) == "12,50%"
    assert format_percent(2, 3) == "66,67%"
    assert format_percent(144, 289, 0) == "50%"
    assert format_percent(145, 289, 0) == "50%"
    assert format_percent(1, 1) == "100,00%"


@given(st.integers(0, 10**6), st.integers(1, 10**6), st.integers(0, 4))
def test_percent_matches_decimal_half_up(numerator: int, denominator: int, decimals: int) -> None:
    exact = Decimal(numerator) * 100 / Decimal(denominator)
    expected = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    # Decimal division has 28 significant digits: enough for these sizes to round the same
    assert percent_value(numerator, denominator, decimals) == expected


def test_percent_refuses_impossible_figures() -> None:
    with pytest.raises(ValueError, match="denominator"):
        percent_value(1, 0)
    with pytest.raises(ValueError, match="numerator"):
        percent_value(-1, 5)


def test_share_as_congresses_report_it() -> None:
    assert format_share(8, 41) == "8/41, tỷ lệ 19,51%"
    assert format_share(1067, 1587) == "1.067/1.587, tỷ lệ 67,23%"


def test_dates_pad_days_and_the_first_two_months() -> None:
    assert format_date(date(2020, 6, 7)) == "ngày 07 tháng 6 năm 2020"
    assert format_date(date(2025, 2, 5)) == "ngày 05 tháng 02 năm 2025"
    assert format_date(date(2020, 12, 15)) == "ngày 15 tháng 12 năm 2020"
    assert format_date(date(2026, 1, 1)) == "ngày 01 tháng 01 năm 2026"


def test_roman_ordinals() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 23, 40, 2026)] == [
        "I",
        "IV",
        "IX",
        "XIV",
        "XXIII",
        "XL",
        "MMXXVI",
    ]
    with pytest.raises(ValueError, match="Roman"):
        roman(0)
