"""Which inks a ballot's marks are in (open-points.md OPEN-OMR-3: several inks on one ballot).

Two pens on one ballot may mean two hands: by default only a warning in the reading
("warnings": ["mixed_ink"]), sent to the counting board when the congress so chose. The colour
of each mark inside the rows is measured on the scan itself (the reader works in grey): each
clear ink pixel is carried back through the homography and its colour read there. A mark is
black (no colour beyond the scanner's noise), blue or red; two kinds among a page's marks are
mixed ink. A grey scan says nothing about ink.
"""

import cv2
import numpy as np
import numpy.typing as npt

from daihoi.omr.render import Image, Mask
from daihoi.omr.thresholds import INK_CHROMA, INK_SAMPLE_PX


def ink_kinds(colour: Image, homography: npt.NDArray[np.float64], ink: Mask) -> set[str]:
    """The kinds of ink ("black", "blue", "red") of the marks in `ink` (canonical frame),
    read from the colour scan `colour` (BGR) the homography maps the frame onto."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink.view(np.uint8), connectivity=8)
    big = np.flatnonzero(stats[:, cv2.CC_STAT_AREA] >= INK_SAMPLE_PX)
    big = big[big > 0]
    if not big.size:
        return set()
    ys, xs = np.nonzero(np.isin(labels, big))
    points = np.stack([xs, ys], 1).astype(np.float32).reshape(-1, 1, 2)
    placed = np.rint(np.asarray(cv2.perspectiveTransform(points, homography)).reshape(-1, 2))
    height, width = colour.shape[:2]
    px = np.clip(placed[:, 0].astype(int), 0, width - 1)
    py = np.clip(placed[:, 1].astype(int), 0, height - 1)
    bgr = colour[py, px].astype(np.int16)
    blue = bgr[:, 0] - bgr[:, 1]  # against green: paper and black ink have none of either
    red = bgr[:, 2] - bgr[:, 1]
    which = labels[ys, xs]
    kinds: set[str] = set()
    for label in big.tolist():
        own = which == label
        b, r = float(np.median(blue[own])), float(np.median(red[own]))
        if max(b, r) < INK_CHROMA:
            kinds.add("black")
        else:
            kinds.add("blue" if b >= r else "red")
    return kinds
