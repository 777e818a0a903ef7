"""Wrong passwords slow down, then lock the account for a while; each lock is audited.

The clock of daihoi.actions.sign_in is moved instead of waiting.
"""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from daihoi.actions import sign_in
from daihoi.db.models import AuditEvent
from daihoi.labels import audit_sentence

LOGIN = "/dang-nhap/"


class Clock:
    def __init__(self) -> None:
        self.at = timezone.now()

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    moved = Clock()
    monkeypatch.setattr(sign_in, "now", moved)
    return moved


@pytest.fixture
def clerk(db: None) -> User:
    return User.objects.create_user("kiemphieu1", password="right-password-2020")


def attempt(password: str, username: str = "kiemphieu1") -> tuple[bool, str]:
    """(signed in, the page's text) for one try on a fresh browser."""
    browser = Client()
    response = browser.post(LOGIN, {"username": username, "password": password})
    if response.status_code == 302:
        return True, ""
    return False, response.content.decode()


def wrong_until_locked(clock: Clock) -> str:
    """Five wrong passwords, each after any wait asked for; the last page's text."""
    text = ""
    for _ in range(sign_in.LOCK_AFTER):
        clock.advance(seconds=max(sign_in.WAITS.values()) + 1)
        ok, text = attempt("wrong")
        assert not ok
    return text


def test_a_few_typos_cost_nothing(clerk: User, clock: Clock) -> None:
    for _ in range(2):
        ok, text = attempt("wrong")
        assert not ok
        assert "Sai tên đăng nhập hoặc mật khẩu." in text
    assert attempt("right-password-2020")[0]


def test_after_three_wrong_passwords_the_next_try_must_wait(clerk: User, clock: Clock) -> None:
    for _ in range(3):
        ok, text = attempt("wrong")
        assert not ok
    assert "hãy đợi 10 giây" in text
    ok, text = attempt("right-password-2020")  # at once: refused without looking
    assert not ok
    assert "đợi" in text
    clock.advance(seconds=11)
    assert attempt("right-password-2020")[0]


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(
    clerk: User, clock: Clock
) -> None:
    text = wrong_until_locked(clock)
    assert "Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần" in text
    clock.advance(minutes=sign_in.LOCK_MINUTES - 1)
    ok, text = attempt("right-password-2020")
    assert not ok
    assert "Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần: hãy thử lại sau 1 phút" in text
    assert "Wrong" not in text
    assert "sign_in" not in text  # no internal code reaches the page


def test_the_lock_expires(clerk: User, clock: Clock) -> None:
    wrong_until_locked(clock)
    clock.advance(minutes=sign_in.LOCK_MINUTES, seconds=1)
    assert attempt("right-password-2020")[0]


def test_every_lock_is_in_the_audit_log(clerk: User, clock: Clock) -> None:
    wrong_until_locked(clock)
    clock.advance(minutes=sign_in.LOCK_MINUTES + 1)
    wrong_until_locked(clock)
    locks = list(AuditEvent.objects.filter(action="sign_in_locked"))
    assert len(locks) == 2
    assert all(event.user == clerk for event in locks)
    assert audit_sentence(locks[0].action, locks[0].details, lang="vi") == (
        "Tạm khóa tài khoản kiemphieu1 15 phút sau 5 lần nhập sai mật khẩu"
    )


def test_an_unknown_name_is_locked_the_same_way(db: None, clock: Clock) -> None:
    """Whether a name exists is not told by the throttle either."""
    text = ""
    for _ in range(sign_in.LOCK_AFTER):
        clock.advance(seconds=31)
        text = attempt("wrong", username="nobody")[1]
    assert "Tài khoản tạm khóa" in text
    assert AuditEvent.objects.get(action="sign_in_locked").details["username"] == "nobody"


def test_a_right_password_forgets_earlier_typos(clerk: User, clock: Clock) -> None:
    for _ in range(2):
        attempt("wrong")
    assert attempt("right-password-2020")[0]
    for _ in range(2):
        ok, text = attempt("wrong")
        assert not ok
        assert "đợi" not in text
