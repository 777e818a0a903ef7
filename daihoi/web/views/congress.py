"""The congresses a person sees, a congress's page, its projector link, its audit log."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from daihoi.access import Permission, can, require
from daihoi.actions.projector import set_projector_link
from daihoi.actions.steps import switch_to_official
from daihoi.db.models import Congress, Delegate
from daihoi.queries.audit import audit_rows
from daihoi.queries.congresses import congresses_of
from daihoi.web.views._common import attempt, signed_in


@require(Permission.VIEW_CONGRESS)
def home(request: HttpRequest) -> HttpResponse:
    """The congresses this person holds a role in (all of them for the administrator)."""
    return render(
        request,
        "web/home.html",
        {
            "congresses": congresses_of(request.user),
            "can_manage": can(request.user, Permission.MANAGE_CONGRESS),
        },
    )


@require(Permission.VIEW_CONGRESS)
def congress(request: HttpRequest, congress_id: int) -> HttpResponse:
    c = get_object_or_404(Congress.objects.select_related("organisation"), pk=congress_id)
    projector_url = (
        request.build_absolute_uri(f"/man-chieu/{c.projector_token}/") if c.projector_token else ""
    )
    return render(
        request,
        "web/congress.html",
        {
            "congress": c,
            "elections": c.elections.all(),
            "officials": c.delegates.filter(standing=Delegate.Standing.OFFICIAL).count(),
            "alternates": c.delegates.filter(standing=Delegate.Standing.ALTERNATE).count(),
            "projector_url": projector_url,
            "can_manage": can(request.user, Permission.MANAGE_CONGRESS, c.pk),
            "can_check_in": can(request.user, Permission.CHECK_IN, c.pk),
            "can_view_attendance": can(request.user, Permission.VIEW_ATTENDANCE, c.pk),
        },
    )


@require(Permission.MANAGE_CONGRESS)
@require_POST
def projector_link(request: HttpRequest, congress_id: int) -> HttpResponse:
    """Make a new unguessable projector link, or revoke it."""
    c = get_object_or_404(Congress, pk=congress_id)
    with attempt(request):
        set_projector_link(signed_in(request), c, revoke=bool(request.POST.get("revoke")))
    return redirect("congress", congress_id)


@require(Permission.MANAGE_CONGRESS)
@require_POST
def congress_official(request: HttpRequest, congress_id: int) -> HttpResponse:
    with attempt(request):
        switch_to_official(signed_in(request), congress_id)
    return redirect("congress", congress_id)


@require(Permission.VIEW_AUDIT)
def audit(request: HttpRequest, congress_id: int) -> HttpResponse:
    c = get_object_or_404(Congress.objects.select_related("organisation"), pk=congress_id)
    return render(request, "web/audit.html", {"congress": c, "rows": audit_rows(c)})
