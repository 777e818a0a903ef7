"""A whole page: the blank ballot rendered from the printed PDF, marked by a random voter, stamped,
then scanned; a blank sheet through the scanner; a page fed turned.

Everything is drawn from one seeded `numpy.random.Generator`, in a fixed order (pen, votes,
writing, stamp, scanner), so a failing image can be replayed exactly.
"""

import numpy as np

from daihoi.core.codes import Layout
from daihoi.omr.layout import PAPERS, BallotLayout
from daihoi.omr.render import Image, page_pixels
from testkit.synth.pen import Sheet, choose_pen
from testkit.synth.scanner import Scan, apply_scan, scanner_effects
from testkit.synth.specks import halo_specks
from testkit.synth.stamp import press_stamp
from testkit.synth.truth import MARKS_AMBIGUOUS, STRIKE_AMBIGUOUS, Truth
from testkit.synth.voting import ambiguous_rows, kept_count, vote_marks, vote_strike
from testkit.synth.writing import extra_ink


def mark_ballot(  # noqa: PLR0913 - the corpus's knobs, all keyword-only
    layout: BallotLayout,
    page: int,
    rng: np.random.Generator,
    *,
    dpi: int = 200,
    colour: bool = False,
    seats: int | None = None,
    ambiguous_rate: float = 0.0,
    extra_ink_rate: float = 0.0,
    stamp: bool = True,
    rotation_max: float = 5.0,
    degrade: bool = True,
    print_scale: float = 0.01,
    specks: float = 0.0,
) -> tuple[Image, Truth]:
    """Page `page` (1-based) of one ballot, marked by a random voter and scanned.

    Returns the image (grey H × W, or BGR when `colour`) and what was drawn. `seats`: names a
    voter is meant to keep on the whole ballot (default 80 % of the names); on a page of a
    longer ballot the share is kept. With `degrade=False` the image is the marked page itself,
    the same size as `page_pixels`, untouched by the scanner (for tests that difference it
    against the template). `print_scale`: the page printed up to this far from 100 % (0.03:
    97–103 %); `specks`: the share of rows where the printer left faint specks beside the letters
    (what a 150-dpi scan shows of the print's halo), which change no row's truth."""
    sheet = Sheet(
        page_pixels(layout, page, dpi, colour=colour).copy(),
        page_pixels(layout, page, dpi, colour=False),
        dpi,
    )
    rows = layout.pages[page - 1].rows
    pen = choose_pen(rng)
    names = sum(len(p.rows) for p in layout.pages)
    if layout.spec.layout is Layout.CROSS_OUT:
        seats = round(0.8 * names) if seats is None else seats
        kept = round(kept_count(rng, names, seats) * len(rows) / max(names, 1))
        odd = ambiguous_rows(rng, rows, ambiguous_rate, STRIKE_AMBIGUOUS)
        truth_rows, styles = vote_strike(sheet, rows, rng, pen, (kept, odd))
    else:
        seats = None
        odd = ambiguous_rows(rng, rows, ambiguous_rate, MARKS_AMBIGUOUS)
        truth_rows, styles = vote_marks(sheet, rows, rng, pen, odd)
    if specks:
        halo_specks(sheet, rows, rng, specks)
    extra = rng.random() < extra_ink_rate
    if extra:
        extra_ink(sheet, layout, layout.pages[page - 1], pen, rng)
    centre, diameter = press_stamp(sheet, layout.pages[page - 1], rng) if stamp else (None, None)
    scan = (
        scanner_effects(rng, rotation_max=rotation_max, print_scale=print_scale)
        if degrade
        else None
    )
    image = apply_scan(sheet.image, scan, dpi) if scan else sheet.image
    truth = Truth(
        layout=layout.spec.layout.value,
        election_id=layout.spec.election_id,
        page=page,
        dpi=dpi,
        colour=colour,
        rows=truth_rows,
        styles=styles,
        stamp=stamp,
        extra_ink=extra,
        pen=pen.name,
        seats=seats,
        stamp_centre=centre,
        stamp_diameter=diameter,
        scan=scan,
    )
    return image, truth


def blank_page(
    rng: np.random.Generator,
    dpi: int = 200,
    paper: str = "A4",
    *,
    colour: bool = False,
    rotation_max: float = 5.0,
) -> tuple[Image, Scan]:
    """A blank sheet through the scanner (the back of a one-sided ballot, a stray sheet): the
    reader must reject it (BLANK_PAGE)."""
    width, height = PAPERS[paper]
    shape: tuple[int, ...] = (round(height * dpi / 25.4), round(width * dpi / 25.4))
    if colour:
        shape = (*shape, 3)
    scan = scanner_effects(rng, rotation_max=rotation_max)
    return apply_scan(np.full(shape, 255, np.uint8), scan, dpi), scan


def rotated(image: Image, quarter_turns: int) -> Image:
    """The page fed turned by `quarter_turns` × 90° clockwise: 2 = upside down (the reader must
    read it), 1 or 3 = sideways."""
    return np.ascontiguousarray(np.rot90(image, -quarter_turns % 4))
