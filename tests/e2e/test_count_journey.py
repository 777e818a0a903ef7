"""A congress's journey in a real browser (Playwright driving the system Chromium).

Import the register from a workbook, define an election, record its figures, open it, enter 20
ballots twice (the head of the board assigns the teams: team 1 types as the head, team 2 as
another clerk, for one person holds one team) with one deliberate difference, settle it against
the paper, certify, see the
result on the projector, download the election file and the minutes. Screenshots of the entry
screen and of the projector are kept in test-artifacts/ for people to look at.
"""

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from daihoi.access import Role
from daihoi.db.models import Congress, Election
from tests.app.builders import make_congress
from tests.app.members import member_of_all
from tests.e2e.chromium import ARTIFACTS, sign_in
from tests.imports.workbooks import workbook

pytestmark = pytest.mark.slow

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Giang"]


@pytest.fixture
def congress(transactional_db: None) -> Congress:
    c = make_congress(projector_token="hall-screen-e2e", mode=Congress.Mode.OFFICIAL)
    head = User.objects.create_user("truongban", password="pw-e2e")
    # one person sets up and certifies here: allowed only with the reason recorded
    member_of_all(head, Role.COUNTING_HEAD, Role.ORGANISER, reason="small congress: one officer")
    clerk = User.objects.create_user("kiemphieu2", password="pw-e2e")
    member_of_all(clerk, Role.COUNTING_BOARD)
    return c


def register_workbook(path: Path) -> Path:
    rows = [
        [
            str(i),
            name,
            f"0{i}/05/197{i}",
            "Nữ" if i % 2 else "Nam",
            "Kinh",
            "Đại học",
            "Cao cấp",
            "",
            "",
            "Đảng bộ phường Thử Nghiệm",
            "Được bầu",
            "Không",
        ]
        for i, name in enumerate(NAMES, start=1)
    ]
    path.write_bytes(workbook(*rows))
    return path


def import_and_define(page: Page, base: str, congress: Congress, tmp: Path) -> Election:
    page.goto(f"{base}/dai-hoi/{congress.pk}/dai-bieu/")
    page.set_input_files("input[name=file]", str(register_workbook(tmp / "dai-bieu.xlsx")))
    with page.expect_navigation():
        page.click("text=Kiểm tra tệp")
    assert "5 dòng không có lỗi." in page.content()
    with page.expect_navigation():
        page.click("text=Lưu tất cả các dòng")
    page.goto(f"{base}/dai-hoi/{congress.pk}/bau-cu-moi/")
    page.select_option("select[name=body]", "executive_committee")
    page.fill("input[name=seats]", "3")
    page.select_option("select[name=entry_teams]", "2")
    page.fill("input[name=list_approval]", "20/20 đại biểu có mặt tán thành")
    for box in page.locator("input[name=delegates]").all():
        box.check()
    with page.expect_navigation():
        page.click("button:has-text('Tạo cuộc bầu cử')")
    election = congress.elections.get()
    page.click("text=Ghi số liệu")
    page.fill("input[name=summoned]", "22")
    page.fill("input[name=excluded_delegates_absent_whole_congress_not_replaced]", "1")
    page.fill("input[name=present]", "20")
    page.fill("input[name=ballots_issued]", "20")
    page.fill("input[name=ballots_collected]", "20")
    with page.expect_navigation():
        page.click("button:has-text('Lưu số liệu')")
    with page.expect_navigation():
        page.click("button:has-text('Mở nhập phiếu')")
    election.refresh_from_db()
    assert election.state == Election.State.OPEN
    assert [c.name for c in election.candidates.all()] == NAMES  # already in ballot order
    return election


def assign_teams(page: Page, base: str, election: Election, teams: dict[str, int]) -> None:
    """The head of the board puts each clerk on one team, on the election page."""
    page.goto(f"{base}/bau-cu/{election.pk}/")
    for username, team in teams.items():
        page.click("#entry-teams summary")
        row = page.locator("#entry-teams tr", has_text=username)
        row.locator("select[name=team]").select_option(str(team))
        with page.expect_navigation():
            row.locator("button").click()
    assigned = dict(election.team_assignments.values_list("user__username", "team"))
    assert assigned == teams


def enter_stack(
    page: Page, base: str, election: Election, team: int, odd_sheet: int | None
) -> None:
    page.goto(f"{base}/bau-cu/{election.pk}/nhap-phieu/?team={team}")
    for sheet in range(1, 21):
        struck = "4 5" if sheet <= 14 else "1 5"
        if sheet == odd_sheet:
            struck = "2 5"
        assert page.input_value("input[name=sheet]") == str(
            sheet
        )  # the next number comes by itself
        page.fill("#numbers", struck)
        if sheet == 1 and team == 1:
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "entry-screen.png"))
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert "20/20" in page.inner_text("#progress")


def test_import_define_enter_twice_settle_certify_project_and_print(
    browser: Browser, live_server: object, congress: Congress, tmp_path: Path
) -> None:
    base = str(live_server)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, base, "truongban")
    election = import_and_define(page, base, congress, tmp_path)
    assign_teams(page, base, election, {"truongban": 1, "kiemphieu2": 2})
    enter_stack(page, base, election, team=1, odd_sheet=None)
    clerk = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(clerk, base, "kiemphieu2")
    enter_stack(clerk, base, election, team=2, odd_sheet=7)

    page.goto(f"{base}/bau-cu/{election.pk}/")
    certify = page.get_by_role("button", name="Chứng nhận kết quả", exact=True)
    assert certify.count() == 0  # not possible yet: the page says why
    assert "Còn 1 phiếu nhập khác nhau" in page.content()

    page.goto(f"{base}/bau-cu/{election.pk}/khac-biet/")
    with page.expect_navigation():
        page.locator("button[data-key='1']").click()
    assert "Không còn khác biệt nào." in page.content()

    projector = browser.new_page(viewport={"width": 1280, "height": 720})
    projector.goto(f"{base}/man-chieu/hall-screen-e2e/")
    projector.wait_for_function(
        "() => document.getElementById('screen').textContent.includes('20')"
    )
    assert "Nguyễn Văn An" not in projector.inner_text("#screen")  # nothing before certification

    page.goto(f"{base}/bau-cu/{election.pk}/")
    with page.expect_navigation():
        page.get_by_role("button", name="Chứng nhận kết quả", exact=True).click()
    with page.expect_navigation():
        page.click("text=Đồng ý, chứng nhận kết quả này")
    assert "/ket-qua/" in page.url
    assert "Trần Thị Bình" in page.inner_text("table")

    projector.wait_for_function(
        "() => document.getElementById('screen').textContent.includes('Nguyễn Văn An')",
        timeout=5000,
    )
    projector.screenshot(path=str(ARTIFACTS / "projector.png"))
    elected = projector.locator("tr.elected").all_inner_texts()
    assert len(elected) == 3

    with page.expect_download() as download:
        page.evaluate(
            "url => { const a = document.createElement('a'); a.href = url; a.download = '';"
            " document.body.appendChild(a); a.click(); }",
            f"{base}/bau-cu/{election.pk}/tep-bau-cu.json",
        )
    saved = ARTIFACTS / "election-file.json"
    download.value.save_as(saved)
    assert '"daihoi.election/1"' in saved.read_text(encoding="utf-8")
    page.goto(f"{base}/bau-cu/{election.pk}/ket-qua/")
    with page.expect_download() as minutes:
        page.click("text=Biên bản (PDF)")
    pdf = ARTIFACTS / "minutes.pdf"
    minutes.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "BIÊN BẢN KIỂM PHIẾU" in text
    assert election.result.sha256 in " ".join(text.split())
