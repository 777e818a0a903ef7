"""A person with a pen: strokes as Bézier paths with tremor, pressure and ink that skips.

The model is deliberately not "a band of ink": a stroke is a cubic Bézier path sampled finely,
with a small hand tremor added, a nib width that swells and thins with pressure (thin at touch
down and lift off), and for a ballpoint an ink density that fades and skips. It is laid on the
page by multiplying the paper by the ink's colour, as ink over toner looks on a scan.
"""

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

FloatImage = np.ndarray[Any, np.dtype[np.float32]]
Points = np.ndarray[Any, np.dtype[np.float64]]
SHIFT = 4  # sub-pixel bits for OpenCV's drawing
ONE = 1 << SHIFT


@dataclass(frozen=True)
class Pen:
    """A pen a voter holds: colour as transmitted light (RGB 0–1), nib width, kind."""

    name: str
    colour: tuple[float, float, float]
    width_mm: float
    felt: bool


PENS = (
    ("ballpoint blue", (0.22, 0.30, 0.72), (0.30, 0.50), False),
    ("ballpoint black", (0.16, 0.16, 0.20), (0.30, 0.50), False),
    ("gel blue", (0.12, 0.20, 0.62), (0.45, 0.70), False),
    ("felt blue", (0.10, 0.22, 0.70), (0.80, 1.40), True),
    ("felt black", (0.08, 0.08, 0.10), (0.80, 1.40), True),
)


def choose_pen(rng: np.random.Generator) -> Pen:
    """A pen from the table house: mostly ballpoints, sometimes a felt or gel pen."""
    name, colour, (low, high), felt = PENS[
        int(rng.choice(len(PENS), p=[0.35, 0.25, 0.1, 0.15, 0.15]))
    ]
    shade = rng.uniform(0.85, 1.15)
    tinted = tuple(float(np.clip(c * shade, 0.0, 1.0)) for c in colour)
    return Pen(name, (tinted[0], tinted[1], tinted[2]), float(rng.uniform(low, high)), felt)


def bezier(control: Points, samples: int) -> Points:
    """Points of the cubic Bézier with four control points (4×2), `samples` of them."""
    t = np.linspace(0.0, 1.0, samples)[:, None]
    p0, p1, p2, p3 = control
    curve: Points = (
        (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t**2 * p2 + t**3 * p3
    )
    return curve


def tremor(path: Points, rng: np.random.Generator, px_per_mm: float, amount: float = 1.0) -> Points:
    """The hand's tremor: a few small sines across the path and a slow drift along it."""
    length = path_length(path)
    along = np.concatenate([[0.0], np.cumsum(np.linalg.norm(np.diff(path, axis=0), axis=1))])
    normal = normals(path)
    offset = np.zeros(len(path))
    for _ in range(3):
        wavelength = rng.uniform(1.0, 4.0) * px_per_mm
        amplitude = rng.uniform(0.03, 0.12) * px_per_mm * amount
        offset += amplitude * np.sin(2 * np.pi * along / wavelength + rng.uniform(0, 2 * np.pi))
    drift = np.cumsum(rng.normal(0, 1, len(path)))
    drift -= np.linspace(drift[0], drift[-1], len(path))
    scale = 0.15 * px_per_mm * amount / max(1.0, float(np.abs(drift).max()))
    offset += drift * scale * min(1.0, length / (20 * px_per_mm))
    return path + normal * offset[:, None]


def normals(path: Points) -> Points:
    """Unit normals of a sampled path."""
    tangent = np.gradient(path, axis=0)
    norm = np.linalg.norm(tangent, axis=1, keepdims=True)
    tangent = tangent / np.maximum(norm, 1e-9)
    return np.stack([-tangent[:, 1], tangent[:, 0]], axis=1)


def path_length(path: Points) -> float:
    """Length of a sampled path in pixels."""
    return float(np.linalg.norm(np.diff(path, axis=0), axis=1).sum())


def resample(path: Points, step: float) -> Points:
    """The path with points every `step` pixels, for drawing without gaps."""
    along = np.concatenate([[0.0], np.cumsum(np.linalg.norm(np.diff(path, axis=0), axis=1))])
    count = max(2, int(along[-1] / step) + 1)
    where = np.linspace(0.0, along[-1], count)
    return np.stack([np.interp(where, along, path[:, 0]), np.interp(where, along, path[:, 1])], 1)


def draw_stroke(
    page: FloatImage, path: Points, pen: Pen, rng: np.random.Generator, px_per_mm: float
) -> None:
    """Lay one stroke along `path` (pixels) on the page (float RGB 0–1), in place."""
    nib = pen.width_mm * px_per_mm
    points = resample(path, max(0.35, nib * 0.2))
    count = len(points)
    t = np.linspace(0.0, 1.0, count)
    pressure = np.clip(np.minimum(t / 0.06, (1 - t) / 0.08), 0.45, 1.0)
    wobble = 1 + 0.15 * np.sin(2 * np.pi * t * rng.uniform(0.5, 2.5) + rng.uniform(0, 6.3))
    widths = np.maximum(nib * pressure * wobble, 0.8)
    density = ink_density(count, pen, rng)
    pad = int(widths.max()) + 3
    x0, y0 = np.floor(points.min(axis=0)).astype(int) - pad
    x1, y1 = np.ceil(points.max(axis=0)).astype(int) + pad
    height, width = page.shape[:2]
    x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, width), min(y1, height)
    if x1 <= x0 or y1 <= y0:
        return
    alpha = np.zeros((y1 - y0, x1 - x0), np.float32)
    for (x, y), w, d in zip(points, widths, density, strict=True):
        centre = (round((x - x0) * ONE), round((y - y0) * ONE))
        radius = round(w / 2 * ONE)
        cv2.circle(alpha, centre, radius, float(d), -1, cv2.LINE_AA, SHIFT)
    lay_ink(page, alpha, (x0, y0), pen.colour)


def ink_density(count: int, pen: Pen, rng: np.random.Generator) -> Points:
    """How much ink each point leaves: a felt pen evenly, a ballpoint fading and skipping."""
    if pen.felt:
        return np.clip(rng.normal(0.95, 0.02, count), 0.85, 1.0)
    base = rng.uniform(0.7, 0.95)
    slow = np.convolve(rng.normal(0, 1, count + 40), np.ones(41) / 41, mode="valid")[:count]
    density = base + 0.5 * slow
    skips = rng.random(count) < 0.004
    for start in np.flatnonzero(skips):
        density[start : start + int(rng.integers(2, 8))] *= rng.uniform(0.2, 0.6)
    return np.clip(density, 0.15, 1.0)


def lay_ink(
    page: FloatImage, alpha: FloatImage, origin: tuple[int, int], colour: tuple[float, float, float]
) -> None:
    """Multiply the page under `alpha` (placed at `origin`) by the ink's colour."""
    x0, y0 = origin
    height, width = alpha.shape
    region = page[y0 : y0 + height, x0 : x0 + width]
    a = np.clip(alpha, 0.0, 1.0)[:, :, None]
    tint = np.asarray(colour, np.float32)[None, None, :]
    region *= 1.0 - a * (1.0 - tint)
