"""The counting board's figures and acknowledgements, the congress's next-step decisions, and the
switch from rehearsal to the official congress.

A decision a person takes (hold another round, re-vote among the tied, leave seats empty) is
recorded as data on the certified election; the next election is created from it, never by the
engine on its own (DEVELOPERS.md).
"""

from collections.abc import Mapping

from django.db import transaction

from daihoi.access import Permission, ensure
from daihoi.actions.attendance import refuse_closed
from daihoi.actions.audit import User, record_event
from daihoi.actions.candidates import NameOnList, put_on_list
from daihoi.actions.scan_records import forget_images
from daihoi.actions.transactions import write_transaction
from daihoi.core.codes import BaseCategory
from daihoi.core.vi.formatting import format_int
from daihoi.core.vi.text import nfc
from daihoi.db.mappers import core_election, ruleset_of
from daihoi.db.models import (
    BallotEntry,
    Congress,
    Election,
    Resolution,
    Result,
    ScanBatch,
    ScannedBallot,
)
from daihoi.db.spot_checks import SpotCheck
from daihoi.errors import ActionError

FIGURES = ("summoned", "present", "ballots_issued", "ballots_collected")
#: more people than any congress has: a larger figure is a typing slip (and overflows the column)
MAX_FIGURE = 999_999
MAX_FIGURE_TEXT = format_int(MAX_FIGURE)
_CATEGORIES = frozenset(str(c) for c in BaseCategory)


def record_figures(
    user: User,
    election_id: int,
    figures: Mapping[str, int],
    excluded: Mapping[str, int],
    reason: str = "",
) -> Election:
    """Summoned, present, issued, collected and the base's deductions, before or during entry.

    Once the base was derived from attendance, changing summoned, present or a deduction is a
    correction: it needs a written reason, kept with the derivation for the minutes.
    """
    reason = nfc(reason)
    with write_transaction():
        election = (
            Election.objects.select_for_update().select_related("congress").get(pk=election_id)
        )
        ensure(user, Permission.SETTLE_DIFFERENCES, election.congress_id)
        refuse_closed(election)
        entered = max(election.entries.values_list("sheet", flat=True), default=0)
        before = {
            "summoned": election.summoned,
            "present": election.present,
            **{k: int(v) for k, v in election.excluded_from_base.items()},
        }
        for name in FIGURES:
            value = figures.get(name, getattr(election, name))
            if value < 0:
                raise ActionError("figure_negative", name, figure=name)
            if value > MAX_FIGURE:
                raise ActionError("figure_too_large", name, figure=name, limit=MAX_FIGURE_TEXT)
            setattr(election, name, value)
        if election.ballots_collected < entered:
            raise ActionError(
                "collected_below_entered",
                "ballots_collected",
                collected=election.ballots_collected,
                entered=entered,
            )
        for category in excluded:
            if category not in _CATEGORIES:  # a correction names a known figure, or is refused
                raise ActionError("unknown_figure", "excluded", figure=category)
            if not 0 <= int(excluded[category]) <= MAX_FIGURE:
                raise ActionError(
                    "figure_too_large", "excluded", figure=category, limit=MAX_FIGURE_TEXT
                )
        new_excluded = {k: int(v) for k, v in excluded.items() if int(v)}
        corrections = _corrections(before, election, new_excluded)
        election.excluded_from_base = new_excluded
        if corrections and election.base_derivation.get("derived"):
            if not reason:
                figure = corrections[0]["figure"]
                raise ActionError("correction_reason_required", "reason", figure=figure)
            for correction in corrections:
                correction["reason"] = reason
            election.base_derivation = {
                **election.base_derivation,
                "corrections": [*election.base_derivation.get("corrections", []), *corrections],
            }
        problems = _frame_problems(election)
        if problems:
            raise ActionError("election_invalid", detail="; ".join(problems))
        election.acknowledgements = {}  # new figures: earlier explanations no longer apply
        election.save()
        record_event(
            user,
            "record_figures",
            election.congress,
            election=election.pk,
            figures={n: getattr(election, n) for n in FIGURES},
            excluded=election.excluded_from_base,
            reason=reason,
        )
        return election


def _corrections(
    before: Mapping[str, int | None], election: Election, excluded: Mapping[str, int]
) -> list[dict[str, object]]:
    """The base figures this change alters: summoned, present, each deduction (R14)."""
    after: dict[str, int | None] = {
        "summoned": election.summoned,
        "present": election.present,
        **excluded,
    }
    return [
        {"figure": name, "from": before.get(name, 0), "to": after.get(name, 0)}
        for name in dict.fromkeys([*before, *after])
        if (before.get(name) or 0) != (after.get(name) or 0)
    ]


def _frame_problems(election: Election) -> list[str]:
    from daihoi.core.validation import check_election
    from daihoi.labels import problem_text

    core = core_election(election, [])
    return [
        f"{p.path}: {problem_text(p.code, p.values, 'vi')}"
        for p in check_election(core, ruleset_of(election.congress))
    ]


