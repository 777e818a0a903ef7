"""Roles × permissions as one table; `require` is the only permission logic of the application.

Roles are Django groups with these names. The organiser (superuser or group `organiser`) may do
everything; the counting board enters and scans ballots and rules on doubtful scans; its head
also settles differences, certifies and, with the organiser, prints the ballot papers; the
presidium and viewers read; the reception team checks delegates in at the doors.
"""

from collections.abc import Callable, Mapping
from enum import StrEnum
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse


class Role(StrEnum):
    ORGANISER = "organiser"
    COUNTING_HEAD = "counting_head"
    COUNTING_BOARD = "counting_board"
    PRESIDIUM = "presidium"
    RECEPTION = "reception"  # tổ đón tiếp: checks delegates in at the doors
    VIEWER = "viewer"


class Permission(StrEnum):
    VIEW_CONGRESS = "view_congress"
    MANAGE_CONGRESS = "manage_congress"
    ENTER_BALLOTS = "enter_ballots"
    SETTLE_DIFFERENCES = "settle_differences"
    CERTIFY = "certify"
    VIEW_AUDIT = "view_audit"
    CHECK_IN = "check_in"
    VIEW_ATTENDANCE = "view_attendance"
    PRINT_BALLOTS = "print_ballots"


_ALL = frozenset(Role)
GRANTS: Mapping[Permission, frozenset[Role]] = {
    Permission.VIEW_CONGRESS: _ALL,
    Permission.MANAGE_CONGRESS: frozenset({Role.ORGANISER}),
    Permission.ENTER_BALLOTS: frozenset({Role.ORGANISER, Role.COUNTING_HEAD, Role.COUNTING_BOARD}),
    Permission.SETTLE_DIFFERENCES: frozenset({Role.ORGANISER, Role.COUNTING_HEAD}),
    Permission.CERTIFY: frozenset({Role.COUNTING_HEAD}),
    Permission.VIEW_AUDIT: frozenset({Role.ORGANISER}),
    Permission.CHECK_IN: frozenset({Role.ORGANISER, Role.RECEPTION}),
    Permission.VIEW_ATTENDANCE: frozenset({Role.ORGANISER, Role.PRESIDIUM, Role.RECEPTION}),
    # a ballot paper is a vote: only those who answer for the ballots may print them (R12)
    Permission.PRINT_BALLOTS: frozenset({Role.ORGANISER, Role.COUNTING_HEAD}),
}


def roles_of(user: AbstractBaseUser | AnonymousUser) -> frozenset[Role]:
    """The roles of a signed-in user; a superuser is an organiser."""
    if not user.is_authenticated:
        return frozenset()
    cached: frozenset[Role] | None = getattr(user, "_daihoi_roles", None)
    if cached is not None:  # one query per request, however many checks a page makes
        return cached
    names = set(user.groups.values_list("name", flat=True))  # type: ignore[attr-defined]
    roles = {role for role in Role if role.value in names}
    if getattr(user, "is_superuser", False):
        roles.add(Role.ORGANISER)
    found = frozenset(roles)
    setattr(user, "_daihoi_roles", found)  # noqa: B010 - a per-request cache on the user object
    return found


def can(user: AbstractBaseUser | AnonymousUser, permission: Permission) -> bool:
    return bool(roles_of(user) & GRANTS[permission])


View = TypeVar("View", bound=Callable[..., HttpResponse])


def require(permission: Permission) -> Callable[[View], View]:
    """A view decorator: anonymous users go to sign-in, others without the grant get 403."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            if not can(request.user, permission):
                raise PermissionDenied(permission.value)
            return view(request, *args, **kwargs)

        wrapped.permission = permission  # type: ignore[attr-defined]  # read by the access test
        return wrapped  # type: ignore[return-value]  # same signature as the view

    return decorate
