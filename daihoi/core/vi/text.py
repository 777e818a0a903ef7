"""NFC normalisation and the parts of a Vietnamese full name.

Vietnamese arrives decomposed (NFD) from macOS and some spreadsheets; a name typed twice must be
the same string, so everything stored is NFC with single spaces.
"""

import unicodedata
from typing import NamedTuple


def nfc(text: str) -> str:
    """`text` in Unicode NFC, stripped, with runs of whitespace made one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


class NameParts(NamedTuple):
    """A Vietnamese full name: family name (họ), middle name (tên đệm), given name (tên)."""

    family: str
    middle: str
    given: str


def split_name(full_name: str) -> NameParts:
    """Family name first, given name last, everything between is the middle name.

    "Nguyễn Thị Minh Khai" → ("Nguyễn", "Thị Minh", "Khai"); one word is a given name only.
    """
    words = nfc(full_name).split(" ")
    if len(words) == 1:
        return NameParts("", "", words[0])
    return NameParts(words[0], " ".join(words[1:-1]), words[-1])
