"""Words of the rules: the settings a congress may choose, their choices, and legal citations.

Spec ids (R14, OPEN-5) and setting keys stay in code; a person reads the setting's name, the
chosen value in words, and the article in Vietnamese legal form ("khoản 2 Điều 17 Quy chế …").
"""

from collections.abc import Mapping

from daihoi.labels.language import Label, fill, words

#: The name of each setting of core.rulesets.model.Settings
SETTINGS: Mapping[str, Label] = {
    "percent_base": ("Tỷ lệ phần trăm tính so với", "Percentages are taken of"),
    "percent_decimals": ("Số chữ số thập phân của tỷ lệ", "Decimals of a percentage"),
    "tie_revote_needs_majority": (
        "Bầu lại khi bằng phiếu: người trúng cử vẫn phải được quá một nửa",
        "Re-vote after a tie: the winner still needs more than half",
    ),
    "committee_base_excludes": (
        "Ở hội nghị cấp ủy, trừ khỏi cơ sở tính kết quả",
        "At committee meetings, deducted from the base",
    ),
    "delegates_mode": (
        "Bầu đại biểu chính thức và dự khuyết",
        "Official and alternate delegates are elected",
    ),
    "ballot_order": ("Thứ tự tên trên phiếu", "Order of names on the ballot"),
    "further_round": ("Khi chưa bầu đủ số lượng", "When seats remain unfilled"),
    "small_body_max_surplus": (
        "Số dư tối đa khi bầu cấp ủy, ban thường vụ có 3–5 người",
        "Largest surplus for a committee of 3–5 members",
    ),
    "preparation_band_rounding": (
        "Làm tròn khoảng số dư 10–15% cấp ủy chuẩn bị",
        "Rounding of the convening committee's 10–15 % surplus band",
    ),
    "opinion_ballot_base": (
        "Phiếu thăm dò người ngoài danh sách: trên 30% tính so với",
        "Opinion ballot on a nominee outside the list: over 30 % of",
    ),
    "quorum_fraction": (
        "Số có mặt tối thiểu so với số được triệu tập",
        "Least attendance as a share of those summoned",
    ),
    "procedural_majority": (
        "Biểu quyết giơ tay thông qua khi được",
        "A show-of-hands vote passes with",
    ),
    "young_age_under": ("Cán bộ trẻ: dưới (tuổi)", "Young cadre: under (years)"),
    "partial_strike": ("Nét gạch không hết tên trên phiếu quét", "A partial strike on a scan"),
    "stray_ink_max_mm": (
        "Vết mực nhỏ hơn (mm) trên dòng giữ tên thì bỏ qua",
        "Ink specks smaller than (mm) on a kept row are ignored",
    ),
    "mixed_ink": ("Phiếu dùng nhiều loại mực", "A ballot in more than one ink"),
}

#: Each choice of a setting, keyed "setting=value" (values as `str()` gives them)
CHOICES: Mapping[str, Label] = {
    "percent_base=base": (
        "cơ sở tính kết quả (số được triệu tập trừ các trường hợp được trừ)",
        "the base (those summoned less the deductions)",
    ),
    "percent_base=summoned": ("tổng số được triệu tập", "everyone summoned"),
    "percent_base=present": ("số có mặt", "those present"),
    "percent_base=valid_ballots": ("số phiếu hợp lệ", "the valid ballots"),
    "tie_revote_needs_majority=True": ("có", "yes"),
    "tie_revote_needs_majority=False": (
        "không, lấy người được nhiều phiếu hơn",
        "no, the higher count wins",
    ),
    "committee_base_excludes=approved_absences": (
        (
            "người vắng mặt suốt hội nghị có lý do được chấp thuận, bị đình chỉ sinh hoạt, "
            "sinh hoạt tạm thời nơi khác"
        ),
        (
            "members absent for the whole meeting with an approved reason, suspended or on "
            "temporary activity elsewhere"
        ),
    ),
    "committee_base_excludes=none": ("không trừ ai", "nobody"),
    "delegates_mode=combined_list": (
        "trên cùng một danh sách, chính thức trước, dự khuyết tiếp theo số phiếu",
        "on one list: officials first, alternates next by votes",
    ),
    "delegates_mode=separate_ballots": (
        "bằng hai phiếu riêng (dự khuyết bầu sau)",
        "on separate ballots (alternates after)",
    ),
    "ballot_order=given_family_middle_birth": (
        "theo tên, rồi họ, rồi tên đệm (vần A, B, C); trùng họ tên thì người nhiều tuổi trước",
        "by given name, then family name, then middle name; the older first on equal names",
    ),
    "ballot_order=as_listed": (
        "theo danh sách đã được thông qua",
        "as in the approved list",
    ),
    "further_round=congress_decides": (
        "đại hội biểu quyết có bầu tiếp hay không",
        "the congress votes whether to hold another round",
    ),
    "preparation_band_rounding=nearest": ("làm tròn gần nhất", "to the nearest"),
    "preparation_band_rounding=outward": ("làm tròn ra ngoài", "outward"),
    "preparation_band_rounding=inward": ("làm tròn vào trong", "inward"),
    "opinion_ballot_base=present": ("số có mặt", "those present"),
    "opinion_ballot_base=summoned": ("tổng số được triệu tập", "everyone summoned"),
    "procedural_majority=more_than_half_present": (
        "quá một nửa số có mặt",
        "more than half of those present",
    ),
    "procedural_majority=more_than_half_base": (
        "quá một nửa cơ sở tính kết quả",
        "more than half of the base",
    ),
    "partial_strike=review": (
        "chuyển Ban kiểm phiếu xem xét",
        "goes to the counting board",
    ),
    "partial_strike=covers_60": (
        "phủ từ 60% độ dài tên trở lên là gạch",
        "struck when the line covers 60 % of the name",
    ),
    "partial_strike=covers_70": (
        "phủ từ 70% độ dài tên trở lên là gạch",
        "struck when the line covers 70 % of the name",
    ),
    "partial_strike=covers_80": (
        "phủ từ 80% độ dài tên trở lên là gạch",
        "struck when the line covers 80 % of the name",
    ),
    "mixed_ink=warn": ("chỉ cảnh báo", "a warning only"),
    "mixed_ink=review": ("chuyển Ban kiểm phiếu xem xét", "goes to the counting board"),
}


