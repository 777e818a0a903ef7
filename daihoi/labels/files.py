"""Problems of an election file (`daihoi count` exits 2 and names the JSON path of each)."""

from collections.abc import Mapping

from daihoi.labels.language import Label

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
    "out_of_range": (
        "phải từ {low} đến {high} (đang là {value})",
        "must be from {low} to {high} (is {value})",
    ),
    "negative": ("không được âm", "must not be negative"),
    "alternates_only_for_upper_delegates": (
        "chỉ bầu đại biểu dự khuyết trên cùng danh sách khi bầu đại biểu đi dự đại hội cấp trên",
        "alternates share the list only when electing delegates to the upper congress",
    ),
    "alternates_need_combined_list": (
        "quy chế này bầu đại biểu dự khuyết bằng phiếu riêng",
        "this rule set elects alternates on a separate ballot",
    ),
    "category_not_for_meeting": (
        'loại "{category}" không được trừ khỏi cơ sở tính kết quả ở {meeting}',
        'category "{category}" is not deducted from the base at a {meeting}',
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
