"""Count tables (tổ kiểm phiếu) on a real database: tables typing at once, a sheet typed at the
wrong table refused in words, differences compared and settled within a table, certification
waiting for every table and then giving the result one table would, scans numbered within the
scanning team's table, and the head's screens."""

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from daihoi.access import Role
from daihoi.actions.certify import certify_result
from daihoi.actions.entry import content_from_numbers, record_entry, resolve_difference
from daihoi.actions.scanning import scan_files
from daihoi.actions.tables import define_tables, split_evenly
from daihoi.db.models import AuditEvent, BallotEntry, CountTable, Election
from daihoi.errors import ActionError
from daihoi.queries.audit import audit_rows
from daihoi.queries.certification import certification_check
from daihoi.queries.differences import differences_screen
from daihoi.queries.entries import ballot_codes, settled
from daihoi.queries.projector import get_projector_state
from tests.app.builders import make_election
from tests.app.members import client_for, member, typists
from tests.app.scans import marked

# 9 ballots: sheets 1-6 keep An+Bình (strike 3), 7-9 keep Bình+Cường (strike 1)
STRUCK = {sheet: [3] if sheet <= 6 else [1] for sheet in range(1, 10)}


def _type(election: Election, clerk: User, team: int, sheet: int, struck: list[int]) -> None:
    content = content_from_numbers(ballot_codes(election), struck, struck=True)
    record_entry(clerk, election.pk, team, sheet, content)


def _two_tables(election: Election, clerk: User) -> dict[int, User]:
    """Count table 1: ballots 1–5, entry teams 1 and 2; count table 2: ballots 6–9, entry teams 3
    and 4."""
    split_evenly(clerk, election.pk, 2, 2)
    election.refresh_from_db()
    return typists(election)


def _type_tables_interleaved(
    election: Election, clerks: dict[int, User], odd: dict[tuple[int, int], list[int]] | None = None
) -> None:
    """The four teams type their tables' stacks at once: one ballot each in turn."""
    stacks = {1: range(1, 6), 2: range(1, 6), 3: range(6, 10), 4: range(6, 10)}
    for turn in range(5):
        for team, stack in stacks.items():
            if turn < len(stack):
                sheet = stack[turn]
                struck = (odd or {}).get((team, sheet), STRUCK[sheet])
                _type(election, clerks[team], team, sheet, struck)


def test_the_even_split_sets_two_tables_and_four_teams_audited(
    election: Election, clerk: User
) -> None:
    split_evenly(clerk, election.pk, 2, 2)
    election.refresh_from_db()
    assert election.entry_teams == 4
    rows = [(t.number, t.sheets, t.teams) for t in CountTable.objects.filter(election=election)]
    assert rows == [(1, [[1, 5]], [1, 2]), (2, [[6, 9]], [3, 4])]
    event = AuditEvent.objects.filter(action="define_tables").get()
    assert event.details["tables"][1] == {"number": 2, "sheets": "6–9", "teams": [3, 4]}
    said = [row.sentence for row in audit_rows(election.congress)]
    assert any(
        sentence.startswith(
            "Chia phiếu cho các tổ kiểm phiếu: Tổ kiểm phiếu 1: phiếu 1–5, nhóm nhập 1, 2; "
            "Tổ kiểm phiếu 2: phiếu 6–9, nhóm nhập 3, 4 — "
        )
        for sentence in said
    ), said


def test_tables_typing_at_once_settle_every_sheet(election: Election, clerk: User) -> None:
    clerks = _two_tables(election, clerk)
    _type_tables_interleaved(election, clerks)
    ballots, open_differences = settled(election)
    assert sorted(ballots) == list(range(1, 10))
    assert open_differences == []
    assert BallotEntry.objects.filter(election=election).count() == 18  # each sheet twice, not 4x


def test_a_sheet_of_another_table_is_refused_in_words(election: Election, clerk: User) -> None:
    clerks = _two_tables(election, clerk)
    with pytest.raises(ActionError) as refused:
        _type(election, clerks[1], 1, 7, [1])
    assert refused.value.code == "sheet_other_table"
    assert refused.value.field == "sheet"
    assert refused.value.message_vi == (
        "Phiếu số 7 thuộc Tổ kiểm phiếu 2 (phiếu 6–9); nhóm nhập 1 thuộc Tổ kiểm phiếu 1 "
        "(phiếu 1–5). Hãy xem lại số ghi trên tờ phiếu: nếu đúng là phiếu số 7, chuyển tờ "
        "phiếu cho Tổ kiểm phiếu 2."
    )
    assert refused.value.message_en == (
        "Ballot 7 belongs to count table 2 (ballots 6–9); entry team 1 is at count table 1 "
        "(ballots 1–5). Check the number written on the paper: if it is ballot 7, hand the "
        "paper to count table 2."
    )
    assert not BallotEntry.objects.filter(election=election).exists()


