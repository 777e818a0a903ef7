"""Vietnamese collation, and the ballot order of names (R7).

Three levels, as in the Unicode Collation Algorithm: the letters of the 29-letter Vietnamese
alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y; f j w z for foreign names in
their Latin places), then the tones, then case. Code-point order would put "Đức" after "Vũ" and
let a tone decide before the letters after it; dictionaries ignore tones until the letters are
equal, so "Dũng" < "Đức" (d before đ) and "Hà" < "Hai". The tone order is that of Vietnamese
dictionaries and CLDR vi: none (ngang), huyền, hỏi, ngã, sắc, nặng.
"""

import unicodedata
from collections.abc import Iterable, Iterator
from typing import TypeAlias

from daihoi.core.vi.text import split_name

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Above every code point, so that spaces, hyphens and digits sort before any letter.
_LETTER_WEIGHT = {letter: 0x110000 + index for index, letter in enumerate(_ALPHABET)}

# Combining marks that make a letter of the alphabet (ă â ê ô ơ ư) rather than a tone.
_LETTER_MARKS = frozenset("\u0306\u0302\u031b")  # breve, circumflex, horn
# Tone marks in dictionary order: huyền, hỏi, ngã, sắc, nặng (no mark = ngang = 0).
_TONE_WEIGHT = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

Level: TypeAlias = tuple[int, ...]
CollationKey: TypeAlias = tuple[Level, Level, Level]


def _clusters(text: str) -> Iterator[tuple[str, str]]:
    """(base character, its combining marks) for each character of `text` decomposed (NFD).

    đ/Đ has no decomposition and stays one base character, a letter of its own.
    """
    base, marks = "", ""
    for char in unicodedata.normalize("NFD", text):
        if base and unicodedata.combining(char):
            marks += char
            continue
        if base:
            yield base, marks
        base, marks = char, ""
    if base:
        yield base, marks


def collation_key(text: str) -> CollationKey:
    """A sort key: letters over the whole string, then tones, then case (lower first).

    A tone belongs to the syllable, not to the vowel that carries it: "Hòa" and "Hoà" (old and new
    placement) are the same name, so the secondary level holds one tone per word. Marks that are
    neither Vietnamese letter marks nor tones (foreign ü, ñ) are ignored. Non-letters (spaces,
    hyphens, digits) sort before letters, by code point, and end a word.
    """
    primary: list[int] = []
    tones: list[int] = []
    case: list[int] = []
    tone = 0
    for base, marks in _clusters(text):
        lower = base.lower()
        letter_marks = "".join(m for m in marks if m in _LETTER_MARKS)
        letter = unicodedata.normalize("NFC", lower + letter_marks)
        weight = _LETTER_WEIGHT.get(letter)
        if weight is None:  # a non-letter ends the word and its tone
            tones.append(tone)
            tone = 0
            primary.append(ord(lower[0]))
        else:
            primary.append(weight)
            tone = next((_TONE_WEIGHT[m] for m in marks if m in _TONE_WEIGHT), tone)
        case.append(0 if base == lower else 1)
    tones.append(tone)
    return tuple(primary), tuple(tones), tuple(case)


def name_sort_key(full_name: str) -> tuple[CollationKey, CollationKey, CollationKey]:
    """Ballot order: given name, then family name, then middle name, each at all three levels.

    Rule R7: candidates are listed by given name in alphabetical order — the minutes form of
    244-2014 Art. 17: "xếp theo thứ tự tên người theo vần A, B, C". The order among equal given
    names is not written down (OPEN-12, setting `ballot_order`, default given → family → middle →
    birth date); identical names are left equal here for the caller to order by birth date.
    """
    parts = split_name(full_name)
    return collation_key(parts.given), collation_key(parts.family), collation_key(parts.middle)


def sort_names(names: Iterable[str]) -> list[str]:
    """`names` in the Vietnamese order of names (given, family, middle), the alphabetical part of
    the ballot order (R7); identical names keep their input order. The ballot's own order, with
    birth dates and the congress's setting, is `core.counting.ballot_order`."""
    return sorted(names, key=name_sort_key)
