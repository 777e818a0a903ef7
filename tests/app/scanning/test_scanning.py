"""Paper ballots: printed from the approved list, scanned into entries, doubtful ones ruled on.

Scans come from `testkit.synth` (seeded) and are read by the real reader. A reader may send a
clean ballot to review (it is cautious by design); what it may never do is enter a ballot that
differs from the paper, count a page of another ballot, or count one image twice.
"""

import io
import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from daihoi.access import GRANTS, Permission, Role
from daihoi.actions.adjudication import adjudicate, confirm_decision
from daihoi.actions.ballot_papers import print_ballots
from daihoi.actions.certify import certify_result
from daihoi.actions.entry import record_entry, undo_last_entry
from daihoi.actions.scanning import scan_files
from daihoi.actions.spot_checks import check_spot_sheet, draw_spot_check
from daihoi.actions.steps import switch_to_official
from daihoi.core.codes import Layout
from daihoi.db.models import (
    AuditEvent,
    BallotEntry,
    Candidate,
    Congress,
    Election,
    ScanBatch,
    ScannedBallot,
)
from daihoi.errors import ActionError
from daihoi.labels import SCAN_DOUBTS, SCAN_MARKS, SCAN_REJECTIONS
from daihoi.omr.interpret import Reader
from daihoi.omr.reading import Doubt, Mark, PageReading, PageRejected, Rejection, RowReading
from daihoi.omr.reading_json import reading_from_json, reading_to_json
from daihoi.omr.thresholds import ReaderSettings
from daihoi.queries.ballots import ballot_spec, default_copies, layouts_of
from daihoi.queries.entries import settled
from daihoi.queries.spot_checks import scan_check_blockers
from testkit import synth
from tests.app.members import member, member_of_all, typists
from tests.app.scans import blank, expected_content, marked, pdf_of, tiff_of


def _approved(election: Election) -> Election:
    election.list_approval = "9/9 đại biểu có mặt tán thành"
    election.save()
    return election


def _agree_disagree(election: Election) -> Election:
    """The fixture's list without surplus: 3 names for 3 seats (R8: agree/disagree)."""
    election.seats = 3
    election.save()
    return election


def _outcomes(report: object) -> list[tuple[str, int, str, str]]:
    return [(i.file, i.page, i.outcome, i.reason) for i in report.items]  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------------
# Printing


def test_the_ballot_carries_the_organisation_the_body_and_the_list(election: Election) -> None:
    congress = election.congress
    congress.number = 23
    congress.term = "2020–2025"
    congress.save()
    spec = ballot_spec(election, "A4")
    assert spec.heading == ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ PHƯỜNG THỬ NGHIỆM")
    assert spec.title == (
        "BAN CHẤP HÀNH ĐẢNG BỘ PHƯỜNG THỬ NGHIỆM KHÓA XXIII, NHIỆM KỲ 2020 – 2025"
    )
    assert spec.candidates == ((1, "Nguyễn Văn An"), (2, "Trần Thị Bình"), (3, "Lê Văn Cường"))
    assert spec.layout is Layout.CROSS_OUT  # 3 names for 2 seats: a surplus list
    assert spec.rehearsal  # the congress is still in rehearsal
    assert spec.election_id == election.pk
    assert ballot_spec(_agree_disagree(election), "A5").layout is Layout.AGREE_DISAGREE
    assert set(layouts_of(election)) == {"A4", "A5"}


def test_printing_waits_for_the_congress_to_approve_the_list(
    election: Election, clerk: User
) -> None:
    with pytest.raises(ActionError) as refused:
        print_ballots(clerk, election.pk, "A4", 3)
    assert refused.value.code == "list_not_approved"
    assert "chưa biểu quyết thông qua" in refused.value.message_vi
    _approved(election)
    with pytest.raises(ActionError) as paper:
        print_ballots(clerk, election.pk, "A3", 3)
    assert paper.value.code == "unknown_paper"
    with pytest.raises(ActionError) as copies:
        print_ballots(clerk, election.pk, "A4", 0)
    assert copies.value.code == "copies_out_of_range"
    Candidate.objects.filter(election=election).delete()
    with pytest.raises(ActionError) as empty:
        print_ballots(clerk, election.pk, "A4", 3)
    assert empty.value.code == "list_empty"
    assert not AuditEvent.objects.filter(action="print_ballots").exists()


