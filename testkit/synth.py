"""Synthetic scans of marked ballots, with their truth: the corpus that tests and times the reader.

omr.md §5.5. A ballot is made the way a real one is: the blank page rendered from the printed PDF,
the voter's pen strokes drawn on it in paper coordinates, the board's red stamp, then what the
scanner does (skew, shift, scale, blur, uneven light, paper tone, noise) on a canvas that shows
the scanner bed beyond the paper (§6 lesson 1: without it, markers get cropped). Everything is
drawn from one seeded `numpy.random.Generator`, so a failing image can be replayed exactly.

Geometry the reader can rely on (mm on the paper, `Row.text` = the printed name from cap height
to baseline; "position" = share of the cap height below the cap line):

* a clean strike ("struck") runs from −10 … +2 % to 98 … 112 % of the text width, sometimes from
  inside the number cell; at the name's middle its centre line is at position 0.30–0.75, and over
  the whole printed name it stays within `BAND` (0.20–0.90); the whole line stays inside the row
  cell; up to two pen skips of at most 1.5 mm each, inside the middle 70 % of the name;
* a "kept" row has no new ink anywhere in its cell; marks of other rows never leave their cell;
* ambiguous rows (`Truth.styles` names the style) are never drawn on a clean corpus.

Pen ink is subtractive (ink over black print stays black), so a stroke through a letter's stem
is invisible there, as on paper.
"""

import dataclasses
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from daihoi.core.codes import Layout
from daihoi.omr.layout import PAPERS, BallotLayout, BallotSpec, Box, Page, Row, text_width
from daihoi.omr.render import Image, page_pixels

Floats = npt.NDArray[np.float64]
Mask = npt.NDArray[np.uint8]

STRUCK, KEPT, AMBIGUOUS = "struck", "kept", "ambiguous"
AGREE, DISAGREE, BOTH, NONE = "agree", "disagree", "both", "none"
#: ambiguous styles: the reader must send each of these rows to the board (omr.md §2.2)
STRIKE_AMBIGUOUS = (
    "partial",  # a line over 20–75 % of the name
    "given_name",  # a line over the last word only
    "underline",  # below the baseline and the descenders, touching no letter
    "overline",  # above the cap height and the diacritics, touching no letter
    "circle",  # round the name
    "tick",  # beside the name, ≥ 2 mm
    "dot",  # beside the name, 2–3 mm across
    "number_only",  # a line through the row number, not the name
)
MARKS_AMBIGUOUS = ("faint", "name_strike")  # a 1–2 mm dot in a box; the name struck, no box

BAND = (0.20, 0.90)  # where a clean strike's centre line stays over the whole printed name
POSITION = (0.30, 0.75)  # where it is at the name's middle
SHIFT_MAX_MM = 5.0
MARGIN_MM = (5.0, 10.0)  # scanner bed shown beyond the skewed, shifted paper on every side
PNG_SHARE = 0.02
_NOISE_UNIT = 16.0  # the noise field holds N(0, 1) × 16
_CELL_GAP_MM = 0.5  # ink keeps this far (plus half the pen) from a row cell's borders


# ---------------------------------------------------------------------------------------------
# Truth


@dataclass(frozen=True)
class Scan:
    """What the scanner did to one page: enough to replay it with `apply_scan`."""

    rotation: float  # degrees, anticlockwise, about the paper's centre
    shift: tuple[float, float]  # mm, the paper's centre from the canvas centre
    scale: float  # print × scan scale
    margin: float  # mm of bed beyond the rotated paper's bounding box (plus SHIFT_MAX_MM)
    background: int  # grey of the scanner bed
    paper: int  # grey of the blank paper
    tint: int  # colour scans only: warmer paper has this much less blue (half as much green)
    black: int  # grey of full toner
    gamma: float
    light: tuple[float, float, float, float]  # brightness at the corners TL, TR, BR, BL
    blur: float  # Gaussian σ in pixels
    noise: float  # σ in grey levels
    noise_at: tuple[int, int]  # where the shared noise field is read from
    quality: int  # JPEG quality; 0 = PNG

    def geometry(self, paper_px: tuple[int, int], dpi: int) -> tuple[Floats, tuple[int, int]]:
        """The 2 × 3 matrix from paper pixels to canvas pixels and the canvas (width, height).
        The canvas holds the whole paper with `margin` mm to spare on every side."""
        height, width = paper_px
        k = dpi / 25.4
        angle = math.radians(self.rotation)
        cos, sin = abs(math.cos(angle)), abs(math.sin(angle))
        box_w = self.scale * (width * cos + height * sin)
        box_h = self.scale * (width * sin + height * cos)
        pad = 2 * (self.margin + SHIFT_MAX_MM) * k
        canvas = (math.ceil(box_w + pad), math.ceil(box_h + pad))
        centre = ((width - 1) / 2, (height - 1) / 2)
        matrix = np.asarray(cv2.getRotationMatrix2D(centre, self.rotation, self.scale), np.float64)
        matrix[0, 2] += (canvas[0] - 1) / 2 + self.shift[0] * k - centre[0]
        matrix[1, 2] += (canvas[1] - 1) / 2 + self.shift[1] * k - centre[1]
        return matrix, canvas


@dataclass(frozen=True)
class Truth:
    """What was drawn on one page. `rows`: row number → struck / kept / ambiguous (cross-out)
    or agree / disagree / both / none / ambiguous (agree/disagree). `styles`: how each marked
    row was drawn (the ambiguous ones are those in STRIKE_AMBIGUOUS and MARKS_AMBIGUOUS)."""

    layout: str
    election_id: int
    page: int
    dpi: int
    colour: bool
    rows: dict[int, str]
    styles: dict[int, str]
    stamp: bool
    extra_ink: bool
    pen: str
    seats: int | None = None  # cross-out: the number of names the voter was meant to keep
    stamp_centre: tuple[float, float] | None = None  # mm on the paper
    stamp_diameter: float | None = None  # mm
    scan: Scan | None = None  # None: the page as drawn, without scanner effects

    @property
    def ambiguous(self) -> dict[int, str]:
        """The rows the reader must send to review, with their style."""
        return {n: self.styles[n] for n, cls in self.rows.items() if cls == AMBIGUOUS}

    def to_dict(self) -> dict[str, Any]:
        """For JSON: row numbers become strings, tuples lists."""
        data = dataclasses.asdict(self)
        data["rows"] = {str(n): v for n, v in self.rows.items()}
        data["styles"] = {str(n): v for n, v in self.styles.items()}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Truth":
        """The inverse of `to_dict`; other keys (a corpus line's "file", "kind" …) are ignored."""
        values = {f.name: data[f.name] for f in dataclasses.fields(cls) if f.name in data}
        values["rows"] = {int(n): v for n, v in data["rows"].items()}
        values["styles"] = {int(n): v for n, v in data["styles"].items()}
        if data.get("stamp_centre") is not None:
            values["stamp_centre"] = tuple(data["stamp_centre"])
        if data.get("scan") is not None:
            scan = dict(data["scan"])
            for key in ("shift", "light", "noise_at"):
                scan[key] = tuple(scan[key])
            values["scan"] = Scan(**scan)
        return cls(**values)


