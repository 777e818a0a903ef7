"""Read one scanned page: register it, check its code, and propose a mark for every row.

The steps follow omr.md §5.3, failing closed at each (a page is rejected rather than guessed):
1. find the ArUco marks in the corners (three of four suffice; their ids give the paper and the
   orientation, so a sheet fed upside down reads the same);
2. fit the homography from the printed page to the image; refuse a stretched page or one printed
   at the wrong scale (VxSuite rejects below 98.5 %: vxsuite#6125);
3. read the QR code where the page says it is, and refuse another election, round, list or a
   rehearsal ballot in an official count (and the reverse);
4. warp the page to the canonical 200-dpi frame, level the paper, and take as new ink what is
   darker than the paper where the blank ballot has no print, and, next to the letters, what is
   darker than the print alone could make it;
5. per row, measure what share of the printed name's width the ink crosses inside the letters'
   band (gaps hidden under printed letters are bridged), and where else ink lies;
6. decide: "kept" only when the row has no new ink at all; "struck" only for a line across the
   whole name and nothing else; every other case goes to the board (open-points.md OPEN-OMR-1/2).
"""

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt
import zxingcpp

from daihoi.omr.layout import MARKER_IDS, PAPERS, BallotLayout, Box, Page, Row, read_payload
from daihoi.omr.reading import (
    Doubt,
    Mark,
    PageReading,
    PageRejected,
    Reading,
    Rejection,
    RowReading,
)
from daihoi.omr.render import CANONICAL_DPI, Image, mm_to_px, page_pixels

Mask = npt.NDArray[np.bool_]

STANDARD_DPI = (150, 200, 240, 250, 300, 400, 600)
SCALE_TOLERANCE = 0.015  # print scale and stretch: VxSuite's 98.5 %
MARK_ERROR_PX = 1.5  # the worst corner of the marks off the fitted page, at 200 dpi
INK_DARKNESS = 0.28  # new ink: at least this much darker than the paper around it …
WEAK_DARKNESS = 0.15  # … and its faint parts, when joined to clear ones
RING_CORE_LEVEL = 100  # inside the letters themselves no ink can be seen
RING_BLUR_PX = 0.8  # the scan's blur, at least, for the darkest print can make
RING_WEAK = 0.2  # next to the letters: darker than the darkest print by this share of paper …
RING_STRONG = 0.28
FAINT_MARK_MM = 3.0  # faint ink alone next to the print counts as a mark from this size
PRINT_LEVEL = 170  # template pixels darker than this are print
PRINT_DILATE_PX = 2  # glyph halos from blur and misregistration (omr.md §6 lesson 2)
BAND_ABOVE = 0.2  # the letters' band: from a little above the capitals …
BAND_BELOW = 0.1  # … to a little below the baseline (an underline lies lower)
LINE_SHARE = 0.6  # a piece of the strike has most of its ink in the band
OVERSHOOT_MM = 4.0  # a strike may start or end a little beyond the name
OVERSHOOT_SHARE = 0.15
JOIN_MM = 1.0  # ink pieces closer than this are one mark
LEAK_LOOK_MM = 3.0  # how far beyond its cell a row's marks are followed
LEAK_MM = 1.2  # a mark reaching this far into the next row may be the neighbour's
END_MM = 1.0  # the outer halves of the first and last letters may hide a line's ends
STRUCK_COVERAGE = 0.90  # a clean strike crosses at least this share of the name's width
PARTIAL_HINT = 0.75  # a row in review leans to "struck" above this
BRIDGE_ANY_MM = 2.0  # pen skips
BRIDGE_UNDER_PRINT_MM = 10.0  # a stroke running inside printed letters is hidden by the mask
LINE_SLACK_PX = 2  # a wavy line strays this far from the straight one across a gap
BOX_MARK_MM = 3.0  # an X or a tick spans at least this much of the box both ways
BOX_MARK_FILL = 0.03
EDGE_MM = 4.0  # nothing is printed this close to the edge; shadows and background are not ink
STAMP_INK = 0.02  # share of the stamp zone inked by a stamp


@dataclass(frozen=True)
class ReaderSettings:
    """The OMR settings of the rule set (open-points.md OPEN-OMR-1…3)."""

    partial_strike: str = "review"
    stray_ink_max_mm: float = 1.0
    mixed_ink: str = "warn"

    @property
    def covers(self) -> float | None:
        """The share of the name a partial line must cover to count as struck, when the congress
        adopted such a rule ("covers_80"); None by default: every partial line is reviewed."""
        if self.partial_strike.startswith("covers_"):
            return int(self.partial_strike.removeprefix("covers_")) / 100
        return None