def test_printed_copies_are_identical_and_audited(election: Election, clerk: User) -> None:
    _approved(election)
    pdf = print_ballots(clerk, election.pk, "A5", 3)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 3
    streams = {page.get_contents().get_data() for page in pages}  # type: ignore[union-attr]
    assert len(streams) == 1  # no per-copy identifier anywhere (omr.md §5.2)
    event = AuditEvent.objects.get(action="print_ballots")
    assert event.details["copies"] == 3
    assert event.details["paper"] == "A5"


def test_default_copies_add_a_reserve_of_five_percent_at_least_five(election: Election) -> None:
    election.summoned = 10
    assert default_copies(election) == 15
    election.summoned = 289
    assert default_copies(election) == 289 + 15


# ---------------------------------------------------------------------------------------------
# Scanning


@pytest.mark.slow
def test_a_batch_enters_the_clear_queues_the_doubtful_and_rejects_the_rest(
    election: Election, clerk: User, data_folder: Path
) -> None:
    clear = [marked(election, seed) for seed in (1, 3)]
    unstamped = marked(election, 5, stamp=False)
    upside_down = marked(election, 7)
    other = Election.objects.create(
        congress=election.congress, body="standing_committee", meeting="committee_meeting", seats=2
    )
    for number, name in enumerate(["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"], start=1):
        Candidate.objects.create(election=other, code=f"c{number}", number=number, name=name)
    stranger = marked(other, 9)
    files = [
        ("a.jpg", clear[0].jpeg()),
        ("b.png", clear[1].png()),
        ("c.jpg", unstamped.jpeg()),
        ("d.jpg", synth.encode(synth.rotated(upside_down.image, 2), 90)),
        ("trang-trang.jpg", blank()),
        ("ghi-chu.txt", "không phải ảnh".encode()),
        ("khac.jpg", stranger.jpeg()),
        ("a-lan-hai.jpg", clear[0].jpeg()),
    ]
    seen: list[tuple[int, int]] = []
    report = scan_files(clerk, election.pk, 1, files, lambda d, t: seen.append((d, t)))
    assert seen[-1] == (8, 8)
    outcomes = {item.file: item for item in report.items}
    assert outcomes["trang-trang.jpg"].reason == "blank_page"
    assert outcomes["ghi-chu.txt"].reason == "not_an_image"
    assert outcomes["khac.jpg"].reason == "other_ballot"
    assert outcomes["a-lan-hai.jpg"].reason == "duplicate"
    assert "ghi-chu.txt, trang 1" in outcomes["ghi-chu.txt"].message("vi")
    assert "ghi-chu.txt, page 1: not a readable scan" in outcomes["ghi-chu.txt"].message("en")
    accepted = [outcomes[name] for name in ("a.jpg", "b.png", "c.jpg", "d.jpg")]
    assert [item.sheet for item in accepted] == [1, 2, 3, 4]  # scan order, next free sheets
    assert outcomes["c.jpg"].outcome == "review"  # no stamp: the board rules (R11)
    assert {item.outcome for item in accepted} <= {"read", "review"}
    truths = {"a.jpg": clear[0], "b.png": clear[1], "c.jpg": unstamped, "d.jpg": upside_down}
    for item in accepted:
        scanned = ScannedBallot.objects.get(pk=item.scanned_id)
        assert scanned.sheet == item.sheet
        assert (data_folder / scanned.image).is_file()
        assert scanned.image == f"scans/{scanned.sha256}.{scanned.image.rsplit('.', 1)[1]}"
        if item.outcome == "read":
            assert scanned.state == ScannedBallot.State.READ
            assert scanned.entry is not None
            assert scanned.entry.content == expected_content(election, [truths[item.file].truth])
        else:
            assert scanned.entry is None
    assert report.read >= 1  # the reader reads clean ballots
    entries = BallotEntry.objects.filter(election=election, team=1)
    assert entries.count() == report.read
    batch = ScanBatch.objects.get(pk=report.batch_id)
    assert (batch.pages, batch.read, batch.to_review, batch.rejected) == (
        8,
        report.read,
        report.review,
        4,
    )
    assert batch.rejections == {
        "blank_page": 1,
        "not_an_image": 1,
        "other_ballot": 1,
        "duplicate": 1,
    }
    # Secrecy: no file name kept anywhere; rejected pages are kept with their reason, no sheet.
    for scanned in ScannedBallot.objects.all():
        assert "a.jpg" not in str(scanned.reading)
    rejected = ScannedBallot.objects.filter(state=ScannedBallot.State.REJECTED)
    assert sorted(r.reading["pages"][0]["reason"] for r in rejected) == [
        "blank_page",
        "other_ballot",
    ]
    assert all(r.sheet is None for r in rejected)
    event = AuditEvent.objects.get(action="scan_batch")
    assert event.details["sheets"] == [1, 2, 3, 4]
    assert "a.jpg" not in str(event.details)


