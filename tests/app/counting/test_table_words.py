"""Count tables and entry teams in words a newcomer cannot mix up: a count table is always
«Tổ kiểm phiếu N», an entry team «nhóm nhập N»; a refusal says what to do; the missing list
names a warning already known while typing goes on."""

import html
import re
from pathlib import Path

from django.contrib.auth.models import User
from django.urls import reverse

from daihoi.access import Role
from daihoi.actions.entry import record_entry
from daihoi.actions.tables import split_evenly
from daihoi.db.models import Election
from daihoi.labels import CATALOGUE
from daihoi.labels.tables import table_phrase
from daihoi.queries.certification import certification_check
from tests.app.builders import make_election
from tests.app.members import client_for, member, typists

TRANSLATIONS = Path(__file__).parents[3] / "tools" / "translations_vi.txt"
#: «Tổ 1», «Tổ {table}» without «kiểm phiếu»; «tổ nhập» or «tổ {team}» for an entry team
BARE_TABLE_VI = re.compile(r"\bTổ (\d|\{|%\()")
ENTRY_TEAM_AS_TO = re.compile(r"\b[Tt]ổ (nhập|\{team\}|\{assigned\})")
#: English: «team 3» not «entry team 3»; «table 2» not «count table 2»
BARE_TEAM_EN = re.compile(r"(?<!entry )(?<!Entry )\b[Tt]eam \{")
BARE_TABLE_EN = re.compile(r"(?<!count )(?<!Count )\b[Tt]able \{")


def test_the_catalogue_names_tables_and_teams_one_way() -> None:
    for _title, _about, table in CATALOGUE:
        for code, (vi, en) in table.items():
            assert not BARE_TABLE_VI.search(vi), (code, vi)
            assert not ENTRY_TEAM_AS_TO.search(vi), (code, vi)
            assert not BARE_TEAM_EN.search(en), (code, en)
            assert not BARE_TABLE_EN.search(en), (code, en)
    table = {"number": 1, "sheets": "1–142", "teams": [1, 2]}
    assert table_phrase(table, "vi") == "Tổ kiểm phiếu 1: phiếu 1–142, nhóm nhập 1, 2"
    assert table_phrase(table, "en") == "count table 1: ballots 1–142, entry teams 1, 2"


def test_the_screens_translations_name_tables_and_teams_one_way() -> None:
    """tools/translations_vi.txt, from which the lead compiles the screens' Vietnamese."""
    for line in TRANSLATIONS.read_text(encoding="utf-8").splitlines():
        if " => " not in line or line.startswith("#"):
            continue
        english, vietnamese = line.split(" => ", 1)
        assert not BARE_TABLE_VI.search(vietnamese), line
        assert not re.search(r"\b[Tt]ổ nhập", vietnamese), line
        if re.search(r"\b[Ee]ntry team", english):
            assert "nhóm nhập" in vietnamese.lower(), line
        if re.search(r"\b[Cc]ount table", english):
            assert "tổ kiểm phiếu" in vietnamese.lower(), line


def two_tables(election: Election) -> dict[int, User]:
    """Count table 1: ballots 1–5, entry teams 1, 2; count table 2: 6–9, entry teams 3, 4."""
    head = member(User.objects.create_user("truongban"), election.congress, Role.COUNTING_HEAD)
    split_evenly(head, election.pk, 2, 2)
    election.refresh_from_db()
    return typists(election)


def test_a_sheet_of_another_table_says_what_to_do_on_the_entry_screen(db: None) -> None:
    election = make_election()
    clerks = two_tables(election)
    client = client_for(None)
    client.force_login(clerks[1])
    url = reverse("entry", args=[election.pk])
    page = html.unescape(
        client.post(url, {"team": 1, "sheet": 7, "mode": "struck", "numbers": "3"}).content.decode()
    )
    assert "Phiếu số 7 thuộc Tổ kiểm phiếu 2 (phiếu 6–9)" in page
    assert "nhóm nhập 1 thuộc Tổ kiểm phiếu 1 (phiếu 1–5)" in page
    assert "Hãy xem lại số ghi trên tờ phiếu: nếu đúng là phiếu số 7, chuyển tờ phiếu" in page
    assert "cho Tổ kiểm phiếu 2." in page


