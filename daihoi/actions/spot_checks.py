"""The hand check of scanned ballots against paper (omr.md §5.4 "Spot check against paper").

After the machine count the head of the counting board draws the sheets to pull from the stack
with a public seed (dice thrown before the board, written in the minutes); a member types what
each paper shows, as on the entry screen; the system compares it with the machine's record.
Any difference stops the count (certification is refused) until the head records what the paper
shows: that reading is the head's ruling on the sheet (a Resolution, as for differences between
teams), so the count follows the paper; the difference stays listed in the minutes. The engine
never decides which reading is right.
"""

from collections.abc import Mapping
from typing import Any

from django.utils import timezone

from daihoi.access import Permission, ensure
from daihoi.actions.audit import User, record_event
from daihoi.actions.entry import check_content, refuse_unless_open
from daihoi.actions.transactions import write_transaction
from daihoi.core.entry import normalised
from daihoi.core.spot_check import SeedError, draw, normalised_seed
from daihoi.db.models import Election, Resolution, ScannedBallot
from daihoi.db.spot_checks import SpotCheck, SpotCheckSheet
from daihoi.errors import ActionError
from daihoi.interchange.election_file import read_ballot
from daihoi.queries.spot_checks import latest_check, scanned_sheets


def _open_election(user: User, permission: Permission, election_id: int) -> Election:
    election = Election.objects.select_related("congress").get(pk=election_id)
    ensure(user, permission, election.congress_id)
    refuse_unless_open(election)
    return election


def _locked(election: Election) -> None:
    """Inside the transaction: the election locked and its state read again."""
    election.state = (
        Election.objects.select_for_update().values_list("state", flat=True).get(pk=election.pk)
    )
    refuse_unless_open(election)


def draw_spot_check(user: User, election_id: int, seed: str) -> SpotCheck:
    """The head draws the sheets to check from `seed` (digits thrown with dice): 20 of the
    scanned ballots, or all when fewer than 50 (omr.md §5.4). Drawn once the machine count is
    done (no scan waits for the board); drawn again only when more ballots were scanned since."""
    election = _open_election(user, Permission.SETTLE_DIFFERENCES, election_id)
    try:
        digits = normalised_seed(seed)
    except SeedError:
        raise ActionError("spot_check_seed", "seed") from None
    with write_transaction():
        _locked(election)
        waiting = election.scans.filter(state=ScannedBallot.State.REVIEW).count()
        if waiting:
            raise ActionError("spot_check_before_review", "seed", count=waiting)
        pool = scanned_sheets(election)
        if not pool:
            raise ActionError("spot_check_nothing_scanned", "seed")
        previous = latest_check(election)
        if previous is not None and previous.population == len(pool):
            raise ActionError(
                "spot_check_already_drawn",
                "seed",
                seed=previous.seed,
                population=previous.population,
            )
        drawn = draw(digits, pool)
        check = SpotCheck.objects.create(
            election=election, seed=digits, population=len(pool), drawn_by=user
        )
        SpotCheckSheet.objects.bulk_create(
            SpotCheckSheet(spot_check=check, scanned=pool[s], team=s[0], sheet=s[1]) for s in drawn
        )
        record_event(
            user,
            "draw_spot_check",
            election.congress,
            election=election.pk,
            seed=digits,
            population=len(pool),
            count=len(drawn),
            drawn=", ".join(
                f"{sheet}" if team == 1 else f"{team}/{sheet}" for team, sheet in drawn
            ),
        )
        return check


def _drawn_sheet(election: Election, team: int, sheet: int) -> SpotCheckSheet:
    """The sheet in the latest draw, locked."""
    check = latest_check(election)
    if check is None:
        raise ActionError("spot_check_not_drawn_yet", "sheet")
    found = (
        SpotCheckSheet.objects.select_for_update()
        .filter(spot_check=check, team=team, sheet=sheet)
        .first()
    )
    if found is None:
        raise ActionError("spot_check_sheet_not_drawn", "sheet", team=team, sheet=sheet)
    return found


def _same_paper(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return normalised(read_ballot(dict(a))) == normalised(read_ballot(dict(b)))


def check_spot_sheet(
    user: User, election_id: int, team: int, sheet: int, content: Mapping[str, Any]
) -> SpotCheckSheet:
    """A member records what the paper of a drawn sheet shows (typed as on the entry screen);
    the system compares it with the machine's record of that sheet."""
    election = _open_election(user, Permission.ENTER_BALLOTS, election_id)
    check_content(election, content)
    with write_transaction():
        _locked(election)
        found = _drawn_sheet(election, team, sheet)
        if found.paper is not None:
            raise ActionError("spot_check_sheet_checked", "sheet", team=team, sheet=sheet)
        machine = ScannedBallot.objects.select_related("entry").get(pk=found.scanned_id).entry
        assert machine is not None  # drawn only from scans the count holds
        found.paper = dict(content)
        found.differs = not _same_paper(content, machine.content)
        found.checked_by = user
        found.checked_at = timezone.now()
        found.save(update_fields=["paper", "differs", "checked_by", "checked_at"])
        record_event(
            user,
            "check_spot_sheet_differs" if found.differs else "check_spot_sheet",
            election.congress,
            election=election.pk,
            team=team,
            sheet=sheet,
        )
        return found


def settle_spot_difference(
    user: User, election_id: int, team: int, sheet: int, content: Mapping[str, Any]
) -> SpotCheckSheet:
    """The head records what the paper of a differing sheet shows: it becomes the head's
    ruling on that sheet (the count follows the paper), and the difference stays listed."""
    election = _open_election(user, Permission.SETTLE_DIFFERENCES, election_id)
    check_content(election, content)
    with write_transaction():
        _locked(election)
        found = _drawn_sheet(election, team, sheet)
        if not found.differs or found.settled is not None:
            raise ActionError("spot_check_no_difference", "sheet", team=team, sheet=sheet)
        found.settled = dict(content)
        found.settled_by = user
        found.settled_at = timezone.now()
        found.save(update_fields=["settled", "settled_by", "settled_at"])
        Resolution.objects.update_or_create(
            election=election,
            sheet=sheet,
            defaults={"chosen_team": None, "content": dict(content), "decided_by": user},
        )
        record_event(
            user,
            "settle_spot_difference",
            election.congress,
            election=election.pk,
            team=team,
            sheet=sheet,
            content=dict(content),
        )
        return found