def spec_to_dict(spec: BallotSpec) -> dict[str, Any]:
    """A ballot spec as JSON data (for a corpus's layouts.json)."""
    data = dataclasses.asdict(spec)
    data["layout"] = spec.layout.value
    return data


def spec_from_dict(data: dict[str, Any]) -> BallotSpec:
    """The inverse of `spec_to_dict`."""
    return BallotSpec(
        election_id=int(data["election_id"]),
        round=int(data["round"]),
        layout=Layout(data["layout"]),
        paper=str(data["paper"]),
        rehearsal=bool(data["rehearsal"]),
        heading=tuple(data["heading"]),
        title=str(data["title"]),
        candidates=tuple((int(n), str(name)) for n, name in data["candidates"]),
    )


def other_election(spec: BallotSpec, election_id: int | None = None) -> BallotSpec:
    """The same list printed for another election: its code differs, so the reader must
    reject its pages (OTHER_BALLOT). Example::

        spec = BallotSpec(7, 1, Layout.CROSS_OUT, "A4", False, heading, title, candidates)
        stranger = ballot_layout(other_election(spec))  # election 8, otherwise identical
        image, truth = mark_ballot(stranger, 1, rng, dpi=200, colour=False)
    """
    new_id = spec.election_id + 1 if election_id is None else election_id
    return dataclasses.replace(spec, election_id=new_id)


# ---------------------------------------------------------------------------------------------
# Pens and the sheet being drawn on


@dataclass(frozen=True)
class Pen:
    """The voter's pen: one per ballot, as in the booth."""

    name: str
    bgr: tuple[int, int, int]
    width: float  # mm


def _pen(rng: np.random.Generator) -> Pen:
    """One pen per voter: mostly blue ballpoint, some black, a few purple; thin or thick."""
    kind = rng.random()
    if kind < 0.75:
        name = "blue"
        bgr = (int(rng.integers(90, 171)), int(rng.integers(20, 61)), int(rng.integers(0, 31)))
    elif kind < 0.95:
        name = "black"
        grey = int(rng.integers(15, 50))
        bgr = (grey + int(rng.integers(0, 10)), grey, grey)
    else:
        name = "purple"
        bgr = (int(rng.integers(120, 161)), int(rng.integers(20, 51)), int(rng.integers(90, 131)))
    size = rng.random()
    width = rng.uniform(0.3, 0.4) if size < 0.55 else rng.uniform(0.4, 0.6)
    if size >= 0.8:
        width = rng.uniform(0.7, 0.8)
    return Pen(name, bgr, float(width))


def _grey(bgr: Sequence[int]) -> float:
    return 0.114 * bgr[0] + 0.587 * bgr[1] + 0.299 * bgr[2]


@dataclass
class _Sheet:
    """The page being marked: a writable copy of the blank page, at `dpi`."""

    image: Image
    template: Image  # the grey blank page, for keeping underlines clear of the letters
    dpi: int

    @property
    def k(self) -> float:
        return self.dpi / 25.4

    def px(self, points: Floats) -> Floats:
        """mm on the paper → OpenCV pixel coordinates (pixel centres at integers)."""
        return points * self.k - 0.5

    def ink(self, mask: Mask, x0: int, y0: int, bgr: Sequence[int]) -> None:
        """Lay `mask` (0–255 = ink cover) at (x0, y0) in the pen's colour. Ink filters the light,
        so it darkens what is under it and never lightens the print."""
        h, w = mask.shape
        top, left = max(y0, 0), max(x0, 0)
        bottom, right = min(y0 + h, self.image.shape[0]), min(x0 + w, self.image.shape[1])
        if bottom <= top or right <= left:
            return
        alpha = mask[top - y0 : bottom - y0, left - x0 : right - x0].astype(np.float32)
        alpha *= np.float32(1 / 255)
        roi = self.image[top:bottom, left:right]
        if roi.ndim == 2:
            keep = 1 - alpha * np.float32(1 - _grey(bgr) / 255)
        else:
            colour = np.asarray(bgr, np.float32) / 255
            keep = 1 - alpha[:, :, None] * (1 - colour)
        roi[...] = (roi * keep + 0.5).astype(np.uint8)

    def _frame(self, points: Floats, reach: float) -> tuple[int, int, Mask, npt.NDArray[np.int32]]:
        """A mask just big enough for `points` (mm) ± `reach` px, and the points in it (×16)."""
        p = self.px(points)
        x0 = math.floor(p[:, 0].min() - reach)
        y0 = math.floor(p[:, 1].min() - reach)
        x1 = math.ceil(p[:, 0].max() + reach) + 1
        y1 = math.ceil(p[:, 1].max() + reach) + 1
        mask = np.zeros((y1 - y0, x1 - x0), np.uint8)
        fixed = np.round((p - (x0, y0)) * 16).astype(np.int32)
        return x0, y0, mask, fixed

    def stroke(
        self,
        points: Floats,
        pen: Pen,
        rng: np.random.Generator,
        *,
        gaps: Sequence[tuple[float, float]] = (),
        opacity: float | None = None,
    ) -> None:
        """A pen stroke along `points` (mm), anti-aliased, with the pressure varying along it
        (0.6–1.0) unless `opacity` is given; `gaps` are x intervals (mm) where the pen skipped."""
        thickness = max(1, round(pen.width * self.k))
        x0, y0, mask, fixed = self._frame(points, thickness / 2 + 2)
        segments = len(points) - 1
        if opacity is None:
            t = np.linspace(0, 1, segments)
            base, swing = rng.uniform(0.75, 0.95), rng.uniform(0.0, 0.2)
            wave = np.sin(2 * np.pi * rng.uniform(0.5, 2.0) * t + rng.uniform(0, 2 * np.pi))
            levels = np.clip(base + swing * wave, 0.6, 1.0) * 255
        else:
            levels = np.full(segments, opacity * 255)
        # the pressure in steps of 8 grey levels: runs of equal pressure are drawn as one
        # polyline, so joints stay smooth and a stroke costs a few OpenCV calls, not hundreds
        levels = np.round(levels / 8) * 8
        middles = (points[1:, 0] + points[:-1, 0]) / 2
        for a, b in gaps:
            levels[(middles >= a) & (middles <= b)] = -1
        starts = np.concatenate([[0], np.flatnonzero(np.diff(levels)) + 1])
        ends = np.concatenate([starts[1:], [segments]])
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
            if levels[start] < 0:
                continue
            run = fixed[start : end + 1].reshape(-1, 1, 2)
            value = min(255, int(levels[start]))
            cv2.polylines(mask, [run], False, value, thickness, cv2.LINE_AA, shift=4)  # noqa: FBT003
        self.ink(mask, x0, y0, pen.bgr)

    def dot(self, centre: tuple[float, float], diameter: float, pen: Pen, opacity: float) -> None:
        """A filled round blot of `diameter` mm."""
        radius = diameter * self.k / 2
        x0, y0, mask, fixed = self._frame(np.array([centre]), radius + 2)
        point = (int(fixed[0, 0]), int(fixed[0, 1]))
        cv2.circle(mask, point, round(radius * 16), int(opacity * 255), -1, cv2.LINE_AA, shift=4)
        self.ink(mask, x0, y0, pen.bgr)


