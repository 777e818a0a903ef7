"""The people of a congress as its screens list them: the delegates in Vietnamese name order,
the members with their roles in words, and the accounts not yet in the congress."""

from django.contrib.auth.models import User

from daihoi.core.vi.collation import name_sort_key
from daihoi.db.models import Congress, Delegate, Membership
from daihoi.labels import words
from daihoi.labels.audit import ROLE_NAMES


def delegates_by_name(congress: Congress) -> list[Delegate]:
    """Every delegate, ordered as a Vietnamese list is (given name first)."""
    return sorted(congress.delegates.all(), key=lambda d: name_sort_key(d.full_name))


def member_rows(congress: Congress) -> list[tuple[Membership, list[str]]]:
    """Each member of the congress with the names of their roles, by user name."""
    return [
        (m, [words(ROLE_NAMES, r) for r in m.roles])
        for m in congress.memberships.select_related("user").order_by("user__username")
    ]


def people_outside(congress: Congress) -> list[User]:
    """The active accounts that hold no role in the congress yet (the organiser may add them)."""
    return list(
        User.objects.filter(is_active=True)
        .exclude(memberships__congress=congress)
        .order_by("username")
    )
