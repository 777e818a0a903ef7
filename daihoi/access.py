"""Roles × permissions as one table, and the scope of every role: `require` is the only
permission logic of the application.

A person holds roles in a congress (or in an organisation, covering its congresses) through a
`Membership`; a superuser, the installation's administrator, is an organiser everywhere. The
organiser may do everything; the counting board enters and scans ballots and rules on doubtful
scans; its head also settles differences, certifies and, with the organiser, prints the ballot
papers; the presidium and viewers read; the reception team checks delegates in at the doors.

Two separate checks: the grant (the role × permission table below, unchanged) and the scope
(the roles counted are those held in the congress the page belongs to). A page of a congress in
which the person holds no role answers 404: the congress is not theirs to know of.
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


def _memberships(
    user: AbstractBaseUser | AnonymousUser,
) -> list[tuple[int | None, int | None, frozenset[Role]]]:
    """(congress id, organisation id, roles) of every membership, read once per request."""
    cached: list[tuple[int | None, int | None, frozenset[Role]]] | None = getattr(
        user, "_daihoi_memberships", None
    )
    if cached is not None:  # one query per request, however many checks a page makes
        return cached
    from daihoi.db.models import Membership

    rows = Membership.objects.filter(user_id=user.pk or 0).values_list(
        "congress_id", "organisation_id", "roles"
    )
    found: list[tuple[int | None, int | None, frozenset[Role]]] = [
        (congress, organisation, frozenset(r for r in Role if r.value in (roles or [])))
        for congress, organisation, roles in rows
    ]
    setattr(user, "_daihoi_memberships", found)  # noqa: B010 - a per-request cache on the user
    return found


def forget_roles(user: AbstractBaseUser | AnonymousUser) -> None:
    """Their memberships changed: the next check reads them again (they are read once a request,
    and an action may change the actor's own, as creating a congress does)."""
    user.__dict__.pop("_daihoi_memberships", None)


def _organisation_of(congress_id: int) -> int | None:
    from daihoi.db.models import Congress

    return Congress.objects.filter(pk=congress_id).values_list("organisation_id", flat=True).first()


def roles_of(
    user: AbstractBaseUser | AnonymousUser, congress_id: int | None = None
) -> frozenset[Role]:
    """The roles of a signed-in user in one congress; with no congress, in any of them.

    A superuser is an organiser everywhere.
    """
    if not user.is_authenticated:
        return frozenset()
    roles: set[Role] = {Role.ORGANISER} if getattr(user, "is_superuser", False) else set()
    memberships = _memberships(user)
    organisation = (
        _organisation_of(congress_id)
        if congress_id is not None and any(o is not None for _, o, _ in memberships)
        else None
    )
    for member_of, organisation_of, held in memberships:
        if (
            congress_id is None
            or member_of == congress_id
            or (organisation is not None and organisation_of == organisation)
        ):
            roles |= held
    return frozenset(roles)


def member_congress_ids(user: AbstractBaseUser | AnonymousUser) -> set[int] | None:
    """The congresses a person holds a role in; None for a superuser (all of them)."""
    if getattr(user, "is_superuser", False):
        return None
    from daihoi.db.models import Congress

    memberships = [(c, o) for c, o, roles in _memberships(user) if roles]
    congresses = {c for c, _ in memberships if c is not None}
    organisations = {o for _, o in memberships if o is not None}
    if organisations:
        congresses |= set(
            Congress.objects.filter(organisation_id__in=organisations).values_list("pk", flat=True)
        )
    return congresses


def can(
    user: AbstractBaseUser | AnonymousUser, permission: Permission, congress_id: int | None = None
) -> bool:
    """The grant in one congress; with no congress, in any congress the person belongs to."""
    return bool(roles_of(user, congress_id) & GRANTS[permission])


def ensure(
    user: AbstractBaseUser | AnonymousUser | None, permission: Permission, congress_id: int | None
) -> None:
    """An action's own check of the grant in the congress it writes for: the page's check is not
    the only caller (the command line, a test, a later view). None is the system's own write.

    Raises ActionError("not_allowed"), so nothing is changed.
    """
    if user is not None and not can(user, permission, congress_id):
        from daihoi.errors import ActionError

        raise ActionError("not_allowed")


def congress_of_page(kwargs: Mapping[str, Any]) -> int | None:
    """The congress a page belongs to, from its URL (a congress, an election or a scan).

    Raises Http404 when the object does not exist; None for a page of no congress (home).
    """
    from django.http import Http404

    from daihoi.db.models import Election, ScannedBallot

    found: int | None
    if "congress_id" in kwargs:
        return int(kwargs["congress_id"])
    if "election_id" in kwargs:
        found = (
            Election.objects.filter(pk=kwargs["election_id"])
            .values_list("congress_id", flat=True)
            .first()
        )
    elif "scanned_id" in kwargs:
        found = (
            ScannedBallot.objects.filter(pk=kwargs["scanned_id"])
            .values_list("election__congress_id", flat=True)
            .first()
        )
    else:
        return None
    if found is None:
        raise Http404
    return found


View = TypeVar("View", bound=Callable[..., HttpResponse])


def require(permission: Permission) -> Callable[[View], View]:
    """A view decorator: anonymous users go to sign-in; a page of a congress the person holds no
    role in is 404; without the grant there (or, for a page of no congress, anywhere) 403."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            congress_id = congress_of_page(kwargs)
            if congress_id is not None and not roles_of(request.user, congress_id):
                from django.http import Http404

                raise Http404
            if not can(request.user, permission, congress_id):
                raise PermissionDenied(permission.value)
            return view(request, *args, **kwargs)

        wrapped.permission = permission  # type: ignore[attr-defined]  # read by the access test
        return wrapped  # type: ignore[return-value]  # same signature as the view

    return decorate