# ---------------------------------------------------------------------------------------------
# Shapes (all in mm on the paper)


def _polyline(*corners: tuple[float, float], step: float = 0.3) -> Floats:
    """Straight pieces through `corners`, with a point every `step` mm at most."""
    pieces = []
    for (ax, ay), (bx, by) in itertools.pairwise(corners):
        n = max(2, math.ceil(math.hypot(bx - ax, by - ay) / step) + 1)
        t = np.linspace(0, 1, n)[:-1, None]
        pieces.append(np.hstack([ax + t * (bx - ax), ay + t * (by - ay)]))
    pieces.append(np.array([corners[-1]], np.float64))
    return np.vstack(pieces)


def _bowed(points: Floats, bow: float) -> Floats:
    """Bend a polyline sideways by `bow` mm at its middle: hand lines are never quite straight."""
    start, end = points[0], points[-1]
    direction = end - start
    length = float(np.hypot(*direction)) or 1.0
    normal = np.array([-direction[1], direction[0]]) / length
    t = np.linspace(0, 1, len(points))[:, None]
    return points + normal * bow * np.sin(np.pi * t)


def _turn(points: Floats, centre: tuple[float, float], degrees: float) -> Floats:
    angle = math.radians(degrees)
    rotation = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
    turned: Floats = (points - centre) @ rotation.T + centre
    return turned


def _inside(points: Floats, box: Box, gap: float) -> bool:
    return bool(
        (points[:, 0] >= box.x + gap).all()
        and (points[:, 0] <= box.right - gap).all()
        and (points[:, 1] >= box.y + gap).all()
        and (points[:, 1] <= box.bottom - gap).all()
    )


def _shrink_into(strokes: list[Floats], box: Box, centre: tuple[float, float], gap: float) -> None:
    """Shrink the strokes towards `centre` until they fit in `box` with `gap` to spare:
    a mark never strays into a neighbouring row or box column."""
    for _ in range(40):
        if all(_inside(s, box, gap) for s in strokes):
            return
        for s in strokes:
            s[:] = centre + (s - centre) * 0.92


@dataclass(frozen=True)
class _Line:
    """A hand line through a name: from x `start` to `end`, its centre at `position` of the cap
    height at the name's middle, with a slope and a sideways wave."""

    start: float
    end: float
    position: float
    slope: float  # radians, positive = falling to the right (y grows downwards)
    amplitude: float  # mm
    period: float  # mm
    phase: float

    def points(self, row: Row) -> Floats:
        text = row.text
        xs = np.linspace(self.start, self.end, max(30, math.ceil((self.end - self.start) / 0.3)))
        middle = text.x + text.w / 2
        y = text.y + self.position * text.h + math.tan(self.slope) * (xs - middle)
        y += self.amplitude * np.sin(2 * np.pi * (xs - self.start) / self.period + self.phase)
        return np.column_stack([xs, y])


def _fitted(line: _Line, row: Row, width: float) -> _Line:
    """The same line with its wave and slope reduced until it stays inside BAND over the whole
    printed name and inside the row cell over its whole length."""
    text = row.text
    room = min(line.position - BAND[0], BAND[1] - line.position) * text.h
    amplitude = min(line.amplitude, 0.5 * room)
    limit = (room - amplitude) / (text.w / 2)
    y = text.y + line.position * text.h
    gap = width / 2 + _CELL_GAP_MM
    cell_room = min(y - row.cell.y - gap, row.cell.bottom - gap - y) - amplitude
    middle = text.x + text.w / 2
    reach = max(middle - line.start, line.end - middle)
    limit = max(0.0, min(limit, cell_room / reach))
    slope = math.atan(max(-limit, min(limit, math.tan(line.slope))))
    return dataclasses.replace(line, slope=slope, amplitude=amplitude)


def _clean_line(row: Row, rng: np.random.Generator, pen: Pen, habit: "_Habit") -> _Line:
    """One full strike as a voter draws it (omr.md §5.5's stroke geometry)."""
    text = row.text
    start = text.x + text.w * rng.uniform(-0.10, 0.02)
    if rng.random() < habit.overshoot:
        start = row.number_cell.right - rng.uniform(1.0, 5.0)
    end = min(text.x + text.w * rng.uniform(0.98, 1.12), row.name_cell.right - pen.width - 0.6)
    steep = rng.random() < habit.steep
    slope = math.radians(rng.uniform(-6, 6) if steep else habit.slope + rng.uniform(-1.5, 1.5))
    amplitude, period = 0.0, text.w
    if rng.random() < habit.wavy:
        amplitude = text.h * rng.uniform(0.05, 0.15)
        period = text.w * rng.uniform(0.2, 0.6)
    else:
        amplitude = rng.uniform(0.0, 0.05)  # a hand's slow wobble
        period = text.w * rng.uniform(1.0, 3.0)
    position = float(np.clip(habit.position + rng.normal(0, 0.06), *POSITION))
    line = _Line(start, end, position, slope, amplitude, period, rng.uniform(0, 2 * np.pi))
    return _fitted(line, row, pen.width)


def _skips(row: Row, rng: np.random.Generator) -> list[tuple[float, float]]:
    """Where the pen skipped: 1–2 gaps of 0.3–1.5 mm inside the middle of the name."""
    text = row.text
    gaps = []
    for _ in range(int(rng.integers(1, 3))):
        centre = text.x + text.w * rng.uniform(0.15, 0.85)
        half = rng.uniform(0.3, 1.5) / 2
        gaps.append((centre - half, centre + half))
    return gaps


@dataclass(frozen=True)
class _Habit:
    """How one voter strikes: most people are consistent from row to row."""

    position: float
    slope: float  # degrees
    steep: float
    wavy: float
    double: float
    overshoot: float
    skip: float


def _habit(rng: np.random.Generator) -> _Habit:
    return _Habit(
        position=rng.uniform(0.38, 0.65),
        slope=rng.uniform(-2.0, 2.0),
        steep=0.15 if rng.random() < 0.3 else 0.0,
        wavy=rng.choice([0.0, 0.2, 0.8]),
        double=0.5 if rng.random() < 0.15 else 0.0,
        overshoot=rng.choice([0.0, 0.1, 0.7]),
        skip=rng.choice([0.0, 0.1, 0.3]),
    )


