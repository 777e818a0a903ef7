"""Finding the page in a scan (omr.md §5.3 steps 1-3): the corner marks and which paper they
say, the homography from the printed page (refusing a stretched page or a wrong print scale), and
the QR code where the page says it is."""

from collections.abc import Sequence

import cv2
import numpy as np
import numpy.typing as npt
import zxingcpp

from daihoi.omr.layout import MARKER_IDS, PAPERS, Box, Page
from daihoi.omr.render import CANONICAL_DPI, Image, mm_to_px
from daihoi.omr.thresholds import (
    MARK_ERROR_PX,
    PRINT_SCALE_MAX,
    PRINT_SCALE_MIN,
    PRINTED_DARK_MAX,
    PRINTED_RULES,
    RULE_SHARE,
    RULE_TILT_PX,
    SCALE_TOLERANCE,
    STANDARD_DPI,
)


def paper_of(found: dict[int, npt.NDArray[np.float32]]) -> str | None:
    counts = {paper: sum(1 for i in ids if i in found) for paper, ids in MARKER_IDS.items()}
    paper, count = max(counts.items(), key=lambda item: item[1])
    return paper if count else None


def looks_blank(grey: Image) -> bool:
    """A blank sheet: almost nothing darker than the paper (a duplex scan's empty back)."""
    small = cv2.resize(grey, (grey.shape[1] // 4, grey.shape[0] // 4), interpolation=cv2.INTER_AREA)
    paper = float(np.percentile(small, 90))
    return float(np.mean(small < paper * 0.6)) < 0.002


def looks_printed(grey: Image) -> bool:
    """A ballot's printed side: the rules of its table are long dark lines across the page, which
    neither a blank back nor writing on it has. Tells a ballot whose marks are damaged from the
    back of a sheet (issue 14 §2: such pages were taken for an inked back)."""
    half = cv2.resize(grey, (grey.shape[1] // 2, grey.shape[0] // 2), interpolation=cv2.INTER_AREA)
    paper = float(np.percentile(half[::4, ::4], 90))
    dark = (half < paper * 0.75).astype(np.uint8)
    if float(dark.mean()) > PRINTED_DARK_MAX:  # a ballot is mostly paper; noise or a photo is not
        return False
    tall = cv2.dilate(dark, np.ones((RULE_TILT_PX, 1), np.uint8))  # a rule tilted by up to 5°
    length = max(1, int(half.shape[1] * RULE_SHARE))
    rules = cv2.morphologyEx(tall, cv2.MORPH_OPEN, np.ones((1, length), np.uint8))
    # in page-wide rules' worth (each made RULE_TILT_PX tall above)
    found = float(np.count_nonzero(rules)) / (half.shape[1] * RULE_TILT_PX)
    return bool(found >= PRINTED_RULES)


def fit(
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


def fit_homography(
    page: Page, found: dict[int, npt.NDArray[np.float32]]
) -> tuple[npt.NDArray[np.float64] | None, str]:
    """From the canonical 200-dpi page to the image, checked for stretch and print scale.

    A mark partly covered by the stamp or a fold is found with its corners out of place: when the
    four marks disagree, the three that agree are used (three suffice, omr.md §5.2)."""
    ids = [marker_id for marker_id, _ in page.markers if marker_id in found]
    homography, error = fit(page, found, ids)
    if homography is None:
        return None, "homography"
    unit = float(np.linalg.norm(found[ids[1]][0] - found[ids[0]][0])) / max(
        1.0, mark_distance(page, ids[0], ids[1])
    )
    tolerance = MARK_ERROR_PX * max(1.0, unit)
    if error > tolerance and len(ids) == 4:
        fits = [fit(page, found, [i for i in ids if i != left_out]) for left_out in ids]
        best_h, best_error = min(fits, key=lambda fit: fit[1])
        if best_h is not None and best_error <= tolerance:
            homography, error = best_h, best_error
    if error > tolerance:
        return None, f"marks misplaced by {error:.1f} px"
    # the local scale along the page's two axes, at its centre
    width, height = (mm_to_px(v) for v in PAPERS[paper_name(page)])
    centre = np.asarray([[[width / 2, height / 2]], [[width / 2 + 100, height / 2]]], np.float32)
    down = np.asarray([[[width / 2, height / 2]], [[width / 2, height / 2 + 100]]], np.float32)
    across = np.asarray(cv2.perspectiveTransform(centre, homography)).reshape(2, 2)
    along = np.asarray(cv2.perspectiveTransform(down, homography)).reshape(2, 2)
    sx = float(np.linalg.norm(across[1] - across[0])) / 100
    sy = float(np.linalg.norm(along[1] - along[0])) / 100
    dpi = CANONICAL_DPI * (sx + sy) / 2
    if abs(sx - sy) / max(sx, sy) > SCALE_TOLERANCE:
        return None, f"stretched {sx / sy:.3f}"
    # The marks are printed with the page, so the homography holds whatever the print scale:
    # a page printed "fit to page" or copied (97–103 %) reads as well as one at 100 % (issue 14
    # §2). Only a scale no printer of this paper makes is refused (another paper size, a photo).
    if not any(PRINT_SCALE_MIN <= dpi / d <= PRINT_SCALE_MAX for d in STANDARD_DPI):
        nearest = min(STANDARD_DPI, key=lambda d: abs(d - dpi))
        return None, f"scale {dpi / nearest:.3f} at {nearest} dpi"
    return homography, ""


def mark_distance(page: Page, first: int, second: int) -> float:
    """Canonical pixels between the top-left corners of two marks."""
    boxes = dict(page.markers)
    a, b = boxes[first], boxes[second]
    return float(np.hypot(mm_to_px(b.x - a.x), mm_to_px(b.y - a.y)))


def paper_name(page: Page) -> str:
    first = page.markers[0][0]
    return next(paper for paper, ids in MARKER_IDS.items() if ids[0] == first)


def read_code(grey: Image, homography: npt.NDArray[np.float64], box: Box) -> str | None:
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
