"""Ambiguous marks on the cross-out layout (`STRIKE_AMBIGUOUS`): the reader must send each row
so marked to the board (omr.md §2.2), so each is drawn to be unmistakably not a clean strike.
"""

import dataclasses
import math

import numpy as np

from daihoi.omr.layout import Row, text_width
from testkit.synth.pen import Pen, Sheet
from testkit.synth.shapes import CELL_GAP_MM, Floats, bowed, polyline, shrink_into, turn
from testkit.synth.strike import Line, fitted
from testkit.synth.truth import POSITION


def _partial(sheet: Sheet, row: Row, pen: Pen, rng: np.random.Generator) -> str:
    text = row.text
    share = rng.uniform(0.20, 0.75)
    start = text.x + text.w * rng.uniform(0, 1 - share)
    line = Line(start, start + share * text.w, rng.uniform(*POSITION), 0.0, 0.0, text.w, 0.0)
    line = dataclasses.replace(line, slope=math.radians(rng.uniform(-2, 2)))
    sheet.stroke(fitted(line, row, pen.width).points(row), pen, rng)
    return "partial"


def _given_name(sheet: Sheet, row: Row, pen: Pen, rng: np.random.Generator) -> str:
    text = row.text
    head, _, last = row.name.rpartition(" ")
    word_x = text.x + text_width(head + " ", row.font_pt) if head else text.x
    word_w = text_width(last, row.font_pt)
    start = word_x - rng.uniform(0.0, 1.0)
    end = min(word_x + word_w + rng.uniform(0.0, 3.0), row.name_cell.right - pen.width - 0.6)
    line = Line(start, end, rng.uniform(*POSITION), math.radians(rng.uniform(-3, 3)), 0, 9, 0)
    sheet.stroke(fitted(line, row, pen.width).points(row), pen, rng)
    return "given_name"


def _clear_y(sheet: Sheet, row: Row, span: tuple[float, float], pen: Pen, *, below: bool) -> float:
    """The nearest y (mm) below the baseline (or above the cap line) where a line of this pen
    over `span` clears all printed ink by 0.3 mm and stays in the cell; NaN if there is none."""
    k = sheet.k
    x0, x1 = (max(0, int(v * k)) for v in span)
    half = pen.width / 2 + 0.3
    edge = pen.width / 2 + CELL_GAP_MM
    top, bottom = row.cell.y + edge, row.cell.bottom - edge
    ys = np.arange(row.text.bottom, bottom, 0.1) if below else np.arange(row.text.y, top, -0.1)
    for y in ys.tolist():
        # the band is checked inside the cell only: its own border lines are not letters
        low, high = max(y - half, row.cell.y + 0.35), min(y + half, row.cell.bottom - 0.35)
        band = sheet.template[int(low * k) : int(high * k) + 1, x0 : x1 + 1]
        if band.size and int(band.min()) > 200:
            return float(y)
    return math.nan


def _off_line(sheet: Sheet, row: Row, pen: Pen, rng: np.random.Generator, *, below: bool) -> str:
    """An underline or overline: a line along the name that touches none of its letters."""
    text = row.text
    edge = pen.width / 2 + CELL_GAP_MM
    span = (text.x - rng.uniform(0.0, 2.0), text.right + rng.uniform(0.0, 3.0))
    span = (span[0], min(span[1], row.name_cell.right - edge))
    y = _clear_y(sheet, row, span, pen, below=below)
    if math.isnan(y):
        return _partial(sheet, row, pen, rng)
    if below:
        y = min(y + rng.uniform(0, 0.6), row.cell.bottom - edge)
    else:
        y = max(y - rng.uniform(0, 0.6), row.cell.y + edge)
    points = polyline((span[0], y), (span[1], y))
    sheet.stroke(bowed(points, rng.uniform(-0.05, 0.05)), pen, rng)
    return "underline" if below else "overline"


