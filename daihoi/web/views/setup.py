"""The organiser's set-up screens: a new congress, a new election with its list, an appointment."""

from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from daihoi.access import Permission, require
from daihoi.actions.setup import create_congress, create_election, record_appointment
from daihoi.core.codes import Body
from daihoi.core.rulesets.model import SETTING_SPECS
from daihoi.core.rulesets.registry import DEFAULT_RULESET_ID, RULESETS
from daihoi.core.vi.formatting import MAX_CONGRESS_NUMBER
from daihoi.db.models import Congress
from daihoi.labels import BODIES, SETTINGS, setting_value_words, words
from daihoi.queries.people import delegates_by_name
from daihoi.web.values import MAX_DIGITS, BadValueError, record_id, whole_number
from daihoi.web.views._common import attempt, signed_in

#: more seats than any body has: a bound for the form, so a typing slip is refused in words
MOST_SEATS = 999
INVALID_INPUT = gettext_noop(
    "A number or a date in the form is not valid: numbers are whole, dates are chosen in the field."
)


def _settings_from(post: dict[str, str], ruleset_id: str) -> dict[str, object]:
    """Only the settings the organiser changed from the rule set's defaults (B4)."""
    defaults = RULESETS[ruleset_id].settings.as_dict()
    changed: dict[str, object] = {}
    for spec in SETTING_SPECS:
        raw = post.get(f"setting_{spec.name}")
        if raw is None or raw == "":
            continue
        default = defaults[spec.name]
        value: object
        if isinstance(default, bool):
            value = raw == "true"
        elif isinstance(default, int):
            value = whole_number(raw, 0, 10**MAX_DIGITS - 1, words(SETTINGS, spec.name))
        elif isinstance(default, float):
            value = _decimal(raw, words(SETTINGS, spec.name))
        else:
            value = raw
        if value != default:
            changed[spec.name] = value
    return changed


def _decimal(raw: str, what: str) -> float:
    """A fraction typed in a setting ("0.5"), or BadValueError: never nan, inf or 400 digits."""
    text = raw.strip().replace(",", ".")
    whole, _dot, fraction = text.partition(".")
    if not (whole + fraction).isdecimal() or not text.isascii() or len(text) > MAX_DIGITS + 2:
        raise BadValueError(
            _("“%(value)s” is not a valid %(what)s: type a number such as 0.5.")
            % {"value": raw, "what": what}
        )
    return float(text)


@require(Permission.MANAGE_CONGRESS)
def congress_new(request: HttpRequest) -> HttpResponse:
    ruleset_id = request.POST.get("ruleset_id", DEFAULT_RULESET_ID)
    if ruleset_id not in RULESETS:
        messages.error(request, _("Choose a rule set from the list."))
        ruleset_id = DEFAULT_RULESET_ID
    elif request.method == "POST":
        post = request.POST.dict()
        try:
            with attempt(request) as refused:
                congress = create_congress(
                    signed_in(request),
                    organisation=post.get("organisation", ""),
                    upper_organisation=post.get("upper_organisation", ""),
                    number=whole_number(
                        post.get("number"), 1, MAX_CONGRESS_NUMBER, _("congress number")
                    ),
                    term=post.get("term", ""),
                    place=post.get("place", ""),
                    starts_on=date.fromisoformat(post.get("starts_on", "")),
                    ends_on=date.fromisoformat(post.get("ends_on", "")),
                    meeting=post.get("meeting", ""),
                    ruleset_id=ruleset_id,
                    settings=_settings_from(post, ruleset_id),
                    elects_secretary_directly=post.get("elects_secretary_directly") == "on",
                    sessions=post.get("sessions", "").splitlines(),
                )
        except ValueError:  # a date the field did not take
            messages.error(request, _(INVALID_INPUT))
        else:
            if not refused:
                return redirect("congress", congress.pk)
    ruleset = RULESETS[ruleset_id]
    settings = [
        _setting_row(spec.name, spec.choices, getattr(ruleset.settings, spec.name))
        for spec in SETTING_SPECS
    ]
    return render(
        request,
        "web/congress_new.html",
        {
            "rulesets": RULESETS.values(),
            "settings": settings,
            "posted": request.POST,
            "default_sessions": "Phiên trù bị\nPhiên thứ nhất\nPhiên thứ hai\nBế mạc",
        },
    )


def _setting_row(name: str, choices: tuple[object, ...], default: object) -> dict[str, object]:
    """One setting as the form shows it: its name and choices in words, never its key."""
    return {
        "field": f"setting_{name}",
        "label": words(SETTINGS, name),
        "default": setting_value_words(name, default),
        "choices": [(str(c).lower(), setting_value_words(name, c)) for c in choices],
    }


@require(Permission.MANAGE_CONGRESS)
def election_new(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = get_object_or_404(Congress.objects.select_related("organisation"), pk=congress_id)
    if request.method == "POST":
        try:
            with attempt(request) as refused:
                election = create_election(
                    signed_in(request),
                    congress.pk,
                    body=request.POST.get("body", ""),
                    seats=whole_number(
                        request.POST.get("seats"), 1, MOST_SEATS, _("number of seats")
                    ),
                    alternate_seats=whole_number(
                        request.POST.get("alternate_seats") or "0",
                        0,
                        MOST_SEATS,
                        _("alternate seats"),
                    ),
                    entry_teams=whole_number(
                        request.POST.get("entry_teams") or "1", 1, 3, _("number of entry teams")
                    ),
                    delegate_ids=[
                        record_id(i, _("delegate")) for i in request.POST.getlist("delegates")
                    ],
                    list_approval=request.POST.get("list_approval", ""),
                )
        except ValueError:  # a number the field did not take
            messages.error(request, _(INVALID_INPUT))
        else:
            if not refused:
                return redirect("election", election.pk)
    delegates = delegates_by_name(congress)
    return render(
        request,
        "web/election_new.html",
        {
            "congress": congress,
            "delegates": delegates,
            "bodies": [(b.value, words(BODIES, b.value)) for b in Body],
        },
    )


@require(Permission.MANAGE_CONGRESS)
@require_POST
def election_appointed(request: HttpRequest, election_id: int) -> HttpResponse:
    with attempt(request):
        document = request.POST.get("document", "")
        record_appointment(signed_in(request), election_id, document)
    return redirect("election", election_id)
