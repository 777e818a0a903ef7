"""What a corpus workbook is made of: the true delegate, the columns that write it, the table rows.

The truth (a `Person`) is kept apart from how an office writes it (a `Col` renders a person into a
cell; `written` overrides let one row be written differently, e.g. with a new tone placement), so
that the expected records are the truth and never a copy of the workbook's quirks.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

#: what a cell may hold
CellValue = str | int | float | date | None

#: the fields of an expected record, in the order of the brief
FIELDS = (
    "full_name",
    "birth_date",
    "birth_year_only",
    "gender",
    "kind",
    "standing",
    "delegation",
    "party_joined_on",
    "party_official_on",
    "political_theory",
    "education",
    "position",
    "unit",
    "ethnicity",
    "incumbent",
)
#: what a record holds for a field that the file does not give
DEFAULTS: dict[str, object] = {
    "kind": "",
    "standing": "official",
    "delegation": "",
    "party_joined_on": None,
    "party_official_on": None,
    "political_theory": "",
    "education": "",
    "position": "",
    "unit": "",
    "ethnicity": "Kinh",
    "incumbent": False,
    "birth_year_only": False,
}


@dataclass(frozen=True)
class Person:
    """One delegate as he or she really is (names NFC, old tone placement)."""

    full_name: str
    birth_date: date
    gender: str  # "male" | "female"
    party_joined_on: date
    party_official_on: date
    political_theory: str  # "Cao cấp" | "Trung cấp" | "Sơ cấp" | "Cử nhân" | ""
    education: str
    position: str
    unit: str
    ethnicity: str = "Kinh"
    kind: str = ""
    standing: str = "official"
    delegation: str = ""
    incumbent: bool = False
    #: how this one row is written when it differs from the column's way (key → cell value)
    written: dict[str, CellValue] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Col:
    """One column: its header path (parent › child) and how it writes a person into a cell."""

    path: tuple[str, ...]
    value: Callable[[Person], CellValue]
    #: the record fields this column gives (the others take DEFAULTS); () for an unused column
    gives: tuple[str, ...] = ()
    fmt: str | None = None
    width: float = 14
    #: merge equal neighbouring cells of this column downwards (a unit or delegation column)
    merge_down: bool = False
    #: the running number of the row ("TT") instead of a value
    counter: bool = False


@dataclass(frozen=True)
class Row:
    """A delegate's row; a hidden or struck-through row is written but not stored."""

    person: Person
    hidden: bool = False
    struck: bool = False


@dataclass(frozen=True)
class Section:
    """A section row: "I. ĐẠI BIỂU ĐƯƠNG NHIÊN" sets the kind (or standing) of the rows below."""

    text: str
    kind: str | None = None
    standing: str | None = None
    merged: bool = True


@dataclass(frozen=True)
class Delegation:
    """A delegation row: "Đoàn đại biểu số 3 – Đảng bộ phường Bến Nghé" for the rows below."""

    text: str
    merged: bool = True


@dataclass(frozen=True)
class Blank:
    """An empty row left between sections."""


Item = Row | Section | Delegation | Blank


@dataclass
class Sheet:
    """One worksheet: a title block, the table (header, number row, body) and what follows it."""

    name: str
    #: lines above the table: a text in column A, or (left, right) for the two-sided heading
    title: list[str | tuple[str, str]]
    cols: list[Col]
    body: list[Item]
    number_row: str = "paren"  # "paren" → (1) (2) …; "plain" → 1 2 …; "" → none
    total: str = "Tổng cộng: {n} đồng chí"
    signature: bool = True
    #: rows of free text instead of a table (a "Hướng dẫn" sheet, a summary)
    free: list[list[CellValue]] = field(default_factory=list)
    blank_before_table: int = 1


@dataclass
class Workbook:
    """One corpus file and what the reader must make of it."""

    name: str  # stem; the file is name + ext
    form: str
    sheets: list[Sheet]
    ext: str = "xlsx"  # "xlsx" | "xls"
    via_libreoffice: bool = False  # saved through LibreOffice (xls always is)
    nfd: bool = False  # every text cell in NFD, as a Mac writes it
    warnings: list[str] = field(default_factory=list)
    refuse: list[str] = field(default_factory=list)


# --- tone placement ---------------------------------------------------------------------------

_OLD_TO_NEW = {
    "òa": "oà",
    "óa": "oá",
    "ỏa": "oả",
    "õa": "oã",
    "ọa": "oạ",
    "òe": "oè",
    "óe": "oé",
    "ỏe": "oẻ",
    "õe": "oẽ",
    "ọe": "oẹ",
    "ùy": "uỳ",
    "úy": "uý",
    "ủy": "uỷ",
    "ũy": "uỹ",
    "ụy": "uỵ",
}
_OLD_END = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TO_NEW) + r")\b", re.IGNORECASE)


def new_style(text: str) -> str:
    """The new tone placement ("Hoà", "Thuỷ", "Khoẻ") of an old-style text, at word ends only."""

    def swap(match: re.Match[str]) -> str:
        found = match.group(1)
        new = _OLD_TO_NEW[found.lower()]
        return "".join(n.upper() if f.isupper() else n for f, n in zip(found, new, strict=True))

    return _OLD_END.sub(swap, unicodedata.normalize("NFC", text))


def capitals(text: str) -> str:
    """A name as typed in capitals."""
    return text.upper()


# --- dates as offices write them --------------------------------------------------------------

EXCEL_EPOCH = date(1899, 12, 30)


def serial(day: date) -> int:
    """The day as the number Excel stores (what a General-formatted cell shows)."""
    return (day - EXCEL_EPOCH).days


def dmy(day: date) -> str:
    """07/06/1970"""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def dmy_short(day: date) -> str:
    """7/6/70 (two-digit year)"""
    return f"{day.day}/{day.month}/{day.year % 100:02d}"


def dmy_dots(day: date) -> str:
    """07.06.1970"""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def mdy(day: date) -> str:
    """6/7/1970 meaning June 7 (an English-Windows machine)"""
    return f"{day.month}/{day.day}/{day.year}"


def fold(text: str) -> str:
    """A name compared as a person: NFC, old tone placement, case and spaces ignored."""
    nfc = unicodedata.normalize("NFC", text)
    back = {new: old for old, new in _OLD_TO_NEW.items()}
    pattern = re.compile(r"(?<![qQ])(" + "|".join(back) + r")\b", re.IGNORECASE)
    old = pattern.sub(lambda m: back[m.group(1).lower()], nfc.lower())
    return " ".join(old.split())
