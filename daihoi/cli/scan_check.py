"""`daihoi scan-check DIR TRUTH.csv`: the scanner checked on ballots marked by hand.

Reads every scan in DIR through the same reader as `daihoi scan` (the layout of the data
folder's election, or `--specs elections.json` as bench/omr_handmarks.py writes it), compares
with the truth sheet and prints, in Vietnamese with English: pages, ballots, rows; every decision
taken without review that differs from what the voter meant; ambiguous marks not sent to review;
clean ballots sent to review and why; pages rejected and why (docs/omr-acceptance.md). Stores
nothing. Exit 0 when no decision is wrong and every doubtful mark went to review, 1 otherwise,
2 when the input cannot be read.
"""

import sys
from dataclasses import replace
from pathlib import Path

from daihoi.labels import SCAN_DOUBTS, SCAN_MARKS, SCAN_REJECTIONS, words
from daihoi.omr.acceptance import Check, Readers, check_folder, layouts_from_specs, scan_files
from daihoi.omr.thresholds import ReaderSettings
from daihoi.omr.truth_sheet import TruthError, read_truth, unstamped_pages

TARGET_SHARE = 0.01  # clean ballots to review, pages rejected (omr.md §5.6; issue 14)

LISTED = 30  # rejected pages listed by name

_TRUTH_WORDS = {"struck": "gạch / struck", "kept": "giữ / kept", "ambiguous": "không rõ / doubtful"}


def _say(vi: str, en: str) -> None:
    print(f"{vi}\n  ({en})", file=sys.stderr)


def _percent(share: float) -> str:
    """98,7 % in Vietnamese; the English in brackets uses the point."""
    text = f"{100 * share:.1f}"
    return f"{text.replace('.', ',')} % ({text} %)"


def _readers(election: int | None, specs: str | None, data: str | None) -> Readers | None:
    if specs:
        return Readers(layouts_from_specs(Path(specs)), ReaderSettings())
    if election is None:
        _say(
            "Cần chỉ rõ cuộc bầu cử (--election SỐ) hoặc tệp mẫu phiếu (--specs elections.json)",
            "Name the election (--election ID) or the ballot specs (--specs elections.json)",
        )
        return None
    from daihoi.cli.serve import _setup

    _setup(data)
    from daihoi.actions.ballot_papers import election_or_error
    from daihoi.actions.scan_records import reader_settings
    from daihoi.errors import ActionError
    from daihoi.queries.ballots import layouts_of

    try:
        chosen = election_or_error(election)
    except ActionError as unknown:
        _say(unknown.message_vi, unknown.message_en)
        return None
    return Readers(layouts_of(chosen).values(), reader_settings(chosen.congress))


def run_scan_check(
    folder: str, truth: str, election: int | None, specs: str | None, data: str | None
) -> int:
    """Check the scans of `folder` against `truth`; 0 all right, 1 wrong or unreviewed, 2 input."""
    try:
        sheet = read_truth(Path(truth).read_text(encoding="utf-8-sig"))
        pages = Path(truth).with_name("pages.csv")
        if pages.is_file() and not sheet.unstamped:
            found = unstamped_pages(pages.read_text(encoding="utf-8-sig"))
            sheet = replace(sheet, unstamped=found)
    except OSError as problem:
        _say(
            f"Không đọc được {truth}: {problem.strerror}",
            f"Cannot read {truth}: {problem.strerror}",
        )
        return 2
    except UnicodeDecodeError:
        _say(f"{truth}: cần lưu dạng CSV UTF-8", f"{truth}: save it as CSV UTF-8")
        return 2
    except TruthError as error:
        _say(f"{truth}: {error.vi}", f"{truth}: {error.en}")
        return 2
    if not Path(folder).is_dir():
        _say(f"{folder} không phải thư mục", f"{folder} is not a folder")
        return 2
    readers = _readers(election, specs, data)
    if readers is None:
        return 2
    from daihoi.cli.progress import ProgressBar

    check = check_folder(readers, scan_files(Path(folder)), sheet, ProgressBar("đọc / read "))
    report(check)
    return check.status


