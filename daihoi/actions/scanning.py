"""Counting from scans: read a batch of scanned ballots, enter what is clear, queue the doubtful.

The scanner proposes and the counting board rules (R12 task 6; omr.md §5.4). A page read with
no doubt becomes the team's ballot entry at once, exactly as if typed; a page with any row or
ballot-level doubt waits for a board member (`adjudication.adjudicate`); a page that cannot be
read counts for nothing and is reported with its reason. The paper stays the authority.

Secrecy (omr.md §5.2): records get random ids, no timestamp of their own, and scanner file names
only reach the report given back to whoever scanned. Each image is stored before its row
(`scan_records.store_image`), so an acknowledged record never lacks its image.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from daihoi.access import Permission, ensure
from daihoi.actions.audit import User, record_event
from daihoi.actions.ballot_papers import election_or_error
from daihoi.actions.entry import check_content, insert_entry, refuse_unless_open
from daihoi.actions.scan_records import (
    ScanItem,
    ScanReport,
    ballot_content,
    forget_images,
    known_images,
    reader_settings,
    store_image,
)
from daihoi.actions.teams import refuse_unless_on_team
from daihoi.actions.transactions import write_transaction
from daihoi.core.ballots import ballot_layout
from daihoi.db.models import Election, ScanBatch, ScannedBallot
from daihoi.errors import ActionError
from daihoi.omr.ingest import ScanPage, file_pages, page_count
from daihoi.omr.interpret import Reader
from daihoi.omr.reading import Doubt, Mark, PageReading, PageRejected, Reading, Rejection
from daihoi.omr.reading_json import reading_to_json
from daihoi.queries.ballots import layouts_of
from daihoi.queries.scans import ROW_MARKS
from daihoi.queries.teams import defined_tables, team_table

Progress = Callable[[int, int], None]  # (pages done, pages in all)
DUPLICATE = "duplicate"
INCOMPLETE_PAIR = "incomplete_pair"


@dataclass
class _Page:
    """One page of the upload as the reader saw it; `image` is the stored name, if kept."""

    file: str
    page: int
    sha256: str = ""
    image: str = ""
    paper: str = ""
    reading: Reading = field(default_factory=lambda: PageRejected(Rejection.NOT_AN_IMAGE))
    reason: str = ""  # set when rejected
    detail: str = ""

    @property
    def read(self) -> PageReading | None:
        return self.reading if isinstance(self.reading, PageReading) and not self.reason else None


@dataclass
class _Ballot:
    pages: list[_Page]
    marks: dict[int, Mark] = field(default_factory=dict)
    content: dict[str, Any] | None = None  # None: waits for review

    @property
    def front(self) -> _Page:
        return self.pages[0]


class _Batch:
    """The state of one scan: the election, its layouts and reader, what was read so far."""

    def __init__(self, election: Election, team: int) -> None:
        self.election = election
        self.team = team
        self.layouts = layouts_of(election)
        self.reader = Reader(list(self.layouts.values()), reader_settings(election.congress))
        self.codes = dict(election.candidates.values_list("number", "code"))
        self.layout = ballot_layout(len(self.codes), election.seats)
        self.known = known_images(election)
        self.seen: set[str] = set()
        self.created: list[str] = []

    def read_page(self, name: str, page: ScanPage) -> _Page:
        found = _Page(name, page.page, page.sha256)
        if page.image is None:
            found.reason = Rejection.NOT_AN_IMAGE
            return found
        if page.sha256 in self.known or page.sha256 in self.seen:
            found.reason = DUPLICATE
            return found
        found.reading = self.reader.read(page.image)  # fails closed: never raises
        found.image, created = store_image(page.stored, page.sha256, page.extension)
        if created:
            self.created.append(found.image)
        if isinstance(found.reading, PageRejected):
            found.reason, found.detail = found.reading.reason, found.reading.detail
        else:
            self.seen.add(page.sha256)  # a page rejected once is read again, not a duplicate
            found.paper = found.reading.paper
        return found

    def ballots(self, pages: list[_Page]) -> list[_Ballot]:
        """Pages read into ballots: a two-sided ballot is page 1/2 followed by page 2/2."""
        ballots: list[_Ballot] = []
        index = 0
        while index < len(pages):
            page = pages[index]
            reading = page.read
            index += 1
            if reading is None:
                continue
            if reading.pages == 1:
                ballots.append(_Ballot([page]))
                if index < len(pages) and _inked_back(pages[index]):
                    # the back of this sheet, in a duplex scan, carries ink (a signature,
                    # writing): the board looks at the paper before it counts (R11)
                    page.reading = replace(reading, doubts=(*reading.doubts, Doubt.EXTRA_INK))
                continue
            following = pages[index].read if index < len(pages) else None
            if (
                reading.page == 1
                and reading.pages == 2
                and following is not None
                and (following.page, following.pages) == (2, 2)
                and pages[index].paper == page.paper
            ):
                ballots.append(_Ballot([page, pages[index]]))
                index += 1
            else:
                page.reason = INCOMPLETE_PAIR
        for ballot in ballots:
            self._decide(ballot)
        return [b for b in ballots if not b.front.reason]

    def _decide(self, ballot: _Ballot) -> None:
        readings = [page.read for page in ballot.pages]
        rows = [row for reading in readings if reading is not None for row in reading.rows]
        allowed = ROW_MARKS[self.layout] | {Mark.REVIEW}
        numbers = [row.number for row in rows]
        if sorted(numbers) != sorted(self.codes) or any(r.mark not in allowed for r in rows):
            self._reject(ballot, Rejection.FAILED, "rows")
            return
        ballot.marks = {row.number: row.mark for row in rows}
        if any(reading is None or reading.needs_review for reading in readings):
            return
        content = ballot_content(self.layout, self.codes, ballot.marks)
        try:
            check_content(self.election, content)
        except ActionError as error:
            self._reject(ballot, Rejection.FAILED, error.message_vi)
            return
        ballot.content = content

    @staticmethod
    def _reject(ballot: _Ballot, reason: str, detail: str) -> None:
        for page in ballot.pages:
            page.reason, page.detail = reason, detail


def _inked_back(page: _Page) -> bool:
    """A page with ink on it but no registration marks: the back of the sheet before it."""
    reading = page.reading
    return isinstance(reading, PageRejected) and reading.reason is Rejection.NO_MARKS


def _free_sheets(election: Election, team: int) -> list[int]:
    """The team's free sheet numbers, in order, within its count table (a scanned stack is a
    table's stack too; with no table defined, 1..ballots collected)."""
    used = set(election.entries.filter(team=team).values_list("sheet", flat=True))
    used |= {
        sheet
        for sheet in election.scans.filter(team=team).values_list("sheet", flat=True)
        if sheet is not None
    }
    table = team_table(election, team)
    return [s for s in (table.sheet_numbers() if table else ()) if s not in used]


