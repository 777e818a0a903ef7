"""Hand-drawn shapes in mm on the paper: polylines, bows, turns, and keeping a mark in its cell.

Pure geometry, no ink: the strike, the ambiguous marks and the box marks share it.
"""

import itertools
import math

import numpy as np
import numpy.typing as npt

from daihoi.omr.layout import Box

Floats = npt.NDArray[np.float64]

CELL_GAP_MM = 0.5  # ink keeps this far (plus half the pen) from a row cell's borders


def polyline(*corners: tuple[float, float], step: float = 0.3) -> Floats:
    """Straight pieces through `corners`, with a point every `step` mm at most."""
    pieces = []
    for (ax, ay), (bx, by) in itertools.pairwise(corners):
        n = max(2, math.ceil(math.hypot(bx - ax, by - ay) / step) + 1)
        t = np.linspace(0, 1, n)[:-1, None]
        pieces.append(np.hstack([ax + t * (bx - ax), ay + t * (by - ay)]))
    pieces.append(np.array([corners[-1]], np.float64))
    return np.vstack(pieces)


def bowed(points: Floats, bow: float) -> Floats:
    """Bend a polyline sideways by `bow` mm at its middle: hand lines are never quite straight."""
    start, end = points[0], points[-1]
    direction = end - start
    length = float(np.hypot(*direction)) or 1.0
    normal = np.array([-direction[1], direction[0]]) / length
    t = np.linspace(0, 1, len(points))[:, None]
    return points + normal * bow * np.sin(np.pi * t)


def turn(points: Floats, centre: tuple[float, float], degrees: float) -> Floats:
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


def shrink_into(strokes: list[Floats], box: Box, centre: tuple[float, float], gap: float) -> None:
    """Shrink the strokes towards `centre` until they fit in `box` with `gap` to spare:
    a mark never strays into a neighbouring row or box column."""
    for _ in range(40):
        if all(_inside(s, box, gap) for s in strokes):
            return
        for s in strokes:
            s[:] = centre + (s - centre) * 0.92
