"""The counting board's checks on scanned counts (omr.md §5.4; issue 14 "Also"): two members
confirm each decision on a doubtful scan, a random sample of scanned sheets is checked against
the paper (any difference stops the count), and a ballot in more than one ink (OPEN-OMR-3) is
shown and counted in the minutes.

The two-member tests scan a real synthetic ballot through the reader; the hand check tests store
scanned records directly (sixty ballots through the reader would take a minute), as the scanner
stores them: a read ballot with its entry.
"""

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from daihoi.access import Role
from daihoi.actions.adjudication import adjudicate, confirm_decision, return_decision
from daihoi.actions.certify import certify_result
from daihoi.actions.entry import record_entry
from daihoi.actions.scanning import scan_files
from daihoi.actions.spot_checks import check_spot_sheet, draw_spot_check, settle_spot_difference
from daihoi.actions.steps import switch_to_official
from daihoi.core.spot_check import draw
from daihoi.db.models import (
    AuditEvent,
    BallotEntry,
    Election,
    Resolution,
    ScanBatch,
    ScannedBallot,
)
from daihoi.db.spot_checks import SpotCheck, SpotCheckSheet
from daihoi.documents.minutes.scans import scan_sentences
from daihoi.errors import ActionError
from daihoi.interchange.election_file import read_ballot
from daihoi.queries.certification import certification_check
from daihoi.queries.entries import settled
from daihoi.queries.scans import get_review, get_scan_summary, scans_for_minutes
from daihoi.queries.spot_checks import scan_check_blockers
from tests.app.members import member
from tests.app.scans import marked


def _board(election: Election, name: str, role: Role = Role.COUNTING_BOARD) -> User:
    return member(User.objects.create_user(name, password="x"), election.congress, role)


def _in_review(election: Election, clerk: User) -> ScannedBallot:
    """A ballot without the board's stamp: the reader sends it to the board (R11)."""
    report = scan_files(clerk, election.pk, 1, [("c.jpg", marked(election, 5, stamp=False).jpeg())])
    (item,) = report.items
    assert item.outcome == "review"
    return ScannedBallot.objects.get(pk=item.scanned_id)


def _rows(scanned: ScannedBallot) -> dict[int, str]:
    """A mark for every row in review (the paper's reading does not matter to these tests)."""
    return {
        row["number"]: "kept"
        for page in scanned.reading["pages"]
        for row in page["rows"]
        if row["mark"] == "review"
    }


# ---------------------------------------------------------------------------------------------
# Two members confirm each decision


def test_a_proposal_enters_nothing_and_its_author_cannot_confirm_it(
    election: Election, clerk: User
) -> None:
    scanned = _in_review(election, clerk)
    adjudicate(clerk, scanned.pk, _rows(scanned), "valid")
    assert not BallotEntry.objects.exists()
    assert [e.code for e in scan_check_blockers(election)] == ["scan_proposals_unconfirmed"]
    with pytest.raises(ActionError) as unconfirmed:  # certification waits for the second member
        certify_result(clerk, election.pk)
    assert unconfirmed.value.code == "scan_proposals_unconfirmed"
    assert not certification_check(election).possible
    with pytest.raises(ActionError) as own:
        confirm_decision(clerk, scanned.pk)
    assert own.value.code == "confirm_own_proposal"
    assert "một thành viên khác của Ban kiểm phiếu phải xác nhận" in own.value.message_vi
    other = _board(election, "tv-khac")
    with pytest.raises(ActionError) as again:  # a second proposal on top of the first
        adjudicate(other, scanned.pk, _rows(scanned), "not_issued_by_board")
    assert again.value.code == "scan_already_proposed"
    assert "clerk" in again.value.message_vi
    scanned.refresh_from_db()
    assert scanned.state == ScannedBallot.State.REVIEW
    assert scanned.decision["ruling"] == "valid"  # the first proposal stands, unchanged
    assert not BallotEntry.objects.exists()
    done = confirm_decision(other, scanned.pk)
    assert done.entry is not None
    assert "scan_proposals_unconfirmed" not in [e.code for e in scan_check_blockers(election)]


