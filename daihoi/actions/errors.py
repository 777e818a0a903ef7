"""The error every action raises: a code, the field at fault, words in Vietnamese and English."""

from collections.abc import Mapping

from daihoi.labels import fill

MESSAGES: Mapping[str, tuple[str, str]] = {
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
        "Tổ nhập phiếu {team} không có (cuộc bầu này có {teams} tổ).",
        "There is no entry team {team} (this election has {teams}).",
    ),
    "sheet_out_of_range": (
        "Số phiếu {sheet} ngoài khoảng 1–{collected} (số phiếu thu vào).",
        "Ballot number {sheet} is outside 1–{collected} (ballots collected).",
    ),
    "sheet_already_entered": (
        "Phiếu số {sheet} đã được tổ {team} nhập rồi.",
        "Ballot {sheet} was already entered by team {team}.",
    ),
    "number_not_on_list": (
        "Số {number} không có trên phiếu (danh sách có {count} người).",
        "Number {number} is not on the ballot (the list has {count} names).",
    ),
    "ballot_malformed": ("Phiếu không đọc được: {detail}", "The ballot cannot be read: {detail}"),
    "nothing_to_undo": ("Chưa có phiếu nào để hoàn tác.", "There is no ballot to undo."),
    "entries_incomplete": (
        "Mới nhập {entered}/{collected} phiếu (tổ {team}).",
        "Only {entered}/{collected} ballots entered (team {team}).",
    ),
    "differences_open": (
        "Còn {count} phiếu nhập khác nhau chưa được xử lý.",
        "{count} differences between entries are still open.",
    ),
    "no_such_difference": (
        "Phiếu số {sheet} không có khác biệt cần xử lý.",
        "Ballot {sheet} has no open difference.",
    ),
    "election_invalid": (
        "Cuộc bầu cử chưa đủ điều kiện kiểm phiếu: {detail}",
        "The election cannot be counted: {detail}",
    ),
}


class ActionError(Exception):
    """Raised by an action; nothing was changed."""

    def __init__(self, code: str, field: str = "", **values: object) -> None:
        self.code = code
        self.field = field
        self.values = values
        vi, en = MESSAGES[code]
        self.message_vi = fill(vi, values)
        self.message_en = fill(en, values)
        super().__init__(f"{code}: {self.message_en}")
