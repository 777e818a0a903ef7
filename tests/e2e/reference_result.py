"""The demo congress with the reference election (49 names, 41 seats) entered twice and certified.

The ballots are the reference file's 284; entering them through the browser, as the count journey
does for 20, would only repeat that test slowly, so they go in as each team's stored entries.
"""

from django.contrib.auth.models import User

from daihoi.actions.certify import certify_result
from daihoi.actions.demo import _reference_file, load_reference_congress
from daihoi.actions.steps import acknowledge_warning
from daihoi.db.models import BallotEntry, Congress, Election
from daihoi.queries.certification import pending_warnings


def certified_reference() -> tuple[Congress, Election]:
    congress, _ = load_reference_congress()
    election = congress.elections.get(body="executive_committee")
    head = User.objects.get(username="truongban")
    ballots = list(_reference_file()["ballots"])  # type: ignore[call-overload]
    clerks = {t: User.objects.get(username=f"kiemphieu{t}") for t in (1, 2)}  # two people
    BallotEntry.objects.bulk_create(
        BallotEntry(
            election=election, team=team, sheet=sheet, content=ballot, entered_by=clerks[team]
        )
        for team in range(1, election.entry_teams + 1)
        for sheet, ballot in enumerate(ballots, start=1)
    )
    for code in pending_warnings(election):
        acknowledge_warning(head, election.pk, code.code, "Một đại biểu không bỏ phiếu vào hòm.")
    certify_result(head, election.pk)
    election.refresh_from_db()
    return congress, election