def _px(mm: float) -> int:
    return round(mm_to_px(mm))


def _slices(box: Box, grow_mm: float = 0.0) -> tuple[slice, slice]:
    return (
        slice(max(0, _px(box.y - grow_mm)), _px(box.bottom + grow_mm)),
        slice(max(0, _px(box.x - grow_mm)), _px(box.right + grow_mm)),
    )


class _Rejected(Exception):  # noqa: N818 - it carries a rejection, it is not an error
    """Raised by a step of reading that refuses the page."""

    def __init__(self, reason: Rejection, detail: str = "") -> None:
        super().__init__(reason.value)
        self.rejection = PageRejected(reason, detail)


class _Template:
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
            ys, xs = _slices(row.cell, 0.5)
            allowed[ys, xs] = True
        ys, xs = _slices(page.stamp, 12.0)  # a stamp is ~36 mm across, and jitters
        allowed[ys, xs] = True
        edge = _px(EDGE_MM)  # the paper's edge and the scanner's background beyond it
        allowed[:edge, :] = allowed[-edge:, :] = allowed[:, :edge] = allowed[:, -edge:] = True
        self.allowed: Mask = allowed


class Reader:
    """Reads pages of one election round. `layouts` are that ballot in each paper it may have
    been printed on (A4, A5): the marks say which paper, the code's fingerprint which layout."""

    def __init__(self, layouts: Sequence[BallotLayout], settings: ReaderSettings) -> None:
        self.layouts = tuple(layouts)
        self.settings = settings
        self._dictionary = cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50)
        parameters = cv2.aruco.DetectorParameters()
        parameters.cornerRefinementMethod = cv2.aruco.CORNER_REFINE_NONE
        self._detector = cv2.aruco.ArucoDetector(self._dictionary, parameters)
        self._templates: dict[tuple[str, int], _Template] = {}

    @cached_property
    def _by_fingerprint(self) -> dict[str, BallotLayout]:
        return {layout.fingerprint: layout for layout in self.layouts}

    def _template(self, layout: BallotLayout, page: int) -> _Template:
        key = (layout.fingerprint, page)
        if key not in self._templates:
            self._templates[key] = _Template(layout, layout.pages[page - 1])
        return self._templates[key]

    def read(self, image: Image) -> Reading:
        """The page's reading, or why it is rejected. `image`: grey (H × W) or BGR (H × W × 3)."""
        try:
            return self._read(image)
        except _Rejected as rejected:
            return rejected.rejection
        except Exception as error:  # fail closed: never a default decision
            return PageRejected(Rejection.FAILED, f"{type(error).__name__}: {error}")

    def _read(self, image: Image) -> Reading:
        grey: Image = (
            image
            if image.ndim == 2
            else np.asarray(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), np.uint8)
        )
        layout, page, homography = self._register(grey)
        template = self._template(layout, page)
        height, width = template.shape
        page_image: Image = cv2.warpPerspective(  # type: ignore[assignment]
            grey,
            homography,
            (width, height),
            flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
            borderMode=cv2.BORDER_REPLICATE,
        )
        weak, strong = _new_ink(page_image, template)
        return _Page(self.settings, template, (weak, strong), page, homography).reading()

    def _register(self, grey: Image) -> tuple[BallotLayout, int, npt.NDArray[np.float64]]:
        """Which ballot and page this is, and where it lies in the image; or _Rejected."""
        found = self._markers(grey)
        paper = _paper_of(found)
        if paper is None or sum(1 for i in MARKER_IDS[paper] if i in found) < 3:
            if _looks_blank(grey):
                raise _Rejected(Rejection.BLANK_PAGE)
            raise _Rejected(Rejection.NO_MARKS, f"{len(found)}")
        layouts = [layout for layout in self.layouts if layout.spec.paper == paper]
        if not layouts:
            raise _Rejected(Rejection.OTHER_BALLOT, f"paper {paper}")
        homography, problem = _homography(layouts[0].pages[0], found)
        if homography is None:
            raise _Rejected(Rejection.BAD_GEOMETRY, problem)
        code = _read_code(grey, homography, layouts[0].pages[0].code)
        parsed = None if code is None else read_payload(code)
        if parsed is None:
            raise _Rejected(Rejection.NO_CODE, code or "")
        spec = layouts[0].spec
        if (parsed.election_id, parsed.round) != (spec.election_id, spec.round):
            raise _Rejected(Rejection.OTHER_BALLOT, f"E={parsed.election_id} R={parsed.round}")
        if parsed.rehearsal != spec.rehearsal:
            raise _Rejected(Rejection.REHEARSAL_BALLOT, code or "")
        layout = self._by_fingerprint.get(parsed.fingerprint)
        if layout is None or not 1 <= parsed.page <= len(layout.pages):
            raise _Rejected(Rejection.OTHER_BALLOT, code or "")
        return layout, parsed.page, homography

    def _markers(self, grey: Image) -> dict[int, npt.NDArray[np.float32]]:
        """Marker id → its 4 corners in the image, looked for in the four corners first.

        The marks are found on a half-size copy (four times fewer pixels: this step was a
        quarter of the reading time) and their corners refined on the full image."""
        height, width = grey.shape
        h, w = 2 * int(height * 0.1), 2 * int(width * 0.14)  # even: halved exactly
        found: dict[int, npt.NDArray[np.float32]] = {}
        for y0, x0 in ((0, 0), (0, width - w), (height - h, 0), (height - h, width - w)):
            self._detect(grey, (y0, x0, h, w), found)
        if len(found) < 3:  # a page shifted far or scanned at a strange size: the whole page
            self._detect(grey, (0, 0, height - height % 2, width - width % 2), found)
        return found

    def _detect(
        self,
        grey: Image,
        area: tuple[int, int, int, int],
        found: dict[int, npt.NDArray[np.float32]],
    ) -> None:
        y0, x0, h, w = area
        crop = grey[y0 : y0 + h, x0 : x0 + w]
        half = cv2.resize(crop, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
        corners, ids, _ = self._detector.detectMarkers(half)
        if ids is None or not len(ids):  # type: ignore[redundant-expr, unused-ignore]
            return
        criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 20, 0.05)
        for marker_id, square in zip(ids.ravel(), corners, strict=True):
            if int(marker_id) in found:
                continue
            points = np.asarray(square, np.float32).reshape(4, 1, 2) * 2 + 0.5
            refined = cv2.cornerSubPix(crop, points, (4, 4), (-1, -1), criteria)
            offset = np.asarray((x0, y0), np.float32)
            found[int(marker_id)] = np.asarray(refined, np.float32).reshape(4, 2) + offset


