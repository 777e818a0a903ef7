"""Views: each parses the request, calls an action or a query, renders. No business rule here."""

import secrets

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daihoi.access import Permission, can, member_congress_ids, require
from daihoi.actions.audit import record_event
from daihoi.actions.ballot_papers import default_copies
from daihoi.actions.certify import certify_result, open_election
from daihoi.actions.entry import (
    content_from_numbers,
    record_entry,
    resolve_difference,
    typed_numbers,
    undo_last_entry,
)
from daihoi.actions.steps import (
    FIGURES,
    acknowledge_warning,
    decide_next_step,
    record_figures,
    switch_to_official,
)
from daihoi.actions.teams import refuse_unless_on_team, team_of, team_rows
from daihoi.core.codes import Meeting
from daihoi.core.counting import count_checked
from daihoi.core.keying import row_width
from daihoi.core.threshold import ALLOWED_CATEGORIES
from daihoi.db.mappers import congress_info, numbered_candidates
from daihoi.db.models import Congress, Delegate, Election, ScannedBallot
from daihoi.documents.minutes.docx import minutes_docx
from daihoi.documents.minutes.pdf import minutes_pdf
from daihoi.documents.minutes.text import minutes_text
from daihoi.documents.workbook import results_workbook
from daihoi.errors import ActionError
from daihoi.interchange.election_file import load_election
from daihoi.labels import (
    BASE_CATEGORIES,
    LIST_FINDINGS,
    NEXT_ACTIONS,
    WARNINGS,
    next_step_code,
    words,
)
from daihoi.omr.layout import PAPERS
from daihoi.queries.audit import audit_rows
from daihoi.queries.certification import certification_check, pending_warnings
from daihoi.queries.elections import get_election_view
from daihoi.queries.entries import ballot_codes, settled
from daihoi.queries.scans import scans_for_minutes
from daihoi.web.attendance_views import base_breakdown
from daihoi.web.entry_form import (
    MAX_DIGITS,
    BadValueError,
    chosen_team,
    confirmation_token,
    posted_content,
    posted_sheet,
    verdict,
    whole_number,
)
from daihoi.web.integrity_views import checked_result
from daihoi.web.language import error_text
from daihoi.web.paper_view import differing_rows, readings


@require(Permission.VIEW_CONGRESS)
def home(request: HttpRequest) -> HttpResponse:
    """The congresses this person holds a role in (all of them for the administrator)."""
    congresses = Congress.objects.select_related("organisation").order_by("-starts_on")
    if (member_of := member_congress_ids(request.user)) is not None:
        congresses = congresses.filter(pk__in=member_of)
    return render(
        request,
        "web/home.html",
        {"congresses": congresses, "can_manage": can(request.user, Permission.MANAGE_CONGRESS)},
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
    c.projector_token = "" if request.POST.get("revoke") else secrets.token_urlsafe(24)
    c.save(update_fields=["projector_token"])
    revoked = bool(request.POST.get("revoke"))
    record_event(request.user, "projector_link", c, revoked=revoked)  # type: ignore[arg-type]
    return redirect("congress", congress_id)


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
            "my_team": team_of(request.user, e),  # type: ignore[arg-type]  # signed in
            "team_numbers": range(1, e.entry_teams + 1),
            "team_assignments": team_rows(e)
            if can(request.user, Permission.SETTLE_DIFFERENCES, e.congress_id)
            else None,
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
            "acknowledged": [
                (words(WARNINGS, code), text) for code, text in e.acknowledgements.items()
            ],
            "next_step": _next_step_words(e),
            "certification": certification_check(e)
            if e.state == Election.State.OPEN
            and can(request.user, Permission.CERTIFY, e.congress_id)
            else None,
        },
    )


