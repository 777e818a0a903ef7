"""Writes a corpus `Workbook` with openpyxl and derives its expected records from the same truth.

The header is drawn from the columns' paths: a parent label spans its children, a label with no
children is merged down the header's rows. The expected records are each stored row's `Person`,
with kind/standing/delegation set by the section and delegation rows above it, and every field no
column gives reset to the brief's default (ethnicity "Kinh", kind "", …).
"""

import io
import re
import unicodedata
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from openpyxl import Workbook as Book
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tests.imports.corpus.model import (
    DEFAULTS,
    FIELDS,
    Blank,
    CellValue,
    Delegation,
    Item,
    Person,
    Row,
    Section,
    Sheet,
    Workbook,
    fold,
)

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(name="Times New Roman", bold=True, size=12)
PLAIN = Font(name="Times New Roman", size=12)
STRUCK = Font(name="Times New Roman", size=12, strike=True)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
FIXED_TIME = (2025, 7, 1, 8, 0, 0)


def resolve(body: list[Item]) -> list[Item]:
    """The body with each row's kind, standing and delegation set by the rows above it."""
    kind: str | None = None
    standing: str | None = None
    delegation: str | None = None
    out: list[Item] = []
    for item in body:
        if isinstance(item, Section):
            kind = item.kind if item.kind is not None else kind
            standing = item.standing if item.standing is not None else standing
            delegation = None if item.kind is not None else delegation
        elif isinstance(item, Delegation):
            delegation = item.text
        elif isinstance(item, Row):
            person = item.person
            person = replace(person, kind=kind) if kind is not None else person
            person = replace(person, standing=standing) if standing is not None else person
            if delegation is not None:
                person = replace(person, delegation=" ".join(delegation.split()))
            out.append(replace(item, person=person))
            continue
        out.append(item)
    return out


def _text(value: CellValue, nfd: bool) -> CellValue:
    if isinstance(value, str):
        return unicodedata.normalize("NFD" if nfd else "NFC", value)
    return value


def _header(ws: Worksheet, sheet: Sheet, top: int, nfd: bool) -> int:
    """Writes the header rows from `top`; returns the number of rows used."""
    depth = max(len(col.path) for col in sheet.cols)
    for level in range(depth):
        row = top + level
        col_index = 0
        while col_index < len(sheet.cols):
            path = sheet.cols[col_index].path
            if level >= len(path):
                col_index += 1
                continue
            span = 1
            while (
                col_index + span < len(sheet.cols)
                and len(sheet.cols[col_index + span].path) > level
                and sheet.cols[col_index + span].path[: level + 1] == path[: level + 1]
                and level + 1 < len(path)
            ):
                span += 1
            first = col_index + 1
            cell = ws.cell(row=row, column=first, value=_text(path[level], nfd))
            cell.font, cell.alignment = BOLD, CENTRE
            for c in range(first, first + span):
                ws.cell(row=row, column=c).border = BOX
            down = depth - 1 if level == len(path) - 1 else level
            for r in range(row, top + down + 1):
                for c in range(first, first + span):
                    ws.cell(row=r, column=c).border = BOX
            if span > 1 or down > level:
                ws.merge_cells(
                    start_row=row,
                    start_column=first,
                    end_row=top + down,
                    end_column=first + span - 1,
                )
            col_index += span
    return depth


def _full_row(ws: Worksheet, row: int, width: int, text: str, *, merged: bool, nfd: bool) -> None:
    column = 1 if merged else 2
    cell = ws.cell(row=row, column=column, value=_text(text, nfd))
    cell.font = BOLD
    for c in range(1, width + 1):
        ws.cell(row=row, column=c).border = BOX
    if merged:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def write_sheet(ws: Worksheet, sheet: Sheet, nfd: bool) -> list[tuple[int, Row]]:
    """Writes one sheet; returns (sheet row, Row) for every delegate row written."""
    for r, free in enumerate(sheet.free, 1):
        for c, value in enumerate(free, 1):
            ws.cell(row=r, column=c, value=_text(value, nfd)).font = PLAIN
    if not sheet.cols:
        return []
    width = len(sheet.cols)
    right = max(width - 3, 4)
    for r, line in enumerate(sheet.title, 1):
        left, other = line if isinstance(line, tuple) else (line, "")
        if left:
            ws.cell(row=r, column=1, value=_text(left, nfd)).font = BOLD
        if other:
            ws.cell(row=r, column=right, value=_text(other, nfd)).font = BOLD
    top = len(sheet.title) + sheet.blank_before_table + 1
    row = top + _header(ws, sheet, top, nfd)
    if sheet.number_row:
        for c in range(1, width + 1):
            label: CellValue = f"({c})" if sheet.number_row == "paren" else c
            cell = ws.cell(row=row, column=c, value=label)
            cell.alignment, cell.border, cell.font = CENTRE, BOX, PLAIN
        row += 1
    written: list[tuple[int, Row]] = []
    for item in resolve(sheet.body):
        if isinstance(item, Section | Delegation):
            _full_row(ws, row, width, item.text, merged=item.merged, nfd=nfd)
        elif isinstance(item, Row):
            written.append((row, item))
            _person_row(ws, row, sheet, item, number=len(written), nfd=nfd)
        else:
            assert isinstance(item, Blank)
        row += 1
    _merge_down(ws, sheet, written)
    stored = sum(1 for _, item in written if not (item.hidden or item.struck))
    if sheet.total:
        _full_row(ws, row, width, sheet.total.format(n=stored), merged=False, nfd=nfd)
        row += 1
    if sheet.signature:
        _signature(ws, row + 1, width, nfd)
    for c, col in enumerate(sheet.cols, 1):
        ws.column_dimensions[get_column_letter(c)].width = col.width
    return written


