"""The ballot PDF: the official layout (R8) with registration marks and the QR code, N copies.

Marks and code are drawn as vector squares, so they print sharp at any resolution. Every copy of a
page is the same drawing: a test compares the copies' content streams byte for byte.
"""

import datetime as dt
import io
from functools import cache

import cv2
import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium
import segno
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from daihoi.omr.layout import BallotLayout, Box, Kind, Page, text_width
from daihoi.typesetting.pdf import REHEARSAL_MARK, add_fonts

#: a PDF's date is part of the file; a fixed one keeps two printings of one list identical
_FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_INSTRUCTIONS = {
    Kind.STRIKE: "(Gạch ngang cả họ và tên người không bầu)",
    Kind.MARKS: "(Đánh dấu X vào ô «Đồng ý» hoặc ô «Không đồng ý» ở từng dòng)",
}


@cache
def marker_modules(marker_id: int) -> npt.NDArray[np.bool_]:
    """The 6 × 6 modules (True = black) of an ArUco DICT_4X4_50 mark, border included."""
    dictionary = cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50)
    image = cv2.aruco.generateImageMarker(dictionary, marker_id, 60)
    return np.asarray(image[5::10, 5::10] < 128)


def _squares(pdf: FPDF, modules: npt.NDArray[np.bool_], box: Box) -> None:
    size = box.w / modules.shape[1]
    for y, x in zip(*np.nonzero(modules), strict=True):
        # a hair of overlap, so that no white seam shows between neighbouring modules
        pdf.rect(box.x + x * size, box.y + y * size, size + 0.02, size + 0.02, style="F")


def _qr_modules(payload: str) -> npt.NDArray[np.bool_]:
    qr = segno.make(payload, error="m", micro=False)
    return np.array([[bool(v) for v in row] for row in qr.matrix], dtype=bool)


def _draw_page(pdf: FPDF, layout: BallotLayout, page: Page) -> None:
    _width, _ = layout.size
    pdf.add_page()
    pdf.set_draw_color(0, 0, 0)
    pdf.set_fill_color(0, 0, 0)
    for marker_id, box in page.markers:
        _squares(pdf, marker_modules(marker_id), box)
    qr = _qr_modules(layout.payload(page.number))
    quiet = page.code.w * 4 / (qr.shape[1] + 8)  # the white quiet zone a reader needs
    code = page.code
    _squares(pdf, qr, Box(code.x + quiet, code.y + quiet, code.w - 2 * quiet, code.h - 2 * quiet))
    # the stamp zone: a light dashed outline the board stamps over (R8: upper-left corner)
    pdf.set_draw_color(170, 170, 170)
    pdf.set_line_width(0.2)
    pdf.set_dash_pattern(dash=1.5, gap=1.5)
    stamp = page.stamp
    pdf.rect(stamp.x, stamp.y, stamp.w, stamp.h)
    pdf.set_dash_pattern()
    pdf.set_draw_color(0, 0, 0)
    _draw_heading(pdf, layout, page)
    _draw_title(pdf, layout, page)
    _draw_table(pdf, layout, page)
    # every page ends in the state it started in, so every copy is the same bytes
    pdf.set_line_width(0.2)


def _draw_heading(pdf: FPDF, layout: BallotLayout, page: Page) -> None:
    """The Party's and the organisation's names (and the rehearsal mark), clear of the code."""
    spec = layout.spec
    width, _ = layout.size
    stamp = page.stamp
    small = width < 160
    left = stamp.right + 2
    centre_w = page.code.x - 2 - left
    pdf.set_xy(left, page.markers[0][1].y + 1)
    heading = [(line, index == 0) for index, line in enumerate(spec.heading)]
    if spec.rehearsal:
        heading.append((REHEARSAL_MARK, True))
    size = _fitting(heading, 8.0 if small else 10.0, centre_w - 1)  # clear of the code
    for index, (line, bold) in enumerate(heading):
        rehearsal = spec.rehearsal and index == len(heading) - 1
        if rehearsal:
            pdf.set_text_color(160, 0, 0)
        pdf.set_font("DejaVu", "B" if bold else "", size)
        pdf.set_x(left)
        pdf.cell(centre_w, 4.5, line, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)


