"""An election's page: its list, figures, warnings and progress, and the board's steps on it."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daihoi.access import Permission, can, require
from daihoi.actions.certify import open_election
from daihoi.actions.steps import FIGURES, acknowledge_warning, decide_next_step, record_figures
from daihoi.core.codes import Meeting
from daihoi.core.threshold import ALLOWED_CATEGORIES
from daihoi.db.models import Election, ScannedBallot
from daihoi.labels import BASE_CATEGORIES, LIST_FINDINGS, WARNINGS, words
from daihoi.omr.layout import PAPERS
from daihoi.queries.ballots import default_copies
from daihoi.queries.certification import (
    certification_check,
    explained_warnings,
    pending_warnings,
)
from daihoi.queries.elections import base_breakdown, get_election_view, next_step_words
from daihoi.queries.teams import tables_section, team_choices, team_of, team_rows
from daihoi.web.views._common import attempt, signed_in


@require(Permission.VIEW_CONGRESS)
def election(request: HttpRequest, election_id: int) -> HttpResponse:
    e = get_object_or_404(Election.objects.select_related("congress__organisation"), pk=election_id)
    view = get_election_view(e)  # settles the entries once for the whole page
    return render(
        request,
        "web/election.html",
        {
            "congress": e.congress,
            "view": view,
            "can_enter": can(request.user, Permission.ENTER_BALLOTS, e.congress_id),
            "my_team": team_of(signed_in(request), e),
            "team_numbers": team_choices(e),
            "team_assignments": team_rows(e)
            if can(request.user, Permission.SETTLE_DIFFERENCES, e.congress_id)
            else None,
            "count_tables": tables_section(e),
            "can_certify": can(request.user, Permission.CERTIFY, e.congress_id),
            "can_settle": can(request.user, Permission.SETTLE_DIFFERENCES, e.congress_id),
            "can_manage": can(request.user, Permission.MANAGE_CONGRESS, e.congress_id),
            "list_findings": [
                (f.severity.value, words(LIST_FINDINGS, f.code, f.values))
                for f in view.list_findings
            ],
            "warnings": [(w.code, words(WARNINGS, w.code, w.values)) for w in pending_warnings(e)]
            if e.state == Election.State.OPEN  # a setup election has issued no ballot yet
            else [],
            "categories": [
                (code, words(BASE_CATEGORIES, code), e.excluded_from_base.get(code, 0))
                for code in sorted(ALLOWED_CATEGORIES[Meeting(e.meeting)])
            ],
            "base": base_breakdown(e),
            "sessions": e.congress.sessions.all(),
            "can_print": can(request.user, Permission.PRINT_BALLOTS, e.congress_id),
            "papers": list(PAPERS),
            "default_copies": default_copies(e),
            "scans_waiting": e.scans.filter(state=ScannedBallot.State.REVIEW).count(),
            "acknowledged": explained_warnings(e),
            "next_step": next_step_words(e),
            "certification": certification_check(e)
            if e.state == Election.State.OPEN
            and can(request.user, Permission.CERTIFY, e.congress_id)
            else None,
        },
    )


@require(Permission.VIEW_CONGRESS)
def election_progress(request: HttpRequest, election_id: int) -> HttpResponse:
    """The entry progress fragment the election page refreshes every 2 s (htmx)."""
    e = get_object_or_404(Election.objects.select_related("congress"), pk=election_id)
    return render(
        request,
        "web/_progress.html",
        {
            "view": get_election_view(e),
            "can_settle": can(request.user, Permission.SETTLE_DIFFERENCES, e.congress_id),
        },
    )


@require(Permission.SETTLE_DIFFERENCES)
@require_POST
def election_figures(request: HttpRequest, election_id: int) -> HttpResponse:
    """The counting board records summoned, present, issued, collected and the deductions."""
    try:
        figures = {name: int(request.POST[name]) for name in FIGURES if request.POST.get(name)}
        excluded = {
            key.removeprefix("excluded_"): int(request.POST.get(key) or 0)
            for key in request.POST
            if key.startswith("excluded_")
        }
    except ValueError:
        messages.error(request, _("The figures must be whole numbers."))
        return redirect("election", election_id)
    with attempt(request):
        reason = request.POST.get("reason", "")
        record_figures(signed_in(request), election_id, figures, excluded, reason)
    return redirect("election", election_id)


@require(Permission.SETTLE_DIFFERENCES)
@require_POST
def election_acknowledge(request: HttpRequest, election_id: int) -> HttpResponse:
    with attempt(request) as refused:
        acknowledge_warning(
            signed_in(request),
            election_id,
            request.POST.get("code", ""),
            request.POST.get("explanation", ""),
        )
    if not refused:
        messages.success(request, _("The explanation is saved; it will be printed in the minutes."))
    return redirect("election", election_id)


@require(Permission.MANAGE_CONGRESS)
@require_POST
def election_decide(request: HttpRequest, election_id: int) -> HttpResponse:
    """Record the congress's decision on a tie or unfilled seats; open the next election."""
    created = None
    with attempt(request):
        created = decide_next_step(
            signed_in(request),
            election_id,
            hold=request.POST.get("hold") == "1",
            note=request.POST.get("note", ""),
        )
    return redirect("election", created.pk if created else election_id)


@require(Permission.MANAGE_CONGRESS)
@require_POST
def election_open(request: HttpRequest, election_id: int) -> HttpResponse:
    with attempt(request):
        open_election(signed_in(request), election_id)
    return redirect("election", election_id)
