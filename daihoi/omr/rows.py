"""A mark for every row (omr.md §5.3 steps 5-6): how much of the printed name the ink crosses in
the letters' band, where else ink lies, and the decision: kept only with no new ink, struck only
for a line across the whole name and nothing else, every other case to the board."""

from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from daihoi.omr.ink import EMPTY, Region, Template
from daihoi.omr.inks import ink_kinds
from daihoi.omr.layout import Box, Row
from daihoi.omr.reading import (
    Doubt,
    Mark,
    PageReading,
    Refused,
    Rejection,
    RowReading,
)
from daihoi.omr.render import Image, Mask, mm_to_px, px, slices
from daihoi.omr.strokes import Path, classify, specks_on_line
from daihoi.omr.thresholds import (
    BOX_MARK_FILL,
    BOX_MARK_MM,
    CROSS_SHARE,
    END_MM,
    JOIN_MM,
    LEAK_LOOK_MM,
    LEAK_MM,
    LOOP_SHARE,
    LOOP_SPREAD,
    MARGIN_MARK_MM,
    MARGIN_MM,
    MARGIN_STROKE_MM,
    OVERSHOOT_MM,
    OVERSHOOT_SHARE,
    PARTIAL_HINT,
    RISE_MM,
    SAG_BELOW,
    STAMP_GROW,
    STAMP_INK,
    STAMP_JOIN_MM,
    STAMP_MIN_MM,
    STRUCK_COVERAGE,
    THROUGH_ABOVE,
    THROUGH_BELOW,
    WIDE_ABOVE,
    WIDE_BELOW,
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
        scan: tuple[npt.NDArray[np.float64], Image | None],
    ) -> None:
        self.settings = settings
        self.template = template
        self.page = template.page
        self.page_number = page_number
        # the homography from the canonical page to the scan, and the scan in colour when it is
        # (the ink's colour, OPEN-OMR-3)
        self.homography, self.colour = scan
        self.ink = ink

    def reading(self) -> PageReading:
        layout = self.template.layout
        marks = layout.spec.layout.value == "agree_disagree"
        rows = tuple(
            self._box_row(row) if marks else self._strike_row(row) for row in self.page.rows
        )
        doubts: list[Doubt] = []
        seal = self._seal()
        if self._outside_ink(seal):
            doubts.append(Doubt.EXTRA_INK)
        if self.page_number == 1 and not self._stamped(seal):
            doubts.append(Doubt.NO_STAMP)
        warnings: list[Doubt] = []
        if self._mixed_ink():
            chosen = doubts if self.settings.mixed_ink == "review" else warnings
            chosen.append(Doubt.MIXED_INK)
        spec = layout.spec
        return PageReading(
            election_id=spec.election_id,
            round=spec.round,
            page=self.page_number,
            pages=len(layout.pages),
            rows=rows,
            doubts=tuple(doubts),
            warnings=tuple(warnings),
            homography=tuple(tuple(float(v) for v in line) for line in self.homography),
            paper=spec.paper,
            fingerprint=layout.fingerprint,
        )

    # --- ballot level -------------------------------------------------------------------------

    def _stamped(self, seal: tuple[slice, slice] | None) -> bool:
        if seal is not None:
            return True
        ys, xs = slices(self.page.stamp)
        zone = self.ink[0][ys, xs]
        return bool(zone.size) and float(zone.mean()) >= STAMP_INK

    def _mixed_ink(self) -> bool:
        """More than one kind of ink among the marks inside the rows (OPEN-OMR-3)."""
        if self.colour is None:
            return False
        rows = np.zeros_like(self.ink[1])
        for row in self.page.rows:
            rows[slices(row.cell)] = True
        return len(ink_kinds(self.colour, self.homography, self.ink[1] & rows)) > 1

    def _seal(self) -> tuple[slice, slice] | None:
        """Where the board's seal lies on the first page: the largest ring of ink at least
        STAMP_MIN_MM across both ways above the rows (stamped by hand, it often sits beside the
        printed zone or runs over the page's edge). Other pages carry no seal."""
        if self.page_number != 1 or not self.page.rows:
            return None
        top = px(min(row.cell.y for row in self.page.rows))
        # at a quarter of the pixels: a seal is large, and this runs on every first page
        width = self.ink[1].shape[1]
        header = self.ink[1][: top - top % 2, : width - width % 2].view(np.uint8)
        clear = cv2.resize(header, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
        join = 2 * (px(STAMP_JOIN_MM / 2) // 2) + 1
        grown = cv2.dilate(clear, np.ones((join, join), np.uint8))
        count, labels, stats, _ = cv2.connectedComponentsWithStats(grown, connectivity=8)
        inked = np.bincount(labels[clear > 0].ravel(), minlength=count)
        least = px(STAMP_MIN_MM / 2)
        rings = [
            label
            for label in range(1, count)
            if min(stats[label, cv2.CC_STAT_WIDTH], stats[label, cv2.CC_STAT_HEIGHT]) >= least
            and inked[label]
            >= STAMP_INK * stats[label, cv2.CC_STAT_WIDTH] * stats[label, cv2.CC_STAT_HEIGHT]
        ]
        if not rings:
            return None
        x, y, w, h, _ = (2 * int(v) for v in stats[max(rings, key=lambda r: stats[r, 4])])
        # the ring is round: where the printed title cuts it off, the part beyond lies within its
        # width (or height) on that side
        side = max(w, h)
        grow_y, grow_x = side - h + round(STAMP_GROW * side), side - w + round(STAMP_GROW * side)
        return (
            slice(max(0, y - grow_y), y + h + grow_y),
            slice(max(0, x - grow_x), x + w + grow_x),
        )

    def _outside_ink(self, seal: tuple[slice, slice] | None) -> bool:
        """A mark outside every row and the seal: clear ink bigger than a stray dot, or, in the
        margins, longer than a pen's rest or trial (MARGIN_MARK_MM)."""
        outside = self.ink[0] & ~self.template.allowed
        if seal is not None:
            outside[seal] = False
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
        clear = np.bincount(region.labels[self.ink[1][area]].ravel(), minlength=len(region.stats))
        height, width = self.ink[0].shape
        margin, short = px(MARGIN_MM), px(MARGIN_MARK_MM)
        for label in region.marks:
            if not clear[label]:
                continue
            left, top, w, h = (int(v) for v in region.stats[label, :4])
            left, top = left + region.left, top + region.top  # stats are the area's
            in_margin = (
                left + w <= margin
                or left >= width - margin
                or top + h <= margin
                or top >= height - margin
            )
            if in_margin and max(w, h) < short + px(JOIN_MM):
                points = cv2.findNonZero((region.labels == label).view(np.uint8))
                _, sides, _ = cv2.minAreaRect(points)
                if min(sides) <= mm_to_px(MARGIN_STROKE_MM):
                    continue  # one short stroke: a pen resting or tried out, not writing
            return True
        return False

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
        text, labels = row.text, region.labels[cell]
        cell_top, cell_left = region.top + cell[0].start, region.left + cell[1].start
        wide, letters, strike = (
            (px(text.y - above * text.h) - cell_top, px(text.bottom + below * text.h) - cell_top)
            for above, below in (
                (WIDE_ABOVE, WIDE_BELOW),  # where the pieces of a line lie
                (THROUGH_ABOVE, -THROUGH_BELOW),  # the letters themselves
                (THROUGH_ABOVE, SAG_BELOW),  # where a strike runs, sagging midway
            )
        )
        # the first and last letters' outer halves may hide a line's ends: not asked for
        span = (px(text.x + END_MM) - cell_left, px(text.right - END_MM) - cell_left)
        reach = max(mm_to_px(OVERSHOOT_MM), OVERSHOOT_SHARE * (span[1] - span[0]))
        line, off, beside = classify(labels, ids, wide, span, reach)
        # a line that goes on past the name: the stretch hidden in the last letters lies
        # between ink and ink, so it is bridged like any other (the overshoot is not counted)
        left, right = max(0, span[0] - round(reach)), min(labels.shape[1], span[1] + round(reach))
        rows_abs = slice(cell_top, cell_top + labels.shape[0])
        strong = self.ink[1][rows_abs, cell_left + left : cell_left + right]
        window = labels[:, left:right]
        line |= specks_on_line(window, line, ids, strong)
        on_line = np.isin(window, list(line))
        clear = on_line & strong
        hidden = self.template.print_mask[rows_abs, cell_left + left : cell_left + right]
        path = Path.of(on_line, clear, letters, strike)
        inside = (span[0] - left, span[1] - left)
        coverage = path.coverage(hidden, inside)
        crossing = path.crossing_share(inside)
        loops = path.loop_share(inside, px(LOOP_SPREAD * text.h))
        # the line's whole course, from before the name to after it: a hand aiming at the
        # letters is at their height somewhere, often where no letter hides it
        rise = path.rise((0, window.shape[1]), px(text.bottom) - cell_top)
        in_letters, through = crossing >= CROSS_SHARE, rise > RISE_MM and loops < LOOP_SHARE
        measures = {"coverage": round(coverage, 3), "in_letters": round(crossing, 3)}
        measures |= {"rise_mm": round(rise, 2), "loops": round(loops, 3), "marks": len(ids)}
        doubts: list[Doubt] = []
        if leak:
            doubts.append(Doubt.INK_FROM_NEIGHBOUR)
        if off:
            doubts.append(Doubt.MARK_BESIDE_NAME if beside else Doubt.OFF_NAME_LINE)
        if coverage >= STRUCK_COVERAGE and through and not doubts:
            confidence = min(1.0, 0.6 + 4 * (coverage - STRUCK_COVERAGE))
            return RowReading(row.number, Mark.STRUCK, confidence, (), None, measures)
        if line and loops >= LOOP_SHARE:
            doubts.append(Doubt.MARK_BESIDE_NAME)  # a circle round the name, a cross, a scribble
        elif line and coverage == 0 and crossing == 0 and path.inked(inside):
            doubts.append(Doubt.OFF_NAME_LINE)  # along the name, never through its letters
        elif line and coverage == 0:
            doubts.append(Doubt.MARK_BESIDE_NAME)
        elif line and coverage < STRUCK_COVERAGE:
            rule = self.settings.covers
            if not doubts and in_letters and rule is not None and coverage >= rule:
                # the congress's written rule (OPEN-OMR-1), not the reader's judgement
                measures["rule"] = rule
                return RowReading(row.number, Mark.STRUCK, 0.5, (), None, measures)
            doubts.append(Doubt.PARTIAL_STRIKE if in_letters else Doubt.OFF_NAME_LINE)
        elif line and not through:
            doubts.append(Doubt.OFF_NAME_LINE)  # along the name, mostly above or below it
        if not doubts:  # fail closed: whatever is not a clean strike is the board's
            doubts.append(Doubt.PARTIAL_STRIKE)
        proposal = Mark.STRUCK if coverage >= PARTIAL_HINT and in_letters else None
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