def _draw_title(pdf: FPDF, layout: BallotLayout, page: Page) -> None:
    """From the table upwards: the instruction, the title (two lines at most), "PHIẾU BẦU CỬ"."""
    spec = layout.spec
    width, _ = layout.size
    small = width < 160
    margin = page.stamp.x
    line_h = 4.0 if small else 4.5
    instruction_y = page.table.y - 1 - line_h
    title = spec.title + (f" (LẦN BẦU THỨ {spec.round})" if spec.round > 1 else "")
    title_size = 9.0 if small else 11.0
    while True:
        pdf.set_font("DejaVu", "B", title_size)
        lines: list[str] = pdf.multi_cell(  # type: ignore[assignment]
            width - 2 * margin, line_h, title, dry_run=True, output="LINES"
        )
        if len(lines) <= 2 or title_size <= 6:
            break
        title_size -= 0.5
    title_y = instruction_y - len(lines) * line_h
    pdf.set_font("DejaVu", "B", 13 if small else 16)
    pdf.set_xy(margin, title_y - (6 if small else 7))
    pdf.cell(width - 2 * margin, 6 if small else 7, "PHIẾU BẦU CỬ", align="C")
    pdf.set_font("DejaVu", "B", title_size)
    pdf.set_xy(margin, title_y)
    pdf.multi_cell(width - 2 * margin, line_h, title, align="C")
    pdf.set_font("DejaVu", "", 7.5 if small else 9)
    pdf.set_xy(margin, instruction_y)
    instruction = _INSTRUCTIONS[layout.kind]
    if len(layout.pages) > 1:
        instruction += f" — Trang {page.number}/{len(layout.pages)}"
    pdf.cell(width - 2 * margin, line_h, instruction, align="C")


def _fitting(lines: list[tuple[str, bool]], size: float, width: float) -> float:
    """The largest size up to `size` at which every line fits `width` (never below 6 pt)."""
    while size > 6 and any(text_width(line, size, bold=bold) > width for line, bold in lines):
        size -= 0.5
    return size


def _draw_table(pdf: FPDF, layout: BallotLayout, page: Page) -> None:
    pdf.set_line_width(0.3)
    header_h = page.rows[0].cell.y - page.table.y if page.rows else 7.0
    small = layout.size[0] < 160
    for column_x in sorted({row.cell.x for row in page.rows}):
        column = [row for row in page.rows if row.cell.x == column_x]
        first = column[0]
        pdf.set_font("DejaVu", "B", 8 if small else 9)
        heads = [(first.number_cell, "STT"), (first.name_cell, "Họ và tên")]
        if first.agree and first.disagree:
            box_w = (first.cell.right - first.name_cell.right) / 2
            heads += [
                (Box(first.name_cell.right, 0, box_w, 0), "Đồng ý"),
                (Box(first.name_cell.right + box_w, 0, box_w, 0), "Không đồng ý"),
            ]
        for cell, label in heads:
            pdf.rect(cell.x, page.table.y, cell.w, header_h)
            pdf.set_xy(cell.x, page.table.y)
            pdf.cell(cell.w, header_h, label, align="C")
        for row in column:
            pdf.rect(row.number_cell.x, row.cell.y, row.number_cell.w, row.cell.h)
            pdf.rect(row.name_cell.x, row.cell.y, row.name_cell.w, row.cell.h)
            pdf.set_font("DejaVu", "", 9 if small else 11)
            pdf.set_xy(row.number_cell.x, row.cell.y)
            pdf.cell(row.number_cell.w, row.cell.h, f"{row.number}", align="C")
            pdf.set_font("DejaVu", "", row.font_pt)
            pdf.text(row.text.x, row.text.bottom, row.name)
            if row.agree and row.disagree:
                box_w = (row.cell.right - row.name_cell.right) / 2
                for index, square in enumerate((row.agree, row.disagree)):
                    pdf.rect(row.name_cell.right + index * box_w, row.cell.y, box_w, row.cell.h)
                    pdf.rect(square.x, square.y, square.w, square.h)


def ballot_pdf(layout: BallotLayout, copies: int = 1) -> bytes:
    """`copies` ballots, each all of the layout's pages in order (front, back for duplex)."""
    if copies < 1:
        msg = "copies must be positive"
        raise ValueError(msg)
    width, height = layout.size
    pdf = FPDF(unit="mm", format=(width, height))
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(0, 0, 0)
    pdf.set_creator("daihoi")
    pdf.set_producer("daihoi")
    pdf.set_creation_date(_FIXED_DATE)
    add_fonts(pdf)
    for page in layout.pages:
        _draw_page(pdf, layout, page)
    one = bytes(pdf.output())
    if copies == 1:
        return one
    # the copies are imports of the one drawing, so they cannot differ in any byte
    source = pdfium.PdfDocument(one)
    target = pdfium.PdfDocument.new()
    try:
        target.import_pages(source, list(range(len(layout.pages))) * copies)
        buffer = io.BytesIO()
        target.save(buffer)
        return buffer.getvalue()
    finally:
        target.close()
        source.close()
