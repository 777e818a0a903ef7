"""The voter's pen and the sheet it draws on: colour, width, pressure along a stroke.

One pen per ballot, as in the booth. Pen ink is subtractive (ink over black print stays black), so
a stroke through a letter's stem is invisible there, as on paper. Every mark module draws through
`Sheet.stroke` and `Sheet.dot`, in mm on the paper.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from daihoi.omr.render import Image
from testkit.synth.shapes import Floats

Mask = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class Pen:
    """The voter's pen: one per ballot, as in the booth."""

    name: str
    bgr: tuple[int, int, int]
    width: float  # mm


def choose_pen(rng: np.random.Generator) -> Pen:
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
class Sheet:
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
