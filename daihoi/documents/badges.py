"""Delegate badges (thẻ đại biểu): name, delegation, seat and a QR code for the doors.

The QR code carries "DH:" and the delegate's unguessable badge token, nothing else: a lost
badge tells a finder nothing, and the token cannot be guessed from the register. It is drawn as
vector squares (segno gives the matrix), so it scans sharply at any printer resolution.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import segno
from fpdf import FPDF

from daihoi.typesetting.pdf import add_fonts

BADGE_PREFIX = "DH:"


@dataclass(frozen=True)
class Badge:
    name: str
    delegation: str
    seat: str
    token: str
    alternate: bool = False


@dataclass(frozen=True)
class _Layout:
    page: tuple[float, float]  # mm
    badge: tuple[float, float]
    columns: int
    rows: int


LAYOUTS = {
    # A4 cut into 2 × 4 badges of 105 × 74 mm: 8 a page, for an office printer and a guillotine.
    "a4": _Layout((210, 297), (105, 74.25), 2, 4),
    # ISO/IEC 7810 ID-1 (CR80) card, one a page, for a card printer.
    "card": _Layout((85.6, 54), (85.6, 54), 1, 1),
}


def _qr(pdf: FPDF, text: str, x: float, y: float, size: float) -> None:
    code = segno.make_qr(text, error="m")
    matrix = [list(row) for row in code.matrix_iter(scale=1, border=0)]
    module = size / len(matrix)
    pdf.set_fill_color(0, 0, 0)
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                # a hair of overlap, so anti-aliased viewers draw no white seams between rows
                width = (c - start) * module + 0.05
                pdf.rect(x + start * module, y + r * module, width, module + 0.05, "F")
            else:
                c += 1


def _fit(pdf: FPDF, text: str, width: float, size: float, style: str = "") -> float:
    """The largest font size up to `size` at which `text` fits on one line of `width`."""
    while size > 6:
        pdf.set_font("DejaVu", style, size)
        if pdf.get_string_width(text) <= width:
            break
        size -= 0.5
    return size


def _badge(pdf: FPDF, badge: Badge, title: str, box: tuple[float, float, float, float]) -> None:
    x, y, w, h = box
    pad = 4 if w > 90 else 3
    pdf.set_draw_color(150, 150, 150)
    pdf.rect(x, y, w, h)
    pdf.set_fill_color(183, 28, 28)
    pdf.rect(x, y, w, h * 0.2, "F")
    pdf.set_text_color(255, 255, 255)
    _fit(pdf, title, w - 2 * pad, 8.5, "B")
    pdf.set_xy(x + pad, y + h * 0.1 - 2.5)
    pdf.cell(w - 2 * pad, 5, title, align="C")
    pdf.set_text_color(0, 0, 0)
    qr = min(h * 0.62, w * 0.36)
    text_w = w - qr - 3.5 * pad
    top = y + h * 0.2 + pad
    pdf.set_xy(x + pad, top)
    kind = "ĐẠI BIỂU DỰ KHUYẾT" if badge.alternate else "ĐẠI BIỂU"
    pdf.set_font("DejaVu", "B", 9)
    pdf.set_text_color(183, 28, 28)
    pdf.cell(text_w, 5, kind)
    pdf.set_text_color(0, 0, 0)
    size = _fit(pdf, badge.name, text_w, 15, "B")
    pdf.set_xy(x + pad, top + 7)
    pdf.cell(text_w, size * 0.45, badge.name)
    pdf.set_xy(x + pad, top + 9 + size * 0.45)
    pdf.set_font("DejaVu", "", 8.5 if w > 90 else 7)
    pdf.multi_cell(text_w, 4, badge.delegation, max_line_height=4)
    if badge.seat:
        pdf.set_xy(x + pad, y + h - pad - 6)
        pdf.set_font("DejaVu", "B", 11 if w > 90 else 9)
        pdf.cell(text_w, 6, f"Ghế: {badge.seat}")
    _qr(pdf, BADGE_PREFIX + badge.token, x + w - pad - qr, y + h * 0.2 + (h * 0.8 - qr) / 2, qr)


def badges_pdf(badges: Sequence[Badge], title: str, layout: str = "a4") -> bytes:
    """The badges in the order given, `layout` "a4" (8 a page) or "card" (one a page)."""
    spec = LAYOUTS[layout]
    pdf = FPDF(unit="mm", format=spec.page)
    add_fonts(pdf)
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(0, 0, 0)
    per_page = spec.columns * spec.rows
    w, h = spec.badge
    for index, badge in enumerate(badges):
        if index % per_page == 0:
            pdf.add_page()
        slot = index % per_page
        col, row = slot % spec.columns, slot // spec.columns
        _badge(pdf, badge, title, (col * w, row * h, w, h))
    if not badges:
        pdf.add_page()
    return bytes(pdf.output())