def _next_step_words(e: Election) -> str:
    """What the congress must decide after a certified count, in words (no rule ids)."""
    if e.state != Election.State.CERTIFIED:
        return ""
    nxt = e.result.document.get("next") or {}
    code = next_step_code(str(nxt.get("action", "")), str(nxt.get("rule", "")), e.meeting)
    return words(NEXT_ACTIONS, code, nxt)


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
        messages.error(request, _("The figures must be whole numbers."))
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
            "can_settle": can(request.user, Permission.SETTLE_DIFFERENCES, e.congress_id),
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
    """The counting board's keyboard-first entry screen: numbers, Enter, next ballot.

    A ballot that will count as invalid is shown back with the question before it is saved;
    the clerk saves it with a second press (the same form, so it works without JavaScript).
    """
    e = get_object_or_404(Election.objects.select_related("congress"), pk=election_id)
    posted = request.POST if request.method == "POST" else None
    try:
        team = _own_team(request, e)
    except (BadValueError, ActionError) as error:  # refused in words, with no team to choose
        bad = isinstance(error, BadValueError)
        messages.error(request, str(error) if bad else error_text(error))  # type: ignore[arg-type]
        context = {**_entry_context(e, None, None), "teams": []}
        # on no team yet: told so (the head assigns); asking for another's team: refused
        refused = 400 if bad else 403 if error.code == "not_your_team" else 200  # type: ignore[union-attr]
        return render(request, "web/entry.html", context, status=refused)
    if posted is None:
        return render(request, "web/entry.html", _entry_context(e, team, None))
    try:
        if posted.get("undo"):
            return _undo(request, e, team)
        sheet = posted_sheet(e, posted.get("sheet"))
        numbered = numbered_candidates(e)
        candidates = tuple(numbered[n] for n in sorted(numbered))
        content = posted_content(posted, {n: str(c.id) for n, c in numbered.items()}, e.seats)
        found = verdict(e, content, candidates)
        asked = confirmation_token(found, content)
        if found.question() and posted.get("confirm_invalid") != asked:
            context = _entry_context(e, team, posted)
            context.update(question=found.question(), confirm_token=asked)
            return render(request, "web/entry.html", context)
        record_entry(
            request.user,  # type: ignore[arg-type]  # signed in
            e.pk,
            team,
            sheet,
            content,
            candidates=candidates,
            loaded=e,
        )
    except (BadValueError, ActionError) as error:
        bad = isinstance(error, BadValueError)
        messages.error(request, str(error) if bad else error_text(error))  # type: ignore[arg-type]
        context = _entry_context(e, team, posted)
        return render(request, "web/entry.html", context, status=400 if bad else 200)
    level = messages.success if found.reason is None else messages.warning
    level(
        request,
        _("Ballot %(sheet)s saved: %(verdict)s.") % {"sheet": sheet, "verdict": found.words()},
    )
    return redirect(f"{request.path}?team={team}")


def _own_team(request: HttpRequest, e: Election) -> int:
    """The team the clerk types for: the one the head assigned them (asking for another is
    refused); with a single team, that team."""
    asked_for = request.POST.get("team") if request.method == "POST" else request.GET.get("team")
    own = team_of(request.user, e)  # type: ignore[arg-type]  # signed in
    team = chosen_team(e, asked_for or (str(own) if own else None))
    if own is None or team != own:
        refuse_unless_on_team(request.user, e, team)  # type: ignore[arg-type]  # signed in
    return team


def _undo(request: HttpRequest, e: Election, team: int) -> HttpResponse:
    sheet = undo_last_entry(request.user, e.pk, team)  # type: ignore[arg-type]  # signed in
    messages.warning(request, _("Ballot %(sheet)s removed.") % {"sheet": sheet})
    return redirect(f"{request.path}?team={team}")