def acknowledge_warning(user: User, election_id: int, code: str, explanation: str) -> None:
    """The counting board's written explanation of a warning; printed with the minutes."""
    explanation = nfc(explanation)
    if not explanation:
        raise ActionError("explanation_required", "explanation", warning=code)
    with write_transaction():
        election = (
            Election.objects.select_for_update().select_related("congress").get(pk=election_id)
        )
        ensure(user, Permission.SETTLE_DIFFERENCES, election.congress_id)
        refuse_closed(election)
        election.acknowledgements = {**election.acknowledgements, code: explanation}
        election.save(update_fields=["acknowledgements"])
        record_event(
            user,
            "acknowledge_warning",
            election.congress,
            election=election.pk,
            code=code,
            explanation=explanation,
        )


def decide_next_step(user: User, election_id: int, *, hold: bool, note: str) -> Election | None:
    """Record the congress's decision after a tie or unfilled seats; create the next election.

    Tie (R16): the re-vote among the tied for the seats concerned. Further round (R17, OPEN-6):
    the unelected candidates of this round for the seats still empty; the congress may also
    decide not to continue (the body stays under strength). Returns the new election, if any.
    """
    with write_transaction():
        election = (
            Election.objects.select_for_update().select_related("congress").get(pk=election_id)
        )
        ensure(user, Permission.MANAGE_CONGRESS, election.congress_id)
        if election.state != Election.State.CERTIFIED:
            raise ActionError("election_not_certified")
        if election.decision:
            raise ActionError("decision_already_recorded")
        nxt = election.result.document["next"]
        if nxt["action"] not in ("tie_revote", "further_round"):
            raise ActionError("no_decision_needed", action=nxt["action"])
        election.decision = {"action": nxt["action"], "hold": hold, "note": note.strip()}
        election.save(update_fields=["decision"])
        created = None
        if hold:
            created = _next_election(election, nxt)
        record_event(
            user,
            "decide_next_step",
            election.congress,
            election=election.pk,
            decision=election.decision,
            created=created.pk if created else None,
        )
        return created


def _next_election(election: Election, nxt: Mapping[str, object]) -> Election:
    tie = nxt["action"] == "tie_revote"
    elected = set(election.result.document["elected"]) | set(
        election.result.document["elected_alternates"]
    )
    among = set(nxt["among"]) if tie else None  # type: ignore[call-overload]
    candidates = [
        c
        for c in election.candidates.all()
        if (c.code in among if among is not None else c.code not in elected)
    ]
    created = Election.objects.create(
        congress=election.congress,
        body=election.body,
        meeting=election.meeting,
        round=election.round + 1,
        seats=int(nxt["seats"]) or int(nxt.get("alternate_seats") or 0),  # type: ignore[call-overload]
        alternate_seats=0 if tie else int(nxt.get("alternate_seats") or 0),  # type: ignore[call-overload]
        is_tie_revote=tie,
        previous=election,
        summoned=election.summoned,
        excluded_from_base=election.excluded_from_base,
        present=election.present,
        entry_teams=election.entry_teams,
    )
    # the names keep their codes (the files of both rounds name one person alike); the new
    # list is numbered in ballot order like any other (R7)
    put_on_list(
        created,
        [
            NameOnList(c.name, c.birth_date, c.gender, c.ethnicity, c.incumbent, c.delegate, c.code)
            for c in candidates
        ],
    )
    return created


def switch_to_official(user: User, congress_id: int) -> Congress:
    """End the rehearsal: every practice ballot, ruling and result is cleared (audit kept)."""
    with write_transaction():
        congress = Congress.objects.select_for_update().get(pk=congress_id)
        ensure(user, Permission.MANAGE_CONGRESS, congress.pk)
        if congress.mode == Congress.Mode.OFFICIAL:
            raise ActionError("already_official")
        elections = Election.objects.filter(congress=congress)
        scans = ScannedBallot.objects.filter(election__in=elections)
        images = [n for pair in scans.values_list("image", "back_image") for n in pair if n]
        # the practice scans' images go once the rehearsal's records are gone for good
        transaction.on_commit(lambda: forget_images(images))
        counts = {
            # the hand checks against paper first (their sheets name scans), then the scans:
            # each holds its entry (on_delete RESTRICT)
            "spot_checks": SpotCheck.objects.filter(election__in=elections).delete()[0],
            "scans": scans.delete()[0],
            "scan_batches": ScanBatch.objects.filter(election__in=elections).delete()[0],
            "entries": BallotEntry.objects.filter(election__in=elections).delete()[0],
            "resolutions": Resolution.objects.filter(election__in=elections).delete()[0],
            "results": Result.objects.filter(election__in=elections).delete()[0],
        }
        # Re-votes and further rounds created in rehearsal go too; the lists set up stay.
        Election.objects.filter(congress=congress, previous__isnull=False).delete()
        # an appointment is the upper level's decision, not practice: it stays
        elections.exclude(state=Election.State.APPOINTED).update(
            state=Election.State.SETUP, acknowledgements={}, decision={}
        )
        congress.mode = Congress.Mode.OFFICIAL
        congress.save(update_fields=["mode"])
        record_event(user, "switch_to_official", congress, cleared=counts)
        return congress
