"""A certified result: its page, its frozen election file, its minutes and workbook.

Each is recounted from the frozen file first: a record that does not hold shows the tamper
warning instead (views.integrity), never figures.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from daihoi.access import Permission, require
from daihoi.db.models import Election
from daihoi.queries.certification import explained_warnings
from daihoi.queries.elections import next_step_citation, next_step_words
from daihoi.queries.results import elected_names, result_download
from daihoi.web.views.integrity import checked_result


@require(Permission.VIEW_CONGRESS)
def result(request: HttpRequest, election_id: int) -> HttpResponse:
    e = get_object_or_404(Election.objects.select_related("congress__organisation"), pk=election_id)
    if e.state != Election.State.CERTIFIED:
        raise Http404
    checked, refused = checked_result(request, e)  # recounted from the frozen file
    if refused is not None or checked.document is None:
        return refused or HttpResponse(status=409)
    return render(
        request,
        "web/result.html",
        {
            "congress": e.congress,
            "election": e,
            "document": checked.document,
            "elected_names": elected_names(checked.document),
            "sha256": e.result.sha256,
            "next_step": next_step_words(e),
            "next_step_citation": next_step_citation(e),
            "acknowledged": explained_warnings(e),
        },
    )


@require(Permission.VIEW_CONGRESS)
def election_file(request: HttpRequest, election_id: int) -> HttpResponse:
    e = get_object_or_404(Election, pk=election_id, state=Election.State.CERTIFIED)
    response = HttpResponse(e.result.election_file, content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="election-{e.pk}.json"'
    return response


@require(Permission.VIEW_CONGRESS)
def minutes(request: HttpRequest, election_id: int, kind: str) -> HttpResponse:
    """The minutes (pdf, docx, txt) or the workbook (xlsx) of a certified result."""
    e = get_object_or_404(
        Election.objects.select_related("congress__organisation"),
        pk=election_id,
        state=Election.State.CERTIFIED,
    )
    if (refused := checked_result(request, e)[1]) is not None:
        return refused  # the record does not hold: no minutes, no workbook
    download = result_download(e, kind)
    if download is None:
        raise Http404
    response = HttpResponse(download.data, content_type=download.content_type)
    if download.filename:
        response["Content-Disposition"] = f'attachment; filename="{download.filename}"'
    return response
