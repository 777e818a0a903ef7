"""The reader's report as JSON and back, to keep with the scanned ballot it describes."""

import math
import numbers
from dataclasses import asdict
from typing import Any

from daihoi.omr.reading import (
    Doubt,
    Mark,
    PageReading,
    PageRejected,
    Reading,
    Rejection,
    RowReading,
)


def reading_to_json(reading: Reading) -> dict[str, Any]:
    """Plain JSON values (codes as strings, tuples as lists) of a page's reading."""
    data = asdict(reading)
    data["kind"] = "rejected" if isinstance(reading, PageRejected) else "page"
    return _plain(data)  # type: ignore[no-any-return]


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)  # a StrEnum member as its bare code
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return value
    return _number(value)


def _number(value: numbers.Real) -> int | float | None:
    """numpy's numbers too, as plain ones; JSON (and PostgreSQL) has no NaN."""
    if isinstance(value, numbers.Integral):
        return int(value)
    number = float(value)
    return number if math.isfinite(number) else None


def _row(data: dict[str, Any]) -> RowReading:
    proposal = data.get("proposal")
    return RowReading(
        number=int(data["number"]),
        mark=Mark(data["mark"]),
        confidence=float(data["confidence"]),
        doubts=tuple(Doubt(d) for d in data.get("doubts", ())),
        proposal=Mark(proposal) if proposal else None,
        measures={str(k): float(v) for k, v in data.get("measures", {}).items() if v is not None},
    )


def reading_from_json(data: dict[str, Any]) -> Reading:
    """The dataclasses again, from what `reading_to_json` wrote."""
    if data.get("kind") == "rejected":
        return PageRejected(Rejection(data["reason"]), str(data.get("detail", "")))
    return PageReading(
        election_id=int(data["election_id"]),
        round=int(data["round"]),
        page=int(data["page"]),
        pages=int(data["pages"]),
        rows=tuple(_row(row) for row in data["rows"]),
        doubts=tuple(Doubt(d) for d in data.get("doubts", ())),
        warnings=tuple(Doubt(d) for d in data.get("warnings", ())),
        homography=tuple(tuple(float(v) for v in line) for line in data.get("homography", ())),
        paper=str(data.get("paper", "")),
        fingerprint=str(data.get("fingerprint", "")),
    )