def report(check: Check) -> None:
    """The figures and the lists, in Vietnamese with English."""
    print(
        f"Trang / pages: {check.pages}; phiếu / ballots: {check.ballots}; dòng / rows: {check.rows}"
    )
    print(f"Quyết định SAI không qua xem xét / WRONG decisions without review: {len(check.wrong)}")
    for wrong in check.wrong:
        read = words(SCAN_MARKS, wrong.read, lang="both")
        print(
            f"  {wrong.file}, trang/page {wrong.page}, dòng/row {wrong.row}: "
            f"thật/truth {_TRUTH_WORDS[wrong.truth]}, đọc/read {read}"
        )
    print(
        f"Dấu không rõ / doubtful marks: {check.ambiguous}; không đưa xem xét / "
        f"not sent to review: {len(check.unreviewed)}"
    )
    for missed in check.unreviewed:
        read = words(SCAN_MARKS, missed.read, lang="both")
        print(f"  {missed.file}, trang/page {missed.page}, dòng/row {missed.row}: đọc/read {read}")
    if check.unstamped:
        print(
            f"Phiếu không có dấu của Ban kiểm phiếu / ballots without the seal: "
            f"{check.unstamped}; đọc không qua xem xét / read without review: "
            f"{len(check.unstamped_read)} {' '.join(check.unstamped_read)}"
        )
    flag = "" if check.clean_share <= TARGET_SHARE else "  (> 1 %)"
    print(
        f"Phiếu sạch phải xem xét / clean ballots sent to review: {check.clean_review} / "
        f"{check.clean} = {_percent(check.clean_share)}{flag}"
    )
    for code, count in check.review_reasons.most_common():
        print(f"  {count} × {words(SCAN_DOUBTS, code, lang='both')}")
    flag = "" if check.rejected_share <= TARGET_SHARE else "  (> 1 %)"
    print(
        f"Trang không đọc được / pages rejected: {len(check.rejected)} / {check.pages} = "
        f"{_percent(check.rejected_share)}{flag}"
    )
    for code, count in check.rejection_reasons.most_common():
        print(f"  {count} × {words(SCAN_REJECTIONS, code, lang='both')}")
    for rejected in check.rejected[:LISTED]:
        detail = f" [{rejected.detail}]" if rejected.detail else ""
        why = words(SCAN_REJECTIONS, rejected.reason, lang="vi")
        print(f"    {rejected.file}, trang/page {rejected.page}: {why}{detail}")
    if len(check.rejected) > LISTED:
        print(f"    … {len(check.rejected) - LISTED} trang nữa / more pages")
    for code, count in check.warnings.most_common():
        print(f"Cảnh báo / warning: {count} × {words(SCAN_DOUBTS, code, lang='both')}")
    if check.no_truth:
        shown = ", ".join(check.no_truth[:10]) + (" …" if len(check.no_truth) > 10 else "")
        print(
            f"Không có trong bảng đối chiếu / not in the truth sheet: "
            f"{len(check.no_truth)}: {shown}"
        )
    if check.unlisted:
        shown = ", ".join(check.unlisted[:10]) + (" …" if len(check.unlisted) > 10 else "")
        print(f"Có trong bảng nhưng không có tệp / in the sheet, no such file: {shown}")
    print(_verdict(check))


def _verdict(check: Check) -> str:
    within = check.clean_share <= TARGET_SHARE and check.rejected_share <= TARGET_SHARE
    if check.status:
        return "KHÔNG ĐẠT: có quyết định sai hoặc phiếu cần xem xét bị bỏ qua / FAIL"
    if within:
        return "ĐẠT: không quyết định sai, mọi phiếu cần xem xét đều được xem xét / PASS"
    return (
        "Không quyết định sai, nhưng quá 1 % phiếu phải xem xét hoặc không đọc được / "
        "nothing wrong, but more than 1 % to review or rejected"
    )
