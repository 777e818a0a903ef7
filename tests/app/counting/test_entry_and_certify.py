"""Ballot entry, repeated entry and certification on a real database (SQLite or PostgreSQL)."""

import pytest
from django.contrib.auth.models import User

from daihoi.actions.certify import certify_result
from daihoi.actions.entry import (
    content_from_numbers,
    record_entry,
    resolve_difference,
    undo_last_entry,
)
from daihoi.actions.steps import (
    acknowledge_warning,
    decide_next_step,
    record_figures,
    switch_to_official,
)
from daihoi.db.models import AuditEvent, BallotEntry, Election, Result
from daihoi.errors import ActionError
from daihoi.interchange.election_file import load_election
from daihoi.interchange.election_writer import fingerprint
from daihoi.queries.entries import ballot_codes
from tests.app.members import typists


def enter_all(election: Election, clerk: User, team: int = 1, odd: int | None = None) -> None:
    """9 ballots: 6 keep An+Bình, 3 keep Bình+Cường; sheet `odd` keeps An alone instead."""
    for sheet in range(1, 10):
        struck = [3] if sheet <= 6 else [1]
        if sheet == odd:
            struck = [2, 3]
        content = content_from_numbers(ballot_codes(election), struck, struck=True)
        record_entry(clerk, election.pk, team, sheet, content)


def test_entry_then_certify_freezes_the_result(election: Election, clerk: User) -> None:
    enter_all(election, clerk)
    result = certify_result(clerk, election.pk)
    assert result.document["base"] == 9
    assert result.document["elected"] == ["c2", "c1"]
    assert result.sha256 == fingerprint(result.election_file)
    recount = load_election(result.election_file)
    assert recount.election.ballots_collected == 9
    election.refresh_from_db()
    assert election.state == Election.State.CERTIFIED
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert actions.count("record_entry") == 9
    assert actions[-1] == "certify_result"


def test_second_certification_and_entry_after_it_are_refused(
    election: Election, clerk: User
) -> None:
    enter_all(election, clerk)
    certify_result(clerk, election.pk)
    with pytest.raises(ActionError) as caught:
        certify_result(clerk, election.pk)
    assert caught.value.code == "election_certified"
    with pytest.raises(ActionError) as caught:
        record_entry(clerk, election.pk, 1, 1, {"kept": ["c1"]})
    assert caught.value.code == "election_certified"
    assert "chứng nhận" in caught.value.message_vi


def test_bad_entries_change_nothing(election: Election, clerk: User) -> None:
    record_entry(clerk, election.pk, 1, 1, {"kept": ["c1", "c2"]})
    cases = [
        ((1, 1, {"kept": ["c1"]}), "sheet_already_entered"),  # a stale form submitted twice
        ((1, 10, {"kept": ["c1"]}), "sheet_out_of_range"),
        ((2, 2, {"kept": ["c1"]}), "team_out_of_range"),
        ((1, 2, {"kept": ["c9"]}), "ballot_malformed"),
        ((1, 2, {"marks": {"c1": "agree"}}), "ballot_malformed"),
    ]
    for (team, sheet, content), code in cases:
        with pytest.raises(ActionError) as caught:
            record_entry(clerk, election.pk, team, sheet, content)
        assert caught.value.code == code
    with pytest.raises(ActionError) as caught:
        content_from_numbers(ballot_codes(election), [4], struck=True)
    assert caught.value.code == "number_not_on_list"
    assert BallotEntry.objects.count() == 1
    assert AuditEvent.objects.filter(action="record_entry").count() == 1


def test_incomplete_entry_cannot_be_certified_and_undo_works(
    election: Election, clerk: User
) -> None:
    enter_all(election, clerk)
    assert undo_last_entry(clerk, election.pk, 1) == 9
    with pytest.raises(ActionError) as caught:
        certify_result(clerk, election.pk)
    assert caught.value.code == "entries_incomplete"
    assert caught.value.values == {"entered": 8, "collected": 9, "team": 1}


def test_repeated_entry_difference_must_be_settled(election: Election, clerk: User) -> None:
    election.entry_teams = 2
    election.save()
    clerks = typists(election)
    enter_all(election, clerks[1], team=1)
    enter_all(election, clerks[2], team=2, odd=4)
    with pytest.raises(ActionError) as caught:
        certify_result(clerk, election.pk)
    assert caught.value.code == "differences_open"
    with pytest.raises(ActionError):
        resolve_difference(clerk, election.pk, 5, chosen_team=1)  # no difference on sheet 5
    resolve_difference(clerk, election.pk, 4, chosen_team=1)
    result = certify_result(clerk, election.pk)
    assert result.document["ballots"]["valid"] == 9
    votes = {c["id"]: c["votes"] for c in result.document["candidates"]}
    assert votes == {"c1": 6, "c2": 9, "c3": 3}


