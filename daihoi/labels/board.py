"""Words of the counting board's checks on scanned counts (omr.md §5.4): two members confirm each
decision on a doubtful scan, and a random sample of sheets is checked against the paper.

Merged into ACTION_ERRORS and AUDIT_EVENTS (errors.py, audit.py) so that each stays one table.
"""

from collections.abc import Mapping

from daihoi.labels.language import Label

BOARD_ERRORS: Mapping[str, Label] = {
    "scan_already_proposed": (
        (
            "Phiếu quét số {sheet} đã có đề xuất của {person}: chờ một thành viên khác của "
            "Ban kiểm phiếu xác nhận hoặc trả lại."
        ),
        (
            "Scanned ballot {sheet} already has {person}'s proposal: another member of the "
            "counting board confirms it or sends it back."
        ),
    ),
    "scan_not_proposed": (
        "Phiếu quét số {sheet} chưa có đề xuất của thành viên nào để xác nhận.",
        "Scanned ballot {sheet} has no member's proposal to confirm.",
    ),
    "confirm_own_proposal": (
        "Bạn đã đề xuất quyết định này: một thành viên khác của Ban kiểm phiếu phải xác nhận.",
        "You proposed this decision: another member of the counting board must confirm it.",
    ),
    "return_reason_required": (
        "Ghi lý do trả lại đề xuất (ví dụ: dòng nào đọc khác trên phiếu giấy).",
        (
            "Give the reason for sending the proposal back (for example which row reads otherwise "
            "on the paper)."
        ),
    ),
    "scan_proposals_unconfirmed": (
        (
            "Còn {count} phiếu quét đã có đề xuất nhưng chưa được thành viên thứ hai của Ban kiểm "
            "phiếu xác nhận."
        ),
        (
            "{count} scanned ballots have a proposal not yet confirmed by a second member of the "
            "counting board."
        ),
    ),
    "spot_check_seed": (
        (
            "Số ngẫu nhiên phải gồm ít nhất 5 chữ số (ví dụ các số gieo xúc xắc trước Ban kiểm "
            "phiếu), không có chữ cái."
        ),
        (
            "The random number must have at least 5 digits (for example dice thrown before the "
            "counting board), and no letters."
        ),
    ),
    "spot_check_nothing_scanned": (
        "Cuộc bầu này chưa có phiếu quét nào được nhập: không có gì để kiểm tra.",
        "No scanned ballot of this election has been entered: there is nothing to check.",
    ),
    "spot_check_before_review": (
        "Còn {count} phiếu quét chờ Ban kiểm phiếu: rút phiếu kiểm tra sau khi máy đếm xong.",
        (
            "{count} scanned ballots still wait for the counting board: draw the check once the "
            "machine count is done."
        ),
    ),
    "spot_check_already_drawn": (
        (
            "Đã rút phiếu kiểm tra (số ngẫu nhiên {seed}) trên {population} phiếu quét; "
            "chỉ rút lại khi có thêm phiếu quét."
        ),
        (
            "The check was drawn (random number {seed}) from {population} scanned ballots; it is "
            "drawn again only when more ballots are scanned."
        ),
    ),
    "spot_check_not_drawn_yet": (
        "Chưa rút phiếu kiểm tra: Trưởng ban kiểm phiếu rút trước.",
        "No check has been drawn yet: the head of the counting board draws it first.",
    ),
    "spot_check_sheet_not_drawn": (
        "Phiếu số {sheet} của nhóm nhập {team} không nằm trong các phiếu rút ra để kiểm tra.",
        "Ballot {sheet} of entry team {team} is not among the ballots drawn for the check.",
    ),
    "spot_check_sheet_checked": (
        "Phiếu số {sheet} của nhóm nhập {team} đã được đối chiếu rồi.",
        "Ballot {sheet} of entry team {team} has already been checked.",
    ),
    "spot_check_no_difference": (
        "Phiếu số {sheet} của nhóm nhập {team} không có sai khác chờ giải quyết.",
        "Ballot {sheet} of entry team {team} has no difference waiting to be settled.",
    ),
    "spot_check_required": (
        (
            "Cuộc bầu có phiếu quét: phải kiểm tra ngẫu nhiên phiếu giấy trước khi chứng nhận "
            "(Trưởng ban kiểm phiếu rút phiếu từ số ngẫu nhiên)."
        ),
        (
            "This election has scanned ballots: a random check against the paper is required "
            "before certification (the head of the counting board draws it from a random number)."
        ),
    ),
    "spot_check_stale": (
        (
            "Có thêm phiếu quét sau lần rút phiếu kiểm tra ({population} phiếu lúc rút, nay "
            "{now}): rút lại phiếu kiểm tra."
        ),
        (
            "More ballots were scanned after the check was drawn ({population} then, {now} now): "
            "draw the check again."
        ),
    ),
    "spot_check_incomplete": (
        "Còn {count} phiếu rút ra kiểm tra chưa đối chiếu với phiếu giấy.",
        "{count} ballots drawn for the check have not been compared with their paper.",
    ),
    "spot_check_differences": (
        (
            "Phiếu giấy khác với bản máy đọc (phiếu số {sheets}): việc kiểm phiếu dừng lại cho đến "
            "khi Trưởng ban kiểm phiếu ghi nội dung phiếu giấy."
        ),
        (
            "The paper differs from the machine's record (ballots {sheets}): the count stops until "
            "the head of the counting board records what the paper shows."
        ),
    ),
}