def test_the_same_image_is_never_counted_twice_in_an_election(
    election: Election, clerk: User
) -> None:
    ballot = marked(election, 1).jpeg()
    scan_files(clerk, election.pk, 1, [("a.jpg", ballot)])
    again = scan_files(clerk, election.pk, 1, [("lai.jpg", ballot)])
    assert _outcomes(again) == [("lai.jpg", 1, "rejected", "duplicate")]
    assert ScannedBallot.objects.exclude(state="rejected").count() == 1


@pytest.mark.slow
def test_multi_page_pdf_and_tiff_files_are_read_page_by_page(
    election: Election, clerk: User
) -> None:
    pages = [marked(election, seed) for seed in (11, 12)]
    report = scan_files(
        clerk,
        election.pk,
        1,
        [
            ("may-quet.pdf", pdf_of([p.image for p in pages])),
            ("tep.tif", tiff_of([pages[0].image])),
        ],
    )
    assert [(i.file, i.page, i.sheet) for i in report.items[:2]] == [
        ("may-quet.pdf", 1, 1),
        ("may-quet.pdf", 2, 2),
    ]
    assert report.items[0].outcome in ("read", "review")
    # the TIFF holds the same ballot as the PDF's first page, re-encoded: not the same file, so
    # not refused as a duplicate image; a real scanner never writes one sheet twice
    assert report.items[2].outcome in ("read", "review")
    stored = ScannedBallot.objects.get(sheet=1)
    assert stored.image.endswith(".png")


@pytest.mark.slow
def test_an_agree_disagree_ballot_is_entered_as_marks(election: Election, clerk: User) -> None:
    _agree_disagree(election)
    ballots = [marked(election, seed) for seed in (2, 3)]
    report = scan_files(
        clerk, election.pk, 1, [(f"{i}.jpg", b.jpeg()) for i, b in enumerate(ballots)]
    )
    assert report.rejected == 0
    # clean, stamped marks (no ambiguous ones): nothing for the board, both are entered
    assert [item.outcome for item in report.items] == ["read", "read"]
    for item, ballot in zip(report.items, ballots, strict=True):
        entry = ScannedBallot.objects.get(pk=item.scanned_id).entry
        assert entry is not None
        assert entry.content == expected_content(election, [ballot.truth])
        assert set(entry.content["marks"]) == {"c1", "c2", "c3"}


def _long_list(election: Election, names: int) -> Election:
    """A list of `names` for as many seats: agree/disagree, on both sides of an A4 sheet."""
    Candidate.objects.filter(election=election).delete()
    for number in range(1, names + 1):
        Candidate.objects.create(
            election=election, code=f"c{number}", number=number, name=f"Nguyễn Văn Tên {number}"
        )
    election.seats = names
    election.save()
    return election


@pytest.mark.slow
def test_a_two_sided_ballot_is_one_ballot_and_a_lone_side_is_rejected(
    election: Election, clerk: User
) -> None:
    _long_list(election, 30)
    assert len(layouts_of(election)["A4"].pages) == 2
    front, back = (marked(election, 21, page=p) for p in (1, 2))
    lone = marked(election, 22, page=2)
    report = scan_files(
        clerk,
        election.pk,
        1,
        [("1.jpg", front.jpeg()), ("2.jpg", back.jpeg()), ("3.jpg", lone.jpeg())],
    )
    first, alone = report.items
    assert (first.file, first.page, first.back, first.sheet) == ("1.jpg", 1, ("2.jpg", 1), 1)
    assert first.outcome == "read"  # clean marks on both sides: entered, not held
    assert (alone.file, alone.outcome, alone.reason) == ("3.jpg", "rejected", "incomplete_pair")
    assert "thiếu một mặt" in alone.message("vi")
    scanned = ScannedBallot.objects.get(pk=first.scanned_id)
    assert scanned.paper == "A4"
    assert scanned.back_sha256
    assert len(scanned.reading["pages"]) == 2
    assert scanned.entry is not None
    assert scanned.entry.content == expected_content(election, [front.truth, back.truth])
    board = _member(Role.COUNTING_BOARD)
    back_side = board.get(reverse("scan_image", args=[scanned.pk]) + "?trang=2")
    assert back_side["Content-Type"] == "image/jpeg"


