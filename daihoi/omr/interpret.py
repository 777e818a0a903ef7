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

from collections.abc import Sequence
from functools import cached_property

import cv2
import numpy as np
import numpy.typing as npt
from cv2.typing import MatLike

from daihoi.omr.ink import Template, new_ink
from daihoi.omr.layout import MARKER_IDS, PAPERS, BallotLayout, read_payload
from daihoi.omr.reading import (
    PageRejected,
    Reading,
    Refused,
    Rejection,
)
from daihoi.omr.registration import (
    fit_homography,
    looks_blank,
    looks_printed,
    paper_of,
    read_code,
)
from daihoi.omr.render import CANONICAL_DPI, Image, mm_to_px
from daihoi.omr.rows import PageRows
from daihoi.omr.thresholds import EDGE_MM, MARK_BORDER_MM, ReaderSettings


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
        self._templates: dict[tuple[str, int], Template] = {}

    @cached_property
    def _by_fingerprint(self) -> dict[str, BallotLayout]:
        return {layout.fingerprint: layout for layout in self.layouts}

    def _template(self, layout: BallotLayout, page: int) -> Template:
        key = (layout.fingerprint, page)
        if key not in self._templates:
            self._templates[key] = Template(layout, layout.pages[page - 1])
        return self._templates[key]

    def read(self, image: Image) -> Reading:
        """The page's reading, or why it is rejected. `image`: grey (H × W) or BGR (H × W × 3)."""
        try:
            return self._read(image)
        except Refused as rejected:
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
        weak, strong = new_ink(page_image, template)
        unseen = _beyond_scan(grey.shape, homography, (width, height))
        if unseen is not None:  # the scan cut the paper: what lies beyond it is not ink
            weak &= ~unseen
            strong &= ~unseen
        colour = image if image.ndim == 3 else None
        rows = PageRows(self.settings, template, (weak, strong), page, (homography, colour))
        return rows.reading()

    def _register(self, grey: Image) -> tuple[BallotLayout, int, npt.NDArray[np.float64]]:
        """Which ballot and page this is, and where it lies in the image; or Refused."""
        found = self._markers(grey)
        paper = paper_of(found)
        if paper is None or sum(1 for i in MARKER_IDS[paper] if i in found) < 3:
            if looks_blank(grey):
                raise Refused(Rejection.BLANK_PAGE)
            if looks_printed(grey):  # a ballot, not the back of one: entered by hand
                raise Refused(Rejection.MARKS_UNREADABLE, f"{len(found)}")
            raise Refused(Rejection.NO_MARKS, f"{len(found)}")
        layouts = [layout for layout in self.layouts if layout.spec.paper == paper]
        if not layouts:
            raise Refused(Rejection.OTHER_BALLOT, f"paper {paper}")
        homography, problem = fit_homography(layouts[0].pages[0], found)
        if homography is None:
            raise Refused(Rejection.BAD_GEOMETRY, problem)
        code = read_code(grey, homography, layouts[0].pages[0].code)
        parsed = None if code is None else read_payload(code)
        if parsed is None:
            raise Refused(Rejection.NO_CODE, code or "")
        spec = layouts[0].spec
        if (parsed.election_id, parsed.round) != (spec.election_id, spec.round):
            raise Refused(Rejection.OTHER_BALLOT, f"E={parsed.election_id} R={parsed.round}")
        if parsed.rehearsal != spec.rehearsal:
            raise Refused(Rejection.REHEARSAL_BALLOT, code or "")
        layout = self._by_fingerprint.get(parsed.fingerprint)
        if layout is None or not 1 <= parsed.page <= len(layout.pages):
            raise Refused(Rejection.OTHER_BALLOT, code or "")
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
        if len(found) < 3:
            # A mark at the paper's very edge (printed larger, shifted) has lost its white
            # surround: on a copy with a border of paper round it, at full resolution.
            self._detect_padded(grey, found)
        return found

    def _detect_padded(self, grey: Image, found: dict[int, npt.NDArray[np.float32]]) -> None:
        border = round(mm_to_px(MARK_BORDER_MM, grey.shape[1] / PAPERS["A4"][0] * 25.4))
        paper = int(np.percentile(grey[::8, ::8], 90))
        padded = cv2.copyMakeBorder(
            grey, border, border, border, border, cv2.BORDER_CONSTANT, value=paper
        )
        corners, ids, _ = self._detector.detectMarkers(padded)
        _refine_into(found, padded, ids, corners, scale=1.0, shift=(-border, -border))

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
        _refine_into(found, crop, ids, corners, scale=2.0, shift=(x0, y0))


def _refine_into(  # noqa: PLR0913 - where to put them, the picture, what was found, its frame
    found: dict[int, npt.NDArray[np.float32]],
    image: MatLike,
    ids: MatLike | None,
    corners: Sequence[MatLike],
    *,
    scale: float,
    shift: tuple[int, int],
) -> None:
    """Each newly detected marker's corners refined to sub-pixel on `image` (where they were
    detected at 1/`scale` of its size), then moved by `shift` into the page's pixels; a marker
    already found by an earlier search is kept as it was."""
    if ids is None or not len(ids):
        return
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 20, 0.05)
    offset = np.asarray(shift, np.float32)
    for marker_id, square in zip(ids.ravel(), corners, strict=True):
        if int(marker_id) in found:
            continue
        points = np.asarray(square, np.float32).reshape(4, 1, 2)
        if scale != 1.0:  # a pixel's centre at the small size is `scale` pixels' centre here
            points = points * scale + (scale - 1) / 2
        refined = cv2.cornerSubPix(image, points, (4, 4), (-1, -1), criteria)
        found[int(marker_id)] = np.asarray(refined, np.float32).reshape(4, 2) + offset


def _beyond_scan(
    shape: tuple[int, ...], homography: npt.NDArray[np.float64], size: tuple[int, int]
) -> npt.NDArray[np.bool_] | None:
    """Where the canonical page lies outside the scanned image (a page shifted or printed larger
    than the glass saw), grown by a few pixels; None when the scan holds the whole page."""
    width, height = size
    corners = np.asarray([[[0, 0]], [[width, 0]], [[width, height]], [[0, height]]], np.float32)
    placed = np.asarray(cv2.perspectiveTransform(corners, homography)).reshape(4, 2)
    rows, columns = shape[0], shape[1]
    # within EDGE_MM of the paper's edge nothing is read anyway (the background of the scanner)
    slack = mm_to_px(EDGE_MM, CANONICAL_DPI) * float(
        np.sqrt(abs(np.linalg.det(homography[:2, :2])))
    )
    if (
        placed.min() >= -slack
        and placed[:, 0].max() <= columns + slack
        and placed[:, 1].max() <= rows + slack
    ):
        return None
    seen = cv2.warpPerspective(
        np.full((rows, columns), 255, np.uint8),
        homography,
        size,
        flags=cv2.INTER_NEAREST | cv2.WARP_INVERSE_MAP,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=0,
    )
    eroded = cv2.erode(seen, np.ones((7, 7), np.uint8))
    return np.asarray(eroded == 0, np.bool_)
