"""The organiser's set-up: congress, election with its list in ballot order, appointment."""

from datetime import date

import pytest
from django.contrib.auth.models import User

from daihoi.actions.setup import create_congress, create_election, record_appointment
from daihoi.db.models import AuditEvent, Congress, Delegate, Election
from daihoi.errors import ActionError


@pytest.fixture
def admin(db: None) -> User:
    """The installation's administrator: an organiser everywhere, who makes the first congress."""
    return User.objects.create_superuser("quantri", password="x")


FORM = {
    "organisation": "Đảng bộ xã Thử Nghiệm",
    "upper_organisation": "Đảng bộ tỉnh Mẫu",
    "number": 1,
    "term": "2025–2030",
    "place": "xã Thử Nghiệm",
    "starts_on": date(2025, 7, 1),
    "ends_on": date(2025, 7, 2),
    "meeting": "delegates_congress",
    "ruleset_id": "190-2024",
    "settings": {"percent_decimals": 1},
    "elects_secretary_directly": False,
    "sessions": ["Phiên trù bị", "", "Phiên chính thức"],
}


def test_congress_starts_in_rehearsal_with_its_overrides(admin: User) -> None:
    congress = create_congress(admin, **FORM)  # type: ignore[arg-type]
    assert congress.mode == Congress.Mode.REHEARSAL
    assert congress.settings_overrides == {"percent_decimals": 1}
    assert [s.name for s in congress.sessions.all()] == ["Phiên trù bị", "Phiên chính thức"]
    assert AuditEvent.objects.filter(action="create_congress").count() == 1


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"settings": {"percent_decimals": 9}}, "bad_settings"),
        ({"ruleset_id": "1999"}, "unknown_ruleset"),
        ({"ends_on": date(2025, 6, 1)}, "dates_reversed"),
        ({"meeting": "committee_meeting"}, "unknown_meeting"),
        ({"number": 0}, "congress_number_out_of_range"),
        ({"number": 4000}, "congress_number_out_of_range"),
    ],
)
def test_bad_congress_forms_change_nothing(
    admin: User, change: dict[str, object], code: str
) -> None:
    with pytest.raises(ActionError) as caught:
        create_congress(admin, **{**FORM, **change})  # type: ignore[arg-type]
    assert caught.value.code == code
    assert not Congress.objects.exists()


def test_election_list_is_put_in_ballot_order(admin: User) -> None:
    congress = create_congress(admin, **FORM)  # type: ignore[arg-type]
    people = [
        Delegate.objects.create(
            congress=congress,
            full_name=name,
            gender="male",
            kind="elected",
            birth_date=date(1975, 1, 1),
        )
        for name in ("Đỗ Văn Đức", "Trần Văn An", "Phạm Văn Dũng", "Lê Thị Anh")
    ]
    election = create_election(
        admin,
        congress.pk,
        body="executive_committee",
        seats=3,
        alternate_seats=0,
        entry_teams=2,
        delegate_ids=[p.pk for p in people],
        list_approval="120/120 tán thành",
    )
    assert [c.name for c in election.candidates.all()] == [
        "Trần Văn An",
        "Lê Thị Anh",
        "Phạm Văn Dũng",
        "Đỗ Văn Đức",
    ]
    assert election.list_approval == "120/120 tán thành"
    with pytest.raises(ActionError) as caught:
        create_election(
            admin,
            congress.pk,
            body="executive_committee",
            seats=3,
            alternate_seats=0,
            entry_teams=1,
            delegate_ids=[999999],
            list_approval="",
        )
    assert caught.value.code == "unknown_delegates"
    appointed = record_appointment(admin, election.pk, "Quyết định số 12-QĐ/TU ngày 01/7/2025")
    assert appointed.state == Election.State.APPOINTED
    with pytest.raises(ActionError):
        record_appointment(admin, election.pk, "again")