@pytest.mark.slow
def test_ink_on_the_back_of_a_one_sided_ballot_sends_it_to_the_board(
    election: Election, clerk: User
) -> None:
    """A duplex scan gives each sheet's back: an empty back is dropped, a back with writing on
    it (a signature, R11) holds the ballot before it for the board."""
    Election.objects.filter(pk=election.pk).update(ballots_issued=2, ballots_collected=2)
    fronts = [marked(election, seed) for seed in (1, 3)]
    back, _ = synth.blank_page(np.random.default_rng(4))
    back = back.copy()
    cv2.putText(back, "Nguyen Van A", (400, 1200), cv2.FONT_HERSHEY_SCRIPT_SIMPLEX, 3, 40, 5)
    files = [
        ("1a.jpg", fronts[0].jpeg()),
        ("1b.jpg", blank(1)),
        ("2a.jpg", fronts[1].jpeg()),
        ("2b.jpg", synth.encode(back, 90)),
    ]
    report = scan_files(clerk, election.pk, 1, files)
    outcomes = {item.file: item for item in report.items}
    assert outcomes["1b.jpg"].reason == "blank_page"
    assert outcomes["1a.jpg"].outcome == "read"  # an empty back changes nothing
    assert outcomes["2b.jpg"].reason == "no_marks"
    held = ScannedBallot.objects.get(pk=outcomes["2a.jpg"].scanned_id)
    assert held.state == ScannedBallot.State.REVIEW
    assert Doubt.EXTRA_INK.value in held.reading["pages"][0]["doubts"]
    assert held.entry is None


@pytest.mark.slow
def test_the_paper_is_the_one_whose_code_is_on_the_page(election: Election) -> None:
    """A4 and A5 ballots of one list both read; the code's fingerprint says which was printed,
    even for an A5 sheet scanned on a whole A4 bed."""
    layouts = layouts_of(election)
    reader = Reader(list(layouts.values()), ReaderSettings())
    for paper in ("A4", "A5"):
        image, _ = synth.mark_ballot(layouts[paper], 1, np.random.default_rng(1), dpi=300)
        reading = reader.read(image)
        assert isinstance(reading, PageReading)
        assert (reading.paper, reading.fingerprint) == (paper, layouts[paper].fingerprint)
        if paper == "A5":
            bed = np.full((3600, 2560), 250, np.uint8)
            bed[: image.shape[0], : image.shape[1]] = image
            on_bed = reader.read(bed)
            assert isinstance(on_bed, PageReading)
            assert on_bed.paper == "A5"


def test_a_rehearsal_ballot_never_counts_in_the_official_vote(
    election: Election, clerk: User
) -> None:
    practice = marked(election, 1)  # printed while the congress rehearsed
    Congress.objects.filter(pk=election.congress_id).update(mode=Congress.Mode.OFFICIAL)
    election.refresh_from_db()
    report = scan_files(clerk, election.pk, 1, [("tap-duot.jpg", practice.jpeg())])
    assert _outcomes(report) == [("tap-duot.jpg", 1, "rejected", "rehearsal_ballot")]
    assert not BallotEntry.objects.exists()


def test_scanning_is_refused_and_changes_nothing_when_it_cannot_be_counted(
    election: Election, clerk: User, data_folder: Path
) -> None:
    ballots = [marked(election, seed).jpeg() for seed in (1, 3)]
    files = [("1.jpg", ballots[0]), ("2.jpg", ballots[1])]
    with pytest.raises(ActionError) as team:
        scan_files(clerk, election.pk, 2, files)
    assert team.value.code == "team_out_of_range"
    with pytest.raises(ActionError) as nothing:
        scan_files(clerk, election.pk, 1, [])
    assert nothing.value.code == "scan_no_files"
    Election.objects.filter(pk=election.pk).update(ballots_collected=1)
    with pytest.raises(ActionError) as full:
        scan_files(clerk, election.pk, 1, files)
    assert full.value.code == "scan_exceeds_collected"
    assert "chưa lưu gì" in full.value.message_vi
    assert not ScanBatch.objects.exists()
    assert not ScannedBallot.objects.exists()
    assert not BallotEntry.objects.exists()
    assert not list((data_folder / "scans").glob("*.jpg"))  # the refused batch's images went
    Election.objects.filter(pk=election.pk).update(state=Election.State.SETUP)
    with pytest.raises(ActionError) as closed:
        scan_files(clerk, election.pk, 1, files)
    assert closed.value.code == "election_not_open"


