"""What the scanning screens read: the queue of ballots waiting for the board, one ballot's rows
with the reader's proposals, and the stored images drawn for the board (plain values)."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings

from daihoi.core.codes import PAPER_REASONS, Layout
from daihoi.db.mappers import ruleset_of
from daihoi.db.models import Election, ScanBatch, ScannedBallot
from daihoi.labels import (
    INVALID_REASONS,
    SCAN_DOUBTS,
    SCAN_MARKS,
    SCAN_REJECTIONS,
    SCAN_STATES,
    Label,
)
from daihoi.omr.layout import Page
from daihoi.omr.overlay import decisions_overlay, row_crop
from daihoi.omr.reading import Doubt, Mark, PageReading, Rejection
from daihoi.omr.reading_json import reading_from_json
from daihoi.queries.ballots import layouts_of, list_layout


def _label(table: Mapping[str, Label], code: str, *, english: bool) -> str:
    return table.get(code, (code, code))[1 if english else 0]


@dataclass(frozen=True)
class QueueRow:
    scanned_id: str
    sheet: int | None
    team: int
    doubts: list[str]  # the ballot's and its rows' reasons, in words
    rows_in_review: list[int]
    proposed_by: str = ""  # the member whose proposal waits for a second member, "" for none
    proposed_at: datetime | None = None


def person(user: Any) -> str:
    """A member as the board knows them: the full name, else the account name."""
    if user is None:
        return ""
    full = str(getattr(user, "get_full_name", str)() or "").strip()
    return full or str(user.get_username())


MIXED_INK = Doubt.MIXED_INK.value


def mixed_ink(reading: Mapping[str, Any]) -> bool:
    """Whether the reader saw more than one ink on the ballot (OPEN-OMR-3): a warning in the
    reading JSON ("warnings": ["mixed_ink"]) by default, a doubt when the congress so chose."""
    return any(
        MIXED_INK in page.get("warnings", ()) or MIXED_INK in page.get("doubts", ())
        for page in reading.get("pages", ())
        if isinstance(page, Mapping)
    )


def scans_for_minutes(election: Election) -> dict[str, Any] | None:
    """What the minutes say about scanning: ballots read by the machine, ballots the board ruled
    on (and how many of those two members confirmed), ballots in more than one ink, pages not
    read, the hand checks against paper, and the OMR settings applied; None when nothing was
    scanned."""
    scans = list(election.scans.values_list("state", "reading", "proposed_by_id", "decided_by_id"))
    states = [state for state, *_ in scans]
    rejected = sum(  # the empty backs of one-sided ballots in a duplex scan are not ballots
        n
        for rejections in election.scan_batches.values_list("rejections", flat=True)
        for reason, n in rejections.items()
        if reason != Rejection.BLANK_PAGE.value
    )
    if not states and not rejected:
        return None
    rules = ruleset_of(election.congress).settings
    confirmed = ScannedBallot.State.CONFIRMED
    return {
        "read": states.count(ScannedBallot.State.READ),
        "confirmed": states.count(confirmed),
        "two_members": sum(
            1 for state, _, by, to in scans if state == confirmed and by and to and by != to
        ),
        "mixed_ink_ballots": sum(
            1 for state, reading, *_ in scans if state != "rejected" and mixed_ink(reading)
        ),
        "rejected_pages": rejected,
        "spot_checks": _spot_checks_for_minutes(election),
        "partial_strike": rules.partial_strike,
        "stray_ink_max_mm": rules.stray_ink_max_mm,
        "mixed_ink": rules.mixed_ink,
    }


def _spot_checks_for_minutes(election: Election) -> list[dict[str, Any]]:
    """Each hand check against paper: its seed, the sheets drawn and checked, and every
    difference found (which stays in the minutes once settled)."""
    out = []
    for check in election.spot_checks.prefetch_related("sheets"):
        sheets = list(check.sheets.all())
        out.append(
            {
                "seed": check.seed,
                "population": check.population,
                "drawn": len(sheets),
                "checked": sum(1 for s in sheets if s.paper is not None),
                "differences": [
                    {"team": s.team, "sheet": s.sheet, "settled": s.settled is not None}
                    for s in sheets
                    if s.differs
                ],
            }
        )
    return out


@dataclass(frozen=True)
class ScanSummary:
    counts: list[tuple[str, str, int]]  # state, its words, ballots
    batches: list[tuple[ScanBatch, int]]  # the latest batches, each with its mixed-ink ballots
    queue: list[QueueRow]  # waiting for a member's proposal
    confirming: list[QueueRow]  # proposed, waiting for a second member's confirmation
    mixed_ink: int  # ballots read (or in review) in more than one ink (OPEN-OMR-3)


def get_scan_summary(election: Election, *, english: bool = False) -> ScanSummary:
    """How many scanned ballots are in each state, the batches, the ballots waiting for a
    proposal and those waiting for a second member to confirm it."""
    counts = dict.fromkeys(ScannedBallot.State.values, 0)
    mixed: dict[int, int] = {}
    for state, batch, reading in election.scans.values_list("state", "batch_id", "reading"):
        counts[state] += 1
        if state != ScannedBallot.State.REJECTED and mixed_ink(reading):
            mixed[batch] = mixed.get(batch, 0) + 1
    queue: list[QueueRow] = []
    confirming: list[QueueRow] = []
    waiting = (
        election.scans.filter(state=ScannedBallot.State.REVIEW)
        .select_related("proposed_by")
        .order_by("team", "sheet")
    )
    for scanned in waiting:
        readings = page_readings(scanned)
        review = [r for reading in readings for r in reading.rows if r.mark is Mark.REVIEW]
        codes = list(ballot_doubts(readings))
        codes += [d for row in review for d in row.doubts if d not in codes]
        row = QueueRow(
            str(scanned.pk),
            scanned.sheet,
            scanned.team,
            [_label(SCAN_DOUBTS, d, english=english) for d in dict.fromkeys(codes)],
            [row.number for row in review],
            person(scanned.proposed_by),
            scanned.proposed_at,
        )
        (confirming if scanned.proposed_by_id else queue).append(row)
    batches = election.scan_batches.select_related("scanned_by").order_by("-id")[:20]
    return ScanSummary(
        [(s, _label(SCAN_STATES, s, english=english), n) for s, n in counts.items()],
        [(batch, mixed.get(batch.pk, 0)) for batch in batches],
        queue,
        confirming,
        sum(mixed.values()),
    )


def next_waiting(
    election: Election, *, proposed: bool, besides: Any = None
) -> ScannedBallot | None:
    """The next ballot in review in stack order: with a proposal to confirm, or without one."""
    waiting = election.scans.filter(
        state=ScannedBallot.State.REVIEW, proposed_by__isnull=not proposed
    ).exclude(pk=besides)
    return waiting.order_by("team", "sheet").first()


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class RowView:
    number: int
    name: str
    page: int
    mark: str  # the reader's mark (review: undecided)
    mark_label: str
    proposal: str  # what the reader leans to, "" when it has none
    chosen: str  # preselected: what the member chose before an error, else the proposal
    decided: str  # the board's mark in words, once it ruled
    doubts: list[str]
    in_review: bool


@dataclass(frozen=True)
class Proposal:
    """The decision one member proposed (or two confirmed): the ruling, who and when."""

    ruling: str  # in words
    proposed_by: str
    proposed_at: datetime | None
    proposed_by_id: int | None
    confirmed_by: str = ""
    confirmed_at: datetime | None = None


@dataclass(frozen=True)
class Returned:
    proposed_by: str
    returned_by: str
    returned_at: str  # ISO time as stored
    reason: str


@dataclass(frozen=True)
class ReviewView:
    scanned: ScannedBallot
    state: str  # in words
    pages: list[int]
    rows: list[RowView]
    choices: list[Choice]  # the marks a row may get on this layout
    doubts: list[str]  # ballot-level, in words
    warnings: list[str]
    rulings: list[Choice]
    rejection: str  # why a rejected page was not read, in words
    proposal: Proposal | None = None  # a member's proposal waiting for a second member
    returned: list[Returned] = field(default_factory=list)  # proposals sent back, oldest first
    mixed_ink: bool = False  # more than one ink on the ballot (OPEN-OMR-3), in the warnings


def get_review(
    scanned: ScannedBallot, *, english: bool = False, chosen: Mapping[int, str] | None = None
) -> ReviewView:
    """One scanned ballot as the board reviews it: each row with the reader's mark, proposal and
    reasons; the ballot's own doubts; the choices of marks and rulings. `chosen`: the marks a
    member sent with a decision that was refused, to show again."""
    chosen = chosen or {}
    election = scanned.election
    readings = page_readings(scanned)
    names = dict(election.candidates.values_list("number", "name"))
    decided = scanned.decision.get("rows", {})
    rows = [
        RowView(
            number=row.number,
            name=names.get(row.number, "?"),
            page=reading.page,
            mark=str(row.mark),
            mark_label=_label(SCAN_MARKS, row.mark, english=english),
            proposal=str(row.proposal) if row.proposal else "",
            chosen=chosen.get(row.number, str(row.proposal) if row.proposal else ""),
            decided=_label(SCAN_MARKS, decided[str(row.number)], english=english)
            if str(row.number) in decided
            else "",
            doubts=[_label(SCAN_DOUBTS, d, english=english) for d in row.doubts],
            in_review=row.mark is Mark.REVIEW,
        )
        for reading in readings
        for row in reading.rows
    ]
    allowed = ROW_MARKS[list_layout(election)]
    order = [m for m in Mark if m in allowed]
    rejection = scanned.reading.get("rejection") or {}
    if not rejection and scanned.reading.get("pages"):
        first = scanned.reading["pages"][0]
        if first.get("kind") == "rejected":
            rejection = {"reason": first.get("reason", ""), "detail": first.get("detail", "")}
    rulings = [Choice(r, _ruling_label(r, english=english)) for r in RULINGS]
    return ReviewView(
        scanned=scanned,
        state=_label(SCAN_STATES, scanned.state, english=english),
        pages=[reading.page for reading in readings] or [1],
        rows=sorted(rows, key=lambda r: r.number),
        choices=[Choice(str(m), _label(SCAN_MARKS, m, english=english)) for m in order],
        doubts=[_label(SCAN_DOUBTS, d, english=english) for d in ballot_doubts(readings)],
        warnings=[
            _label(SCAN_DOUBTS, d, english=english)
            for d in dict.fromkeys(w for reading in readings for w in reading.warnings)
        ],
        rulings=rulings,
        rejection=_label(SCAN_REJECTIONS, rejection.get("reason", ""), english=english)
        if rejection
        else "",
        proposal=_proposal(scanned, english=english),
        returned=[
            Returned(r["proposed_by"], r["returned_by"], r["returned_at"], r["reason"])
            for r in scanned.decision.get("returned", [])
        ],
        mixed_ink=mixed_ink(scanned.reading),
    )


def _proposal(scanned: ScannedBallot, *, english: bool) -> Proposal | None:
    """The proposal waiting for a second member, or the decision two members confirmed."""
    if scanned.proposed_by_id is None and scanned.decided_by_id is None:
        return None
    ruling = str(scanned.decision.get("ruling", VALID))
    return Proposal(
        ruling=_ruling_label(ruling, english=english),
        proposed_by=person(scanned.proposed_by),
        proposed_at=scanned.proposed_at,
        proposed_by_id=scanned.proposed_by_id,
        confirmed_by=person(scanned.decided_by),
        confirmed_at=scanned.decided_at,
    )


def mixed_ink_of(scanned_ids: Iterable[str]) -> set[str]:
    """Which of these scanned ballots the reader saw in more than one ink (OPEN-OMR-3)."""
    ids = [i for i in scanned_ids if i]
    rows = ScannedBallot.objects.filter(pk__in=ids).values_list("pk", "reading")
    return {str(pk) for pk, reading in rows if mixed_ink(reading)}


def _ruling_label(ruling: str, *, english: bool) -> str:
    if ruling == "valid":
        return "valid" if english else "Phiếu hợp lệ"
    return ("invalid: " if english else "Không hợp lệ: ") + _label(
        INVALID_REASONS, ruling, english=english
    )


def _side(scanned: ScannedBallot, page: int) -> tuple[bytes, PageReading, Page]:
    """The stored image of one side, its reading and its printed layout."""
    readings = {reading.page: reading for reading in page_readings(scanned)}
    if page not in readings or not scanned.paper:
        raise LookupError(page)
    name = scanned.back_image if page == 2 and scanned.back_image else scanned.image
    data = (Path(settings.DATA_DIR) / name).read_bytes()
    layout = layouts_of(scanned.election)[scanned.paper]
    return data, readings[page], layout.pages[page - 1]


def get_overlay(scanned: ScannedBallot, page: int) -> bytes:
    """The side's scan with each row's decision drawn over a copy: the board's where it ruled,
    else the reader's."""
    data, reading, layout_page = _side(scanned, page)
    decided = scanned.decision.get("rows", {})
    decisions = {
        row.number: Mark(decided[str(row.number)]) if str(row.number) in decided else row.mark
        for row in reading.rows
    }
    return decisions_overlay(data, layout_page, reading.homography, decisions)


