"""The entry confirmation and the differences page in Chromium, as a counting clerk uses them.

Screenshots at 1366×768 are kept in test-artifacts/ (entry.png, differences.png) for people to
look at; the entry screen is also checked at tablet width (768 px): no horizontal scrolling, tap
targets of at least 44 px, every field named by its label.
"""

from datetime import date

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page

from daihoi.access import Role
from daihoi.db.models import BallotEntry, Candidate, Election, TeamAssignment
from tests.app.builders import make_congress
from tests.app.members import member_of_all, typists
from tests.e2e.chromium import ARTIFACTS, PASSWORD, sign_in

pytestmark = pytest.mark.slow

NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Văn Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Giang",
    "Vũ Thị Hà",
    "Đặng Văn Khoa",
    "Bùi Thị Lan",
    "Đỗ Văn Minh",
    "Ngô Thị Nga",
    "Dương Văn Phúc",
    "Lý Thị Quỳnh",
]


def an_election(entry_teams: int) -> Election:
    """12 names for 9 seats, 30 ballots collected: the ballot a clerk types from."""
    congress = make_congress(number=23, starts_on=date(2025, 6, 1))
    election = Election.objects.create(
        congress=congress,
        body="executive_committee",
        meeting="delegates_congress",
        seats=9,
        summoned=32,
        present=30,
        ballots_issued=30,
        ballots_collected=30,
        entry_teams=entry_teams,
        state=Election.State.OPEN,
    )
    for number, name in enumerate(NAMES, start=1):
        Candidate.objects.create(election=election, code=f"c{number}", number=number, name=name)
    return election


def sign_in_as(page: Page, base: str, role: Role) -> User:
    user = User.objects.create_user(f"e2e-{role.value}", password=PASSWORD)
    member_of_all(user, role)
    sign_in(page, base, user.username)
    return user


def test_an_invalid_ballot_is_asked_about_before_it_is_saved(
    browser: Browser,
    live_server: object,
    transactional_db: None,
) -> None:
    election = an_election(entry_teams=1)
    base = str(live_server)
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    sign_in_as(page, base, Role.COUNTING_BOARD)
    page.goto(f"{base}/bau-cu/{election.pk}/nhap-phieu/")
    field = page.get_by_label("Số thứ tự trên phiếu")
    assert field.get_attribute("name") == "numbers"  # named by its label, not by "030712"
    # nothing typed yet: the count in plain words, no red warning before the clerk begins
    assert "12 / 9" in page.inner_text("#summary")
    assert "KHÔNG HỢP LỆ" not in page.inner_text("#summary")
    assert "entry-invalid" not in (page.get_attribute("#summary", "class") or "")
    field.fill("2")  # struck one name: 11 kept of 9 seats
    assert "phiếu sẽ KHÔNG HỢP LỆ" in page.inner_text("#summary")  # said while typing
    with page.expect_navigation():
        page.keyboard.press("Enter")
    question = page.locator("#confirm-invalid")
    assert question.is_visible()
    assert "Phiếu này sẽ là phiếu KHÔNG HỢP LỆ vì gạch quá ít tên" in question.inner_text()
    assert "lưu?" in question.inner_text()
    assert not BallotEntry.objects.exists()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "entry.png"))
    with page.expect_navigation():
        page.click("text=Có, lưu thành phiếu không hợp lệ")
    assert "Đã lưu phiếu số 1: KHÔNG HỢP LỆ — phiếu bầu thừa số lượng" in page.content()
    assert BallotEntry.objects.get().sheet == 1

    page.get_by_label("Số thứ tự trên phiếu").fill("1 2 3")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Đã lưu phiếu số 2: hợp lệ, giữ 9 trên 9 tên" in page.content()
    assert page.locator("#confirm-invalid").count() == 0


def test_the_entry_screen_fits_a_tablet_with_large_tap_targets(
    browser: Browser,
    live_server: object,
    transactional_db: None,
) -> None:
    election = an_election(entry_teams=2)
    base = str(live_server)
    page = browser.new_page(viewport={"width": 768, "height": 1024})
    clerk = sign_in_as(page, base, Role.COUNTING_BOARD)
    TeamAssignment.objects.create(election=election, user=clerk, team=2)  # as the head assigns
    page.goto(f"{base}/bau-cu/{election.pk}/nhap-phieu/?team=2")
    assert page.evaluate("document.documentElement.scrollWidth") <= 768
    targets = page.locator(
        ".entry button, .entry input:not([type=hidden]):not([type=radio]), .entry select, "
        ".entry .entry-mode label, .entry-nav a"
    )
    for i in range(targets.count()):
        box = targets.nth(i).bounding_box()
        assert box is not None
        assert box["height"] >= 44, targets.nth(i).evaluate("e => e.outerHTML")
    for label in ("Số phiếu (ghi ở mặt sau)", "Số thứ tự trên phiếu"):
        assert page.get_by_label(label).count() == 1
    page.goto(f"{base}/bau-cu/{election.pk}/nhap-phieu/?team=abc")
    assert "không phải là nhóm nhập hợp lệ" in page.content()  # the field's name, gettext


def test_the_differences_page_shows_the_papers_and_one_key_chooses(
    browser: Browser,
    live_server: object,
    transactional_db: None,
) -> None:
    election = an_election(entry_teams=2)
    clerks = typists(election)  # two teams are two people
    kept = [f"c{n}" for n in range(1, 10)]
    for team in (1, 2):
        for sheet in range(1, 31):
            content = {"kept": kept}
            if sheet == 7 and team == 2:  # team 2 struck Bình instead of Khoa
                content = {"kept": [c for c in kept if c != "c2"] + ["c10"]}
            BallotEntry.objects.create(
                election=election, team=team, sheet=sheet, content=content, entered_by=clerks[team]
            )
    base = str(live_server)
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    sign_in_as(page, base, Role.COUNTING_HEAD)
    page.goto(f"{base}/bau-cu/{election.pk}/khac-biet/")
    summary = page.locator(".differs-summary").inner_text()
    assert "Trần Thị Bình" in summary
    assert "Ngô Thị Nga" in summary
    assert "Nguyễn Văn An" not in summary  # the same on both: not shown as a difference
    assert page.locator(".reading .row.differs").count() == 4  # two rows on each paper
    assert "Nhấn phím số của nhóm nhập" in page.inner_text(".key-hint")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "differences.png"))
    with page.expect_navigation():
        page.keyboard.press("1")
    assert "Không còn khác biệt nào." in page.content()
    resolution = election.resolutions.get()
    assert resolution.chosen_team == 1
