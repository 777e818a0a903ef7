"""Fixtures of the application tests: a small congress with one election, on a real database."""

from datetime import date

import pytest
from django.contrib.auth.models import User

from daihoi.db.models import Candidate, Congress, Election, Organisation


@pytest.fixture
def clerk(db: None) -> User:
    return User.objects.create_user("clerk", password="x")


@pytest.fixture
def election(db: None) -> Election:
    """2 seats, 3 names (An, Bình, Cường), 10 summoned, 1 deducted, 9 ballots collected."""
    organisation = Organisation.objects.create(name="Đảng bộ phường Thử Nghiệm")
    congress = Congress.objects.create(
        organisation=organisation,
        number=5,
        term="2025–2030",
        starts_on=date(2025, 6, 1),
        ends_on=date(2025, 6, 2),
        meeting="delegates_congress",
        ruleset_id="190-2024",
    )
    e = Election.objects.create(
        congress=congress,
        body="executive_committee",
        meeting="delegates_congress",
        seats=2,
        summoned=10,
        excluded_from_base={"delegates_absent_whole_congress_not_replaced": 1},
        present=9,
        ballots_issued=9,
        ballots_collected=9,
        state=Election.State.OPEN,
    )
    for number, (code, name) in enumerate(
        [("c1", "Nguyễn Văn An"), ("c2", "Trần Thị Bình"), ("c3", "Lê Văn Cường")], start=1
    ):
        Candidate.objects.create(election=e, code=code, number=number, name=name)
    return e
