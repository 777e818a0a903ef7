"""The board's red seal in the stamp zone (R8): a ballot without it was not issued by the board,
so the reader must find it (NO_STAMP) in grey scans as in colour, and read rows it overlaps.

Turned, faded and blotchy, its centre jittered; one in twelve stamped carelessly towards the
top-left marker (omr.md §5.5).
"""

import math
from functools import lru_cache

import cv2
import numpy as np

from daihoi.omr.layout import Page
from testkit.synth.pen import Mask, Sheet

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


def press_stamp(
    sheet: Sheet, page: Page, rng: np.random.Generator
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
