"""Numbers, percentages, dates and Roman ordinals as Vietnamese documents print them.

A percentage is exact (integers) and rounded half up only here, for display; no decision ever
reads it (R13, OPEN-14).
"""

from datetime import date
from decimal import Decimal


def format_int(n: int) -> str:
    """Thousands separated by a dot: 100.000; 1.588; -1.234."""
    return f"{n:,}".replace(",", ".")


def percent_value(numerator: int, denominator: int, decimals: int = 2) -> Decimal:
    """numerator/denominator × 100, rounded half up to `decimals` places, computed in integers.

    8/41 → 19.51; 4/13 → 30.77 (not the 30.76 of truncation); 1/8 → 12.50.
    """
    if denominator <= 0:
        msg = f"denominator must be positive, not {denominator}"
        raise ValueError(msg)
    if numerator < 0:
        msg = f"numerator must not be negative, not {numerator}"
        raise ValueError(msg)
    if not 0 <= decimals <= 6:
        msg = f"decimals must be within 0..6, not {decimals}"
        raise ValueError(msg)
    scale = 10**decimals
    scaled, remainder = divmod(numerator * 100 * scale, denominator)
    if 2 * remainder >= denominator:
        scaled += 1
    return Decimal(scaled).scaleb(-decimals)


def format_percent(numerator: int, denominator: int, decimals: int = 2) -> str:
    """A percentage with a decimal comma and no space: 19,51%; 100,00%; 50%."""
    return f"{percent_value(numerator, denominator, decimals)}".replace(".", ",") + "%"


def format_share(numerator: int, denominator: int, decimals: int = 2) -> str:
    """A figure as congresses report it: "8/41, tỷ lệ 19,51%"."""
    percent = format_percent(numerator, denominator, decimals)
    return f"{format_int(numerator)}/{format_int(denominator)}, tỷ lệ {percent}"


def format_date(day: date) -> str:
    """ "ngày 07 tháng 6 năm 2020".

    Nghị định 30/2020/NĐ-CP (administrative documents): a day below 10 and the months 1 and 2 take
    a leading zero: "ngày 05 tháng 02 năm 2025".
    """
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(n: int) -> str:
    """A congress number as a Roman ordinal: 23 → XXIII (1..3999)."""
    if not 1 <= n <= 3999:
        msg = f"no Roman numeral for {n}"
        raise ValueError(msg)
    parts = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        parts.append(numeral * count)
    return "".join(parts)
