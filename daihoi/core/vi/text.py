"""NFC normalisation and the parts of a Vietnamese full name.

Vietnamese arrives decomposed (NFD) from macOS and some spreadsheets; a name typed twice must be
the same string, so everything stored is NFC with single spaces.
"""

import unicodedata
from typing import NamedTuple


def nfc(text: str) -> str:
    """`text` in Unicode NFC, stripped, with every run of whitespace made one space.

    Comparing names as strings is only sound once both are in one normal form.
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def fold(text: str) -> str:
    """A loose key: single spaces, lower case, no diacritics, đ as d ("Uỷ viên" = "uy vien").

    For matching what people type in a hurry (a header, a choice, a name searched at the door),
    never for telling two names apart: "Tân An" and "Tân Ấn" fold alike.
    """
    spaced = " ".join(text.split()).casefold()
    bare = "".join(c for c in unicodedata.normalize("NFD", spaced) if not unicodedata.combining(c))
    return bare.replace("đ", "d")


class NameParts(NamedTuple):
    """A Vietnamese full name: family name (họ), middle name (tên đệm), given name (tên)."""

    family: str
    middle: str
    given: str


def split_name(full_name: str) -> NameParts:
    """Family name first, given name last, every word between them is the middle name.

    The ballot is ordered by the given name (R7), which in Vietnamese is the last word:
    "Nguyễn Thị Minh Khai" → ("Nguyễn", "Thị Minh", "Khai"). One word is a given name only; two
    words are family and given name.
    """
    words = nfc(full_name).split(" ")
    if len(words) == 1:
        return NameParts("", "", words[0])
    return NameParts(words[0], " ".join(words[1:-1]), words[-1])
