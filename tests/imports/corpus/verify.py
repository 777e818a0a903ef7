"""Reads the written corpus back, to catch a generator slip before a reader is blamed for it.

Checks, per file as saved (after LibreOffice for .xls and the LibreOffice-saved .xlsx): every
expected record's name is in the file, in file order; every `skipped` row is hidden or struck
through and no other row is; every duplicate pair and every refused row holds the name it is about.
Run by make_corpus.py after writing; also `tools/uv run python -m tests.imports.corpus.verify`.
"""

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import openpyxl

from tests.imports.corpus.model import fold

HERE = Path(__file__).resolve().parent
Rows = dict[tuple[str, int], str]


def _read_xlsx(path: Path) -> tuple[Rows, set[tuple[str, int]], set[tuple[str, int]]]:
    rows: Rows = {}
    hidden: set[tuple[str, int]] = set()
    struck: set[tuple[str, int]] = set()
    for ws in openpyxl.load_workbook(path):
        sheet = unicodedata.normalize("NFC", ws.title)
        for number, row in enumerate(ws.iter_rows(), 1):
            full = [c for c in row if c.value is not None]
            rows[sheet, number] = fold(" ".join(str(c.value) for c in full))
            if ws.row_dimensions[number].hidden:
                hidden.add((sheet, number))
            if any(c.font.strike for c in full):
                struck.add((sheet, number))
    return rows, hidden, struck


def _read_xls(path: Path) -> tuple[Rows, set[tuple[str, int]], set[tuple[str, int]]]:
    import xlrd  # type: ignore[import-untyped]  # the project's reader of the old format

    rows: Rows = {}
    hidden: set[tuple[str, int]] = set()
    book = xlrd.open_workbook(str(path), formatting_info=True)
    for ws in book.sheets():
        for r in range(ws.nrows):
            rows[ws.name, r + 1] = fold(" ".join(str(v) for v in ws.row_values(r) if v != ""))
            info = ws.rowinfo_map.get(r)
            if info is not None and info.hidden:
                hidden.add((ws.name, r + 1))
    return rows, hidden, set()


def check(expected: dict[str, Any]) -> list[str]:
    """What is wrong between one expected file and its workbook (empty when they agree)."""
    path = HERE / str(expected["file"])
    rows, hidden, struck = (_read_xls if path.suffix == ".xls" else _read_xlsx)(path)
    problems: list[str] = []
    order = list(rows)
    at = 0
    for rec in expected["records"]:
        name = fold(rec["full_name"])
        found = next((i for i in range(at, len(order)) if name in rows[order[i]]), None)
        if found is None:
            problems.append(f"{path.name}: {rec['full_name']} not found after row {at}")
            continue
        at = found + 1
    marked = {(s["sheet"], s["row"]): s["why"] for s in expected["skipped"]}
    for key, why in marked.items():
        if key not in (hidden if why == "hidden" else struck):
            problems.append(f"{path.name}: row {key} should be {why}")
    problems += [
        f"{path.name}: row {key} hidden or struck" for key in (hidden | struck) - set(marked)
    ]
    for dup in expected["duplicates"]:
        texts = {rows[dup["sheet"], r].split(" ", 1)[1] for r in dup["rows"]}  # all but TT
        if len(texts) != 1:
            problems.append(f"{path.name}: duplicate rows {dup['rows']} differ")
    for line in expected["refuse"]:
        where = re.search(r"sheet «(.+?)», row (\d+)", line)
        if where is None or (where.group(1), int(where.group(2))) not in rows:
            problems.append(f"{path.name}: refusal names no row: {line}")
    return problems


def main() -> int:
    problems: list[str] = []
    for path in sorted(HERE.glob("*.expected.json")):
        problems += check(json.loads(path.read_text(encoding="utf-8")))
    sys.stdout.write("".join(f"{p}\n" for p in problems) or "corpus agrees with its files\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
