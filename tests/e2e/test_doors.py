"""A door in Chromium on a slow or broken network, on a phone, and with a camera held on a badge.

No scan may be lost: badges read while the previous one is still on its way wait in the page and
go in order; with the network down they say so and are sent again. The slow network is Chromium's
own throttling (600 ms of latency on every request, within the 400–800 ms a hall's Wi-Fi gives).
"""

from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page, expect, sync_playwright

from daihoi.db.models import Absence, Attendance, Congress, Delegate, Session
from tests.e2e.chromium import ARGS, ARTIFACTS, CHROMIUM, sign_in

pytestmark = pytest.mark.slow

PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]


@pytest.fixture
def door(transactional_db: None) -> tuple[Congress, Session, list[Delegate]]:
    from tests.app.builders import make_door

    return make_door(PEOPLE)


def open_door(page: Page, base: str, congress: Congress) -> None:
    sign_in(page, base, "letan")
    page.goto(f"{base}/dai-hoi/{congress.pk}/diem-danh/?cua=3")


def scan(page: Page, person: Delegate) -> None:
    """A handheld scanner: the badge's text and Enter, typed into the focused field."""
    page.keyboard.type(f"DH:{person.badge_token}")
    page.keyboard.press("Enter")


def checked_in(session: Session) -> list[str]:
    rows = Attendance.objects.filter(session=session).order_by("pk")
    return list(rows.values_list("delegate__full_name", flat=True))


def test_no_scan_is_lost_on_a_slow_network(
    browser: Browser,
    live_server: object,
    door: tuple[Congress, Session, list[Delegate]],
) -> None:
    congress, session, people = door
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    open_door(page, str(live_server), congress)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 600, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    for person in people[:3]:  # three badges within the first one's 600 ms
        scan(page, person)
    expect(page.locator("#queue li.success")).to_have_count(3, timeout=15000)
    assert checked_in(session) == PEOPLE[:3]  # every one, in the order scanned
    answers = page.locator("#queue li").all_inner_texts()
    assert [a.removeprefix("✓ ") for a in reversed(answers)] == PEOPLE[:3]  # newest on top
    expect(page.locator("#answer")).to_contain_text("✓ Lê Văn Cường")


def test_a_door_offline_keeps_its_scans_and_sends_them_again(
    browser: Browser,
    live_server: object,
    door: tuple[Congress, Session, list[Delegate]],
) -> None:
    congress, session, people = door
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    open_door(page, str(live_server), congress)
    context.set_offline(True)
    scan(page, people[0])
    expect(page.locator("#queue li.failed")).to_contain_text("chưa gửi được")
    expect(page.locator("#offline")).to_be_visible()
    expect(page.locator("#offline")).to_contain_text("Chưa gửi được")
    scan(page, people[1])  # waits behind the first: the order is kept
    expect(page.locator("#queue li.waiting")).to_contain_text("đang chờ gửi")
    assert checked_in(session) == []
    context.set_offline(False)  # the network is back: the page sends them by itself, in order
    expect(page.locator("#queue li.success")).to_have_count(2)
    expect(page.locator("#offline")).to_be_hidden()
    assert checked_in(session) == PEOPLE[:2]
    # A request that fails while the browser believes it is online: sent again by hand.
    scan_url = "**/diem-danh/quet/"
    page.route(scan_url, lambda route: route.abort("internetdisconnected"))
    scan(page, people[2])
    expect(page.locator("#queue li.failed")).to_contain_text("chưa gửi được")
    page.unroute(scan_url)
    page.click("#retry")
    expect(page.locator("#queue li.success")).to_have_count(3)
    assert checked_in(session) == PEOPLE[:3]
    context.close()


