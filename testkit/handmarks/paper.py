"""What happens to the paper besides the voter's marks: print scale, the seal, fingers, the scan.

Order matters and follows the paper's life: the printer (or a copier, or "fit to page") scales
the page about its centre by 97–103 %; the voter marks the names where they were printed; the
board stamps its seal (a red ring with text) near the heading, sometimes over the page edge;
fingers leave prints and smudges, a pen rests in the margin; then the scanner rotates the sheet
slightly, blurs it, adds sensor noise and compresses it as JPEG.
"""

import math
from typing import Any

import cv2
import numpy as np

from testkit.handmarks.pen import FloatImage, Pen, draw_stroke, lay_ink, tremor
from testkit.handmarks.printed import Box, NameBox

RED = (0.85, 0.18, 0.2)
PAPER = (1.0, 1.0, 1.0)
Bytes = np.ndarray[Any, np.dtype[np.uint8]]


def print_scale(image: Bytes, scale: float) -> Bytes:
    """The page printed at `scale` about its centre on the same sheet (white where uncovered)."""
    if scale == 1.0:
        return image.copy()
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), 0.0, scale)
    scaled: Bytes = cv2.warpAffine(  # type: ignore[assignment]
        image,
        matrix,
        (width, height),
        flags=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=(255, 255, 255),
    )
    return scaled


def scaled_box(box: Box, scale: float, size: tuple[int, int]) -> Box:
    """Where a box landed on a page printed at `scale` (`size` is width, height in pixels)."""
    cx, cy = size[0] / 2, size[1] / 2
    x0, y0, x1, y1 = box
    return (
        cx + (x0 - cx) * scale,
        cy + (y0 - cy) * scale,
        cx + (x1 - cx) * scale,
        cy + (y1 - cy) * scale,
    )


def scaled_name(name: NameBox, scale: float, size: tuple[int, int]) -> NameBox:
    """Where a name landed on a page printed at `scale` (`size` is width, height in pixels)."""
    box = scaled_box(name.box, scale, size)
    left, _, right, _ = scaled_box((name.left, 0.0, name.right, 0.0), scale, size)
    _, baseline, _, _ = scaled_box((0.0, name.baseline, 0.0, 0.0), scale, size)
    return NameBox(name.number, box, left, right, name.above * scale, name.below * scale, baseline)


