"""The counting board's keyboard-first entry screen: numbers, Enter, next ballot."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from daihoi.access import Permission, require
from daihoi.actions.entry import record_entry, undo_last_entry
from daihoi.actions.teams import refuse_unless_on_team
from daihoi.db.models import Election
from daihoi.queries.entry_screen import ballot_rows, entry_screen
from daihoi.queries.teams import team_of
from daihoi.web.entry_form import (
    chosen_team,
    confirmation_token,
    posted_content,
    posted_sheet,
    verdict,
)
from daihoi.web.views._common import attempt, signed_in


@require(Permission.ENTER_BALLOTS)
def entry(request: HttpRequest, election_id: int) -> HttpResponse:
    """Type one ballot and save it.

    A ballot that will count as invalid is shown back with the question before it is saved;
    the clerk saves it with a second press (the same form, so it works without JavaScript).
    """
    e = get_object_or_404(Election.objects.select_related("congress"), pk=election_id)
    posted = request.POST if request.method == "POST" else None
    team = 0
    with attempt(request) as no_team:
        team = _own_team(request, e)
    if no_team:  # refused in words, with no team to choose
        context = {**entry_screen(e, None, None), "teams": []}
        # on no team yet: told so (the head assigns); asking for another's team: refused
        status = 400 if no_team.bad_value else 403 if no_team.code == "not_your_team" else 200
        return render(request, "web/entry.html", context, status=status)
    if posted is None:
        return render(request, "web/entry.html", entry_screen(e, team, None))
    with attempt(request) as refused:
        if posted.get("undo"):
            return _undo(request, e, team)
        sheet = posted_sheet(e, posted.get("sheet"))
        codes, candidates = ballot_rows(e)
        content = posted_content(posted, codes, e.seats)
        found = verdict(e, content, candidates)
        asked = confirmation_token(found, content)
        if found.question() and posted.get("confirm_invalid") != asked:
            context = entry_screen(e, team, posted)
            context.update(question=found.question(), confirm_token=asked)
            return render(request, "web/entry.html", context)
        record_entry(
            signed_in(request), e.pk, team, sheet, content, candidates=candidates, loaded=e
        )
    if refused:
        context = entry_screen(e, team, posted)
        return render(request, "web/entry.html", context, status=400 if refused.bad_value else 200)
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
    own = team_of(signed_in(request), e)
    team = chosen_team(e, asked_for or (str(own) if own else None))
    if own is None or team != own:
        refuse_unless_on_team(signed_in(request), e, team)
    return team


def _undo(request: HttpRequest, e: Election, team: int) -> HttpResponse:
    sheet = undo_last_entry(signed_in(request), e.pk, team)
    messages.warning(request, _("Ballot %(sheet)s removed.") % {"sheet": sheet})
    return redirect(f"{request.path}?team={team}")
