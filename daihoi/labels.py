"""Words for codes, in Vietnamese and English: problems, reasons, bodies, settings.

The core returns codes and numbers, never prose; this is the catalogue the command line and the
documents read. (Decision 0002: a Python catalogue until the Django application brings .po files.)
"""

from collections.abc import Mapping

Label = tuple[str, str]  # (Vietnamese, English)

PROBLEMS: Mapping[str, Label] = {
    "not_json": ("tệp không phải JSON hợp lệ: {detail}", "not valid JSON: {detail}"),
    "empty": ("trống", "empty"),
    "missing": ("thiếu trường bắt buộc", "required field missing"),
    "unknown_field": ("trường không có trong định dạng", "field not in the format"),
    "wrong_type": ("sai kiểu, cần {expected}", "wrong type, expected {expected}"),
    "wrong_format": ('định dạng phải là "{expected}"', 'format must be "{expected}"'),
    "unknown_value": (
        'giá trị "{value}" không hợp lệ (cho phép: {allowed})',
        'unknown value "{value}" (allowed: {allowed})',
    ),
    "not_a_date": (
        'ngày "{value}" không hợp lệ (YYYY-MM-DD)',
        'impossible date "{value}" (YYYY-MM-DD)',
    ),
    "one_ballot_kind": (
        "mỗi phiếu phải có đúng một trong kept, marks, invalid",
        "a ballot needs exactly one of kept, marks, invalid",
    ),
    "added_on_invalid": (
        "phiếu đã ghi lý do không hợp lệ không được kèm tên ghi thêm",
        "a ballot with an invalid reason cannot carry added names",
    ),
    "not_positive": ("phải lớn hơn 0 (đang là {value})", "must be at least 1 (is {value})"),
    "negative": ("không được âm", "must not be negative"),
    "alternates_only_for_upper_delegates": (
        "chỉ bầu đại biểu dự khuyết trên cùng danh sách khi bầu đại biểu đi dự đại hội cấp trên",
        "alternates share the list only when electing delegates to the upper congress",
    ),
    "alternates_need_combined_list": (
        "quy chế này bầu dự khuyết bằng phiếu riêng (delegates_mode = separate_ballots)",
        "this rule set elects alternates on a separate ballot (delegates_mode = separate_ballots)",
    ),
    "category_not_for_meeting": (
        'loại "{category}" không được trừ khỏi cơ sở tính kết quả ở {meeting} (R14)',
        'category "{category}" is not deducted from the base at a {meeting} (R14)',
    ),
    "base_not_positive": (
        "số trừ khỏi cơ sở tính kết quả không được bằng hoặc vượt số triệu tập",
        "the deductions leave no base: they reach the number summoned",
    ),
    "present_above_summoned": ("số có mặt lớn hơn số triệu tập", "more present than summoned"),
    "required_by_percent_base": (
        "cần số có mặt vì tỷ lệ % tính trên số có mặt",
        "needed because percentages are on those present",
    ),
    "duplicate_id": ('mã "{id}" bị trùng', 'duplicate id "{id}"'),
    "cross_out_on_agree_disagree_list": (
        "danh sách không có số dư dùng phiếu đồng ý/không đồng ý (marks), không gạch tên",
        "a list without surplus is marked agree/disagree (marks), not struck through",
    ),
    "marks_on_cross_out_list": (
        "danh sách có số dư dùng phiếu gạch tên (kept), không đánh dấu đồng ý/không đồng ý",
        "a surplus list is struck through (kept), not marked agree/disagree",
    ),
    "unknown_candidate": (
        'không có người mang mã "{id}" trong danh sách bầu cử',
        'unknown candidate "{id}"',
    ),
    "duplicate_candidate": (
        'mã "{id}" ghi hai lần trên một phiếu',
        'candidate "{id}" twice on one ballot',
    ),
    "reason_not_from_paper": (
        (
            'lý do "{reason}" do chương trình tự xác định; '
            "tệp chỉ ghi not_issued_by_board hoặc signed_or_marked"
        ),
        (
            'reason "{reason}" is derived by the counter; '
            "a file states only not_issued_by_board or signed_or_marked"
        ),
    ),
    "setting_unknown_setting": ("không có tùy chọn này", "no such setting"),
    "setting_wrong_type": ("sai kiểu giá trị {value}", "wrong type of value {value}"),
    "setting_not_a_choice": ("giá trị {value} không được phép", "value {value} is not allowed"),
    "setting_out_of_range": ("giá trị {value} ngoài phạm vi", "value {value} out of range"),
    "setting_not_a_fraction": ("{value} không phải phân số", "{value} is not a fraction"),
    "file_not_found": ("không mở được tệp: {detail}", "cannot open the file: {detail}"),
}