def test_scanned_sheets_follow_the_team_s_typed_ones(election: Election, clerk: User) -> None:
    record_entry(clerk, election.pk, 1, 1, {"kept": ["c1"]})
    record_entry(clerk, election.pk, 1, 3, {"kept": ["c2"]})
    report = scan_files(
        clerk,
        election.pk,
        1,
        [("a.jpg", marked(election, 1).jpeg()), ("b.jpg", marked(election, 3).jpeg())],
    )
    assert [item.sheet for item in report.items] == [2, 4]
    last = report.items[-1]
    if last.outcome == "read":  # the scan is the record of that paper: not undone by a key
        with pytest.raises(ActionError) as undo:
            undo_last_entry(clerk, election.pk, 1)
        assert undo.value.code == "entry_from_scan"


# ---------------------------------------------------------------------------------------------
# Adjudication


def _one_in_review(
    election: Election, clerk: User, **kwargs: object
) -> tuple[ScannedBallot, synth.Truth]:
    ballot = marked(election, 5, stamp=False, **kwargs)  # type: ignore[arg-type]
    report = scan_files(clerk, election.pk, 1, [("c.jpg", ballot.jpeg())])
    (item,) = report.items
    assert item.outcome == "review"
    return ScannedBallot.objects.get(pk=item.scanned_id), ballot.truth


def _board_rows(scanned: ScannedBallot, truth: synth.Truth) -> dict[int, str]:
    """The board's marks: the paper's (the truth), and "kept" for an ambiguous row."""
    rows = {}
    for page in scanned.reading["pages"]:
        for row in page["rows"]:
            if row["mark"] == "review":
                mark = truth.rows[row["number"]]
                rows[row["number"]] = "kept" if mark == synth.AMBIGUOUS else mark
    return rows


@pytest.fixture
def second(election: Election) -> User:
    """Another member of the counting board: two members confirm each decision (omr.md §5.4)."""
    user = User.objects.create_user("second", password="x")
    return member(user, election.congress, Role.COUNTING_BOARD)


def _ruled(
    clerk: User, second: User, scanned: ScannedBallot, rows: dict[int, str], ruling: str | None
) -> ScannedBallot:
    """One member proposes, another confirms: the ballot is entered."""
    adjudicate(clerk, scanned.pk, rows, ruling)
    return confirm_decision(second, scanned.pk)


def test_the_board_rules_on_a_ballot_without_stamp(
    election: Election, clerk: User, second: User
) -> None:
    scanned, truth = _one_in_review(election, clerk)
    readings = [reading_from_json(p) for p in scanned.reading["pages"]]
    assert Doubt.NO_STAMP in readings[0].doubts  # type: ignore[union-attr]
    rows = _board_rows(scanned, truth)
    with pytest.raises(ActionError) as ruling:
        adjudicate(clerk, scanned.pk, rows, None)
    assert ruling.value.code == "ruling_required"
    assert "dấu của Ban kiểm phiếu" in ruling.value.message_vi
    with pytest.raises(ActionError) as unknown:
        adjudicate(clerk, scanned.pk, rows, "looks_fine")
    assert unknown.value.code == "unknown_ruling"
    assert not BallotEntry.objects.exists()
    proposed = adjudicate(clerk, scanned.pk, rows, "valid")
    assert proposed.state == ScannedBallot.State.REVIEW  # one member's proposal enters nothing
    assert proposed.entry is None
    assert not BallotEntry.objects.exists()
    done = confirm_decision(second, scanned.pk)
    assert done.state == ScannedBallot.State.CONFIRMED
    assert (done.proposed_by, done.decided_by) == (clerk, second)
    assert done.proposed_at is not None
    assert done.decided_at is not None
    assert done.proposed_at <= done.decided_at
    assert done.entry is not None
    assert done.entry.sheet == scanned.sheet
    assert done.entry.content == expected_content(election, [truth])
    assert done.decision["ruling"] == "valid"
    event = AuditEvent.objects.get(action="confirm_scan")
    assert event.details["scanned"] == str(scanned.pk)
    assert event.details["proposed_by"] == "clerk"
    assert AuditEvent.objects.filter(action="propose_scan").count() == 1
    with pytest.raises(ActionError) as twice:
        adjudicate(clerk, scanned.pk, rows, "valid")
    assert twice.value.code == "scan_not_in_review"


def test_the_board_may_rule_a_ballot_invalid_for_a_reason_only_the_paper_shows(
    election: Election, clerk: User, second: User
) -> None:
    scanned, _ = _one_in_review(election, clerk)
    done = _ruled(clerk, second, scanned, {}, "not_issued_by_board")
    assert done.entry is not None
    assert done.entry.content == {"invalid": "not_issued_by_board"}