def setting_value_words(name: str, value: object, lang: str | None = None) -> str:
    """A setting's value as a person reads it: the choice's words, or the number (1/2 as is)."""
    key = f"{name}={value}"
    if key in CHOICES:
        return words(CHOICES, key, lang=lang)
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


_QC_190 = "Quy chế bầu cử trong Đảng (ban hành kèm theo Quyết định số 190-QĐ/TW)"
_QC_244 = "Quy chế bầu cử trong Đảng (ban hành kèm theo Quyết định số 244-QĐ/TW)"
_QC_190_EN = "the Party election regulation (Decision 190-QĐ/TW)"
_QC_244_EN = "the Party election regulation (Decision 244-QĐ/TW)"
_STATUTE = "khoản 3 Điều 12 Điều lệ Đảng"
_STATUTE_EN = "Article 12(3) of the Party Statute"
_ORDER: Label = (
    "mẫu biên bản kiểm phiếu: xếp theo tên, vần A, B, C",
    "the minutes form: by given name, in alphabetical order",
)
_QUORUM: Label = (
    "Điều lệ Đảng: đại hội hợp lệ khi có ít nhất hai phần ba số được triệu tập tham dự",
    "the Party Statute: a congress is valid with two thirds of those summoned attending",
)

#: Each rule id of the spec → its legal source, per rule set, as the minutes print it
CITATIONS: Mapping[str, Mapping[str, Label]] = {
    "190-2024": {
        "R3": (f"Điều 3 {_QC_190}", f"Article 3 of {_QC_190_EN}"),
        "R4": (f"khoản 1 Điều 14 {_QC_190}", f"Article 14(1) of {_QC_190_EN}"),
        "R5": (f"khoản 2 và khoản 3 Điều 14 {_QC_190}", f"Article 14(2–3) of {_QC_190_EN}"),
        "R7": _ORDER,
        "R10": (f"Điều 15 {_QC_190}", f"Article 15 of {_QC_190_EN}"),
        "R11": (f"Điều 15 {_QC_190}", f"Article 15 of {_QC_190_EN}"),
        "R12": (
            f"điều quy định về Ban kiểm phiếu của {_QC_190}",
            f"the counting-board article of {_QC_190_EN}",
        ),
        "R14": (
            f"{_STATUTE}; điều quy định về nguyên tắc xác định kết quả bầu cử của {_QC_190}",
            f"{_STATUTE_EN}; the results article of {_QC_190_EN}",
        ),
        "R15": (
            f"điều quy định về nguyên tắc xác định kết quả bầu cử của {_QC_190}",
            f"the results article of {_QC_190_EN}",
        ),
        "R16": (
            f"điều quy định về nguyên tắc xác định kết quả bầu cử của {_QC_190}",
            f"the results article of {_QC_190_EN}",
        ),
        "R17": (
            f"điều quy định về bầu cử lần tiếp theo của {_QC_190}; đại hội biểu quyết",
            f"the further-rounds article of {_QC_190_EN}; the congress votes",
        ),
        "R18": (f"Điều 18 {_QC_190}", f"Article 18 of {_QC_190_EN}"),
        "R19": (f"Điều 15 {_QC_190}", f"Article 15 of {_QC_190_EN}"),
        "R20": (f"Điều 3 {_QC_190}", f"Article 3 of {_QC_190_EN}"),
        "R22": _QUORUM,
    },
    "244-2014": {
        "R3": (f"Điều 3 {_QC_244}", f"Article 3 of {_QC_244_EN}"),
        "R4": (
            f"điều quy định về số dư của {_QC_244}",
            f"the surplus article of {_QC_244_EN}",
        ),
        "R5": (
            f"điều quy định về lập danh sách bầu cử của {_QC_244}",
            f"the list article of {_QC_244_EN}",
        ),
        "R7": _ORDER,
        "R10": (f"khoản 2 Điều 17 {_QC_244}", f"Article 17(2) of {_QC_244_EN}"),
        "R11": (f"khoản 2 Điều 17 {_QC_244}", f"Article 17(2) of {_QC_244_EN}"),
        "R12": (f"Điều 7 {_QC_244}", f"Article 7 of {_QC_244_EN}"),
        "R14": (
            f"{_STATUTE}; khoản 2 và khoản 3 Điều 32 {_QC_244}",
            f"{_STATUTE_EN}; Article 32(2–3) of {_QC_244_EN}",
        ),
        "R15": (f"Điều 32 {_QC_244}", f"Article 32 of {_QC_244_EN}"),
        "R16": (f"Điều 32 {_QC_244}", f"Article 32 of {_QC_244_EN}"),
        "R17": (f"khoản 2 Điều 20 {_QC_244}", f"Article 20(2) of {_QC_244_EN}"),
        "R18": (f"Điều 20 {_QC_244}", f"Article 20 of {_QC_244_EN}"),
        "R19": (f"khoản 2 Điều 17 {_QC_244}", f"Article 17(2) of {_QC_244_EN}"),
        "R20": (f"Điều 3 {_QC_244}", f"Article 3 of {_QC_244_EN}"),
        "R22": _QUORUM,
    },
}