INVALID_REASONS: Mapping[str, Label] = {
    "not_issued_by_board": (
        "Phiếu không do Ban kiểm phiếu phát ra",
        "not issued by the counting board",
    ),
    "signed_or_marked": ("Phiếu có ký tên hoặc đánh dấu", "signed or marked by the voter"),
    "name_added": (
        "Phiếu ghi thêm tên người ngoài danh sách",
        "a name written in outside the list",
    ),
    "more_names_than_seats": ("Phiếu bầu thừa số lượng", "more names kept than seats"),
    "all_names_struck": ("Phiếu gạch tên tất cả", "every name struck"),
    "single_candidate_both_or_no_box": (
        "Phiếu đánh dấu cả hai ô hoặc không đánh dấu ô nào",
        "both boxes or no box marked",
    ),
}

#: Why a scanned page is not read (omr.reading.Rejection, and the batch's own checks)
SCAN_REJECTIONS: Mapping[str, Label] = {
    "not_an_image": (
        "không phải ảnh quét (JPEG, PNG, TIFF) hay tệp PDF đọc được",
        "not a readable scan (JPEG, PNG, TIFF) or PDF file",
    ),
    "blank_page": ("trang trắng", "a blank page"),
    "no_marks": (
        "không thấy các dấu định vị ở bốn góc: không phải phiếu bầu, hoặc bị cắt mất góc",
        "the corner registration marks are not found: not a ballot, or a corner is cut off",
    ),
    "bad_geometry": (
        "phiếu bị méo hoặc in sai tỷ lệ (cần in đúng 100 %)",
        "the page is distorted or printed at the wrong scale (print at 100 %)",
    ),
    "no_code": ("không đọc được mã QR của phiếu", "the ballot's QR code cannot be read"),
    "other_ballot": (
        "phiếu của cuộc bầu cử, lần bầu hoặc danh sách khác",
        "a ballot of another election, round or list",
    ),
    "rehearsal_ballot": (
        "phiếu diễn tập không được tính trong lần bầu chính thức (hoặc ngược lại)",
        "a rehearsal ballot cannot count in an official vote (or the other way round)",
    ),
    "failed": (
        "không đọc được trang này: nhập tay hoặc quét lại",
        "this page could not be read: enter it by hand or scan it again",
    ),
    "duplicate": (
        "ảnh này đã được quét rồi (trùng SHA-256): không tính lần hai",
        "this image was already scanned (same SHA-256): not counted twice",
    ),
    "incomplete_pair": (
        "phiếu in hai mặt thiếu một mặt (cần trang 1/2 rồi 2/2 liền nhau)",
        "a two-sided ballot with a side missing (pages 1/2 and 2/2 must follow each other)",
    ),
}

