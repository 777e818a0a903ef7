"""Two count tables (tổ kiểm phiếu) at once in a real browser (Playwright, the system Chromium).

The head of the board splits 12 collected ballots evenly into two tables of two entry teams and
puts a clerk on each team; four clerks, each in their own browser, type their table's stack in
turns (one ballot each, round after round, so the server sees both tables at once); a clerk who
types a sheet of the other table is told which table it belongs to; a difference at table 2 is
settled against the paper; the head certifies, and the result is the one the paper gives.
"""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page

from daihoi.access import Role
from daihoi.db.models import BallotEntry, Congress, CountTable, Election
from tests.app.builders import make_congress, make_election
from tests.app.members import member_of_all
from tests.e2e.chromium import ARTIFACTS, PASSWORD, sign_in

pytestmark = pytest.mark.slow

#: entry team → its clerk
CLERKS = {1: "ban1a", 2: "ban1b", 3: "ban2a", 4: "ban2b"}
#: what the paper shows: sheets 1-8 strike Cường (3), 9-12 strike An (1)
STRUCK = {sheet: "3" if sheet <= 8 else "1" for sheet in range(1, 13)}


@pytest.fixture
def election(transactional_db: None) -> Election:
    congress = make_congress(projector_token="hall-tables-e2e", mode=Congress.Mode.OFFICIAL)
    head = User.objects.create_user("truongban", password=PASSWORD)
    member_of_all(head, Role.COUNTING_HEAD, Role.ORGANISER, reason="small congress: one officer")
    for username in CLERKS.values():
        member_of_all(User.objects.create_user(username, password=PASSWORD), Role.COUNTING_BOARD)
    return make_election(
        congress,
        summoned=13,
        present=12,
        ballots_issued=12,
        ballots_collected=12,
        list_approval="12/12 đại biểu có mặt tán thành",
    )


def _split_and_assign(page: Page, base: str, election: Election) -> None:
    page.goto(f"{base}/bau-cu/{election.pk}/")
    page.click("#count-tables summary")
    page.fill("#tables-split input[name=tables]", "2")
    page.select_option("#tables-split select[name=teams_per_table]", "2")
    with page.expect_navigation():
        page.click("#tables-split button")
    tables = list(CountTable.objects.filter(election=election).values_list("sheets", "teams"))
    assert tables == [([[1, 6]], [1, 2]), ([[7, 12]], [3, 4])]
    assert page.input_value("#tables-form input[name=sheets] >> nth=1") == "7–12"
    for team, username in CLERKS.items():
        page.click("#entry-teams summary")
        row = page.locator("#entry-teams tr", has_text=username)
        row.locator("select[name=team]").select_option(str(team))
        with page.expect_navigation():
            row.locator("button").click()
    assigned = dict(election.team_assignments.values_list("user__username", "team"))
    assert assigned == {username: team for team, username in CLERKS.items()}


def _type(page: Page, sheet: int, struck: str) -> None:
    assert page.input_value("input[name=sheet]") == str(sheet)  # the next sheet of the table
    page.fill("#numbers", struck)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_two_tables_type_at_once_and_the_head_certifies(
    browser: Browser, live_server: object, election: Election
) -> None:
    base = str(live_server)
    head = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(head, base, "truongban")
    _split_and_assign(head, base, election)

    clerks: dict[int, Page] = {}
    for team, username in CLERKS.items():
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        sign_in(page, base, username)
        page.goto(f"{base}/bau-cu/{election.pk}/nhap-phieu/")  # their own team, by assignment
        clerks[team] = page
    assert "7–12" in clerks[3].inner_text("#table-range")
    assert "1–6" in clerks[1].inner_text("#table-range")

    # a clerk of table 1 types a sheet of table 2: refused, naming both tables
    clerks[1].fill("input[name=sheet]", "8")
    clerks[1].fill("#numbers", "3")
    with clerks[1].expect_navigation():
        clerks[1].keyboard.press("Enter")
    assert "Phiếu số 8 thuộc Tổ kiểm phiếu 2 (phiếu 7–12); nhóm nhập 1 thuộc Tổ kiểm phiếu 1" in (
        clerks[1].content()
    )
    clerks[1].goto(f"{base}/bau-cu/{election.pk}/nhap-phieu/?team=1")

    # both tables type at once: one ballot per clerk per round; team 4 misreads sheet 10
    for turn in range(6):
        for team, page in clerks.items():
            sheet = (1 if team <= 2 else 7) + turn
            struck = "3 2" if (team, sheet) == (4, 10) else STRUCK[sheet]
            _type(page, sheet, struck)
            if turn == 2 and team == 3:
                ARTIFACTS.mkdir(exist_ok=True)
                page.screenshot(path=str(ARTIFACTS / "entry-screen-tables.png"))
    for page in clerks.values():
        assert "6/6" in page.inner_text("#progress")
    assert BallotEntry.objects.filter(election=election).count() == 24

    head.goto(f"{base}/bau-cu/{election.pk}/")
    assert head.get_by_role("button", name="Chứng nhận kết quả", exact=True).count() == 0
    assert "12/12" in head.inner_text("#total-progress")  # every sheet typed at its table
    head.goto(f"{base}/bau-cu/{election.pk}/khac-biet/")
    assert head.locator("#table-2").count() == 1
    assert head.locator("#table-1").count() == 0
    assert head.locator("section.difference").count() == 1
    with head.expect_navigation():
        head.locator("#sheet-10 button[data-key='3']").click()  # team 3 read the paper right
    assert head.locator("section.difference").count() == 0

    head.goto(f"{base}/bau-cu/{election.pk}/")
    with head.expect_navigation():
        head.get_by_role("button", name="Chứng nhận kết quả", exact=True).click()
    with head.expect_navigation():
        head.click("text=Đồng ý, chứng nhận kết quả này")
    assert "/ket-qua/" in head.url
    election.refresh_from_db()
    assert election.state == Election.State.CERTIFIED
    votes = {c["id"]: c["votes"] for c in election.result.document["candidates"]}
    assert votes == {"c1": 8, "c2": 12, "c3": 4}  # An kept on 1-8, Bình on all, Cường on 9-12
    assert election.result.document["elected"] == ["c2", "c1"]
