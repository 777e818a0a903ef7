"""Marks in the agree / disagree boxes: an X, a tick or a scribble, and the faint dot that is
too little to call a mark (`MARKS_AMBIGUOUS`). A mark may overrun its box, never its table cell.
"""

import math

import numpy as np

from daihoi.omr.layout import Box, Row
from testkit.synth.marks import tick_points
from testkit.synth.pen import Pen, Sheet
from testkit.synth.shapes import CELL_GAP_MM, Floats, bowed, polyline, shrink_into, turn


def box_column(row: Row, box: Box) -> Box:
    """The table cell round a box: its mark may overrun the box but never this cell."""
    column_w = (row.cell.right - row.name_cell.right) / 2
    index = 0 if box == row.agree else 1
    return Box(row.name_cell.right + index * column_w, row.cell.y, column_w, row.cell.h)


def box_mark(sheet: Sheet, row: Row, box: Box, pen: Pen, rng: np.random.Generator) -> str:
    """An X (two strokes), a tick or a filled box; returns which."""
    kind = rng.random()
    centre = (box.x + box.w / 2, box.y + box.h / 2)
    at = (centre[0] + rng.uniform(-1.5, 1.5), centre[1] + rng.uniform(-1.5, 1.5))
    if kind < 0.70:
        half = box.w * rng.uniform(0.5, 1.2) / 2
        arms = []
        for sign in (1, -1):
            jitter = rng.uniform(-0.1, 0.1, 4) * half
            a = (at[0] - half + jitter[0], at[1] - sign * half + jitter[1])
            b = (at[0] + half + jitter[2], at[1] + sign * half + jitter[3])
            arms.append(bowed(polyline(a, b, step=0.25), rng.uniform(-0.3, 0.3)))
        strokes = [turn(arm, at, rng.uniform(-20, 20)) for arm in arms]
        style = "x"
    elif kind < 0.92:
        strokes = [tick_points(at, box.h * rng.uniform(0.5, 1.0), rng)]
        style = "tick"
    else:
        strokes = [_fill_points(box, pen, rng)]
        style = "fill"
    shrink_into(strokes, box_column(row, box), centre, pen.width / 2 + CELL_GAP_MM)
    for each in strokes:
        sheet.stroke(each, pen, rng)
    return style


def _fill_points(box: Box, pen: Pen, rng: np.random.Generator) -> Floats:
    """A zig-zag scribble over 70–100 % of the box, as when a voter blacks it in."""
    share = rng.uniform(0.7, 1.0)
    inner_w, inner_h = (box.w - 1.0) * share, box.h - 1.0
    x0 = box.x + 0.5 + rng.uniform(0, box.w - 1.0 - inner_w)
    passes = max(2, math.ceil(inner_w / (pen.width * rng.uniform(0.7, 1.2))))
    xs = x0 + np.linspace(0, inner_w, passes)
    ys = np.where(np.arange(passes) % 2 == 0, box.y + 0.5, box.y + 0.5 + inner_h)
    ys = ys + rng.uniform(-0.3, 0.3, passes)
    return polyline(*zip(xs.tolist(), ys.tolist(), strict=True), step=0.3)


def faint(sheet: Sheet, row: Row, pen: Pen, rng: np.random.Generator) -> str:
    """A small light dot (1–2 mm) in one box: too little to call a mark, too much to ignore."""
    box = row.agree if rng.random() < 0.5 else row.disagree
    assert box is not None
    diameter = rng.uniform(1.0, 2.0)
    centre = (box.x + rng.uniform(1.5, box.w - 1.5), box.y + rng.uniform(1.5, box.h - 1.5))
    sheet.dot(centre, diameter, pen, rng.uniform(0.35, 0.7))
    return "faint"
