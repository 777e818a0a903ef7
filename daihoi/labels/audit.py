"""The audit log as sentences: each event's code → what happened, with its details in words.

Ids in an event's details (election, delegate, session) are turned into names by the caller, who
reads the database; this module only words what it is given.
"""

from collections.abc import Mapping

from daihoi.labels.board import BOARD_EVENTS
from daihoi.labels.counting import BODIES, NEXT_ACTIONS, WARNINGS
from daihoi.labels.language import Label, fill, language, words
from daihoi.labels.rules import SETTINGS, setting_value_words
from daihoi.labels.states import FIGURES
from daihoi.labels.tables import table_phrase

#: The roles of a congress's members, as the members screen and the audit log name them
ROLE_NAMES: Mapping[str, Label] = {
    "organiser": ("Ban tổ chức", "Organiser"),
    "counting_head": ("Trưởng ban kiểm phiếu", "Head of the counting board"),
    "counting_board": ("Ban kiểm phiếu", "Counting board"),
    "presidium": ("Đoàn chủ tịch", "Presidium"),
    "reception": ("Tổ đón tiếp", "Reception"),
    "viewer": ("Khách", "Viewer"),
}

#: What each action records; placeholders are the event's details after `_worded`
AUDIT_EVENTS: Mapping[str, Label] = {
    "assign_team": (
        "Phân {person} vào nhóm nhập {team} — {election}",
        "Put {person} on entry team {team} — {election}",
    ),
    "define_tables": (
        "Chia phiếu cho các tổ kiểm phiếu: {tables} — {election}",
        "Set the count tables: {tables} — {election}",
    ),
    "remove_tables": (
        "Bỏ các tổ kiểm phiếu: mọi nhóm nhập nhập toàn bộ phiếu — {election}",
        "Removed the count tables: every entry team enters every ballot — {election}",
    ),
    "unassign_team": (
        "Rút {person} khỏi nhóm nhập phiếu — {election}",
        "Took {person} off the entry teams — {election}",
    ),
    "set_roles": (
        "Vai trò của {person}: trước «{before}», nay «{after}»{reason}",
        "Roles of {person}: were «{before}», now «{after}»{reason}",
    ),
    "create_person": ("Tạo tài khoản cho {person}", "Created an account for {person}"),
    "load_demo": ("Nạp đại hội mẫu", "Loaded the demo congress"),
    "projector_link": ("{projector}", "{projector}"),
    "create_congress": (
        "Tạo đại hội, áp dụng {ruleset}{settings}",
        "Created the congress under {ruleset}{settings}",
    ),
    "name_spelling": (
        "Chọn cách bỏ dấu tên khi nhập danh sách: {placement}",
        "Chose how names read from lists are accented: {placement}",
    ),
    "import_register": (
        "Nhập danh sách đại biểu từ tệp {file}: {rows} người",
        "Imported the register from {file}: {rows} people",
    ),
    "import_candidates": (
        "Nhập danh sách bầu cử {election}: {candidates} người",
        "Imported the list of {election}: {candidates} names",
    ),
    "create_election": (
        "Tạo cuộc bầu {election}: {seats} chỗ, {candidates} người trong danh sách",
        "Created {election}: {seats} seats, {candidates} names on the list",
    ),
    "record_appointment": (
        "Ghi nhận cấp trên chỉ định {election} (văn bản: {document})",
        "Recorded {election} as appointed by the upper level (document: {document})",
    ),
    "approve_list": (
        "Ghi nhận đại hội biểu quyết thông qua danh sách bầu cử {election}: {list_approval}",
        "Recorded the congress's vote approving the list of {election}: {list_approval}",
    ),
    "open_election": ("Mở nhập phiếu {election}", "Opened {election} for entry"),
    "print_ballots": (
        "In {copies} phiếu bầu {election} (khổ {paper}, {pages} trang một phiếu)",
        "Printed {copies} ballots of {election} ({paper}, {pages} pages a ballot)",
    ),
    "record_figures": (
        "Ghi số liệu {election}: {figures}{reason}",
        "Recorded the figures of {election}: {figures}{reason}",
    ),
    "derive_base": (
        "Lấy số liệu {election} từ điểm danh: triệu tập {summoned}, có mặt {present}",
        "Took the figures of {election} from attendance: {summoned} summoned, {present} present",
    ),
    "record_entry": (
        "Nhóm nhập {team} nhập phiếu số {sheet} — {election}",
        "Entry team {team} entered ballot {sheet} — {election}",
    ),
    "undo_entry": (
        "Nhóm nhập {team} hủy phiếu số {sheet} vừa nhập — {election}",
        "Entry team {team} undid ballot {sheet} — {election}",
    ),
    "resolve_difference": (
        "Trưởng ban giải quyết chênh lệch phiếu số {sheet}: {resolution} — {election}",
        "The head of the board settled ballot {sheet}: {resolution} — {election}",
    ),
    "acknowledge_warning": (
        "Ban kiểm phiếu giải trình cảnh báo «{warning}»: {explanation} — {election}",
        "The counting board explained the warning «{warning}»: {explanation} — {election}",
    ),
    "certify_result": (
        "Trưởng ban chứng nhận kết quả {election}. {next}",
        "The head of the board certified the result of {election}. {next}",
    ),
    "decide_next_step": (
        "Ghi nhận quyết định sau kết quả {election}: {decision}{created}",
        "Recorded the decision after {election}: {decision}{created}",
    ),
    "switch_to_official": (
        "Kết thúc diễn tập, bắt đầu đại hội chính thức (xóa {cleared})",
        "Ended the rehearsal and went official (cleared {cleared})",
    ),
    "scan_batch": (
        "Nhóm nhập {team} quét {pages} trang: {read} phiếu đọc được — {election}",
        "Entry team {team} scanned {pages} pages: {read} ballots read — {election}",
    ),
    "adjudicate_scan": (
        "Ban kiểm phiếu quyết định phiếu quét số {sheet} của nhóm nhập {team} — {election}",
        "The counting board ruled on scanned ballot {sheet} of entry team {team} — {election}",
    ),
    "set_current_session": ("Chọn phiên họp hiện tại: {session}", "Set the session: {session}"),
    "check_in": (
        "Điểm danh {delegate} tại cửa {door}, {session}",
        "Checked in {delegate} at door {door}, {session}",
    ),
    "record_absence": (
        "Ghi nhận {delegate} vắng mặt: {reason} ({approved})",
        "Recorded {delegate} absent: {reason} ({approved})",
    ),
    "withdraw_absence": (
        "Rút lại việc ghi {delegate} vắng mặt ({reason_text}) vì đại biểu đã đến",
        "Withdrew {delegate}'s absence ({reason_text}): the delegate arrived",
    ),
    "projector_show": (
        "Chọn nội dung màn chiếu: {election}",
        "Chose what the projector shows: {election}",
    ),
    "record_substitution": (
        "Đại biểu dự khuyết {alternate} thay {official}: {reason}",
        "Alternate {alternate} replaces {official}: {reason}",
    ),
    "record_credentials_question": (
        "Ghi nhận vấn đề về tư cách đại biểu {delegate}: {issue}; kết luận: {decision}",
        "Recorded a credentials question on {delegate}: {issue}; decision: {decision}",
    ),
    "sign_in_locked": (
        "Tạm khóa tài khoản {username} {minutes} phút sau {failures} lần nhập sai mật khẩu",
        "Locked the account {username} for {minutes} minutes after {failures} wrong passwords",
    ),
    **BOARD_EVENTS,  # the board's checks on scanned counts (omr.md §5.4)
}

