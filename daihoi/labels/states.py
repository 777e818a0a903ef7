"""Words of the records a screen lists: an election's state, the figures of a count."""

from collections.abc import Mapping

from daihoi.labels.counting import BASE_CATEGORIES
from daihoi.labels.language import Label, words

ELECTION_STATES: Mapping[str, Label] = {
    "setup": ("Đang chuẩn bị", "Set-up"),
    "open": ("Đang nhập phiếu", "Open for entry"),
    "certified": ("Đã chứng nhận", "Certified"),
    "appointed": ("Cấp trên chỉ định", "Appointed"),
}

#: The figures of one vote the counting board records (db.models.Election fields)
FIGURES: Mapping[str, Label] = {
    "summoned": ("số được triệu tập", "those summoned"),
    "present": ("số có mặt", "those present"),
    "ballots_issued": ("số phiếu phát ra", "ballots issued"),
    "ballots_collected": ("số phiếu thu vào", "ballots collected"),
    "seats": ("số lượng cần bầu", "seats"),
    "alternate_seats": ("số lượng dự khuyết cần bầu", "alternate seats"),
    "entry_teams": ("số nhóm nhập phiếu", "entry teams"),
    "number": ("số thứ tự đại hội (lần thứ)", "the congress number"),
}


def figure_name(key: str, lang: str | None = None) -> str:
    """A recorded figure or a deduction from the base, by its name ("số phiếu thu vào").

    A key in neither table came from outside (a form field) and is shown as it was sent.
    """
    if key in FIGURES:
        return words(FIGURES, key, lang=lang)
    if key in BASE_CATEGORIES:
        deduction = words(BASE_CATEGORIES, key, lang=lang)
        return deduction if (lang or "vi") == "en" else f"số {deduction}"
    return key


CONGRESS_MODES: Mapping[str, Label] = {
    "rehearsal": ("Diễn tập", "Rehearsal"),
    "official": ("Chính thức", "Official"),
}


#: What the door answers a scanned badge (besides the name and seat)
DOOR_ANSWERS: Mapping[str, Label] = {
    "seat": (" — ghế {seat}", " — seat {seat}"),
    "arrived_not_counted": (
        "{name}: đã ghi nhận đến, không tính là có mặt",
        "{name}: arrival recorded, not counted present",
    ),
    "already_checked_in": ("{name}: đã điểm danh lúc {at}", "{name}: already checked in at {at}"),
    "alternate_not_substituting": (
        "Đại biểu dự khuyết chưa được thay thế cho ai: báo Ban tổ chức.",
        "An alternate not replacing anyone: tell the organisers.",
    ),
    "official_replaced": (
        "Đại biểu này đã được thay bằng đại biểu dự khuyết: báo Ban tổ chức.",
        "This official has been replaced by an alternate: tell the organisers.",
    ),
}
