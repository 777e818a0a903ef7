"""`daihoi import-register FILE --preview` and `daihoi import-candidates FILE --preview`: what the
register page would read from a workbook, at a terminal, storing nothing.

The records are those the page would store, field by field (dates ISO, codes as the election
file writes them), and every problem with its sheet, row and column in the page's words, so an
office can check its file, or a script compare two readings, without a browser or a database.
"""

import json
from collections.abc import Sequence
from dataclasses import asdict, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

from daihoi.imports.reading import CANDIDATE_FIELDS, REGISTER_FIELDS

#: the fields of a delegate as stored, in the order the register page shows them
RECORD_FIELDS = (*REGISTER_FIELDS[:2], "birth_year_only", *REGISTER_FIELDS[2:])


def _plain(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    return value


def record(row: object) -> dict[str, Any]:
    """One row as the record the page would store (sheet and row kept to find it in the file)."""
    if hasattr(row, "register_row"):  # a name on a candidate list
        out = {name: _plain(getattr(row, name, None)) for name in CANDIDATE_FIELDS}
        delegate = getattr(row, "delegate", None)
        out["in_register"] = delegate is not None
        out["register_row"] = getattr(delegate, "row", None)
    else:
        out = {name: _plain(getattr(row, name, None)) for name in RECORD_FIELDS}
    out["sheet"] = getattr(row, "sheet", "")
    out["row"] = getattr(row, "row", 0)
    return out


def _as_dicts(items: Sequence[object]) -> list[dict[str, Any]]:
    return [
        {k: _plain(v) for k, v in asdict(item).items()}
        for item in items
        if is_dataclass(item) and not isinstance(item, type)
    ]


def reading_document(reading: Any) -> dict[str, Any]:
    """The whole reading as JSON-ready values: records, problems, columns, skipped rows, and the
    day/month questions."""
    return {
        "records": [record(row) for row in reading.rows],
        "problems": _as_dicts(reading.problems),
        "columns": _as_dicts(reading.columns),
        "skipped": _as_dicts(reading.skipped),
        "date_orders": _as_dicts(reading.date_orders),
    }


def _orders(choices: Sequence[str]) -> dict[str, str]:
    """`--day-month "Sheet:Column=mdy"` → the reader's keys."""
    out = {}
    for choice in choices:
        place, _, order = choice.rpartition("=")
        sheet, _, column = place.partition(":")
        out[f"{sheet}\x1f{column}"] = order
    return out


#: why a row was set aside, in words (vi, en)
_WHY = {"hidden": ("dòng bị ẩn", "a hidden row"), "struck": ("bị gạch ngang", "struck through")}


def _print_reading(document: dict[str, Any], lang: str) -> None:
    english = lang == "en"
    for item in document["records"]:
        born = item["birth_date"] or "—"
        linked = ""
        if "in_register" in item:
            linked = "  " + (
                ("in the register" if english else "có trong danh sách đại biểu")
                if item["in_register"]
                else ("NOT in the register" if english else "KHÔNG có trong danh sách đại biểu")
            )
        print(
            f"{item['sheet']} {item['row']:>5}  {item['full_name']:<32} {born}  "
            f"{item['gender']}{linked}"
        )
    for column in document["columns"]:
        if not column["field"]:
            header, sheet = column["header"], column["sheet"]
            print(
                f"Column «{header}» (sheet «{sheet}») not used"
                if english
                else f"Cột «{header}» (trang «{sheet}») không dùng"
            )
    for skipped in document["skipped"]:
        why = _WHY[skipped["why"]][english]
        print(
            ("Not imported: " if english else "Không nhập: ")
            + f"{skipped['sheet']}, {skipped['row']}: {skipped['name']} ({why})"
        )
    for problem in document["problems"]:
        print(problem["message_en" if english else "message_vi"])
    stored = len(document["records"])
    errors = sum(1 for p in document["problems"] if not p.get("warning"))
    if english:
        print(
            f"{stored} rows would be stored" if not errors else f"nothing stored: {errors} errors"
        )
    else:
        print(f"Sẽ lưu {stored} dòng" if not errors else f"Không lưu gì: {errors} lỗi")


def run_import(  # noqa: PLR0913 - the file and how to read and print it
    path: str,
    *,
    candidates: bool,
    register: str | None,
    preview: bool,
    as_json: bool,
    on: str | None,
    day_month: Sequence[str],
    lang: str,
) -> int:
    """Read a register (or, with `candidates`, a candidate list linked to the `register` file)
    as the page would; exit 0 when it could be stored, 1 when it has errors, 2 on a bad command."""
    from daihoi.imports.candidates import read_candidates
    from daihoi.imports.register import read_register

    if not preview:
        print(
            "Chỉ xem trước (--preview); lưu trên trang của đại hội. / "
            "Preview only (--preview); store on the congress's page."
        )
        return 2
    try:
        data = Path(path).read_bytes()
        day = date.fromisoformat(on) if on else None
        known = Path(register).read_bytes() if register else None
    except (OSError, ValueError) as error:
        print(f"{error}")
        return 2
    orders = _orders(day_month)
    if candidates:
        people = read_register(known, on=day).rows if known is not None else None
        reading: Any = read_candidates(data, register=people, on=day, date_orders=orders)
    else:
        reading = read_register(data, on=day, date_orders=orders)
    document = reading_document(reading)
    if as_json:
        print(json.dumps(document, ensure_ascii=False, indent=1))
    else:
        _print_reading(document, lang)
    return 1 if any(not p.warning for p in reading.problems) else 0