_YES_NO: Mapping[str, Label] = {
    "approved=True": ("được chấp thuận", "approved"),
    "approved=False": ("chưa được chấp thuận", "not approved"),
    "revoked=True": ("Thu hồi đường dẫn màn chiếu", "Revoked the projector link"),
    "revoked=False": ("Tạo đường dẫn màn chiếu mới", "Made a new projector link"),
    "hold=True": ("tổ chức bầu tiếp", "hold another round"),
    "hold=False": ("không bầu tiếp", "no further round"),
}


_RULESETS = {"190-2024": "Quyết định số 190-QĐ/TW", "244-2014": "Quyết định số 244-QĐ/TW"}

#: What ending the rehearsal clears, by kind
_CLEARED: Mapping[str, Label] = {
    "scans": ("phiếu quét", "scans"),
    "scan_batches": ("lượt quét", "scan batches"),
    "entries": ("phiếu đã nhập", "entries"),
    "resolutions": ("quyết định chênh lệch", "settled differences"),
    "results": ("kết quả", "results"),
    "spot_checks": ("kiểm tra phiếu giấy", "hand checks against paper"),
}


#: where a name's tone sits on an open oa/oe/uy (the congress's choice for imported names)
NAME_SPELLINGS: Mapping[str, Label] = {
    "old": ("kiểu cũ (Hòa, Khỏe, Thủy)", "the older placement (Hòa, Khỏe, Thủy)"),
    "new": ("kiểu mới (Hoà, Khoẻ, Thuỷ)", "the newer placement (Hoà, Khoẻ, Thuỷ)"),
}


