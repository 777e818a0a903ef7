"""What the counting board looks at: the scan with each row's decision drawn over a copy of it,
and the raw pixels of one row.

The image of record is never changed (omr.md §2.2, §5.4): drawings go on a copy, and a row's
crop is cut from the scan as it is, not warped or cleaned. Boxes are placed through the reading's
homography, from the canonical 200-dpi page to the image.
"""

from collections.abc import Mapping, Sequence

import cv2
import numpy as np

from daihoi.omr.layout import Box, Page, Row
from daihoi.omr.reading import Mark
from daihoi.omr.render import Image, mm_to_px

Homography = Sequence[Sequence[float]]

#: BGR: kept / agree green, struck / disagree red, review orange, both / none blue
COLOURS: Mapping[Mark, tuple[int, int, int]] = {
    Mark.KEPT: (40, 150, 0),
    Mark.AGREE: (40, 150, 0),
    Mark.STRUCK: (30, 30, 215),
    Mark.DISAGREE: (30, 30, 215),
    Mark.REVIEW: (0, 140, 255),
    Mark.BOTH: (200, 90, 0),
    Mark.NONE: (200, 90, 0),
}


def decode(data: bytes) -> Image | None:
    """A stored image as BGR pixels (a grey scan becomes three equal channels)."""
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    return None if image is None else np.ascontiguousarray(image)


def _corners(box: Box, homography: Homography, margin_mm: tuple[float, float] = (0, 0)) -> Image:
    dx, dy = margin_mm
    points = np.array(
        [
            [mm_to_px(box.x - dx), mm_to_px(box.y - dy)],
            [mm_to_px(box.right + dx), mm_to_px(box.y - dy)],
            [mm_to_px(box.right + dx), mm_to_px(box.bottom + dy)],
            [mm_to_px(box.x - dx), mm_to_px(box.bottom + dy)],
        ],
        dtype=np.float64,
    ).reshape(-1, 1, 2)
    matrix = np.array(homography, dtype=np.float64)
    projected = cv2.perspectiveTransform(points, matrix)
    return np.round(projected).astype(np.int32)


def _scale(homography: Homography) -> float:
    """Image pixels per canonical pixel, to draw lines and numbers at a readable size."""
    matrix = np.array(homography, dtype=np.float64)
    return float(np.sqrt(abs(np.linalg.det(matrix[:2, :2] / matrix[2, 2])))) or 1.0


def _boxes_of(row: Row, mark: Mark) -> list[Box]:
    """The agree/disagree boxes the decision names, to outline them as well as the row."""
    boxes = []
    if mark in (Mark.AGREE, Mark.BOTH) and row.agree is not None:
        boxes.append(row.agree)
    if mark in (Mark.DISAGREE, Mark.BOTH) and row.disagree is not None:
        boxes.append(row.disagree)
    return boxes


def _number(
    image: Image, row: Row, homography: Homography, colour: tuple[int, int, int], scale: float
) -> None:
    """The row's number in a filled tag just left of the table, where no print is."""
    label = str(row.number)
    size, weight = 1.1 * scale, max(2, round(2.5 * scale))
    (width, height), _ = cv2.getTextSize(label, cv2.FONT_HERSHEY_SIMPLEX, size, weight)
    top_left = _corners(row.cell, homography)[0][0]
    bottom_left = _corners(row.cell, homography)[3][0]
    pad = max(3, round(4 * scale))
    right = int(min(top_left[0], bottom_left[0])) - pad
    middle = int((top_left[1] + bottom_left[1]) / 2)
    box = (right - width - 2 * pad, middle - height // 2 - pad), (right, middle + height // 2 + pad)
    cv2.rectangle(image, box[0], box[1], colour, -1)
    origin = (right - width - pad, middle + height // 2)
    cv2.putText(image, label, origin, cv2.FONT_HERSHEY_SIMPLEX, size, (255, 255, 255), weight)


def decisions_overlay(
    data: bytes, page: Page, homography: Homography, decisions: Mapping[int, Mark]
) -> bytes:
    """A JPEG of the scan with every row of `page` outlined in the colour of its decision and
    numbered; rows without a decision are not drawn."""
    image = decode(data)
    if image is None or len(homography) != 3:
        msg = "the stored image or its homography cannot be used"
        raise ValueError(msg)
    scale = _scale(homography)
    thickness = max(2, round(3 * scale))
    for row in page.rows:
        mark = decisions.get(row.number)
        if mark is None:
            continue
        colour = COLOURS[mark]
        cv2.polylines(
            image,
            [_corners(row.cell, homography)],
            isClosed=True,
            color=colour,
            thickness=thickness,
        )
        for box in _boxes_of(row, mark):
            cv2.polylines(
                image,
                [_corners(box, homography)],
                isClosed=True,
                color=colour,
                thickness=thickness * 2,
            )
        _number(image, row, homography, colour, scale)
    ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 85])
    if not ok:  # pragma: no cover - OpenCV encodes any BGR array
        msg = "JPEG encoding failed"
        raise ValueError(msg)
    return encoded.tobytes()


def row_crop(data: bytes, row: Row, homography: Homography) -> bytes:
    """A PNG of the scan's own pixels around one row (3 mm above and below, so a stroke from a
    neighbour shows), cut along the image's axes without resampling. A row without boxes is cut
    30 mm after the name, where a mark beside it would be; the empty rest of the cell is left out
    so the name shows large."""
    image = decode(data)
    if image is None or len(homography) != 3:
        msg = "the stored image or its homography cannot be used"
        raise ValueError(msg)
    area = row.cell
    if row.agree is None:
        area = Box(area.x, area.y, min(area.w, row.text.right + 30.0 - area.x), area.h)
    corners = _corners(area, homography, (4.0, 3.0)).reshape(-1, 2)
    height, width = image.shape[:2]
    left, top = np.clip(corners.min(axis=0), 0, [width - 1, height - 1])
    right, bottom = np.clip(corners.max(axis=0), 0, [width, height])
    if right <= left or bottom <= top:
        msg = "the row lies outside the image"
        raise ValueError(msg)
    ok, encoded = cv2.imencode(".png", image[int(top) : int(bottom), int(left) : int(right)])
    if not ok:  # pragma: no cover
        msg = "PNG encoding failed"
        raise ValueError(msg)
    return encoded.tobytes()