def test_on_a_phone_the_answer_shows_without_scrolling_and_everything_is_named(
    browser: Browser,
    live_server: object,
    door: tuple[Congress, Session, list[Delegate]],
) -> None:
    congress, session, people = door
    person = people[3]
    Absence.objects.create(
        delegate=person, reason="Ốm", approved=True, recorded_by=User.objects.get(username="letan")
    )
    page = browser.new_page(viewport={"width": 360, "height": 640}, has_touch=True)
    open_door(page, str(live_server), congress)
    scan(page, people[0])
    expect(page.locator("#answer")).to_contain_text("✓ Nguyễn Văn An")
    box = page.locator("#answer").bounding_box()
    assert box is not None
    assert box["y"] >= 0
    assert box["y"] + box["height"] <= 640  # seen without scrolling
    assert page.evaluate("window.scrollY") == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    unnamed = page.evaluate(
        """() => Array.from(document.querySelectorAll("main input:not([type=hidden]), main select"))
             .filter((f) => !f.labels.length && !f.getAttribute("aria-label")).map((f) => f.id)"""
    )
    assert unnamed == []
    page.fill("#search", "pham thi")
    button = page.get_by_role("button", name="Điểm danh Phạm Thị Dung")
    expect(button).to_be_visible()
    small = page.evaluate(
        """() => Array.from(document.querySelectorAll("main button, main input:not([type=hidden])"))
             .filter((e) => e.offsetParent !== null)
             .filter((e) => e.getBoundingClientRect().height < 44).map((e) => e.outerHTML)"""
    )
    assert small == []
    # Recorded absent for the whole congress, here after all: the door asks.
    button.click()
    expect(page.locator("#answer")).to_contain_text("đã được ghi vắng mặt cả đại hội (lý do: Ốm)")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "door-phone.png"))
    page.get_by_role("button", name="Rút ghi nhận vắng mặt").click()
    expect(page.locator("#answer")).to_contain_text("Đã rút ghi nhận vắng mặt.")
    assert not Absence.objects.filter(delegate=person).exists()
    assert checked_in(session) == ["Nguyễn Văn An", "Phạm Thị Dung"]


def badge_video(path: Path, text: str) -> Path:
    """A camera's view of a badge held still: a QR code on white, as a Y4M file Chromium plays."""
    code = cv2.QRCodeEncoder.create().encode(text)
    code = cv2.resize(code, (320, 320), interpolation=cv2.INTER_NEAREST)
    frame = np.full((480, 640), 255, np.uint8)
    frame[80:400, 160:480] = code
    yuv = cv2.cvtColor(cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR), cv2.COLOR_BGR2YUV_I420)
    with path.open("wb") as out:
        out.write(b"YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n")
        for _ in range(10):
            out.write(b"FRAME\n" + yuv.tobytes())
    return path


@pytest.fixture
def camera_browser(tmp_path: Path) -> Iterator[tuple[Browser, Path]]:
    video = tmp_path / "badge.y4m"
    fake = [
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    ]
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS + fake)
        yield launched, video
        launched.close()


def test_a_badge_held_before_the_camera_is_read_once(
    camera_browser: tuple[Browser, Path],
    live_server: object,
    door: tuple[Congress, Session, list[Delegate]],
) -> None:
    congress, session, people = door
    browser_, video = camera_browser
    badge_video(video, f"DH:{people[1].badge_token}")
    page = browser_.new_page(viewport={"width": 1100, "height": 900})
    page.add_init_script(
        """(() => { window.cameraOpened = 0; const md = navigator.mediaDevices;
        const open = md.getUserMedia.bind(md);
        md.getUserMedia = (c) => { window.cameraOpened += 1; return open(c); }; })()"""
    )
    open_door(page, str(live_server), congress)
    camera = page.locator("#camera-button")
    camera.click()
    expect(page.locator("#answer")).to_contain_text("✓ Trần Thị Bình", timeout=15000)
    start = page.evaluate("[window.doorDecodes, performance.now()]")
    page.wait_for_function(f"() => window.doorDecodes >= {start[0] + 24}", timeout=15000)
    end = page.evaluate("[window.doorDecodes, performance.now()]")
    rate = (end[0] - start[0]) / ((end[1] - start[1]) / 1000)
    assert rate <= 8.5  # one decode loop, at most 8 a second
    assert page.locator("#queue li").count() == 1  # held for 3 s and more: one answer
    expect(page.locator("#answer")).to_contain_text("✓ Trần Thị Bình")  # not turned yellow
    assert checked_in(session) == ["Trần Thị Bình"]
    assert page.evaluate("window.cameraOpened") == 1
    expect(camera).to_have_text("Tắt camera")
    camera.click()  # stop: the stream ends, the loop with it
    expect(camera).to_have_text("Quét bằng camera")
    assert page.evaluate("document.getElementById('camera').srcObject.active") is False
