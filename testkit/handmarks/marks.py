"""What a voter draws on one name: a strike (meant) or a mark a board must look at (ambiguous).

A strike crosses the whole name, starting before it and ending after it: slanted up to ±8°,
bowed, wavy, sagging below the baseline midway, in two strokes, or as a double line. Ambiguous
marks are the ones regulations leave to the board: a stroke over only 30–70 % of the name, an
underline, a circle around the name, a tick beside it, a dot, a short dash. Every path stays out
of the neighbouring names' boxes (`NameBox.above`/`below`/`left`/`right`), so a kept neighbour is
really kept.
"""

import math
from dataclasses import dataclass

import numpy as np

from testkit.handmarks.pen import Points, bezier, tremor
from testkit.handmarks.printed import NameBox

STRIKES = ("straight", "slanted", "wavy", "sag", "two strokes", "double")
STRIKE_WEIGHTS = (0.3, 0.25, 0.15, 0.1, 0.1, 0.1)
AMBIGUOUS = ("partial", "underline", "circle", "tick", "dot", "dash")


@dataclass(frozen=True)
class Hand:
    """The voter's hand: its randomness, the page's pixels per millimetre and the nib's width."""

    rng: np.random.Generator
    mm: float
    nib: float


@dataclass(frozen=True)
class Aim:
    """How a line is meant: its largest slant, its height (the letters' middle if None), a sag."""

    slant_deg: float
    middle: float | None = None
    sag: bool = False


def strike(name: NameBox, hand: Hand) -> list[Points]:
    """The paths of one deliberate strike through the name, in one of the styles."""
    rng, mm, nib = hand.rng, hand.mm, hand.nib
    style = STRIKES[int(rng.choice(len(STRIKES), p=STRIKE_WEIGHTS))]
    x0, y0, x1, y1 = name.box
    start = max(name.left, x0 - rng.uniform(0.5, 5.0) * mm)
    end = min(name.right, x1 + rng.uniform(0.5, 8.0) * mm)
    if style == "two strokes":
        cut = start + (end - start) * rng.uniform(0.4, 0.65)
        overlap = rng.uniform(1.0, 4.0) * mm
        return [
            line(hand, name, (start, cut + overlap), Aim(3.0)),
            line(hand, name, (cut - overlap, end), Aim(3.0)),
        ]
    if style == "double":
        gap = rng.uniform(0.7, 1.4) * mm
        centre = (y0 + y1) / 2 + rng.normal(0, 0.1) * (y1 - y0)
        return [
            line(hand, name, (start, end), Aim(1.5, centre - gap / 2)),
            line(hand, name, (start, end), Aim(1.5, centre + gap / 2)),
        ]
    slant = {"slanted": 8.0, "wavy": 3.0}.get(style, 2.0)
    path = line(hand, name, (start, end), Aim(slant, sag=style == "sag"))
    if style == "wavy":
        path = wave(path, rng, mm)
    return [fit(path, name, mm, nib)]


def line(hand: Hand, name: NameBox, span: tuple[float, float], aim: Aim) -> Points:
    """A pen line over x in `span` across the name's letters, slanted and bowed as `aim` says."""
    rng, mm, nib = hand.rng, hand.mm, hand.nib
    start, end = span
    middle = aim.middle
    x0, y0, x1, y1 = name.box
    height = y1 - y0
    if middle is None:
        middle = (y0 + y1) / 2 + rng.normal(0, 0.12) * height
    half = (end - start) / 2
    room = min(name.above, name.below) * 0.6 + height / 2 - nib
    slope = math.tan(math.radians(rng.uniform(-1, 1) * aim.slant_deg))
    slope = float(np.clip(slope, -room / max(half, 1.0), room / max(half, 1.0)))
    low, high = y0 + 0.2 * height, y1 - 0.15 * height
    if low <= middle <= high:
        # a line through the letters crosses them end to end: at the name's first and last
        # letter it is still within the letters' band (beyond them it may leave it)
        reach = max(abs(max(start, x0) - (start + end) / 2), abs(min(end, x1) - (start + end) / 2))
        steepest = min(high - middle, middle - low) / max(reach, 1.0)
        slope = float(np.clip(slope, -steepest, steepest))
    rise = slope * half
    p0 = np.array([start, middle - rise])
    p3 = np.array([end, middle + rise])
    bow = float(np.clip(rng.normal(0, 0.4), -0.6, 0.6)) * mm
    p1 = p0 + (p3 - p0) / 3 + np.array([0.0, bow])
    p2 = p0 + 2 * (p3 - p0) / 3 + np.array([0.0, bow])
    if aim.sag:
        drop = name.baseline + rng.uniform(0.0, 0.5) * mm - middle
        p1 = p1 + np.array([0.0, drop * 4 / 3])
        p2 = p2 + np.array([0.0, drop * 4 / 3])
    samples = max(16, int(abs(end - start) / 2))
    path = tremor(bezier(np.stack([p0, p1, p2, p3]), samples), rng, mm)
    return fit(path, name, mm, nib)


