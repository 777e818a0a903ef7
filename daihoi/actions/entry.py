"""Ballot entry by the counting board: record, undo, settle differences between teams.

Every action is one transaction: a ballot is stored with its audit event or not at all. A stale
form submitted twice hits the unique (election, team, sheet) and changes nothing.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import IntegrityError, transaction

from daihoi.access import Permission, ensure
from daihoi.actions.audit import User, record_event
from daihoi.actions.tables import refuse_unless_at_table
from daihoi.actions.teams import refuse_unless_on_team
from daihoi.actions.transactions import write_transaction
from daihoi.core.election import Candidate
from daihoi.core.keying import KeyingError, parse_row_numbers
from daihoi.core.validation import check_election
from daihoi.db.mappers import core_election, ruleset_of
from daihoi.db.models import BallotEntry, Election, Resolution, ScannedBallot
from daihoi.errors import ActionError
from daihoi.interchange.election_file import ElectionFileError, read_ballot
from daihoi.labels import problem_text
from daihoi.queries.entries import settled


def _election_for_entry(user: User, permission: Permission, election_id: int) -> Election:
    """The election, locked for this transaction, refusing one without `permission` in its
    congress, then entry when it is not open."""
    election = Election.objects.select_for_update().select_related("congress").get(pk=election_id)
    ensure(user, permission, election.congress_id)
    refuse_unless_open(election)
    return election


def refuse_unless_open(election: Election) -> None:
    if election.state == Election.State.CERTIFIED:
        raise ActionError("election_certified")
    if election.state != Election.State.OPEN:
        raise ActionError("election_not_open")


def typed_numbers(text: str, rows: int, field: str) -> list[int]:
    """The row numbers a clerk typed in `field`, or an error naming the token at fault."""
    try:
        return parse_row_numbers(text, rows)
    except KeyingError as error:
        raise ActionError(
            f"typed_{error.reason}", field, token=error.token, width=error.width
        ) from None


def content_from_numbers(
    codes: Mapping[int, str], numbers: Sequence[int], *, struck: bool
) -> dict[str, Any]:
    """A cross-out ballot from the row numbers the clerk typed: those struck, or those kept."""
    for number in numbers:
        if number not in codes:
            raise ActionError("number_not_on_list", "numbers", number=number, count=len(codes))
    chosen = set(numbers)
    kept = [code for n, code in sorted(codes.items()) if (n not in chosen) == struck]
    return {"kept": kept}


def content_from_marks(codes: Mapping[int, str], marks: Mapping[int, str]) -> dict[str, Any]:
    """An agree/disagree ballot from row number → agree/disagree/both/none."""
    for number in marks:
        if number not in codes:
            raise ActionError("number_not_on_list", "marks", number=number, count=len(codes))
    return {"marks": {codes[n]: marks.get(n, "none") for n in sorted(codes)}}


def check_content(
    election: Election, content: Mapping[str, Any], candidates: tuple[Candidate, ...] | None = None
) -> None:
    """The typed ballot must fit the list and layout, as a file's ballot would (R8-R11)."""
    try:
        ballot = read_ballot(dict(content))
    except ElectionFileError as error:
        detail = "; ".join(problem_text(p.code, p.values, "vi") for p in error.problems)
        raise ActionError("ballot_malformed", "content", detail=detail) from None
    core = core_election(election, [ballot], candidates)
    problems = check_election(core, ruleset_of(election.congress))
    ballot_problems = [p for p in problems if p.path.startswith("ballots[0]")]
    if ballot_problems:
        detail = "; ".join(problem_text(p.code, p.values, "vi") for p in ballot_problems)
        raise ActionError("ballot_malformed", "content", detail=detail)


def insert_entry(
    user: User, election_id: int, team: int, sheet: int, content: Mapping[str, Any]
) -> BallotEntry:
    """The INSERT of a checked ballot, inside the caller's write transaction and audit event;
    a sheet the team already entered is refused and leaves the transaction usable."""
    try:
        with transaction.atomic():
            return BallotEntry.objects.create(
                election_id=election_id,
                team=team,
                sheet=sheet,
                content=dict(content),
                entered_by=user,
            )
    except IntegrityError:
        raise ActionError("sheet_already_entered", "sheet", sheet=sheet, team=team) from None