BOARD_EVENTS: Mapping[str, Label] = {
    "propose_scan": (
        (
            "Thành viên Ban kiểm phiếu đề xuất quyết định cho phiếu quét số {sheet} của nhóm "
            "nhập {team} "
            "— {election}"
        ),
        (
            "A counting board member proposed the decision on scanned ballot {sheet} of "
            "entry team {team} — {election}"
        ),
    ),
    "confirm_scan": (
        (
            "Thành viên thứ hai xác nhận quyết định của {proposed_by} cho phiếu quét số {sheet} "
            "của nhóm nhập {team} — {election}"
        ),
        (
            "A second member confirmed {proposed_by}'s decision on scanned ballot {sheet} of "
            "entry team {team} — {election}"
        ),
    ),
    "return_scan": (
        (
            "Trả lại đề xuất của {proposed_by} cho phiếu quét số {sheet} của nhóm nhập "
            "{team}; lý do: "
            "{reason_text} — {election}"
        ),
        (
            "Sent {proposed_by}'s proposal on scanned ballot {sheet} of entry team {team} "
            "back; reason: "
            "{reason_text} — {election}"
        ),
    ),
    "draw_spot_check": (
        (
            "Rút {count} phiếu kiểm tra với phiếu giấy từ {population} phiếu quét, số ngẫu nhiên "
            "{seed}: {drawn} — {election}"
        ),
        (
            "Drew {count} of {population} scanned ballots to check against paper, random number "
            "{seed}: {drawn} — {election}"
        ),
    ),
    "check_spot_sheet": (
        "Đối chiếu phiếu giấy số {sheet} của nhóm nhập {team}: khớp với bản máy đọc — {election}",
        (
            "Compared paper ballot {sheet} of entry team {team}: matches the machine's record — "
            "{election}"
        ),
    ),
    "check_spot_sheet_differs": (
        (
            "Đối chiếu phiếu giấy số {sheet} của nhóm nhập {team}: KHÁC bản máy đọc, việc "
            "kiểm phiếu "
            "dừng lại — {election}"
        ),
        (
            "Compared paper ballot {sheet} of entry team {team}: it DIFFERS from the "
            "machine's record; "
            "the count stops — {election}"
        ),
    ),
    "settle_spot_difference": (
        (
            "Trưởng ban kiểm phiếu ghi nội dung phiếu giấy số {sheet} của nhóm nhập {team} "
            "(khác bản máy "
            "đọc) — {election}"
        ),
        (
            "The head of the counting board recorded what paper ballot {sheet} of entry team "
            "{team} "
            "shows (it differs from the machine's record) — {election}"
        ),
    ),
}
