"""A candidate named like a formula ("=HYPERLINK(…)", "=cmd|' /C calc'!A0") is text in every
workbook the application writes, never a live formula (CWE-1236)."""

import io

from openpyxl import load_workbook

from daihoi.documents.workbook import results_workbook
from daihoi.imports.candidates import candidates_template
from daihoi.imports.register import register_template
from tests.documents.documents import SHA, counted, reference_json

NAMES = [
    '=HYPERLINK("http://x","Bấm vào đây")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1)",
    "\tTab",
    "\rVề đầu dòng",
]


def formulas(data: bytes) -> list[tuple[str, str, object]]:
    book = load_workbook(io.BytesIO(data))
    return [
        (sheet.title, cell.coordinate, cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def test_formula_names_in_the_results_workbook_stay_text() -> None:
    candidates = reference_json()["candidates"]
    renamed = [{**c, "name": NAMES[i]} if i < len(NAMES) else c for i, c in enumerate(candidates)]
    parsed, outcome = counted({"candidates": renamed})
    data = results_workbook(outcome, parsed.congress, sha256=SHA)
    assert formulas(data) == []
    texts = {
        cell.value
        for sheet in load_workbook(io.BytesIO(data)).worksheets
        for row in sheet.iter_rows()
        for cell in row
    }
    assert "=cmd|' /C calc'!A0" in texts


def test_the_templates_hold_no_formula() -> None:
    assert formulas(register_template()) == []
    assert formulas(candidates_template()) == []