def record_entry(  # noqa: PLR0913 - who, where, which paper, what it shows, and the list read
    user: User,
    election_id: int,
    team: int,
    sheet: int,
    content: Mapping[str, Any],
    *,
    candidates: tuple[Candidate, ...] | None = None,
    loaded: Election | None = None,
) -> BallotEntry:
    """Store one typed ballot of `team` for the paper numbered `sheet`.

    The ballot is checked against the list before the write transaction, which then only
    re-reads the election's state and inserts: saves stay short when many clerks type at once.
    `candidates` and `loaded` (the election with its congress) spare queries a caller has made.
    """
    election = loaded or Election.objects.select_related("congress").get(pk=election_id)
    ensure(user, Permission.ENTER_BALLOTS, election.congress_id)
    refuse_unless_open(election)
    if not 1 <= team <= election.entry_teams:
        raise ActionError("team_out_of_range", "team", team=team, teams=election.entry_teams)
    if not 1 <= sheet <= election.ballots_collected:
        raise ActionError(
            "sheet_out_of_range", "sheet", sheet=sheet, collected=election.ballots_collected
        )
    refuse_unless_on_team(user, election, team)
    refuse_unless_at_table(election, team, sheet)
    check_content(election, content, candidates)
    if ScannedBallot.objects.filter(
        election_id=election_id, team=team, sheet=sheet, state=ScannedBallot.State.REVIEW
    ).exists():  # its number is taken by a scan the board has yet to rule on
        raise ActionError("sheet_in_review", "sheet", sheet=sheet, team=team)
    with write_transaction():
        # The state again, inside the transaction: certification may have happened meanwhile.
        election.state = Election.objects.values_list("state", flat=True).get(pk=election_id)
        refuse_unless_open(election)
        entry = insert_entry(user, election_id, team, sheet, content)
        record_event(
            user, "record_entry", election.congress, election=election_id, team=team, sheet=sheet
        )
        # Again under the audit chain's lock, which every write holds to its commit: count
        # tables changed since the check above are seen here, and the entry is undone.
        refuse_unless_at_table(election, team, sheet)
        return entry


def undo_last_entry(user: User, election_id: int, team: int) -> int:
    """Remove the last ballot this team entered; returns its sheet number."""
    with write_transaction():
        election = _election_for_entry(user, Permission.ENTER_BALLOTS, election_id)
        refuse_unless_on_team(user, election, team)
        last = election.entries.filter(team=team).order_by("-entered_at", "-id").first()
        if last is None:
            raise ActionError("nothing_to_undo")
        if ScannedBallot.objects.filter(entry=last).exists():
            # The scan is that paper's record: a misreading is settled as a difference, not undone.
            raise ActionError("entry_from_scan", "team", sheet=last.sheet, team=team)
        sheet, content = last.sheet, last.content
        last.delete()
        record_event(
            user,
            "undo_entry",
            election.congress,
            election=election.pk,
            team=team,
            sheet=sheet,
            content=content,
        )
        return sheet


def resolve_difference(
    user: User,
    election_id: int,
    sheet: int,
    *,
    chosen_team: int | None = None,
    content: Mapping[str, Any] | None = None,
) -> Resolution:
    """The head of the board settles a sheet: the entry matching the paper, or a third reading."""
    with write_transaction():
        election = _election_for_entry(user, Permission.SETTLE_DIFFERENCES, election_id)
        _, open_differences = settled(election)
        difference = next((d for d in open_differences if d.sheet == sheet), None)
        if difference is None:
            raise ActionError("no_such_difference", "sheet", sheet=sheet)
        if chosen_team is not None:
            entry = election.entries.filter(team=chosen_team, sheet=sheet).first()
            if entry is None:
                raise ActionError(
                    "team_out_of_range", "team", team=chosen_team, teams=election.entry_teams
                )
            content = entry.content
        if content is None:
            raise ActionError("ballot_malformed", "content", detail="—")
        check_content(election, content)
        resolution = Resolution.objects.create(
            election=election,
            sheet=sheet,
            chosen_team=chosen_team,
            content=dict(content),
            decided_by=user,
        )
        record_event(
            user,
            "resolve_difference",
            election.congress,
            election=election.pk,
            sheet=sheet,
            chosen_team=chosen_team,
        )
        return resolution
