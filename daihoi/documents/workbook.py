"""The certified result as a workbook: the figures, the candidates in ballot order, the elected.

Numbers are real numbers in the cells (a percentage is the fraction, shown with a Vietnamese
number format: "98,70%"), so that a reader can check every figure with the spreadsheet itself;
the text cells are the minutes' Vietnamese (daihoi.documents.minutes.model), and a text that
begins like a formula (= + - @) stays text. Printed, it is A4 landscape, one page wide, the
title and the table's header repeated on every page.
"""

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from daihoi.core.outcome import Outcome
from daihoi.core.vi.formatting import percent_value, roman
from daihoi.documents.minutes.model import build_minutes, voided
from daihoi.interchange.election_file import CongressInfo
from daihoi.labels import INVALID_REASONS, MEETINGS
from daihoi.typesetting.pdf import REHEARSAL_MARK

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
VIETNAMESE = (
    "[$-42A]"  # the locale of a number format: decimal comma, as a Vietnamese reader writes
)
FONT = "Times New Roman"
PLAIN = Font(name=FONT, size=12)
BOLD = Font(name=FONT, size=12, bold=True)


def _put(sheet: Worksheet, row: int, column: int, value: object) -> Cell | MergedCell:
    """A cell's value; a text is always text, even one that begins like a formula."""
    cell = sheet.cell(row=row, column=column)
    cell.value = value  # type: ignore[assignment]
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _append(sheet: Worksheet, values: Iterable[object], *, font: Font | None = None) -> int:
    row = sheet.max_row + 1 if sheet.max_row > 1 or sheet["A1"].value is not None else 1
    sheet.cell(row=row, column=1)  # an empty row is still a row
    for column, value in enumerate(values, start=1):
        cell = _put(sheet, row, column, value)
        cell.font = font or PLAIN
    return row


def workbook_title(congress: CongressInfo, meeting: str) -> str:
    """ "Đại hội đại biểu Đảng bộ … lần thứ XXIII, nhiệm kỳ 2020–2025" (the congress's own title
    when it has one)."""
    if congress.title:
        return congress.title
    words = MEETINGS[meeting][0].capitalize()
    if congress.organisation:
        words += f" {congress.organisation}"
    if congress.number:
        words += f" lần thứ {roman(congress.number)}"
    if congress.term:
        words += f", nhiệm kỳ {congress.term}"
    return words


def _wide(sheet: Worksheet, row: int, *, first: int = 1) -> None:
    """A long text across the table's width, wrapped, so that printing never cuts it."""
    sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=5)
    cell = sheet.cell(row=row, column=first)
    cell.alignment = Alignment(
        wrap_text=True, vertical="top", horizontal="left" if first > 1 else "center"
    )
    lines = 1 + len(str(cell.value or "")) // (60 if first > 1 else 70)
    sheet.row_dimensions[row].height = 17 * lines


def _percent_format(decimals: int) -> str:
    return VIETNAMESE + ("0." + "0" * decimals if decimals else "0") + "%"


def _results(sheet: Worksheet, outcome: Outcome) -> None:
    no_percent = voided(outcome)
    denominator = outcome.percent_denominator
    decimals = outcome.ruleset.settings.percent_decimals
    heading = ["STT", "Họ và tên", "Số phiếu"]
    heading += [] if no_percent else ["Tỷ lệ", "Trúng cử"]
    header_row = _append(sheet, heading, font=BOLD)
    for cell in sheet[header_row]:
        cell.alignment = Alignment(horizontal="center")
    elected, alternates = set(outcome.elected), set(outcome.elected_alternates)
    for c in outcome.candidates:
        values: list[object] = [c.number, c.name, c.votes]
        status = "chính thức" if c.id in elected else "dự khuyết" if c.id in alternates else ""
        if not no_percent:
            share = percent_value(c.votes, denominator, decimals) / 100 if denominator else None
            values += [share, status]
        row = _append(sheet, values)
        sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center")
        if status:
            sheet.cell(row=row, column=5).font = BOLD
            sheet.cell(row=row, column=5).alignment = Alignment(horizontal="center")
        if not no_percent:
            sheet.cell(row=row, column=4).number_format = _percent_format(decimals)
    sheet.print_title_rows = f"1:{header_row}"  # the title and the table's header


def _page_setup(sheet: Worksheet) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True


def results_workbook(
    outcome: Outcome, congress: CongressInfo, *, sha256: str, rehearsal: bool = False
) -> bytes:
    """A .xlsx of one certified count: the figures, the table, the settings applied in words."""
    minutes = build_minutes(outcome, congress)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = "Kết quả"
    title = workbook_title(congress, str(outcome.election.meeting))
    _append(
        sheet,
        [f"{REHEARSAL_MARK} — {title}" if rehearsal else title],
        font=Font(bold=True, size=13),
    )
    _append(sheet, [minutes.subtitle[0]], font=BOLD)
    for row in (1, 2):
        _wide(sheet, row)
    _results(sheet, outcome)
    _append(sheet, [])
    election, tally = outcome.election, outcome.tally
    rows: list[tuple[str, int]] = [
        ("Cơ sở tính kết quả", outcome.base.value),
        ("Số phiếu cần đạt (quá một nửa)", outcome.base.votes_needed),
        ("Số phiếu phát ra", election.ballots_issued),
        ("Số phiếu thu vào", outcome.collected),
        ("Số phiếu hợp lệ", tally.valid),
        ("Số phiếu không hợp lệ", tally.invalid),
    ]
    rows += [
        (f"  {INVALID_REASONS[str(code)][0]}", n)
        for code, n in sorted(tally.invalid_by_reason.items())
    ]
    for label, value in rows:
        _append(sheet, [None, label, value])
    if voided(outcome):
        for para in minutes.closing[:2]:
            _wide(sheet, _append(sheet, [None, para.words], font=BOLD), first=2)
    _append(sheet, [])
    _append(sheet, [None, "Dấu vân tay tệp bầu cử (SHA-256)"])
    _append(sheet, [None, sha256])
    for column, width in zip(range(1, 6), (6, 36, 11, 12, 16), strict=True):
        sheet.column_dimensions[get_column_letter(column)].width = width
    _page_setup(sheet)
    settings = workbook.create_sheet("Áp dụng")
    for para in minutes.settings:
        _append(settings, [para.words])
        settings.cell(row=settings.max_row, column=1).alignment = Alignment(wrap_text=True)
    settings.column_dimensions["A"].width = 120
    _page_setup(settings)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
