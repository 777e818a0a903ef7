"""The organiser's members screen (who holds which role in the congress) and the head of the
counting board's entry teams: each change through an audited action, never the admin."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daihoi.access import Permission, Role, require
from daihoi.actions.roles import create_person, set_roles
from daihoi.actions.teams import assign_team
from daihoi.db.models import Congress, Election
from daihoi.labels import words
from daihoi.labels.audit import ROLE_NAMES
from daihoi.queries.people import member_rows, people_outside
from daihoi.web.values import whole_number
from daihoi.web.views._common import attempt, signed_in


def _person_id(text: str | None) -> int:
    return whole_number(text, 1, 2**31 - 1, _("member"))


@require(Permission.MANAGE_CONGRESS)
def members(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The congress's members and their roles; the organiser grants, withdraws, adds people."""
    congress = get_object_or_404(Congress.objects.select_related("organisation"), pk=congress_id)
    if request.method == "POST":
        post = request.POST
        with attempt(request):
            if post.get("username"):
                create_person(
                    signed_in(request),
                    congress.pk,
                    username=post.get("username", ""),
                    full_name=post.get("full_name", ""),
                    password=post.get("password", ""),
                    roles=post.getlist("roles"),
                    reason=post.get("reason", ""),
                )
            else:
                set_roles(
                    signed_in(request),
                    congress.pk,
                    _person_id(post.get("person")),
                    post.getlist("roles"),
                    post.get("reason", ""),
                )
        return redirect("members", congress_id)
    return render(
        request,
        "web/members.html",
        {
            "congress": congress,
            "rows": member_rows(congress),
            "roles": [(r.value, words(ROLE_NAMES, r.value)) for r in Role],
            "others": people_outside(congress),
        },
    )


@require(Permission.SETTLE_DIFFERENCES)
@require_POST
def election_teams(request: HttpRequest, election_id: int) -> HttpResponse:
    """The head of the counting board puts a clerk on one entry team (or takes them off)."""
    election = get_object_or_404(Election, pk=election_id)
    with attempt(request):
        team_text = request.POST.get("team") or ""
        team = (
            whole_number(team_text, 1, election.entry_teams, _("entry team")) if team_text else None
        )
        assign_team(signed_in(request), election.pk, _person_id(request.POST.get("person")), team)
    return redirect("election", election_id)
