"""Fixtures of the application tests: a small congress with one election, on a real database."""

import pytest
from django.contrib.auth.models import User

from daihoi.access import Role
from daihoi.db.models import Election
from tests.app.builders import make_election
from tests.app.members import member


@pytest.fixture
def clerk(election: Election) -> User:
    """The whole counting board and the organiser of the election's congress in one person (a
    rehearsal's shortcut, its reason recorded): roles are held in a congress, so the tests'
    one actor is a member of theirs with every role its actions need."""
    user = User.objects.create_user("clerk", password="x")
    roles = (Role.ORGANISER, Role.COUNTING_HEAD, Role.COUNTING_BOARD)
    return member(user, election.congress, *roles, reason="Diễn tập: một người làm cả ban")


@pytest.fixture
def election(db: None) -> Election:
    """2 seats, 3 names (An, Bình, Cường), 10 summoned, 1 deducted, 9 ballots collected."""
    return make_election()
