"""Checking the scanner on ballots marked by hand before a congress relies on it
(docs/omr-acceptance.md; issue 14 §2; omr.md §5.6).

Every page of a folder of scans is read by the same Reader as `daihoi scan` (decoded by
`omr.ingest` as the scan action does) and compared with the truth sheet (`truth_sheet`):
- a WRONG decision is a row the reader decided by itself (struck or kept, no review) other than
  the voter meant: the figure that must be 0;
- an ambiguous mark (truth `ambiguous`) must be sent to review as a row (OPEN-OMR-1);
- a clean ballot (no ambiguous mark) sent to review costs the board time: target ≤ 1 %;
- a page rejected (not read at all) must be entered by hand: target ≤ 1 %.
"""

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from daihoi.core.codes import Layout
from daihoi.omr.ingest import file_pages, page_count
from daihoi.omr.interpret import Reader
from daihoi.omr.layout import BallotLayout, BallotSpec, ballot_layout
from daihoi.omr.reading import Mark, PageReading, PageRejected, Reading, Rejection
from daihoi.omr.render import Image
from daihoi.omr.thresholds import ReaderSettings
from daihoi.omr.truth_sheet import FileTruth, Meant, TruthSheet

SCAN_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".pdf"})


class Readers:
    """One Reader per election round the folder may hold; a page goes to the round its code
    names (a page of another round is refused by each reader as another ballot)."""

    def __init__(self, layouts: Iterable[BallotLayout], settings: ReaderSettings) -> None:
        rounds: dict[tuple[int, int], list[BallotLayout]] = {}
        for layout in layouts:
            rounds.setdefault((layout.spec.election_id, layout.spec.round), []).append(layout)
        self.readers = [Reader(group, settings) for group in rounds.values()]

    def read(self, image: Image) -> Reading:
        reading: Reading = PageRejected(Rejection.OTHER_BALLOT)
        for reader in self.readers:
            reading = reader.read(image)
            if not (isinstance(reading, PageRejected) and reading.reason is Rejection.OTHER_BALLOT):
                return reading
        return reading


def layouts_from_specs(path: Path) -> list[BallotLayout]:
    """The layouts of an `elections.json` as bench/omr_handmarks.py writes it: per key,
    {"seats": …, "spec": BallotSpec's fields}."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    layouts = []
    for entry in data.values():
        spec = entry.get("spec", entry)
        layouts.append(
            ballot_layout(
                BallotSpec(
                    election_id=int(spec["election_id"]),
                    round=int(spec["round"]),
                    layout=Layout(spec["layout"]),
                    paper=str(spec["paper"]),
                    rehearsal=bool(spec["rehearsal"]),
                    heading=tuple(spec["heading"]),
                    title=str(spec["title"]),
                    candidates=tuple((int(n), str(name)) for n, name in spec["candidates"]),
                )
            )
        )
    return layouts


@dataclass(frozen=True)
class Wrong:
    file: str
    page: int  # in the file
    row: int
    truth: Meant
    read: Mark


@dataclass(frozen=True)
class Rejected:
    file: str
    page: int
    reason: str
    detail: str


@dataclass
class _Ballot:
    pages: list[tuple[str, int, Reading, FileTruth | None]] = field(default_factory=list)
    expected: int = 1
    stamped: bool = True


@dataclass
class Check:
    """What the check found; `status` is its exit code."""

    pages: int = 0
    ballots: int = 0
    rows: int = 0
    wrong: list[Wrong] = field(default_factory=list)
    ambiguous: int = 0
    unreviewed: list[Wrong] = field(default_factory=list)  # ambiguous marks read by itself
    unstamped: int = 0  # ballots without the board's seal: they must go to review (R11)
    unstamped_read: list[str] = field(default_factory=list)  # … and went through unreviewed
    clean: int = 0  # clean ballots wholly read
    clean_review: int = 0
    review_reasons: Counter[str] = field(default_factory=Counter)
    rejected: list[Rejected] = field(default_factory=list)
    rejection_reasons: Counter[str] = field(default_factory=Counter)
    warnings: Counter[str] = field(default_factory=Counter)
    no_truth: list[str] = field(default_factory=list)  # files or rows the sheet does not give
    unlisted: list[str] = field(default_factory=list)  # sheet lines naming no scanned file

    @property
    def status(self) -> int:
        return 1 if self.wrong or self.unreviewed or self.unstamped_read else 0

    @property
    def clean_share(self) -> float:
        return self.clean_review / self.clean if self.clean else 0.0

    @property
    def rejected_share(self) -> float:
        return len(self.rejected) / self.pages if self.pages else 0.0


def scan_files(folder: Path) -> list[Path]:
    """The folder's image and PDF files in name order."""
    return sorted(
        (p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SCAN_SUFFIXES),
        key=lambda p: p.name,
    )


