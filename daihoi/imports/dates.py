"""Dates as offices write them: date cells, numbers in General cells (Excel serials), text in
d/m/yyyy, d.m.yyyy, d-m-yyyy or two-digit years, "ngày 7 tháng 6 năm 1970", ISO; a year alone
where the column is "Năm sinh".

Which of day and month comes first is decided per column (`column_order`): a machine set to the
US locale writes m/d, and a column typed partly as dates and partly as text is a sign of it.
"""

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from daihoi.core.vi.text import fold, nfc

ADULT_AGE = 18
OLDEST_AGE = 100
#: Excel serial numbers read as dates: 1906 to 2119 (a bare 1970 is a year, not a date)
SERIALS = (2200, 80000)
_EXCEL_EPOCH = date(1899, 12, 30)

_NUMERIC = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")
_WORDS = re.compile(r"(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
_YEAR = re.compile(r"(\d{4})")


def _century(year: int, on: date, *, birth: bool) -> int:
    """A two-digit year: in the century that makes an adult of a birth date (at most 100), or
    that is not after `on` for another date."""
    if year >= 100:
        return year
    recent = 2000 + year
    if birth:
        return recent if on.year - recent >= ADULT_AGE else 1900 + year
    return recent if recent <= on.year else 1900 + year


def numeric_parts(value: object) -> tuple[int, int, int] | None:
    """The three numbers of a text date a/b/y (either order), or None."""
    if not isinstance(value, str):
        return None
    match = _NUMERIC.fullmatch(nfc(value))
    if match is None:
        return None
    first, second, year = match.groups()
    return int(first), int(second), int(year) if len(year) == 4 else int(year) - 10000


def _made(year: int, month: int, day: int) -> date | None:
    try:
        made = date(year, month, day)
    except ValueError:
        return None
    return made if year >= 1900 else None


def parse_date(  # noqa: PLR0911  # one return per form of date
    value: object, *, order: str = "dmy", on: date | None = None, birth: bool = False
) -> date | None:
    """A date cell, an Excel serial, or a date written as text; None when it is none of them.

    `order` is how a text a/b/yyyy is read ("dmy" or "mdy"); `on` is the day a two-digit year
    is judged against (today when None), `birth` whether it is a birth date.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if SERIALS[0] <= value < SERIALS[1]:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        return None
    if not isinstance(value, str):
        return None
    text = nfc(value)
    reference = on if on is not None else date.today()  # noqa: DTZ011  # only a century guess
    if parts := numeric_parts(text):
        first, second, year = parts
        full = year if year > 0 else _century(year + 10000, reference, birth=birth)
        day, month = (first, second) if order == "dmy" else (second, first)
        return _made(full, month, day)
    if match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        return _made(year, month, day)
    if match := _WORDS.fullmatch(fold(text)):
        day, month, year = (int(part) for part in match.groups())
        return _made(year, month, day)
    return None


def parse_year(value: object) -> int | None:
    """A year alone (1970 as a number or text), as a "Năm sinh" column holds it."""
    if isinstance(value, int | float) and not isinstance(value, bool) and value == int(value):
        year = int(value)
    elif isinstance(value, str) and (match := _YEAR.fullmatch(nfc(value))):
        year = int(match.group(1))
    else:
        return None
    return year if 1900 <= year <= 2100 else None


def _iso(parts: tuple[int, int, int], *, day_first: bool) -> str:
    first, second, year = parts
    day, month = (first, second) if day_first else (second, first)
    full = year if year > 0 else _century(year + 10000, date.today(), birth=False)  # noqa: DTZ011
    made = _made(full, month, day)
    return made.isoformat() if made else ""


def column_order(
    values: Sequence[object],
) -> tuple[str, bool, bool, tuple[tuple[str, str, str], ...]]:
    """How a column's text dates read: (order, proven, in question, examples).

    Day first unless only month first fits every text date. In question when month first is
    the only reading, or when date cells sit beside text that reads only day first: a machine
    set to month first made dates of what it could (07/06 as 6 July) and left 13/06 as text.
    """
    texts = [(v, p) for v in values if (p := numeric_parts(v)) is not None]
    cells = any(isinstance(v, date) for v in values)
    dmy = all(_iso(p, day_first=True) for _, p in texts)
    mdy = all(_iso(p, day_first=False) for _, p in texts)
    if mdy and not dmy:
        order, proven = "mdy", True
    else:
        order, proven = "dmy", dmy and not mdy
    day_first_only = any(_iso(p, day_first=True) and not _iso(p, day_first=False) for _, p in texts)
    question = (mdy and not dmy and bool(texts)) or (cells and day_first_only)
    examples = tuple(
        (nfc(str(v)), _iso(p, day_first=True), _iso(p, day_first=False)) for v, p in texts[:5]
    )
    return order, proven, question, examples
