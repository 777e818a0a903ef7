"""The printed ballot: the official layout (R8), identical copies, a code per page, not per copy."""

import re
from dataclasses import replace

import cv2
import numpy as np
import pypdfium2 as pdfium
import pytest
import zxingcpp
from pypdf import PdfReader

from daihoi.core.codes import Layout
from daihoi.omr.ballot_pdf import ballot_pdf
from daihoi.omr.layout import MARKER_IDS, BallotSpec, ballot_layout, read_payload
from daihoi.omr.render import mm_to_px, page_pixels

NAMES = ("Nguyễn Thị Phương Thảo", "Lê Văn Ánh", "Trần Đức Dũng", "Phạm Thị Ngọc Ánh")


def spec(count: int = 49, *, layout: Layout = Layout.CROSS_OUT, paper: str = "A4") -> BallotSpec:
    names = tuple((n, f"{NAMES[n % len(NAMES)]} {n}") for n in range(1, count + 1))
    return BallotSpec(
        election_id=12,
        round=1,
        layout=layout,
        paper=paper,
        rehearsal=False,
        heading=("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ THÀNH PHỐ HÀ TĨNH"),
        title="BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ HÀ TĨNH KHÓA XXIII, NHIỆM KỲ 2020 – 2025",
        candidates=names,
    )


def test_the_reference_list_of_49_fits_one_a4_side_in_two_columns() -> None:
    layout = ballot_layout(spec(49))
    assert len(layout.pages) == 1
    rows = layout.pages[0].rows
    assert [row.number for row in rows] == list(range(1, 50))
    assert len({row.cell.x for row in rows}) == 2
    assert all(8.0 <= row.cell.h <= 10.0 for row in rows)
    assert all(row.text.right <= row.name_cell.right for row in rows)


def test_a_long_list_continues_on_the_back_and_each_side_names_its_page() -> None:
    layout = ballot_layout(spec(70))
    assert len(layout.pages) == 2
    codes = [read_payload(layout.payload(page.number)) for page in layout.pages]
    assert [(c.page, c.pages) for c in codes if c] == [(1, 2), (2, 2)]
    assert [row.number for page in layout.pages for row in page.rows] == list(range(1, 71))


def test_the_code_names_election_round_layout_and_the_list_but_nothing_per_copy() -> None:
    layout = ballot_layout(spec(49))
    code = read_payload(layout.payload(1))
    assert code is not None
    assert (code.kind, code.election_id, code.round, code.rehearsal) == ("S", 12, 1, False)
    other_round = ballot_layout(replace(spec(49), round=2))
    other_list = ballot_layout(replace(spec(49), candidates=spec(48).candidates))
    assert len({layout.fingerprint, other_round.fingerprint, other_list.fingerprint}) == 3
    assert read_payload("DH1|K=S|E=x|R=1|P=1/1|T=0|H=00") is None
    assert read_payload("something else") is None


def test_every_copy_is_the_same_drawing() -> None:
    pdf = PdfReader(__import__("io").BytesIO(ballot_pdf(ballot_layout(spec(49)), copies=3)))
    streams = [page.get_contents().get_data() for page in pdf.pages]  # type: ignore[union-attr]
    assert len(streams) == 3
    assert streams[0] == streams[1] == streams[2]


def test_the_pdf_carries_the_official_wording() -> None:
    data = ballot_pdf(ballot_layout(spec(13, layout=Layout.AGREE_DISAGREE)), copies=1)
    text = PdfReader(__import__("io").BytesIO(data)).pages[0].extract_text()
    assert "PHIẾU BẦU CỬ" in text
    assert "Đồng ý" in text
    assert "Không đồng ý" in text
    assert re.search(r"Nguyễn Thị Phương Thảo 4", text)


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_marks_and_code_read_back_from_the_rendered_page(paper: str) -> None:
    layout = ballot_layout(spec(20, paper=paper))
    grey = page_pixels(layout, 1, 200, colour=False)
    detector = cv2.aruco.ArucoDetector(cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50))
    corners, ids, _ = detector.detectMarkers(np.ascontiguousarray(grey))
    assert ids is not None
    assert sorted(ids.ravel().tolist()) == sorted(MARKER_IDS[paper])
    for marker_id, box in layout.pages[0].markers:
        found = corners[list(ids.ravel()).index(marker_id)].reshape(4, 2)
        assert abs(found[0][0] - mm_to_px(box.x)) <= 1.5
        assert abs(found[0][1] - mm_to_px(box.y)) <= 1.5
    codes = zxingcpp.read_barcodes(grey)
    assert [c.text for c in codes] == [layout.payload(1)]


def test_a5_holds_a_short_list_and_an_agree_disagree_list_has_boxes() -> None:
    layout = ballot_layout(spec(9, layout=Layout.AGREE_DISAGREE, paper="A5"))
    assert len(layout.pages) == 1
    for row in layout.pages[0].rows:
        assert row.agree is not None
        assert row.disagree is not None
        assert row.name_cell.right <= row.agree.x < row.disagree.x
    document = pdfium.PdfDocument(ballot_pdf(layout, 2))
    assert len(document) == 2
    width, height = document[0].get_size()
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (148, 210)