def stamp(
    page: FloatImage, rng: np.random.Generator, mm: float, names: list[NameBox], clear: list[Box]
) -> Box:
    """The board's red seal over the heading: a double ring with text round it and a star.

    It stays above the first name and off the blocks in `clear` (the registration marks and the
    page's code: a seal over those is a page no reader could place), and one time in five it
    runs over the top or the left edge of the page."""
    height, width = page.shape[:2]
    radius = rng.uniform(15.0, 19.0) * mm
    first = min((n.box[1] for n in names), default=height * 0.3)
    cx, cy = 0.3 * width, first - radius - 2 * mm
    for _ in range(40):
        if rng.random() < 0.2:
            if rng.random() < 0.5:
                x, y = rng.uniform(0.25, 0.75) * width, rng.uniform(-0.3, 0.3) * radius + 8 * mm
            else:
                x, y = rng.uniform(2, 12) * mm, rng.uniform(30 * mm, max(30 * mm, first))
        else:
            x = rng.uniform(0.12, 0.45) * width
            y = rng.uniform(radius + 8 * mm, max(radius + 8 * mm, first - radius - 3 * mm))
        y = min(y, first - radius - 2 * mm)
        seal = (x - radius - mm, y - radius - mm, x + radius + mm, y + radius + mm)
        if not any(meets(seal, box) for box in clear):
            cx, cy = x, y
            break
    size = int(2 * radius + 8)
    alpha = np.zeros((size, size), np.float32)
    centre = (size // 2, size // 2)
    ring = max(2, int(0.9 * mm))
    cv2.circle(alpha, centre, int(radius - ring / 2), 1.0, ring, cv2.LINE_AA)
    cv2.circle(alpha, centre, int(radius * 0.72), 1.0, max(1, int(0.4 * mm)), cv2.LINE_AA)
    ring_text(alpha, centre, radius * 0.86, rng, mm)
    star(alpha, centre, radius * 0.3)
    texture = cv2.GaussianBlur(rng.random((size, size)).astype(np.float32), (0, 0), 2.0)
    alpha *= np.clip(rng.uniform(0.55, 0.95) + (texture - 0.5) * 3.0, 0.1, 1.0)
    alpha = cv2.GaussianBlur(alpha, (0, 0), 0.6).astype(np.float32)
    paste(page, alpha, int(cx) - size // 2, int(cy) - size // 2, RED)
    return (cx - radius, cy - radius, cx + radius, cy + radius)


def meets(one: Box, other: Box) -> bool:
    """Whether two boxes overlap."""
    return one[0] < other[2] and other[0] < one[2] and one[1] < other[3] and other[1] < one[3]


def ring_text(
    alpha: FloatImage, centre: tuple[int, int], radius: float, rng: np.random.Generator, mm: float
) -> None:
    """Capital letters set round the ring, each turned to face the centre."""
    text = "DANG BO TINH Y * BAN TO CHUC * "
    scale = 0.09 * mm / 2.0  # Hershey simplex capitals are about 22 px high at scale 1
    for index, letter in enumerate(text):
        angle = math.pi + 2 * math.pi * index / len(text) + rng.normal(0, 0.01)
        box = int(3.2 * mm)
        drawn = np.zeros((box, box), np.uint8)
        cv2.putText(
            drawn,
            letter,
            (box // 5, box * 4 // 5),
            cv2.FONT_HERSHEY_SIMPLEX,
            scale,
            255,
            max(1, int(0.25 * mm)),
            cv2.LINE_AA,
        )
        turn = cv2.getRotationMatrix2D((box / 2, box / 2), -math.degrees(angle) - 90, 1.0)
        glyph = cv2.warpAffine(drawn, turn, (box, box)).astype(np.float32) / 255.0
        x = int(centre[0] + radius * math.cos(angle) - box / 2)
        y = int(centre[1] + radius * math.sin(angle) - box / 2)
        if x >= 0 and y >= 0 and x + box <= alpha.shape[1] and y + box <= alpha.shape[0]:
            region = alpha[y : y + box, x : x + box]
            np.maximum(region, glyph, out=region)


def star(alpha: FloatImage, centre: tuple[int, int], radius: float) -> None:
    """The five-pointed star in the middle of a Party seal."""
    points = [
        (
            centre[0] + (radius if k % 2 == 0 else radius * 0.4) * math.sin(k * math.pi / 5),
            centre[1] - (radius if k % 2 == 0 else radius * 0.4) * math.cos(k * math.pi / 5),
        )
        for k in range(10)
    ]
    cv2.fillPoly(alpha, [np.array(points, np.int32)], 1.0, cv2.LINE_AA)


def paste(
    page: FloatImage, alpha: FloatImage, x: int, y: int, colour: tuple[float, float, float]
) -> None:
    """Lay `alpha` at (x, y) in `colour`, cut to the page where it runs over the edge."""
    height, width = page.shape[:2]
    top, left = max(0, -y), max(0, -x)
    bottom = min(alpha.shape[0], height - y)
    right = min(alpha.shape[1], width - x)
    if bottom > top and right > left:
        lay_ink(page, alpha[top:bottom, left:right], (x + left, y + top), colour)


def fingerprint(page: FloatImage, rng: np.random.Generator, mm: float, ink: Pen | None) -> None:
    """A faint fingerprint (ridges in an oval) or a greasy smudge, grey or tinted by the pen."""
    height, width = page.shape[:2]
    rx, ry = rng.uniform(5, 8) * mm, rng.uniform(7, 11) * mm
    size = int(2 * max(rx, ry)) + 4
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) - size / 2
    turn = rng.uniform(0, math.pi)
    u = xx * math.cos(turn) + yy * math.sin(turn)
    v = -xx * math.sin(turn) + yy * math.cos(turn)
    envelope = np.exp(-((u / rx) ** 2 + (v / ry) ** 2) * 2.0)
    if rng.random() < 0.6:
        warp = cv2.GaussianBlur(rng.normal(0, 1, (size, size)).astype(np.float32), (0, 0), size / 8)
        ridges = 0.5 + 0.5 * np.cos(2 * math.pi * np.hypot(u, v * 0.8) / (0.48 * mm) + warp * 6)
        envelope *= ridges
    alpha = (envelope * rng.uniform(0.08, 0.25)).astype(np.float32)
    colour = ink.colour if ink is not None and rng.random() < 0.4 else (0.45, 0.42, 0.4)
    paste(
        page, alpha, int(rng.uniform(0, width - size)), int(rng.uniform(0, height - size)), colour
    )


def margin_ink(page: FloatImage, rng: np.random.Generator, mm: float, pen: Pen) -> None:
    """The pen resting or tried out in a side or bottom margin, away from the names."""
    height, width = page.shape[:2]
    side = int(rng.integers(3))
    if side == 0:
        x, y = rng.uniform(3, 9) * mm, rng.uniform(0.3, 0.9) * height
    elif side == 1:
        x, y = width - rng.uniform(3, 9) * mm, rng.uniform(0.3, 0.9) * height
    else:
        x, y = rng.uniform(0.2, 0.8) * width, height - rng.uniform(3, 9) * mm
    length = rng.uniform(1.0, 6.0) * mm
    angle = rng.uniform(0, 2 * math.pi)
    count = 12
    path = np.stack(
        [
            x + np.linspace(0, length, count) * math.cos(angle),
            y + np.linspace(0, length, count) * math.sin(angle),
        ],
        1,
    )
    draw_stroke(page, tremor(path, rng, mm, 2.0), pen, rng, mm)


def scan(page: FloatImage, rng: np.random.Generator, mm: float) -> Bytes:
    """The scanner: a slight turn and shift, a little blur, sensor noise, paper tone; 8-bit RGB.

    Done in 8 bits with OpenCV's own noise (seeded from `rng`), as a scanner's file is, and
    because a float page of A4 at 200 dpi is slow to turn and blur.
    """
    height, width = page.shape[:2]
    angle = rng.uniform(-2.0, 2.0)
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    matrix = matrix + np.array(
        [[0.0, 0.0, rng.uniform(-1.5, 1.5) * mm], [0.0, 0.0, rng.uniform(-1.5, 1.5) * mm]]
    )
    tone = rng.uniform(0.93, 1.0)
    paper = cv2.convertScaleAbs(page, alpha=255.0 * tone)
    white = int(255 * tone)
    turned = cv2.warpAffine(
        paper,
        matrix,
        (width, height),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=(white, white, white),
    )
    sigma = rng.uniform(0.3, 1.1) * mm / 7.874
    blurred = cv2.GaussianBlur(turned, (0, 0), sigma)
    noise = np.empty(blurred.shape, np.int16)
    cv2.setRNGSeed(int(rng.integers(2**31)))
    cv2.randn(noise, np.zeros(3), np.full(3, rng.uniform(1.5, 5.0)))
    scanned: Bytes = cv2.add(blurred, noise, dtype=cv2.CV_8U)  # type: ignore[assignment]
    return scanned
