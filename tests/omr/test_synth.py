"""The synthetic-scan generator: replayable, and its truth matches what it draws.

Checks on the page as drawn (`degrade=False`) difference it against the blank template: a kept
row must be untouched, a struck row's ink must cross the whole printed name inside the letters'
band, and ambiguous marks must sit where their style says.
"""

import json
from functools import cache

import cv2
import numpy as np
import pytest

from daihoi.core.codes import Layout
from daihoi.omr.layout import BallotLayout, Box, Row, ballot_layout
from daihoi.omr.render import page_pixels
from testkit import synth
from tests.omr.ballots import make_layout

pytestmark = pytest.mark.slow

DPI = 200
K = DPI / 25.4
INK = 40  # a pixel this much darker than the template is new ink


@cache
def layout(kind: Layout, paper: str = "A4", election_id: int = 3) -> BallotLayout:
    title = "BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ X KHÓA XXIII"
    return make_layout(kind, paper, election_id=election_id, names_seed=7, title=title)


def drawn(kind: Layout, seed: int, **options: float) -> tuple[np.ndarray, synth.Truth]:
    """The marked page without scanner effects, and the new-ink mask against the template."""
    page = layout(kind)
    image, truth = synth.mark_ballot(page, 1, np.random.default_rng(seed), degrade=False, **options)
    template = page_pixels(page, 1, DPI, colour=False)
    ink = template.astype(np.int16) - image.astype(np.int16) > INK
    return ink, truth


def crop(mask: np.ndarray, box: Box, grow: float = 0.0) -> np.ndarray:
    """The pixels that `box` (mm), grown by `grow` mm on every side, touches."""
    top, left = max(0, int((box.y - grow) * K)), max(0, int((box.x - grow) * K))
    bottom, right = int(np.ceil((box.bottom + grow) * K)), int(np.ceil((box.right + grow) * K))
    return mask[top:bottom, left:right]


def rows_by_number(kind: Layout) -> dict[int, Row]:
    return {row.number: row for row in layout(kind).pages[0].rows}


@pytest.mark.parametrize("kind", [Layout.CROSS_OUT, Layout.AGREE_DISAGREE])
def test_same_seed_same_image_and_truth(kind: Layout) -> None:
    options = {"ambiguous_rate": 0.5, "extra_ink_rate": 0.5}
    first, truth = synth.mark_ballot(layout(kind), 1, np.random.default_rng(11), **options)
    again, truth_again = synth.mark_ballot(layout(kind), 1, np.random.default_rng(11), **options)
    other, _ = synth.mark_ballot(layout(kind), 1, np.random.default_rng(12), **options)
    assert first.shape == again.shape
    assert np.array_equal(first, again)
    assert truth == truth_again
    assert first.shape != other.shape or not np.array_equal(first, other)


def test_truth_survives_json() -> None:
    _, truth = synth.mark_ballot(
        layout(Layout.CROSS_OUT), 1, np.random.default_rng(3), ambiguous_rate=1.0
    )
    assert synth.Truth.from_dict(json.loads(json.dumps(truth.to_dict()))) == truth
    spec = layout(Layout.AGREE_DISAGREE).spec
    assert synth.spec_from_dict(json.loads(json.dumps(synth.spec_to_dict(spec)))) == spec


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_clean_strike_crosses_the_whole_name_inside_the_letters_band(seed: int) -> None:
    ink, truth = drawn(Layout.CROSS_OUT, seed, seats=20)
    rows = rows_by_number(Layout.CROSS_OUT)
    struck = [n for n, cls in truth.rows.items() if cls == synth.STRUCK]
    assert struck
    for number in struck:
        row = rows[number]
        text = row.text
        band = Box(row.cell.x, text.y, row.cell.w, text.h)
        columns = np.flatnonzero(crop(ink, band).any(axis=0)) + int(band.x * K)
        # hidden under a letter's stem the stroke cannot be seen: allow 0.6 mm for that
        assert columns.min() <= (text.x + 0.02 * text.w + 0.6) * K
        assert columns.max() >= (text.right - 0.02 * text.w - 0.6) * K
        inside = columns[(columns >= text.x * K) & (columns <= text.right * K)]
        assert np.diff(inside).max(initial=0) <= (1.5 + 0.6) * K, (number, truth.styles[number])
        # over the printed name, the ink keeps to the band (pen up to 0.8 mm and its edge)
        over_name = crop(ink, Box(text.x, row.cell.y, text.w, row.cell.h))
        lines = np.flatnonzero(over_name.any(axis=1)) + int(row.cell.y * K)
        assert lines.min() >= (text.y + synth.BAND[0] * text.h - 0.4) * K - 2
        assert lines.max() <= (text.y + synth.BAND[1] * text.h + 0.4) * K + 2


