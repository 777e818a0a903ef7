"""Synthetic scans of an election's own ballots, for the scanning tests (seeded, small)."""

import io
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from fpdf import FPDF

from daihoi.db.models import Election
from daihoi.omr.layout import BallotLayout
from daihoi.omr.render import Image
from daihoi.queries.ballots import layouts_of
from testkit import synth


@dataclass(frozen=True)
class Scanned:
    image: Image
    truth: synth.Truth

    def jpeg(self, quality: int = 90) -> bytes:
        return synth.encode(self.image, quality)

    def png(self) -> bytes:
        return synth.encode(self.image, 0)


def layout_of(election: Election, paper: str = "A4") -> BallotLayout:
    return layouts_of(election)[paper]


def marked(
    election: Election,
    seed: int,
    *,
    page: int = 1,
    paper: str = "A4",
    stamp: bool = True,
    ambiguous_rate: float = 0.0,
    rotation_max: float = 2.0,
) -> Scanned:
    """A marked, stamped, scanned ballot page of `election` (grey, 200 dpi)."""
    layout = layout_of(election, paper)
    seats = election.seats if election.candidates.count() > election.seats else None
    image, truth = synth.mark_ballot(
        layout,
        page,
        np.random.default_rng(seed),
        seats=seats,
        stamp=stamp,
        ambiguous_rate=ambiguous_rate,
        rotation_max=rotation_max,
    )
    return Scanned(image, truth)


def blank(seed: int = 0) -> bytes:
    image, _ = synth.blank_page(np.random.default_rng(seed))
    return synth.encode(image, 90)


def expected_content(election: Election, truths: list[synth.Truth]) -> dict[str, Any]:
    """What the board would type from the paper: the truth of every side as an entry."""
    codes = dict(election.candidates.values_list("number", "code"))
    rows = {n: mark for truth in truths for n, mark in truth.rows.items()}
    if election.candidates.count() > election.seats:
        return {"kept": [codes[n] for n in sorted(rows) if rows[n] == "kept"]}
    return {"marks": {codes[n]: rows[n] for n in sorted(rows)}}


def pdf_of(images: list[Image]) -> bytes:
    """The pages as a scanner's PDF: each image on an A4 page, at its 200 dpi."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(auto=False)
    for image in images:
        ok, data = cv2.imencode(".png", image)
        assert ok
        height, width = image.shape[:2]
        pdf.add_page(format=(width * 25.4 / 200, height * 25.4 / 200))
        pdf.image(io.BytesIO(data.tobytes()), x=0, y=0, w=width * 25.4 / 200)
    return bytes(pdf.output())


def tiff_of(images: list[Image]) -> bytes:
    ok, data = cv2.imencodemulti(".tif", images)
    assert ok
    return data.tobytes()
