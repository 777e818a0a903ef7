"""Check-in at a door in a real browser: a typed (or handheld-scanned) badge code, then a search.

The handheld scanner is a keyboard: it types the badge's QR text and Enter, which is what the
test does. The name search goes through htmx; the board then shows who is present.
"""

import pytest
from playwright.sync_api import Browser, expect

from daihoi.db.models import Attendance
from tests.app.builders import NAMES, make_door
from tests.e2e.chromium import ARTIFACTS, sign_in

pytestmark = pytest.mark.slow


def test_check_in_by_typed_code_and_by_search(
    browser: Browser,
    live_server: object,
    transactional_db: None,
) -> None:
    congress, session, people = make_door(NAMES)
    base = str(live_server)
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    sign_in(page, base, "letan")
    page.goto(f"{base}/dai-hoi/{congress.pk}/diem-danh/?cua=2")
    # The handheld scanner types the badge's text and Enter into the focused field.
    page.keyboard.type(f"DH:{people[0].badge_token}")
    page.keyboard.press("Enter")
    expect(page.locator("#answer")).to_contain_text("✓ Nguyễn Văn An")
    assert page.evaluate("document.activeElement.id") == "token"  # ready for the next badge
    page.keyboard.type(f"DH:{people[0].badge_token}")
    page.keyboard.press("Enter")
    expect(page.locator("#answer")).to_contain_text("đã điểm danh lúc")
    page.keyboard.type("DH:khong-co-the-nay")
    page.keyboard.press("Enter")
    expect(page.locator("#answer")).to_contain_text("không có trong danh sách")
    # By name, without diacritics, as someone types in a hurry.
    page.fill("#search", "tran thi")
    expect(page.locator("#found")).to_contain_text("Trần Thị Bình")
    page.click("#found .checkin-button")
    expect(page.locator("#answer")).to_contain_text("✓ Trần Thị Bình")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "checkin.png"))
    assert sorted(
        Attendance.objects.filter(session=session).values_list("delegate__full_name", flat=True)
    ) == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert Attendance.objects.get(delegate=people[0]).door == "2"
    page.close()
