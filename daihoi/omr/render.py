"""The printed ballot as pixels: the blank template the reader subtracts, and the synthetic scans'
starting point. Rendered from the very PDF that is printed (pypdfium2), so the two cannot differ.
"""

from functools import lru_cache

import cv2
import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium

from daihoi.omr.ballot_pdf import ballot_pdf
from daihoi.omr.layout import BallotLayout, Box

Image = npt.NDArray[np.uint8]
CANONICAL_DPI = 200  # the frame the reader works in (VxSuite's SCAN_PIXELS_PER_INCH)
SUPERSAMPLE = 3


def mm_to_px(mm: float, dpi: float = CANONICAL_DPI) -> float:
    return mm * dpi / 25.4


@lru_cache(maxsize=32)
def page_pixels(
    layout: BallotLayout, page: int, dpi: int = CANONICAL_DPI, *, colour: bool
) -> Image:
    """Page `page` (1-based) of one copy, white paper, at `dpi`: grey (H × W) or BGR (H × W × 3).
    The array is read-only: callers copy before drawing on it."""
    # Rendered at three times the resolution and averaged down, as a scanner's sensor sees
    # paper: pdfium snaps rectangles to whole device pixels, which would put the marks up to a
    # pixel off where the layout says they are, differently at each resolution.
    document = pdfium.PdfDocument(ballot_pdf(layout, 1))
    try:
        bitmap = document[page - 1].render(scale=SUPERSAMPLE * dpi / 72, grayscale=not colour)
        fine = np.asarray(bitmap.to_numpy(), dtype=np.uint8)
    finally:
        document.close()
    height, width = fine.shape[0] // SUPERSAMPLE, fine.shape[1] // SUPERSAMPLE
    fine = fine[: height * SUPERSAMPLE, : width * SUPERSAMPLE]
    small = cv2.resize(fine, (width, height), interpolation=cv2.INTER_AREA)
    array: Image = np.ascontiguousarray(small, dtype=np.uint8)
    if colour:
        array = np.ascontiguousarray(array[:, :, :3])  # pdfium gives BGR(A)
    elif array.ndim == 3:
        array = np.ascontiguousarray(array[:, :, 0])
    array.setflags(write=False)
    return array


Mask = npt.NDArray[np.bool_]


def px(mm: float) -> int:
    return round(mm_to_px(mm))


def slices(box: Box, grow_mm: float = 0.0) -> tuple[slice, slice]:
    return (
        slice(max(0, px(box.y - grow_mm)), px(box.bottom + grow_mm)),
        slice(max(0, px(box.x - grow_mm)), px(box.right + grow_mm)),
    )
