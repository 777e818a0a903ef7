"""Writing outside the rows (R11: writing on the ballot): a few words or a signature on paper that
no row, box, code or stamp zone uses. The reader must report it (EXTRA_INK), never read it.
"""

import cv2
import numpy as np

from daihoi.omr.layout import BallotLayout, Box, Page
from testkit.synth.pen import Mask, Pen, Sheet

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


def extra_ink(
    sheet: Sheet, layout: BallotLayout, page: Page, pen: Pen, rng: np.random.Generator
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
