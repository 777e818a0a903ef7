"""Reading a delegate's qualifications as the register writes them (free text such as "Thạc sĩ
Kinh tế, PGS" or "Cao cấp lý luận chính trị") into the levels a credentials report counts: the
highest professional degree, an academic title, the level of political theory.

Words are matched after NFC + casefold, as whole words; an entry naming two degrees counts once, at
the higher; nothing unrecognised is guessed (it counts as "unknown" in the report).
"""

import re
import unicodedata

from daihoi.core.vi.text import nfc

#: the bucket of a delegate whose fact is missing or unrecognised (never guessed)
UNKNOWN = "unknown"
#: the bucket of a fact given but outside the report's categories
OTHER = "other"

# Professional level of Biểu số 2-BTCTW (practice.md §1.6: elementary, intermediate, college,
# university, master, doctor), highest first: a register entry naming two degrees counts once, at
# the higher. Words are matched after NFC + casefold, as whole words.
PROFESSIONAL_LEVELS = ("doctor", "master", "university", "college", "intermediate", "elementary")
_LEVEL_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("doctor", ("tiến sĩ", "tiến sỹ", "ts", "tskh")),
    ("master", ("thạc sĩ", "thạc sỹ", "ths", "th s")),
    (
        "university",
        (
            "đại học",
            "cử nhân",
            "kỹ sư",
            "kĩ sư",
            "bác sĩ",
            "bác sỹ",
            "dược sĩ",
            "dược sỹ",
            "kiến trúc sư",
        ),
    ),
    ("college", ("cao đẳng",)),
    ("intermediate", ("trung cấp",)),
    ("elementary", ("sơ cấp",)),
)


# "Sau đại học" (postgraduate) names no degree; it must not read as "đại học".
_NOT_A_LEVEL = ("sau đại học",)


# Academic titles (practice.md §1.6: "professor / associate professor"), counted apart from the
# degree. The title requires a doctorate (Quyết định 37/2018/QĐ-TTg, standards for GS and PGS), so
# "PGS" alone is a doctor as well.
TITLES = ("professor", "associate_professor")


_TITLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("associate_professor", ("pgs", "phó giáo sư")),
    ("professor", ("gs", "giáo sư")),
)


# Political theory as reports group it (practice.md §1.6: "cao cấp/cử nhân, trung cấp"; Biểu số
# 2-BTCTW adds sơ cấp): a bachelor of political theory counts with cao cấp.
POLITICAL_THEORY_LEVELS = ("senior", "intermediate", "elementary")


_THEORY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("senior", ("cao cấp", "cử nhân")),
    ("intermediate", ("trung cấp",)),
    ("elementary", ("sơ cấp",)),
)


def fold(text: str) -> str:
    """NFC + casefold: "Tiến sĩ" typed on macOS (NFD) or in capitals is the same words."""
    return unicodedata.normalize("NFC", nfc(text).casefold())


def _words(text: str) -> tuple[str, ...]:
    """Whole words of `text` folded; dots, commas and slashes separate ("PGS.TS" → pgs, ts)."""
    return tuple(word for word in re.split(r"[^\w]+", fold(text)) if word)


def _find(words: tuple[str, ...], phrase: str) -> int | None:
    """Where the words of `phrase` occur together in `words`, or None."""
    wanted = tuple(phrase.split(" "))
    for start in range(len(words) - len(wanted) + 1):
        if words[start : start + len(wanted)] == wanted:
            return start
    return None


def _without(words: tuple[str, ...], phrase: str) -> tuple[str, ...]:
    wanted = len(phrase.split(" "))
    while (start := _find(words, phrase)) is not None:
        words = (*words[:start], "", *words[start + wanted :])
    return words


def _highest(words: tuple[str, ...], table: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    for key, phrases in table:
        if any(_find(words, phrase) is not None for phrase in phrases):
            return key
    return None


def academic_title(education: str) -> str | None:
    """ "professor", "associate_professor" or None from the register's education text.

    "Phó giáo sư" contains "giáo sư", so the associate title is looked for first.
    """
    words = _words(education)
    if _find(words, "phó giáo sư") is not None:
        return "associate_professor"
    return _highest(words, _TITLE_WORDS)


def professional_level(education: str) -> str:
    """The Biểu số 2-BTCTW level named by `education`, OTHER if none is, UNKNOWN if blank.

    GS and PGS imply a doctorate (Quyết định 37/2018/QĐ-TTg). Anything unrecognised ("12/12",
    "Sau đại học") is OTHER, for a person to read, never a level guessed.
    """
    words = _words(education)
    if not words:
        return UNKNOWN
    for phrase in _NOT_A_LEVEL:
        words = _without(words, phrase)
    level = _highest(words, _LEVEL_WORDS)
    if level is None and academic_title(education) is not None:
        return "doctor"
    return OTHER if level is None else level


def political_theory_level(text: str) -> str:
    """ "senior" (cao cấp, cử nhân), "intermediate", "elementary"; OTHER; UNKNOWN if blank."""
    words = _words(text)
    if not words:
        return UNKNOWN
    level = _highest(words, _THEORY_WORDS)
    return OTHER if level is None else level
