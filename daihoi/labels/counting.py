"""Words of a count: bodies, meetings, deductions, validity, next steps, warnings, list checks."""

from collections.abc import Mapping

from daihoi.labels.language import Label

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


NEXT_ACTIONS: Mapping[str, Label] = {
    "done": ("Đã bầu đủ số lượng.", "All seats are filled."),
    "tie_revote": (
        "Có người bằng phiếu nhau ở vị trí cuối: bầu lại trong số những người bằng phiếu.",
        "A tie at the last seat: a re-vote among the tied.",
    ),
    "further_round": (
        "Chưa bầu đủ số lượng ({seats} chỗ): đại hội biểu quyết có bầu tiếp hay không.",
        "{seats} seats remain unfilled: the congress votes whether to hold another round.",
    ),
    "further_round_meeting": (
        "Chưa bầu đủ số lượng ({seats} chỗ): hội nghị biểu quyết có bầu tiếp hay không.",
        "{seats} seats remain unfilled: the meeting votes whether to hold another round.",
    ),
    "single_candidate_failed": (
        (
            "Người duy nhất được giới thiệu không trúng cử: tạm dừng việc bầu chức danh này, "
            "báo cáo và xin ý kiến chỉ đạo của cấp ủy cấp trên."
        ),
        (
            "The only candidate was not elected: the election of this office pauses, and the upper "
            "level's instruction is asked."
        ),
    ),
    "board_decision": (
        (
            "Số phiếu thu vào ({collected}) nhiều hơn số phiếu phát ra ({issued}): kết quả "
            "không thể công nhận, không ai trúng cử. Ban kiểm phiếu lập biên bản, báo cáo đoàn "
            "chủ tịch để quyết định (thông thường: hủy kết quả và bầu lại)."
        ),
        (
            "More ballots collected ({collected}) than issued ({issued}): the count cannot "
            "stand and nobody is elected. The counting board records it and reports to the "
            "presidium for a decision (normally: void the count and vote again)."
        ),
    ),
}


WARNINGS: Mapping[str, Label] = {
    "collected_below_issued": (
        "Số phiếu thu vào ({collected}) ít hơn số phiếu phát ra ({issued}).",
        "Fewer ballots collected ({collected}) than issued ({issued}).",
    ),
    "collected_above_issued": (
        "Số phiếu thu vào ({collected}) nhiều hơn số phiếu phát ra ({issued}).",
        "More ballots collected ({collected}) than issued ({issued}).",
    ),
    "votes_above_issued": (
        "{name} được {votes} phiếu, nhiều hơn số phiếu phát ra ({issued}).",
        "{name} has {votes} votes, more than the ballots issued ({issued}).",
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


LIST_FINDINGS: Mapping[str, Label] = {
    "no_surplus": (
        "Danh sách phải nhiều hơn số lượng cần bầu ({candidates} người cho {seats} chỗ).",
        "The list must be longer than the seats ({candidates} names for {seats}).",
    ),
    "surplus_above_cap": (
        (
            "Số dư {surplus} vượt 30% số lượng cần bầu (tối đa {max_surplus}): cần bớt "
            "{names_to_drop} người."
        ),
        (
            "A surplus of {surplus} exceeds 30 % of the seats (at most {max_surplus}): "
            "{names_to_drop} names too many."
        ),
    ),
    "surplus_outside_preparation_band": (
        ("Số dư {surplus} ngoài khoảng 10–15% cấp ủy chuẩn bị ({band_low}–{band_high} người)."),
        (
            "A surplus of {surplus} is outside the convening committee's 10–15 % band "
            "({band_low}–{band_high})."
        ),
    ),
    "fewer_candidates_than_seats": (
        "Danh sách ít hơn số lượng cần bầu ({candidates}/{seats}): sẽ thiếu chỗ.",
        "Fewer names than seats ({candidates}/{seats}): seats will stay empty.",
    ),
    "not_member_of_parent_body": (
        "Có người không thuộc {parent}.",
        "Some are not members of the {parent}.",
    ),
    "candidate_on_counting_board": (
        "Người có tên trong danh sách bầu cử không được ở Ban kiểm phiếu.",
        "A person on the list may not sit on the counting board.",
    ),
    "duplicate_person": ("Một người có tên hai lần trong danh sách.", "A person is listed twice."),
}


def next_step_code(action: str, rule: str, meeting: str) -> str:
    """The key of NEXT_ACTIONS for an outcome's next step, worded for who decides it.

    A single candidate failing for an office (rule R19) pauses for the upper level; unfilled
    seats are voted on by the congress, or by the meeting at a committee meeting.
    """
    if action == "further_round" and rule == "R19":
        return "single_candidate_failed"
    if action == "further_round" and meeting in (
        "committee_meeting",
        "inspection_committee_meeting",
    ):
        return "further_round_meeting"
    return action