def wave(path: Points, rng: np.random.Generator, mm: float) -> Points:
    """A wavy line: the hand going up and down as it crosses the name."""
    wavelength = rng.uniform(4.0, 12.0) * mm
    amplitude = rng.uniform(0.3, 0.9) * mm
    phase = rng.uniform(0, 2 * math.pi)
    shifted = path.copy()
    shifted[:, 1] += amplitude * np.sin(
        2 * math.pi * (path[:, 0] - path[0, 0]) / wavelength + phase
    )
    return shifted


def fit(path: Points, name: NameBox, mm: float, nib: float) -> Points:
    """Keep a path out of the names above and below (a last guard after the slant's limit)."""
    _, y0, _, y1 = name.box
    top = y0 - name.above + nib / 2 + 0.4 * mm
    bottom = y1 + name.below - nib / 2 - 0.4 * mm
    kept = path.copy()
    kept[:, 1] = np.clip(kept[:, 1], top, max(top, bottom))
    kept[:, 0] = np.clip(kept[:, 0], name.left, max(name.left, name.right))
    return kept


def ambiguous(name: NameBox, hand: Hand) -> tuple[str, list[Points]]:
    """One of the marks a board must look at, and its kind."""
    rng, mm, nib = hand.rng, hand.mm, hand.nib
    kind = AMBIGUOUS[int(rng.integers(len(AMBIGUOUS)))]
    x0, y0, x1, y1 = name.box
    width, height = x1 - x0, y1 - y0
    if kind == "partial":
        share = rng.uniform(0.3, 0.7) * width
        where = rng.choice(["left", "right", "middle"])
        begin = {"left": x0, "right": x1 - share}.get(
            str(where), x0 + rng.uniform(0.1, 0.9) * (width - share)
        )
        start = begin - rng.uniform(0.5, 3.0) * mm if where == "left" else begin
        end = begin + share + (rng.uniform(0.5, 3.0) * mm if where == "right" else 0.0)
        path = line(hand, name, (max(start, name.left), min(end, name.right)), Aim(2))
        return kind, [path]
    if kind == "underline":
        under = y1 + min(rng.uniform(0.4, 1.2) * mm, name.below * 0.5)
        start, end = x0 - rng.uniform(0, 2) * mm, x1 + rng.uniform(0, 3) * mm
        start, end = max(start, name.left), min(end, name.right)
        return kind, [line(hand, name, (start, end), Aim(0.5, under))]
    if kind == "circle":
        return kind, [circle(name, hand)]
    if kind == "tick":
        return kind, tick(name, hand)
    if kind == "dot":
        cx = rng.uniform(x0 - 2 * mm, x1 + 2 * mm)
        cy = (y0 + y1) / 2 + rng.normal(0, 0.2) * height
        radius = rng.uniform(0.3, 0.8) * mm
        turns = np.linspace(0, 4 * math.pi, 24)
        reach = radius * turns / turns[-1]
        spiral = np.stack([cx + reach * np.cos(turns), cy + reach * np.sin(turns)], 1)
        return kind, [fit(spiral, name, mm, nib)]
    length = min(rng.uniform(2.0, 5.0) * mm, 0.25 * width)
    begin = rng.uniform(x0, x1 - length)
    return kind, [line(hand, name, (begin, begin + length), Aim(6))]


def circle(name: NameBox, hand: Hand) -> Points:
    """A loop drawn round the name, not quite closed or overlapping its start."""
    rng, mm, nib = hand.rng, hand.mm, hand.nib
    x0, y0, x1, y1 = name.box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    a = min((x1 - x0) / 2 + rng.uniform(1.5, 4.0) * mm, (name.right - name.left) / 2)
    b = (y1 - y0) / 2 + min(rng.uniform(0.8, 1.8) * mm, 0.7 * min(name.above, name.below))
    begin = rng.uniform(0, 2 * math.pi)
    sweep = rng.uniform(1.85, 2.15) * math.pi
    turns = np.linspace(begin, begin + sweep, max(40, int(a / 2)))
    path = np.stack([cx + a * np.cos(turns), cy + b * np.sin(turns)], 1)
    return fit(tremor(path, rng, mm), name, mm, nib)


def tick(name: NameBox, hand: Hand) -> list[Points]:
    """A tick (✓) beside the name, in the free space after it (or before, if there is none)."""
    rng, mm, nib = hand.rng, hand.mm, hand.nib
    x0, y0, x1, y1 = name.box
    size = rng.uniform(2.5, 4.5) * mm
    after = name.right - x1 > size + 2 * mm
    left = x1 + rng.uniform(1.0, 4.0) * mm if after else max(name.left, x0 - size - 1.5 * mm)
    bottom = y1 - 0.1 * (y1 - y0)
    down = np.array([[left, bottom - size * 0.45], [left + size * 0.3, bottom]])
    up = np.array([left + size * 0.3, bottom]) + np.array([[0, 0], [size * 0.7, -size]])
    path = np.concatenate([bezier(np.stack([down[0], down[0], down[1], down[1]]), 12), up[1:]])
    return [fit(tremor(path, rng, mm, 0.5), name, mm, nib)]