def test_audit_events_are_append_only(election: Election, clerk: User) -> None:
    record_entry(clerk, election.pk, 1, 1, {"kept": ["c1"]})
    event = AuditEvent.objects.get()
    event.action = "changed"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()


def test_warnings_need_a_written_explanation_before_certification(
    election: Election, clerk: User
) -> None:
    """Collected 9 of 10 issued: the board explains it, and the explanation is kept."""
    record_figures(
        clerk,
        election.pk,
        {"ballots_issued": 10, "present": 10},
        {
            "delegates_absent_whole_congress_not_replaced": 1,
        },
    )
    enter_all(election, clerk)
    with pytest.raises(ActionError) as caught:
        certify_result(clerk, election.pk)
    assert caught.value.code == "warnings_unacknowledged"
    with pytest.raises(ActionError):
        acknowledge_warning(clerk, election.pk, "collected_below_issued", "   ")
    acknowledge_warning(clerk, election.pk, "collected_below_issued", "Một phiếu bị hỏng, đã hủy")
    certify_result(clerk, election.pk)
    election.refresh_from_db()
    assert election.acknowledgements == {"collected_below_issued": "Một phiếu bị hỏng, đã hủy"}


def test_figures_are_checked(election: Election, clerk: User) -> None:
    with pytest.raises(ActionError) as caught:
        record_figures(clerk, election.pk, {}, {"absent_whole_congress_approved": 1})
    assert caught.value.code == "election_invalid"
    record_entry(clerk, election.pk, 1, 5, {"kept": ["c1"]})
    with pytest.raises(ActionError) as caught:
        record_figures(clerk, election.pk, {"ballots_collected": 4}, {})
    assert caught.value.code == "collected_below_entered"


def test_tie_decision_creates_the_revote_among_the_tied(election: Election, clerk: User) -> None:
    """Base 9, 2 seats: An 8, Bình 5, Cường 5 → An elected; Bình and Cường re-voted for 1."""
    ballots = [[3]] * 4 + [[2]] * 4 + [[1]]  # struck numbers per sheet
    for sheet, struck in enumerate(ballots, start=1):
        content = content_from_numbers(ballot_codes(election), struck, struck=True)
        record_entry(clerk, election.pk, 1, sheet, content)
    result = certify_result(clerk, election.pk)
    assert result.document["next"]["action"] == "tie_revote"
    assert set(result.document["next"]["among"]) == {"c2", "c3"}
    revote = decide_next_step(clerk, election.pk, hold=True, note="đại hội biểu quyết 9/9")
    assert revote is not None
    assert revote.is_tie_revote
    assert revote.seats == 1
    assert revote.round == 2
    assert [c.name for c in revote.candidates.all()] == ["Trần Thị Bình", "Lê Văn Cường"]
    with pytest.raises(ActionError) as caught:
        decide_next_step(clerk, election.pk, hold=True, note="")
    assert caught.value.code == "decision_already_recorded"


def test_switch_to_official_clears_the_rehearsal(election: Election, clerk: User) -> None:
    enter_all(election, clerk)
    certify_result(clerk, election.pk)
    switch_to_official(clerk, election.congress_id)
    election.refresh_from_db()
    assert election.state == Election.State.SETUP
    assert BallotEntry.objects.count() == 0
    assert not Result.objects.exists()
    assert AuditEvent.objects.filter(action="switch_to_official").count() == 1
    with pytest.raises(ActionError) as caught:
        switch_to_official(clerk, election.congress_id)
    assert caught.value.code == "already_official"


def test_pending_warnings_use_the_recorded_figures_before_entry(
    election: Election, clerk: User
) -> None:
    """9 issued, 9 collected, nothing typed yet: no "collected below issued" from an empty stack."""
    from daihoi.queries.certification import pending_warnings

    assert [w.code for w in pending_warnings(election)] == []
    record_entry(clerk, election.pk, 1, 1, {"kept": ["c1", "c2"]})
    assert [w.code for w in pending_warnings(election)] == []
