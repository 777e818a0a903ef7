"""Fixtures of the application tests: a small congress with one election, on a real database."""

import pytest
from django.contrib.auth.models import User

from daihoi.db.models import Election
from tests.app.builders import make_election


@pytest.fixture
def clerk(db: None) -> User:
    return User.objects.create_user("clerk", password="x")


@pytest.fixture
def election(db: None) -> Election:
    """2 seats, 3 names (An, Bình, Cường), 10 summoned, 1 deducted, 9 ballots collected."""
    return make_election()
