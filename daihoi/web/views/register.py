"""The delegate register: the list, the workbook template, upload with preview, confirmation."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daihoi.access import Permission, can, require
from daihoi.actions.register import (
    import_candidates,
    import_register,
    preview_candidates,
    preview_register,
)
from daihoi.db.models import Congress, Delegate, Election
from daihoi.imports.register import register_template
from daihoi.queries.people import delegates_by_name
from daihoi.web.views._common import attempt, signed_in

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def uploaded(request: HttpRequest) -> bytes | None:
    """The chosen workbook's bytes; None, with the person told, when no file was chosen."""
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("No file was chosen."))
        return None
    return bytes(upload.read())


@require(Permission.VIEW_CONGRESS)
def register(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = get_object_or_404(Congress.objects.select_related("organisation"), pk=congress_id)
    delegates = delegates_by_name(congress)
    return render(
        request,
        "web/register.html",
        {
            "congress": congress,
            "delegates": delegates,
            "officials": sum(d.standing == Delegate.Standing.OFFICIAL for d in delegates),
            "alternates": sum(d.standing == Delegate.Standing.ALTERNATE for d in delegates),
            "can_manage": can(request.user, Permission.MANAGE_CONGRESS, congress.pk),
        },
    )


@require(Permission.MANAGE_CONGRESS)
def register_template_download(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(register_template(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-danh-sach-dai-bieu.xlsx"'
    return response


@require(Permission.MANAGE_CONGRESS)
@require_POST
def register_upload(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = get_object_or_404(Congress.objects.select_related("organisation"), pk=congress_id)
    data = uploaded(request)
    if data is None:
        return redirect("register", congress_id)
    with attempt(request) as refused:
        preview = preview_register(congress, data)
    if refused:
        return redirect("register", congress_id)
    return render(request, "web/register_preview.html", {"congress": congress, "preview": preview})


@require(Permission.MANAGE_CONGRESS)
@require_POST
def register_confirm(request: HttpRequest, congress_id: int) -> HttpResponse:
    with attempt(request) as refused:
        count = import_register(signed_in(request), congress_id, request.POST.get("token", ""))
    if not refused:
        messages.success(request, f"+ {count}")
    return redirect("register", congress_id)


@require(Permission.MANAGE_CONGRESS)
@require_POST
def candidates_upload(request: HttpRequest, election_id: int) -> HttpResponse:
    """Preview a list for an election in set-up: every problem shown, nothing stored yet."""
    election = get_object_or_404(
        Election.objects.select_related("congress__organisation"), pk=election_id
    )
    data = uploaded(request)
    if data is None:
        return redirect("election", election_id)
    with attempt(request) as refused:
        preview = preview_candidates(election, data)
    if refused:
        return redirect("election", election_id)
    return render(
        request,
        "web/candidates_preview.html",
        {"congress": election.congress, "election": election, "preview": preview},
    )


@require(Permission.MANAGE_CONGRESS)
@require_POST
def candidates_confirm(request: HttpRequest, election_id: int) -> HttpResponse:
    with attempt(request) as refused:
        count = import_candidates(signed_in(request), election_id, request.POST.get("token", ""))
    if not refused:
        messages.success(request, f"{count}")
    return redirect("election", election_id)
