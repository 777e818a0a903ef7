"""Role changes go through the application: the organiser grants and withdraws the roles of a
congress's members, each change an audit event; an account made here meets Django's password
validators (the admin, if enabled at all, only reads).

Certifying a result and organising the congress are kept apart: whoever holds both roles in a
congress certifies only if a reason was recorded when the roles were given.
"""

from collections.abc import Iterable

from django.contrib.auth.models import User as Person
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from daihoi.access import Permission, Role, ensure, forget_roles, roles_of
from daihoi.actions.audit import User, record_event
from daihoi.actions.transactions import write_transaction
from daihoi.db.models import Congress, Membership
from daihoi.errors import ActionError
from daihoi.labels import words
from daihoi.labels.audit import ROLE_NAMES

MAX_REASON = 300


def _checked_roles(roles: Iterable[str]) -> list[Role]:
    chosen = set()
    for value in roles:
        if value not in {r.value for r in Role}:
            raise ActionError("unknown_role", "roles")
        chosen.add(Role(value))
    return sorted(chosen, key=list(Role).index)


def _names(roles: Iterable[Role]) -> str:
    return ", ".join(words(ROLE_NAMES, r.value) for r in roles) or "—"


def set_roles(
    actor: User, congress_id: int, person_id: int, roles: Iterable[str], reason: str = ""
) -> Membership | None:
    """The person's roles in the congress become `roles` (none: no longer a member), audited.

    Organiser and head of the counting board together need a reason, recorded with the roles.
    """
    chosen = _checked_roles(roles)
    reason = " ".join(reason.split())[:MAX_REASON]
    if {Role.ORGANISER, Role.COUNTING_HEAD} <= set(chosen) and not reason:
        raise ActionError("organiser_certifier_without_reason", "reason")
    with write_transaction():
        congress = Congress.objects.select_for_update().get(pk=congress_id)
        ensure(actor, Permission.MANAGE_CONGRESS, congress.pk)
        person = Person.objects.filter(pk=person_id, is_active=True).first()
        if person is None:
            raise ActionError("no_such_person", "person")
        membership = Membership.objects.filter(user=person, congress=congress).first()
        before = [Role(r) for r in (membership.roles if membership else []) if r in set(Role)]
        if not chosen:
            if membership is not None:
                membership.delete()
            membership = None
        else:
            membership, _ = Membership.objects.update_or_create(
                user=person,
                congress=congress,
                defaults={"roles": [r.value for r in chosen], "reason": reason},
            )
        forget_roles(actor)  # they may have changed their own
        record_event(
            actor,
            "set_roles",
            congress,
            person=person.get_full_name() or person.get_username(),
            before=_names(before),
            after=_names(chosen),
            reason=reason,
        )
        return membership


def create_person(  # noqa: PLR0913 - the fields of the new-member form
    actor: User,
    congress_id: int,
    *,
    username: str,
    full_name: str,
    password: str,
    roles: Iterable[str],
    reason: str = "",
) -> Person:
    """A new account (its password validated) that becomes a member with `roles`, audited."""
    username = username.strip()
    if not username or len(username) > 150 or Person.objects.filter(username=username).exists():
        raise ActionError("username_taken", "username", username=username or "—")
    candidate = Person(username=username, first_name=full_name.strip()[:150])
    try:
        validate_password(password, candidate)
    except ValidationError as error:
        raise ActionError(
            "password_rejected", "password", detail=" ".join(error.messages)
        ) from None
    ensure(actor, Permission.MANAGE_CONGRESS, congress_id)
    _checked_roles(roles)
    with write_transaction():
        candidate.set_password(password)
        candidate.save()
        record_event(
            actor,
            "create_person",
            Congress.objects.get(pk=congress_id),
            person=candidate.get_full_name() or username,
        )
    set_roles(actor, congress_id, candidate.pk, roles, reason)
    return candidate


def refuse_organiser_certifier(user: User, congress: Congress) -> None:
    """One who organises the congress certifies its results only with a recorded reason."""
    if Role.ORGANISER not in roles_of(user, congress.pk):
        return
    reasons = Membership.objects.filter(user_id=user.pk, congress=congress).exclude(reason="")
    organisation = Membership.objects.filter(
        user_id=user.pk, organisation_id=congress.organisation_id
    ).exclude(reason="")
    if not (reasons.exists() or organisation.exists()):
        raise ActionError("organiser_may_not_certify")
