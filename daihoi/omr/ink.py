"""New ink (omr.md §5.3 step 4): the blank ballot as a template of where print is, and what on
the levelled page is darker than the paper where there is no print, or darker than the print alone
could make it next to the letters."""

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from daihoi.omr.layout import BallotLayout, Page
from daihoi.omr.render import CANONICAL_DPI, Image, Mask, mm_to_px, page_pixels, px, slices
from daihoi.omr.thresholds import (
    EDGE_MM,
    FAINT_MARK_MM,
    INK_DARKNESS,
    JOIN_MM,
    MARK_AREA_MM2,
    PRINT_DILATE_PX,
    PRINT_LEVEL,
    RING_BLUR_PX,
    RING_CORE_LEVEL,
    RING_STRONG,
    RING_WEAK,
    WEAK_DARKNESS,
)


class Template:
    """A page of the blank ballot in the canonical frame: where print is, row by row."""

    def __init__(self, layout: BallotLayout, page: Page) -> None:
        self.layout = layout
        self.page = page
        grey = page_pixels(layout, page.number, CANONICAL_DPI, colour=False)
        self.shape = grey.shape
        kernel = np.ones((2 * PRINT_DILATE_PX + 1, 2 * PRINT_DILATE_PX + 1), np.uint8)
        printed = (grey < PRINT_LEVEL).astype(np.uint8)
        dilated = cv2.dilate(printed, kernel)
        self.print_mask: Mask = dilated.astype(bool)
        self.unprinted: Image = (1 - dilated).astype(np.uint8)
        # Next to the letters, blur and misregistration darken the paper, so ink there is told
        # from print by how much darker it is than the darkest the print alone could make it
        # (the blank page blurred, then the minimum over ±1 px). Measured on the synthetic
        # corpus: print alone stays within 0.09 of that, a pen stroke is 0.34 or more below it.
        self.ring: Image = (dilated.astype(bool) & (grey > RING_CORE_LEVEL)).astype(np.uint8)
        wider = cv2.dilate(dilated, np.ones((5, 5), np.uint8))
        self.near_print: Mask = (wider > dilated) | self.ring.astype(bool)
        blurred = cv2.GaussianBlur(grey, (0, 0), RING_BLUR_PX)
        self.darkest: Image = np.asarray(cv2.erode(blurred, np.ones((3, 3), np.uint8)), np.uint8)
        allowed = np.zeros(grey.shape, dtype=bool)
        for row in page.rows:
            ys, xs = slices(row.cell, 0.5)
            allowed[ys, xs] = True
        ys, xs = slices(page.stamp, 12.0)  # a stamp is ~36 mm across, and jitters
        allowed[ys, xs] = True
        edge = px(EDGE_MM)  # the paper's edge and the scanner's background beyond it
        allowed[:edge, :] = allowed[-edge:, :] = allowed[:, :edge] = allowed[:, -edge:] = True
        self.allowed: Mask = allowed


def new_ink(page: Image, template: Template) -> tuple[Mask, Mask]:
    """Pixels darker than the paper around them where the blank ballot has no print, or darker
    than the print could make them next to the letters: faintly (`weak`) and clearly (`strong`).
    A mark is the weak pixels joined to at least one strong one, as an edge detector's
    hysteresis: faint stretches of a light stroke count, noise does not.

    The paper level is the page's brightness with the ink taken out (a max filter on a small
    copy), so uneven light and paper tone do not matter.
    """
    height, width = page.shape
    cut = page[: height - height % 8, : width - width % 8]  # a whole factor: the fast path
    small = cv2.resize(cut, (width // 8, height // 8), interpolation=cv2.INTER_AREA)
    paper = cv2.GaussianBlur(cv2.dilate(small, np.ones((7, 7), np.uint8)), (0, 0), 3)
    paper = cv2.resize(paper, (width, height), interpolation=cv2.INTER_NEAREST)  # it is smooth
    expected = cv2.multiply(template.darkest, paper, scale=1 / 255)
    masks = []
    for darkness, ring_darkness in ((WEAK_DARKNESS, RING_WEAK), (INK_DARKNESS, RING_STRONG)):
        level = cv2.convertScaleAbs(paper, alpha=1 - darkness)
        off_print = cv2.bitwise_and(cv2.compare(page, level, cv2.CMP_LT), template.unprinted)
        ring_level = cv2.addWeighted(expected, 1.0, paper, -ring_darkness, 0)
        near_print = cv2.bitwise_and(cv2.compare(page, ring_level, cv2.CMP_LT), template.ring)
        masks.append(cv2.bitwise_or(off_print, near_print).view(np.bool_))
    return masks[0], masks[1]


@dataclass(frozen=True)
class Region:
    """The significant ink marks of one part of the page, labelled. Pieces of ink less than
    JOIN_MM apart are one mark: a stroke crossing printed letters is cut into pieces by the print
    mask. The stray-ink limit (OPEN-OMR-2) applies to whole marks."""

    top: int
    left: int
    labels: npt.NDArray[np.int32]  # on ink pixels only; 0 elsewhere
    marks: tuple[int, ...]  # labels of marks bigger than a stray dot
    stats: npt.NDArray[np.int32]

    @classmethod
    def of(
        cls, ink: tuple[Mask, Mask], ys: slice, xs: slice, stray_mm: float, near_print: Mask
    ) -> "Region":
        part = ink[0][ys, xs].astype(np.uint8)
        points: npt.NDArray[np.integer[Any] | np.floating[Any]] | None = cv2.findNonZero(part)
        if points is None:
            return cls(ys.start or 0, xs.start or 0, np.zeros(part.shape, np.int32), (), NO_STATS)
        join = 2 * (px(JOIN_MM) // 2) + 1
        # only the box around the ink is labelled: rows are mostly empty paper
        x, y, w, h = cv2.boundingRect(points)
        y0, x0 = max(0, y - join), max(0, x - join)
        box = slice(y0, y + h + join), slice(x0, x + w + join)
        grown = cv2.dilate(part[box], np.ones((join, join), np.uint8))
        count, clusters, found, _ = cv2.connectedComponentsWithStats(grown, connectivity=8)
        stats = np.asarray(found, np.int32)
        stats[:, cv2.CC_STAT_LEFT] += x0
        stats[:, cv2.CC_STAT_TOP] += y0
        labels = np.zeros(part.shape, np.int32)
        labels[box] = np.where(part[box] > 0, clusters, 0)
        clear = np.bincount(labels[ink[1][ys, xs]].ravel(), minlength=count)
        # faint ink next to the print may be the print's own blur (a coarse scan upsampled):
        # there a mark needs clear ink, or to be large and to reach beyond the print's
        # surroundings; elsewhere faint ink is a mark
        halo = np.bincount(labels[near_print[ys, xs]].ravel(), minlength=count)
        total = np.bincount(labels.ravel(), minlength=count)
        size = np.maximum(stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT])
        stray = px(stray_mm) + join - 1
        faint = px(FAINT_MARK_MM) + join - 1
        least = MARK_AREA_MM2 * mm_to_px(1) ** 2
        marks = tuple(
            label
            for label in range(1, count)
            if size[label] >= stray
            and total[label] >= least
            and (
                clear[label]
                or not halo[label]
                or (size[label] >= faint and halo[label] < total[label])
            )
        )
        return cls(ys.start or 0, xs.start or 0, labels, marks, stats)


NO_STATS = np.zeros((1, 5), np.int32)


EMPTY = Region(0, 0, np.zeros((1, 1), np.int32), (), NO_STATS)