def _codes(details: Mapping[str, object], lang: str) -> dict[str, str]:
    """Details that are codes or yes/no, in words."""
    out: dict[str, str] = {}
    if "approved" in details:
        out["approved"] = words(_YES_NO, f"approved={bool(details['approved'])}", lang=lang)
    if "revoked" in details:
        out["projector"] = words(_YES_NO, f"revoked={bool(details['revoked'])}", lang=lang)
    if "code" in details:
        out["warning"] = words(WARNINGS, str(details["code"]), lang=lang).rstrip(".")
    if "next" in details:
        out["next"] = words(NEXT_ACTIONS, str(details["next"]), lang=lang)
    if "body" in details:
        out["body"] = words(BODIES, str(details["body"]), lang=lang)
    if "ruleset" in details:
        out["ruleset"] = _RULESETS.get(str(details["ruleset"]), str(details["ruleset"]))
    if "placement" in details:
        out["placement"] = words(NAME_SPELLINGS, str(details["placement"]), lang=lang)
    out["reason"] = f" — {details['reason']}" if details.get("reason") else ""
    out["reason_text"] = str(details.get("reason") or "")
    return out


def _structures(details: Mapping[str, object], lang: str) -> dict[str, str]:
    """Details that hold several values (settings, figures, a decision), as one phrase each."""
    en = lang == "en"
    out: dict[str, str] = {"settings": ""}
    settings = details.get("settings")
    if isinstance(settings, Mapping) and settings:
        chosen = "; ".join(
            f"{words(SETTINGS, str(k), lang=lang)}: {setting_value_words(str(k), v, lang)}"
            for k, v in settings.items()
        )
        out["settings"] = f" ({chosen})"
    figures = details.get("figures")
    if isinstance(figures, Mapping):
        out["figures"] = ", ".join(
            f"{words(FIGURES, str(k), lang=lang)} {v}"
            for k, v in figures.items()
            if v is not None and k in FIGURES
        )
    decision = details.get("decision")
    if isinstance(decision, Mapping):
        held = decision.get("hold")
        text = words(_YES_NO, f"hold={bool(held)}", lang=lang) if held is not None else ""
        note = decision.get("note")
        out["decision"] = f"{text}{' — ' + str(note) if note else ''}"
    cleared = details.get("cleared")
    if isinstance(cleared, Mapping):
        out["cleared"] = ", ".join(
            f"{n} {words(_CLEARED, str(k), lang=lang)}" for k, n in cleared.items()
        )
    tables = details.get("tables")
    if isinstance(tables, list):
        out["tables"] = "; ".join(table_phrase(t, lang) for t in tables if isinstance(t, Mapping))
    if "sheet" in details:
        team = details.get("chosen_team")
        if team:
            out["resolution"] = (
                f"chose entry team {team}'s entry" if en else f"chọn bản của nhóm nhập {team}"
            )
        else:
            out["resolution"] = "a third reading of the paper" if en else "đọc lại phiếu giấy"
    return out


def _worded(details: Mapping[str, object], names: Mapping[str, str], lang: str) -> dict[str, str]:
    """Every detail as words: ids by the names the caller found, codes by the catalogue."""
    out: dict[str, str] = {key: str(value) for key, value in details.items()}
    for key in ("election", "delegate", "official", "alternate", "session", "created"):
        if details.get(key) is not None:
            out[key] = names.get(f"{key}:{details[key]}", f"#{details[key]}")
    if "created" in details:
        opened = "; opened " if lang == "en" else "; mở "
        out["created"] = f"{opened}{out['created']}" if details["created"] else ""
    out.update(_codes(details, lang))
    out.update(_structures(details, lang))
    return out


def audit_sentence(
    action: str,
    details: Mapping[str, object],
    names: Mapping[str, str] | None = None,
    lang: str | None = None,
) -> str:
    """What an audit event says happened, as a sentence in the person's language."""
    chosen = lang or language()
    template = AUDIT_EVENTS.get(action, ("Thao tác khác", "Another action"))
    return fill(template[1 if chosen == "en" else 0], _worded(details, names or {}, chosen))
