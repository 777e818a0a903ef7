"""One definition of "present": the board, the quorum, the base and the credentials report agree."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from daihoi.access import Role
from daihoi.actions.attendance import check_in
from daihoi.actions.demo import load_reference_congress
from daihoi.core.credentials import credentials_report
from daihoi.db.models import AuditEvent, Congress, Delegate, Election
from daihoi.queries.attendance import attendance_board, derived_base, report_delegates
from tests.app.members import member_of_all


@pytest.fixture
def demo(db: None) -> Congress:
    congress, _ = load_reference_congress()
    return congress


def _replaced(congress: Congress) -> Delegate:
    return congress.delegates.get(replaced_by__isnull=False)


def test_the_board_and_the_report_agree_on_the_demo_congress(demo: Congress) -> None:
    board = attendance_board(demo, demo.current_session)
    report = credentials_report(report_delegates(demo), demo.starts_on)
    assert board.attended == report.present.numerator
    assert board.summoned == report.summoned


def test_a_replaced_official_who_comes_is_not_counted_twice(demo: Congress) -> None:
    before = attendance_board(demo, demo.current_session)
    report_before = credentials_report(report_delegates(demo), demo.starts_on)
    election = demo.elections.get(body="executive_committee")
    base_before = derived_base(election)[0].electorate.present
    official = _replaced(demo)
    done = check_in(None, demo, delegate_id=official.pk, door="1")
    assert done.new  # the fact is recorded ...
    assert not done.counted  # ... but his seat is the alternate's
    after = attendance_board(demo, demo.current_session)
    report = credentials_report(report_delegates(demo), demo.starts_on)
    assert after.present == before.present
    assert after.attended == before.attended == report.present.numerator
    assert report.present.numerator == report_before.present.numerator
    assert derived_base(Election.objects.get(pk=election.pk))[0].electorate.present == base_before


def test_the_door_shows_no_green_tick_for_a_replaced_official(demo: Congress) -> None:
    door = Client()
    user = User.objects.create_user("door", password="x")
    member_of_all(user, Role.RECEPTION)
    door.force_login(user)
    official = _replaced(demo)
    answer = door.post(
        reverse("checkin_scan", args=[demo.pk]), {"delegate": official.pk, "door": "1"}
    ).json()
    assert answer["ok"]
    assert answer["counted"] is False
    assert not answer["message"].startswith("✓")
    assert "dự khuyết" in answer["note"]


def test_the_door_asks_to_withdraw_an_absence_when_the_absent_one_comes(demo: Congress) -> None:
    door = Client()
    user = User.objects.create_user("door", password="x")
    member_of_all(user, Role.RECEPTION)
    door.force_login(user)
    absent = demo.delegates.filter(absence__isnull=False, replaced_by__isnull=True).first()
    assert absent is not None
    reason = absent.absence.reason
    answer = door.post(
        reverse("checkin_scan", args=[demo.pk]), {"delegate": absent.pk, "door": "1"}
    ).json()
    assert answer["counted"] is True
    assert answer["absence"] == reason
    withdraw = reverse("checkin_withdraw_absence", args=[demo.pk])
    assert door.post(withdraw, {"delegate": absent.pk}).json() == {"ok": True, "withdrawn": True}
    assert not Delegate.objects.filter(pk=absent.pk, absence__isnull=False).exists()
    event = AuditEvent.objects.filter(congress=demo, action="withdraw_absence").get()
    assert event.details["reason"] == reason
    again = door.post(withdraw, {"delegate": absent.pk}).json()
    assert again == {"ok": True, "withdrawn": False}  # another door was first: nothing to do


def test_the_board_says_why_it_differs_from_the_report(demo: Congress) -> None:
    presidium = Client()
    user = User.objects.create_user("chair", password="x")
    member_of_all(user, Role.PRESIDIUM)
    presidium.force_login(user)
    page = presidium.get(reverse("attendance", args=[demo.pk])).content.decode()
    board = attendance_board(demo, demo.current_session)
    assert board.present != board.attended  # one delegate came to the preparatory session only
    assert f'id="attended">{board.attended}<' in page


def test_the_register_tells_the_summoned_from_the_alternates(demo: Congress) -> None:
    viewer = Client()
    user = User.objects.create_user("viewer", password="x")
    member_of_all(user, Role.VIEWER)
    viewer.force_login(user)
    page = viewer.get(reverse("register", args=[demo.pk])).content.decode()
    assert "289 đại biểu chính thức được triệu tập, 3 đại biểu dự khuyết" in page
    assert page.count("<td>dự khuyết</td>") == 3
    assert "(292)" not in page
