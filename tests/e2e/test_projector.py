"""The hall's screen in Chromium: 49 names certified, at the three screens halls have.

Every name must be on screen, whole, or on a page that comes round by itself; nothing may run off
the screen; the count elected is said in words. The 1080p screen is kept for people to look at.
"""

import pytest
from playwright.sync_api import Browser, Page

from daihoi.db.models import Congress
from tests.e2e.chromium import ARTIFACTS
from tests.e2e.reference_result import certified_reference

pytestmark = pytest.mark.slow

SCREENS = [(1920, 1080), (1366, 768), (1024, 768)]

# What the screen shows now: the names whole and inside the viewport, and whatever overflows.
SEEN = """() => {
  const vw = window.innerWidth, vh = window.innerHeight;
  const footer = document.getElementById("projector-page").getBoundingClientRect();
  const names = [], cut = [];
  document.querySelectorAll("#screen td.name span:first-child").forEach((span) => {
    const r = span.getBoundingClientRect(), cell = span.parentElement;
    const bottom = Math.min(vh, footer.top);
    const inside = r.left >= 0 && r.right <= vw && r.top >= 0 && r.bottom <= bottom;
    const whole = cell.scrollWidth <= cell.clientWidth + 1;
    (inside && whole ? names : cut).push(span.textContent);
  });
  const root = document.documentElement;
  return {
    names, cut,
    page: document.getElementById("projector-page").textContent,
    overflow: root.scrollWidth > vw || root.scrollHeight > vh,
    summary: document.getElementById("projector-summary").textContent,
    title: document.getElementById("projector-title").textContent,
  };
}"""


def every_name(page: Page) -> set[str]:
    """The names seen on each page as the pages turn, until the first page comes round again."""
    page.wait_for_selector("#screen td.name")
    seen: set[str] = set()
    first = page.evaluate(SEEN)
    now = first
    while True:
        assert not now["overflow"], now
        assert not now["cut"], now["cut"]
        seen |= set(now["names"])
        if not now["page"]:
            return seen  # one page holds them all
        before = now["page"]
        page.wait_for_function(
            "p => document.getElementById('projector-page').textContent !== p",
            arg=before,
            timeout=20000,
        )
        now = page.evaluate(SEEN)
        if now["page"] == first["page"]:
            return seen


def test_the_projector_shows_every_name_at_every_screen(
    browser: Browser,
    live_server: object,
    transactional_db: None,
) -> None:
    congress, election = certified_reference()
    document = election.result.document
    names = {c["name"] for c in document["candidates"]}
    assert len(names) == 49
    for width, height in SCREENS:
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(f"{live_server}/man-chieu/{congress.projector_token}/")
        assert every_name(page) == names, (width, height)
        state = page.evaluate(SEEN)
        assert f"{len(document['elected'])} đồng chí trúng cử" in state["summary"]
        assert "Ban Chấp hành" in state["title"]
        elected = page.locator("#screen tr.elected .mark")
        assert elected.count() > 0
        if (width, height) == (1920, 1080):
            assert not state["page"]  # 49 names on one 1080p screen, no page to wait for
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "projector-1080p.png"))
        page.close()
    assert Congress.objects.count() == 1