Progress = Callable[[int, int], None]


def check_folder(
    readers: Readers, files: Sequence[Path], sheet: TruthSheet, progress: Progress | None = None
) -> Check:
    """Read every page of `files` and compare with `sheet`."""
    check = Check()
    ballots: list[_Ballot] = []
    total = len(files)
    for done, path in enumerate(files, 1):
        data = path.read_bytes()
        pages = list(file_pages(data)) if page_count(data) else []
        if not pages:
            check.pages += 1
            _reject(check, Rejected(path.name, 1, Rejection.NOT_AN_IMAGE, ""))
        for page in pages:
            check.pages += 1
            reading: Reading = (
                PageRejected(Rejection.NOT_AN_IMAGE)
                if page.image is None
                else readers.read(page.image)
            )
            truth = sheet.of(path.name, page.page)
            if truth is None:
                check.no_truth.append(path.name if len(pages) == 1 else f"{path.name}#{page.page}")
            _place(ballots, (path.name, page.page, reading, truth))
            ballots[-1].stamped &= sheet.stamped(path.name, page.page)
        if progress:
            progress(done, total)
    names = {p.name for p in files}
    check.unlisted = sorted(k for k in sheet.files if k.split("#")[0] not in names)
    for ballot in ballots:
        _judge(check, ballot)
    return check


def _place(ballots: list[_Ballot], page: tuple[str, int, Reading, FileTruth | None]) -> None:
    """Pages into ballots as the scan action pairs them: a page 1 starts a ballot, the next
    page of a ballot of several joins it; a rejected page fills a ballot still short of a side."""
    reading = page[2]
    last = ballots[-1] if ballots else None
    open_ballot = last is not None and len(last.pages) < last.expected
    follows = isinstance(reading, PageRejected) or reading.page > 1
    if follows and open_ballot and last is not None:
        last.pages.append(page)
    else:
        expected = reading.pages if isinstance(reading, PageReading) else 1
        ballots.append(_Ballot([page], expected))


def _reject(check: Check, rejected: Rejected) -> None:
    check.rejected.append(rejected)
    check.rejection_reasons[rejected.reason] += 1


def _judge(check: Check, ballot: _Ballot) -> None:
    check.ballots += 1
    clean, read, review = True, True, False
    reasons: Counter[str] = Counter()
    for name, number, reading, truth in ballot.pages:
        if isinstance(reading, PageRejected):
            read = False
            _reject(check, Rejected(name, number, reading.reason, reading.detail))
            clean = clean and (truth is None or Meant.AMBIGUOUS not in truth.rows.values())
            continue
        review = review or reading.needs_review
        reasons.update(str(d) for d in reading.doubts)
        check.warnings.update(str(w) for w in reading.warnings)
        reasons.update(str(d) for row in reading.rows for d in row.doubts)
        clean = _rows(check, (name, number), reading, truth) and clean
    if not ballot.stamped:
        check.unstamped += 1
        if read and not review:
            check.unstamped_read.append(ballot.pages[0][0])
    elif clean and read:
        check.clean += 1
        if review:
            check.clean_review += 1
            check.review_reasons.update(reasons)


def _rows(
    check: Check, page: tuple[str, int], reading: PageReading, truth: FileTruth | None
) -> bool:
    """Each row of a page read against what the voter meant; whether no mark was ambiguous."""
    name, number = page
    clean = True
    for row in reading.rows:
        meant = None if truth is None else truth.of(row.number)
        if meant is None:
            if truth is not None:
                check.no_truth.append(f"{name} #{row.number}")
            continue
        check.rows += 1
        if meant is Meant.AMBIGUOUS:
            clean = False
            check.ambiguous += 1
            if row.mark is not Mark.REVIEW:
                check.unreviewed.append(Wrong(name, number, row.number, meant, row.mark))
        elif row.mark is not Mark.REVIEW and row.mark.value != meant.value:
            check.wrong.append(Wrong(name, number, row.number, meant, row.mark))
    return clean
