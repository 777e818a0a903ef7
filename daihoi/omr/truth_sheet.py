"""The sheet saying what each voter meant, for checking the scanner on hand-marked ballots
(docs/omr-acceptance.md; issue 14 §2).

Two forms are read:
- the office form, one line per scanned file, easy to fill in a spreadsheet:
  `tệp / file`, `gạch / struck` (the row numbers struck cleanly), `không rõ / doubtful` (the rows
  with a mark the counting board must judge: a partial line, a circle, a tick …); every other
  row of the file is a name kept;
- the long form written by bench/omr_handmarks.py: `file, page, row, truth` with truth
  `struck | kept | ambiguous` (Vietnamese `gạch | giữ | không rõ` too), one line per row.
A ballot the board did not stamp must go to review (R11): the office form marks it with an `x`
in a column `không dấu / no stamp`; beside a long form, handmarks' pages.csv says it.

A file named `scan.pdf#3` is page 3 of a multi-page file; a bare name holds for all its pages.
Row numbers are the printed numbers of the names; a list is written `3 7 12`, `3, 7, 12`,
`3;7` or as ranges `3-5`. A bad line is refused naming its line number and the column.
"""

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Meant(StrEnum):
    """What the voter meant for one row."""

    STRUCK = "struck"
    KEPT = "kept"
    AMBIGUOUS = "ambiguous"


@dataclass
class FileTruth:
    """The rows of one file (or one page of it): listed rows, and whether any row not listed
    is a kept name (the office form) or has no truth (the long form)."""

    rows: dict[int, Meant] = field(default_factory=dict)
    others_kept: bool = False

    def of(self, row: int) -> Meant | None:
        return self.rows.get(row, Meant.KEPT if self.others_kept else None)


class TruthError(ValueError):
    """A line of the sheet that cannot be read: its number and what is wrong, in both languages."""

    def __init__(self, line: int, vi: str, en: str) -> None:
        super().__init__(f"{line}: {en}")
        self.line = line
        self.vi = vi
        self.en = en


@dataclass(frozen=True)
class TruthSheet:
    files: dict[str, FileTruth]
    unstamped: frozenset[str] = frozenset()  # files of ballots the board did not stamp (R11)

    def stamped(self, name: str, page: int) -> bool:
        return name not in self.unstamped and f"{name}#{page}" not in self.unstamped

    def of(self, name: str, page: int) -> FileTruth | None:
        """The truth of page `page` (1-based, in the file) of the file called `name`."""
        return self.files.get(f"{name}#{page}") or self.files.get(name)


def _plain(text: str) -> str:
    """A header or value folded for matching: no tones or marks, lower case, single spaces."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in folded if unicodedata.category(c) != "Mn")
    return " ".join(re.split(r"[\s_/()]+", bare.lower())).strip()


_FILE = {"file", "tep", "ten tep", "tep anh", "anh", "image", "file name", "filename"}
_STRUCK = {"struck", "gach", "dong gach", "cac dong gach", "ten bi gach", "so gach", "rows struck"}
_DOUBTFUL = {
    "doubtful",
    "ambiguous",
    "khong ro",
    "nghi ngo",
    "can xem xet",
    "dong khong ro",
    "rows doubtful",
}
_UNSTAMPED = {"khong dau", "khong co dau", "chua dong dau", "no stamp", "unstamped"}
_YES = {"x", "1", "co", "yes", "y", "v"}
_ROW = {"row", "dong", "so", "stt"}
_TRUTH = {"truth", "y dinh", "that", "meant", "danh dau"}
_MEANT = {
    "struck": Meant.STRUCK,
    "gach": Meant.STRUCK,
    "kept": Meant.KEPT,
    "giu": Meant.KEPT,
    "ambiguous": Meant.AMBIGUOUS,
    "doubtful": Meant.AMBIGUOUS,
    "khong ro": Meant.AMBIGUOUS,
    "nghi ngo": Meant.AMBIGUOUS,
}


def _column(header: list[str], names: set[str]) -> int | None:
    """The column whose folded header is one of `names`, or a part of it before or after a slash
    or before a bracket ('Tệp / File', 'Gạch (các số)')."""
    for index, title in enumerate(header):
        parts = {_plain(title)} | {_plain(p) for p in re.split(r"[/(]", title)}
        if parts & names:
            return index
    return None


def _numbers(text: str, line: int, column: str) -> set[int]:
    found: set[int] = set()
    for token in re.split(r"[\s,;]+", text.strip()):
        if not token:
            continue
        match = re.fullmatch(r"(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?", token)
        if match is None or (match[2] and int(match[2]) < int(match[1])):
            raise TruthError(
                line,
                f"dòng {line}, cột «{column}»: «{token}» không phải số dòng hay khoảng số (3-5)",
                f"line {line}, column '{column}': '{token}' is not a row number or a range (3-5)",
            )
        found |= set(range(int(match[1]), int(match[2] or match[1]) + 1))
    return found


def _delimiter(first: str) -> str:
    for candidate in ("\t", ";"):
        if candidate in first and "," not in first.replace('"', ""):
            return candidate
    return ","


def read_truth(text: str) -> TruthSheet:
    """The sheet from the CSV's text (UTF-8, with or without a byte-order mark); TruthError
    naming the line when one cannot be read."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise TruthError(1, "bảng trống: thiếu dòng tiêu đề", "the sheet is empty: no header line")
    rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(lines[0])))
    header = rows[0]
    file_at = _column(header, _FILE)
    if file_at is None:
        raise TruthError(
            1,
            "dòng 1: thiếu cột «Tệp» (tên tệp ảnh quét)",
            "line 1: no 'File' column (the scanned file's name)",
        )
    row_at, truth_at = _column(header, _ROW), _column(header, _TRUTH)
    if row_at is not None and truth_at is not None:
        return TruthSheet(_long_form(rows[1:], file_at, row_at, truth_at, header))
    struck_at, doubtful_at = _column(header, _STRUCK), _column(header, _DOUBTFUL)
    if struck_at is None:
        raise TruthError(
            1,
            "dòng 1: thiếu cột «Gạch» (các số dòng bị gạch) hoặc các cột «Dòng», «Ý định»",
            "line 1: no 'Struck' column (the row numbers struck), nor 'Row' and 'Truth'",
        )
    files = _office_form(rows[1:], file_at, struck_at, doubtful_at, header)
    unstamped_at = _column(header, _UNSTAMPED)
    unstamped = frozenset(
        _cell(row, file_at)
        for row in rows[1:]
        if unstamped_at is not None and _plain(_cell(row, unstamped_at)) in _YES
    )
    return TruthSheet(files, unstamped)


