"""What views do the same way: who is signed in, a refused action told in words, and the
congress of a door or attendance page."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from daihoi.db.models import Congress
from daihoi.errors import ActionError
from daihoi.web.language import error_text
from daihoi.web.values import BadValueError


def signed_in(request: HttpRequest) -> User:
    """The person behind a page @require let through (never anonymous there); the actions
    record who did what, so they take this person, not Django's anonymous stand-in."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def congress_in_session(congress_id: int) -> Congress:
    """The congress of a door or attendance page, with the session now in progress (or 404)."""
    return get_object_or_404(
        Congress.objects.select_related("organisation", "current_session"), pk=congress_id
    )


class Refusal:
    """What `attempt` caught: falsy while nothing was refused."""

    def __init__(self) -> None:
        self.error: ActionError | BadValueError | None = None

    def __bool__(self) -> bool:
        return self.error is not None

    @property
    def bad_value(self) -> bool:
        """The form held a value its field does not take (the person's slip, a 400)."""
        return isinstance(self.error, BadValueError)

    @property
    def code(self) -> str:
        """The action's refusal code ("" for a bad value): for a status, never shown."""
        return self.error.code if isinstance(self.error, ActionError) else ""

    @property
    def text(self) -> str:
        """The refusal in the person's language."""
        if isinstance(self.error, ActionError):
            return error_text(self.error)
        return str(self.error or "")


@contextmanager
def attempt(request: HttpRequest, *, tell: bool = True) -> Iterator[Refusal]:
    """Run the block (parse the form, call the action); a refusal of the action or a bad value
    stops it, changes nothing, and is told on the next page (`tell`), then read from the
    `Refusal`, which says whether the block ran to its end."""
    refusal = Refusal()
    try:
        yield refusal
    except (ActionError, BadValueError) as error:
        refusal.error = error
        if tell:
            messages.error(request, refusal.text)
