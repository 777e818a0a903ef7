"""The attendance board, absences and substitutions, badges, the credentials report, and the
base of a vote taken from attendance (the doors are in views.doors)."""

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daihoi.access import Permission, can, require
from daihoi.actions.attendance import (
    apply_derived_base,
    record_absence,
    record_question,
    record_substitution,
    set_current_session,
)
from daihoi.db.models import Congress, Delegate, Election, Session
from daihoi.queries.attendance import attendance_board
from daihoi.queries.attendance_pages import attendance_lists, congress_badges, credentials_document
from daihoi.web.values import record_id
from daihoi.web.views._common import attempt, congress_in_session, signed_in


@require(Permission.VIEW_ATTENDANCE)
def attendance(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The presidium's live board: present / summoned by delegation, warning below quorum."""
    c = congress_in_session(congress_id)
    session_id = request.GET.get("phien")
    session = c.current_session
    with attempt(request):
        if session_id:
            session = get_object_or_404(Session, pk=record_id(session_id, _("session")), congress=c)
    board = attendance_board(c, session)
    template = "web/_attendance_board.html" if request.headers.get("HX-Request") else None
    context = {
        "congress": c,
        "board": board,
        "sessions": c.sessions.all(),
        "can_manage": can(request.user, Permission.MANAGE_CONGRESS, c.pk),
    }
    return render(request, template or "web/attendance.html", context)


@require(Permission.MANAGE_CONGRESS)
def attendance_manage(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The organiser: the current session, absences with reasons, substitutions."""
    c = congress_in_session(congress_id)
    if request.method == "POST":
        user = signed_in(request)
        try:
            with attempt(request) as refused:
                _manage(request, user, c)
            if not refused:
                messages.success(request, "✓")
        except (Delegate.DoesNotExist, Session.DoesNotExist):
            messages.error(request, _("Choose a delegate or a session from the list."))
        return redirect("attendance_manage", congress_id)
    return render(
        request,
        "web/attendance_manage.html",
        {"congress": c, "sessions": c.sessions.all(), **attendance_lists(c)},
    )


def _manage(request: HttpRequest, user: User, c: Congress) -> None:
    """One change the organiser posted: the current session, an absence, a substitution, or a
    question on a delegate's standing."""
    post = request.POST
    what = post.get("what")
    if what == "session":
        set_current_session(user, c, record_id(post.get("session"), _("session")))
    elif what == "absence":
        record_absence(
            user,
            c,
            record_id(post.get("delegate"), _("delegate")),
            post.get("reason", ""),
            approved=bool(post.get("approved")),
        )
    elif what == "substitution":
        record_substitution(
            user,
            c,
            record_id(post.get("official"), _("official delegate")),
            record_id(post.get("alternate"), _("alternate delegate")),
            post.get("reason", ""),
        )
    elif what == "question":
        record_question(
            user,
            c,
            record_id(post.get("delegate"), _("delegate")),
            post.get("issue", ""),
            post.get("decision", ""),
        )


@require(Permission.MANAGE_CONGRESS)
def badges(request: HttpRequest, congress_id: int) -> HttpResponse:
    """Every delegate's badge as a PDF: `?kho=a4` (8 a page) or `?kho=card` (card size)."""
    pdf, layout = congress_badges(congress_in_session(congress_id), request.GET.get("kho", "a4"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="the-dai-bieu-{layout}.pdf"'
    return response


@require(Permission.VIEW_ATTENDANCE)
def credentials(request: HttpRequest, congress_id: int, kind: str) -> HttpResponse:
    """The credentials report (báo cáo thẩm tra tư cách đại biểu) as PDF or DOCX, from the data."""
    try:
        document = credentials_document(congress_in_session(congress_id), kind)
    except ValueError as error:  # a fact the register should not hold, named by the core
        messages.error(
            request, f"Danh sách đại biểu chưa hợp lệ / the register is not valid: {error}"
        )
        return redirect("attendance", congress_id)
    response = HttpResponse(document.data, content_type=document.content_type)
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    return response


@require(Permission.SETTLE_DIFFERENCES)
@require_POST
def election_base(request: HttpRequest, election_id: int) -> HttpResponse:
    """Set the session of the vote and take summoned, deductions and present from attendance."""
    e = get_object_or_404(Election.objects.select_related("congress"), pk=election_id)
    with attempt(request):
        text = request.POST.get("session")
        session_id = record_id(text, _("session")) if text else None
        apply_derived_base(signed_in(request), e.pk, session_id)
    return redirect("election", election_id)
