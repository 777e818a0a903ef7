"""The tamper warning: a certified result whose stored record does not hold is not shown."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from daihoi.db.models import Election
from daihoi.labels import INTEGRITY_FINDINGS, words
from daihoi.queries.integrity import Recount, recount


def checked_result(request: HttpRequest, election: Election) -> tuple[Recount, HttpResponse | None]:
    """The result recounted from its frozen file, and the warning page to answer instead when
    the recount, the file's SHA-256 or the certifying event does not match (None: show it)."""
    checked = recount(election.result)
    if checked.trustworthy:
        return checked, None
    page = render(
        request,
        "web/result_tampered.html",
        {
            "congress": election.congress,
            "election": election,
            "findings": [words(INTEGRITY_FINDINGS, f.code, f.values) for f in checked.findings],
        },
        status=409,
    )
    return checked, page
