"""The congresses a person sees on the first page, newest first."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from daihoi.access import member_congress_ids
from daihoi.db.models import Congress


def congresses_of(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Congress]:
    """The congresses this person holds a role in (all of them for the administrator)."""
    congresses = Congress.objects.select_related("organisation").order_by("-starts_on")
    if (member_of := member_congress_ids(user)) is not None:
        congresses = congresses.filter(pk__in=member_of)
    return congresses
