"""Numbers, percentages, dates and Roman ordinals as Vietnamese documents print them."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

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
    assert [format_int(n) for n in (0, 289, 999, 1000, 1588, 100_000, -1234, 10**9)] == [
        "0",
        "289",
        "999",
        "1.000",
        "1.588",
        "100.000",
        "-1.234",
        "1.000.000.000",
    ]


def test_percent_rounds_half_up_not_truncates() -> None:
    """4/13 is 30,77 (not 30,76), 1.579/1.587 is 99,50 (not 99,49)."""
    assert format_percent(8, 41) == "19,51%"
    assert format_percent(4, 13) == "30,77%"
    assert format_percent(1579, 1587) == "99,50%"
    assert format_percent(1, 8) == "12,50%"
    assert format_percent(2, 3) == "66,67%"
    assert format_percent(1, 3) == "33,33%"
    assert format_percent(144, 289, 0) == "50%"
    assert format_percent(145, 289, 0) == "50%"
    assert format_percent(1, 8, 0) == "13%"  # 12.5 rounds up, not to even
    assert format_percent(1, 40, 1) == "2,5%"
    assert format_percent(1, 1) == "100,00%"
    assert format_percent(1, 1, 0) == "100%"
    assert format_percent(0, 41) == "0,00%"
    assert format_percent(1, 3, 6) == "33,333333%"


def test_percent_value_is_exact_and_keeps_its_places() -> None:
    assert percent_value(8, 41) == Decimal("19.51")
    assert percent_value(4, 13) == Decimal("30.77")
    assert percent_value(1579, 1587) == Decimal("99.50")
    assert percent_value(144, 289, 0) == Decimal(50)
    assert percent_value(2, 3) == Decimal("66.67")
    assert str(percent_value(1, 8)) == "12.50"  # Decimal("12.5") == Decimal("12.50"): compare text
    assert str(percent_value(0, 5, 6)) == "0.000000"
    assert str(percent_value(144, 289, 0)) == "50"
    huge = 10**30 + 1  # beyond the 28 digits of the default decimal context
    assert str(percent_value(huge, 3)) == "33333333333333333333333333333366.67"


def test_reference_congress_figures() -> None:
    assert format_percent(8, 41) == "19,51%"
    assert format_percent(6, 41) == "14,63%"
    assert format_percent(4, 41) == "9,76%"
    assert format_percent(4, 61) == "6,56%"


def test_which_denominators_can_print_98_7_percent() -> None:
    """At one decimal "98,7%" needs k/d in [98,65 %; 98,75 %): none with 289, only 223..239."""
    assert not any(format_percent(k, 289, 1) == "98,7%" for k in range(290))
    possible = {
        d for d in range(200, 290) if any(format_percent(k, d, 1) == "98,7%" for k in range(d + 1))
    }
    assert possible == set(range(223, 240))


def reference_percent(numerator: int, denominator: int, decimals: int) -> Decimal:
    """Independently: the exact quotient as a Fraction, quantized by the decimal module."""
    exact = Fraction(numerator * 100, denominator)
    with localcontext() as context:
        context.prec = 100
        quotient = Decimal(exact.numerator) / Decimal(exact.denominator)
        return quotient.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


@given(st.integers(0, 10**7), st.integers(1, 10**7), st.integers(0, 6))
def test_percent_matches_decimal_half_up(numerator: int, denominator: int, decimals: int) -> None:
    value = percent_value(numerator, denominator, decimals)
    assert str(value) == str(reference_percent(numerator, denominator, decimals))
    assert format_percent(numerator, denominator, decimals) == f"{value}".replace(".", ",") + "%"


@given(st.integers(1, 2000).flatmap(lambda d: st.tuples(st.integers(0, d), st.just(d))))
def test_percent_of_a_share_stays_within_0_and_100(pair: tuple[int, int]) -> None:
    numerator, denominator = pair
    assert Decimal(0) <= percent_value(numerator, denominator) <= Decimal(100)


def test_percent_refuses_impossible_figures() -> None:
    with pytest.raises(ValueError, match="denominator"):
        percent_value(1, 0)
    with pytest.raises(ValueError, match="denominator"):
        percent_value(1, -5)
    with pytest.raises(ValueError, match="numerator"):
        percent_value(-1, 5)
    with pytest.raises(ValueError, match="decimals"):
        percent_value(1, 5, 7)
    with pytest.raises(ValueError, match="decimals"):
        format_percent(1, 5, -1)


def test_share_as_congresses_report_it() -> None:
    assert format_share(8, 41) == "8/41, tỷ lệ 19,51%"
    assert format_share(1067, 1587) == "1.067/1.587, tỷ lệ 67,23%"
    assert format_share(144, 289, 0) == "144/289, tỷ lệ 50%"
    assert format_share(0, 1587) == "0/1.587, tỷ lệ 0,00%"


def test_dates_pad_days_and_the_first_two_months() -> None:
    assert format_date(date(2020, 6, 7)) == "ngày 07 tháng 6 năm 2020"
    assert format_date(date(2025, 2, 5)) == "ngày 05 tháng 02 năm 2025"
    assert format_date(date(2020, 12, 15)) == "ngày 15 tháng 12 năm 2020"
    assert format_date(date(2026, 1, 1)) == "ngày 01 tháng 01 năm 2026"
    assert format_date(date(2024, 3, 10)) == "ngày 10 tháng 3 năm 2024"
    assert format_date(date(2024, 10, 31)) == "ngày 31 tháng 10 năm 2024"


def test_roman_ordinals() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 23, 40, 90, 400, 2026, 3999)] == [
        "I",
        "IV",
        "IX",
        "XIV",
        "XXIII",
        "XL",
        "XC",
        "CD",
        "MMXXVI",
        "MMMCMXCIX",
    ]
    for impossible in (0, -1, 4000):
        with pytest.raises(ValueError, match="Roman"):
            roman(impossible)


ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def parse_roman(numeral: str) -> int:
    """A symbol before a larger one is subtracted."""
    values = [ROMAN_VALUES[symbol] for symbol in numeral]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def test_roman_reads_back_for_every_number() -> None:
    numerals = [roman(n) for n in range(1, 4000)]
    assert [parse_roman(numeral) for numeral in numerals] == list(range(1, 4000))
    assert all("IIII" not in n and "XXXX" not in n and "CCCC" not in n for n in numerals)
