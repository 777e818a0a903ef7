"""The ballot paper of an election as printed and as read back: one spec for both (R7, R8).

`ballot_spec` is the one place an election becomes a ballot: printing and reading use it, so a
scan can only match the paper that was printed from the same list, round and mode.
"""

import math
import re
from functools import lru_cache

from daihoi.core.ballots import ballot_layout as layout_of_list
from daihoi.core.codes import Layout
from daihoi.db.mappers import congress_info
from daihoi.db.models import Congress, Election
from daihoi.documents.minutes.text import elected_body
from daihoi.omr.layout import PAPERS, BallotLayout, BallotSpec, ballot_layout


def list_layout(election: Election) -> Layout:
    return layout_of_list(election.candidates.count(), election.seats)


def ballot_spec(election: Election, paper: str) -> BallotSpec:
    """What the ballot shows: the Party's and the organisation's names, what is elected, and the
    list in ballot order; the layout from the list's surplus (R8)."""
    congress = election.congress
    info = congress_info(congress)
    title = elected_body(election.body, info).upper()
    title = re.sub(
        r"(\d)\s*[–-]\s*(\d)", r"\1 – \2", title
    )  # the term as forms set it: 2020 – 2025
    # by number: the list was numbered in ballot order when it was put on (actions/candidates)
    candidates = tuple(election.candidates.order_by("number").values_list("number", "name"))
    return BallotSpec(
        election_id=election.pk,
        round=election.round,
        layout=layout_of_list(len(candidates), election.seats),
        paper=paper,
        rehearsal=congress.mode == Congress.Mode.REHEARSAL,
        heading=("ĐẢNG CỘNG SẢN VIỆT NAM", congress.organisation.name.upper()),
        title=title,
        candidates=candidates,
    )


@lru_cache(maxsize=32)
def placed_ballot(spec: BallotSpec) -> BallotLayout:
    """The placed ballot; a spec holds everything it depends on, so equal specs share it."""
    return ballot_layout(spec)


def layouts_of(election: Election) -> dict[str, BallotLayout]:
    """The election's ballot on every paper it may be printed on (the reader accepts each)."""
    return {paper: placed_ballot(ballot_spec(election, paper)) for paper in PAPERS}


RESERVE = 0.05  # spare ballots for spoilt ones, taken back before the box (omr.md §2.2)


MIN_RESERVE = 5


def default_copies(election: Election) -> int:
    """Those summoned and a reserve of 5 %, at least 5 ballots."""
    return election.summoned + max(MIN_RESERVE, math.ceil(election.summoned * RESERVE))