#: Why the scanner sends a row or a ballot to the counting board (omr.reading.Doubt)
SCAN_DOUBTS: Mapping[str, Label] = {
    "partial_strike": (
        "nét gạch không phủ hết họ và tên (OPEN-OMR-1)",
        "a stroke that does not cover the whole name (OPEN-OMR-1)",
    ),
    "off_name_line": (
        "nét kẻ trên hoặc dưới tên, không qua chữ",
        "a line above or below the name, not through it",
    ),
    "mark_beside_name": (
        "dấu bên cạnh tên (khoanh, tích, chấm)",
        "a mark beside the name (circle, tick, dot)",
    ),
    "ink_from_neighbour": ("nét mực lấn từ dòng bên cạnh", "a stroke from a neighbouring row"),
    "box_faint": (
        "ô có ít mực, chưa rõ là đánh dấu",
        "a box with a little ink, not clearly marked",
    ),
    "name_marked_on_box_ballot": (
        "tên bị gạch trên phiếu đồng ý/không đồng ý",
        "a name struck on an agree/disagree ballot",
    ),
    "extra_ink": (
        "có chữ viết hoặc dấu ngoài các dòng (ghi thêm tên, ký tên, đánh dấu?)",
        "writing or marks outside the rows (a name added, a signature, a mark?)",
    ),
    "no_stamp": (
        "không thấy dấu của Ban kiểm phiếu ở góc trên bên trái",
        "no counting-board stamp in the upper-left corner",
    ),
    "mixed_ink": ("dùng nhiều loại mực (OPEN-OMR-3)", "more than one ink (OPEN-OMR-3)"),
}

#: A row's mark as the reader or the board gives it (R9)
SCAN_MARKS: Mapping[str, Label] = {
    "kept": ("giữ tên", "kept"),
    "struck": ("gạch tên", "struck"),
    "agree": ("đồng ý", "agree"),
    "disagree": ("không đồng ý", "disagree"),
    "both": ("đánh dấu cả hai ô", "both boxes"),
    "none": ("không đánh dấu ô nào", "no box"),
    "review": ("cần xem xét", "to review"),
}

#: What became of a scanned ballot
SCAN_STATES: Mapping[str, Label] = {
    "read": ("đọc tự động", "read automatically"),
    "review": ("chờ Ban kiểm phiếu xem xét", "waiting for the counting board"),
    "confirmed": ("Ban kiểm phiếu đã quyết định", "decided by the counting board"),
    "rejected": ("không đọc được", "rejected"),
}

BODIES: Mapping[str, Label] = {
    "executive_committee": ("Ban Chấp hành", "executive committee"),
    "standing_committee": ("Ban Thường vụ", "standing committee"),
    "secretary": ("Bí thư", "secretary"),
    "deputy_secretary": ("Phó Bí thư", "deputy secretary"),
    "inspection_committee": ("Ủy ban Kiểm tra", "inspection committee"),
    "inspection_chair": ("Chủ nhiệm Ủy ban Kiểm tra", "chair of the inspection committee"),
    "inspection_deputy_chair": (
        "Phó Chủ nhiệm Ủy ban Kiểm tra",
        "deputy chair of the inspection committee",
    ),
    "upper_delegates": (
        "đại biểu đi dự đại hội đảng bộ cấp trên",
        "delegates to the upper congress",
    ),
    "upper_alternates": (
        "đại biểu dự khuyết đi dự đại hội đảng bộ cấp trên",
        "alternate delegates to the upper congress",
    ),
    "branch_committee": ("Chi ủy", "branch committee"),
    "branch_secretary": ("Bí thư chi bộ", "branch secretary"),
    "branch_deputy_secretary": ("Phó Bí thư chi bộ", "branch deputy secretary"),
}

MEETINGS: Mapping[str, Label] = {
    "members_congress": ("đại hội đảng viên", "members' congress"),
    "delegates_congress": ("đại hội đại biểu", "delegates' congress"),
    "committee_meeting": ("hội nghị ban chấp hành", "committee meeting"),
    "inspection_committee_meeting": ("hội nghị ủy ban kiểm tra", "inspection committee meeting"),
}