def test_differences_are_compared_and_settled_within_a_table(
    election: Election, clerk: User
) -> None:
    clerks = _two_tables(election, clerk)
    # team 4 misreads sheet 8; team 2 misreads sheet 2
    _type_tables_interleaved(election, clerks, {(4, 8): [2], (2, 2): [1]})
    _, open_differences = settled(election)
    assert [(d.sheet, sorted(d.entries)) for d in open_differences] == [(2, [1, 2]), (8, [3, 4])]
    screen = differences_screen(election)
    assert screen["tables_defined"] is True
    assert [(row["table"].number, row["sheet"]) for row in screen["rows"]] == [(1, 2), (2, 8)]
    head = client_for(Role.COUNTING_HEAD)
    page = head.get(reverse("differences", args=[election.pk])).content.decode()
    # (the headings' words come from the translation catalogue; their place and ranges from here)
    assert page.index('id="table-1"') < page.index("1–5") < page.index("sheet-2")
    assert (
        page.index("sheet-2")
        < page.index('id="table-2"')
        < page.index("6–9")
        < page.index("sheet-8")
    )
    resolve_difference(clerk, election.pk, 8, chosen_team=3)
    resolve_difference(clerk, election.pk, 2, chosen_team=1)
    assert settled(election)[1] == []


def test_certification_waits_for_every_table_then_gives_one_table_s_result(
    election: Election, clerk: User
) -> None:
    clerks = _two_tables(election, clerk)
    for sheet in range(1, 6):  # table 1 complete; table 2 has only team 3's first ballot
        for team in (1, 2):
            _type(election, clerks[team], team, sheet, STRUCK[sheet])
    _type(election, clerks[3], 3, 6, STRUCK[6])
    check = certification_check(election)
    assert not check.possible
    assert "Tổ kiểm phiếu 2 (phiếu 6–9): nhóm nhập 3 mới nhập 1/4 phiếu." in check.missing
    assert "Tổ kiểm phiếu 2 (phiếu 6–9): nhóm nhập 4 mới nhập 0/4 phiếu." in check.missing
    assert not any("Tổ kiểm phiếu 1" in line for line in check.missing)
    with pytest.raises(ActionError) as refused:
        certify_result(clerk, election.pk)
    assert refused.value.code == "table_entries_incomplete"
    for sheet in range(7, 10):
        _type(election, clerks[3], 3, sheet, STRUCK[sheet])
    for sheet in range(6, 10):
        _type(election, clerks[4], 4, sheet, STRUCK[sheet])
    result = certify_result(clerk, election.pk)
    # the same ballots counted as one table of two teams give the same result
    twin = make_election(election.congress, entry_teams=2)
    pair = typists(twin)
    for sheet, struck in STRUCK.items():
        for team in (1, 2):
            _type(twin, pair[team], team, sheet, struck)
    alone = certify_result(clerk, twin.pk)
    assert result.document["candidates"] == alone.document["candidates"]
    assert result.document["elected"] == alone.document["elected"] == ["c2", "c1"]


def test_sheets_in_no_table_block_certification_by_name(election: Election, clerk: User) -> None:
    define_tables(clerk, election.pk, [("1-4", "1 2"), ("6-9", "3 4")])
    election.refresh_from_db()
    clerks = typists(election)
    for team, sheets in ((1, range(1, 5)), (2, range(1, 5)), (3, range(6, 10)), (4, range(6, 10))):
        for sheet in sheets:
            _type(election, clerks[team], team, sheet, STRUCK[sheet])
    with pytest.raises(ActionError) as refused:
        _type(election, clerks[1], 1, 5, STRUCK[5])
    assert refused.value.message_vi == (
        "Phiếu số 5 chưa thuộc tổ kiểm phiếu nào; nhóm nhập 1 thuộc Tổ kiểm phiếu 1 (phiếu 1–4). "
        "Hãy xem lại số ghi trên tờ phiếu, và báo trưởng ban kiểm phiếu nếu số đó đúng."
    )
    assert certification_check(election).missing == ["Phiếu số 5 chưa thuộc tổ kiểm phiếu nào."]
    with pytest.raises(ActionError) as blocked:
        certify_result(clerk, election.pk)
    assert blocked.value.code == "table_sheets_uncovered"
    # the head gives sheet 5 to table 1; its teams type it; then the count can be certified
    define_tables(clerk, election.pk, [("1-5", "1 2"), ("6-9", "3 4")])
    for team in (1, 2):
        _type(election, clerks[team], team, 5, STRUCK[5])
    assert certify_result(clerk, election.pk).document["elected"] == ["c2", "c1"]


