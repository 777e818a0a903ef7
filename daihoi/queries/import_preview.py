"""What an import's preview shows beside the rows: a summary per field, and what was left out.

An organiser under time pressure does not read 300 rows. A misread column shows at a glance in
its summary instead: every birth date empty, every delegate "Nam", the party dates fifty years
too late, one delegation for everybody. So each field that will be stored is counted here
(filled and empty; for a choice, each value with its count; for a date, the earliest and the
latest), and the reading's own report is sorted out for the page: the columns not used, the rows
skipped (hidden or struck through), the date columns whose day/month order was chosen, and the
problems split into those that stop the import and the warnings.

Plain values and codes only: the page puts them into words. The reading's report is read by
attribute with defaults, so a preview made by an older reader (without it) still shows.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from daihoi.imports.reading import REGISTER_FIELDS

#: fields whose values are counted one by one (codes, or the few words offices use)
CHOICE_FIELDS = frozenset({"gender", "kind", "standing", "political_theory", "delegation"})
DATE_FIELDS = frozenset({"birth_date", "party_joined_on", "party_official_on"})
#: yes/no fields, counted as "yes" and "no"
FLAG_FIELDS = frozenset({"incumbent"})

#: values listed for one choice field; the rest are counted together (a delegation per row
#: would otherwise fill the page)
MOST_VALUES = 12


@dataclass(frozen=True)
class FieldSummary:
    """One field over every row read: how often it is filled, and what it holds."""

    field: str
    filled: int
    empty: int
    #: a choice's values (codes, or the text for free choices) with their counts, most first;
    #: "yes"/"no" for a flag
    values: tuple[tuple[str, int], ...] = ()
    #: rows whose values are beyond the listed ones
    other_values: int = 0
    earliest: date | None = None
    latest: date | None = None
    #: birth dates known by the year only (age cut-offs need the day)
    year_only: int = 0


@dataclass(frozen=True)
class PreviewReport:
    """The reading's report, sorted for the page."""

    summaries: tuple[FieldSummary, ...]
    unused_columns: tuple[object, ...]
    skipped_rows: tuple[object, ...]
    date_orders: tuple[object, ...]
    errors: tuple[object, ...]
    warnings: tuple[object, ...]


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def summarise(rows: Sequence[object], field: str) -> FieldSummary:
    """One field's summary over `rows` (records with that attribute; a missing one is empty)."""
    values = [getattr(r, field, None) for r in rows]
    if field in FLAG_FIELDS:
        yes = sum(bool(v) for v in values)
        counted = tuple((k, n) for k, n in (("yes", yes), ("no", len(values) - yes)) if n)
        return FieldSummary(field, len(values), 0, counted)
    filled = [v for v in values if not _empty(v)]
    summary = FieldSummary(field, len(filled), len(values) - len(filled))
    if field in CHOICE_FIELDS:
        counts = Counter(str(v) for v in filled).most_common()
        listed = tuple(counts[:MOST_VALUES])
        other = sum(n for _, n in counts[MOST_VALUES:])
        return FieldSummary(field, summary.filled, summary.empty, listed, other)
    if field in DATE_FIELDS:
        dates = [v for v in filled if isinstance(v, date)]
        year_only = (
            sum(bool(getattr(r, "birth_year_only", False)) for r in rows)
            if field == "birth_date"
            else 0
        )
        return FieldSummary(
            field,
            summary.filled,
            summary.empty,
            earliest=min(dates, default=None),
            latest=max(dates, default=None),
            year_only=year_only,
        )
    return summary


def preview_report(
    rows: Sequence[object],
    problems: Sequence[object],
    reading: object | None,
    fields: Sequence[str] = REGISTER_FIELDS,
) -> PreviewReport:
    """The summaries of `fields` over `rows`, and `reading`'s report (empty when it has none).

    A field no row has at all (an older reader's row) is left out rather than shown as empty.
    """
    present = [f for f in fields if any(hasattr(r, f) for r in rows) or not rows]
    columns = tuple(getattr(reading, "columns", ()) or ())
    return PreviewReport(
        summaries=tuple(summarise(rows, f) for f in present),
        unused_columns=tuple(c for c in columns if not getattr(c, "field", "")),
        skipped_rows=tuple(getattr(reading, "skipped", ()) or ()),
        date_orders=tuple(getattr(reading, "date_orders", ()) or ()),
        errors=tuple(p for p in problems if not getattr(p, "warning", False)),
        warnings=tuple(p for p in problems if getattr(p, "warning", False)),
    )