def test_a_ballot_entered_twice_says_how_to_correct_it(db: None) -> None:
    election = make_election()
    clerk = client_for(Role.COUNTING_BOARD)
    url = reverse("entry", args=[election.pk])
    clerk.post(url, {"team": 1, "sheet": 1, "mode": "struck", "numbers": "3"})
    page = html.unescape(
        clerk.post(url, {"team": 1, "sheet": 1, "mode": "struck", "numbers": "2"}).content.decode()
    )
    assert "Phiếu số 1 đã được nhóm nhập 1 nhập rồi." in page
    assert 'name="undo"' in page  # the last ballot saved can be undone from this screen
    assert "bấm «Hoàn tác phiếu vừa nhập» (chỉ phiếu cuối cùng hoàn tác được)" in page
    assert "chênh lệch giữa các nhóm nhập, do trưởng ban kiểm phiếu xử lý" in page


def test_the_missing_list_names_a_known_warning_while_typing_goes_on(db: None) -> None:
    """284 collected of 285 issued is known before the first ballot is typed (R12 step 3)."""
    election = make_election(ballots_issued=10, present=10)
    clerks = two_tables(election)
    content = {"kept": ["c1", "c2"]}
    record_entry(clerks[1], election.pk, 1, 1, content)
    check = certification_check(election)
    assert not check.possible
    assert "Tổ kiểm phiếu 1 (phiếu 1–5): nhóm nhập 2 mới nhập 0/5 phiếu." in check.missing
    assert (
        "Còn cảnh báo chưa được Ban kiểm phiếu giải trình: Số phiếu thu vào (9) ít hơn số "
        "phiếu phát ra (10)."
    ) in check.missing
    assert not any(".." in line for line in check.missing)
    head = client_for(Role.COUNTING_HEAD)
    for name in ("election", "certify"):
        page = html.unescape(head.get(reverse(name, args=[election.pk])).content.decode())
        assert "ít hơn số phiếu phát ra (10).</li>" in page, name


def test_the_sheet_field_is_bounded_by_the_team_s_table_and_refused_in_words(db: None) -> None:
    election = make_election()
    clerks = two_tables(election)
    client = client_for(None)
    client.force_login(clerks[3])
    url = reverse("entry", args=[election.pk])
    page = client.get(url, {"team": 3}).content.decode()
    assert re.search(r'<form [^>]*id="entry-form"[^>]*novalidate', page)  # no English bubble
    assert 'min="6" max="9"' in page  # count table 2 holds ballots 6–9
    refused = html.unescape(
        client.post(
            url, {"team": 3, "sheet": 300, "mode": "struck", "numbers": "3"}
        ).content.decode()
    )
    assert "300" in refused
    assert "từ 1 đến 9" in refused
    assert "Value must be" not in refused


def test_the_scan_page_offers_a_clerk_their_own_team(db: None) -> None:
    election = make_election()
    clerks = two_tables(election)
    client = client_for(None)
    client.force_login(clerks[3])
    page = client.get(reverse("scan_upload", args=[election.pk])).content.decode()
    options = re.findall(r'<option value="(\d+)" ?(selected)?>', page)
    assert options == [("3", "selected")]
    head = client_for(Role.COUNTING_HEAD)  # on no team: every team offered, the first chosen
    page = head.get(reverse("scan_upload", args=[election.pk])).content.decode()
    options = re.findall(r'<option value="(\d+)" ?(selected)?>', page)
    assert options == [("1", "selected"), ("2", ""), ("3", ""), ("4", "")]