@pytest.mark.parametrize(
    "case",
    [
        ([("1-5, x", "1 2")], "sheets_malformed", "sheets", "«x» không phải số phiếu"),
        ([("0-5", "1 2")], "sheets_zero", "sheets", "«0-5»: số phiếu bắt đầu từ 1."),
        ([("1-5", "1 2"), ("5-9", "3 4")], "table_sheet_repeated", "sheets", "Phiếu số 5"),
        ([("1-5", "1 2"), ("6-9", "2 3")], "table_team_repeated", "teams", "Nhóm nhập 2"),
        ([("1-5", "1")], "table_team_count", "teams", "hai hoặc ba"),
        ([("1-12", "1 2")], "table_beyond_collected", "sheets", "phiếu số 10"),
        ([("1-5", "1 2"), ("6-9", "4 5")], "table_team_missing", "teams", "Nhóm nhập 3"),
    ],
)
def test_bad_tables_are_refused_naming_the_field_and_change_nothing(
    election: Election, clerk: User, case: tuple[list[tuple[str, str]], str, str, str]
) -> None:
    rows, code, field, vi = case
    define_tables(clerk, election.pk, [("1-9", "1 2")])
    before = list(CountTable.objects.values_list("number", "sheets", "teams"))
    with pytest.raises(ActionError) as refused:
        define_tables(clerk, election.pk, rows)
    assert (refused.value.code, refused.value.field) == (code, field)
    assert vi in refused.value.message_vi
    assert list(CountTable.objects.values_list("number", "sheets", "teams")) == before


def test_a_change_is_refused_when_an_entry_would_leave_its_team_s_table(
    election: Election, clerk: User
) -> None:
    clerks = _two_tables(election, clerk)
    _type(election, clerks[1], 1, 5, STRUCK[5])
    with pytest.raises(ActionError) as refused:
        define_tables(clerk, election.pk, [("1-4", "1 2"), ("5-9", "3 4")])
    assert refused.value.code == "table_strands_entry"
    assert "Nhóm nhập 1 đã nhập phiếu số 5" in refused.value.message_vi
    # a change that keeps every entry in its table is allowed
    define_tables(clerk, election.pk, [("1-6", "1 2"), ("7-9", "3 4")])
    assert [t.sheets for t in CountTable.objects.all()] == [[[1, 6]], [[7, 9]]]


def test_tables_are_fixed_once_the_result_is_certified_and_need_the_head(
    election: Election, clerk: User
) -> None:
    for sheet, struck in STRUCK.items():
        _type(election, clerk, 1, sheet, struck)
    certify_result(clerk, election.pk)
    with pytest.raises(ActionError) as refused:
        split_evenly(clerk, election.pk, 2, 2)
    assert refused.value.code == "election_certified"
    other = make_election(election.congress)
    board = member(User.objects.create_user("board"), other.congress, Role.COUNTING_BOARD)
    with pytest.raises(ActionError) as forbidden:
        split_evenly(board, other.pk, 2, 2)
    assert forbidden.value.code == "not_allowed"
    assert not CountTable.objects.exists()


def test_removing_the_tables_brings_back_one_stack(election: Election, clerk: User) -> None:
    _two_tables(election, clerk)
    define_tables(clerk, election.pk, [])
    assert not CountTable.objects.exists()
    assert AuditEvent.objects.filter(action="remove_tables").count() == 1


@pytest.fixture
def scanned_election(settings: Any, tmp_path: Path, election: Election) -> Election:
    settings.DATA_DIR = tmp_path
    election.list_approval = "9/9 đại biểu có mặt tán thành"
    election.save()
    return election


def test_a_scanned_stack_is_numbered_within_the_team_s_table(
    scanned_election: Election, clerk: User
) -> None:
    election = scanned_election
    clerks = _two_tables(election, clerk)
    _type(election, clerks[3], 3, 6, STRUCK[6])
    papers = [marked(election, seed) for seed in (1, 3)]
    report = scan_files(
        clerks[3], election.pk, 3, [(f"{i}.jpg", p.jpeg()) for i, p in enumerate(papers)]
    )
    assert [item.sheet for item in report.items] == [7, 8]  # table 2's free sheets, in order
    too_many = [marked(election, seed) for seed in (5, 7)]
    with pytest.raises(ActionError) as refused:
        scan_files(
            clerks[3], election.pk, 3, [(f"m{i}.jpg", p.jpeg()) for i, p in enumerate(too_many)]
        )
    assert refused.value.code == "scan_exceeds_table"
    assert refused.value.message_vi == (
        "Đọc được 2 phiếu nhưng nhóm nhập 3 chỉ còn 1 số phiếu trống trong Tổ kiểm phiếu 2 "
        "(phiếu 6–9): chưa lưu gì."
    )


