"""A mark for every row (omr.md §5.3 steps 5-6): how much of the printed name the ink crosses in
the letters' band, where else ink lies, and the decision: kept only with no new ink, struck only
for a line across the whole name and nothing else, every other case to the board."""

import itertools
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from daihoi.omr.ink import EMPTY, Region, Template
from daihoi.omr.layout import Box, Row
from daihoi.omr.reading import (
    Doubt,
    Mark,
    PageReading,
    Refused,
    Rejection,
    RowReading,
)
from daihoi.omr.render import Mask, mm_to_px, px, slices
from daihoi.omr.thresholds import (
    BAND_ABOVE,
    BAND_BELOW,
    BOX_MARK_FILL,
    BOX_MARK_MM,
    BRIDGE_ANY_MM,
    BRIDGE_UNDER_PRINT_MM,
    END_MM,
    LEAK_LOOK_MM,
    LEAK_MM,
    LINE_SHARE,
    LINE_SLACK_PX,
    OVERSHOOT_MM,
    OVERSHOOT_SHARE,
    PARTIAL_HINT,
    STAMP_INK,
    STRUCK_COVERAGE,
    ReaderSettings,
)


class PageRows:
    """The rows of one warped page and their readings."""

    def __init__(
        self,
        settings: ReaderSettings,
        template: Template,
        ink: tuple[Mask, Mask],
        page_number: int,
        homography: npt.NDArray[np.float64],
    ) -> None:
        self.settings = settings
        self.template = template
        self.page = template.page
        self.page_number = page_number
        self.homography = homography
        self.ink = ink

    def reading(self) -> PageReading:
        layout = self.template.layout
        marks = layout.spec.layout.value == "agree_disagree"
        rows = tuple(
            self._box_row(row) if marks else self._strike_row(row) for row in self.page.rows
        )
        doubts: list[Doubt] = []
        if self._outside_ink():
            doubts.append(Doubt.EXTRA_INK)
        if self.page_number == 1 and not self._stamped():
            doubts.append(Doubt.NO_STAMP)
        spec = layout.spec
        return PageReading(
            election_id=spec.election_id,
            round=spec.round,
            page=self.page_number,
            pages=len(layout.pages),
            rows=rows,
            doubts=tuple(doubts),
            homography=tuple(tuple(float(v) for v in line) for line in self.homography),
            paper=spec.paper,
            fingerprint=layout.fingerprint,
        )

    # --- ballot level -------------------------------------------------------------------------

    def _stamped(self) -> bool:
        ys, xs = slices(self.page.stamp)
        zone = self.ink[0][ys, xs]
        return bool(zone.size) and float(zone.mean()) >= STAMP_INK

    def _outside_ink(self) -> bool:
        """A mark bigger than a stray dot outside every row and the stamp's surroundings."""
        outside = self.ink[0] & ~self.template.allowed
        points: npt.NDArray[np.integer[Any] | np.floating[Any]] | None = cv2.findNonZero(
            outside.view(np.uint8)
        )
        if points is None:
            return False
        x, y, w, h = cv2.boundingRect(points)
        area = slice(y, y + h), slice(x, x + w)
        region = Region.of(
            (outside, self.ink[1]), *area, self.settings.stray_ink_max_mm, self.template.near_print
        )
        return bool(region.marks)

    # --- rows -----------------------------------------------------------------------------------

    def _row_region(self, row: Row) -> tuple[Region, tuple[slice, slice], set[int], bool]:
        """The row's marks: those with ink inside its cell, and whether one crosses the cell's
        border well into the next row (then the stroke may be the neighbour's)."""
        cell_ys, cell_xs = slices(row.cell)
        if not self.ink[0][cell_ys, cell_xs].any():
            return EMPTY, (cell_ys, cell_xs), set(), False
        look = Box(row.cell.x, row.cell.y - LEAK_LOOK_MM, row.cell.w, row.cell.h + 2 * LEAK_LOOK_MM)
        ys, xs = slices(look)
        region = Region.of(
            self.ink, ys, xs, self.settings.stray_ink_max_mm, self.template.near_print
        )
        cell = (
            slice(cell_ys.start - region.top, cell_ys.stop - region.top),
            slice(cell_xs.start - region.left, cell_xs.stop - region.left),
        )
        counts = np.bincount(region.labels[cell].ravel(), minlength=len(region.stats))
        present = {label for label in region.marks if counts[label]}
        leak = False
        limit = px(LEAK_MM)
        for label in present:
            y0 = int(region.stats[label, cv2.CC_STAT_TOP])
            y1 = y0 + int(region.stats[label, cv2.CC_STAT_HEIGHT])
            if y0 < cell[0].start - limit or y1 > cell[0].stop + limit:
                leak = True
        return region, cell, present, leak

    def _strike_row(self, row: Row) -> RowReading:
        region, cell, ids, leak = self._row_region(row)
        if not ids:
            return RowReading(row.number, Mark.KEPT, 1.0)
        text = row.text
        labels = region.labels[cell]
        cell_top, cell_left = region.top + cell[0].start, region.left + cell[1].start
        band_top = px(text.y - BAND_ABOVE * text.h) - cell_top
        band_bottom = px(text.bottom + BAND_BELOW * text.h) - cell_top
        # the first and last letters' outer halves may hide a line's ends: not asked for
        span = (px(text.x + END_MM) - cell_left, px(text.right - END_MM) - cell_left)
        reach = max(mm_to_px(OVERSHOOT_MM), OVERSHOOT_SHARE * (span[1] - span[0]))
        line, off, beside = classify(labels, ids, (band_top, band_bottom), span, reach)
        # a line that goes on past the name: the stretch hidden in the last letters lies
        # between ink and ink, so it is bridged like any other (the overshoot is not counted)
        left = max(0, span[0] - round(reach))
        right = min(labels.shape[1], span[1] + round(reach))
        band = np.isin(labels[band_top:band_bottom, left:right], list(line))
        hidden = self.template.print_mask[
            cell_top + band_top : cell_top + band_bottom, cell_left + left : cell_left + right
        ]
        coverage = name_coverage(band, hidden, (span[0] - left, span[1] - left))
        measures = {"coverage": round(coverage, 3), "marks": float(len(ids))}
        doubts: list[Doubt] = []
        if leak:
            doubts.append(Doubt.INK_FROM_NEIGHBOUR)
        if off:
            doubts.append(Doubt.MARK_BESIDE_NAME if beside else Doubt.OFF_NAME_LINE)
        if coverage >= STRUCK_COVERAGE and not doubts:
            confidence = min(1.0, 0.6 + 4 * (coverage - STRUCK_COVERAGE))
            return RowReading(row.number, Mark.STRUCK, confidence, (), None, measures)
        if line and coverage == 0:
            doubts.append(Doubt.MARK_BESIDE_NAME)
        elif line and coverage < STRUCK_COVERAGE:
            rule = self.settings.covers
            if not doubts and rule is not None and coverage >= rule:
                # the congress's written rule (OPEN-OMR-1), not the reader's judgement
                measures["rule"] = rule
                return RowReading(row.number, Mark.STRUCK, 0.5, (), None, measures)
            doubts.append(Doubt.PARTIAL_STRIKE)
        proposal = Mark.STRUCK if coverage >= PARTIAL_HINT else None
        unique = tuple(dict.fromkeys(doubts))
        return RowReading(row.number, Mark.REVIEW, 0.0, unique, proposal, measures)

    def _box_row(self, row: Row) -> RowReading:
        region, cell, ids, _ = self._row_region(row)
        if row.agree is None or row.disagree is None:
            raise Refused(Rejection.FAILED, "agree/disagree row without boxes")
        # An X drawn a little large runs over the row's border: a mark belongs to the row that
        # holds most of its ink. A neighbour's mark matters here only if it reaches a box.
        in_cell = np.bincount(region.labels[cell].ravel(), minlength=len(region.stats))
        in_all = np.bincount(region.labels.ravel(), minlength=len(region.stats))
        foreign = {label for label in ids if 2 * in_cell[label] < in_all[label]}
        leak = False
        for box in (row.agree, row.disagree):
            ys, xs = slices(inner_box(box))
            box_labels = region.labels[
                ys.start - region.top : ys.stop - region.top,
                xs.start - region.left : xs.stop - region.left,
            ]
            leak = leak or bool(np.isin(box_labels, list(foreign)).any())
        ids -= foreign
        if not ids and not leak:
            return RowReading(row.number, Mark.NONE, 1.0)
        states = []
        explained: set[int] = set()
        measures: dict[str, float] = {}
        faint = False
        for name, box in (("agree", row.agree), ("disagree", row.disagree)):
            ys, xs = slices(inner_box(box))
            labels = region.labels[
                ys.start - region.top : ys.stop - region.top,
                xs.start - region.left : xs.stop - region.left,
            ]
            inside = np.isin(labels, list(ids))
            explained |= set(np.unique(labels[inside]).tolist())
            fill = float(inside.mean())
            measures[f"{name}_fill"] = round(fill, 3)
            if not inside.any():
                states.append(False)
                continue
            rows_hit = np.flatnonzero(inside.any(axis=1))
            cols_hit = np.flatnonzero(inside.any(axis=0))
            span_y = (rows_hit[-1] - rows_hit[0] + 1) / mm_to_px(1)
            span_x = (cols_hit[-1] - cols_hit[0] + 1) / mm_to_px(1)
            if fill >= BOX_MARK_FILL and min(span_x, span_y) >= BOX_MARK_MM:
                states.append(True)
            else:
                states.append(False)
                faint = True
        doubts: list[Doubt] = []
        if leak:
            doubts.append(Doubt.INK_FROM_NEIGHBOUR)
        if ids - explained:
            name_ys, name_xs = slices(row.name_cell)
            name_labels = region.labels[
                name_ys.start - region.top : name_ys.stop - region.top,
                name_xs.start - region.left : name_xs.stop - region.left,
            ]
            on_name = np.isin(name_labels, list(ids - explained)).any()
            doubts.append(Doubt.NAME_MARKED_ON_BOX_BALLOT if on_name else Doubt.MARK_BESIDE_NAME)
        if faint:
            doubts.append(Doubt.BOX_FAINT)
        agree, disagree = states
        mark = {
            (True, False): Mark.AGREE,
            (False, True): Mark.DISAGREE,
            (True, True): Mark.BOTH,
            (False, False): Mark.NONE,
        }[(agree, disagree)]
        if doubts:
            return RowReading(row.number, Mark.REVIEW, 0.0, tuple(doubts), mark, measures)
        return RowReading(row.number, mark, 1.0, (), None, measures)


