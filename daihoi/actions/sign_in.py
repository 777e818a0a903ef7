"""Signing in: wrong passwords slow down, then lock the account for a while, audited.

The count of wrong passwords is kept per user name in a database cache table, so every server
process sees the same count. Three typos cost nothing; after the third and fourth wrong password
the next try must wait (WAITS); the fifth locks the name for LOCK_MINUTES, during which even the
right password is refused. A sign-in lasts until midnight Vietnam time (`signed_in_today`).
"""

import hashlib
import math
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.contrib.sessions.backends.base import SessionBase
from django.core.cache import caches
from django.utils import timezone

from daihoi.actions.audit import record_event
from daihoi.actions.transactions import write_transaction
from daihoi.errors import ActionError

#: Seconds to wait before the next try, after this many wrong passwords in a row
WAITS = {3: 10, 4: 30}
LOCK_AFTER = 5
LOCK_MINUTES = 15
#: Wrong passwords older than this (from the last one) are forgotten
FORGET_AFTER = timedelta(minutes=LOCK_MINUTES)
HALL_TIME = ZoneInfo("Asia/Ho_Chi_Minh")
DAY_KEY = "daihoi_signed_in_day"


def now() -> datetime:
    """The clock (tests move it instead of waiting)."""
    return timezone.now()


def _key(username: str) -> str:
    """A cache key for any user name (cache keys must be short and plain)."""
    return "sign_in:" + hashlib.sha256(username.casefold().encode()).hexdigest()


def _state(username: str) -> dict[str, Any]:
    """The failures of `username` still remembered at `now()`."""
    state: dict[str, Any] = caches["sign_in"].get(_key(username)) or {}
    at = now().timestamp()
    if state.get("locked_until", 0) and state["locked_until"] <= at:
        return {}  # the lock has run out: a fresh start
    if state.get("last", 0) and at - state["last"] > FORGET_AFTER.total_seconds():
        return {}
    return state


def _refusal(state: dict[str, Any]) -> ActionError | None:
    at = now().timestamp()
    if state.get("locked_until", 0) > at:
        minutes = math.ceil((state["locked_until"] - at) / 60)
        return ActionError("sign_in_locked", minutes=minutes)
    if state.get("wait_until", 0) > at:
        return ActionError("sign_in_wait", seconds=math.ceil(state["wait_until"] - at))
    return None


def check(username: str) -> None:
    """Raise ActionError when `username` may not try a password now (locked, or must wait)."""
    if refusal := _refusal(_state(username)):
        raise refusal


def record_failure(username: str) -> None:
    """Count a wrong password; raise ActionError if the name must now wait or is now locked."""
    state = _state(username)
    failures = int(state.get("failures", 0)) + 1
    at = now()
    state = {"failures": failures, "last": at.timestamp()}
    if failures >= LOCK_AFTER:
        state["locked_until"] = (at + timedelta(minutes=LOCK_MINUTES)).timestamp()
        with write_transaction():
            record_event(
                User.objects.filter(username=username).first(),
                "sign_in_locked",
                None,
                username=username,
                failures=failures,
                minutes=LOCK_MINUTES,
            )
    elif failures in WAITS:
        state["wait_until"] = (at + timedelta(seconds=WAITS[failures])).timestamp()
    caches["sign_in"].set(_key(username), state, timeout=LOCK_MINUTES * 60 * 2)
    if refusal := _refusal(state):
        raise refusal


def signed_in(user: AbstractBaseUser, session: SessionBase) -> None:
    """A right password: forget the failures; the session belongs to today."""
    caches["sign_in"].delete(_key(user.get_username()))
    session[DAY_KEY] = _today().isoformat()


def _today() -> date:
    return now().astimezone(HALL_TIME).date()


def signed_in_today(session: SessionBase) -> bool:
    """False once the day a session was signed in on is over (midnight in Vietnam).

    A session from before this rule (or from a test's force_login) counts from its first request.
    """
    day = session.get(DAY_KEY)
    if day is None:
        session[DAY_KEY] = _today().isoformat()
        return True
    return bool(day == _today().isoformat())
