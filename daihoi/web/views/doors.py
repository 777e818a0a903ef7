"""The doors: a badge's QR code or a name search checks a delegate in to the current session."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daihoi.access import Permission, require
from daihoi.actions.attendance import check_in, withdraw_absence
from daihoi.labels import DOOR_ANSWERS, words
from daihoi.queries.attendance import delegation_of
from daihoi.queries.attendance_pages import door_search
from daihoi.web.values import record_id
from daihoi.web.views._common import attempt, congress_in_session, signed_in


@require(Permission.CHECK_IN)
def checkin(request: HttpRequest, congress_id: int) -> HttpResponse:
    """A door: the badge's QR code from a camera or a handheld scanner, or a name search."""
    c = congress_in_session(congress_id)
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
    c = congress_in_session(congress_id)
    delegate_id = request.POST.get("delegate")
    with attempt(request, tell=False) as refused:  # the door's script shows the refusal
        done = check_in(
            signed_in(request),
            c,
            token=request.POST.get("token", ""),
            delegate_id=record_id(delegate_id, _("delegate")) if delegate_id else None,
            door=request.POST.get("door", ""),
        )
    if refused:
        return JsonResponse({"ok": False, "message": refused.text}, status=400)
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
    c = congress_in_session(congress_id)
    with attempt(request, tell=False) as refused:
        delegate_id = record_id(request.POST.get("delegate"), _("delegate"))
    if refused:
        return JsonResponse({"ok": False, "message": refused.text}, status=400)
    withdrawn = withdraw_absence(signed_in(request), c, delegate_id)
    return JsonResponse({"ok": True, "withdrawn": withdrawn})


@require(Permission.CHECK_IN)
def checkin_search(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The door's name search (an htmx fragment): who matches, and who is already in."""
    c = congress_in_session(congress_id)
    rows = door_search(c, request.GET.get("q", ""))
    return render(request, "web/_checkin_found.html", {"rows": rows})
