"""The hand check of scanned ballots against paper (omr.md §5.4): whether it is required, the
sheets drawn, what each paper showed against the machine's record, and what still stops the
certification of a scanned count (for certification's list of blockers)."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q

from daihoi.core.codes import Layout
from daihoi.core.spot_check import Sheet, sample_size
from daihoi.db.models import Election, ScannedBallot
from daihoi.db.spot_checks import SpotCheck, SpotCheckSheet
from daihoi.errors import ActionError
from daihoi.labels import INVALID_REASONS, SCAN_MARKS
from daihoi.queries.ballots import list_layout
from daihoi.queries.scans import person

ENTERED = (ScannedBallot.State.READ, ScannedBallot.State.CONFIRMED)


def scanned_sheets(election: Election) -> dict[Sheet, ScannedBallot]:
    """Every scanned ballot the machine count holds (read, or confirmed by the board), by
    (team, sheet): what a hand check draws from."""
    scans = election.scans.filter(state__in=ENTERED, entry__isnull=False).select_related("entry")
    return {(s.team, s.sheet): s for s in scans if s.sheet is not None}


def check_required(election: Election) -> bool:
    """omr.md §5.4, the project's practice: a hand check is required whenever any ballot of the
    election was counted from a scan."""
    return election.scans.filter(state__in=ENTERED).exists()


def latest_check(election: Election) -> SpotCheck | None:
    return election.spot_checks.order_by("-id").first()


def scan_check_blockers(election: Election) -> list[ActionError]:
    """What the board's checks on scanned counts still lack before certification: proposals
    no second member has confirmed (omr.md §5.4 "Two board members confirm each decision"),
    and the hand check against paper — not drawn, drawn before more ballots were scanned,
    incomplete, or with a difference the head has not settled ("Any difference stops the
    count")."""
    found = []
    proposed = election.scans.filter(
        state=ScannedBallot.State.REVIEW, proposed_by__isnull=False
    ).count()
    if proposed:
        found.append(ActionError("scan_proposals_unconfirmed", count=proposed))
    if not check_required(election):
        return found
    check = latest_check(election)
    population = len(scanned_sheets(election))
    if check is None:
        found.append(ActionError("spot_check_required"))
    elif check.population != population:
        found.append(ActionError("spot_check_stale", population=check.population, now=population))
    else:
        unchecked = check.sheets.filter(paper__isnull=True).count()
        if unchecked:
            found.append(ActionError("spot_check_incomplete", count=unchecked))
    open_differences = SpotCheckSheet.objects.filter(
        Q(spot_check__election=election), differs=True, settled__isnull=True
    ).order_by("team", "sheet")
    if open_differences:
        # the number on the back of the paper (every team's entry of it is the same paper)
        sheets = ", ".join(dict.fromkeys(str(s.sheet) for s in open_differences))
        found.append(ActionError("spot_check_differences", sheets=sheets))
    return found


@dataclass(frozen=True)
class Shown:
    """A ballot as its rows read: the struck rows (cross-out), the rows not a plain agree with
    their mark in words (agree/disagree), or the reason it is invalid on its face."""

    invalid: str = ""
    struck: tuple[int, ...] | None = None  # None: not a cross-out ballot
    marks: tuple[tuple[int, str], ...] = ()


def shown(content: Mapping[str, Any] | None, numbers: Mapping[str, int], *, english: bool) -> Shown:
    """What a stored ballot shows, by row number (`numbers`: candidate code → row number)."""
    if content is None:
        return Shown()
    if "invalid" in content:
        reason = str(content["invalid"])
        return Shown(invalid=INVALID_REASONS.get(reason, (reason, reason))[int(english)])
    if "kept" in content:
        kept = set(content["kept"])
        return Shown(struck=tuple(sorted(n for code, n in numbers.items() if code not in kept)))
    marks = content.get("marks", {})
    return Shown(
        marks=tuple(
            (numbers[code], SCAN_MARKS.get(str(mark), (str(mark),) * 2)[int(english)])
            for code, mark in sorted(marks.items(), key=lambda item: numbers.get(item[0], 0))
            if mark != "agree" and code in numbers
        )
    )


@dataclass(frozen=True)
class CheckRow:
    team: int
    sheet: int
    scanned_id: str
    machine: Shown
    paper: Shown | None  # None until a member typed it
    differs: bool
    checked_by: str
    settled: Shown | None
    settled_by: str


@dataclass(frozen=True)
class CheckView:
    required: bool
    population: int  # scanned ballots the count holds now
    size: int  # sheets a draw takes from them
    waiting: int  # scanned ballots still in review: no draw before the machine count is done
    check: SpotCheck | None
    drawn_by: str
    drawn_at: datetime | None
    stale: bool  # more ballots were scanned after the draw
    rows: list[CheckRow]
    earlier: list[SpotCheck]
    blockers: list[ActionError]
    cross_out: bool


def get_spot_check(election: Election, *, english: bool = False) -> CheckView:
    """The hand check screen: whether it is required, the latest draw and each sheet's result."""
    population = len(scanned_sheets(election))
    check = latest_check(election)
    numbers = {code: n for n, code in election.candidates.values_list("number", "code")}
    rows = []
    if check is not None:
        sheets = check.sheets.select_related("scanned__entry", "checked_by", "settled_by")
        for s in sheets:
            entry = s.scanned.entry
            rows.append(
                CheckRow(
                    team=s.team,
                    sheet=s.sheet,
                    scanned_id=str(s.scanned_id),
                    machine=shown(entry.content if entry else None, numbers, english=english),
                    paper=None if s.paper is None else shown(s.paper, numbers, english=english),
                    differs=s.differs,
                    checked_by=person(s.checked_by),
                    settled=None
                    if s.settled is None
                    else shown(s.settled, numbers, english=english),
                    settled_by=person(s.settled_by),
                )
            )
    return CheckView(
        required=check_required(election),
        population=population,
        size=sample_size(population),
        waiting=election.scans.filter(state=ScannedBallot.State.REVIEW).count(),
        check=check,
        drawn_by=person(check.drawn_by) if check else "",
        drawn_at=check.drawn_at if check else None,
        stale=check is not None and check.population != population,
        rows=rows,
        earlier=list(election.spot_checks.order_by("id"))[:-1],
        blockers=scan_check_blockers(election),
        cross_out=list_layout(election) is Layout.CROSS_OUT,
    )
