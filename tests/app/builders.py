"""The small test congress every database and browser test starts from: one place to build it."""

from datetime import date
from typing import Any

from django.contrib.auth.models import User

from daihoi.access import Role
from daihoi.db.models import Candidate, Congress, Delegate, Election, Organisation, Session
from tests.app.members import member_of_all

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]


def make_congress(**fields: Any) -> Congress:
    """The 5th congress of Đảng bộ phường Thử Nghiệm, 2025–2030, a delegates' congress."""
    organisation = Organisation.objects.create(name="Đảng bộ phường Thử Nghiệm")
    values: dict[str, Any] = {
        "organisation": organisation,
        "number": 5,
        "term": "2025–2030",
        "starts_on": date(2025, 6, 1),
        "ends_on": date(2025, 6, 2),
        "meeting": "delegates_congress",
        **fields,
    }
    return Congress.objects.create(**values)


def make_election(congress: Congress | None = None, **fields: Any) -> Election:
    """2 seats, 3 names (An, Bình, Cường), 10 summoned, 1 deducted, 9 ballots collected, open."""
    values: dict[str, Any] = {
        "congress": congress or make_congress(ruleset_id="190-2024"),
        "body": "executive_committee",
        "meeting": "delegates_congress",
        "seats": 2,
        "summoned": 10,
        "excluded_from_base": {"delegates_absent_whole_congress_not_replaced": 1},
        "present": 9,
        "ballots_issued": 9,
        "ballots_collected": 9,
        "state": Election.State.OPEN,
        **fields,
    }
    election = Election.objects.create(**values)
    for number, name in enumerate(NAMES, start=1):
        Candidate.objects.create(election=election, code=f"c{number}", number=number, name=name)
    return election


def make_door(names: list[str]) -> tuple[Congress, Session, list[Delegate]]:
    """A congress in its first session with `names` as delegates and a reception account
    `letan` (password pw-e2e): what a door's tests start from."""
    congress = make_congress()
    session = Session.objects.create(congress=congress, order=1, name="Phiên thứ nhất")
    congress.current_session = session
    congress.save()
    people = [
        Delegate.objects.create(
            congress=congress, full_name=name, gender="male", kind="elected", unit="Chi bộ 1"
        )
        for name in names
    ]
    member_of_all(User.objects.create_user("letan", password="pw-e2e"), Role.RECEPTION)
    return congress, session, people