def _entry_context(e: Election, team: int | None, posted: object) -> dict[str, object]:
    """The entry page; `team` None when the one asked for does not exist (only the choice shows)."""
    entries = e.entries.filter(team=team or 0)
    entered = set(entries.values_list("sheet", flat=True))
    waiting = e.scans.filter(team=team or 0, state=ScannedBallot.State.REVIEW)
    taken = entered | set(waiting.values_list("sheet", flat=True))  # a scan in review holds one
    next_sheet = next((s for s in range(1, e.ballots_collected + 1) if s not in taken), None)
    last = entries.order_by("-entered_at", "-id").first()
    candidates = list(e.candidates.all())
    width = row_width(len(candidates))
    return {
        "congress": e.congress,
        "election": e,
        "team": team,
        "teams": [team] if team else range(1, e.entry_teams + 1),  # a clerk's own team only
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
    """The sheets the teams read differently, each team's reading drawn as the paper looks."""
    e = get_object_or_404(Election.objects.select_related("congress"), pk=election_id)
    if request.method == "POST":
        _settle(request, e)
        return redirect("differences", election_id)
    candidates = [(c.number, c.code, c.name) for c in e.candidates.all()]
    scans = {
        (team, sheet): pk
        for pk, team, sheet in e.scans.exclude(state=ScannedBallot.State.REJECTED).values_list(
            "pk", "team", "sheet"
        )
    }
    rows = []
    for difference in settled(e)[1]:
        found = readings(difference.entries, candidates)
        rows.append(
            {
                "sheet": difference.sheet,
                "readings": [(r, scans.get((r.team, difference.sheet))) for r in found],
                "differing": differing_rows(found),
            }
        )
    return render(
        request,
        "web/differences.html",
        {
            "congress": e.congress,
            "election": e,
            "rows": rows,
            "cross_out": len(candidates) > e.seats,
        },
    )


def _settle(request: HttpRequest, e: Election) -> None:
    """The head of the board chooses the entry that matches the paper, or types a third reading."""
    try:
        sheet = whole_number(request.POST.get("sheet"), 1, 10**MAX_DIGITS - 1, _("ballot number"))
        if request.POST.get("team"):
            team = whole_number(request.POST.get("team"), 1, e.entry_teams, _("entry team"))
            resolve_difference(
                request.user,  # type: ignore[arg-type]  # signed in
                e.pk,
                sheet,
                chosen_team=team,
            )
        else:  # a third reading of the paper, typed by the head of the board
            codes = ballot_codes(e)
            numbers = typed_numbers(request.POST.get("numbers", ""), len(codes), "numbers")
            resolve_difference(
                request.user,  # type: ignore[arg-type]  # signed in
                e.pk,
                sheet,
                content=content_from_numbers(codes, numbers, struck=True),
            )
    except ActionError as error:
        messages.error(request, error_text(error))
    except BadValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Ballot %(sheet)s settled.") % {"sheet": sheet})


@require(Permission.CERTIFY)
def certify(request: HttpRequest, election_id: int) -> HttpResponse:
    """The key figures the result will freeze, and the confirmation; or what is still missing."""
    e = get_object_or_404(Election.objects.select_related("congress"), pk=election_id)
    if request.method == "POST":
        try:
            certify_result(request.user, election_id)  # type: ignore[arg-type]  # signed in
        except ActionError as error:
            messages.error(request, error_text(error))
            return redirect("certify", election_id)
        return redirect("result", election_id)
    return render(
        request,
        "web/certify.html",
        {"congress": e.congress, "election": e, "check": certification_check(e)},
    )


@require(Permission.VIEW_CONGRESS)
def result(request: HttpRequest, election_id: int) -> HttpResponse:
    e = get_object_or_404(Election.objects.select_related("congress__organisation"), pk=election_id)
    if e.state != Election.State.CERTIFIED:
        raise Http404
    checked, refused = checked_result(request, e)  # recounted from the frozen file
    if refused is not None or checked.document is None:
        return refused or HttpResponse(status=409)
    document = checked.document
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
    if (refused := checked_result(request, e)[1]) is not None:
        return refused  # the record does not hold: no minutes, no workbook
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
        data = results_workbook(outcome, info, sha256=e.result.sha256, rehearsal=rehearsal)
        response = HttpResponse(
            data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="ket-qua-{e.pk}.xlsx"'
        return response
    if kind == "txt":
        text = minutes_text(
            outcome,
            info,
            parsed.derivation,
            scans_for_minutes(e),
            explanations=e.acknowledgements,
            sha256=e.result.sha256,
            rehearsal=rehearsal,
        )
        return HttpResponse(text, content_type="text/plain; charset=utf-8")
    raise Http404


@require(Permission.VIEW_AUDIT)
def audit(request: HttpRequest, congress_id: int) -> HttpResponse:
    c = get_object_or_404(Congress.objects.select_related("organisation"), pk=congress_id)
    return render(request, "web/audit.html", {"congress": c, "rows": audit_rows(c)})