def _paper_of(found: dict[int, npt.NDArray[np.float32]]) -> str | None:
    counts = {paper: sum(1 for i in ids if i in found) for paper, ids in MARKER_IDS.items()}
    paper, count = max(counts.items(), key=lambda item: item[1])
    return paper if count else None


def _looks_blank(grey: Image) -> bool:
    """A blank sheet: almost nothing darker than the paper (a duplex scan's empty back)."""
    small = cv2.resize(grey, (grey.shape[1] // 4, grey.shape[0] // 4), interpolation=cv2.INTER_AREA)
    paper = float(np.percentile(small, 90))
    return float(np.mean(small < paper * 0.6)) < 0.002


def _fit(
    page: Page, found: dict[int, npt.NDArray[np.float32]], ids: Sequence[int]
) -> tuple[npt.NDArray[np.float64] | None, float]:
    """The homography through the corners of the marks `ids`, and its worst corner error (px)."""
    source: list[tuple[float, float]] = []
    target: list[tuple[float, ...]] = []
    for marker_id, box in page.markers:
        if marker_id not in ids:
            continue
        corners = [(box.x, box.y), (box.right, box.y), (box.right, box.bottom), (box.x, box.bottom)]
        # pixel centres, as the detector gives the image's corners: a pixel i spans [i, i+1) mm·dpi
        source.extend((mm_to_px(x) - 0.5, mm_to_px(y) - 0.5) for x, y in corners)
        target.extend(tuple(point) for point in found[marker_id])
    src = np.asarray(source, np.float32)
    dst = np.asarray(target, np.float32)
    if len(ids) < 4:  # three marks fix an affine map, not a perspective one: a scan is affine
        design = np.hstack([src.astype(np.float64), np.ones((len(src), 1))])
        affine, *_ = np.linalg.lstsq(design, dst.astype(np.float64), rcond=None)
        fitted = np.vstack([affine.T, [0.0, 0.0, 1.0]])
    else:
        fitted, _ = cv2.findHomography(src, dst, 0)
    if fitted is None or not fitted.size:  # type: ignore[redundant-expr, unused-ignore]
        return None, float("inf")
    homography = np.asarray(fitted, np.float64)
    projected = np.asarray(cv2.perspectiveTransform(src.reshape(-1, 1, 2), homography))
    return homography, float(np.max(np.linalg.norm(projected.reshape(-1, 2) - dst, axis=1)))


def _homography(
    page: Page, found: dict[int, npt.NDArray[np.float32]]
) -> tuple[npt.NDArray[np.float64] | None, str]:
    """From the canonical 200-dpi page to the image, checked for stretch and print scale.

    A mark partly covered by the stamp or a fold is found with its corners out of place: when the
    four marks disagree, the three that agree are used (three suffice, omr.md §5.2)."""
    ids = [marker_id for marker_id, _ in page.markers if marker_id in found]
    homography, error = _fit(page, found, ids)
    if homography is None:
        return None, "homography"
    unit = float(np.linalg.norm(found[ids[1]][0] - found[ids[0]][0])) / max(
        1.0, _mark_distance(page, ids[0], ids[1])
    )
    tolerance = MARK_ERROR_PX * max(1.0, unit)
    if error > tolerance and len(ids) == 4:
        fits = [_fit(page, found, [i for i in ids if i != left_out]) for left_out in ids]
        best_h, best_error = min(fits, key=lambda fit: fit[1])
        if best_h is not None and best_error <= tolerance:
            homography, error = best_h, best_error
    if error > tolerance:
        return None, f"marks misplaced by {error:.1f} px"
    # the local scale along the page's two axes, at its centre
    width, height = (mm_to_px(v) for v in PAPERS[_paper_name(page)])
    centre = np.asarray([[[width / 2, height / 2]], [[width / 2 + 100, height / 2]]], np.float32)
    down = np.asarray([[[width / 2, height / 2]], [[width / 2, height / 2 + 100]]], np.float32)
    across = np.asarray(cv2.perspectiveTransform(centre, homography)).reshape(2, 2)
    along = np.asarray(cv2.perspectiveTransform(down, homography)).reshape(2, 2)
    sx = float(np.linalg.norm(across[1] - across[0])) / 100
    sy = float(np.linalg.norm(along[1] - along[0])) / 100
    dpi = CANONICAL_DPI * (sx + sy) / 2
    nearest = min(STANDARD_DPI, key=lambda d: abs(d - dpi))
    if abs(sx - sy) / max(sx, sy) > SCALE_TOLERANCE:
        return None, f"stretched {sx / sy:.3f}"
    if abs(dpi - nearest) / nearest > SCALE_TOLERANCE:
        return None, f"scale {dpi / nearest:.3f} at {nearest} dpi"
    return homography, ""


def _mark_distance(page: Page, first: int, second: int) -> float:
    """Canonical pixels between the top-left corners of two marks."""
    boxes = dict(page.markers)
    a, b = boxes[first], boxes[second]
    return float(np.hypot(mm_to_px(b.x - a.x), mm_to_px(b.y - a.y)))


def _paper_name(page: Page) -> str:
    first = page.markers[0][0]
    return next(paper for paper, ids in MARKER_IDS.items() if ids[0] == first)


def _read_code(grey: Image, homography: npt.NDArray[np.float64], box: Box) -> str | None:
    """The QR code, cut out through the homography with its quiet zone, at 4 px a module."""
    margin = 3.0
    size = 240
    scale = size / (box.w + 2 * margin)
    per_px = scale / mm_to_px(1)
    to_crop = np.asarray(
        [
            [per_px, 0.0, -(box.x - margin) * scale],
            [0.0, per_px, -(box.y - margin) * scale],
            [0.0, 0.0, 1.0],
        ],
        np.float64,
    )
    crop: Image = cv2.warpPerspective(  # type: ignore[assignment]
        grey,
        to_crop @ np.linalg.inv(homography),
        (size, size),
        flags=cv2.INTER_LINEAR,
        borderValue=255,
    )
    for candidate in (crop, cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[1]):
        results = zxingcpp.read_barcodes(
            candidate, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
        )
        if results:
            return str(results[0].text)
    return None


def _new_ink(page: Image, template: _Template) -> tuple[Mask, Mask]:
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
class _Region:
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
    ) -> "_Region":
        part = ink[0][ys, xs].astype(np.uint8)
        points: npt.NDArray[np.integer[Any] | np.floating[Any]] | None = cv2.findNonZero(part)
        if points is None:
            return cls(ys.start or 0, xs.start or 0, np.zeros(part.shape, np.int32), (), _NO_STATS)
        join = 2 * (_px(JOIN_MM) // 2) + 1
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
        stray = _px(stray_mm) + join - 1
        faint = _px(FAINT_MARK_MM) + join - 1
        marks = tuple(
            label
            for label in range(1, count)
            if size[label] >= stray
            and (
                clear[label]
                or not halo[label]
                or (size[label] >= faint and halo[label] < total[label])
            )
        )
        return cls(ys.start or 0, xs.start or 0, labels, marks, stats)


_NO_STATS = np.zeros((1, 5), np.int32)
_EMPTY = _Region(0, 0, np.zeros((1, 1), np.int32), (), _NO_STATS)


class _Page:
    """The rows of one warped page and their readings."""

    def __init__(
        self,
        settings: ReaderSettings,
        template: _Template,
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
        ys, xs = _slices(self.page.stamp)
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
        region = _Region.of(
            (outside, self.ink[1]), *area, self.settings.stray_ink_max_mm, self.template.near_print
        )
        return bool(region.marks)

    # --- rows -----------------------------------------------------------------------------------

    def _row_region(self, row: Row) -> tuple[_Region, tuple[slice, slice], set[int], bool]:
        """The row's marks: those with ink inside its cell, and whether one crosses the cell's
        border well into the next row (then the stroke may be the neighbour's)."""
        cell_ys, cell_xs = _slices(row.cell)
        if not self.ink[0][cell_ys, cell_xs].any():
            return _EMPTY, (cell_ys, cell_xs), set(), False
        look = Box(row.cell.x, row.cell.y - LEAK_LOOK_MM, row.cell.w, row.cell.h + 2 * LEAK_LOOK_MM)
        ys, xs = _slices(look)
        region = _Region.of(
            self.ink, ys, xs, self.settings.stray_ink_max_mm, self.template.near_print
        )
        cell = (
            slice(cell_ys.start - region.top, cell_ys.stop - region.top),
            slice(cell_xs.start - region.left, cell_xs.stop - region.left),
        )
        counts = np.bincount(region.labels[cell].ravel(), minlength=len(region.stats))
        present = {label for label in region.marks if counts[label]}
        leak = False
        limit = _px(LEAK_MM)
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
        band_top = _px(text.y - BAND_ABOVE * text.h) - cell_top
        band_bottom = _px(text.bottom + BAND_BELOW * text.h) - cell_top
        # the first and last letters' outer halves may hide a line's ends: not asked for
        span = (_px(text.x + END_MM) - cell_left, _px(text.right - END_MM) - cell_left)
        reach = max(mm_to_px(OVERSHOOT_MM), OVERSHOOT_SHARE * (span[1] - span[0]))
        line, off, beside = _classify(labels, ids, (band_top, band_bottom), span, reach)
        # a line that goes on past the name: the stretch hidden in the last letters lies
        # between ink and ink, so it is bridged like any other (the overshoot is not counted)
        left = max(0, span[0] - round(reach))
        right = min(labels.shape[1], span[1] + round(reach))
        band = np.isin(labels[band_top:band_bottom, left:right], list(line))
        hidden = self.template.print_mask[
            cell_top + band_top : cell_top + band_bottom, cell_left + left : cell_left + right
        ]
        coverage = _coverage(band, hidden, (span[0] - left, span[1] - left))
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
            raise _Rejected(Rejection.FAILED, "agree/disagree row without boxes")
        # An X drawn a little large runs over the row's border: a mark belongs to the row that
        # holds most of its ink. A neighbour's mark matters here only if it reaches a box.
        in_cell = np.bincount(region.labels[cell].ravel(), minlength=len(region.stats))
        in_all = np.bincount(region.labels.ravel(), minlength=len(region.stats))
        foreign = {label for label in ids if 2 * in_cell[label] < in_all[label]}
        leak = False
        for box in (row.agree, row.disagree):
            ys, xs = _slices(_inside(box))
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
            ys, xs = _slices(_inside(box))
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
            name_ys, name_xs = _slices(row.name_cell)
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


def _inside(box: Box) -> Box:
    """A box's inside, clear of its printed border."""
    return Box(box.x + 0.6, box.y + 0.6, box.w - 1.2, box.h - 1.2)


def _classify(
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


def _coverage(region: Mask, hidden: Mask, span: tuple[int, int]) -> float:
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
