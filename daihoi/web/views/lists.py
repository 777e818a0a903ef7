"""The organiser records the congress's vote approving an election list (before any printing)."""

from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from daihoi.access import Permission, require
from daihoi.actions.list_approval import ListVote, record_list_approval
from daihoi.db.models import Election
from daihoi.web.values import BadValueError, whole_number
from daihoi.web.views._common import attempt, signed_in

#: more delegates than any congress holds: a bound for the form, not a rule
MOST_PRESENT = 100_000


def _vote_from(post: dict[str, str], election: Election) -> ListVote:
    """The vote's figures and day as typed; BadValueError names the field at fault."""
    present = whole_number(post.get("present"), 1, MOST_PRESENT, _("delegates present"))
    votes_for = whole_number(post.get("votes_for"), 0, present, _("votes in favour"))
    against = whole_number(post.get("against") or "0", 0, present, _("votes against"))
    try:
        held_on = date.fromisoformat(post.get("held_on") or "")
    except ValueError:
        raise BadValueError(_("Choose the day of the vote.")) from None
    return ListVote(votes_for, against, present, held_on)


@require(Permission.MANAGE_CONGRESS)
def list_approval(request: HttpRequest, election_id: int) -> HttpResponse:
    election = get_object_or_404(Election.objects.select_related("congress"), pk=election_id)
    if request.method == "POST":
        with attempt(request) as refused:
            vote = _vote_from(request.POST, election)
            record_list_approval(signed_in(request), election.pk, vote)
        if not refused:
            messages.success(request, _("The congress's approval of the list is recorded."))
            return redirect("election", election.pk)
    return render(
        request,
        "web/list_approval.html",
        {
            "congress": election.congress,
            "election": election,
            "posted": request.POST if request.method == "POST" else None,
            "default_day": election.congress.starts_on.isoformat(),
            "present": election.present,
            "candidates": list(election.candidates.all()),
        },
        status=400 if request.method == "POST" else 200,
    )