@pytest.mark.parametrize("seed", [4, 5])
def test_a_kept_row_has_no_new_ink_and_marks_stay_in_their_row(seed: int) -> None:
    page = layout(Layout.CROSS_OUT)
    image, truth = synth.mark_ballot(
        page, 1, np.random.default_rng(seed), degrade=False, seats=30, ambiguous_rate=1.0
    )
    template = page_pixels(page, 1, DPI, colour=False)
    rows = rows_by_number(Layout.CROSS_OUT)
    kept = [n for n, cls in truth.rows.items() if cls == synth.KEPT]
    assert kept
    for number in kept:  # the cell with its border lines
        cell = rows[number].cell
        assert np.array_equal(crop(image, cell, 0.1), crop(template, cell, 0.1))
    # no voter's mark leaves its row: outside the rows and the stamp zone nothing is new
    outside = template.astype(np.int16) - image.astype(np.int16) > INK
    for row in page.pages[0].rows:
        crop(outside, row.cell)[...] = False
    crop(outside, page.pages[0].stamp, 12)[...] = False
    assert not outside.any()


def test_agree_disagree_truth_matches_the_boxes() -> None:
    rows = rows_by_number(Layout.AGREE_DISAGREE)
    seen = set()
    for seed in range(6):
        ink, truth = drawn(Layout.AGREE_DISAGREE, seed)
        for number, cls in truth.rows.items():
            row = rows[number]
            agree = crop(ink, synth._box_column(row, row.agree)).any()
            disagree = crop(ink, synth._box_column(row, row.disagree)).any()
            name = crop(ink, row.name_cell).any() or crop(ink, row.number_cell).any()
            expected = {
                synth.AGREE: (True, False),
                synth.DISAGREE: (False, True),
                synth.BOTH: (True, True),
                synth.NONE: (False, False),
            }[cls]
            assert (agree, disagree) == expected, (seed, number, cls)
            assert not name
            seen.add(cls)
    assert {synth.AGREE, synth.DISAGREE} <= seen


def test_ambiguous_marks_are_where_their_style_says() -> None:
    rows = rows_by_number(Layout.CROSS_OUT)
    seen: set[str] = set()
    for seed in range(40):
        ink, truth = drawn(Layout.CROSS_OUT, seed, ambiguous_rate=1.0)
        assert 1 <= len(truth.ambiguous) <= 3
        for number, style in truth.ambiguous.items():
            row = rows[number]
            text = row.text
            on_name = crop(ink, text)
            columns = np.flatnonzero(on_name.any(axis=0))
            if style in ("underline", "overline", "tick", "dot", "number_only"):
                assert not on_name.any(), (seed, number, style)  # no letter is touched
            if style in ("tick", "dot"):
                right = Box(text.right, row.cell.y, row.cell.right - text.right, row.cell.h)
                assert crop(ink, right).sum() >= (2.0 * K) ** 2 / 4
            if style == "number_only":
                assert not crop(ink, row.name_cell).any()
                assert crop(ink, row.number_cell).any()
            if style in ("partial", "given_name"):
                covered = (columns.max() - columns.min()) / (text.w * K)
                assert 0.1 <= covered <= 0.8, (seed, number, style, covered)
            seen.add(style)
        if seen == set(synth.STRIKE_AMBIGUOUS):
            break
    assert seen == set(synth.STRIKE_AMBIGUOUS)


def test_agree_disagree_ambiguous_styles() -> None:
    rows = rows_by_number(Layout.AGREE_DISAGREE)
    seen = set()
    for seed in range(12):
        ink, truth = drawn(Layout.AGREE_DISAGREE, seed, ambiguous_rate=1.0)
        for number, style in truth.ambiguous.items():
            row = rows[number]
            boxes = crop(ink, synth._box_column(row, row.agree)).sum()
            boxes += crop(ink, synth._box_column(row, row.disagree)).sum()
            if style == "faint":
                assert 0 < boxes <= (2.0 * K) ** 2
                assert not crop(ink, row.name_cell).any()
            else:
                assert boxes == 0
                assert crop(ink, row.text).any()
            seen.add(style)
    assert seen == set(synth.MARKS_AMBIGUOUS)


