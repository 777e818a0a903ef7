"""A line along a printed name, followed wherever it goes (issue 14 §2): which marks of a row are
pieces of it, the specks between them, and its course column by column: where it crosses the
letters, how much of the name it covers, whether it rises into them, whether it loops round."""

import itertools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from daihoi.omr.render import Mask, mm_to_px
from daihoi.omr.thresholds import (
    BRIDGE_ANY_MM,
    BRIDGE_FAINT_MM,
    BRIDGE_UNDER_PRINT_MM,
    LINE_SHARE,
    LINE_SLACK_PX,
    RISE_SHARE,
)


def classify(
    labels: npt.NDArray[np.int32],
    ids: set[int],
    band: tuple[int, int],
    span: tuple[int, int],
    reach: float,
) -> tuple[set[int], set[int], bool]:
    """Split a row's marks into pieces of a line along the name (mostly inside the wide band
    round the letters, within reach of the name) and other marks; and whether any other mark
    lies wholly beside the name (a tick, a circle's side, the number struck). Specks too small to
    be marks never join the line: at 150 dpi the print's halo leaves such specks in the letters
    (issue 14 §2)."""
    line: set[int] = set()
    off: set[int] = set()
    beside = False
    for label in ids:
        piece = labels == label
        total = int(piece.sum())
        in_band = int(piece[max(0, band[0]) : band[1]].sum())
        columns = np.flatnonzero(piece.any(axis=0))
        near = columns[-1] >= span[0] - reach and columns[0] <= span[1] + reach
        if total and in_band >= LINE_SHARE * total and near:
            line.add(label)
        else:
            off.add(label)
            beside = beside or columns[-1] < span[0] or columns[0] > span[1]
    return line, off, beside


def specks_on_line(
    labels: npt.NDArray[np.int32], line: set[int], ids: set[int], strong: Mask
) -> set[int]:
    """Specks too small to be marks that are the visible bits of the line between letters
    (between "n" and "h" a thin stroke shows for half a millimetre), clearly or faintly: ink
    lying at the line's height with the line's ink on both sides, each within
    BRIDGE_UNDER_PRINT_MM. A speck never extends a line, so a speck of the print's halo cannot
    lengthen a partial stroke (issue 14 §2); a faint one only fills a gap between clear ink."""
    if not line:
        return set()
    on_line = np.isin(labels, list(line))
    columns = np.flatnonzero(on_line.any(axis=0))
    near = round(mm_to_px(BRIDGE_UNDER_PRINT_MM))
    found: set[int] = set()
    del strong  # the speck's own ink may be faint: only its place matters
    for label in np.unique(labels).tolist():
        if not label or label in ids:
            continue
        ys, xs = np.nonzero(labels == label)
        x0, x1 = int(xs.min()), int(xs.max())
        before = columns[(columns < x0) & (columns >= x0 - near)]
        after = columns[(columns > x1) & (columns <= x1 + near)]
        if not before.size or not after.size:
            continue
        beside = on_line[:, np.concatenate([before[-3:], after[:3]])]
        rows = np.flatnonzero(beside.any(axis=1))
        if rows[0] - LINE_SLACK_PX <= float(ys.mean()) <= rows[-1] + LINE_SLACK_PX:
            found.add(label)
    return found