def _strike(sheet: _Sheet, row: Row, pen: Pen, rng: np.random.Generator, habit: _Habit) -> str:
    """Strike the whole name, clean (truth "struck"); returns the style drawn."""
    line = _clean_line(row, rng, pen, habit)
    style = "wave" if line.amplitude > 0.06 else "line"
    lines = [line]
    if rng.random() < habit.double:
        style = "double"
        low = rng.uniform(0.30, 0.45)
        high = min(POSITION[1], low + rng.uniform(0.22, 0.32))
        second = _clean_line(row, rng, pen, habit)
        lines = [
            _fitted(dataclasses.replace(line, position=low), row, pen.width),
            _fitted(dataclasses.replace(second, position=high), row, pen.width),
        ]
    if line.start < row.name_cell.x:
        style += "+number"
    gaps = _skips(row, rng) if rng.random() < habit.skip else []
    if gaps:
        style += "+skip"
    for each in lines:
        sheet.stroke(each.points(row), pen, rng, gaps=gaps)
    return style


# ---------------------------------------------------------------------------------------------
# Ambiguous marks on the cross-out layout


def _partial(sheet: _Sheet, row: Row, pen: Pen, rng: np.random.Generator) -> str:
    text = row.text
    share = rng.uniform(0.20, 0.75)
    start = text.x + text.w * rng.uniform(0, 1 - share)
    line = _Line(start, start + share * text.w, rng.uniform(*POSITION), 0.0, 0.0, text.w, 0.0)
    line = dataclasses.replace(line, slope=math.radians(rng.uniform(-2, 2)))
    sheet.stroke(_fitted(line, row, pen.width).points(row), pen, rng)
    return "partial"


def _given_name(sheet: _Sheet, row: Row, pen: Pen, rng: np.random.Generator) -> str:
    text = row.text
    head, _, last = row.name.rpartition(" ")
    word_x = text.x + text_width(head + " ", row.font_pt) if head else text.x
    word_w = text_width(last, row.font_pt)
    start = word_x - rng.uniform(0.0, 1.0)
    end = min(word_x + word_w + rng.uniform(0.0, 3.0), row.name_cell.right - pen.width - 0.6)
    line = _Line(start, end, rng.uniform(*POSITION), math.radians(rng.uniform(-3, 3)), 0, 9, 0)
    sheet.stroke(_fitted(line, row, pen.width).points(row), pen, rng)
    return "given_name"


def _clear_y(sheet: _Sheet, row: Row, span: tuple[float, float], pen: Pen, *, below: bool) -> float:
    """The nearest y (mm) below the baseline (or above the cap line) where a line of this pen
    over `span` clears all printed ink by 0.3 mm and stays in the cell; NaN if there is none."""
    k = sheet.k
    x0, x1 = (max(0, int(v * k)) for v in span)
    half = pen.width / 2 + 0.3
    edge = pen.width / 2 + _CELL_GAP_MM
    top, bottom = row.cell.y + edge, row.cell.bottom - edge
    ys = np.arange(row.text.bottom, bottom, 0.1) if below else np.arange(row.text.y, top, -0.1)
    for y in ys.tolist():
        # the band is checked inside the cell only: its own border lines are not letters
        low, high = max(y - half, row.cell.y + 0.35), min(y + half, row.cell.bottom - 0.35)
        band = sheet.template[int(low * k) : int(high * k) + 1, x0 : x1 + 1]
        if band.size and int(band.min()) > 200:
            return float(y)
    return math.nan


def _off_line(sheet: _Sheet, row: Row, pen: Pen, rng: np.random.Generator, *, below: bool) -> str:
    """An underline or overline: a line along the name that touches none of its letters."""
    text = row.text
    edge = pen.width / 2 + _CELL_GAP_MM
    span = (text.x - rng.uniform(0.0, 2.0), text.right + rng.uniform(0.0, 3.0))
    span = (span[0], min(span[1], row.name_cell.right - edge))
    y = _clear_y(sheet, row, span, pen, below=below)
    if math.isnan(y):
        return _partial(sheet, row, pen, rng)
    if below:
        y = min(y + rng.uniform(0, 0.6), row.cell.bottom - edge)
    else:
        y = max(y - rng.uniform(0, 0.6), row.cell.y + edge)
    points = _polyline((span[0], y), (span[1], y))
    sheet.stroke(_bowed(points, rng.uniform(-0.05, 0.05)), pen, rng)
    return "underline" if below else "overline"


def _circle(sheet: _Sheet, row: Row, pen: Pen, rng: np.random.Generator) -> str:
    text = row.text
    gap = pen.width / 2 + _CELL_GAP_MM
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
    right = row.name_cell.right - pen.width / 2 - _CELL_GAP_MM - size
    return None if right < left else left


def _tick_points(centre: tuple[float, float], size: float, rng: np.random.Generator) -> Floats:
    """A tick (✓) `size` mm high round `centre`: a short stroke down, a long one up."""
    cx, cy = centre
    corners = ((-0.45, 0.0), (-0.12, 0.45), (0.5, -0.55))
    points = _polyline(*((cx + x * size, cy + y * size) for x, y in corners), step=0.25)
    return _turn(points, centre, rng.uniform(-15, 15))


def _tick_or_dot(sheet: _Sheet, row: Row, pen: Pen, rng: np.random.Generator, *, tick: bool) -> str:
    size = rng.uniform(2.5, 4.0) if tick else rng.uniform(2.0, 3.0)
    size = min(size, row.cell.h - 2 * (pen.width + _CELL_GAP_MM) - 0.5)
    x = _beside(row, size, pen)
    if x is None or size < 2.0:
        return _partial(sheet, row, pen, rng)
    x += rng.uniform(0, min(4.0, row.name_cell.right - 1 - size - x))
    centre = (x + size / 2, row.cell.y + row.cell.h / 2 + rng.uniform(-0.5, 0.5))
    if not tick:
        sheet.dot(centre, size, pen, rng.uniform(0.75, 1.0))
        return "dot"
    points = _tick_points(centre, size * 0.95, rng)
    _shrink_into([points], row.name_cell, centre, pen.width / 2 + _CELL_GAP_MM)
    sheet.stroke(points, pen, rng)
    return "tick"


def _number_only(sheet: _Sheet, row: Row, pen: Pen, rng: np.random.Generator) -> str:
    cell = row.number_cell
    gap = pen.width / 2 + _CELL_GAP_MM
    y = cell.y + cell.h / 2 + rng.uniform(-0.8, 0.8)
    x0, x1 = cell.x + rng.uniform(0.8, 2.0), cell.right - rng.uniform(0.8, 2.0)
    rise = (x1 - x0) * math.tan(math.radians(rng.uniform(-4, 4))) / 2
    points = _polyline((x0, y - rise), (x1, y + rise))
    _shrink_into([points], cell, (cell.x + cell.w / 2, y), gap)
    sheet.stroke(points, pen, rng)
    return "number_only"


