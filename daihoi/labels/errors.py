"""Why an action refused: it changed nothing, and says so in these words."""

from collections.abc import Mapping

from daihoi.labels.board import BOARD_ERRORS
from daihoi.labels.language import Label
from daihoi.labels.tables import TABLE_ERRORS

ACTION_ERRORS: Mapping[str, Label] = {
    "election_not_open": (
        "Cuộc bầu cử chưa mở để nhập phiếu.",
        "The election is not open for entry.",
    ),
    "election_certified": (
        "Kết quả đã được chứng nhận: không thể thay đổi.",
        "The result is certified: nothing can change.",
    ),
    "not_allowed": ("Bạn không có quyền thực hiện việc này.", "You may not do this."),
    "team_out_of_range": (
        "Nhóm nhập {team} không có (cuộc bầu này có {teams} nhóm nhập).",
        "There is no entry team {team} (this election has {teams}).",
    ),
    "sheet_out_of_range": (
        "Số phiếu {sheet} ngoài khoảng 1–{collected} (số phiếu thu vào).",
        "Ballot number {sheet} is outside 1–{collected} (ballots collected).",
    ),
    "sheet_already_entered": (
        (
            "Phiếu số {sheet} đã được nhóm nhập {team} nhập rồi. Hãy xem lại số ghi trên tờ "
            "phiếu. Nếu phiếu vừa lưu bị nhập sai, bấm «Hoàn tác phiếu vừa nhập» (chỉ phiếu "
            "cuối cùng hoàn tác được); một phiếu nhập sai trước đó sẽ hiện là chênh lệch giữa "
            "các nhóm nhập, do trưởng ban kiểm phiếu xử lý theo tờ phiếu giấy."
        ),
        (
            "Ballot {sheet} was already entered by entry team {team}. Check the number written "
            "on the paper. If the ballot just saved was typed wrongly, press «Undo the last "
            "ballot» (only the last one can be undone); a ballot typed wrongly before shows as "
            "a difference between the entry teams, which the head of the counting board settles "
            "from the paper."
        ),
    ),
    "number_not_on_list": (
        "Số {number} không có trên phiếu (danh sách có {count} người).",
        "Number {number} is not on the ballot (the list has {count} names).",
    ),
    "typed_not_digits": (
        '"{token}" không phải là số thứ tự trên phiếu.',
        '"{token}" is not a row number.',
    ),
    "typed_ambiguous": (
        (
            '"{token}" đọc được nhiều cách; gõ cách nhau bằng dấu cách, '
            "hoặc liền nhau mỗi số đủ {width} chữ số (03 thay cho 3)."
        ),
        (
            '"{token}" can be read more than one way; separate the numbers '
            "with spaces, or pad each to {width} digits when typing them together (03 for 3)."
        ),
    ),
    "no_current_session": (
        "Chưa chọn phiên họp hiện tại để điểm danh.",
        "No current session is set for check-in.",
    ),
    "badge_unknown": (
        "Mã thẻ không có trong danh sách đại biểu của đại hội này.",
        "This badge code is not in this congress's register.",
    ),
    "reason_required": ("Cần ghi rõ lý do.", "A reason is required."),
    "not_an_official": (
        "{name} không phải là đại biểu chính thức.",
        "{name} is not an official delegate.",
    ),
    "not_an_alternate": (
        "{name} không phải là đại biểu dự khuyết.",
        "{name} is not an alternate delegate.",
    ),
    "already_substituted": (
        "Đã có thay thế cho đại biểu này, hoặc {name} đã thay một đại biểu khác.",
        "This official is already replaced, or {name} already replaces another.",
    ),
    "correction_reason_required": (
        "Số liệu được tính từ điểm danh; sửa {figure} cần ghi rõ lý do.",
        "The figures come from attendance; changing {figure} needs a written reason.",
    ),
    "ballot_malformed": ("Phiếu không đọc được: {detail}", "The ballot cannot be read: {detail}"),
    "nothing_to_undo": ("Chưa có phiếu nào để hoàn tác.", "There is no ballot to undo."),
    "entries_incomplete": (
        "Mới nhập {entered}/{collected} phiếu (nhóm nhập {team}).",
        "Only {entered}/{collected} ballots entered (entry team {team}).",
    ),
    "differences_open": (
        "Còn {count} phiếu nhập khác nhau chưa được xử lý.",
        "{count} differences between entries are still open.",
    ),
    "no_such_difference": (
        "Phiếu số {sheet} không có khác biệt cần xử lý.",
        "Ballot {sheet} has no open difference.",
    ),
    "congress_number_out_of_range": (
        "Đại hội lần thứ phải từ 1 đến 3999 (đang ghi {number}).",
        "The congress number must be from 1 to 3999 (it is {number}).",
    ),
    "unknown_figure": (
        "«{figure}» không phải là số liệu được ghi hay được trừ ở cuộc bầu này.",
        "«{figure}» is not a figure recorded or deducted in this election.",
    ),
    "figure_negative": ("Số liệu {figure} không được âm.", "{figure} must not be negative."),
    "collected_below_entered": (
        "Số phiếu thu vào ({collected}) nhỏ hơn số phiếu đã nhập ({entered}).",
        "Ballots collected ({collected}) is below the ballots already entered ({entered}).",
    ),
    "explanation_required": (
        "Cần ghi rõ giải trình cho cảnh báo {code}.",
        "Warning {code} needs a written explanation.",
    ),
    "warnings_unacknowledged": (
        "Còn cảnh báo chưa được Ban kiểm phiếu giải trình: {codes}.",
        "Warnings without the counting board's explanation: {codes}.",
    ),
    "election_not_certified": ("Kết quả chưa được chứng nhận.", "The result is not certified yet."),
    "decision_already_recorded": (
        "Quyết định của đại hội cho bước này đã được ghi nhận.",
        "The congress's decision on this step is already recorded.",
    ),
    "no_decision_needed": (
        "Kết quả này không cần đại hội quyết định thêm ({action}).",
        "This result needs no further decision ({action}).",
    ),
    "already_official": ("Đại hội đã ở chế độ chính thức.", "The congress is already official."),
    "unknown_ruleset": ("Không có quy chế {ruleset}.", "Unknown rule set {ruleset}."),
    "unknown_meeting": (
        "Hình thức đại hội không hợp lệ: {meeting}.",
        "Unknown congress kind {meeting}.",
    ),
    "unknown_body": ("Không có loại cơ quan {body}.", "Unknown body {body}."),
    "dates_reversed": ("Ngày kết thúc trước ngày khai mạc.", "The end date is before the start."),
    "bad_settings": (
        "Tùy chọn quy chế không hợp lệ: {detail}",
        "Invalid rule-set settings: {detail}",
    ),
    "unknown_delegates": (
        "Danh sách phải gồm những người có trong danh sách đại biểu của đại hội này.",
        "The list must consist of people in this congress's register.",
    ),
    "document_required": (
        "Cần ghi số, ngày của văn bản chỉ định.",
        "The appointing document must be named.",
    ),
    "election_not_in_setup": (
        "Cuộc bầu cử đã bắt đầu: không thể ghi nhận chỉ định.",
        "The election has started: an appointment cannot be recorded.",
    ),
    "unknown_name_spelling": (
        "Không có cách bỏ dấu «{value}»: chọn kiểu cũ (Hòa, Thủy) hoặc kiểu mới (Hoà, Thuỷ).",
        "There is no accent placement «{value}»: choose Hòa, Thủy or Hoà, Thuỷ.",
    ),
    "upload_too_large": (
        "Tệp quá lớn (tối đa {limit} MB).",
        "The file is too large (at most {limit} MB).",
    ),
    "upload_too_slow": (
        (
            "Không đọc xong tệp trong {seconds} giây: hãy xóa các dòng, cột và trang tính thừa "
            "rồi tải lên lại."
        ),
        (
            "The file could not be read within {seconds} seconds: delete the extra rows, columns "
            "and sheets, then upload again."
        ),
    ),
    "upload_unreadable": (
        (
            "Không đọc được tệp (quá lớn hoặc bị hỏng): hãy lưu lại bằng Excel dạng .xlsx, "
            "chỉ giữ danh sách, rồi tải lên lại."
        ),
        (
            "The file could not be read (too large or damaged): save it again as .xlsx in Excel, "
            "keeping only the list, then upload again."
        ),
    ),
    "text_too_long": (
        "«{start}…» dài {length} ký tự, tối đa {limit} ký tự: hãy viết ngắn lại.",
        "«{start}…» is {length} characters long, at most {limit}: shorten it.",
    ),
    "unknown_session": (
        "Không có phiên họp này trong đại hội: hãy chọn một phiên trong danh sách.",
        "There is no such session in this congress: choose one from the list.",
    ),
    "figure_too_large": (
        "Số liệu {figure} không thể lớn hơn {limit}: hãy kiểm tra lại số đã gõ.",
        "{figure} cannot be more than {limit}: check the number typed.",
    ),
    "upload_expired": (
        "Bản xem trước đã hết hạn: hãy tải tệp lên lại.",
        "The preview has expired: upload again.",
    ),
    "upload_has_problems": (
        "Tệp còn {count} lỗi: chưa lưu gì.",
        "The file has {count} problems: nothing was stored.",
    ),
    "delegate_exists": (
        "Dòng {row}: {name} đã có trong danh sách đại biểu.",
        "Row {row}: {name} is already in the register.",
    ),
    "election_invalid": (
        "Cuộc bầu cử chưa đủ điều kiện kiểm phiếu: {detail}",
        "The election cannot be counted: {detail}",
    ),
    "unknown_election": ("Không có cuộc bầu cử số {election}.", "There is no election {election}."),
    "election_appointed": (
        "Cơ quan này do cấp trên chỉ định: không có phiếu bầu.",
        "This body was appointed by the upper level: there is no ballot.",
    ),
    "list_empty": (
        "Danh sách bầu cử chưa có ai: chưa thể in phiếu.",
        "The election list is empty: no ballot can be printed.",
    ),
    "list_not_approved": (
        "Đại hội chưa biểu quyết thông qua danh sách bầu cử: chưa được in phiếu.",
        "The congress has not approved the election list: ballots cannot be printed yet.",
    ),
    "unknown_paper": (
        "Khổ giấy {paper} không được hỗ trợ (chọn {papers}).",
        "Paper {paper} is not supported (choose {papers}).",
    ),
    "copies_out_of_range": (
        "Số bản in {copies} phải từ 1 đến {most}.",
        "The number of copies {copies} must be from 1 to {most}.",
    ),
    "scan_no_files": ("Chưa chọn tệp ảnh quét nào.", "No scanned file was given."),
    "scan_exceeds_collected": (
        (
            "Đọc được {ballots} phiếu nhưng nhóm nhập {team} chỉ còn {free} số phiếu trống "
            "(số phiếu thu vào: {collected}): chưa lưu gì."
        ),
        (
            "{ballots} ballots were read but entry team {team} has only {free} ballot numbers left "
            "(ballots collected: {collected}): nothing was stored."
        ),
    ),
    "no_free_sheet": (
        (
            "Nhóm nhập {team} đã có đủ {collected} phiếu (số phiếu thu vào): không còn số phiếu "
            "nào trống."
        ),
        (
            "Entry team {team} already has all {collected} ballots collected: no ballot number "
            "is left."
        ),
    ),
    "sheet_in_review": (
        "Phiếu số {sheet} của nhóm nhập {team} là phiếu quét đang chờ Ban kiểm phiếu xem xét.",
        "Ballot {sheet} of entry team {team} is a scan waiting for the counting board.",
    ),
    "scan_not_found": ("Không có phiếu quét này.", "There is no such scanned ballot."),
    "scan_not_in_review": (
        "Phiếu quét này không chờ Ban kiểm phiếu xem xét (trạng thái: {state}).",
        "This scanned ballot is not waiting for the counting board (state: {state}).",
    ),
    "row_needs_decision": (
        "Dòng {number} cần Ban kiểm phiếu quyết định.",
        "Row {number} needs the counting board's decision.",
    ),
    "mark_not_allowed": (
        'Dòng {number}: "{mark}" không dùng được cho phiếu này (chọn {allowed}).',
        'Row {number}: "{mark}" does not apply to this ballot (choose {allowed}).',
    ),
    "ruling_required": (
        "Phiếu có dấu hiệu cần Ban kiểm phiếu kết luận hợp lệ hay không: {doubts}.",
        "The counting board must rule whether the ballot is valid: {doubts}.",
    ),
    "unknown_ruling": (
        'Kết luận "{ruling}" không hợp lệ (chọn {allowed}).',
        'Unknown ruling "{ruling}" (choose {allowed}).',
    ),
    "entry_from_scan": (
        "Phiếu số {sheet} của nhóm nhập {team} được đọc từ ảnh quét: không hoàn tác được.",
        "Ballot {sheet} of entry team {team} was read from a scan: it cannot be undone.",
    ),
    "scans_waiting": (
        "Còn {count} phiếu quét chờ Ban kiểm phiếu xem xét.",
        "{count} scanned ballots are still waiting for the counting board.",
    ),
    "unknown_user": (
        "Không có tài khoản {username}, hoặc tài khoản không được nhập phiếu.",
        "There is no account {username}, or it may not enter ballots.",
    ),
    "list_approval_locked": (
        (
            "Phiếu bầu đã được in hoặc cuộc bầu cử đã bắt đầu: không thể ghi lại biểu quyết "
            "thông qua danh sách."
        ),
        "The ballots are printed or the election has started: the list's approval cannot change.",
    ),
    "list_vote_inconsistent": (
        (
            "Số tán thành ({votes_for}) và không tán thành ({against}) không khớp với số đại biểu "
            "có mặt ({present})."
        ),
        (
            "In favour ({votes_for}) and against ({against}) do not fit the delegates present "
            "({present})."
        ),
    ),
    "list_vote_not_carried": (
        (
            "Danh sách mới được {votes_for}/{present} đại biểu có mặt tán thành, chưa quá một "
            "nửa: chưa được thông qua."
        ),
        (
            "Only {votes_for} of {present} delegates present approved the list, not more than "
            "half: it is not approved."
        ),
    ),
    "sign_in_wait": (
        "Đã nhập sai mật khẩu nhiều lần: hãy đợi {seconds} giây rồi thử lại.",
        "Several wrong passwords: wait {seconds} seconds, then try again.",
    ),
    "sign_in_locked": (
        (
            "Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần: hãy thử lại sau {minutes} phút, "
            "hoặc nhờ ban tổ chức."
        ),
        (
            "The account is locked for a while after several wrong passwords: try again in "
            "{minutes} minutes, or ask the organisers."
        ),
    ),
    "no_team_assigned": (
        (
            "Bạn chưa được phân vào nhóm nhập phiếu nào của cuộc bầu này: trưởng ban kiểm phiếu "
            "phân nhóm nhập trên trang cuộc bầu."
        ),
        (
            "You are not on any entry team of this election: the head of the counting board "
            "assigns the teams on the election page."
        ),
    ),
    "not_your_team": (
        "Bạn thuộc nhóm nhập {assigned}, không nhập hay hủy phiếu cho nhóm nhập {team}.",
        "You are on entry team {assigned}: you do not enter or undo ballots for entry team {team}.",
    ),
    "not_a_clerk": (
        "Người này không thuộc ban kiểm phiếu của đại hội này.",
        "This person is not on this congress's counting board.",
    ),
    "unknown_role": ("Vai trò không có.", "There is no such role."),
    "organiser_certifier_without_reason": (
        (
            "Một người vừa thuộc ban tổ chức vừa là trưởng ban kiểm phiếu cần ghi rõ lý do "
            "(ví dụ quyết định phân công)."
        ),
        (
            "One person both organising and heading the counting board needs a recorded reason "
            "(for example the assignment decision)."
        ),
    ),
    "no_such_person": ("Không có tài khoản này.", "There is no such account."),
    "username_taken": (
        "Tên đăng nhập «{username}» trống, quá dài hoặc đã có người dùng.",
        "The username «{username}» is empty, too long or taken.",
    ),
    "password_rejected": ("Mật khẩu chưa đạt: {detail}", "The password is refused: {detail}"),
    "organiser_may_not_certify": (
        (
            "Bạn thuộc ban tổ chức đại hội này: chỉ chứng nhận kết quả được khi lý do đã được "
            "ghi lại lúc phân công vai trò."
        ),
        (
            "You organise this congress: you may certify its results only if a reason was "
            "recorded when the roles were given."
        ),
    ),
    **TABLE_ERRORS,  # count tables (tổ kiểm phiếu)
    **BOARD_ERRORS,  # the board's checks on scanned counts (omr.md §5.4)
}


#: A new account's password refused, by the code Django's validators give (the account is not
#: made); the validators of daihoi.web.passwords say these instead of Django's own words.
PASSWORD_PROBLEMS: Mapping[str, Label] = {
    "password_too_short": (
        "Mật khẩu quá ngắn: cần ít nhất {min_length} ký tự.",
        "The password is too short: it needs at least {min_length} characters.",
    ),
    "password_too_similar": (
        "Mật khẩu quá giống tên đăng nhập hoặc họ tên.",
        "The password is too similar to the user name or the full name.",
    ),
    "password_too_common": (
        "Mật khẩu quá phổ biến, dễ bị đoán.",
        "The password is too common and easily guessed.",
    ),
    "password_entirely_numeric": (
        "Mật khẩu không được chỉ gồm chữ số.",
        "The password may not be digits only.",
    ),
}
