"""The counting minutes (biên bản kiểm phiếu) as plain Vietnamese text for the terminal.

Carries the fields of R13: the body and seats, those summoned, present and absent, the base and
how it was derived, ballots issued, collected, valid and invalid with reasons, every candidate in
ballot order with votes and percentage, the elected in vote order, the next step, and every
setting applied ("Áp dụng"). This module is a document template: its Vietnamese is the document.
"""

from collections.abc import Mapping
from typing import Any

from daihoi.core.composition import Composition, Share, composition_of
from daihoi.core.outcome import Outcome
from daihoi.core.vi.formatting import format_date, format_int, format_percent, format_share, roman
from daihoi.interchange.election_file import CongressInfo
from daihoi.labels import (
    BASE_CATEGORIES,
    BODIES,
    INVALID_REASONS,
    MEETINGS,
    NEXT_ACTIONS,
    WARNINGS,
    fill,
    setting_notes,
)

_PERCENT_BASE_WORDS = {
    "base": "so với cơ sở tính kết quả",
    "summoned": "so với tổng số được triệu tập",
    "present": "so với số có mặt",
    "valid_ballots": "so với số phiếu hợp lệ",
}


def elected_body(body: str, congress: CongressInfo) -> str:
    """What is elected, as the minutes and the ballot name it: "Ban Chấp hành Đảng bộ thành phố
    X khóa XXIII, nhiệm kỳ 2020–2025" (the organisation's name for its committees only)."""
    what = BODIES[body][0]
    if congress.organisation and body in {"executive_committee", "standing_committee"}:
        what += f" {congress.organisation}"
    if congress.number:
        what += f" khóa {roman(congress.number)}"
    if congress.term:
        what += f", nhiệm kỳ {congress.term}"
    return what


def _header(outcome: Outcome, congress: CongressInfo) -> list[str]:
    election = outcome.election
    lines = ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    if congress.organisation:
        lines.append(congress.organisation.upper())
    if congress.place and congress.held_on:
        lines.append(f"{congress.place}, {format_date(congress.held_on)}")
    lines += ["", "BIÊN BẢN KIỂM PHIẾU", f"Bầu {elected_body(str(election.body), congress)}"]
    if congress.title:
        lines.append(congress.title)
    kind = MEETINGS[str(election.meeting)][0]
    round_words = f"Lần bầu thứ {election.round}"
    if election.is_tie_revote:
        round_words += " (bầu lại trong số những người bằng phiếu)"
    lines += [f"Hình thức: {kind}; {round_words}.", ""]
    return lines


def _figures(outcome: Outcome) -> list[str]:
    election, base, tally = outcome.election, outcome.base, outcome.tally
    seats = f"Số lượng cần bầu: {format_int(election.seats)}"
    if election.alternate_seats:
        seats += f" chính thức và {format_int(election.alternate_seats)} dự khuyết"
    lines = [seats, f"Tổng số được triệu tập: {format_int(base.summoned)}"]
    present = election.electorate.present
    if present is not None:
        lines.append(
            f"Có mặt: {format_int(present)}; vắng mặt: {format_int(base.summoned - present)}"
        )
    for category, n in base.deducted.items():
        lines.append(f"  Trừ {BASE_CATEGORIES[str(category)][0]}: {format_int(n)}")
    for category, n in base.not_deducted.items():
        lines.append(
            f"  Ghi nhận, không trừ (committee_base_excludes = none): "
            f"{BASE_CATEGORIES[str(category)][0]}: {format_int(n)}"
        )
    lines.append(
        f"Cơ sở tính kết quả: {format_int(base.value)}; trúng cử khi được quá một nửa, "
        f"tức từ {format_int(base.votes_needed)} phiếu trở lên "
        f"(2 × số phiếu > {format_int(base.value)})"
    )
    lines += [
        f"Số phiếu phát ra: {format_int(election.ballots_issued)}",
        f"Số phiếu thu vào: {format_int(outcome.collected)}",
        f"Số phiếu hợp lệ: {format_int(tally.valid)}",
        f"Số phiếu không hợp lệ: {format_int(tally.invalid)}",
    ]
    for reason, n in sorted(tally.invalid_by_reason.items()):
        lines.append(f"  - {INVALID_REASONS[str(reason)][0]}: {format_int(n)}")
    return [*lines, ""]


