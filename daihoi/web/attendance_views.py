"""The doors, the attendance board, absences and substitutions, badges, the base of a vote."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daihoi.access import Permission, can, require
from daihoi.actions.attendance import (
    apply_derived_base,
    check_in,
    record_absence,
    record_question,
    record_substitution,
    set_current_session,
    withdraw_absence,
)
from daihoi.core.codes import Meeting
from daihoi.core.credentials import credentials_report
from daihoi.core.threshold import derive_base
from daihoi.core.vi.collation import name_sort_key
from daihoi.core.vi.formatting import roman
from daihoi.db.mappers import congress_info, ruleset_of
from daihoi.db.models import Attendance, Congress, Delegate, Election, Session
from daihoi.documents.badges import LAYOUTS, Badge, badges_pdf
from daihoi.documents.credentials.docx import credentials_docx
from daihoi.documents.credentials.pdf import credentials_pdf
from daihoi.errors import ActionError
from daihoi.labels import BASE_CATEGORIES, DOOR_ANSWERS, words
from daihoi.queries.attendance import (
    attendance_board,
    delegation_of,
    derived_base,
    report_delegates,
    search_delegates,
    vote_session,
)
from daihoi.web.entry_form import BadValueError, record_id
from daihoi.web.language import error_text


def _congress(congress_id: int) -> Congress:
    return get_object_or_404(
        Congress.objects.select_related("organisation", "current_session"), pk=congress_id
    )


@require(Permission.CHECK_IN)
def checkin(request: HttpRequest, congress_id: int) -> HttpResponse:
    """A door: the badge's QR code from a camera or a handheld scanner, or a name search."""
    c = _congress(congress_id)
    return render(
        request,
        "web/checkin.html",
        {
            "congress": c,
            "session": c.current_session,
            "door": request.GET.get("cua", "1"),
            "words": _door_words(),
        },
    )


def _door_words() -> dict[str, str]:
    """The door script's words, in the page's language (it fills in names and reasons)."""
    return {
        "sending": _("sending…"),
        "waiting": _("waiting to be sent"),
        "failed": _("not sent yet"),
        "offline": _("Not sent yet: the network is down. The scans wait here, in order."),
        "retry": _("Send again"),
        "badge": _("Badge"),
        "camera_on": _("Scan with the camera"),
        "camera_off": _("Stop the camera"),
        "camera_error": _("The camera cannot open (it needs HTTPS or this computer)."),
        "absence": _("{name} was recorded absent for the whole congress ({reason}). Withdraw it?"),
        "withdraw": _("Withdraw the absence"),
        "keep": _("Keep it"),
        "withdrawn": _("Absence withdrawn."),
        "kept": _("Absence kept: tell the organisers."),
    }


@require(Permission.CHECK_IN)
@require_POST
def checkin_scan(request: HttpRequest, congress_id: int) -> JsonResponse:
    """Record one check-in; JSON for the door's script, which shows it and refocuses."""
    c = _congress(congress_id)
    delegate_id = request.POST.get("delegate")
    try:
        done = check_in(
            request.user,  # type: ignore[arg-type]  # signed in
            c,
            token=request.POST.get("token", ""),
            delegate_id=record_id(delegate_id, _("delegate")) if delegate_id else None,
            door=request.POST.get("door", ""),
        )
    except BadValueError as error:
        return JsonResponse({"ok": False, "message": str(error)}, status=400)
    except ActionError as error:
        return JsonResponse({"ok": False, "message": error_text(error)}, status=400)
    at = timezone.localtime(done.at).strftime("%H:%M:%S")
    d = done.delegate
    if done.new and not done.counted:
        message = words(DOOR_ANSWERS, "arrived_not_counted", {"name": d.full_name})
    elif done.new:
        seat = words(DOOR_ANSWERS, "seat", {"seat": d.seat}) if d.seat else ""
        message = f"✓ {d.full_name}{seat}"
    else:
        message = words(DOOR_ANSWERS, "already_checked_in", {"name": d.full_name, "at": at})
    note = words(DOOR_ANSWERS, done.note) if done.note else ""
    return JsonResponse(
        {
            "ok": True,
            "new": done.new,
            "name": d.full_name,
            "delegation": delegation_of(d),
            "seat": d.seat,
            "at": at,
            "session": done.session.name,
            "message": message,
            "note": note,
            "counted": done.counted,
            "delegate": d.pk,
            "absence": done.absence,
        }
    )


