"""The entry screen's form: what the clerk typed, read into a ballot, and what that ballot will be.

A ballot that will count as invalid is shown to the clerk before it is saved, classified by the
core as the count will classify it (core.ballots); the action checks it again when it stores it.
"""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from daihoi.actions.entry import content_from_marks, content_from_numbers, typed_numbers
from daihoi.core.ballots import ballot_layout, classify_ballot
from daihoi.core.election import Candidate, CrossOutBallot
from daihoi.core.validation import names_per_ballot
from daihoi.db.mappers import core_election
from daihoi.db.models import Election
from daihoi.interchange.election_file import ElectionFileError, read_ballot
from daihoi.labels import INVALID_REASONS
from daihoi.web.language import english
from daihoi.web.values import whole_number


def chosen_team(election: Election, text: str | None) -> int:
    """The entry team of the query or form: 1 when none is given."""
    return whole_number(text or "1", 1, election.entry_teams, _("entry team"))


def posted_sheet(election: Election, text: str | None) -> int:
    """The ballot number written on the back of the paper."""
    return whole_number(text, 1, max(election.ballots_collected, 1), _("ballot number"))


def posted_content(post: Mapping[str, str], codes: Mapping[int, str], seats: int) -> dict[str, Any]:
    """The ballot as the file holds it, from the fields the clerk typed."""
    invalid = post.get("invalid") or ""
    if invalid:
        return {"invalid": invalid}
    if len(codes) > seats:
        struck = post.get("mode", "struck") != "kept"
        numbers = typed_numbers(post.get("numbers", ""), len(codes), "numbers")
        return content_from_numbers(codes, numbers, struck=struck)
    # agree/disagree rows: the clerk types the rows that are not a plain "agree"
    disagree, blank, both = (
        set(typed_numbers(post.get(field, ""), len(codes), field))
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
    marks.update(dict.fromkeys((disagree | blank | both) - set(codes), "none"))
    return content_from_marks(codes, marks)


def typed_reading(codes: Mapping[int, str], text: str | None) -> dict[str, Any]:
    """The head of the board's own reading of a disputed paper: the numbers of the struck names."""
    numbers = typed_numbers(text or "", len(codes), "numbers")
    return content_from_numbers(codes, numbers, struck=True)


@dataclass(frozen=True)
class Verdict:
    """What a typed ballot will count as: `reason` None when valid, `kept` names left standing."""

    reason: str | None
    kept: int | None
    seats: int

    def words(self) -> str:
        """Valid, or invalid and why, as the clerk reads it on the screen."""
        if self.reason is None:
            if self.kept is None:
                return _("valid")
            return _("valid, %(kept)s of %(seats)s names kept") % {
                "kept": self.kept,
                "seats": self.seats,
            }
        label = INVALID_REASONS.get(self.reason, (self.reason, self.reason))[int(english())]
        return _("INVALID: %(why)s") % {"why": label[:1].lower() + label[1:]}

    def question(self) -> str:
        """The confirmation asked before an invalid ballot is saved."""
        why = {
            "more_names_than_seats": _(
                "too few names are struck (%(kept)s kept, at most %(seats)s may be)"
            ),
            "all_names_struck": _("every name is struck"),
            "single_candidate_both_or_no_box": _("both boxes or no box are marked"),
        }.get(self.reason or "", "")
        if not why:
            return ""
        return _("This ballot will be INVALID because %(why)s — save it?") % {
            "why": why % {"kept": self.kept, "seats": self.seats}
        }


def verdict(
    election: Election, content: Mapping[str, Any], candidates: tuple[Candidate, ...]
) -> Verdict:
    """Classify the typed ballot as the count will (core.ballots), before it is saved."""
    try:
        ballot = read_ballot(dict(content))
    except ElectionFileError:
        return Verdict(None, None, election.seats)  # record_entry refuses it with its words
    core = core_election(election, [ballot], candidates)
    per_ballot = names_per_ballot(core)
    layout = ballot_layout(len(candidates), per_ballot)
    reason = classify_ballot(ballot, layout, per_ballot, len(candidates))
    kept = len(ballot.kept) if isinstance(ballot, CrossOutBallot) else None
    return Verdict(None if reason is None else str(reason), kept, per_ballot)


def confirmation_token(found: Verdict, content: Mapping[str, Any]) -> str:
    """Names the ballot the clerk agreed to save as invalid: a changed ballot is asked again."""
    text = json.dumps([found.reason, content], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]