def cite(ruleset_id: str, rule: str, lang: str | None = None) -> str:
    """The legal source of `rule` under a rule set, in words; a general one where none is known."""
    table = CITATIONS.get(ruleset_id, CITATIONS["190-2024"])
    general: Label = ("Quy chế bầu cử trong Đảng", "the Party election regulation")
    return words({rule: table.get(rule, general)}, rule, lang=lang)


def setting_notes(
    settings: Mapping[str, object], *, meeting: str, body: str, lang: str = "vi"
) -> list[str]:
    """The settings that shaped one count, in words, for the minutes' "Áp dụng".

    Only the settings that can affect this election are named; scanning settings belong to the
    scans' own paragraph.
    """
    en = lang == "en"

    def choice(name: str) -> str:
        return setting_value_words(name, settings[name], lang)

    percent = (
        (
            "Percentages are of {basis}, {decimals} decimals, rounded half up; election is "
            "decided in whole numbers only: 2 × votes > base."
        ),
        (
            "Tỷ lệ phần trăm tính so với {basis}, {decimals} chữ số thập phân, làm tròn nửa lên; "
            "trúng cử chỉ xét bằng số nguyên: 2 × số phiếu > cơ sở tính kết quả."
        ),
    )
    notes = [
        fill(
            percent[0 if en else 1],
            {"basis": choice("percent_base"), "decimals": settings["percent_decimals"]},
        ),
        ("Order on the ballot: " if en else "Thứ tự trên phiếu: ") + choice("ballot_order") + ".",
        (
            "A tie at the last seat: a re-vote among the tied; the winner still needs more "
            "than half."
            if en
            else "Bằng phiếu ở vị trí cuối: bầu lại trong số những người bằng phiếu, người trúng "
            "cử vẫn phải được quá một nửa."
        )
        if settings["tie_revote_needs_majority"]
        else (
            "A tie at the last seat: a re-vote among the tied; the higher count wins."
            if en
            else "Bằng phiếu ở vị trí cuối: bầu lại trong số những người bằng phiếu, lấy người "
            "được nhiều phiếu hơn."
        ),
    ]
    committee = meeting in ("committee_meeting", "inspection_committee_meeting")
    if committee:
        notes.append(
            ("Deducted from the base at the meeting: " if en else "Ở hội nghị, trừ khỏi cơ sở: ")
            + choice("committee_base_excludes")
            + "."
        )
        notes.append(
            "A single candidate for an office who fails: the election pauses and the upper "
            "level is asked."
            if en
            else "Bầu chức danh chỉ có một người mà không trúng cử: tạm dừng, xin ý kiến cấp ủy "
            "cấp trên."
        )
    else:
        notes.append(
            "Seats unfilled: the congress votes whether to hold another round."
            if en
            else "Chưa bầu đủ số lượng: đại hội biểu quyết có bầu tiếp hay không."
        )
    quorum = settings["quorum_fraction"]
    gathering = (
        ("meeting" if en else "hội nghị") if committee else ("congress" if en else "đại hội")
    )
    notes.append(
        f"Warning when fewer than {quorum} of those summoned attend the {gathering}."
        if en
        else f"Cảnh báo khi số có mặt dưới {quorum} số được triệu tập {gathering}."
    )
    if body in ("upper_delegates", "upper_alternates"):
        notes.append(
            ("Official and alternate delegates: " if en else "Đại biểu chính thức và dự khuyết: ")
            + choice("delegates_mode")
            + "."
        )
    young = settings["young_age_under"]
    notes.append(
        f"Young cadre: under {young} on the congress date."
        if en
        else f"Cán bộ trẻ: dưới {young} tuổi tại ngày đại hội."
    )
    return notes
