"""Certifying a result: the key figures it will freeze and the confirmation, or what is missing."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from daihoi.access import Permission, require
from daihoi.actions.certify import certify_result
from daihoi.db.models import Election
from daihoi.queries.certification import certification_check, explained_warnings
from daihoi.web.views._common import attempt, signed_in


@require(Permission.CERTIFY)
def certify(request: HttpRequest, election_id: int) -> HttpResponse:
    e = get_object_or_404(Election.objects.select_related("congress"), pk=election_id)
    if request.method == "POST":
        with attempt(request) as refused:
            certify_result(signed_in(request), election_id)
        return redirect("certify" if refused else "result", election_id)
    return render(
        request,
        "web/certify.html",
        {
            "congress": e.congress,
            "election": e,
            "check": certification_check(e),
            "acknowledged": explained_warnings(e),
        },
    )