def test_extra_ink_lies_outside_the_rows() -> None:
    page = layout(Layout.CROSS_OUT)
    template = page_pixels(page, 1, DPI, colour=False)
    for seed in range(4):
        rng = np.random.default_rng(seed)
        image, truth = synth.mark_ballot(
            page, 1, rng, degrade=False, stamp=False, extra_ink_rate=1.0
        )
        assert truth.extra_ink
        assert not truth.stamp
        ink = template.astype(np.int16) - image.astype(np.int16) > INK
        rows = {row.number: row for row in page.pages[0].rows}
        for number, cls in truth.rows.items():
            if cls == synth.KEPT:
                assert not crop(ink, rows[number].cell).any()
            crop(ink, rows[number].cell)[...] = False
        assert ink.sum() > 50  # what is left is the writing


def marker_corners(page: BallotLayout) -> np.ndarray:
    """The four corners of every registration mark, in paper pixels."""
    corners = []
    for _, box in page.pages[0].markers:
        for x, y in (
            (box.x, box.y),
            (box.right, box.y),
            (box.right, box.bottom),
            (box.x, box.bottom),
        ):
            corners.append((x * K - 0.5, y * K - 0.5))
    return np.array(corners)


def worst(rotation: float, shift: tuple[float, float]) -> synth.Scan:
    typical = synth.scanner_effects(np.random.default_rng(0))
    return synth.Scan(
        **{
            **typical.__dict__,
            "rotation": rotation,
            "shift": shift,
            "scale": 1.01,
            "margin": synth.MARGIN_MM[0],
            "blur": 0.0,
            "noise": 0.0,
        }
    )


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_the_canvas_holds_every_marker_after_the_worst_skew_and_shift(paper: str) -> None:
    page = layout(Layout.AGREE_DISAGREE, paper)
    shape = page_pixels(page, 1, DPI, colour=False).shape
    corners = np.hstack([marker_corners(page), np.ones((16, 1))])
    for rotation in (-5.0, 5.0):
        for shift in ((-5.0, -5.0), (-5.0, 5.0), (5.0, -5.0), (5.0, 5.0)):
            matrix, (width, height) = worst(rotation, shift).geometry(shape, DPI)
            placed = corners @ matrix.T
            spare = synth.MARGIN_MM[0] * K - 1
            assert placed[:, 0].min() >= spare
            assert placed[:, 1].min() >= spare
            assert placed[:, 0].max() <= width - 1 - spare
            assert placed[:, 1].max() <= height - 1 - spare


@pytest.mark.parametrize("rotation", [-5.0, 5.0])
def test_the_markers_are_found_on_a_worst_case_scan(rotation: float) -> None:
    page = layout(Layout.CROSS_OUT)
    paper = page_pixels(page, 1, DPI, colour=False)
    image = synth.apply_scan(paper, worst(rotation, (5.0, -5.0)), DPI)
    detector = cv2.aruco.ArucoDetector(cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50))
    _, ids, _ = detector.detectMarkers(image)
    assert ids is not None
    assert sorted(int(i) for i in ids.ravel()) == [0, 1, 2, 3]


def test_special_pages() -> None:
    rng = np.random.default_rng(1)
    blank, scan = synth.blank_page(rng, DPI, "A5")
    assert blank.ndim == 2
    assert blank.shape[0] > 210 * K
    assert abs(float(np.median(blank)) - scan.paper * np.mean(scan.light)) < 12
    image, _ = synth.mark_ballot(layout(Layout.CROSS_OUT), 1, rng, dpi=100, colour=True)
    upside_down = synth.rotated(image, 2)
    assert np.array_equal(upside_down, image[::-1, ::-1])
    assert synth.rotated(image, 1).shape == (image.shape[1], image.shape[0], 3)
    assert np.array_equal(synth.rotated(synth.rotated(image, 1), 3), image)
    spec = layout(Layout.CROSS_OUT).spec
    assert synth.other_election(spec).election_id == spec.election_id + 1
    assert (
        ballot_layout(synth.other_election(spec)).fingerprint
        != layout(Layout.CROSS_OUT).fingerprint
    )


def test_encoding() -> None:
    image, truth = synth.mark_ballot(layout(Layout.CROSS_OUT), 1, np.random.default_rng(2))
    assert truth.scan is not None
    jpeg = synth.encode(image, 80)
    png = synth.encode(image, 0)
    assert jpeg[:2] == b"\xff\xd8"
    assert png[:4] == b"\x89PNG"
    decoded = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_UNCHANGED)
    assert np.array_equal(decoded, image)
    assert synth.suffix(0) == ".png"
    assert synth.suffix(80) == ".jpg"