@dataclass(frozen=True)
class Path:
    """A line's course along the name, column by column, wherever it goes (a slanted, wavy or
    sagging line is followed): where the middle of a vertical run of its ink lies in the wide
    band round the letters, clearly or only faintly, and at what height; and where it runs
    through the letters themselves."""

    clear: Mask  # per column: clear ink of the line along the name
    faint: Mask  # per column: faint ink of the line along the name
    through: Mask  # per column: the line's ink in the letters themselves
    inked_columns: Mask  # per column: any ink of the line at all
    height: npt.NDArray[np.float64]  # the line's height (rows), where it is clear
    spread: npt.NDArray[np.float64]  # per column: rows between its highest and lowest run

    @classmethod
    def of(cls, ink: Mask, clear: Mask, letters: tuple[int, int], band: tuple[int, int]) -> "Path":
        faint, _, _ = _crossing(ink, band)
        sure, height, _ = _crossing(clear, band)
        through, _, spread = _crossing(ink, letters)
        inked = np.asarray(ink.any(axis=0), np.bool_)
        return cls(sure, faint & ~sure, through, inked, height, spread)

    def loop_share(self, span: tuple[int, int], apart: int) -> float:
        """Share of the name's columns where the line's ink lies at two heights at least
        `apart` rows apart: the top and bottom of a circle round the name, a cross."""
        inked = int(self.inked_columns[span[0] : span[1]].sum())
        wide = int((self.spread[span[0] : span[1]] >= apart).sum())
        return wide / inked if inked else 0.0

    def inked(self, span: tuple[int, int]) -> bool:
        return bool(self.inked_columns[span[0] : span[1]].any())

    def crossing_share(self, span: tuple[int, int]) -> float:
        """Of the name's columns the line passes, the share where it runs through the letters
        (an underline or a line over the capitals runs along the name, not through it)."""
        inked = int(self.inked_columns[span[0] : span[1]].sum())
        return float(self.through[span[0] : span[1]].sum()) / inked if inked else 0.0

    def rise(self, span: tuple[int, int], baseline: int) -> float:
        """How far (mm) the line's middle rises above the baseline at its highest (the
        RISE_SHARE of its clear columns in `span` highest). Asked of the line's whole course
        (before, along and after the name): a strike is at the letters' height somewhere, even
        when it sags under them along the whole name; an underline never is."""
        levels = self.height[span[0] : span[1]][self.clear[span[0] : span[1]]]
        if not levels.size:
            return 0.0
        return (baseline - float(np.quantile(levels, RISE_SHARE))) / mm_to_px(1)

    def coverage(self, hidden: Mask, span: tuple[int, int]) -> float:
        """Share of the name's columns (`span`) the line crosses through the letters.

        Clear ink decides; a faint stretch counts only between clear ink on both sides (a
        ballpoint fading inside a stroke already established). A gap between clear columns is
        bridged when it is a short pen skip, or when, all along the straight line joining the
        two sides, the printed letters would hide a stroke (a thin line running inside the
        letters; omr.md §6 lesson 3), up to BRIDGE_UNDER_PRINT_MM. Gaps at the ends are never
        bridged: a line that stops short of the name's end does not cover it."""
        covered = self.clear.copy()
        columns = np.flatnonzero(self.clear)
        if not columns.size or not covered[span[0] : span[1]].any():
            return 0.0
        any_gap = mm_to_px(BRIDGE_ANY_MM)
        print_gap = mm_to_px(BRIDGE_UNDER_PRINT_MM)
        faint_gap = mm_to_px(BRIDGE_FAINT_MM)
        last = hidden.shape[0] - 1
        for left, right in itertools.pairwise(columns):
            gap = right - left - 1
            if gap <= 0:
                continue
            if gap <= any_gap or (gap <= faint_gap and self.faint[left + 1 : right].all()):
                covered[left + 1 : right] = True
                continue
            if gap > print_gap:
                continue
            y_left, y_right = self.height[left], self.height[right]
            xs = np.arange(left + 1, right)
            ys = np.rint(y_left + (y_right - y_left) * (xs - left) / (right - left)).astype(int)
            hidden_here = np.zeros(xs.shape, dtype=bool)
            for dy in range(-LINE_SLACK_PX, LINE_SLACK_PX + 1):
                hidden_here |= hidden[np.clip(ys + dy, 0, last), xs]
            seen = ~hidden_here & ~self.faint[left + 1 : right]
            if int(seen.sum()) <= any_gap:  # a pen skip beside a hidden stretch
                covered[left + 1 : right] = True
        return float(covered[span[0] : span[1]].mean())


def _crossing(
    ink: Mask, band: tuple[int, int]
) -> tuple[Mask, npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Per column: whether a vertical run of `ink` has its middle within `band` (rows), the
    mean height of those middles, and the rows between the highest and lowest middle of all
    the column's runs."""
    above = np.zeros_like(ink)
    above[1:] = ink[:-1]
    below = np.zeros_like(ink)
    below[:-1] = ink[1:]
    start_x, start_y = np.nonzero((ink & ~above).T)  # column-major: runs in order per column
    _, end_y = np.nonzero((ink & ~below).T)
    middle = (start_y + end_y) / 2
    inside = (middle >= band[0]) & (middle < band[1])
    width = ink.shape[1]
    count = np.bincount(start_x[inside], minlength=width)
    total = np.bincount(start_x[inside], weights=middle[inside], minlength=width)
    height = np.divide(total, np.maximum(count, 1))
    highest = np.full(width, np.inf)
    lowest = np.full(width, -np.inf)
    np.minimum.at(highest, start_x, middle)
    np.maximum.at(lowest, start_x, middle)
    spread = np.where(np.isfinite(highest), lowest - highest, 0.0)
    return count > 0, height, spread