def test_every_row_in_review_needs_a_mark_of_the_layout(
    election: Election, clerk: User, second: User
) -> None:
    scanned, truth = _one_in_review(election, clerk, ambiguous_rate=1.0)
    rows = _board_rows(scanned, truth)
    if not rows:
        pytest.skip("the reader decided every row of this ballot")  # pragma: no cover
    first = min(rows)
    with pytest.raises(ActionError) as missing:
        adjudicate(clerk, scanned.pk, {n: m for n, m in rows.items() if n != first}, "valid")
    assert missing.value.code == "row_needs_decision"
    assert missing.value.field == f"row_{first}"
    with pytest.raises(ActionError) as wrong:
        adjudicate(clerk, scanned.pk, {**rows, first: "agree"}, "valid")
    assert wrong.value.code == "mark_not_allowed"
    with pytest.raises(ActionError) as unknown_row:
        adjudicate(clerk, scanned.pk, {**rows, 9: "kept"}, "valid")
    assert unknown_row.value.code == "number_not_on_list"
    corrected = {**rows, 1: "struck" if truth.rows[1] == "kept" else "kept"}
    if 1 in rows:
        corrected = rows
    done = _ruled(clerk, second, scanned, corrected, "valid")
    assert done.entry is not None
    if 1 not in rows:
        assert done.decision["corrected"] == [1]


def test_a_scan_in_review_holds_its_ballot_number(election: Election, clerk: User) -> None:
    scanned, _ = _one_in_review(election, clerk)
    with pytest.raises(ActionError) as held:
        record_entry(clerk, election.pk, 1, scanned.sheet or 0, {"kept": ["c1"]})
    assert held.value.code == "sheet_in_review"
    Election.objects.filter(pk=election.pk).update(ballots_collected=1)
    with pytest.raises(ActionError) as full:
        scan_files(clerk, election.pk, 1, [("x.jpg", blank())])
    assert full.value.code == "no_free_sheet"


def test_a_scanned_stack_is_certified_like_a_typed_one(
    election: Election, clerk: User, second: User
) -> None:
    Election.objects.filter(pk=election.pk).update(ballots_issued=2, ballots_collected=2)
    ballots = [marked(election, seed) for seed in (1, 3)]
    report = scan_files(
        clerk, election.pk, 1, [(f"{i}.jpg", b.jpeg()) for i, b in enumerate(ballots)]
    )
    for item, ballot in zip(report.items, ballots, strict=True):
        if item.outcome == "review":
            scanned = ScannedBallot.objects.get(pk=item.scanned_id)
            ruling = "valid" if scanned.reading["pages"][0]["doubts"] else None
            _ruled(clerk, second, scanned, _board_rows(scanned, ballot.truth), ruling)
    # the hand check against paper (omr.md §5.4): both sheets, as fewer than 50 were scanned;
    # certification waits for it
    with pytest.raises(ActionError) as unchecked:
        certify_result(clerk, election.pk)
    assert unchecked.value.code == "spot_check_required"
    draw_spot_check(clerk, election.pk, "31415")
    for sheet, ballot in enumerate(ballots, start=1):
        check_spot_sheet(second, election.pk, 1, sheet, expected_content(election, [ballot.truth]))
    assert scan_check_blockers(election) == []
    result = certify_result(clerk, election.pk)
    votes = {c["id"]: c["votes"] for c in result.document["candidates"]}
    expected = [expected_content(election, [b.truth]) for b in ballots]
    for code in ("c1", "c2", "c3"):
        counted = [e for e in expected if len(e["kept"]) <= 2 and e["kept"]]  # valid ballots (R10)
        assert votes[code] == sum(code in e["kept"] for e in counted)
    # the minutes say how the ballots were read and which OMR settings applied
    states = [s.state for s in ScannedBallot.objects.filter(election=election)]
    text = _member(Role.COUNTING_BOARD).get(reverse("minutes", args=[election.pk, "txt"]))
    minutes = text.content.decode()
    read, confirmed = states.count("read"), states.count("confirmed")
    assert f"Phiếu quét: {read} phiếu máy đọc tự động; {confirmed} phiếu Ban kiểm phiếu" in minutes
    assert "OPEN-OMR" not in minutes  # the rule in words, never its id
    assert "vết mực nhỏ hơn 1 mm được bỏ qua" in minutes
    assert (
        "Kiểm tra ngẫu nhiên phiếu giấy so với bản máy đọc: số ngẫu nhiên 31415 (gieo trước Ban "
        "kiểm phiếu); rút 2 trong 2 phiếu quét, đã đối chiếu 2 phiếu; không phát hiện sai khác."
    ) in minutes


