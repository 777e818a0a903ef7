"""The independent mark generator (testkit/handmarks) draws what its truth says.

These test the generator only; the reader is neither imported nor run here (issue 14 §2).
"""

import cv2
import numpy as np
import pytest

from testkit.handmarks import marks, paper
from testkit.handmarks.pen import choose_pen, draw_stroke
from testkit.handmarks.printed import PrintedBallot, printed_ballots
from testkit.handmarks.voter import AMBIGUOUS, KEPT, STRUCK, MarkedBallot, Options, mark_ballot

pytestmark = pytest.mark.slow  # renders ballots: about 5 s in all

DPI = 150
PLAIN = Options(scale_jitter=0.0, ambiguous_share=0.0, extras=False, scan=False)
INK = 25  # a pen's ink lowers some channel of white paper by far more than this


def large() -> PrintedBallot:
    return printed_ballots(DPI)[0]


def marked(seed: int, options: Options = PLAIN) -> MarkedBallot:
    return mark_ballot(large(), np.random.default_rng(seed), options)


def ink(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Where the voter's pen (or anything after printing) darkened the page."""
    return (before.astype(np.int16) - after.astype(np.int16)).max(axis=2) > INK


def across(inside: np.ndarray) -> np.ndarray:
    """The columns of a name's box the ink reaches, gaps of a letter's stem bridged."""
    columns = inside.any(axis=0).astype(np.uint8)[None, :]
    stem = round(0.7 * DPI / 25.4) | 1
    return cv2.dilate(columns, np.ones((1, stem), np.uint8))[0].astype(bool)


def test_every_printed_number_is_found_once_from_the_text_layer() -> None:
    for ballot in printed_ballots(DPI):
        numbers = [name.number for page in ballot.pages for name in page.names]
        assert sorted(numbers) == [number for number, _ in ballot.spec.candidates]
        for page in ballot.pages:
            for name in page.names:
                x0, y0, x1, y1 = name.box
                assert 0 < x0 < x1
                assert 0 < y0 < y1
                assert name.left < x0
                assert x1 < name.right
                assert y0 + (y1 - y0) / 2 < name.baseline <= y1
                # printed ink inside the box: the text layer and the picture agree
                assert (page.image[int(y0) : int(y1), int(x0) : int(x1)] < 100).any()


def test_the_generator_is_deterministic_from_its_seed() -> None:
    options = Options()
    first, again, other = marked(5, options), marked(5, options), marked(6, options)
    assert [p.truth for p in first.pages] == [p.truth for p in again.pages]
    for one, two in zip(first.pages, again.pages, strict=True):
        assert np.array_equal(one.image, two.image)
    assert not np.array_equal(first.pages[0].image, other.pages[0].image)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_struck_name_is_crossed_and_a_kept_name_stays_clean(seed: int) -> None:
    ballot = marked(seed)
    struck = kept = 0
    for printed, page in zip(large().pages, ballot.pages, strict=True):
        drawn = ink(printed.image, page.image)
        for name in printed.names:
            x0, y0, x1, y1 = (round(v) for v in name.box)
            inside = drawn[y0:y1, x0:x1]
            if page.truth[name.number] == STRUCK:
                # a line sagging midway may run just under letters that stand on the baseline
                sag = max(y1, round(name.baseline + printed.mm(1.0)))
                inside = drawn[y0:sag, x0:x1]
                struck += 1
                # the stroke crosses the letters from end to end: ink in every column but
                # where the pen passes over a letter's own stem (up to 0.7 mm, bridged here)
                assert across(inside).mean() > 0.97, name.number
            else:
                kept += 1
                assert page.truth[name.number] == KEPT
                assert not inside.any(), name.number
    assert struck >= 12
    assert kept >= 30


def test_a_partial_strike_covers_part_of_the_name_only() -> None:
    printed = large().pages[0]
    mm = printed.mm(1.0)
    seen = 0
    for seed in range(60):
        rng = np.random.default_rng(seed)
        pen = choose_pen(rng)
        name = printed.names[seed % len(printed.names)]
        kind, paths = marks.ambiguous(name, marks.Hand(rng, mm, pen.width_mm * mm))
        if kind != "partial":
            continue
        seen += 1
        page = printed.image.astype(np.float32) / 255.0
        for path in paths:
            draw_stroke(page, path, pen, rng, mm)
        after = (page * 255).astype(np.uint8)
        x0, y0, x1, y1 = (round(v) for v in name.box)
        covered = ink(printed.image, after)[y0:y1, x0:x1].any(axis=0).mean()
        assert 0.2 < covered < 0.8, (seed, covered)
    assert seen >= 3


def test_ambiguous_marks_are_told_in_the_truth_and_make_the_page_unclean() -> None:
    options = Options(ambiguous_share=1.0, extras=False, scan=False)
    ballot = marked(11, options)
    kinds = {n: k for page in ballot.pages for n, k in page.kinds.items()}
    truth = {n: t for page in ballot.pages for n, t in page.truth.items()}
    assert kinds
    assert {n for n, t in truth.items() if t == AMBIGUOUS} == set(kinds)
    assert set(kinds.values()) <= set(marks.AMBIGUOUS)
    assert any(not page.clean for page in ballot.pages)


def dark_extent(image: np.ndarray) -> tuple[int, int, int, int]:
    ys, xs = np.nonzero(image.min(axis=2) < 128)
    return int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())


@pytest.mark.parametrize("seed", [4, 8])
def test_scale_jitter_prints_the_page_larger_or_smaller_about_its_centre(seed: int) -> None:
    ballot = marked(seed, Options(scale_jitter=0.03, ambiguous_share=0.0, extras=False, scan=False))
    page = ballot.pages[0]
    assert 0.97 <= page.scale <= 1.03
    assert page.scale != 1.0
    original = dark_extent(large().pages[0].image)
    scaled = dark_extent(page.image)
    width_ratio = (scaled[2] - scaled[0]) / (original[2] - original[0])
    height_ratio = (scaled[3] - scaled[1]) / (original[3] - original[1])
    assert width_ratio == pytest.approx(page.scale, abs=0.003)
    assert height_ratio == pytest.approx(page.scale, abs=0.003)
    # about the centre: the printed block's middle stays where it was
    assert (scaled[0] + scaled[2]) / 2 == pytest.approx((original[0] + original[2]) / 2, abs=3)
    assert (scaled[1] + scaled[3]) / 2 == pytest.approx((original[1] + original[3]) / 2, abs=3)
    assert page.image.shape == large().pages[0].image.shape


def test_the_scan_turns_the_page_and_keeps_its_size() -> None:
    printed = large().pages[0]
    rng = np.random.default_rng(3)
    scanned = paper.scan(printed.image.astype(np.float32) / 255.0, rng, printed.mm(1.0))
    assert scanned.shape == printed.image.shape
    assert scanned.dtype == np.uint8
    assert not np.array_equal(scanned, printed.image)


def test_the_seal_stays_off_the_corner_blocks_and_the_names() -> None:
    printed = large().pages[0]
    mm = printed.mm(1.0)
    assert len(printed.corners) == 4
    first_name = min(name.box[1] for name in printed.names)
    for seed in range(12):
        page = printed.image.astype(np.float32) / 255.0
        paper.stamp(
            page, np.random.default_rng(seed), mm, list(printed.names), list(printed.corners)
        )
        drawn = ink(printed.image, (page * 255).astype(np.uint8))
        assert drawn.any()
        for x0, y0, x1, y1 in printed.corners:
            assert not drawn[round(y0) : round(y1), round(x0) : round(x1)].any(), seed
        assert not drawn[round(first_name) :].any(), seed
