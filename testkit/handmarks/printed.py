"""The printed ballot as a voter sees it: the project's own PDF, rendered, with where each name is.

Where the names are is read from the PDF's text layer (pypdfium2's text page: the characters and
their boxes), never from the layout code, so that this generator shares no assumption with the
reader about where a name should be. Only the public printing is called: `BallotSpec`,
`ballot_layout` and `ballot_pdf`.
"""

import random
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import cv2
import numpy as np
import pypdfium2 as pdfium

from daihoi.core.codes import Layout
from daihoi.core.vi.collation import sort_names
from daihoi.demo.names import invented_names
from daihoi.omr.ballot_pdf import ballot_pdf
from daihoi.omr.layout import BallotSpec, ballot_layout

MM_PER_INCH = 25.4
POINTS_PER_INCH = 72.0
HEADING = ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ TỈNH Y")
TITLE = "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH Y KHÓA XVI, NHIỆM KỲ 2025 – 2030"
TITLE_SMALL = "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ Z KHÓA IV, NHIỆM KỲ 2025 – 2030"

# The two elections of the brief: (key, election id, names, seats, title).
ELECTIONS = (("large", 41, 55, 43, TITLE), ("small", 42, 7, 5, TITLE_SMALL))

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels, y downwards


@dataclass(frozen=True)
class NameBox:
    """One printed name: its number, its ink box, and how far a pen may wander around it.

    `left`/`right` are where the line's other text (the number, the next column) begins;
    `above`/`below` the free height to the nearest other name in the same column; `baseline`
    where most letters stand (the box's bottom also holds descenders and dots below).
    """

    number: int
    box: Box
    left: float
    right: float
    above: float
    below: float
    baseline: float = 0.0


@dataclass(frozen=True)
class PrintedPage:
    """One rendered side of the ballot and the names printed on it (pixels at `dpi`).

    `corners` are the solid printed blocks near the page's corners (registration marks, the
    page's code), seen in the picture: the board's seal is not put on them.
    """

    image: np.ndarray[Any, np.dtype[np.uint8]]
    names: tuple[NameBox, ...]
    dpi: int
    corners: tuple[Box, ...] = ()

    def mm(self, millimetres: float) -> float:
        """Millimetres in this page's pixels."""
        return millimetres * self.dpi / MM_PER_INCH


@dataclass(frozen=True)
class PrintedBallot:
    """An election's ballot: its spec (to rebuild the layout), its seats and its sides."""

    key: str
    spec: BallotSpec
    seats: int
    pages: tuple[PrintedPage, ...]


def election_spec(election_id: int, count: int, title: str) -> BallotSpec:
    """A cross-out ballot of `count` invented names in the A-B-C order of a Party list."""
    names = sort_names(
        invented_names(
            random.Random(election_id),  # noqa: S311 (seeded: the same list every run)
            ["male", "female"] * 30,
        )[:count]
    )
    return BallotSpec(
        election_id=election_id,
        round=1,
        layout=Layout.CROSS_OUT,
        paper="A4",
        rehearsal=False,
        heading=HEADING,
        title=title,
        candidates=tuple(enumerate(names, 1)),
    )


@cache
def printed_ballots(dpi: int) -> tuple[PrintedBallot, ...]:
    """The brief's two ballots (55 names for 43 seats, 7 for 5), printed and rendered at `dpi`."""
    ballots = []
    for key, election_id, count, seats, title in ELECTIONS:
        spec = election_spec(election_id, count, title)
        ballots.append(PrintedBallot(key, spec, seats, render_pdf(pdf_of(spec), spec, dpi)))
    return tuple(ballots)


def pdf_of(spec: BallotSpec) -> bytes:
    """One copy of the ballot as the office would print it."""
    return ballot_pdf(ballot_layout(spec), 1)


