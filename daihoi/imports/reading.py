"""What a reading of a list shows besides its rows: the interface the preview and the command
line are written against.

A reading never drops anything without a word: a row not imported is a SkippedRow, a column
not understood is a ColumnUse with no field, a date column whose day/month order the data does
not settle is a DateOrder the person chooses.
"""

from dataclasses import dataclass
from typing import Generic, TypeVar

from daihoi.imports.workbook import RowProblem

Row = TypeVar("Row")


@dataclass(frozen=True)
class SkippedRow:
    """A row not imported by default (a replaced delegate), listed in the preview."""

    sheet: str
    row: int
    name: str
    why: str  # "hidden" | "struck"


@dataclass(frozen=True)
class ColumnUse:
    """One column of a table found, used or not."""

    sheet: str
    header: str  # as the file writes it, parent › child ("Ngày vào Đảng › Chính thức")
    field: str  # the template header it was read as ("Ngày sinh"), "" when not used


@dataclass(frozen=True)
class DateOrder:
    """A date column whose day/month order is in question."""

    sheet: str
    column: str
    chosen: str  # "dmy" | "mdy"
    proven: bool  # the other order is impossible for some cell
    examples: tuple[tuple[str, str, str], ...]  # (as written, read d/m as ISO, read m/d as ISO)

    @property
    def key(self) -> str:
        """The key of the person's choice in `date_orders`."""
        return order_key(self.sheet, self.column)


def order_key(sheet: str, column: str) -> str:
    return f"{sheet}\x1f{column}"


@dataclass(frozen=True)
class Reading(Generic[Row]):
    """Everything read from one file."""

    rows: list[Row]
    problems: list[RowProblem]
    columns: list[ColumnUse]
    skipped: list[SkippedRow]
    date_orders: list[DateOrder]

    @property
    def errors(self) -> list[RowProblem]:
        """The problems that stop the import (warnings do not)."""
        return [p for p in self.problems if not p.warning]


#: the fields a register row stores, in the order of the office's form (the preview's columns,
#: the command's records)
REGISTER_FIELDS = (
    "full_name",
    "birth_date",
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
#: the candidate list's fields
CANDIDATE_FIELDS = ("full_name", "birth_date", "gender", "ethnicity", "incumbent")
