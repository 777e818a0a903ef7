"""The hall bench's scanner path: rendered ballots fed, uploaded, read, reviewed and certified.

The ballots are drawn by testkit.synth on the election's own ballot (the spec the server prints
and reads, fetched from the bench's data folder), one image per side at 200 dpi, as a duplex
scanner writes them. On the simulated clock the scanner feeds `feed` sheets a minute from the
opening of the box (+ the opening time); the operator uploads every `batch` sheets through the
real upload form, where the server's reader (daihoi.omr) reads them; two members review each
doubtful ballot through the real review form (one proposes, another confirms: omr.md §5.4); the
head draws the hand check against paper and a member types each drawn paper through the real
form; then the head certifies. A typing team may be paired with the scanner (a table of a
scanner team and a typing team): it types every paper after the scanner has fed it.
"""

import json
import multiprocessing
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from entry_load import _django
from hall_setup import Hall
from hall_sim import At, Browser, Person, Request, Think, Until

DPI = 200
_UUID = re.compile(r"/phieu-quet/([0-9a-f-]{36})/")


@dataclass(frozen=True)
class ScanPace:
    """The scanner side's assumptions."""

    feed: float = 60.0  # sheets a minute, both sides at once (duplex)
    batch: int = 25  # sheets per upload
    upload_seconds: float = 10.0  # the operator selects the new files and clicks
    review_seconds: float = 30.0  # a member looks at a doubtful ballot's crops and proposes
    confirm_seconds: float = 15.0  # another member checks the proposal against the image
    draw_seconds: float = 30.0  # the head throws the dice for the hand check's seed
    pull_seconds: float = 15.0  # a drawn paper found in the stack, before typing it
    checkers: int = 2  # members typing the drawn papers at once

    def lines(self, pages: int) -> list[str]:
        sides = "both sides at once (duplex)" if pages == 2 else f"{pages} side(s) a sheet"
        return [
            (
                f"the ballot is {pages} A4 side(s) (daihoi.omr.layout for this list): one sheet "
                f"printed on both sides; the scanner feeds {self.feed:g} sheets a minute, {sides} "
                f"(a simplex {self.feed:g} pages-a-minute scanner would take {pages}× as long)"
            ),
            (
                f"the operator uploads every {self.batch} sheets through the upload form, "
                f"{self.upload_seconds:.0f} s a time; the server reads them in the request"
            ),
            (
                f"a doubtful ballot: {self.review_seconds:.0f} s to propose, "
                f"{self.confirm_seconds:.0f} s for another member to confirm (omr.md §5.4)"
            ),
            (
                f"hand check against paper (omr.md §5.4): {self.draw_seconds:.0f} s to draw the "
                f"seed, then {self.checkers} members at once, each drawn paper "
                f"{self.pull_seconds:.0f} s to find plus its typing at the clerks' pace"
            ),
        ]


def sides(names: int, seats: int) -> int:
    """A4 sides of the ballot for `names` names (daihoi.omr.layout places them; long names
    like the bench's), so the output says what the scanner feeds."""
    import random

    from daihoi.core.ballots import ballot_layout as layout_of_list
    from daihoi.demo.names import invented_names
    from daihoi.omr.layout import BallotSpec, ballot_layout

    people = invented_names(random.Random(55), ["male", "female", "male"] * names)[:names]
    spec = BallotSpec(
        election_id=1,
        round=1,
        layout=layout_of_list(names, seats),
        paper="A4",
        rehearsal=False,
        heading=("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ PHƯỜNG THỬ NGHIỆM"),
        title="BAN CHẤP HÀNH ĐẢNG BỘ PHƯỜNG THỬ NGHIỆM KHÓA V, NHIỆM KỲ 2025 – 2030",
        candidates=tuple(enumerate(people, 1)),
    )
    return len(ballot_layout(spec).pages)


def ballot_spec(data: Path, database_url: str | None, election: int) -> dict[str, Any]:
    """The election's ballot as the server prints and reads it (A4)."""
    script = (
        "from daihoi.db.models import Election; from daihoi.queries.ballots import ballot_spec; "
        "from testkit.synth import spec_to_dict; "
        f"print(json.dumps(spec_to_dict(ballot_spec(Election.objects.get(pk={election}), 'A4')), "
        "ensure_ascii=False))"
    )
    result: dict[str, Any] = json.loads(_django(data, database_url, script))
    return result


