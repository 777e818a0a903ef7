"""OPEN-OMR-3: more than one ink on one ballot is a warning in the reading by default, and sends
the ballot to the counting board when the congress so chose; one pen is neither."""

from functools import cache

import cv2
import numpy as np
import pytest

from daihoi.core.codes import Layout
from daihoi.omr.interpret import Reader
from daihoi.omr.layout import BallotLayout
from daihoi.omr.reading import Doubt, Mark, PageReading
from daihoi.omr.reading_json import reading_from_json, reading_to_json
from daihoi.omr.render import mm_to_px
from daihoi.omr.thresholds import ReaderSettings
from testkit import synth
from tests.omr.ballots import make_layout

pytestmark = pytest.mark.slow

BLACK = (35, 35, 35)
BLUE = (170, 60, 20)  # BGR: a blue ballpoint


@cache
def layout() -> BallotLayout:
    return make_layout(Layout.CROSS_OUT, election_id=8, names_seed=5)


def ballot(second_pen: bool) -> tuple[np.ndarray, set[int]]:
    """A colour scan of a ballot struck in the voter's pen; with `second_pen`, one of its struck
    names struck again in the other colour (a straight line across the name)."""
    image, truth = synth.mark_ballot(
        layout(), 1, np.random.default_rng(21), colour=True, degrade=False
    )
    image = image.copy()
    struck = {number for number, mark in truth.rows.items() if mark == "struck"}
    assert truth.stamp
    assert len(struck) >= 2
    if second_pen:
        other = BLACK if truth.pen in {"blue", "purple"} else BLUE
        row = next(r for r in layout().pages[0].rows if r.number == min(struck))
        y = round(mm_to_px(row.text.y + row.text.h * 0.45))
        x0, x1 = round(mm_to_px(row.text.x - 2)), round(mm_to_px(row.text.right + 2))
        cv2.line(image, (x0, y), (x1, y), other, 4, cv2.LINE_AA)
    return image, struck


def read(image: np.ndarray, mixed_ink: str) -> PageReading:
    reading = Reader([layout()], ReaderSettings(mixed_ink=mixed_ink)).read(image)
    assert isinstance(reading, PageReading), reading
    return reading


def test_one_pen_is_neither_a_warning_nor_a_doubt() -> None:
    image, struck = ballot(second_pen=False)
    reading = read(image, "review")
    assert Doubt.MIXED_INK not in reading.warnings + reading.doubts
    assert {r.number for r in reading.rows if r.mark is Mark.STRUCK} == struck


def test_two_pens_warn_by_default_and_the_ballot_is_not_held() -> None:
    image, struck = ballot(second_pen=True)
    reading = read(image, "warn")
    assert reading.warnings == (Doubt.MIXED_INK,)
    assert Doubt.MIXED_INK not in reading.doubts
    assert not reading.needs_review
    assert {r.number for r in reading.rows if r.mark is Mark.STRUCK} == struck
    data = reading_to_json(reading)
    assert data["warnings"] == ["mixed_ink"]
    assert data["doubts"] == []
    assert reading_from_json(data) == reading


def test_two_pens_go_to_the_board_when_the_congress_chose_review() -> None:
    image, _ = ballot(second_pen=True)
    reading = read(image, "review")
    assert Doubt.MIXED_INK in reading.doubts
    assert reading.needs_review
    assert Doubt.MIXED_INK not in reading.warnings


def test_a_grey_scan_says_nothing_about_ink() -> None:
    image, _ = ballot(second_pen=True)
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    reading = read(grey, "review")
    assert Doubt.MIXED_INK not in reading.warnings + reading.doubts