def test_a_second_member_sends_a_proposal_back_with_a_reason(
    election: Election, clerk: User
) -> None:
    scanned = _in_review(election, clerk)
    other = _board(election, "tv-khac")
    with pytest.raises(ActionError) as nothing:
        confirm_decision(other, scanned.pk)
    assert nothing.value.code == "scan_not_proposed"
    adjudicate(clerk, scanned.pk, _rows(scanned), "valid")
    for reason in ("", "   "):
        with pytest.raises(ActionError) as blank:
            return_decision(other, scanned.pk, reason)
        assert (blank.value.code, blank.value.field) == ("return_reason_required", "reason")
    returned = return_decision(other, scanned.pk, "Phiếu giấy không có dấu: không hợp lệ")
    assert returned.state == ScannedBallot.State.REVIEW
    assert returned.proposed_by is None
    (history,) = returned.decision["returned"]
    assert history["proposed_by"] == "clerk"
    assert history["returned_by"] == "tv-khac"
    assert history["reason"] == "Phiếu giấy không có dấu: không hợp lệ"
    assert history["proposal"]["ruling"] == "valid"
    event = AuditEvent.objects.get(action="return_scan")
    assert event.details["reason"] == "Phiếu giấy không có dấu: không hợp lệ"
    view = get_review(returned)
    assert view.proposal is None
    assert [r.returned_by for r in view.returned] == ["tv-khac"]
    # the member who sent it back proposes now; the first confirms
    adjudicate(other, scanned.pk, {}, "not_issued_by_board")
    done = confirm_decision(clerk, scanned.pk)
    assert done.entry is not None
    assert done.entry.content == {"invalid": "not_issued_by_board"}
    assert (done.proposed_by, done.decided_by) == (other, clerk)
    assert len(done.decision["returned"]) == 1  # the history stays with the record
    summary = scans_for_minutes(election)
    assert summary is not None
    assert (summary["confirmed"], summary["two_members"]) == (1, 1)
    assert (
        "1 phiếu Ban kiểm phiếu xem xét và quyết định (1 quyết định do một thành viên đề xuất, "
        "một thành viên khác xác nhận)"
    ) in " ".join(scan_sentences(summary))


def test_the_queue_tells_what_waits_for_a_proposal_and_what_for_a_confirmation(
    election: Election, clerk: User
) -> None:
    scanned = _in_review(election, clerk)
    assert [r.scanned_id for r in get_scan_summary(election).queue] == [str(scanned.pk)]
    adjudicate(clerk, scanned.pk, _rows(scanned), "valid")
    summary = get_scan_summary(election)
    assert summary.queue == []
    (waiting,) = summary.confirming
    assert (waiting.scanned_id, waiting.proposed_by) == (str(scanned.pk), "clerk")
    with pytest.raises(ActionError) as held:  # the paper's number stays held meanwhile
        record_entry(clerk, election.pk, 1, scanned.sheet or 0, {"kept": ["c1"]})
    assert held.value.code == "sheet_in_review"


# ---------------------------------------------------------------------------------------------
# The hand check against paper


def _scanned_stack(election: Election, clerk: User, count: int, first: int = 1) -> None:
    """`count` scanned ballots read by the machine, numbered from `first`, as the scanner
    stores them (a ballot entry and its scanned record)."""
    Election.objects.filter(pk=election.pk).update(
        ballots_issued=max(count + first, 10), ballots_collected=max(count + first - 1, 9)
    )
    batch = ScanBatch.objects.create(election=election, team=1, scanned_by=clerk)
    for sheet in range(first, first + count):
        kept = [["c1", "c2"], ["c2", "c3"], ["c1"]][sheet % 3]
        entry = BallotEntry.objects.create(
            election=election, team=1, sheet=sheet, content={"kept": kept}, entered_by=clerk
        )
        ScannedBallot.objects.create(
            election=election,
            batch=batch,
            team=1,
            sheet=sheet,
            state=ScannedBallot.State.READ,
            sha256=f"{sheet:064x}",
            image=f"scans/{sheet}.jpg",
            reading={"pages": []},
            entry=entry,
        )


