"""A clean strike through a name (truth "struck"), drawn with one voter's habits.

The geometry the reader relies on (the package docstring, omr.md §5.5) is kept here: `fitted`
reduces a line's slope and wave until it stays inside `BAND` over the name and inside the cell.
"""

import dataclasses
import math
from dataclasses import dataclass

import numpy as np

from daihoi.omr.layout import Row
from testkit.synth.pen import Pen, Sheet
from testkit.synth.shapes import CELL_GAP_MM, Floats
from testkit.synth.truth import BAND, POSITION


@dataclass(frozen=True)
class Habit:
    """How one voter strikes: most people are consistent from row to row."""

    position: float
    slope: float  # degrees
    steep: float
    wavy: float
    double: float
    overshoot: float
    skip: float
    sag: float = 0.0  # how often the line sags under the letters midway (issue 14 §2)


def voter_habit(rng: np.random.Generator) -> Habit:
    return Habit(
        position=rng.uniform(0.38, 0.65),
        slope=rng.uniform(-2.0, 2.0),
        steep=0.15 if rng.random() < 0.3 else 0.0,
        wavy=rng.choice([0.0, 0.2, 0.8]),
        double=0.5 if rng.random() < 0.15 else 0.0,
        overshoot=rng.choice([0.0, 0.1, 0.7]),
        skip=rng.choice([0.0, 0.1, 0.3]),
        sag=0.3 if rng.random() < 0.2 else 0.0,
    )


@dataclass(frozen=True)
class Line:
    """A hand line through a name: from x `start` to `end`, its centre at `position` of the cap
    height at the name's middle, with a slope and a sideways wave."""

    start: float
    end: float
    position: float
    slope: float  # radians, positive = falling to the right (y grows downwards)
    amplitude: float  # mm
    period: float  # mm
    phase: float
    sag: float = 0.0  # mm: how far below its course the line runs at the name's middle

    def points(self, row: Row) -> Floats:
        text = row.text
        xs = np.linspace(self.start, self.end, max(30, math.ceil((self.end - self.start) / 0.3)))
        middle = text.x + text.w / 2
        y = text.y + self.position * text.h + math.tan(self.slope) * (xs - middle)
        y += self.amplitude * np.sin(2 * np.pi * (xs - self.start) / self.period + self.phase)
        along = np.clip((xs - text.x) / text.w, 0.0, 1.0)
        y += self.sag * 4 * along * (1 - along)  # the hand drops midway, in the letters at the ends
        return np.column_stack([xs, y])


def fitted(line: Line, row: Row, width: float) -> Line:
    """The same line with its wave and slope reduced until it stays inside BAND over the whole
    printed name and inside the row cell over its whole length."""
    text = row.text
    room = min(line.position - BAND[0], BAND[1] - line.position) * text.h
    amplitude = min(line.amplitude, 0.5 * room)
    limit = (room - amplitude) / (text.w / 2)
    y = text.y + line.position * text.h
    gap = width / 2 + CELL_GAP_MM
    cell_room = min(y - row.cell.y - gap, row.cell.bottom - gap - y) - amplitude
    middle = text.x + text.w / 2
    reach = max(middle - line.start, line.end - middle)
    limit = max(0.0, min(limit, cell_room / reach))
    slope = math.atan(max(-limit, min(limit, math.tan(line.slope))))
    return dataclasses.replace(line, slope=slope, amplitude=amplitude)


def _clean_line(row: Row, rng: np.random.Generator, pen: Pen, habit: "Habit") -> Line:
    """One full strike as a voter draws it (omr.md §5.5's stroke geometry)."""
    text = row.text
    start = text.x + text.w * rng.uniform(-0.10, 0.02)
    if rng.random() < habit.overshoot:
        start = row.number_cell.right - rng.uniform(1.0, 5.0)
    end = min(text.x + text.w * rng.uniform(0.98, 1.12), row.name_cell.right - pen.width - 0.6)
    steep = rng.random() < habit.steep
    slope = math.radians(rng.uniform(-8, 8) if steep else habit.slope + rng.uniform(-1.5, 1.5))
    amplitude, period = 0.0, text.w
    if rng.random() < habit.wavy:
        amplitude = text.h * rng.uniform(0.05, 0.15)
        period = text.w * rng.uniform(0.2, 0.6)
    else:
        amplitude = rng.uniform(0.0, 0.05)  # a hand's slow wobble
        period = text.w * rng.uniform(1.0, 3.0)
    position = float(np.clip(habit.position + rng.normal(0, 0.06), *POSITION))
    line = Line(start, end, position, slope, amplitude, period, rng.uniform(0, 2 * np.pi))
    return fitted(line, row, pen.width)


def _skips(row: Row, rng: np.random.Generator) -> list[tuple[float, float]]:
    """Where the pen skipped: 1–2 gaps of 0.3–1.5 mm inside the middle of the name."""
    text = row.text
    gaps = []
    for _ in range(int(rng.integers(1, 3))):
        centre = text.x + text.w * rng.uniform(0.15, 0.85)
        half = rng.uniform(0.3, 1.5) / 2
        gaps.append((centre - half, centre + half))
    return gaps


def sagging(line: Line, row: Row, pen: Pen, rng: np.random.Generator) -> Line:
    """The line dropping midway to just under the baseline (0–0.4 mm below it), as a hand
    tires; at the name's ends it is still in the letters. It stays inside the cell."""
    text = row.text
    course = text.y + line.position * text.h
    lowest = min(text.bottom + rng.uniform(0.0, 0.4), row.cell.bottom - pen.width - 0.6)
    return dataclasses.replace(line, slope=0.0, amplitude=0.0, sag=max(0.0, lowest - course))


def strike(sheet: Sheet, row: Row, pen: Pen, rng: np.random.Generator, habit: Habit) -> str:
    """Strike the whole name, clean (truth "struck"); returns the style drawn."""
    line = _clean_line(row, rng, pen, habit)
    style = "wave" if line.amplitude > 0.06 else "line"
    if habit.sag and rng.random() < habit.sag:
        line, style = sagging(line, row, pen, rng), "sag"
    lines = [line]
    if rng.random() < habit.double:
        style = "double"
        low = rng.uniform(0.30, 0.45)
        high = min(POSITION[1], low + rng.uniform(0.22, 0.32))
        second = _clean_line(row, rng, pen, habit)
        lines = [
            fitted(dataclasses.replace(line, position=low), row, pen.width),
            fitted(dataclasses.replace(second, position=high), row, pen.width),
        ]
    if line.start < row.name_cell.x:
        style += "+number"
    gaps = _skips(row, rng) if rng.random() < habit.skip else []
    if gaps:
        style += "+skip"
    for each in lines:
        sheet.stroke(each.points(row), pen, rng, gaps=gaps)
    return style
