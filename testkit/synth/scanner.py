"""What the scanner does to a page: skew, shift, scale, paper tone, blur, uneven light, noise,
and the file it writes (JPEG or PNG).

omr.md §5.5. Drawn apart from the marks so that a page's `Scan` can be replayed on its own
(`apply_scan`) and a blank sheet can go through the same scanner (`ballots.blank_page`). The
canvas shows the scanner bed beyond the paper (§6 lesson 1: without it, markers get cropped).
"""

import math
from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np
import numpy.typing as npt

from daihoi.omr.render import Image

Floats = npt.NDArray[np.float64]

SHIFT_MAX_MM = 5.0
MARGIN_MM = (5.0, 10.0)  # scanner bed shown beyond the skewed, shifted paper on every side
PNG_SHARE = 0.02
_NOISE_UNIT = 16.0  # the noise field holds N(0, 1) × 16


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


def scanner_effects(
    rng: np.random.Generator, *, rotation_max: float = 5.0, print_scale: float = 0.01
) -> Scan:
    """Draw one page's scanner effects (omr.md §5.5). `print_scale`: how far from 100 % the page
    was printed and scanned (0.03: "fit to page" printing or a copier, 97–103 %)."""
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
        scale=float(rng.uniform(1 - print_scale, 1 + print_scale)),
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


def _tone_table(scan: Scan, channels: int) -> npt.NDArray[np.uint8]:
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
