"""The ballot the reader and generator tests print: a 49-name cross-out list or 13 names to agree
or disagree with, invented Vietnamese names, one place to build it."""

import random

from daihoi.core.codes import Layout
from daihoi.demo.names import invented_names
from daihoi.omr.layout import BallotLayout, BallotSpec, ballot_layout

TERM_TITLE = "BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ X KHÓA XXIII, NHIỆM KỲ 2020 – 2025"


def make_layout(
    kind: Layout,
    paper: str = "A4",
    *,
    election_id: int,
    names_seed: int,
    title: str = TERM_TITLE,
    rehearsal: bool = False,
) -> BallotLayout:
    names = invented_names(random.Random(names_seed), ["male", "female"] * 25)
    count = 49 if kind is Layout.CROSS_OUT else 13
    spec = BallotSpec(
        election_id=election_id,
        round=1,
        layout=kind,
        paper=paper,
        rehearsal=rehearsal,
        heading=("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ THÀNH PHỐ X"),
        title=title,
        candidates=tuple(enumerate(names[:count], 1)),
    )
    return ballot_layout(spec)