def _paper(election: Election, sheet: int) -> dict[str, Any]:
    return dict(BallotEntry.objects.get(election=election, team=1, sheet=sheet).content)


def test_no_check_is_required_without_scanned_ballots(election: Election, clerk: User) -> None:
    assert scan_check_blockers(election) == []
    with pytest.raises(ActionError) as nothing:
        draw_spot_check(clerk, election.pk, "12345")
    assert nothing.value.code == "spot_check_nothing_scanned"


def test_the_head_draws_twenty_of_sixty_from_the_dice(election: Election, clerk: User) -> None:
    _scanned_stack(election, clerk, 60)
    assert [e.code for e in scan_check_blockers(election)] == ["spot_check_required"]
    board = _board(election, "tv")
    with pytest.raises(ActionError) as member_only:
        draw_spot_check(board, election.pk, "12345")
    assert member_only.value.code == "not_allowed"
    for seed in ("", "1234", "12 34a5"):
        with pytest.raises(ActionError) as bad:
            draw_spot_check(clerk, election.pk, seed)
        assert (bad.value.code, bad.value.field) == ("spot_check_seed", "seed")
        assert "ít nhất 5 chữ số" in bad.value.message_vi
    assert not SpotCheck.objects.exists()
    check = draw_spot_check(clerk, election.pk, "6 1 4 2 5 3")
    assert (check.seed, check.population) == ("614253", 60)
    drawn = [(s.team, s.sheet) for s in check.sheets.order_by("team", "sheet")]
    assert drawn == draw("614253", [(1, n) for n in range(1, 61)])
    assert len(drawn) == 20
    event = AuditEvent.objects.get(action="draw_spot_check")
    assert (event.details["seed"], event.details["count"]) == ("614253", 20)
    assert [e.code for e in scan_check_blockers(election)] == ["spot_check_incomplete"]
    with pytest.raises(ActionError) as again:  # no second draw to fish for a better sample
        draw_spot_check(clerk, election.pk, "99999")
    assert again.value.code == "spot_check_already_drawn"
    # every paper agrees: the check is complete and nothing stops the count
    for _, sheet in drawn:
        found = check_spot_sheet(board, election.pk, 1, sheet, _paper(election, sheet))
        assert not found.differs
    assert scan_check_blockers(election) == []
    with pytest.raises(ActionError) as twice:
        check_spot_sheet(board, election.pk, 1, drawn[0][1], _paper(election, drawn[0][1]))
    assert twice.value.code == "spot_check_sheet_checked"
    undrawn = next(n for n in range(1, 61) if (1, n) not in drawn)
    with pytest.raises(ActionError) as outside:
        check_spot_sheet(board, election.pk, 1, undrawn, _paper(election, undrawn))
    assert outside.value.code == "spot_check_sheet_not_drawn"
    # more ballots scanned after the draw: the check is drawn again
    _scanned_stack(election, clerk, 1, first=61)
    assert [e.code for e in scan_check_blockers(election)] == ["spot_check_stale"]
    assert draw_spot_check(clerk, election.pk, "99999").population == 61


def test_every_sheet_is_checked_when_fewer_than_fifty_were_scanned(
    election: Election, clerk: User
) -> None:
    _scanned_stack(election, clerk, 7)
    check = draw_spot_check(clerk, election.pk, "31415")
    assert sorted(s.sheet for s in check.sheets.all()) == list(range(1, 8))


def test_the_draw_waits_for_the_machine_count(election: Election, clerk: User) -> None:
    _in_review(election, clerk)
    with pytest.raises(ActionError) as waiting:
        draw_spot_check(clerk, election.pk, "31415")
    assert waiting.value.code == "spot_check_before_review"


