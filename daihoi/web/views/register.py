"""The delegate register: the list, the workbook template, upload with preview, confirmation.

The preview is where a misread workbook must be caught, before anything is stored: it shows
every field that will be stored in words (never codes), a summary per field, the columns not
used, the rows skipped, the problems, and for a date column whose day/month order is in doubt
both readings with a choice that reads the kept upload again.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daihoi.access import Permission, can, require
from daihoi.actions.register import (
    PLACEMENTS,
    CandidatePreview,
    Preview,
    import_candidates,
    import_register,
    preview_candidates,
    preview_register,
    repreview_candidates,
    repreview_register,
    set_name_spelling,
)
from daihoi.db.models import Congress, Delegate, Election
from daihoi.imports.reading import CANDIDATE_FIELDS, REGISTER_FIELDS, order_key
from daihoi.imports.register import register_template
from daihoi.labels import NAME_SPELLINGS, words
from daihoi.queries.import_preview import (
    FieldSummary,
    preview_report,
)
from daihoi.queries.people import delegates_by_name
from daihoi.web.views._common import attempt, signed_in

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: the day/month orders a date column may be read in
DATE_ORDERS = ("dmy", "mdy")


def _field_names() -> dict[str, str]:
    """Each stored field's name on the page (made per request: the person's language)."""
    return {
        "full_name": _("Full name"),
        "birth_date": _("Date of birth"),
        "gender": _("Gender"),
        "kind": _("Type of delegate"),
        "standing": _("Standing"),
        "delegation": _("Delegation"),
        "party_joined_on": _("Joined the Party"),
        "party_official_on": _("Full Party member"),
        "political_theory": _("Political theory"),
        "education": _("Education"),
        "position": _("Position"),
        "unit": _("Unit"),
        "ethnicity": _("Ethnicity"),
        "incumbent": _("Member of the outgoing committee"),
    }


def _code_words() -> dict[str, dict[str, str]]:
    """The register's codes in words, by field (core.codes: Gender, Origin, Standing)."""
    return {
        "gender": {"male": _("male"), "female": _("female")},
        "kind": {
            "ex_officio": _("ex officio delegate"),
            "elected": _("elected delegate"),
            "appointed": _("appointed delegate"),
        },
        "standing": {"official": _("official"), "alternate": _("alternate")},
        "incumbent": {"yes": _("yes"), "no": _("no")},
    }


@dataclass(frozen=True)
class ShownSummary:
    """A field's summary with its name and its values in words."""

    name: str
    filled: int
    empty: int
    values: list[tuple[str, int]]
    other_values: int
    earliest: date | None
    latest: date | None
    year_only: int


def _shown_summary(
    summary: FieldSummary, names: dict[str, str], codes: dict[str, dict[str, str]]
) -> ShownSummary:
    known = codes.get(summary.field, {})
    return ShownSummary(
        name=names.get(summary.field, summary.field),
        filled=summary.filled,
        empty=summary.empty,
        values=[(known.get(value, value), count) for value, count in summary.values],
        other_values=summary.other_values,
        earliest=summary.earliest,
        latest=summary.latest,
        year_only=summary.year_only,
    )


def _row_words(row: object, codes: dict[str, dict[str, str]]) -> dict[str, str]:
    """A row's codes in words; a code with no words shows as it is rather than vanishing."""
    shown = {}
    for field in ("gender", "kind", "standing"):
        code = str(getattr(row, field, "") or "")
        shown[field] = codes[field].get(code, code)
    shown["incumbent"] = codes["incumbent"]["yes" if getattr(row, "incumbent", False) else "no"]
    return shown


def preview_context(preview: Preview | CandidatePreview, fields: tuple[str, ...]) -> dict[str, Any]:
    """What both preview pages show beside the rows: the summaries, the report, the rows."""
    reading = getattr(preview, "reading", None)
    report = preview_report(preview.rows, preview.problems, reading, fields)
    names, codes = _field_names(), _code_words()
    return {
        "preview": preview,
        "report": report,
        "summaries": [_shown_summary(s, names, codes) for s in report.summaries],
        "rows": [(r, _row_words(r, codes)) for r in preview.shown_rows],
    }


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
            "spellings": [(code, words(NAME_SPELLINGS, code)) for code in PLACEMENTS],
        },
    )


@require(Permission.MANAGE_CONGRESS)
@require_POST
def register_spelling(request: HttpRequest, congress_id: int) -> HttpResponse:
    """Where names read from workbooks from now on carry the tone of oa/oe/uy."""
    with attempt(request):
        set_name_spelling(signed_in(request), congress_id, request.POST.get("placement", ""))
    return redirect("register", congress_id)


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
    return _register_preview_page(request, congress, preview)


def _register_preview_page(
    request: HttpRequest, congress: Congress, preview: Preview
) -> HttpResponse:
    return render(
        request,
        "web/register_preview.html",
        {"congress": congress, **preview_context(preview, REGISTER_FIELDS)},
    )


def _chosen_orders(request: HttpRequest) -> dict[str, str]:
    """The day/month order chosen for each date column of the preview's form, by its key."""
    sheets, columns = request.POST.getlist("sheet"), request.POST.getlist("column")
    orders: dict[str, str] = {}
    for index, (sheet, column) in enumerate(zip(sheets, columns, strict=False)):
        chosen = request.POST.get(f"order-{index}", "")
        if chosen in DATE_ORDERS:
            orders[order_key(sheet, column)] = chosen
    return orders


@require(Permission.MANAGE_CONGRESS)
@require_POST
def register_reread(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The kept upload read again with the day/month orders chosen on the preview."""
    congress = get_object_or_404(Congress.objects.select_related("organisation"), pk=congress_id)
    orders = _chosen_orders(request)
    with attempt(request) as refused:
        preview = repreview_register(congress, request.POST.get("token", ""), orders)
    if refused:
        return redirect("register", congress_id)
    return _register_preview_page(request, congress, preview)


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
    return _candidates_preview_page(request, election, preview)


@require(Permission.MANAGE_CONGRESS)
@require_POST
def candidates_reread(request: HttpRequest, election_id: int) -> HttpResponse:
    """The kept list read again with the day/month orders chosen on its preview."""
    election = get_object_or_404(
        Election.objects.select_related("congress__organisation"), pk=election_id
    )
    orders = _chosen_orders(request)
    with attempt(request) as refused:
        preview = repreview_candidates(election, request.POST.get("token", ""), orders)
    if refused:
        return redirect("election", election_id)
    return _candidates_preview_page(request, election, preview)


def _candidates_preview_page(
    request: HttpRequest, election: Election, preview: CandidatePreview
) -> HttpResponse:
    return render(
        request,
        "web/candidates_preview.html",
        {
            "congress": election.congress,
            "election": election,
            **preview_context(preview, CANDIDATE_FIELDS),
        },
    )


@require(Permission.MANAGE_CONGRESS)
@require_POST
def candidates_confirm(request: HttpRequest, election_id: int) -> HttpResponse:
    with attempt(request) as refused:
        count = import_candidates(signed_in(request), election_id, request.POST.get("token", ""))
    if not refused:
        messages.success(request, f"{count}")
    return redirect("election", election_id)
