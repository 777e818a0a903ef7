"""Scanned ballots in a real browser: upload a few, open the one the reader doubted, one member
proposes the decision and a second confirms it (omr.md §5.4), then the hand check against paper.

The scans are synthetic (`testkit.synth`, seeded) and read by the real reader. A screenshot
of the review page, with each row's decision drawn over the scan, is kept in
test-artifacts/review.png for people to look at.
"""

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, expect

from daihoi.access import Role
from daihoi.db.models import BallotEntry, Election, ScannedBallot
from tests.app.builders import make_election
from tests.app.members import member_of_all
from tests.app.scans import blank, marked
from tests.e2e.chromium import ARTIFACTS, sign_in

pytestmark = pytest.mark.slow


@pytest.fixture
def election(transactional_db: None, settings: Any, tmp_path: Path) -> Election:
    settings.DATA_DIR = tmp_path
    e = make_election(excluded_from_base={}, summoned=9, list_approval="9/9 tán thành")
    board = User.objects.create_user("kiemphieu", password="pw-e2e")
    member_of_all(board, Role.COUNTING_BOARD)
    head = User.objects.create_user("truongban", password="pw-e2e")
    member_of_all(head, Role.COUNTING_HEAD)
    return e


def test_upload_scans_review_the_doubtful_one_and_confirm(
    browser: Browser,
    live_server: object,
    election: Election,
    tmp_path: Path,
) -> None:
    clear = [marked(election, seed) for seed in (1, 3)]
    # no stamp (the board must rule, R11), and one to three rows marked ambiguously
    unstamped = marked(election, 5, stamp=False, ambiguous_rate=1.0)
    files = []
    for name, data in (
        ("001.jpg", clear[0].jpeg()),
        ("002.jpg", clear[1].jpeg()),
        ("003.jpg", unstamped.jpeg()),
        ("004.jpg", blank()),
    ):
        (tmp_path / name).write_bytes(data)
        files.append(str(tmp_path / name))
    base = str(live_server)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    sign_in(page, base, "kiemphieu")
    page.goto(f"{base}/bau-cu/{election.pk}/")
    with page.expect_navigation():
        page.click("text=Quét phiếu bầu")
    page.set_input_files("input[name=files]", files)
    with page.expect_navigation():
        page.click("button:has-text('Đọc ảnh quét')")
    expect(page.locator("#scan-items")).to_contain_text("003.jpg")
    expect(page.locator(".error")).to_contain_text("004.jpg, trang 1: trang trắng")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "scan-report.png"), full_page=True)
    doubtful = ScannedBallot.objects.get(sheet=3)
    assert doubtful.state == ScannedBallot.State.REVIEW
    with page.expect_navigation():
        page.locator("#scan-items tr", has_text="003.jpg").locator("a").click()
    expect(page.locator("#ruling")).to_be_visible()
    page.check("#ruling input[value=valid]")
    for row in page.locator("fieldset.review-row").all():  # the rows the reader doubted
        number = int(str(row.get_attribute("id")).removeprefix("row-"))
        mark = unstamped.truth.rows[number]
        row.locator(f"input[value={mark if mark != 'ambiguous' else 'kept'}]").check()
    page.wait_for_function(
        "() => [...document.images].every(i => i.complete && i.naturalWidth > 0)", timeout=15000
    )
    page.screenshot(path=str(ARTIFACTS / "review.png"), full_page=True)
    with page.expect_navigation():
        page.click("#review-form button[type=submit]")
    doubtful.refresh_from_db()
    assert doubtful.state == ScannedBallot.State.REVIEW  # proposed: nothing entered yet
    assert not BallotEntry.objects.filter(election=election, sheet=3).exists()
    page.goto(f"{base}/bau-cu/{election.pk}/phieu-can-xem/")
    expect(page.locator("#confirming")).to_contain_text("kiemphieu")
    page.close()
    # a second member (the head) checks the proposal against the paper and confirms it
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    sign_in(page, base, "truongban")
    page.goto(f"{base}/bau-cu/{election.pk}/phieu-can-xem/")
    with page.expect_navigation():
        page.locator("#confirming a").first.click()
    expect(page.locator("#proposal")).to_contain_text("kiemphieu")
    page.screenshot(path=str(ARTIFACTS / "review-confirm.png"), full_page=True)
    with page.expect_navigation():
        page.click("#confirm-form button[type=submit]")
    doubtful.refresh_from_db()
    assert doubtful.state == ScannedBallot.State.CONFIRMED
    assert doubtful.proposed_by is not None
    assert doubtful.proposed_by.username == "kiemphieu"
    assert doubtful.decided_by is not None
    assert doubtful.decided_by.username == "truongban"
    final = {int(n): mark for n, mark in doubtful.decision["rows"].items()}
    for number, mark in unstamped.truth.rows.items():
        if mark != "ambiguous":
            assert final[number] == mark
    kept = [f"c{n}" for n, mark in sorted(final.items()) if mark == "kept"]
    assert BallotEntry.objects.get(election=election, sheet=3).content == {"kept": kept}
    # the hand check: every scanned ballot, as fewer than 50 were scanned (omr.md §5.4)
    page.goto(f"{base}/bau-cu/{election.pk}/kiem-tra-phieu-giay/")
    expect(page.locator("#required")).to_be_visible()
    page.fill("#seed", "4 2 6 1 3")
    with page.expect_navigation():
        page.click("#draw-form button[type=submit]")
    expect(page.locator("#sheets")).to_have_text("1, 2, 3")
    struck = {  # what each paper shows: the marks drawn, and the board's decision on sheet 3
        1: [n for n, m in clear[0].truth.rows.items() if m == "struck"],
        2: [n for n, m in clear[1].truth.rows.items() if m == "struck"],
        3: [n for n, m in final.items() if m == "struck"],
    }
    for sheet, numbers in struck.items():
        typed = numbers
        if sheet == 2:  # the member reads sheet 2 otherwise: a difference stops the count
            others = [n for n in (1, 2, 3) if n not in numbers]
            typed = [*numbers, others[0]] if others else numbers[1:]
        form = page.locator(f"#sheet-1-{sheet} form")
        form.locator("input[name=numbers]").fill(" ".join(map(str, typed)))
        with page.expect_navigation():
            form.locator("button").click()
    expect(page.locator("#sheet-1-2")).to_have_class("error")
    expect(page.locator("#blockers")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "spot-check.png"), full_page=True)
    settle = page.locator("#sheet-1-2 form.settle-form")
    settle.locator("input[name=numbers]").fill(" ".join(map(str, struck[2])))
    with page.expect_navigation():
        settle.locator("button").click()
    expect(page.locator("#blockers")).to_have_count(0)
    page.close()
