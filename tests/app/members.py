"""Giving a test's people their roles: a membership of one congress (roles are scoped)."""

from django.contrib.auth.models import User
from django.test import Client

from daihoi.access import Role, forget_roles
from daihoi.db.models import Congress, Election, Membership, TeamAssignment


def member(user: User, congress: Congress, *roles: Role, reason: str = "") -> User:
    """`user` holds `roles` in `congress` (added to any held there already)."""
    membership, _ = Membership.objects.get_or_create(user=user, congress=congress)
    membership.roles = sorted({*membership.roles, *(r.value for r in roles)})
    membership.reason = reason or membership.reason
    membership.save()
    forget_roles(user)
    return user


def member_of_all(user: User, *roles: Role, reason: str = "") -> User:
    """`user` holds `roles` in every congress of the database (the test's one congress)."""
    for congress in Congress.objects.all():
        member(user, congress, *roles, reason=reason)
    return user


def typists(election: Election) -> dict[int, User]:
    """One clerk per entry team of `election`, each assigned to their team (two teams are two
    people: a sheet typed by one person for two teams would never settle)."""
    clerks = {}
    for team in range(1, election.entry_teams + 1):
        clerk = User.objects.create_user(f"typist-{election.pk}-{team}")
        member(clerk, election.congress, Role.COUNTING_BOARD)
        TeamAssignment.objects.create(election=election, user=clerk, team=team)
        clerks[team] = clerk
    return clerks


def client_for(role: Role | None, congress: Congress | None = None) -> Client:
    """A signed-in client holding `role` in `congress` (else in every congress there is)."""
    client = Client()
    if role is not None:
        user = User.objects.create_user(f"user-{role}", password="x")
        if congress is None:
            member_of_all(user, role)
        else:
            member(user, congress, role)
        client.force_login(user)
    return client