def _draw(job: tuple[dict[str, Any], int, int, int]) -> tuple[int, list[bytes], list[int]]:
    """One ballot's sides as a scanner's JPEG files, and the row numbers its voter struck."""
    import cv2

    from daihoi.omr.layout import ballot_layout
    from testkit import synth

    spec, sheet, seats, seed = job
    cv2.setNumThreads(1)
    layout = ballot_layout(synth.spec_from_dict(spec))
    rng = np.random.default_rng([seed, sheet])
    files, struck = [], []
    for page in range(1, len(layout.pages) + 1):
        image, truth = synth.mark_ballot(layout, page, rng, dpi=DPI, seats=seats)
        assert truth.scan is not None
        files.append(synth.encode(image, truth.scan.quality))
        struck.extend(n for n, mark in truth.rows.items() if mark == synth.STRUCK)
    return sheet, files, sorted(struck)


def draw_ballots(
    spec: dict[str, Any], ballots: int, seats: int, seed: int, workers: int = 2
) -> tuple[list[list[bytes]], list[list[int]]]:
    """Every ballot's images (in sheet order) and what each voter struck."""
    jobs = [(spec, sheet, seats, seed) for sheet in range(1, ballots + 1)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        drawn = sorted(pool.map(_draw, jobs, chunksize=8))
    return [files for _, files, _ in drawn], [struck for _, _, struck in drawn]


@dataclass
class Stack:
    """What the scanner side shares on the simulated clock."""

    hall: Hall
    images: list[list[bytes]]
    struck: list[list[int]]
    team: int = 1
    uploaded: int = 0  # sheets uploaded so far
    batches: int = 0
    looked: int = 0  # batches whose doubtful ballots the proposer has opened
    rejected: int = 0  # pages the reader refused (a report line each)
    proposed: list[str] = field(default_factory=list)
    confirmed: set[str] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)
    checked: bool = False  # the hand check done
    drawn: list[int] = field(default_factory=list)  # the sheets the hand check drew
    checkers_left: int = 0  # members still typing their share of the drawn papers
    refusals: list[str] = field(default_factory=list)

    @property
    def done_uploading(self) -> bool:
        return self.uploaded == len(self.images)


def operator(stack: Stack, browser: Browser, pace: ScanPace, start: float, count: Any) -> Person:
    """Uploads each batch once the scanner has fed its last sheet; the scanner team's readings
    are then the paper's, as far as the simulation knows (`count.typed`; the head finds any
    misreading on the differences page)."""
    path = f"/bau-cu/{stack.hall.election}/quet-phieu/"
    total = len(stack.images)
    for first in range(0, total, pace.batch):
        last = min(first + pace.batch, total)
        yield At(start + last * 60.0 / pace.feed)  # the batch's last sheet out of the scanner
        yield Think(pace.upload_seconds)
        files = [
            (f"{sheet + 1:04d}-{side + 1}.jpg", data)
            for sheet in range(first, last)
            for side, data in enumerate(stack.images[sheet])
        ]
        answer = yield Request(
            lambda files=files: browser.upload(path, {"team": str(stack.team)}, files)
        )
        if answer.status != 200:
            stack.refusals.append(f"upload of sheets {first + 1}-{last}: HTTP {answer.status}")
        stack.rejected += answer.body.count('class="rejected')
        stack.uploaded, stack.batches = last, stack.batches + 1
        count.typed.update({(stack.team, s + 1): stack.struck[s] for s in range(first, last)})


def proposer(stack: Stack, browser: Browser, pace: ScanPace) -> Person:
    """After each upload, opens the queue and proposes a reading of each doubtful ballot."""
    queue = f"/bau-cu/{stack.hall.election}/phieu-can-xem/"
    looked = 0
    while True:
        yield Until(lambda seen=looked: stack.batches > seen)
        looked = stack.batches
        page = yield Request(lambda: browser.get(queue))
        stack.looked = looked
        for scanned in dict.fromkeys(_UUID.findall(page.body)):
            if scanned in stack.seen:
                continue
            stack.seen.add(scanned)
            review = yield Request(lambda s=scanned: browser.get(f"/phieu-quet/{s}/"))
            yield Think(pace.review_seconds)
            form = _proposal(stack, review.body)
            yield Request(lambda s=scanned, f=form: browser.post(f"/phieu-quet/{s}/", f))
            stack.proposed.append(scanned)
        if stack.done_uploading and looked == stack.batches:
            return