def test_the_head_s_forms_and_the_screens_show_the_tables(election: Election) -> None:
    head = client_for(Role.COUNTING_HEAD)
    page = head.get(reverse("election", args=[election.pk])).content.decode()
    assert 'id="count-tables"' in page
    split = head.post(
        reverse("election_tables_split", args=[election.pk]),
        {"tables": "2", "teams_per_table": "2"},
    )
    assert split.status_code == 302
    assert list(CountTable.objects.values_list("sheets", flat=True)) == [[[1, 5]], [[6, 9]]]
    edited = head.post(
        reverse("election_tables", args=[election.pk]),
        {"sheets": ["1 – 4", "5-9", ""], "teams": ["1 2", "3, 4", ""]},
    )
    assert edited.status_code == 302
    assert list(CountTable.objects.values_list("sheets", flat=True)) == [[[1, 4]], [[5, 9]]]
    refused = head.post(
        reverse("election_tables", args=[election.pk]),
        {"sheets": ["1-4", "4-9"], "teams": ["1 2", "3 4"]},
        follow=True,
    ).content.decode()
    assert "Phiếu số 4 thuộc cả Tổ kiểm phiếu 1 và Tổ kiểm phiếu 2." in refused
    assert list(CountTable.objects.values_list("sheets", flat=True)) == [[[1, 4]], [[5, 9]]]
    election.refresh_from_db()
    clerks = typists(election)
    _type(election, clerks[3], 3, 5, STRUCK[5])
    _type(election, clerks[4], 4, 5, STRUCK[5])
    progress = head.get(reverse("election_progress", args=[election.pk])).content.decode()
    table_two = progress[progress.index('id="table-progress-2"') :]
    assert "5–9" in table_two.split("</li>")[0]
    assert " 1/5" in table_two.split("</li>")[0]  # teams 3 and 4 have each typed sheet 5
    total = progress[progress.index('id="total-progress"') :]
    assert "1/9" in total  # in total, one sheet typed by both teams of its table
    typist = client_for(None)
    typist.force_login(clerks[3])
    entry = typist.get(reverse("entry", args=[election.pk]) + "?team=3").content.decode()
    assert "5–9" in entry[entry.index('id="table-range"') :].split("</span>")[0]
    assert '<strong id="progress">1/5</strong>' in entry
    assert 'value="6"' in entry  # the next sheet within the table
    assert get_projector_state(election)["entered"] == 1


@pytest.mark.django_db(transaction=True)
def test_four_teams_of_two_tables_typing_in_four_threads_settle_every_sheet() -> None:
    """Four connections at once, as four clerks at two tables: nothing lost, nothing refused."""
    import threading

    from django.db import connections

    election = make_election(ballots_collected=9)
    head = member(User.objects.create_user("head"), election.congress, Role.COUNTING_HEAD)
    clerks = _two_tables(election, head)
    start = threading.Barrier(4)
    failures: list[BaseException] = []
    stacks = {1: range(1, 6), 2: range(1, 6), 3: range(6, 10), 4: range(6, 10)}

    def type_stack(team: int) -> None:
        try:
            start.wait()
            for sheet in stacks[team]:
                _type(election, clerks[team], team, sheet, STRUCK[sheet])
        except BaseException as error:  # reported by the test below
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=type_stack, args=(team,)) for team in stacks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    ballots, open_differences = settled(election)
    assert (sorted(ballots), open_differences) == (list(range(1, 10)), [])
    assert certify_result(head, election.pk).document["elected"] == ["c2", "c1"]


def test_tables_changed_while_a_ballot_is_being_saved_refuse_it(
    election: Election, clerk: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The head moves sheet 5 to table 2 between the entry's first check and its write: the
    entry is checked again under the lock every write holds, refused, and nothing is stored."""
    clerks = _two_tables(election, clerk)
    import daihoi.actions.entry as entry_action

    checked = entry_action.check_content

    def meanwhile(*args: Any, **kwargs: Any) -> None:
        checked(*args, **kwargs)
        define_tables(clerk, election.pk, [("1-4", "1 2"), ("5-9", "3 4")])

    monkeypatch.setattr(entry_action, "check_content", meanwhile)
    with pytest.raises(ActionError) as refused:
        _type(election, clerks[1], 1, 5, STRUCK[5])
    assert refused.value.code == "sheet_other_table"
    assert not BallotEntry.objects.filter(election=election).exists()
    assert [t.sheets for t in CountTable.objects.all()] == [[[1, 4]], [[5, 9]]]
