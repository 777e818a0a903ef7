"""Views: each parses the request, calls an action or a query, renders. No business rule here."""

import secrets

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from daihoi.access import Permission, can, require
from daihoi.actions.audit import record_event
from daihoi.actions.ballot_papers import default_copies
from daihoi.actions.certify import certify_result, open_election
from daihoi.actions.entry import (
    ballot_codes,
    content_from_marks,
    content_from_numbers,
    record_entry,
    resolve_difference,
    typed_numbers,
    undo_last_entry,
)
from daihoi.actions.errors import ActionError
from daihoi.actions.steps import (
    FIGURES,
    acknowledge_warning,
    decide_next_step,
    pending_warnings,
    record_figures,
    switch_to_official,
)
from daihoi.core.codes import Meeting
from daihoi.core.counting import count_checked
from daihoi.core.election import Ballot, CrossOutBallot, MarksBallot
from daihoi.core.keying import row_width
from daihoi.core.threshold import ALLOWED_CATEGORIES
from daihoi.db.mappers import congress_info, numbered_candidates, settled
from daihoi.db.models import AuditEvent, Congress, Election, ScannedBallot
from daihoi.exports.minutes_docx import minutes_docx
from daihoi.exports.minutes_pdf import minutes_pdf
from daihoi.exports.minutes_text import minutes_text
from daihoi.exports.pdf_page import REHEARSAL_MARK
from daihoi.exports.results_xlsx import results_workbook
from daihoi.interchange.election_file import load_election
from daihoi.labels import (
    BASE_CATEGORIES,
    INVALID_REASONS,
    LIST_FINDINGS,
    SCAN_MARKS,
    WARNINGS,
    fill,
)
from daihoi.omr.layout import PAPERS
from daihoi.queries import get_election_view, get_projector_state
from daihoi.scan_queries import scans_for_minutes
from daihoi.web.attendance_views import base_breakdown
from daihoi.web.language import english, error_text


@require(Permission.VIEW_CONGRESS)
def home(request: HttpRequest) -> HttpResponse:
    """The congresses this installation holds."""
    congresses = Congress.objects.select_related("organisation").order_by("-starts_on")
    return render(request, "web/home.html", {"congresses": congresses})


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
            "projector_url": projector_url,
            "can_manage": can(request.user, Permission.MANAGE_CONGRESS),
            "can_check_in": can(request.user, Permission.CHECK_IN),
            "can_view_attendance": can(request.user, Permission.VIEW_ATTENDANCE),
        },
    )


@require(Permission.MANAGE_CONGRESS)
@require_POST
def projector_link(request: HttpRequest, congress_id: int) -> HttpResponse:
    """Make a new unguessable projector link, or revoke it."""
    c = get_object_or_404(Congress, pk=congress_id)
    c.projector_token = "" if request.POST.get("revoke") else secrets.token_urlsafe(24)
    c.save(update_fields=["projector_token"])
    revoked = bool(request.POST.get("revoke"))
    record_event(request.user, "projector_link", c, revoked=revoked)  # type: ignore[arg-type]
    return redirect("congress", congress_id)