def render_pdf(data: bytes, spec: BallotSpec, dpi: int) -> tuple[PrintedPage, ...]:
    """Render every side of the PDF and find the spec's names on it by their text."""
    document = pdfium.PdfDocument(data)
    pages = []
    try:
        for page in document:
            bitmap = page.render(scale=dpi / POINTS_PER_INCH)
            image = np.ascontiguousarray(bitmap.to_numpy()[:, :, :3])
            text_page = page.get_textpage()
            names = find_names(text_page, spec.candidates, dpi, page.get_size())
            pages.append(PrintedPage(image, names, dpi, corner_blocks(image, dpi)))
    finally:
        document.close()
    return tuple(pages)


def find_names(
    text_page: Any, candidates: tuple[tuple[int, str], ...], dpi: int, size: tuple[float, float]
) -> tuple[NameBox, ...]:
    """Each candidate printed on this side as "number name" alone on a line, with its boxes."""
    count = text_page.count_chars()
    text: str = text_page.get_text_range(0, count)
    factor = dpi / POINTS_PER_INCH
    width_pt, height_pt = size

    def char_box(index: int) -> Box:
        left, bottom, right, top = text_page.get_charbox(index)
        return (
            left * factor,
            (height_pt - top) * factor,
            right * factor,
            (height_pt - bottom) * factor,
        )

    found: list[tuple[int, Box, range]] = []
    baselines: dict[int, float] = {}
    for number, name in candidates:
        pattern = rf"(?m)^{number} ({re.escape(name)})(?=\r?\n|\r|$)"
        match = re.search(pattern, text)
        if match is None:
            continue
        span = range(match.start(1), match.end(1))
        boxes = [char_box(i) for i in span if not text[i].isspace()]
        found.append((number, union(boxes), span))
        baselines[number] = float(np.median([b[3] for b in boxes]))
    others = [
        char_box(i)
        for i in range(count)
        if not text[i].isspace() and not any(i in span for _, _, span in found)
    ]
    width = width_pt * factor
    return tuple(
        replace(
            name_box(number, box, others, [b for n, b, _ in found if n != number], (width, dpi)),
            baseline=baselines[number],
        )
        for number, box, _ in found
    )


def name_box(
    number: int, box: Box, others: list[Box], names: list[Box], page: tuple[float, int]
) -> NameBox:
    """The free space around one name: text on its line, names above and below it.

    `page` is the page's width in pixels and its resolution."""
    width, dpi = page
    mm = dpi / MM_PER_INCH
    x0, y0, x1, y1 = box
    on_line = [b for b in others if overlap(b[1], b[3], y0, y1) > 0.5 * min(b[3] - b[1], y1 - y0)]
    left = max([b[2] for b in on_line if b[2] <= x0] + [10 * mm]) + 0.8 * mm
    right = min([b[0] for b in on_line if b[0] >= x1] + [width - 10 * mm]) - 1.5 * mm
    column = [b for b in names if overlap(b[0], b[2], x0, x1) > 0]
    above = min([y0 - b[3] for b in column if b[3] <= y0] + [6 * mm])
    below = min([b[1] - y1 for b in column if b[1] >= y1] + [6 * mm])
    return NameBox(number, box, left, right, above, below)


def overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    """Length of the overlap of two intervals (0 when apart)."""
    return max(0.0, min(a1, b1) - max(a0, b0))


def union(boxes: list[Box]) -> Box:
    """The smallest box holding all `boxes`."""
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def corner_blocks(image: np.ndarray[Any, np.dtype[np.uint8]], dpi: int) -> tuple[Box, ...]:
    """The printed blocks of at least 2 mm each way within 45 mm of a corner, one box a corner."""
    mm = dpi / MM_PER_INCH
    dark = (image.min(axis=2) < 100).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    height, width = dark.shape
    reach = 45 * mm
    found: dict[tuple[bool, bool], list[Box]] = {}
    for label in range(1, count):
        x, y, w, h = (int(v) for v in stats[label, :4])
        if w < 2 * mm or h < 2 * mm or w > reach or h > reach:
            continue
        right, bottom = x + w > width - reach, y + h > height - reach
        if (x < reach or right) and (y < reach or bottom):
            found.setdefault((right, bottom), []).append((x, y, x + w, y + h))
    return tuple(union(boxes) for boxes in found.values())
