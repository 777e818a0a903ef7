"""Vietnamese collation, and the ballot order of names (R7).

Three levels, as in the Unicode Collation Algorithm: the letters of the 29-letter Vietnamese
alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y; f j w z for foreign names in
their Latin places), then the tones, then case. Tones are ignored until the letters are equal, so
"Dũng" < "Đức" (d before đ) and "Hà" < "Hai"; the tone order is that of Vietnamese dictionaries
and CLDR: none, huyền, hỏi, ngã, sắc, nặng.
"""

import unicodedata
from collections.abc import Iterable

from daihoi.core.vi.text import split_name

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_WEIGHT = {letter: 0x110000 + index for index, letter in enumerate(_ALPHABET)}

# Combining marks that make a letter of the alphabet (ă â ê ô ơ ư) rather than a tone.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
# Tone marks in dictionary order: huyền, hỏi, ngã, sắc, nặng (no mark = ngang = 0).
_TONE_WEIGHT = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

Key = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]


def _clusters(text: str) -> Iterable[tuple[str, str]]:
    """(base character, its combining marks) for each character of `text` decomposed."""
    decomposed = unicodedata.normalize("NFD", text)
    base, marks = "", ""
    for char in decomposed:
        if unicodedata.combining(char) and base:
            marks += char
            continue
        if base:
            yield base, marks
        base, marks = char, ""
    if base:
        yield base, marks


def collation_key(text: str) -> Key:
    """A sort key: letters first (primary), then tones (secondary), then case (tertiary).

    A tone belongs to the syllable, not to the letter that carries it ("Hòa" = "Hoà"), so the
    secondary level holds one tone per word. Non-letters (spaces, hyphens, digits) sort before
    letters, by code point.
    """
    primary: list[int] = []
    tones: list[int] = []
    tertiary: list[int] = []
    tone = 0
    for base, marks in _clusters(text):
        lower = base.lower()
        letter = unicodedata.normalize(
            "NFC", lower + "".join(m for m in marks if m in _LETTER_MARKS)
        )
        weight = _LETTER_WEIGHT.get(letter)
        if weight is None:  # a space or another non-letter ends the syllable
            tones.append(tone)
            tone = 0
            primary.append(ord(lower))
        else:
            primary.append(weight)
            tone = next((_TONE_WEIGHT[m] for m in marks if m in _TONE_WEIGHT), tone)
        tertiary.append(0 if base == lower else 1)
    tones.append(tone)
    return tuple(primary), tuple(tones), tuple(tertiary)


def name_sort_key(full_name: str) -> tuple[Key, Key, Key]:
    """Ballot order: given name, then family name, then middle name (R7; OPEN-12).

    Rule R7 [V]: names are printed by given name "theo vần A, B, C" (the minutes form of 244-2014
    Art. 17 and 190-2024 Art. 15). Equal given names are OPEN-12 (setting `ballot_order`, default:
    family name, middle name, then the older first — the caller adds the birth date).
    """
    parts = split_name(full_name)
    return collation_key(parts.given), collation_key(parts.family), collation_key(parts.middle)


def sort_names(names: Iterable[str]) -> list[str]:
    """`names` in ballot order."""
    return sorted(names, key=name_sort_key)
