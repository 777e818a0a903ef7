"""The organiser's members screen (who holds which role in the congress) and the head of the
counting board's entry teams and count tables: each change through an audited action, never the
admin."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daihoi.access import Permission, Role, require
from daihoi.actions.roles import create_person, set_roles
from daihoi.actions.tables import define_tables, split_evenly
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
        with attempt(request) as refused:
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
        if not refused:
            done = (
                _("The account %(username)s is created.") % {"username": post["username"].strip()}
                if post.get("username")
                else _("The roles are saved.")
            )
            messages.success(request, done)
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
    with attempt(request) as refused:
        team_text = request.POST.get("team") or ""
        team = (
            whole_number(team_text, 1, election.entry_teams, _("entry team")) if team_text else None
        )
        assign_team(signed_in(request), election.pk, _person_id(request.POST.get("person")), team)
    if not refused:
        messages.success(request, _("The entry team assignment is saved."))
    return redirect("election", election_id)


@require(Permission.SETTLE_DIFFERENCES)
@require_POST
def election_tables(request: HttpRequest, election_id: int) -> HttpResponse:
    """The head of the counting board sets the count tables: the form's rows of `sheets`
    ("1-116", "1-50, 300-348") and `teams` ("1 2"), repeated in order; `remove` takes them all
    away (every team types every sheet again)."""
    election = get_object_or_404(Election, pk=election_id)
    post = request.POST
    rows = (
        []
        if post.get("remove")
        else list(zip(post.getlist("sheets"), post.getlist("teams"), strict=False))
    )
    with attempt(request) as refused:
        define_tables(signed_in(request), election.pk, rows)
    if not refused:
        messages.success(request, _("The count tables are saved."))
    return redirect(f"{reverse('election', args=[election_id])}#count-tables")


@require(Permission.SETTLE_DIFFERENCES)
@require_POST
def election_tables_split(request: HttpRequest, election_id: int) -> HttpResponse:
    """One click: the ballots collected split evenly into `tables` tables of `teams_per_table`
    entry teams each (editable afterwards)."""
    election = get_object_or_404(Election, pk=election_id)
    with attempt(request) as refused:
        tables = whole_number(request.POST.get("tables"), 1, 20, _("number of count tables"))
        per_table = whole_number(
            request.POST.get("teams_per_table") or "2", 2, 3, _("entry teams per table")
        )
        split_evenly(signed_in(request), election.pk, tables, per_table)
    if not refused:
        messages.success(request, _("The count tables are saved."))
    return redirect(f"{reverse('election', args=[election_id])}#count-tables")