BASE_CATEGORIES: Mapping[str, Label] = {
    "temporary_activity_elsewhere": (
        "đảng viên đang sinh hoạt tạm thời ở đảng bộ khác",
        "on temporary activity in another organisation",
    ),
    "exempted_and_absent": (
        "đảng viên được miễn công tác và sinh hoạt đảng, vắng mặt",
        "exempted from work and Party activity, absent",
    ),
    "suspended_or_prosecuted": (
        "đảng viên bị đình chỉ sinh hoạt đảng, bị khởi tố, truy tố, tạm giam",
        "suspended, prosecuted, indicted or detained",
    ),
    "absent_whole_congress_approved": (
        "vắng mặt suốt thời gian đại hội có lý do được chấp thuận",
        "absent for the whole congress with an approved reason",
    ),
    "committee_members_absent_whole_congress": (
        "cấp ủy viên vắng mặt suốt thời gian đại hội",
        "committee members absent for the whole congress",
    ),
    "delegates_absent_whole_congress_not_replaced": (
        "đại biểu chính thức vắng mặt suốt thời gian đại hội, không có đại biểu dự khuyết thay thế",
        "official delegates absent for the whole congress, not replaced",
    ),
    "absent_whole_meeting_approved": (
        "vắng mặt suốt hội nghị có lý do được chấp thuận",
        "absent for the whole meeting with an approved reason",
    ),
}

NEXT_ACTIONS: Mapping[str, Label] = {
    "done": ("Đã bầu đủ số lượng.", "All seats are filled."),
    "tie_revote": (
        "Có người bằng phiếu nhau ở vị trí cuối: bầu lại trong số những người bằng phiếu.",
        "A tie at the last seat: a re-vote among the tied.",
    ),
    "further_round": (
        "Chưa bầu đủ số lượng: đại hội quyết định có bầu tiếp hay không.",
        "Seats remain unfilled: the congress decides whether to hold another round.",
    ),
    "board_decision": (
        "Kết quả không thể công nhận: Ban kiểm phiếu phải lập biên bản và quyết định.",
        "The count cannot stand: the counting board must record a decision.",
    ),
}

WARNINGS: Mapping[str, Label] = {
    "collected_below_issued": (
        "Số phiếu thu vào ({collected}) ít hơn số phiếu phát ra ({issued}).",
        "Fewer ballots collected ({collected}) than issued ({issued}).",
    ),
    "issued_above_present": (
        "Số phiếu phát ra ({issued}) nhiều hơn số đại biểu có mặt ({present}).",
        "More ballots issued ({issued}) than voters present ({present}).",
    ),
    "below_quorum": (
        "Số có mặt ({present}/{summoned}) dưới mức {quorum} số triệu tập.",
        "Attendance ({present}/{summoned}) is below {quorum} of those summoned.",
    ),
    "same_name_and_birth_date": (
        "Hai người cùng họ tên và ngày sinh: {name}.",
        "Two candidates share the name and birth date: {name}.",
    ),
}


def problem_text(code: str, values: Mapping[str, object], lang: str = "both") -> str:
    """A problem's words: Vietnamese, English, or Vietnamese with English in brackets."""
    vi, en = PROBLEMS.get(code, (code, code))
    vi_text, en_text = fill(vi, values), fill(en, values)
    if lang == "vi":
        return vi_text
    if lang == "en":
        return en_text
    return f"{vi_text} ({en_text})"