def _no_room(election: Election, team: int, ballots: int, free: int) -> ActionError:
    """The refusal of a stack larger than the sheets the team has left (in its table)."""
    table = team_table(election, team) if defined_tables(election) else None
    if table is None:
        if not ballots:
            return ActionError(
                "no_free_sheet", "team", team=team, collected=election.ballots_collected
            )
        return ActionError(
            "scan_exceeds_collected",
            "files",
            ballots=ballots,
            free=free,
            team=team,
            collected=election.ballots_collected,
        )
    where = {"team": team, "table": table.number, "range": table.text}
    if not ballots:
        return ActionError("no_free_sheet_table", "team", **where)
    return ActionError("scan_exceeds_table", "files", ballots=ballots, free=free, **where)


def _refuse(election: Election, team: int) -> None:
    refuse_unless_open(election)
    if not 1 <= team <= election.entry_teams:
        raise ActionError("team_out_of_range", "team", team=team, teams=election.entry_teams)


def scan_files(
    user: User,
    election_id: int,
    team: int,
    files: Sequence[tuple[str, bytes]],
    progress: Progress | None = None,
) -> ScanReport:
    """Read every page of `files` (JPEG/PNG/TIFF images, multi-page TIFF or PDF) as ballots of
    `team`; store them in one transaction with one audit event. Refused, changing nothing,
    when the election is not open, the team does not exist, or the ballots read would need
    more sheet numbers than the team has left of the ballots collected."""
    election = election_or_error(election_id)
    ensure(user, Permission.ENTER_BALLOTS, election.congress_id)
    _refuse(election, team)
    refuse_unless_on_team(user, election, team)
    if not files:
        raise ActionError("scan_no_files", "files")
    if defined_tables(election) and team_table(election, team) is None:
        raise ActionError("team_in_no_table", "team", team=team)
    if not _free_sheets(election, team):
        raise _no_room(election, team, 0, 0)
    batch = _Batch(election, team)
    try:
        pages = _read_all(batch, files, progress)
        return _store(user, batch, pages, batch.ballots(pages))
    except BaseException:
        forget_images(batch.created)  # nothing was stored: its images go too
        raise