def _ambiguous_strike(
    sheet: _Sheet, row: Row, pen: Pen, rng: np.random.Generator, style: str
) -> str:
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


# ---------------------------------------------------------------------------------------------
# Agree / disagree boxes


def _box_column(row: Row, box: Box) -> Box:
    """The table cell round a box: its mark may overrun the box but never this cell."""
    column_w = (row.cell.right - row.name_cell.right) / 2
    index = 0 if box == row.agree else 1
    return Box(row.name_cell.right + index * column_w, row.cell.y, column_w, row.cell.h)


def _box_mark(sheet: _Sheet, row: Row, box: Box, pen: Pen, rng: np.random.Generator) -> str:
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
            arms.append(_bowed(_polyline(a, b, step=0.25), rng.uniform(-0.3, 0.3)))
        strokes = [_turn(arm, at, rng.uniform(-20, 20)) for arm in arms]
        style = "x"
    elif kind < 0.92:
        strokes = [_tick_points(at, box.h * rng.uniform(0.5, 1.0), rng)]
        style = "tick"
    else:
        strokes = [_fill_points(box, pen, rng)]
        style = "fill"
    _shrink_into(strokes, _box_column(row, box), centre, pen.width / 2 + _CELL_GAP_MM)
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
    return _polyline(*zip(xs.tolist(), ys.tolist(), strict=True), step=0.3)


def _faint(sheet: _Sheet, row: Row, pen: Pen, rng: np.random.Generator) -> str:
    """A small light dot (1–2 mm) in one box: too little to call a mark, too much to ignore."""
    box = row.agree if rng.random() < 0.5 else row.disagree
    assert box is not None
    diameter = rng.uniform(1.0, 2.0)
    centre = (box.x + rng.uniform(1.5, box.w - 1.5), box.y + rng.uniform(1.5, box.h - 1.5))
    sheet.dot(centre, diameter, pen, rng.uniform(0.35, 0.7))
    return "faint"


# ---------------------------------------------------------------------------------------------
# Voting