def _person_row(
    ws: Worksheet, row: int, sheet: Sheet, item: Row, *, number: int, nfd: bool
) -> None:
    for c, col in enumerate(sheet.cols, 1):
        value: CellValue = number if col.counter else col.value(item.person)
        cell = ws.cell(row=row, column=c, value=_text(value, nfd))
        cell.border = BOX
        cell.font = STRUCK if item.struck else PLAIN
        if col.fmt and value is not None:
            cell.number_format = col.fmt
    if item.hidden:
        ws.row_dimensions[row].hidden = True


def _merge_down(ws: Worksheet, sheet: Sheet, written: list[tuple[int, Row]]) -> None:
    """Merges equal neighbouring cells of each merge_down column (contiguous rows only)."""
    for c, col in enumerate(sheet.cols, 1):
        if not col.merge_down:
            continue
        runs: list[list[int]] = []
        for row, item in written:
            value = col.value(item.person)
            if runs and runs[-1][-1] == row - 1 and col.value(_at(written, runs[-1][0])) == value:
                runs[-1].append(row)
            else:
                runs.append([row])
        for run in runs:
            if len(run) > 1:
                ws.merge_cells(start_row=run[0], start_column=c, end_row=run[-1], end_column=c)


def _at(written: list[tuple[int, Row]], row: int) -> Person:
    return next(item.person for r, item in written if r == row)


def _signature(ws: Worksheet, row: int, width: int, nfd: bool) -> None:
    """The block under a list: "Nơi nhận" on the left, the signer on the right."""
    right = max(width - 3, 4)
    lines_left = ["Nơi nhận:", "- Ban Tổ chức Tỉnh ủy;", "- Đoàn Chủ tịch Đại hội;", "- Lưu VP."]
    lines_right = ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "", "(đã ký)", "", "Nguyễn Văn Thành"]
    for i, text in enumerate(lines_left):
        ws.cell(row=row + i, column=2, value=_text(text, nfd)).font = PLAIN
    for i, text in enumerate(lines_right):
        if text:
            ws.cell(row=row + i, column=right, value=_text(text, nfd)).font = BOLD


def record(person: Person, given: set[str]) -> dict[str, object]:
    """The expected record of a stored row: the truth, with fields no column gives defaulted."""
    out: dict[str, object] = {}
    for name in FIELDS:
        value = getattr(person, name, None)
        if name in DEFAULTS and name not in given:
            value = DEFAULTS[name]
        if isinstance(value, date):
            value = value.isoformat()
        out[name] = value
    return out


def given_fields(sheet: Sheet) -> set[str]:
    """The fields a sheet gives: its columns' and those set by section/delegation rows."""
    given = {name for col in sheet.cols for name in col.gives}
    for item in sheet.body:
        if isinstance(item, Section):
            given |= {"kind"} if item.kind is not None else set()
            given |= {"standing"} if item.standing is not None else set()
        if isinstance(item, Delegation):
            given.add("delegation")
    return given


def build(book: Workbook) -> tuple[Book, dict[str, object]]:
    """The openpyxl workbook and the expected JSON document of one corpus file."""
    wb = Book()
    wb.remove(wb.active)  # type: ignore[arg-type]
    records: list[dict[str, object]] = []
    skipped: list[dict[str, object]] = []
    seen: dict[tuple[str, str, str], list[int]] = {}
    warnings = list(book.warnings)
    refuse = list(book.refuse)
    for sheet in book.sheets:
        ws = wb.create_sheet(_text(sheet.name, book.nfd))  # type: ignore[arg-type]
        given = given_fields(sheet)
        for row, item in write_sheet(ws, sheet, book.nfd):
            if "refuse" in item.person.written:
                refuse.append(str(item.person.written["refuse"]).format(sheet=sheet.name, row=row))
            if item.hidden or item.struck:
                why = "hidden" if item.hidden else "struck"
                skipped.append({"sheet": sheet.name, "row": row, "why": why})
                warnings.append(f"{why} row not imported: sheet «{sheet.name}» row {row}")
                continue
            rec = record(item.person, given)
            if "birth_year_only" in given:
                rec["birth_year_only"] = True
                rec["birth_date"] = f"{item.person.birth_date.year}-01-01"
            records.append(rec)
            key = (sheet.name, fold(item.person.full_name), item.person.birth_date.isoformat())
            seen.setdefault(key, []).append(row)
        warnings.extend(
            f"unused column «{' › '.join(col.path)}» on sheet «{sheet.name}»"
            for col in sheet.cols
            if not col.gives and not col.counter
        )
    duplicates = [{"rows": rows, "sheet": key[0]} for key, rows in seen.items() if len(rows) > 1]
    warnings.extend(
        f"same person twice: sheet «{dup['sheet']}» rows {dup['rows']}" for dup in duplicates
    )
    if any(rec["birth_year_only"] for rec in records):
        warnings.append("year-only birth dates: age cut-offs need the day")
    expected: dict[str, object] = {
        "file": f"{book.name}.{book.ext}",
        "form": book.form,
        "accept": not refuse,
        "records": [] if refuse else records,
        "skipped": skipped,
        "duplicates": duplicates,
        "warnings": warnings,
        "refuse": refuse,
    }
    return wb, expected


def save_fixed(wb: Book, path: Path) -> None:
    """Saves with fixed zip times and document dates, so that a rerun writes the same bytes."""
    buffer = io.BytesIO()
    wb.save(buffer)
    stamp = "2025-07-01T08:00:00Z"
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rf"\g<1>{stamp}", text)
                data = text.encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, data)
    path.write_bytes(out.getvalue())