def _read_all(
    batch: _Batch, files: Sequence[tuple[str, bytes]], progress: Progress | None
) -> list[_Page]:
    total = sum(max(1, page_count(data)) for _, data in files)
    pages: list[_Page] = []
    for name, data in files:
        if not page_count(data):
            pages.append(_Page(name, 1, reason=Rejection.NOT_AN_IMAGE))
            if progress:
                progress(len(pages), total)
            continue
        for page in file_pages(data):  # one decoded page at a time
            pages.append(batch.read_page(name, page))
            if progress:
                progress(len(pages), total)
    return pages


def _record(batch: ScanBatch, ballot_pages: Sequence[_Page], **fields: Any) -> ScannedBallot:
    front = ballot_pages[0]
    back = ballot_pages[1] if len(ballot_pages) > 1 else None
    reading: dict[str, Any] = {"pages": [reading_to_json(p.reading) for p in ballot_pages]}
    if front.reason:
        reading["rejection"] = {"reason": str(front.reason), "detail": front.detail}
    return ScannedBallot.objects.create(
        election_id=batch.election_id,
        batch=batch,
        team=batch.team,
        paper=front.paper,
        sha256=front.sha256,
        image=front.image,
        back_sha256=back.sha256 if back else "",
        back_image=back.image if back else "",
        reading=reading,
        **fields,
    )


def _store(user: User, batch: _Batch, pages: list[_Page], ballots: list[_Ballot]) -> ScanReport:
    election, team = batch.election, batch.team
    with write_transaction():
        election = (
            Election.objects.select_for_update().select_related("congress").get(pk=election.pk)
        )
        _refuse(election, team)
        known = known_images(election)
        for ballot in ballots:  # a batch stored meanwhile may hold the same image
            if any(page.sha256 in known for page in ballot.pages):
                for page in ballot.pages:
                    page.reason = DUPLICATE
        ballots = [b for b in ballots if not b.front.reason]
        free = _free_sheets(election, team)
        if len(ballots) > len(free):
            raise _no_room(election, team, len(ballots), len(free))
        stored = ScanBatch.objects.create(election=election, team=team, scanned_by=user)
        items: dict[int, ScanItem] = {}
        for ballot, sheet in zip(ballots, free, strict=False):
            state = ScannedBallot.State.READ if ballot.content else ScannedBallot.State.REVIEW
            entry = None
            if ballot.content is not None:
                entry = insert_entry(user, election.pk, team, sheet, ballot.content)
            record = _record(stored, ballot.pages, sheet=sheet, state=state, entry=entry)
            back = ballot.pages[1] if len(ballot.pages) > 1 else None
            items[id(ballot.front)] = ScanItem(
                ballot.front.file,
                ballot.front.page,
                str(state),
                sheet=sheet,
                scanned_id=str(record.pk),
                back=(back.file, back.page) if back else None,
            )
        rejections: dict[str, int] = {}
        for page in pages:
            if not page.reason:
                continue
            rejections[str(page.reason)] = rejections.get(str(page.reason), 0) + 1
            if page.image and page.reason != DUPLICATE:
                _record(stored, [page], state=ScannedBallot.State.REJECTED)
            items[id(page)] = ScanItem(
                page.file, page.page, "rejected", str(page.reason), page.detail
            )
        report = ScanReport(stored.pk, tuple(items[id(p)] for p in pages if id(p) in items))
        stored.pages = len(pages)
        stored.read, stored.to_review = report.read, report.review
        stored.rejected, stored.rejections = report.rejected, rejections
        stored.save()
        record_event(
            user,
            "scan_batch",
            election.congress,
            election=election.pk,
            team=team,
            batch=stored.pk,
            pages=len(pages),
            read=report.read,
            review=report.review,
            rejected=rejections,
            sheets=[item.sheet for item in report.items if item.sheet is not None],
        )
        return report