def _percent(votes: int, outcome: Outcome) -> str:
    denominator = outcome.percent_denominator
    if denominator is None:
        return "—"
    return format_percent(votes, denominator, outcome.ruleset.settings.percent_decimals)


def _candidates(outcome: Outcome) -> list[str]:
    choice = outcome.ruleset.settings.percent_base
    denominator = outcome.percent_denominator
    basis = _PERCENT_BASE_WORDS[choice] + (f" {format_int(denominator)}" if denominator else "")
    lines = [
        "Kết quả bầu cử (xếp theo thứ tự tên người theo vần A, B, C):",
        f"{'STT':>4}  {'Họ và tên':<32}{'Số phiếu':>9}  Tỷ lệ ({basis})",
    ]
    width = 32
    for c in outcome.candidates:
        mark = "" if c.over_half else "  (không quá một nửa)"
        lines.append(
            f"{c.number:>4}  {c.name:<{width}}{format_int(c.votes):>9}  "
            f"{_percent(c.votes, outcome)}{mark}"
        )
    return [*lines, ""]


def _elected(outcome: Outcome) -> list[str]:
    by_id = {c.id: c for c in outcome.candidates}
    label = "Những người trúng cử" + (" đại biểu chính thức" if outcome.elected_alternates else "")
    lines = [f"{label} (theo thứ tự số phiếu từ cao xuống thấp):"]
    if not outcome.elected:
        lines.append("  Không có ai trúng cử.")
    for rank, cid in enumerate(outcome.elected, start=1):
        c = by_id[cid]
        lines.append(
            f"{rank:>4}. {c.name}: {format_int(c.votes)} phiếu, {_percent(c.votes, outcome)}"
        )
    if outcome.elected_alternates:
        lines.append("Trúng cử đại biểu dự khuyết (theo thứ tự số phiếu):")
        for rank, cid in enumerate(outcome.elected_alternates, start=1):
            c = by_id[cid]
            lines.append(
                f"{rank:>4}. {c.name}: {format_int(c.votes)} phiếu, {_percent(c.votes, outcome)}"
            )
    nxt = outcome.next
    lines.append(f"Bước tiếp theo ({nxt.rule}): {NEXT_ACTIONS[str(nxt.action)][0]}")
    if nxt.among:
        names = ", ".join(by_id[cid].name for cid in nxt.among)
        lines.append(
            f"  Bầu lại {format_int(nxt.seats or nxt.alternate_seats or 0)} chỗ trong số: {names}"
        )
    elif nxt.seats or nxt.alternate_seats:
        lines.append(
            f"  Còn thiếu: {format_int(nxt.seats)} chính thức"
            + (f", {format_int(nxt.alternate_seats)} dự khuyết" if nxt.alternate_seats else "")
        )
    return [*lines, ""]


def _share(label: str, share: Share | None) -> str | None:
    if share is None:
        return None
    if share.denominator == 0:
        return f"{label} {share.numerator}/0"
    return f"{label} {format_share(share.numerator, share.denominator)}"


def _composition(outcome: Outcome, congress: CongressInfo) -> list[str]:
    by_id = {c.id: c for c in outcome.election.candidates}
    members = [by_id[cid] for cid in outcome.elected]
    if not members:
        return []
    figures: Composition = composition_of(
        members,
        congress.held_on,
        young_age_under=outcome.ruleset.settings.young_age_under,
        nominated=outcome.election.candidates,
    )
    parts = [
        _share("nữ", figures.women),
        _share(f"dưới {figures.young_age_under} tuổi", figures.young),
        _share("dân tộc thiểu số", figures.ethnic_minority),
        _share("tái cử (so với số đương nhiệm được giới thiệu)", figures.reelected),
        _share("tham gia lần đầu", figures.new_members),
    ]
    known = [p for p in parts if p]
    if not known:
        return []
    return ["Cơ cấu những người trúng cử (tính từ danh sách): " + "; ".join(known) + ".", ""]