class _Blanks(dict[str, object]):
    """Leaves a placeholder visible rather than failing when a value is missing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, values: Mapping[str, object]) -> str:
    """`template` with `values` put in; unknown placeholders stay as they are."""
    return template.format_map(_Blanks(values))


def setting_notes(settings: Mapping[str, object], *, meeting: str, body: str) -> list[str]:
    """The settings that shaped one count, in Vietnamese, for the minutes' "Áp dụng" (OPEN-n).

    Only the settings that can affect this election are named; OMR settings belong to scans.
    """
    basis = {
        "base": "cơ sở tính kết quả",
        "summoned": "tổng số được triệu tập",
        "present": "số có mặt",
        "valid_ballots": "số phiếu hợp lệ",
    }[str(settings["percent_base"])]
    notes = [
        (
            f"Tỷ lệ % tính so với {basis}, {settings['percent_decimals']} chữ số thập phân, "
            "làm tròn nửa lên; trúng cử chỉ xét bằng số nguyên: 2 × số phiếu > cơ sở "
            "(OPEN-14, R14)."
        ),
        (
            "Thứ tự trên phiếu: theo tên, rồi họ, rồi tên đệm (vần A, B, C); trùng họ tên thì "
            "người nhiều tuổi hơn trước (OPEN-12)."
            if settings["ballot_order"] == "given_family_middle_birth"
            else "Thứ tự trên phiếu theo danh sách đã được thông qua (OPEN-12)."
        ),
        (
            "Bằng phiếu ở vị trí cuối: bầu lại trong số những người bằng phiếu, "
            + (
                "người trúng cử vẫn phải được quá một nửa (OPEN-5)."
                if settings["tie_revote_needs_majority"]
                else "lấy người được nhiều phiếu hơn (OPEN-5)."
            )
        ),
        "Chưa bầu đủ số lượng: đại hội biểu quyết có bầu tiếp hay không (OPEN-6).",
        f"Cảnh báo khi số có mặt dưới {settings['quorum_fraction']} số được triệu tập (OPEN-19).",
    ]
    if meeting in ("committee_meeting", "inspection_committee_meeting"):
        notes.append(
            "Ở hội nghị, trừ khỏi cơ sở người vắng mặt cả hội nghị có lý do được chấp thuận, bị "
            "đình chỉ sinh hoạt, sinh hoạt tạm thời nơi khác (OPEN-4)."
            if settings["committee_base_excludes"] == "approved_absences"
            else "Ở hội nghị, không trừ ai khỏi cơ sở tính kết quả (OPEN-4)."
        )
    if body in ("upper_delegates", "upper_alternates"):
        notes.append(
            "Đại biểu chính thức và dự khuyết bầu trên cùng một danh sách: chính thức trước, dự "
            "khuyết tiếp theo số phiếu (OPEN-9)."
            if settings["delegates_mode"] == "combined_list"
            else "Đại biểu dự khuyết bầu bằng phiếu riêng (OPEN-9)."
        )
    notes.append(f"Cán bộ trẻ: dưới {settings['young_age_under']} tuổi tại ngày đại hội (R24).")
    return notes


LIST_FINDINGS: Mapping[str, Label] = {
    "no_surplus": (
        "Danh sách phải nhiều hơn số lượng cần bầu ({candidates} người cho {seats} chỗ) (R4).",
        "The list must be longer than the seats ({candidates} names for {seats}) (R4).",
    ),
    "surplus_above_cap": (
        (
            "Số dư {surplus} vượt 30% số lượng cần bầu (tối đa {max_surplus}): cần bớt "
            "{names_to_drop} người (R4)."
        ),
        (
            "A surplus of {surplus} exceeds 30 % of the seats (at most {max_surplus}): "
            "{names_to_drop} names too many (R4)."
        ),
    ),
    "surplus_outside_preparation_band": (
        (
            "Số dư {surplus} ngoài khoảng 10–15% cấp ủy chuẩn bị ({band_low}–{band_high} người) "
            "(R4, OPEN-1)."
        ),
        (
            "A surplus of {surplus} is outside the convening committee's 10–15 % band "
            "({band_low}–{band_high}) (R4, OPEN-1)."
        ),
    ),
    "fewer_candidates_than_seats": (
        "Danh sách ít hơn số lượng cần bầu ({candidates}/{seats}): sẽ thiếu chỗ.",
        "Fewer names than seats ({candidates}/{seats}): seats will stay empty.",
    ),
    "not_member_of_parent_body": (
        "Có người không thuộc {parent} (R3, R20).",
        "Some are not members of the {parent} (R3).",
    ),
    "candidate_on_counting_board": (
        "Người có tên trong danh sách bầu cử không được ở Ban kiểm phiếu (R12).",
        "A person on the list may not sit on the counting board (R12).",
    ),
    "duplicate_person": ("Một người có tên hai lần trong danh sách.", "A person is listed twice."),
}