def _proposal(stack: Stack, page: str) -> list[tuple[str, str]]:
    """The doubtful rows marked as the paper shows, and 'valid' where a ruling is asked."""
    sheet = re.search(r"<h1>[^<\d]*(\d+)", page)  # "Phiếu quét số 8 · Tổ 1": its number
    if sheet is None:
        stack.refusals.append("a review page without its ballot number")
        return []
    struck = set(stack.struck[int(sheet.group(1)) - 1])
    form = [
        (f"row_{number}", "struck" if int(number) in struck else "kept")
        for number in dict.fromkeys(re.findall(r'type="radio" name="row_(\d+)"', page))
    ]
    if 'name="ruling" value="valid"' in page:  # a doubt about the whole ballot: it is valid
        form.append(("ruling", "valid"))
    return form


def confirmer(stack: Stack, browser: Browser, pace: ScanPace) -> Person:
    """Confirms each proposal another member made."""
    while True:
        yield Until(
            lambda: (
                len(stack.confirmed) < len(stack.proposed)
                or (stack.done_uploading and not _reviews_pending(stack))
            )
        )
        waiting = [s for s in stack.proposed if s not in stack.confirmed]
        if not waiting:
            return
        for scanned in waiting:
            yield Request(lambda s=scanned: browser.get(f"/phieu-quet/{s}/"))
            yield Think(pace.confirm_seconds)
            yield Request(lambda s=scanned: browser.post(f"/phieu-quet/{s}/", {"do": "confirm"}))
            stack.confirmed.add(scanned)


def _reviews_pending(stack: Stack) -> bool:
    return (
        stack.looked < stack.batches
        or len(stack.proposed) < len(stack.seen)
        or len(stack.confirmed) < len(stack.proposed)
    )


def hand_check(
    stack: Stack,
    head: Browser,
    checkers: Sequence[Browser],
    pace: ScanPace,
    keys_per_second: float,
    names: int,
) -> Person:
    """The head draws the hand check once every sheet is in and reviewed; then the checkers
    (members at once, each their share of the drawn papers) type what each paper shows."""
    yield Until(lambda: stack.done_uploading and not _reviews_pending(stack))
    path = f"/bau-cu/{stack.hall.election}/kiem-tra-phieu-giay/"
    yield Request(lambda: head.get(path))
    yield Think(pace.draw_seconds)
    page = yield Request(lambda: head.post(path, {"do": "draw", "seed": "31415926"}))
    drawn = re.search(r'id="sheets">(.*?)</strong>', page.body, re.S)
    stack.drawn = [int(n) for n in re.findall(r"\d+", drawn.group(1))] if drawn else []
    if not stack.drawn:
        stack.refusals.append("hand check: no sheets drawn")
    stack.checkers_left = len(checkers)


def checker(
    stack: Stack,
    browser: Browser,
    index: int,
    of: int,
    pace: ScanPace,
    keys_per_second: float,
    names: int,
) -> Person:
    """One member of the hand check: finds their share of the drawn papers and types each."""
    from daihoi.core.keying import keys_to_type

    yield Until(lambda: stack.checkers_left > 0)
    path = f"/bau-cu/{stack.hall.election}/kiem-tra-phieu-giay/"
    for sheet in stack.drawn[index::of]:
        numbers = stack.struck[sheet - 1]
        yield Think(pace.pull_seconds + keys_to_type(numbers, names, packed=True) / keys_per_second)
        form = {"do": "check", "team": str(stack.team), "sheet": str(sheet), "mode": "struck"}
        form["numbers"] = " ".join(map(str, numbers))
        answer = yield Request(lambda f=form: browser.post(path, f))
        if not answer.redirected:
            stack.refusals.append(f"hand check of sheet {sheet}: HTTP {answer.status}")
    stack.checkers_left -= 1
    if stack.checkers_left == 0:
        stack.checked = True


def scanned_numbers(stack: Stack) -> Sequence[int]:
    return range(1, len(stack.images) + 1)
