"""Opening an election for entry and certifying its result, which then is frozen."""

from collections.abc import Mapping
from typing import Any

from daihoi.access import Permission, ensure
from daihoi.actions.audit import User, record_event
from daihoi.actions.roles import refuse_organiser_certifier
from daihoi.actions.transactions import write_transaction
from daihoi.core.counting import count_checked
from daihoi.core.validation import ElectionInvalidError, admit
from daihoi.db.mappers import congress_info, core_election, ruleset_of
from daihoi.db.models import Election, Result
from daihoi.errors import ActionError
from daihoi.interchange.election_writer import canonical_json, election_document, fingerprint
from daihoi.interchange.result_file import result_document
from daihoi.labels import WARNINGS, problem_text, words
from daihoi.queries.certification import certification_blockers
from daihoi.queries.entries import settled


def open_election(user: User, election_id: int) -> Election:
    """From setup to entry: the list is fixed from here on."""
    with write_transaction():
        election = Election.objects.select_for_update().get(pk=election_id)
        ensure(user, Permission.MANAGE_CONGRESS, election.congress_id)
        if election.state == Election.State.CERTIFIED:
            raise ActionError("election_certified")
        if election.state == Election.State.APPOINTED:  # no ballot: it is never opened
            raise ActionError("election_appointed")
        election.state = Election.State.OPEN
        election.save(update_fields=["state"])
        record_event(user, "open_election", election.congress, election=election.pk)
        return election


def file_derivation(base_derivation: Mapping[str, Any]) -> dict[str, Any] | None:
    """What the election file says of how its electorate was obtained: no names, only the
    session and each correction with its reason (the names stay in the credentials report)."""
    derived = base_derivation.get("derived")
    if not derived:
        return None
    return {
        "source": "attendance",
        "session": derived.get("session", ""),
        "corrections": list(base_derivation.get("corrections", [])),
    }


def certify_result(user: User, election_id: int) -> Result:
    """Count the settled ballots with the core and freeze the result with its election file.

    Refused while any team has not entered every collected ballot or any difference is open.
    """
    with write_transaction():
        election = (
            Election.objects.select_for_update()
            .select_related("congress__organisation")
            .get(pk=election_id)
        )
        ensure(user, Permission.CERTIFY, election.congress_id)
        if election.state == Election.State.CERTIFIED:
            raise ActionError("election_certified")
        if election.state != Election.State.OPEN:
            raise ActionError("election_not_open")
        refuse_organiser_certifier(user, election.congress)
        for refusal in certification_blockers(election):
            raise refusal
        ballots, open_differences = settled(election)
        if open_differences:
            raise ActionError("differences_open", count=len(open_differences))
        congress = election.congress
        ruleset = ruleset_of(congress)
        core = core_election(election, [ballots[sheet] for sheet in sorted(ballots)])
        try:
            outcome = count_checked(admit(core, ruleset))
        except ElectionInvalidError as error:
            detail = "; ".join(
                f"{p.path}: {problem_text(p.code, p.values, 'vi')}" for p in error.problems
            )
            raise ActionError("election_invalid", detail=detail) from None
        missing = [w.code for w in outcome.warnings if w.code not in election.acknowledgements]
        if missing:
            named = "; ".join(  # each sentence without its full stop: the message ends with one
                words(WARNINGS, w.code, w.values, "vi").rstrip(".")
                for w in outcome.warnings
                if w.code in missing
            )
            raise ActionError("warnings_unacknowledged", codes=named)
        text = canonical_json(
            election_document(
                core,
                ruleset.id,
                congress.settings_overrides,
                congress_info(congress),
                file_derivation(election.base_derivation),
            )
        )
        result = Result.objects.create(
            election=election,
            election_file=text,
            sha256=fingerprint(text),
            document=result_document(outcome),
            certified_by=user,
        )
        election.state = Election.State.CERTIFIED
        election.save(update_fields=["state"])
        event = record_event(
            user,
            "certify_result",
            congress,
            election=election.pk,
            sha256=result.sha256,
            next=outcome.next.action.value,
        )
        result.audit_hash = event.hash
        result.save(update_fields=["audit_hash"])
        return result