def inner_box(box: Box) -> Box:
    """A box's inside, clear of its printed border."""
    return Box(box.x + 0.6, box.y + 0.6, box.w - 1.2, box.h - 1.2)


def classify(
    labels: npt.NDArray[np.int32],
    ids: set[int],
    band: tuple[int, int],
    span: tuple[int, int],
    reach: float,
) -> tuple[set[int], set[int], bool]:
    """Split a row's marks into pieces of a line through the name (mostly inside the letters'
    band, within reach of the name) and other marks; and whether any other mark lies wholly
    beside the name (a tick, a circle's side, the number struck)."""
    line: set[int] = set()
    off: set[int] = set()
    beside = False
    for label in ids:
        piece = labels == label
        total = int(piece.sum())
        in_band = int(piece[band[0] : band[1]].sum())
        columns = np.flatnonzero(piece.any(axis=0))
        near = columns[-1] >= span[0] - reach and columns[0] <= span[1] + reach
        if total and in_band >= LINE_SHARE * total and near:
            line.add(label)
        else:
            off.add(label)
            beside = beside or columns[-1] < span[0] or columns[0] > span[1]
    if line:
        # Specks too small to count alone are the visible bits of the same stroke where it
        # runs along the letters (between "n" and "h", past the last letter): in the band and
        # within reach of the name, they join the line they continue.
        band_labels = labels[band[0] : band[1]]
        for label in np.unique(band_labels).tolist():
            if not label or label in ids:
                continue
            columns = np.flatnonzero((band_labels == label).any(axis=0))
            if columns[-1] >= span[0] - reach and columns[0] <= span[1] + reach:
                line.add(label)
    return line, off, beside