@require(Permission.CHECK_IN)
@require_POST
def checkin_withdraw_absence(request: HttpRequest, congress_id: int) -> JsonResponse:
    """The door asked, the person is here: withdraw the absence recorded for the congress."""
    c = _congress(congress_id)
    try:
        delegate_id = record_id(request.POST.get("delegate"), _("delegate"))
    except BadValueError as error:
        return JsonResponse({"ok": False, "message": str(error)}, status=400)
    withdrawn = withdraw_absence(request.user, c, delegate_id)  # type: ignore[arg-type]
    return JsonResponse({"ok": True, "withdrawn": withdrawn})


@require(Permission.CHECK_IN)
def checkin_search(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The door's name search (an htmx fragment): who matches, and who is already in."""
    c = _congress(congress_id)
    found = search_delegates(c, request.GET.get("q", ""))
    here: set[int] = set()
    if c.current_session is not None:
        here = set(
            Attendance.objects.filter(
                session=c.current_session, delegate__in=[d.pk for d in found]
            ).values_list("delegate_id", flat=True)
        )
    rows = [(d, delegation_of(d), d.pk in here) for d in found]
    return render(request, "web/_checkin_found.html", {"rows": rows})


@require(Permission.VIEW_ATTENDANCE)
def attendance(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The presidium's live board: present / summoned by delegation, warning below quorum."""
    c = _congress(congress_id)
    session_id = request.GET.get("phien")
    try:
        session = (
            get_object_or_404(Session, pk=record_id(session_id, _("session")), congress=c)
            if session_id
            else c.current_session
        )
    except BadValueError as error:
        messages.error(request, str(error))
        session = c.current_session
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
    c = _congress(congress_id)
    if request.method == "POST":
        user = request.user
        try:
            what = request.POST.get("what")
            post = request.POST
            if what == "session":
                session_id = record_id(post.get("session"), _("session"))
                set_current_session(user, c, session_id)  # type: ignore[arg-type]
            elif what == "absence":
                record_absence(
                    user,  # type: ignore[arg-type]
                    c,
                    record_id(post.get("delegate"), _("delegate")),
                    request.POST.get("reason", ""),
                    approved=bool(request.POST.get("approved")),
                )
            elif what == "substitution":
                record_substitution(
                    user,  # type: ignore[arg-type]
                    c,
                    record_id(post.get("official"), _("official delegate")),
                    record_id(post.get("alternate"), _("alternate delegate")),
                    request.POST.get("reason", ""),
                )
            elif what == "question":
                record_question(
                    user,  # type: ignore[arg-type]
                    c,
                    record_id(post.get("delegate"), _("delegate")),
                    request.POST.get("issue", ""),
                    request.POST.get("decision", ""),
                )
            messages.success(request, "✓")
        except ActionError as error:
            messages.error(request, error_text(error))
        except BadValueError as error:
            messages.error(request, str(error))
        except (Delegate.DoesNotExist, Session.DoesNotExist):
            messages.error(request, _("Choose a delegate or a session from the list."))
        return redirect("attendance_manage", congress_id)
    people = list(c.delegates.select_related("absence", "replaced_by__alternate"))
    people.sort(key=lambda d: name_sort_key(d.full_name))
    seen = set(Attendance.objects.filter(session__congress=c).values_list("delegate_id", flat=True))
    officials = [d for d in people if d.standing == Delegate.Standing.OFFICIAL]
    return render(
        request,
        "web/attendance_manage.html",
        {
            "congress": c,
            "sessions": c.sessions.all(),
            "never_seen": [d for d in officials if d.pk not in seen],
            "officials": officials,
            "alternates": [d for d in people if d.standing == Delegate.Standing.ALTERNATE],
            "absences": [d for d in people if hasattr(d, "absence")],
            "substitutions": [d for d in officials if hasattr(d, "replaced_by")],
            "questioned": [d for d in people if d.question_issue],
        },
    )


@require(Permission.MANAGE_CONGRESS)
def badges(request: HttpRequest, congress_id: int) -> HttpResponse:
    """Every delegate's badge as a PDF: `?kho=a4` (8 a page) or `?kho=card` (card size)."""
    c = _congress(congress_id)
    layout = request.GET.get("kho", "a4")
    if layout not in LAYOUTS:
        layout = "a4"
    people = sorted(c.delegates.all(), key=lambda d: name_sort_key(d.full_name))
    title = f"ĐẠI HỘI {c.organisation.name.upper()} LẦN THỨ {roman(c.number)}"
    pdf = badges_pdf(
        [
            Badge(
                d.full_name,
                delegation_of(d),
                d.seat,
                d.badge_token,
                alternate=d.standing == Delegate.Standing.ALTERNATE,
            )
            for d in people
        ],
        title,
        layout,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="the-dai-bieu-{layout}.pdf"'
    return response


@require(Permission.VIEW_ATTENDANCE)
def credentials(request: HttpRequest, congress_id: int, kind: str) -> HttpResponse:
    """The credentials report (báo cáo thẩm tra tư cách đại biểu) as PDF or DOCX, from the data."""
    c = _congress(congress_id)
    if kind not in ("pdf", "docx"):
        kind = "pdf"
    try:
        report = credentials_report(report_delegates(c), c.starts_on)
    except ValueError as error:  # a fact the register should not hold, named by the core
        messages.error(
            request, f"Danh sách đại biểu chưa hợp lệ / the register is not valid: {error}"
        )
        return redirect("attendance", congress_id)
    render_document = credentials_pdf if kind == "pdf" else credentials_docx
    body = render_document(report, congress_info(c), rehearsal=c.mode == c.Mode.REHEARSAL)
    content_type = (
        "application/pdf"
        if kind == "pdf"
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="tham-tra-tu-cach.{kind}"'
    return response


@require(Permission.SETTLE_DIFFERENCES)
@require_POST
def election_base(request: HttpRequest, election_id: int) -> HttpResponse:
    """Set the session of the vote and take summoned, deductions and present from attendance."""
    e = get_object_or_404(Election.objects.select_related("congress"), pk=election_id)
    try:
        text = request.POST.get("session")
        session_id = record_id(text, _("session")) if text else None
        apply_derived_base(request.user, e.pk, session_id)  # type: ignore[arg-type]
    except BadValueError as error:
        messages.error(request, str(error))
    except ActionError as error:
        messages.error(request, error_text(error))
    return redirect("election", election_id)


def base_breakdown(e: Election) -> dict[str, object]:
    """The derived base for the election page: figures, deductions with names, kept absentees."""
    derived, names = derived_base(e)
    electorate = derived.electorate
    deducted = [
        (str(k), words(BASE_CATEGORIES, str(k)), sorted(names[key] for key in keys))
        for k, keys in derived.deducted.items()
    ]
    kept = [
        (reason, sorted(names[key] for key in keys)) for reason, keys in derived.absent_kept.items()
    ]
    stored = {
        "summoned": e.summoned,
        "present": e.present,
        "excluded": {k: int(v) for k, v in e.excluded_from_base.items() if int(v)},
    }
    fresh = {
        "summoned": electorate.summoned,
        "present": electorate.present,
        "excluded": {str(k): n for k, n in electorate.excluded_from_base.items() if n},
    }
    return {
        "summoned": electorate.summoned,
        "present": electorate.present,
        # the rule set's reading of the deductions, as the count applies it (OPEN-4)
        "base": derive_base(Meeting(e.meeting), electorate, ruleset_of(e.congress).settings).value,
        "deducted": deducted,
        "kept": kept,
        "matches": stored == fresh,
        "session": vote_session(e),
        "corrections": e.base_derivation.get("corrections", []),
    }