def get_row_crop(scanned: ScannedBallot, number: int) -> bytes:
    """The raw pixels around one row, from the side it is printed on."""
    for reading in page_readings(scanned):
        if any(row.number == number for row in reading.rows):
            data, _, layout_page = _side(scanned, reading.page)
            row = next(r for r in layout_page.rows if r.number == number)
            return row_crop(data, row, reading.homography)
    raise LookupError(number)


def get_image(scanned: ScannedBallot) -> tuple[bytes, str]:
    """A rejected page's stored image as it is, with its content type."""
    data = (Path(settings.DATA_DIR) / scanned.image).read_bytes()
    types = {"jpg": "image/jpeg", "png": "image/png", "tif": "image/tiff"}
    return data, types.get(scanned.image.rsplit(".", 1)[-1], "application/octet-stream")


VALID = "valid"


RULINGS = (VALID, *sorted(PAPER_REASONS))


def page_readings(scanned: ScannedBallot) -> list[PageReading]:
    """The reader's report on each side of a scanned ballot (none for a rejected page)."""
    pages = [reading_from_json(page) for page in scanned.reading.get("pages", [])]
    return [page for page in pages if isinstance(page, PageReading)]


def ballot_doubts(readings: list[PageReading]) -> list[Doubt]:
    """The ballot-level doubts of all its sides, each once, in the reader's order."""
    return list(dict.fromkeys(d for reading in readings for d in reading.doubts))


#: the marks a row may have on each layout (R9)
ROW_MARKS: Mapping[Layout, frozenset[Mark]] = {
    Layout.CROSS_OUT: frozenset({Mark.STRUCK, Mark.KEPT}),
    Layout.AGREE_DISAGREE: frozenset({Mark.AGREE, Mark.DISAGREE, Mark.BOTH, Mark.NONE}),
}