def _settings(outcome: Outcome) -> list[str]:
    ruleset, election = outcome.ruleset, outcome.election
    lines = [f"Áp dụng: {ruleset.title} ({ruleset.decision}), bộ quy tắc {ruleset.id}:"]
    notes = setting_notes(
        ruleset.settings.as_dict(), meeting=str(election.meeting), body=str(election.body)
    )
    lines += [f"  - {note}" for note in notes]
    rules = sorted({step.rule for step in outcome.steps} | {"R10", "R11"}, key=lambda r: int(r[1:]))
    lines.append("  Căn cứ: " + "; ".join(f"{rule}: {ruleset.cite(rule)}" for rule in rules))
    return [*lines, ""]


def _warnings(outcome: Outcome) -> list[str]:
    if not outcome.warnings:
        return []
    lines = ["Lưu ý (cần Ban kiểm phiếu giải trình):"]
    lines += [f"  [{w.code}] {fill(WARNINGS[w.code][0], w.values)}" for w in outcome.warnings]
    return [*lines, ""]


def base_lines(derivation: Mapping[str, Any] | None) -> list[str]:
    """Where the electorate's figures came from, and every correction with its reason (R14)."""
    if not derivation:
        return []
    lines = [
        "Số đại biểu triệu tập, được trừ và có mặt lấy từ danh sách đại biểu và điểm danh"
        + (f" ({derivation['session']})" if derivation.get("session") else "")
        + "."
    ]
    labels = {"summoned": "triệu tập", "present": "có mặt"}
    for c in derivation.get("corrections", []):
        figure = str(c.get("figure", ""))
        label = labels.get(figure) or BASE_CATEGORIES.get(figure, (figure, ""))[0]
        lines.append(
            f"Điều chỉnh số {label.lower()}: {c.get('from')} → {c.get('to')}; "
            f"lý do: {c.get('reason', '')}."
        )
    return [*lines, ""]


def scan_lines(scans: Mapping[str, Any] | None) -> list[str]:
    """How the ballots were read when some were scanned, and the OMR settings applied
    (open-points.md OPEN-OMR-1…3: "printed in the minutes")."""
    if not scans:
        return []
    stray = f"{scans['stray_ink_max_mm']:g}".replace(".", ",")
    return [
        (
            f"Phiếu quét: {format_int(scans['read'])} phiếu máy đọc tự động; "
            f"{format_int(scans['confirmed'])} phiếu Ban kiểm phiếu xem xét và quyết định; "
            f"{format_int(scans['rejected_pages'])} trang máy không đọc được (quét lại hoặc "
            "nhập tay). Tờ phiếu giấy là căn cứ."
        ),
        "Áp dụng khi đọc phiếu quét: "
        + (
            f"nét gạch qua chữ phủ từ {scans['partial_strike'].removeprefix('covers_')}% họ và "
            "tên trở lên được tính là gạch tên theo quy định đại hội thông qua trước khi bầu; "
            "nét gạch ngắn hơn, "
            if str(scans.get("partial_strike", "review")).startswith("covers_")
            else "nét gạch không phủ hết họ và tên, "
        )
        + "gạch dưới, khoanh tròn, "
        "đánh dấu bên cạnh do Ban kiểm phiếu quyết định (OPEN-OMR-1); vết mực nhỏ hơn "
        f"{stray} mm được bỏ qua, lớn hơn thì Ban kiểm phiếu xem xét (OPEN-OMR-2); "
        + (
            "nhiều màu mực chỉ được ghi chú (OPEN-OMR-3)."
            if scans["mixed_ink"] == "warn"
            else "nhiều màu mực thì Ban kiểm phiếu xem xét (OPEN-OMR-3)."
        ),
        "",
    ]


def minutes_text(
    outcome: Outcome,
    congress: CongressInfo | None = None,
    derivation: Mapping[str, Any] | None = None,
    scans: Mapping[str, Any] | None = None,
) -> str:
    """The minutes of one count as text; the figures come from `outcome`, none typed by hand."""
    congress = congress or CongressInfo()
    lines = _header(outcome, congress) + _figures(outcome) + base_lines(derivation)
    lines += scan_lines(scans)
    lines += _candidates(outcome)
    lines += _elected(outcome) + _composition(outcome, congress) + _warnings(outcome)
    lines += _settings(outcome)
    lines += ["TRƯỞNG BAN KIỂM PHIẾU                    CÁC THÀNH VIÊN BAN KIỂM PHIẾU", ""]
    return "\n".join(lines)
