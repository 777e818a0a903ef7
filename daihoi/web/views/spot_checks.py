"""The hand check of scanned ballots against paper (omr.md §5.4): the head draws the sheets from
a public seed, a member types what each paper shows, the head records the paper on a difference."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from daihoi.access import Permission, can, require
from daihoi.actions.spot_checks import check_spot_sheet, draw_spot_check, settle_spot_difference
from daihoi.db.models import Election
from daihoi.queries.entry_screen import ballot_rows
from daihoi.queries.spot_checks import get_spot_check
from daihoi.web.entry_form import posted_content
from daihoi.web.language import english
from daihoi.web.values import whole_number
from daihoi.web.views._common import attempt, signed_in


@require(Permission.ENTER_BALLOTS)
def spot_check(request: HttpRequest, election_id: int) -> HttpResponse:
    """The draw, the sheets to pull from the stack and what each paper showed; POST `do`:
    draw (`seed`), check or settle (`team`, `sheet` and the ballot typed as on entry)."""
    e = get_object_or_404(Election.objects.select_related("congress"), pk=election_id)
    posted = request.POST if request.method == "POST" else None
    status = 200
    if posted is not None:
        do = posted.get("do", "")
        user = signed_in(request)
        with attempt(request) as refused:
            if do == "draw":
                draw_spot_check(user, e.pk, posted.get("seed", ""))
            else:
                team = whole_number(posted.get("team"), 1, max(e.entry_teams, 1), _("entry team"))
                sheet = whole_number(
                    posted.get("sheet"), 1, max(e.ballots_collected, 1), _("ballot number")
                )
                content = posted_content(posted, ballot_rows(e)[0], e.seats)
                act = settle_spot_difference if do == "settle" else check_spot_sheet
                found = act(user, e.pk, team, sheet, content)
                if do != "settle" and found.differs:
                    messages.error(
                        request,
                        _(
                            "Ballot %(sheet)s: the paper differs from the machine's record. The "
                            "count stops until the head of the board records what the paper shows."
                        )
                        % {"sheet": sheet},
                    )
        if not refused:
            return redirect("spot_check", e.pk)
        status = 400 if refused.bad_value else 200
    view = get_spot_check(e, english=english())
    head = can(signed_in(request), Permission.SETTLE_DIFFERENCES, e.congress_id)
    return render(
        request,
        "web/spot_check.html",
        {"congress": e.congress, "election": e, "view": view, "head": head, "posted": posted},
        status=status,
    )
