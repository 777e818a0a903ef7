"""How the counting board types row numbers: the fewest keys that still cannot be misread.

The clerk's hands are the bottleneck of a count, so numbers may be typed packed, without
separators, each padded to the width of the list's largest number: on a list of 49 names
"0312 40" reads 3, 12, 40. A number typed alone needs no padding ("3 12 40" reads the same).
A token whose length is not a multiple of that width ("312" on a list of 49) could be 3, 12 or
31, 2: it is refused, never guessed, as is anything that is not digits.
"""

import re
from dataclasses import dataclass

_SEPARATORS = re.compile(r"[\s,.;+]+")


@dataclass(frozen=True, slots=True)
class KeyingError(ValueError):
    """A typed token that is not a row number: `reason` is "not_digits" or "ambiguous"."""

    token: str
    reason: str
    width: int


def row_width(rows: int) -> int:
    """Digits of the largest row number: the width a packed number is padded to."""
    return len(str(max(rows, 1)))


def parse_row_numbers(text: str, rows: int) -> list[int]:
    """The row numbers in `text`, in the order typed; bounds are checked by the caller."""
    width = row_width(rows)
    numbers: list[int] = []
    for token in _SEPARATORS.split(text.strip()):
        if not token:
            continue
        if not (token.isascii() and token.isdigit()):
            raise KeyingError(token, "not_digits", width)
        if len(token) <= width:
            numbers.append(int(token))
        elif len(token) % width == 0:
            numbers.extend(int(token[i : i + width]) for i in range(0, len(token), width))
        else:
            raise KeyingError(token, "ambiguous", width)
    return numbers


def keys_to_type(numbers: list[int], rows: int, *, packed: bool) -> int:
    """Keystrokes for `numbers` and Enter: packed and padded, or separated by spaces."""
    if not numbers:
        return 1
    if packed:
        return len(numbers) * row_width(rows) + 1
    return sum(len(str(n)) for n in numbers) + len(numbers) - 1 + 1
