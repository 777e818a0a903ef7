"""The sheets the teams read differently, and the head of the board's settlement of each."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from daihoi.access import Permission, require
from daihoi.actions.entry import resolve_difference
from daihoi.db.models import Election
from daihoi.queries.differences import differences_screen
from daihoi.queries.entries import ballot_codes
from daihoi.web.entry_form import typed_reading
from daihoi.web.values import MAX_DIGITS, whole_number
from daihoi.web.views._common import attempt, signed_in


@require(Permission.SETTLE_DIFFERENCES)
def differences(request: HttpRequest, election_id: int) -> HttpResponse:
    """Each team's reading of a differing sheet, drawn as the paper looks."""
    e = get_object_or_404(Election.objects.select_related("congress"), pk=election_id)
    if request.method == "POST":
        _settle(request, e)
        return redirect("differences", election_id)
    return render(request, "web/differences.html", differences_screen(e))


def _settle(request: HttpRequest, e: Election) -> None:
    """The head of the board chooses the entry that matches the paper, or types a third reading."""
    with attempt(request) as refused:
        sheet = whole_number(request.POST.get("sheet"), 1, 10**MAX_DIGITS - 1, _("ballot number"))
        if request.POST.get("team"):
            team = whole_number(request.POST.get("team"), 1, e.entry_teams, _("entry team"))
            resolve_difference(signed_in(request), e.pk, sheet, chosen_team=team)
        else:  # a third reading of the paper, typed by the head of the board
            content = typed_reading(ballot_codes(e), request.POST.get("numbers"))
            resolve_difference(signed_in(request), e.pk, sheet, content=content)
    if not refused:
        messages.success(request, _("Ballot %(sheet)s settled.") % {"sheet": sheet})