@require(Permission.VIEW_CONGRESS)
def election(request: HttpRequest, election_id: int) -> HttpResponse:
    e = get_object_or_404(Election.objects.select_related("congress__organisation"), pk=election_id)
    return render(
        request,
        "web/election.html",
        {
            "congress": e.congress,
            "view": get_election_view(e),
            "can_enter": can(request.user, Permission.ENTER_BALLOTS),
            "can_certify": can(request.user, Permission.CERTIFY),
            "can_settle": can(request.user, Permission.SETTLE_DIFFERENCES),
            "can_manage": can(request.user, Permission.MANAGE_CONGRESS),
            "list_findings": [
                (f.severity.value, fill(LIST_FINDINGS[f.code][0], f.values))
                for f in get_election_view(e).list_findings
            ],
            "warnings": [(w.code, fill(WARNINGS[w.code][0], w.values)) for w in pending_warnings(e)]
            if e.state != Election.State.CERTIFIED
            else [],
            "categories": [
                (code, BASE_CATEGORIES[code][0], e.excluded_from_base.get(code, 0))
                for code in sorted(ALLOWED_CATEGORIES[Meeting(e.meeting)])
            ],
            "base": base_breakdown(e),
            "sessions": e.congress.sessions.all(),
            "can_print": can(request.user, Permission.PRINT_BALLOTS),
            "papers": list(PAPERS),
            "default_copies": default_copies(e),
            "scans_waiting": e.scans.filter(state=ScannedBallot.State.REVIEW).count(),
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
        reason = request.POST.get("reason", "")
        record_figures(request.user, election_id, figures, excluded, reason)  # type: ignore[arg-type]
    except ActionError as error:
        messages.error(request, error_text(error))
    except ValueError:
        messages.error(request, "Số liệu phải là số nguyên / figures must be whole numbers")
    return redirect("election", election_id)


@require(Permission.SETTLE_DIFFERENCES)
@require_POST
def election_acknowledge(request: HttpRequest, election_id: int) -> HttpResponse:
    try:
        acknowledge_warning(
            request.user,  # type: ignore[arg-type]  # signed in
            election_id,
            request.POST.get("code", ""),
            request.POST.get("explanation", ""),
        )
    except ActionError as error:
        messages.error(request, error_text(error))
    return redirect("election", election_id)


@require(Permission.MANAGE_CONGRESS)
@require_POST
def election_decide(request: HttpRequest, election_id: int) -> HttpResponse:
    """Record the congress's decision on a tie or unfilled seats; open the next election."""
    try:
        created = decide_next_step(
            request.user,  # type: ignore[arg-type]  # signed in
            election_id,
            hold=request.POST.get("hold") == "1",
            note=request.POST.get("note", ""),
        )
    except ActionError as error:
        messages.error(request, error_text(error))
        return redirect("election", election_id)
    return redirect("election", created.pk if created else election_id)


@require(Permission.MANAGE_CONGRESS)
@require_POST
def congress_official(request: HttpRequest, congress_id: int) -> HttpResponse:
    try:
        switch_to_official(request.user, congress_id)  # type: ignore[arg-type]  # signed in
    except ActionError as error:
        messages.error(request, error_text(error))
    return redirect("congress", congress_id)


@require(Permission.VIEW_CONGRESS)
def election_progress(request: HttpRequest, election_id: int) -> HttpResponse:
    """The entry progress fragment the election page refreshes every 2 s (htmx)."""
    e = get_object_or_404(Election.objects.select_related("congress"), pk=election_id)
    return render(
        request,
        "web/_progress.html",
        {
            "view": get_election_view(e),
            "can_settle": can(request.user, Permission.SETTLE_DIFFERENCES),
        },
    )


@require(Permission.MANAGE_CONGRESS)
@require_POST
def election_open(request: HttpRequest, election_id: int) -> HttpResponse:
    try:
        open_election(request.user, election_id)  # type: ignore[arg-type]  # signed in
    except ActionError as error:
        messages.error(request, error_text(error))
    return redirect("election", election_id)


@require(Permission.ENTER_BALLOTS)
def entry(request: HttpRequest, election_id: int) -> HttpResponse:
    """The counting board's keyboard-first entry screen: numbers, Enter, next ballot."""
    e = get_object_or_404(Election.objects.select_related("congress"), pk=election_id)
    team = int(request.GET.get("team") or request.POST.get("team") or 1)
    if request.method == "POST":
        try:
            if request.POST.get("undo"):
                sheet = undo_last_entry(request.user, e.pk, team)  # type: ignore[arg-type]
                messages.warning(request, f"↶ {sheet}")
            else:
                sheet = int(request.POST.get("sheet") or 0)
                numbered = numbered_candidates(e)
                codes = {n: str(c.id) for n, c in numbered.items()}
                invalid = request.POST.get("invalid") or ""
                if invalid:
                    content: dict[str, object] = {"invalid": invalid}
                elif len(codes) > e.seats:
                    struck = request.POST.get("mode", "struck") == "struck"
                    typed = request.POST.get("numbers", "")
                    numbers = typed_numbers(typed, len(codes), "numbers")
                    content = content_from_numbers(codes, numbers, struck=struck)
                else:  # agree/disagree rows: type the rows that are not a plain "agree"
                    disagree, blank, both = (
                        set(typed_numbers(request.POST.get(field, ""), len(codes), field))
                        for field in ("disagree", "blank", "both")
                    )
                    marks = {
                        n: "disagree"
                        if n in disagree
                        else "none"
                        if n in blank
                        else "both"
                        if n in both
                        else "agree"
                        for n in codes
                    }
                    unknown = (disagree | blank | both) - set(codes)
                    marks.update(dict.fromkeys(unknown, "none"))  # refused with the row number
                    content = content_from_marks(codes, marks)
                candidates = tuple(numbered[n] for n in sorted(numbered))
                record_entry(
                    request.user,  # type: ignore[arg-type]  # signed in
                    e.pk,
                    team,
                    sheet,
                    content,
                    candidates=candidates,
                    loaded=e,
                )
        except ActionError as error:
            messages.error(request, error_text(error))
            return render(request, "web/entry.html", _entry_context(e, team, request.POST))
        return redirect(f"{request.path}?team={team}")
    return render(request, "web/entry.html", _entry_context(e, team, None))


def _entry_context(e: Election, team: int, posted: object) -> dict[str, object]:
    entries = e.entries.filter(team=team)
    entered = set(entries.values_list("sheet", flat=True))
    waiting = e.scans.filter(team=team, state=ScannedBallot.State.REVIEW)
    taken = entered | set(waiting.values_list("sheet", flat=True))  # a scan in review holds one
    next_sheet = next((s for s in range(1, e.ballots_collected + 1) if s not in taken), None)
    last = entries.order_by("-entered_at", "-id").first()
    candidates = list(e.candidates.all())
    width = row_width(len(candidates))
    return {
        "congress": e.congress,
        "election": e,
        "team": team,
        "teams": range(1, e.entry_teams + 1),
        "candidates": candidates,
        "cross_out": len(candidates) > e.seats,
        "width": width,
        "packed_example": "".join(str(n).zfill(width) for n in (3, 7, 12)[: 2 + (width > 1)]),
        "entered": len(entered),
        "next_sheet": next_sheet,
        "last": last,
        "posted": posted,
    }


@require(Permission.SETTLE_DIFFERENCES)
def differences(request: HttpRequest, election_id: int) -> HttpResponse:
    e = get_object_or_404(Election.objects.select_related("congress"), pk=election_id)
    if request.method == "POST":
        try:
            sheet = int(request.POST["sheet"])
            if request.POST.get("team"):
                resolve_difference(
                    request.user,  # type: ignore[arg-type]  # signed in
                    e.pk,
                    sheet,
                    chosen_team=int(request.POST["team"]),
                )
            else:  # a third reading of the paper, typed by the head of the board
                codes = ballot_codes(e)
                numbers = typed_numbers(request.POST.get("numbers", ""), len(codes), "numbers")
                content = content_from_numbers(codes, numbers, struck=True)
                resolve_difference(
                    request.user,  # type: ignore[arg-type]  # signed in
                    e.pk,
                    sheet,
                    content=content,
                )
        except (ActionError, KeyError, ValueError) as error:
            text = error_text(error) if isinstance(error, ActionError) else str(error)
            messages.error(request, text)
        return redirect("differences", election_id)
    names = {c.code: f"{c.number}. {c.name}" for c in e.candidates.all()}
    scans = {
        (team, sheet): pk
        for pk, team, sheet in e.scans.exclude(state=ScannedBallot.State.REJECTED).values_list(
            "pk", "team", "sheet"
        )
    }
    rows = []
    for difference in settled(e)[1]:
        shown: dict[int, str | None] = {}
        for team, ballot in difference.entries.items():
            shown[team] = None if ballot is None else _ballot_words(ballot, names)
        scanned = {t: scans[(t, difference.sheet)] for t in shown if (t, difference.sheet) in scans}
        rows.append({"sheet": difference.sheet, "entries": shown, "scans": scanned})
    return render(
        request, "web/differences.html", {"congress": e.congress, "election": e, "rows": rows}
    )


def _ballot_words(ballot: Ballot, names: dict[str, str]) -> str:
    """A typed or scanned ballot as the board compares it with the paper."""
    lang = int(english())
    if isinstance(ballot, CrossOutBallot):
        return ", ".join(names[k] for k in ballot.kept) or "—"
    if isinstance(ballot, MarksBallot):
        return "; ".join(
            f"{names[k]}: {SCAN_MARKS.get(str(m), (m, m))[lang]}" for k, m in ballot.marks.items()
        )
    return INVALID_REASONS.get(str(ballot.reason), (ballot.reason, ballot.reason))[lang]


@require(Permission.CERTIFY)
@require_POST
def certify(request: HttpRequest, election_id: int) -> HttpResponse:
    try:
        certify_result(request.user, election_id)  # type: ignore[arg-type]  # signed in
    except ActionError as error:
        messages.error(request, error_text(error))
        return redirect("election", election_id)
    return redirect("result", election_id)


@require(Permission.VIEW_CONGRESS)
def result(request: HttpRequest, election_id: int) -> HttpResponse:
    e = get_object_or_404(Election.objects.select_related("congress__organisation"), pk=election_id)
    if e.state != Election.State.CERTIFIED:
        raise Http404
    document = e.result.document
    names = {c["id"]: c["name"] for c in document["candidates"]}
    return render(
        request,
        "web/result.html",
        {
            "congress": e.congress,
            "election": e,
            "document": document,
            "elected_names": [names[i] for i in document["elected"]],
            "sha256": e.result.sha256,
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
    """The minutes of a certified result, recounted from its frozen election file."""
    e = get_object_or_404(
        Election.objects.select_related("congress__organisation"),
        pk=election_id,
        state=Election.State.CERTIFIED,
    )
    parsed = load_election(e.result.election_file)
    outcome = count_checked(parsed.checked)
    rehearsal = e.congress.mode == Congress.Mode.REHEARSAL
    info = congress_info(e.congress)
    if kind in ("pdf", "docx"):
        render_document = minutes_pdf if kind == "pdf" else minutes_docx
        data = render_document(
            outcome,
            info,
            sha256=e.result.sha256,
            rehearsal=rehearsal,
            explanations=e.acknowledgements,
            derivation=parsed.derivation,
            scans=scans_for_minutes(e),
        )
        types = {
            "pdf": "application/pdf",
            "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        }
        response = HttpResponse(data, content_type=types[kind])
        response["Content-Disposition"] = (
            f'attachment; filename="bien-ban-kiem-phieu-{e.pk}.{kind}"'
        )
        return response
    if kind == "xlsx":
        title = f"{e.congress.organisation.name} — Đại hội lần thứ {e.congress.number}"
        if rehearsal:
            title = f"{REHEARSAL_MARK} — {title}"
        data = results_workbook(e.result.document, title=title, sha256=e.result.sha256, body=e.body)
        response = HttpResponse(
            data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="ket-qua-{e.pk}.xlsx"'
        return response
    if kind == "txt":
        text = minutes_text(outcome, info, parsed.derivation, scans_for_minutes(e))
        if rehearsal:
            text = f"{REHEARSAL_MARK}\n\n{text}"
        for code, explanation in e.acknowledgements.items():
            text += f"\nGiải trình [{code}]: {explanation}"
        text += f"\nDấu vân tay tệp bầu cử (SHA-256): {e.result.sha256}\n"
        return HttpResponse(text, content_type="text/plain; charset=utf-8")
    raise Http404


def projector(request: HttpRequest, token: str) -> HttpResponse:
    """The hall's screen, opened from the read-only link: no account, never logs out."""
    c = get_object_or_404(Congress.objects.select_related("organisation"), projector_token=token)
    if not token:
        raise Http404
    return render(request, "web/projector.html", {"congress": c, "token": token})


def projector_data(request: HttpRequest, token: str) -> JsonResponse:
    """What the projector shows now: the latest open election's progress, or a certified result."""
    if not token:
        raise Http404
    c = get_object_or_404(Congress, projector_token=token)
    current = c.elections.exclude(state=Election.State.SETUP).order_by("-pk").first()
    open_one = c.elections.filter(state=Election.State.OPEN).order_by("-pk").first()
    return JsonResponse(get_projector_state(open_one or current))


@require(Permission.VIEW_AUDIT)
def audit(request: HttpRequest, congress_id: int) -> HttpResponse:
    c = get_object_or_404(Congress, pk=congress_id)
    events = AuditEvent.objects.filter(congress=c).select_related("user").order_by("-id")[:500]
    return render(request, "web/audit.html", {"congress": c, "events": events})