def test_certification_waits_for_the_board_s_review(election: Election, clerk: User) -> None:
    _one_in_review(election, clerk)
    with pytest.raises(ActionError) as waiting:
        certify_result(clerk, election.pk)
    assert waiting.value.code == "scans_waiting"


def test_the_official_congress_starts_without_the_practice_scans(
    election: Election,
    clerk: User,
    data_folder: Path,
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[Any]],
) -> None:
    scanned, _ = _one_in_review(election, clerk)
    image = data_folder / scanned.image
    assert image.is_file()
    with django_capture_on_commit_callbacks(execute=True):
        switch_to_official(clerk, election.congress_id)
    assert not ScannedBallot.objects.exists()
    assert not ScanBatch.objects.exists()
    assert not image.exists()  # a practice ballot's image is not kept either


# ---------------------------------------------------------------------------------------------
# Typed by one team, scanned by another


@pytest.mark.slow
def test_a_stack_typed_and_scanned_lists_every_difference(election: Election, clerk: User) -> None:
    Election.objects.filter(pk=election.pk).update(entry_teams=2)
    election.refresh_from_db()
    ballots = [marked(election, seed) for seed in (1, 3)]
    typed = [expected_content(election, [b.truth]) for b in ballots]
    wrong = {"kept": ["c1", "c2"] if typed[1]["kept"] != ["c1", "c2"] else ["c3"]}
    clerks = typists(election)  # one person types, another scans
    record_entry(clerks[1], election.pk, 1, 1, typed[0])
    record_entry(clerks[1], election.pk, 1, 2, wrong)  # the clerk mistyped sheet 2
    record_entry(clerks[1], election.pk, 1, 3, {"kept": ["c1"]})  # and sheet 3 was not scanned
    report = scan_files(
        clerks[2], election.pk, 2, [(f"{i}.jpg", b.jpeg()) for i, b in enumerate(ballots)]
    )
    differing = {d.sheet: d for d in settled(election)[1]}
    assert {2, 3} <= set(differing)
    assert differing[3].entries[2] is None
    if report.items[0].outcome == "read":
        assert 1 not in differing  # the scan agrees with the typed ballot
    head = User.objects.create_user("head", password="x")
    member_of_all(head, Role.COUNTING_HEAD)
    client = Client()
    client.force_login(head)
    page = client.get(reverse("differences", args=[election.pk])).content.decode()
    for sheet in differing:
        assert f'name="sheet" value="{sheet}"' in page
    scan_of_2 = ScannedBallot.objects.get(election=election, team=2, sheet=2)
    assert reverse("scan_review", args=[scan_of_2.pk]) in page  # the head compares with the scan
    shown = client.get(reverse("scan_review", args=[scan_of_2.pk]))
    assert shown.status_code == 200
    assert "Nguyễn Văn An" in shown.content.decode()


# ---------------------------------------------------------------------------------------------
# The reading kept with the record


def test_every_code_of_the_reader_has_words() -> None:
    assert {str(r) for r in Rejection} <= set(SCAN_REJECTIONS)
    assert {str(d) for d in Doubt} <= set(SCAN_DOUBTS)
    assert {str(m) for m in Mark} <= set(SCAN_MARKS)


def test_a_reading_survives_its_json() -> None:
    reading = PageReading(
        election_id=4,
        round=2,
        page=1,
        pages=2,
        rows=(
            RowReading(1, Mark.STRUCK, 0.98, measures={"coverage": np.float32(0.97)}),  # type: ignore[dict-item]
            RowReading(2, Mark.REVIEW, 0.4, (Doubt.PARTIAL_STRIKE,), Mark.STRUCK, {"x": 1.0}),
        ),
        doubts=(Doubt.EXTRA_INK,),
        warnings=(Doubt.MIXED_INK,),
        homography=((1.0, 0.0, 3.5), (0.0, 1.0, -2.0), (0.0, 0.0, 1.0)),
    )
    data = reading_to_json(reading)
    assert json.loads(json.dumps(data)) == data
    back = reading_from_json(data)
    assert isinstance(back, PageReading)
    assert back.rows[1] == reading.rows[1]
    assert back.rows[0].measures["coverage"] == pytest.approx(0.97)
    assert back.homography == reading.homography
    rejected = PageRejected(Rejection.OTHER_BALLOT, "E=3")
    assert reading_from_json(reading_to_json(rejected)) == rejected


