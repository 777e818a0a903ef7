"""Numbers, percentages, dates and Roman ordinals as Vietnamese documents print them.

Every figure a person reads (documents, CLI, web pages) is formatted here, so a figure reads the
same everywhere. A percentage is exact (integers) and rounded half up only here, for display; no
decision ever reads it (R13, OPEN-14).
"""

from datetime import date
from decimal import Decimal


def format_int(n: int) -> str:
    """Thousands separated by a dot, as Vietnamese writes them: 100.000; 1.588; -1.234."""
    return f"{n:,}".replace(",", ".")


def percent_value(numerator: int, denominator: int, decimals: int = 2) -> Decimal:
    """numerator/denominator × 100, rounded half up to `decimals` places (0..6), in integers.

    Never a float: a binary fraction can round 0.5 down and print a figure the counters cannot
    reproduce by hand. 8/41 → 19.51; 4/13 → 30.77 (not the 30.76 of truncation); 1/8 → 12.50.
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
    # From a string: exact at any size (arithmetic would round to the context's 28 digits).
    return Decimal(f"{scaled}E-{decimals}")


def format_percent(numerator: int, denominator: int, decimals: int = 2) -> str:
    """A percentage with a decimal comma and no space: 19,51%; 100,00%; 50%."""
    return format(percent_value(numerator, denominator, decimals), "f").replace(".", ",") + "%"


def format_share(numerator: int, denominator: int, decimals: int = 2) -> str:
    """A figure as congresses report it, n/N then the share: "1.067/1.587, tỷ lệ 67,23%"."""
    percent = format_percent(numerator, denominator, decimals)
    return f"{format_int(numerator)}/{format_int(denominator)}, tỷ lệ {percent}"


def format_date(d: date) -> str:
    """A date as an administrative document writes it: "ngày 07 tháng 6 năm 2020".

    Nghị định 30/2020/NĐ-CP (administrative documents): a day below 10 and the months 1 and 2 take
    a leading zero: "ngày 05 tháng 02 năm 2025".
    """
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


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


#: Roman numerals stop at MMMCMXCIX: the largest congress number a document can print
MAX_CONGRESS_NUMBER = 3999


def roman(n: int) -> str:
    """A congress number as Vietnamese documents print it: "Đại hội lần thứ XXIII" (1..3999).

    Standard numerals stop at 3999 (no symbol above M), so anything else is a ValueError.
    """
    if not 1 <= n <= MAX_CONGRESS_NUMBER:
        msg = f"no Roman numeral for {n}"
        raise ValueError(msg)
    parts: list[str] = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        parts.append(numeral * count)
    return "".join(parts)