def _circle(sheet: Sheet, row: Row, pen: Pen, rng: np.random.Generator) -> str:
    text = row.text
    gap = pen.width / 2 + CELL_GAP_MM
    centre = (text.x + text.w / 2 + rng.uniform(-1, 1), text.y + text.h / 2)
    a = min(text.w / 2 + rng.uniform(1.5, 4.0), centre[0] - row.cell.x - gap)
    a = min(a, row.name_cell.right - gap - centre[0])
    b = min(text.h / 2 + rng.uniform(1.2, 2.2), row.cell.h / 2 - gap)
    begin = rng.uniform(0, 2 * np.pi)
    theta = np.linspace(begin, begin + 2 * np.pi + rng.uniform(0.15, 0.7), 120)
    wobble = 1 + 0.04 * np.sin(2 * theta + rng.uniform(0, 2 * np.pi))
    points = np.column_stack([a * wobble * np.cos(theta), b * wobble * np.sin(theta)]) + centre
    points = np.clip(points, (row.cell.x + gap, row.cell.y + gap), (row.name_cell.right - gap, 1e9))
    points[:, 1] = np.minimum(points[:, 1], row.cell.bottom - gap)
    sheet.stroke(points, pen, rng)
    return "circle"


def _beside(row: Row, size: float, pen: Pen) -> float | None:
    """The x where a mark `size` mm wide fits right of the name, or None."""
    left = row.text.right + 1.5
    right = row.name_cell.right - pen.width / 2 - CELL_GAP_MM - size
    return None if right < left else left


def tick_points(centre: tuple[float, float], size: float, rng: np.random.Generator) -> Floats:
    """A tick (✓) `size` mm high round `centre`: a short stroke down, a long one up."""
    cx, cy = centre
    corners = ((-0.45, 0.0), (-0.12, 0.45), (0.5, -0.55))
    points = polyline(*((cx + x * size, cy + y * size) for x, y in corners), step=0.25)
    return turn(points, centre, rng.uniform(-15, 15))


def _tick_or_dot(sheet: Sheet, row: Row, pen: Pen, rng: np.random.Generator, *, tick: bool) -> str:
    size = rng.uniform(2.5, 4.0) if tick else rng.uniform(2.0, 3.0)
    size = min(size, row.cell.h - 2 * (pen.width + CELL_GAP_MM) - 0.5)
    x = _beside(row, size, pen)
    if x is None or size < 2.0:
        return _partial(sheet, row, pen, rng)
    x += rng.uniform(0, min(4.0, row.name_cell.right - 1 - size - x))
    centre = (x + size / 2, row.cell.y + row.cell.h / 2 + rng.uniform(-0.5, 0.5))
    if not tick:
        sheet.dot(centre, size, pen, rng.uniform(0.75, 1.0))
        return "dot"
    points = tick_points(centre, size * 0.95, rng)
    shrink_into([points], row.name_cell, centre, pen.width / 2 + CELL_GAP_MM)
    sheet.stroke(points, pen, rng)
    return "tick"


def _number_only(sheet: Sheet, row: Row, pen: Pen, rng: np.random.Generator) -> str:
    cell = row.number_cell
    gap = pen.width / 2 + CELL_GAP_MM
    y = cell.y + cell.h / 2 + rng.uniform(-0.8, 0.8)
    x0, x1 = cell.x + rng.uniform(0.8, 2.0), cell.right - rng.uniform(0.8, 2.0)
    rise = (x1 - x0) * math.tan(math.radians(rng.uniform(-4, 4))) / 2
    points = polyline((x0, y - rise), (x1, y + rise))
    shrink_into([points], cell, (cell.x + cell.w / 2, y), gap)
    sheet.stroke(points, pen, rng)
    return "number_only"


def ambiguous_strike(sheet: Sheet, row: Row, pen: Pen, rng: np.random.Generator, style: str) -> str:
    """Draw one of STRIKE_AMBIGUOUS; returns the style actually drawn (a tick with no room
    beside a long name becomes a partial strike)."""
    if style == "partial":
        return _partial(sheet, row, pen, rng)
    if style == "given_name":
        return _given_name(sheet, row, pen, rng)
    if style in ("underline", "overline"):
        return _off_line(sheet, row, pen, rng, below=style == "underline")
    if style == "circle":
        return _circle(sheet, row, pen, rng)
    if style in ("tick", "dot"):
        return _tick_or_dot(sheet, row, pen, rng, tick=style == "tick")
    return _number_only(sheet, row, pen, rng)