def _kept_count(rng: np.random.Generator, names: int, seats: int) -> int:
    """How many names a voter keeps: usually the seats, often fewer, sometimes every name or
    none (the counting engine rules on those; the reader only reports)."""
    draw = rng.random()
    if draw < 0.60:
        kept = seats
    elif draw < 0.85:
        kept = seats - int(rng.integers(1, max(2, seats // 4) + 1))
    elif draw < 0.90:
        kept = int(rng.integers(seats + 1, names + 1)) if names > seats else names
    elif draw < 0.94:
        kept = 0
    else:
        kept = int(rng.integers(0, names + 1))
    return max(0, min(names, kept))


def _ambiguous_rows(
    rng: np.random.Generator, rows: Sequence[Row], rate: float, styles: Sequence[str]
) -> dict[int, str]:
    """On `rate` of ballots, one to three rows with an ambiguous mark: row number → style."""
    if not rows or rng.random() >= rate:
        return {}
    count = min(len(rows), int(rng.integers(1, 4)))
    chosen = rng.choice(len(rows), count, replace=False)
    return {rows[int(i)].number: str(rng.choice(styles)) for i in chosen}


def _vote_strike(
    sheet: _Sheet,
    rows: Sequence[Row],
    rng: np.random.Generator,
    pen: Pen,
    plan: tuple[int, dict[int, str]],
) -> tuple[dict[int, str], dict[int, str]]:
    """Strike all but `kept` names; rows in the ambiguous plan get their style instead."""
    kept, odd = plan
    keep = {rows[int(i)].number for i in rng.choice(len(rows), kept, replace=False)}
    habit = _habit(rng)
    truth: dict[int, str] = {}
    styles: dict[int, str] = {}
    for row in rows:
        if row.number in odd:
            truth[row.number] = AMBIGUOUS
            styles[row.number] = _ambiguous_strike(sheet, row, pen, rng, odd[row.number])
        elif row.number in keep:
            truth[row.number] = KEPT
        else:
            truth[row.number] = STRUCK
            styles[row.number] = _strike(sheet, row, pen, rng, habit)
    return truth, styles


def _vote_marks(
    sheet: _Sheet, rows: Sequence[Row], rng: np.random.Generator, pen: Pen, odd: dict[int, str]
) -> tuple[dict[int, str], dict[int, str]]:
    """Agree/disagree: mostly agree, some disagree, a few both or neither."""
    truth: dict[int, str] = {}
    styles: dict[int, str] = {}
    disagree = rng.choice([0.05, 0.15, 0.4])
    for row in rows:
        assert row.agree is not None
        assert row.disagree is not None
        if row.number in odd:
            truth[row.number] = AMBIGUOUS
            if odd[row.number] == "faint":
                styles[row.number] = _faint(sheet, row, pen, rng)
            else:
                _strike(sheet, row, pen, rng, _habit(rng))
                styles[row.number] = "name_strike"
            continue
        draw = rng.random()
        cls = NONE if draw < 0.04 else BOTH if draw < 0.07 else AGREE
        if cls == AGREE and rng.random() < disagree:
            cls = DISAGREE
        boxes = {AGREE: [row.agree], DISAGREE: [row.disagree], BOTH: [row.agree, row.disagree]}
        drawn = [_box_mark(sheet, row, box, pen, rng) for box in boxes.get(cls, [])]
        truth[row.number] = cls
        if drawn:
            styles[row.number] = "+".join(drawn)
    return truth, styles


# ---------------------------------------------------------------------------------------------
# Writing outside the rows, and the stamp

_WRITTEN = (
    "Nguyen Van Hai",
    "Tran Thi Lan",
    "dong y",
    "khong bau",
    "Le Minh",
    "ok",
    "Pham Quoc Viet",
    "xin cam on",
    "Hung",
)


def _free_areas(layout: BallotLayout, page: Page) -> list[Box]:
    """Paper no row, mark, code or stamp zone uses: under the table, under a short last
    column, and the side margins."""
    width, height = layout.size
    areas = []
    table = page.table
    floor = height - page.markers[0][1].y - page.markers[0][1].h - 2  # above the bottom marks
    if floor - table.bottom > 8:
        areas.append(Box(20, table.bottom + 2, width - 40, floor - table.bottom - 2))
    if page.rows:
        last = page.rows[-1]
        if table.bottom - last.cell.bottom > 7:
            bottom = last.cell.bottom + 1.5
            areas.append(Box(last.cell.x, bottom, last.cell.w, table.bottom - bottom))
    side = table.x - 3
    areas.append(Box(1.5, 50, side, height - 80))
    areas.append(Box(width - 1.5 - side, 50, side, height - 80))
    return areas


def _handwriting(rng: np.random.Generator, k: float, pen: Pen) -> Mask:
    """A few handwritten-looking words (OpenCV's script font, slanted) or a signature."""
    height = rng.uniform(3.0, 5.0) * k
    thickness = max(1, round(pen.width * k))
    if rng.random() < 0.35:
        return _wobbly(_signature(rng, height, thickness), rng, 0.04 * height)
    text = str(rng.choice(_WRITTEN))
    font = cv2.FONT_HERSHEY_SCRIPT_SIMPLEX
    (w, h), base = cv2.getTextSize(text, font, 1.0, 1)
    scale = height / h
    pad = int(height) + 2 * thickness + 4  # script letters overrun their advance widths
    mask = np.zeros((int((h + base) * scale) + 2 * pad, int(w * scale) + 3 * pad), np.uint8)
    cv2.putText(mask, text, (pad, int(h * scale) + pad), font, scale, 255, thickness, cv2.LINE_AA)
    slant = rng.uniform(-0.3, 0.1)
    rows, cols = mask.shape
    shear = np.array([[1, slant, -slant * rows if slant < 0 else 0], [0, 1, 0]], np.float64)
    sheared = np.asarray(cv2.warpAffine(mask, shear, (cols + int(abs(slant) * rows) + 1, rows)))
    ys, xs = np.nonzero(sheared)
    tight = np.ascontiguousarray(sheared[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1])
    return _wobbly(np.pad(tight, 4), rng, 0.06 * height)


def _wobbly(mask: Mask, rng: np.random.Generator, amount: float) -> Mask:
    """Bend a drawing by a smooth random displacement of about `amount` px: no hand writes
    as evenly as a font."""
    rows, cols = mask.shape
    grid = (max(2, cols // 12), max(2, rows // 12))
    shift_x = cv2.resize(rng.normal(0, amount, grid[::-1]).astype(np.float32), (cols, rows))
    shift_y = cv2.resize(rng.normal(0, amount, grid[::-1]).astype(np.float32), (cols, rows))
    xs, ys = np.meshgrid(np.arange(cols, dtype=np.float32), np.arange(rows, dtype=np.float32))
    bent = cv2.remap(mask, xs + shift_x, ys + shift_y, cv2.INTER_LINEAR)
    return np.asarray(bent, np.uint8)


def _signature(rng: np.random.Generator, height: float, thickness: int) -> Mask:
    """Running loops of uneven size, a tall first stroke and an underline: a signature's look."""
    loops = int(rng.integers(3, 8))
    t = np.linspace(0, loops * 2 * np.pi, loops * 24)
    radius = height * rng.uniform(0.2, 0.35)
    sizes = np.interp(t, np.linspace(0, t[-1], loops + 1), rng.uniform(0.5, 1.4, loops + 1))
    x = t / (2 * np.pi) * radius * rng.uniform(1.3, 2.2) + radius * np.cos(t) * sizes
    y = -radius * np.sin(t) * sizes * rng.uniform(1.0, 1.8) + rng.uniform(-0.3, 0.3) * x * 0.2
    lead = np.array([[x[0] - radius, y[0] + radius], [x[0], y[0] - 1.6 * height]])
    tail = np.column_stack([np.linspace(x[-1], x[0] - radius, 12), np.full(12, y.max() + radius)])
    points = np.vstack([lead, np.column_stack([x, y]), tail])
    points -= points.min(axis=0) - thickness - 2
    size = np.ceil(points.max(axis=0) + thickness + 3).astype(int)
    mask = np.zeros((int(size[1]), int(size[0])), np.uint8)
    fixed = np.round(points * 16).astype(np.int32).reshape(-1, 1, 2)
    cv2.polylines(
        mask, [fixed], isClosed=False, color=255, thickness=thickness, lineType=cv2.LINE_AA, shift=4
    )
    return mask


def _extra_ink(
    sheet: _Sheet, layout: BallotLayout, page: Page, pen: Pen, rng: np.random.Generator
) -> None:
    """One or two pieces of writing outside the rows (R11: writing on the ballot)."""
    areas = _free_areas(layout, page)
    k = sheet.k
    for _ in range(int(rng.integers(1, 3))):
        area = areas[int(rng.integers(len(areas)))]
        mask = _handwriting(rng, k, pen)
        if area.h > area.w:
            mask = np.ascontiguousarray(np.rot90(mask, 1 if rng.random() < 0.5 else 3))
        room_w, room_h = int(area.w * k), int(area.h * k)
        fit = min(1.0, room_w / mask.shape[1], room_h / mask.shape[0])
        if fit < 1.0:
            size = (max(1, int(mask.shape[1] * fit)), max(1, int(mask.shape[0] * fit)))
            mask = np.asarray(cv2.resize(mask, size, interpolation=cv2.INTER_AREA), np.uint8)
        x0 = int(area.x * k) + int(rng.integers(0, room_w - mask.shape[1] + 1))
        y0 = int(area.y * k) + int(rng.integers(0, room_h - mask.shape[0] + 1))
        opacity = rng.uniform(0.75, 1.0)
        sheet.ink((mask * opacity).astype(np.uint8), x0, y0, pen.bgr)


_STAMP_TEXTS = (
    "DANG UY THANH PHO X * BAN TO CHUC DAI HOI *",
    "DANG BO TINH Y * BAN KIEM PHIEU *",
    "BAN CHAP HANH DANG BO * HUYEN Z *",
)


@lru_cache(maxsize=64)
def _stamp_mask(dpi: int, diameter: float, variant: int) -> Mask:
    """A round seal: two rings, text round the ring, a star and a line of text in the middle.
    Built once per size; each ballot turns, fades and blotches its own copy."""
    k = dpi / 25.4
    radius = diameter / 2 * k
    size = math.ceil(diameter * k) + 8
    mask = np.zeros((size, size), np.uint8)
    c = (size - 1) / 2
    centre = (round(c * 16), round(c * 16))
    ring = max(1, round(0.7 * k))
    cv2.circle(mask, centre, round((radius - ring / 2) * 16), 255, ring, cv2.LINE_AA, shift=4)
    inner = 0.68 * radius
    cv2.circle(mask, centre, round(inner * 16), 255, max(1, round(0.4 * k)), cv2.LINE_AA, shift=4)
    text = _STAMP_TEXTS[variant % len(_STAMP_TEXTS)]
    glyph_h = (radius - ring - inner) * 0.55
    _ring_text(mask, c, (radius - ring + inner) / 2, text, glyph_h)
    star = [
        (
            c + (0.2 if i % 2 == 0 else 0.08) * radius * math.sin(i * math.pi / 5),
            c - 0.1 * radius - (0.2 if i % 2 == 0 else 0.08) * radius * math.cos(i * math.pi / 5),
        )
        for i in range(10)
    ]
    points = np.round(np.array(star) * 16).astype(np.int32)
    cv2.fillPoly(mask, [points], 255, cv2.LINE_AA, shift=4)
    label = "BAN TO CHUC"
    scale = glyph_h * 0.8 / cv2.getTextSize(label, cv2.FONT_HERSHEY_SIMPLEX, 1.0, 1)[0][1]
    (w, _), _ = cv2.getTextSize(label, cv2.FONT_HERSHEY_SIMPLEX, scale, 1)
    origin = (int(c - w / 2), int(c + 0.35 * radius))
    cv2.putText(mask, label, origin, cv2.FONT_HERSHEY_SIMPLEX, scale, 255, 1, cv2.LINE_AA)
    mask.setflags(write=False)
    return mask


def _ring_text(mask: Mask, c: float, radius: float, text: str, height: float) -> None:
    """Capital letters round a circle, upright to the ring, over 330°."""
    font = cv2.FONT_HERSHEY_SIMPLEX
    scale = height / cv2.getTextSize("H", font, 1.0, 1)[0][1]
    thickness = max(1, round(height / 7))
    cell = int(height * 2) + 4
    for i, char in enumerate(text):
        angle = -165 + 330 * (i + 0.5) / len(text)  # degrees from the top, clockwise
        glyph = np.zeros((cell, cell), np.uint8)
        (w, h), _ = cv2.getTextSize(char, font, scale, thickness)
        origin = ((cell - w) // 2, (cell + h) // 2)
        cv2.putText(glyph, char, origin, font, scale, 255, thickness, cv2.LINE_AA)
        turn = cv2.getRotationMatrix2D(((cell - 1) / 2, (cell - 1) / 2), -angle, 1.0)
        glyph = np.asarray(cv2.warpAffine(glyph, turn, (cell, cell)), np.uint8)
        x = c + radius * math.sin(math.radians(angle)) - (cell - 1) / 2
        y = c - radius * math.cos(math.radians(angle)) - (cell - 1) / 2
        x0, y0 = round(x), round(y)
        region = mask[y0 : y0 + cell, x0 : x0 + cell]
        np.maximum(region, glyph[: region.shape[0], : region.shape[1]], out=region)


def _stamp(
    sheet: _Sheet, page: Page, rng: np.random.Generator
) -> tuple[tuple[float, float], float]:
    """The board's red seal on the stamp zone, centre jittered ±6 mm (one in twelve stamped
    carelessly, up to 12 mm towards the top-left mark); turned, partly transparent, blotchy."""
    zone = page.stamp
    diameter = round(rng.uniform(34.0, 38.0) * 2) / 2
    dx, dy = rng.uniform(-6, 6), rng.uniform(-6, 6)
    if rng.random() < 1 / 12:
        dx, dy = -rng.uniform(6, 12), -rng.uniform(0, 6)
    centre = (zone.x + zone.w / 2 + dx, zone.y + zone.h / 2 + dy)
    base = _stamp_mask(sheet.dpi, diameter, int(rng.integers(len(_STAMP_TEXTS))))
    size = base.shape[0]
    turn = cv2.getRotationMatrix2D(((size - 1) / 2, (size - 1) / 2), rng.uniform(-30, 30), 1.0)
    seal = cv2.warpAffine(base, turn, (size, size)).astype(np.float32)
    blotch = cv2.resize(rng.uniform(0.55, 1.0, (7, 7)).astype(np.float32), (size, size))
    ramp = np.linspace(rng.uniform(0.55, 1.0), 1.0, size, dtype=np.float32)
    ramp = ramp[None, :] if rng.random() < 0.5 else ramp[:, None]
    holes = (rng.random((size // 3, size // 3)) > rng.uniform(0, 0.12)).astype(np.float32)
    voids = cv2.resize(holes, (size, size), interpolation=cv2.INTER_NEAREST)
    seal *= np.clip(blotch, 0, 1) * ramp * voids * rng.uniform(0.7, 0.95)
    red = (int(rng.integers(40, 81)), int(rng.integers(30, 61)), int(rng.integers(170, 221)))
    corner = sheet.px(np.array([centre]))[0] - (size - 1) / 2
    sheet.ink(seal.astype(np.uint8), round(corner[0]), round(corner[1]), red)
    return (float(centre[0]), float(centre[1])), float(diameter)


# ---------------------------------------------------------------------------------------------
# The scanner


def scanner_effects(rng: np.random.Generator, *, rotation_max: float = 5.0) -> Scan:
    """Draw one page's scanner effects (omr.md §5.5)."""
    grey_backing = rng.random() < 0.5
    background = int(rng.integers(190, 226) if grey_backing else rng.integers(240, 256))
    low = rng.uniform(0.85, 0.98)
    direction = rng.uniform(0, 2 * np.pi)
    corners = np.array([(-1, -1), (1, -1), (1, 1), (-1, 1)], np.float64)
    along = corners @ (math.cos(direction), math.sin(direction))
    light = 1 - (1 - low) * (along - along.min()) / (np.ptp(along) or 1)
    return Scan(
        rotation=float(rng.uniform(-rotation_max, rotation_max)),
        shift=(float(rng.uniform(-SHIFT_MAX_MM, SHIFT_MAX_MM)), float(rng.uniform(-5, 5))),
        scale=float(rng.uniform(0.99, 1.01)),
        margin=float(rng.uniform(*MARGIN_MM)),
        background=background,
        paper=int(rng.integers(215, 251)),
        tint=int(rng.integers(0, 11)),
        black=int(rng.integers(10, 45)),
        gamma=float(rng.uniform(0.85, 1.15)),
        light=(float(light[0]), float(light[1]), float(light[2]), float(light[3])),
        blur=float(rng.uniform(0.3, 1.2)),
        noise=float(rng.uniform(2, 8)),
        noise_at=(int(rng.integers(0, 256)), int(rng.integers(0, 256))),
        quality=0 if rng.random() < PNG_SHARE else int(rng.integers(60, 96)),
    )


def _tone_table(scan: Scan, channels: int) -> Mask:
    """Grey level on paper → grey level scanned: toner black, paper tone, gamma (one lookup)."""
    v = (np.arange(256, dtype=np.float64) / 255) ** scan.gamma
    if channels == 1:
        papers = [scan.paper]
    else:
        papers = [scan.paper - scan.tint, scan.paper - scan.tint // 2, scan.paper]
    tables = [np.round(scan.black + (p - scan.black) * v) for p in papers]
    table = np.stack(tables, axis=-1).reshape(256, 1, channels)
    return np.clip(table, 0, 255).astype(np.uint8)


@lru_cache(maxsize=6)
def _noise_field(rows: int, cols: int) -> npt.NDArray[np.uint8]:
    """A fixed field of N(0, 1) × 16 noise, split into its positive and negative parts (so that
    adding it is two saturating 8-bit passes), read at random offsets: drawing fresh noise for
    every page would take longer than all the other effects together."""
    field = np.empty((2, rows, cols), np.uint8)
    generator = np.random.default_rng(20261124)
    for top in range(0, rows, 512):
        block = generator.standard_normal((min(512, rows - top), cols), dtype=np.float32)
        block *= _NOISE_UNIT
        field[0, top : top + 512] = np.clip(block, 0, 255)
        field[1, top : top + 512] = np.clip(-block, 0, 255)
    field.setflags(write=False)
    return field


def _add_noise(canvas: Image, sigma: float, at: tuple[int, int]) -> Image:
    """`canvas` plus Gaussian noise of `sigma` grey levels."""
    shape = canvas.shape
    height, width = shape[0], shape[1] * (shape[2] if len(shape) == 3 else 1)
    # sizes rounded up to 1024: one or two fields serve every page of a corpus
    field = _noise_field(-(-height // 1024) * 1024 + 256, -(-width // 1024) * 1024 + 256)
    window = np.s_[at[0] : at[0] + height, at[1] : at[1] + width]
    up, down = field[0][window].reshape(shape), field[1][window].reshape(shape)
    weight = sigma / _NOISE_UNIT
    raised = cv2.addWeighted(canvas, 1.0, up, weight, 0.0)
    return np.asarray(cv2.addWeighted(raised, 1.0, down, -weight, 0.0), np.uint8)


def apply_scan(paper: Image, scan: Scan, dpi: int) -> Image:
    """What the scanner makes of `paper` (the marked page, white paper = 255): tone, skew and
    shift on a canvas showing the bed round the paper, blur, uneven light, noise."""
    channels = 1 if paper.ndim == 2 else 3
    toned = cv2.LUT(paper, _tone_table(scan, channels))
    edge = max(0, scan.paper - 45)
    cv2.rectangle(toned, (0, 0), (toned.shape[1] - 1, toned.shape[0] - 1), (edge,) * 3, 1)
    matrix, size = scan.geometry((paper.shape[0], paper.shape[1]), dpi)
    bed = (scan.background,) * 3
    canvas = np.asarray(
        cv2.warpAffine(toned, matrix, size, flags=cv2.INTER_LINEAR, borderValue=bed), np.uint8
    )
    if scan.blur > 0:
        cv2.GaussianBlur(canvas, (0, 0), scan.blur, dst=canvas)
    small = np.round(np.array(scan.light)[[0, 1, 3, 2]].reshape(2, 2) * 255).astype(np.uint8)
    if channels == 3:
        small = np.ascontiguousarray(np.repeat(small[:, :, None], 3, axis=2))
    light = cv2.resize(small, size)
    cv2.multiply(canvas, light, dst=canvas, scale=1 / 255)
    if scan.noise > 0:
        canvas = _add_noise(canvas, scan.noise, scan.noise_at)
    return np.asarray(canvas, np.uint8)


def encode(image: Image, quality: int) -> bytes:
    """The scanner's file: JPEG at `quality` (60–95 as drawn), or PNG when `quality` is 0."""
    if quality == 0:
        ok, data = cv2.imencode(".png", image, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    else:
        ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        msg = "image encoding failed"
        raise ValueError(msg)
    return data.tobytes()


def suffix(quality: int) -> str:
    """The file suffix `encode` gives for `quality`."""
    return ".png" if quality == 0 else ".jpg"


# ---------------------------------------------------------------------------------------------
# Pages


def mark_ballot(  # noqa: PLR0913 - the corpus's knobs, all keyword-only
    layout: BallotLayout,
    page: int,
    rng: np.random.Generator,
    *,
    dpi: int = 200,
    colour: bool = False,
    seats: int | None = None,
    ambiguous_rate: float = 0.0,
    extra_ink_rate: float = 0.0,
    stamp: bool = True,
    rotation_max: float = 5.0,
    degrade: bool = True,
) -> tuple[Image, Truth]:
    """Page `page` (1-based) of one ballot, marked by a random voter and scanned.

    Returns the image (grey H × W, or BGR when `colour`) and what was drawn. `seats`: names a
    voter is meant to keep on the whole ballot (default 80 % of the names); on a page of a
    longer ballot the share is kept. With `degrade=False` the image is the marked page itself,
    the same size as `page_pixels`, untouched by the scanner (for tests that difference it
    against the template)."""
    sheet = _Sheet(
        page_pixels(layout, page, dpi, colour=colour).copy(),
        page_pixels(layout, page, dpi, colour=False),
        dpi,
    )
    rows = layout.pages[page - 1].rows
    pen = _pen(rng)
    names = sum(len(p.rows) for p in layout.pages)
    if layout.spec.layout is Layout.CROSS_OUT:
        seats = round(0.8 * names) if seats is None else seats
        kept = round(_kept_count(rng, names, seats) * len(rows) / max(names, 1))
        odd = _ambiguous_rows(rng, rows, ambiguous_rate, STRIKE_AMBIGUOUS)
        truth_rows, styles = _vote_strike(sheet, rows, rng, pen, (kept, odd))
    else:
        seats = None
        odd = _ambiguous_rows(rng, rows, ambiguous_rate, MARKS_AMBIGUOUS)
        truth_rows, styles = _vote_marks(sheet, rows, rng, pen, odd)
    extra = rng.random() < extra_ink_rate
    if extra:
        _extra_ink(sheet, layout, layout.pages[page - 1], pen, rng)
    centre, diameter = _stamp(sheet, layout.pages[page - 1], rng) if stamp else (None, None)
    scan = scanner_effects(rng, rotation_max=rotation_max) if degrade else None
    image = apply_scan(sheet.image, scan, dpi) if scan else sheet.image
    truth = Truth(
        layout=layout.spec.layout.value,
        election_id=layout.spec.election_id,
        page=page,
        dpi=dpi,
        colour=colour,
        rows=truth_rows,
        styles=styles,
        stamp=stamp,
        extra_ink=extra,
        pen=pen.name,
        seats=seats,
        stamp_centre=centre,
        stamp_diameter=diameter,
        scan=scan,
    )
    return image, truth


def blank_page(
    rng: np.random.Generator,
    dpi: int = 200,
    paper: str = "A4",
    *,
    colour: bool = False,
    rotation_max: float = 5.0,
) -> tuple[Image, Scan]:
    """A blank sheet through the scanner (the back of a one-sided ballot, a stray sheet): the
    reader must reject it (BLANK_PAGE)."""
    width, height = PAPERS[paper]
    shape: tuple[int, ...] = (round(height * dpi / 25.4), round(width * dpi / 25.4))
    if colour:
        shape = (*shape, 3)
    scan = scanner_effects(rng, rotation_max=rotation_max)
    return apply_scan(np.full(shape, 255, np.uint8), scan, dpi), scan


def rotated(image: Image, quarter_turns: int) -> Image:
    """The page fed turned by `quarter_turns` × 90° clockwise: 2 = upside down (the reader must
    read it), 1 or 3 = sideways."""
    return np.ascontiguousarray(np.rot90(image, -quarter_turns % 4))