# ---------------------------------------------------------------------------------------------
# Screens


def _member(role: Role) -> Client:
    user = User.objects.create_user(f"u-{role}", password="x")
    member_of_all(user, role)
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.slow
def test_upload_review_and_images_through_the_web(election: Election) -> None:
    board = _member(Role.COUNTING_BOARD)
    unstamped = marked(election, 5, stamp=False)
    upload = SimpleUploadedFile
    response = board.post(
        reverse("scan_upload", args=[election.pk]),
        {
            "team": "1",
            "files": [
                upload("phieu-1.jpg", unstamped.jpeg(), "image/jpeg"),
                upload("ghi-chu.txt", b"hello", "text/plain"),
            ],
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "ghi-chu.txt, trang 1" in page
    scanned = ScannedBallot.objects.get(state=ScannedBallot.State.REVIEW)
    queue = board.get(reverse("scan_queue", args=[election.pk])).content.decode()
    assert reverse("scan_review", args=[scanned.pk]) in queue
    review = board.get(reverse("scan_review", args=[scanned.pk]))
    assert review.status_code == 200
    image = board.get(reverse("scan_image", args=[scanned.pk]) + "?trang=1")
    assert image["Content-Type"] == "image/jpeg"
    assert image["Cache-Control"] == "no-store, private"
    assert image.content[:3] == b"\xff\xd8\xff"
    crop = board.get(reverse("scan_row", args=[scanned.pk, 1]))
    assert crop.content[:4] == b"\x89PNG"
    assert board.get(reverse("scan_row", args=[scanned.pk, 42])).status_code == 404
    rows = {f"row_{n}": m for n, m in _board_rows(scanned, unstamped.truth).items()}
    done = board.post(reverse("scan_review", args=[scanned.pk]), {**rows, "ruling": "valid"})
    assert done.status_code == 302
    scanned.refresh_from_db()
    assert scanned.state == ScannedBallot.State.REVIEW  # proposed: a second member confirms
    waiting = board.get(reverse("scan_queue", args=[election.pk])).content.decode()
    assert 'id="confirming"' in waiting
    assert reverse("scan_review", args=[scanned.pk]) in waiting.split('id="confirming"')[1]
    own = board.get(reverse("scan_review", args=[scanned.pk])).content.decode()
    assert 'id="proposal"' in own
    assert 'id="confirm-form"' not in own  # the proposer is not offered the confirmation
    refused = board.post(reverse("scan_review", args=[scanned.pk]), {"do": "confirm"})
    assert "một thành viên khác của Ban kiểm phiếu phải xác nhận" in refused.content.decode()
    other = Client()
    other.force_login(member_of_all(User.objects.create_user("tv2"), Role.COUNTING_BOARD))
    assert (
        'id="confirm-form"' in other.get(reverse("scan_review", args=[scanned.pk])).content.decode()
    )
    assert (
        other.post(reverse("scan_review", args=[scanned.pk]), {"do": "confirm"}).status_code == 302
    )
    scanned.refresh_from_db()
    assert scanned.state == ScannedBallot.State.CONFIRMED
    shown = board.get(reverse("scan_review", args=[scanned.pk])).content.decode()
    assert "u-counting_board" in shown
    assert "tv2" in shown
    for role in Role:
        client = board if role is Role.COUNTING_BOARD else _member(role)
        for name, args in (
            ("scan_review", [scanned.pk]),
            ("scan_image", [scanned.pk]),
            ("scan_row", [scanned.pk, 1]),
        ):
            status = client.get(reverse(name, args=args)).status_code
            assert status == (200 if role in GRANTS[Permission.ENTER_BALLOTS] else 403), (
                name,
                role,
            )


def test_the_election_page_prints_the_approved_list(election: Election) -> None:
    head = _member(Role.COUNTING_HEAD)
    url = reverse("ballot_papers", args=[election.pk])
    refused = head.post(url, {"paper": "A4", "copies": 2})
    assert refused.status_code == 302
    _approved(election)
    page = head.get(reverse("election", args=[election.pk])).content.decode()
    assert url in page
    assert 'value="15"' in page  # 10 summoned + a reserve of 5
    assert head.get(url + "?paper=A4&copies=2").status_code == 302  # a GET never prints
    pdf = head.post(url, {"paper": "A4", "copies": 2})
    assert pdf["Content-Type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(pdf.content)).pages) == 2
    assert _member(Role.COUNTING_BOARD).get(url).status_code == 403
