"""Paper ballots: print them, upload the scans, and the counting board's review of the doubtful."""

from uuid import UUID

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from daihoi.access import Permission, require
from daihoi.actions.adjudication import adjudicate, confirm_decision, return_decision
from daihoi.actions.ballot_papers import print_ballots
from daihoi.actions.scanning import scan_files
from daihoi.db.models import Election, ScannedBallot
from daihoi.queries.ballots import default_copies
from daihoi.queries.scans import (
    get_image,
    get_overlay,
    get_review,
    get_row_crop,
    get_scan_summary,
    mixed_ink_of,
    next_waiting,
)
from daihoi.queries.teams import team_of
from daihoi.web.language import english
from daihoi.web.views._common import attempt, signed_in

IMAGE_TYPES = ".jpg,.jpeg,.png,.tif,.tiff,.pdf,image/jpeg,image/png,image/tiff,application/pdf"


def _election(election_id: int) -> Election:
    return get_object_or_404(
        Election.objects.select_related("congress__organisation"), pk=election_id
    )


def _scanned(scanned_id: UUID) -> ScannedBallot:
    return get_object_or_404(
        ScannedBallot.objects.select_related("election__congress"), pk=scanned_id
    )


@require(Permission.PRINT_BALLOTS)
def ballot_papers(request: HttpRequest, election_id: int) -> HttpResponse:
    """The ballots as one PDF: `paper` A4 or A5, `copies` (default: summoned + 5 %, ≥ 5).

    Printing is audited, so it is a POST: a GET never writes (a GET goes to the election)."""
    e = _election(election_id)
    if request.method != "POST":
        return redirect("election", election_id)
    paper = request.POST.get("paper", "A4")
    try:
        copies = int(request.POST.get("copies") or default_copies(e))
    except ValueError:
        messages.error(request, _("The number of copies must be a whole number."))
        return redirect("election", election_id)
    with attempt(request) as refused:
        data = print_ballots(signed_in(request), e.pk, paper, copies)
    if refused:
        return redirect("election", election_id)
    response = HttpResponse(data, content_type="application/pdf")
    name = f"phieu-bau-{e.pk}-{paper}-{copies}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require(Permission.ENTER_BALLOTS)
def scan_upload(request: HttpRequest, election_id: int) -> HttpResponse:
    """Upload scanned ballots for one entry team; the report names each file and page."""
    e = _election(election_id)
    own = team_of(signed_in(request), e)  # a clerk scans for their own team: offered alone
    chosen = request.POST.get("team") or request.GET.get("team") or str(own or 1)
    team = int(chosen) if chosen.isdigit() else 0  # refused by the action, in words
    report = None
    if request.method == "POST":
        uploads = request.FILES.getlist("files")
        with attempt(request):
            report = scan_files(
                signed_in(request),
                e.pk,
                team,
                [(upload.name or "", upload.read()) for upload in uploads],
            )
    lang = "en" if english() else "vi"
    return render(
        request,
        "web/scan_upload.html",
        {
            "congress": e.congress,
            "election": e,
            "team": team,
            "teams": [own] if own else range(1, e.entry_teams + 1),
            "accept": IMAGE_TYPES,
            "report": report,
            "items": [
                (item, item.message(lang) if item.outcome == "rejected" else "")
                for item in (report.items if report else ())
            ],
            "mixed": mixed_ink_of(item.scanned_id for item in (report.items if report else ())),
            "summary": get_scan_summary(e, english=english()),
        },
    )


@require(Permission.ENTER_BALLOTS)
def scan_queue(request: HttpRequest, election_id: int) -> HttpResponse:
    """The ballots waiting for the counting board, and what the scans came to so far."""
    e = _election(election_id)
    return render(
        request,
        "web/scan_queue.html",
        {"congress": e.congress, "election": e, "summary": get_scan_summary(e, english=english())},
    )


def _rows_posted(request: HttpRequest) -> dict[int, str]:
    rows = {}
    for key in request.POST:
        value = request.POST.get(key, "")
        if key.startswith("row_") and key[4:].isdigit() and value:
            rows[int(key[4:])] = value
    return rows


@require(Permission.ENTER_BALLOTS)
@never_cache
def scan_review(request: HttpRequest, scanned_id: UUID) -> HttpResponse:
    """One scanned ballot: the scan with each row's decision drawn, the doubtful rows with a
    crop each and their marks to choose, and the ruling on a ballot-level doubt. One member
    proposes (`do` absent); another confirms (`do=confirm`) or sends it back (`do=return`)."""
    scanned = _scanned(scanned_id)
    e = scanned.election
    chosen: dict[int, str] = {}
    if request.method == "POST":
        do = request.POST.get("do", "propose")
        with attempt(request) as refused:
            if do == "confirm":
                confirm_decision(signed_in(request), scanned.pk)
            elif do == "return":
                return_decision(signed_in(request), scanned.pk, request.POST.get("reason", ""))
            else:
                adjudicate(
                    signed_in(request),
                    scanned.pk,
                    _rows_posted(request),
                    request.POST.get("ruling") or None,
                )
        if refused:
            chosen = _rows_posted(request)
        else:
            done = {
                "confirm": _("Ballot %(sheet)s confirmed by a second member and entered."),
                "return": _("Ballot %(sheet)s sent back to review."),
            }.get(do, _("Ballot %(sheet)s proposed: another member of the board confirms it."))
            messages.success(request, done % {"sheet": scanned.sheet})
            if do == "return":  # back in review: a new proposal is made on the same paper
                return redirect("scan_review", scanned.pk)
            # the author of a proposal goes on to the next ballot to propose; a confirming
            # member to the next proposal to confirm, then to those without one
            following = next_waiting(e, proposed=do == "confirm", besides=scanned.pk)
            if following is None and do == "confirm":
                following = next_waiting(e, proposed=False, besides=scanned.pk)
            if following is not None:
                return redirect("scan_review", following.pk)
            return redirect("scan_queue", e.pk)
        scanned.refresh_from_db()
    return render(
        request,
        "web/scan_review.html",
        {
            "congress": e.congress,
            "election": e,
            "view": get_review(scanned, english=english(), chosen=chosen),
            "me": signed_in(request).pk,
        },
    )


def _private(response: HttpResponse) -> HttpResponse:
    """Ballot images are sensitive (omr.md §5.4): never kept by a browser or a proxy."""
    response["Cache-Control"] = "no-store, private"
    return response


@require(Permission.ENTER_BALLOTS)
def scan_image(request: HttpRequest, scanned_id: UUID) -> HttpResponse:
    """The side `trang` (1 or 2) with each row outlined in its decision's colour and numbered;
    a rejected page as it was scanned."""
    scanned = _scanned(scanned_id)
    try:
        if scanned.state == ScannedBallot.State.REJECTED:
            data, content_type = get_image(scanned)
            return _private(HttpResponse(data, content_type=content_type))
        page = int(request.GET.get("trang") or 1)
        return _private(HttpResponse(get_overlay(scanned, page), content_type="image/jpeg"))
    except (LookupError, OSError, ValueError):
        raise Http404 from None


@require(Permission.ENTER_BALLOTS)
def scan_row(request: HttpRequest, scanned_id: UUID, number: int) -> HttpResponse:
    """The scan's own pixels around row `number`, larger, for the board to judge."""
    scanned = _scanned(scanned_id)
    try:
        return _private(HttpResponse(get_row_crop(scanned, number), content_type="image/png"))
    except (LookupError, OSError, ValueError):
        raise Http404 from None
