"""The hall's screen (read-only link, no account) and the organiser's choice of what it shows."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daihoi.access import Permission, require
from daihoi.actions.projector import choose_projector_election
from daihoi.db.models import Congress
from daihoi.queries.projector import get_projector_state, projector_election
from daihoi.web.values import record_id
from daihoi.web.views._common import attempt, signed_in


def projector(request: HttpRequest, token: str) -> HttpResponse:
    """The hall's screen, opened from the read-only link: no account, never logs out."""
    if not token:
        raise Http404
    c = get_object_or_404(Congress.objects.select_related("organisation"), projector_token=token)
    return render(request, "web/projector.html", {"congress": c, "token": token, "words": _words()})


def _words() -> dict[str, str]:
    """The screen's words, in the page's language (the script only fills in the figures)."""
    return {
        "idle": _("No result to show yet."),
        "counted": _("ballots counted"),
        "elected": _("{n} elected"),
        "none_elected": _("Nobody elected"),
        "alternates": _("{n} elected as alternates"),
        "needed": _("elected with {votes} votes or more (base {base})"),
        "mark": _("elected"),
        "number": _("No."),
        "name": _("Full name"),
        "votes": _("Votes"),
        "percent": _("Share"),
        "page": _("Page {page} of {pages}"),
        "tampered": _(
            "This result does not match its frozen election file: it is not shown. "
            "Tell the counting board."
        ),
    }


def projector_data(request: HttpRequest, token: str) -> JsonResponse:
    """What the projector shows now (see `projector_election`): progress, or a certified result."""
    if not token:
        raise Http404
    c = get_object_or_404(Congress, projector_token=token)
    return JsonResponse(get_projector_state(projector_election(c)))


@require(Permission.MANAGE_CONGRESS)
@require_POST
def projector_choose(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The organiser chooses the election the screen shows, or the last certified result."""
    c = get_object_or_404(Congress, pk=congress_id)
    chosen = request.POST.get("election", "")
    with attempt(request) as refused:
        election = record_id(chosen, _("election")) if chosen else None
        choose_projector_election(signed_in(request), c, election)
    if not refused:
        messages.success(request, _("The hall's screen will show your choice."))
    return redirect("congress", congress_id)