def test_a_difference_stops_the_count_until_the_head_records_the_paper(
    election: Election, clerk: User
) -> None:
    _scanned_stack(election, clerk, 5)
    draw_spot_check(clerk, election.pk, "27182")
    board = _board(election, "tv")
    machine = _paper(election, 2)
    paper = {"kept": ["c3"]} if machine != {"kept": ["c3"]} else {"kept": ["c1"]}
    with pytest.raises(ActionError) as malformed:
        check_spot_sheet(board, election.pk, 1, 2, {"kept": ["c9"]})
    assert malformed.value.code == "ballot_malformed"
    found = check_spot_sheet(board, election.pk, 1, 2, paper)
    assert found.differs
    assert AuditEvent.objects.filter(action="check_spot_sheet_differs").count() == 1
    for sheet in (1, 3, 4, 5):
        check_spot_sheet(board, election.pk, 1, sheet, _paper(election, sheet))
    (stop,) = scan_check_blockers(election)
    assert stop.code == "spot_check_differences"
    assert "phiếu số 2" in stop.message_vi
    minutes = " ".join(scan_sentences(scans_for_minutes(election)))
    assert "phát hiện 1 phiếu khác bản máy đọc: số 2 (chưa giải quyết)" in minutes
    with pytest.raises(ActionError) as member_only:
        settle_spot_difference(board, election.pk, 1, 2, paper)
    assert member_only.value.code == "not_allowed"
    with pytest.raises(ActionError) as no_difference:
        settle_spot_difference(clerk, election.pk, 1, 3, _paper(election, 3))
    assert no_difference.value.code == "spot_check_no_difference"
    settle_spot_difference(clerk, election.pk, 1, 2, paper)
    assert scan_check_blockers(election) == []
    # the count follows the paper, and the machine's record is kept as it was
    assert Resolution.objects.get(election=election, sheet=2).content == paper
    assert settled(election)[0][2] == read_ballot(paper)
    assert BallotEntry.objects.get(election=election, sheet=2).content == machine
    minutes = " ".join(scan_sentences(scans_for_minutes(election)))
    assert (
        "Kiểm tra ngẫu nhiên phiếu giấy so với bản máy đọc: số ngẫu nhiên 27182 (gieo trước Ban "
        "kiểm phiếu); rút 5 trong 5 phiếu quét, đã đối chiếu 5 phiếu; phát hiện 1 phiếu khác bản "
        "máy đọc: số 2; Trưởng ban kiểm phiếu đã ghi nội dung theo phiếu giấy."
    ) in minutes
    with pytest.raises(ActionError) as settled_twice:
        settle_spot_difference(clerk, election.pk, 1, 2, paper)
    assert settled_twice.value.code == "spot_check_no_difference"


def test_the_hand_check_through_the_web(election: Election, clerk: User) -> None:
    _scanned_stack(election, clerk, 3)
    head, board = Client(), Client()
    head.force_login(clerk)
    board.force_login(_board(election, "tv"))
    url = reverse("spot_check", args=[election.pk])
    election_page = board.get(reverse("election", args=[election.pk])).content.decode()
    assert f'href="{url}"' in election_page  # reached from the election page, not only the queue
    page = board.get(url).content.decode()
    assert 'id="required"' in page
    assert 'id="draw-form"' not in page  # the head draws
    refused = head.post(url, {"do": "draw", "seed": "12"})
    assert refused.status_code == 200
    assert "ít nhất 5 chữ số" in refused.content.decode()
    assert head.post(url, {"do": "draw", "seed": "55555"}).status_code == 302
    page = board.get(url).content.decode()
    assert 'id="sheets">1, 2, 3<' in page
    struck = {1: "1", 2: "2 3", 3: "3"}  # the stack's contents as row numbers struck
    for sheet, numbers in struck.items():
        typed = numbers if sheet != 3 else "2"  # sheet 3 is read otherwise
        answer = board.post(url, {"do": "check", "team": "1", "sheet": sheet, "numbers": typed})
        assert answer.status_code == 302
    assert [(s.sheet, s.differs) for s in SpotCheckSheet.objects.order_by("sheet")] == [
        (1, False),
        (2, False),
        (3, True),
    ]
    page = head.get(url).content.decode()
    assert 'class="settle-form"' in page
    bad = head.post(url, {"do": "check", "team": "1", "sheet": "x", "numbers": "1"})
    assert bad.status_code == 400
    head.post(url, {"do": "settle", "team": "1", "sheet": "3", "numbers": "2"})
    assert Resolution.objects.get(election=election, sheet=3).content == {"kept": ["c1", "c3"]}
    assert 'id="blockers"' not in head.get(url).content.decode()