def name_coverage(region: Mask, hidden: Mask, span: tuple[int, int]) -> float:
    """Share of the name's columns (`span` of the band) crossed by ink.

    A gap between two inked columns is bridged when it is a short pen skip, or when, all along
    the straight line joining the ink on its two sides, the printed letters would hide a stroke
    (a thin line running inside the letters; omr.md §6 lesson 3). One open column where a stroke
    would show and shows nothing keeps the gap open. Gaps at the ends are never bridged: a line
    that stops short of the name's end does not cover it.
    """
    inked: Mask = np.asarray(region.any(axis=0), np.bool_)
    if not inked[span[0] : span[1]].any():
        return 0.0
    covered = inked.copy()
    columns = np.flatnonzero(inked)
    heights = np.arange(region.shape[0])
    any_gap = mm_to_px(BRIDGE_ANY_MM)
    print_gap = mm_to_px(BRIDGE_UNDER_PRINT_MM)
    for left, right in itertools.pairwise(columns):
        gap = right - left - 1
        if gap <= 0:
            continue
        if gap <= any_gap:
            covered[left + 1 : right] = True
            continue
        if gap > print_gap:
            continue
        y_left = float(heights[region[:, left]].mean())
        y_right = float(heights[region[:, right]].mean())
        xs = np.arange(left + 1, right)
        ys = np.rint(y_left + (y_right - y_left) * (xs - left) / (right - left)).astype(int)
        last = region.shape[0] - 1
        hidden_here = np.zeros(xs.shape, dtype=bool)
        for dy in range(-LINE_SLACK_PX, LINE_SLACK_PX + 1):
            hidden_here |= hidden[np.clip(ys + dy, 0, last), xs]
        if int((~hidden_here).sum()) <= any_gap:  # a pen skip beside a hidden stretch
            covered[left + 1 : right] = True
    return float(covered[span[0] : span[1]].mean())