def unstamped_pages(text: str) -> frozenset[str]:
    """The files whose ballot bears no seal, from bench/omr_handmarks.py's pages.csv (its
    `stamp` column is 0 on the front of such a ballot)."""
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    return frozenset(
        row["file"] for row in rows if row.get("page") == "1" and row.get("stamp") == "0"
    )


def _cell(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def _file_name(row: list[str], at: int, line: int, header: list[str]) -> str:
    name = _cell(row, at)
    if not name:
        raise TruthError(
            line,
            f"dòng {line}: thiếu tên tệp ở cột «{header[at]}»",
            f"line {line}: no file name in column '{header[at]}'",
        )
    return name


def _office_form(
    rows: Iterable[list[str]],
    file_at: int,
    struck_at: int,
    doubtful_at: int | None,
    header: list[str],
) -> dict[str, FileTruth]:
    files: dict[str, FileTruth] = {}
    for line, row in enumerate(rows, 2):
        if not any(cell.strip() for cell in row):
            continue
        name = _file_name(row, file_at, line, header)
        if name in files:
            raise TruthError(
                line,
                f"dòng {line}: tệp «{name}» đã có ở một dòng trước",
                f"line {line}: the file '{name}' is already on an earlier line",
            )
        struck = _numbers(_cell(row, struck_at), line, header[struck_at])
        doubtful = (
            set()
            if doubtful_at is None
            else _numbers(_cell(row, doubtful_at), line, header[doubtful_at])
        )
        both = struck & doubtful
        if both:
            raise TruthError(
                line,
                f"dòng {line}: số {min(both)} vừa ở cột gạch vừa ở cột không rõ",
                f"line {line}: row {min(both)} is both struck and doubtful",
            )
        truth = FileTruth(others_kept=True)
        truth.rows.update(dict.fromkeys(struck, Meant.STRUCK))
        truth.rows.update(dict.fromkeys(doubtful, Meant.AMBIGUOUS))
        files[name] = truth
    return files


def _long_form(
    rows: Iterable[list[str]], file_at: int, row_at: int, truth_at: int, header: list[str]
) -> dict[str, FileTruth]:
    files: dict[str, FileTruth] = {}
    for line, row in enumerate(rows, 2):
        if not any(cell.strip() for cell in row):
            continue
        name = _file_name(row, file_at, line, header)
        numbers = _numbers(_cell(row, row_at), line, header[row_at])
        meant = _MEANT.get(_plain(_cell(row, truth_at)))
        if len(numbers) != 1 or meant is None:
            raise TruthError(
                line,
                f"dòng {line}: cần một số dòng và «gạch», «giữ» hoặc «không rõ» "
                f"(struck, kept, ambiguous), có «{_cell(row, row_at)}», «{_cell(row, truth_at)}»",
                f"line {line}: one row number and struck, kept or ambiguous expected, "
                f"found '{_cell(row, row_at)}', '{_cell(row, truth_at)}'",
            )
        number = numbers.pop()
        truth = files.setdefault(name, FileTruth())
        if number in truth.rows:
            raise TruthError(
                line,
                f"dòng {line}: dòng số {number} của tệp «{name}» đã có ở trước",
                f"line {line}: row {number} of '{name}' is already given",
            )
        truth.rows[number] = meant
    return files