# ---------------------------------------------------------------------------------------------
# More than one ink (OPEN-OMR-3): a warning in the reading, shown and counted


def test_a_ballot_in_more_than_one_ink_is_shown_and_counted_in_the_minutes(
    election: Election, clerk: User
) -> None:
    scanned = _in_review(election, clerk)
    reading = dict(scanned.reading)
    reading["pages"] = [{**reading["pages"][0], "warnings": ["mixed_ink"]}]
    ScannedBallot.objects.filter(pk=scanned.pk).update(reading=reading)
    scanned.refresh_from_db()
    summary = get_scan_summary(election)
    assert summary.mixed_ink == 1
    assert [mixed for _, mixed in summary.batches] == [1]
    assert get_review(scanned).mixed_ink
    board = Client()
    board.force_login(clerk)
    review = board.get(reverse("scan_review", args=[scanned.pk])).content.decode()
    assert 'id="mixed-ink"' in review
    assert "dùng nhiều loại mực" in review  # the reader's code in words, never the code
    queue = board.get(reverse("scan_queue", args=[election.pk])).content.decode()
    assert 'id="mixed-ink"' in queue
    figures = scans_for_minutes(election)
    assert figures is not None
    assert figures["mixed_ink_ballots"] == 1
    assert "1 phiếu dùng nhiều loại mực" in " ".join(scan_sentences(figures))


def test_the_official_congress_starts_without_the_practice_hand_checks(
    election: Election, clerk: User
) -> None:
    _scanned_stack(election, clerk, 3)
    draw_spot_check(clerk, election.pk, "31415")
    switch_to_official(clerk, election.congress_id)
    assert not SpotCheck.objects.exists()
    assert not SpotCheckSheet.objects.exists()
    event = AuditEvent.objects.get(action="switch_to_official")
    assert event.details["cleared"]["spot_checks"] == 4  # the draw and its three sheets
    assert event.details["cleared"]["scans"] == 3


def test_an_agree_disagree_paper_is_typed_as_on_the_entry_screen(
    election: Election, clerk: User
) -> None:
    Election.objects.filter(pk=election.pk).update(seats=3)  # 3 names, 3 seats: agree/disagree
    batch = ScanBatch.objects.create(election=election, team=1, scanned_by=clerk)
    marks = {"c1": "agree", "c2": "disagree", "c3": "none"}
    entry = BallotEntry.objects.create(
        election=election, team=1, sheet=1, content={"marks": marks}, entered_by=clerk
    )
    ScannedBallot.objects.create(
        election=election,
        batch=batch,
        team=1,
        sheet=1,
        state=ScannedBallot.State.READ,
        sha256="a" * 64,
        reading={"pages": []},
        entry=entry,
    )
    head = Client()
    head.force_login(clerk)
    url = reverse("spot_check", args=[election.pk])
    head.post(url, {"do": "draw", "seed": "24680"})
    page = head.get(url).content.decode()
    assert 'name="disagree"' in page
    assert "2: không đồng ý; 3: không đánh dấu ô nào" in page  # the machine's record
    head.post(url, {"do": "check", "team": "1", "sheet": "1", "disagree": "2", "blank": "3"})
    (sheet,) = SpotCheckSheet.objects.all()
    assert sheet.paper == {"marks": marks}
    assert not sheet.differs
