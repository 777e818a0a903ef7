"""The counting minutes (biên bản kiểm phiếu) as a small model, built once from a count.

The text, PDF and DOCX minutes render this model; none of them assembles words of its own, so
the three cannot say different things. Carries the fields of R13: the body and seats, those
summoned, present and absent, the base and how it was derived, ballots issued, collected, valid
and invalid with reasons, every candidate in ballot order, the elected in vote order, the next
step, warnings with the board's explanations, and the settings applied. Every code is put in
words here (daihoi.labels), so no code, setting key or rule id reaches the printed page.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypedDict, Unpack

from daihoi.core.candidates import check_surplus
from daihoi.core.composition import Composition, Share, composition_of
from daihoi.core.findings import Finding
from daihoi.core.ids import CandidateId
from daihoi.core.outcome import Outcome
from daihoi.core.vi.formatting import format_date, format_int, format_percent, format_share, roman
from daihoi.documents.minutes.scans import scan_sentences
from daihoi.interchange.election_file import CongressInfo
from daihoi.labels import (
    BASE_CATEGORIES,
    BODIES,
    INVALID_REASONS,
    LIST_FINDINGS,
    MEETINGS,
    NEXT_ACTIONS,
    WARNINGS,
    cite,
    figure_name,
    fill,
    next_step_code,
    setting_notes,
    words,
)

Align = Literal["L", "C", "R"]
Style = Literal["text", "heading", "item", "entry", "small"]  # entry: indented, numbered

TITLE = "BIÊN BẢN KIỂM PHIẾU"
BOARD = "BAN KIỂM PHIẾU"
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
NOT_OVER_HALF = "không quá một nửa"

_PERCENT_BASE_WORDS = {
    "base": "so với cơ sở tính kết quả",
    "summoned": "so với tổng số được triệu tập",
    "present": "so với số có mặt",
    "valid_ballots": "so với số phiếu hợp lệ",
}
_COMMITTEE_MEETINGS = frozenset({"committee_meeting", "inspection_committee_meeting"})


@dataclass(frozen=True)
class MeetingWords:
    """How a meeting kind names its gathering and its voters ("hội nghị", "ủy viên")."""

    assembly: str  # đại hội, hội nghị
    voters: str  # đại biểu, đảng viên, ủy viên


def meeting_words(meeting: str) -> MeetingWords:
    """The words of one meeting kind (R1: congress of delegates or of members, committee)."""
    if meeting in _COMMITTEE_MEETINGS:
        return MeetingWords("hội nghị", "ủy viên")
    if meeting == "members_congress":
        return MeetingWords("đại hội", "đảng viên")
    return MeetingWords("đại hội", "đại biểu")


@dataclass(frozen=True)
class Para:
    """One paragraph; the renderers keep each on one page."""

    words: str
    style: Style = "text"


@dataclass(frozen=True)
class Column:
    heading: str
    align: Align
    width_mm: float  # on an A4 page with 30/15 mm margins (165 mm of text)


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Masthead:
    """The two-column header of a Party document (Hướng dẫn 36-HD/VPTW)."""

    upper: str | None  # the level above, regular
    issuer: tuple[str, ...]  # the issuing body, bold, a short line under
    place_and_date: str | None  # italic, under "ĐẢNG CỘNG SẢN VIỆT NAM"


@dataclass(frozen=True)
class Minutes:
    masthead: Masthead
    title: str
    subtitle: tuple[str, ...]
    figures: tuple[Para, ...]  # the key figures: each paragraph kept on one page
    caption: str
    table: Table
    closing: tuple[Para, ...]  # the elected, next step, composition, warnings, explanations
    settings: tuple[Para, ...]
    signatures: tuple[str, str]  # left, right
    sign_note: str
    fingerprint: str | None
    sha256: str | None  # the election file's, which the PDF prints in its page footer
    rehearsal: bool


class MinutesFacts(TypedDict, total=False):
    """What is printed with a count besides its outcome and header; each may be left out."""

    derivation: Mapping[str, Any] | None  # how the base was derived from attendance
    scans: Mapping[str, Any] | None  # the scanned ballots' figures
    explanations: Mapping[str, str] | None  # the board's word on each warning
    sha256: str | None  # the fingerprint of the election file counted
    rehearsal: bool


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


def voided(outcome: Outcome) -> bool:
    """The count cannot stand (more ballots collected than issued): no percentage means anything."""
    return str(outcome.next.action) == "board_decision"


def warning_words(finding: Finding) -> str:
    """A warning in its catalogue words; a code the catalogue lacks still never prints raw."""
    template = WARNINGS.get(finding.code)
    if template is None:
        return "Có số liệu bất thường cần Ban kiểm phiếu xem xét."
    return fill(template[0], finding.values)


def _masthead(congress: CongressInfo) -> Masthead:
    issuer = tuple(w for w in ((congress.organisation or "").upper(), BOARD) if w)
    place_date = None
    if congress.held_on:
        date_words = format_date(congress.held_on)
        words = f"{congress.place}, {date_words}" if congress.place else date_words
        place_date = words[0].upper() + words[1:]
    return Masthead((congress.upper_organisation or "").upper() or None, issuer, place_date)


def _subtitle(outcome: Outcome, congress: CongressInfo) -> tuple[str, ...]:
    election = outcome.election
    lines = [f"Bầu {elected_body(str(election.body), congress)}"]
    if congress.title:
        lines.append(congress.title)
    kind = MEETINGS[str(election.meeting)][0]
    round_words = f"Lần bầu thứ {election.round}"
    if election.is_tie_revote:
        round_words += " (bầu lại trong số những người bằng phiếu)"
    lines.append(f"Hình thức: {kind}; {round_words.lower()}.")
    return tuple(lines)


def _figures(outcome: Outcome) -> list[Para]:
    election, base, tally = outcome.election, outcome.base, outcome.tally
    words = meeting_words(str(election.meeting))
    seats = f"Số lượng cần bầu: {format_int(election.seats)}"
    if election.alternate_seats:
        seats += f" chính thức và {format_int(election.alternate_seats)} dự khuyết"
    paras = [Para(seats), *_list_paras(outcome)]
    paras.append(Para(f"Tổng số {words.voters} được triệu tập: {format_int(base.summoned)}"))
    present = election.electorate.present
    if present is not None:
        paras.append(
            Para(f"Có mặt: {format_int(present)}; vắng mặt: {format_int(base.summoned - present)}")
        )
    for category, n in base.deducted.items():
        paras.append(Para(f"Trừ {BASE_CATEGORIES[str(category)][0]}: {format_int(n)}", "item"))
    for category, n in base.not_deducted.items():
        paras.append(
            Para(
                f"Ghi nhận, không trừ khỏi cơ sở (theo quy định của {words.assembly}): "
                f"{BASE_CATEGORIES[str(category)][0]}: {format_int(n)}",
                "item",
            )
        )
    paras.append(
        Para(
            f"Cơ sở tính kết quả: {format_int(base.value)}; trúng cử khi được quá một nửa, "
            f"tức từ {format_int(base.votes_needed)} phiếu trở lên "
            f"(2 × số phiếu > {format_int(base.value)})"
        )
    )
    paras += [
        Para(f"Số phiếu phát ra: {format_int(election.ballots_issued)}"),
        Para(f"Số phiếu thu vào: {format_int(outcome.collected)}"),
        Para(f"Số phiếu hợp lệ: {format_int(tally.valid)}"),
        Para(f"Số phiếu không hợp lệ: {format_int(tally.invalid)}"),
    ]
    for reason, n in sorted(tally.invalid_by_reason.items()):
        paras.append(Para(f"{INVALID_REASONS[str(reason)][0]}: {format_int(n)}", "item"))
    return paras


def _list_paras(outcome: Outcome) -> list[Para]:
    """The list against the seats, as the press reports it ("số dư 8, 19,51%"), and its checks.

    R4: the surplus cap blocks printing and the 10–15 % band is a warning; both were checked
    before the ballots were printed, and are shown again so a recount from the file shows them.
    """
    election = outcome.election
    names, seats = len(election.candidates), election.seats + election.alternate_seats
    line = f"Số người trong danh sách bầu cử: {format_int(names)}"
    if names > seats:
        surplus = names - seats
        line += f"; số dư {format_int(surplus)}, {format_percent(surplus, seats)}"
    paras = [Para(line)]
    findings = check_surplus(election.body, election.seats, names, outcome.ruleset.settings)
    paras += [Para(words(LIST_FINDINGS, f.code, f.values, "vi"), "item") for f in findings]
    return paras


def percent(votes: int, outcome: Outcome) -> str:
    """A candidate's percentage as printed ("—" where there is no denominator)."""
    denominator = outcome.percent_denominator
    if denominator is None:
        return "—"
    return format_percent(votes, denominator, outcome.ruleset.settings.percent_decimals)


def _table(outcome: Outcome) -> Table:
    """Candidates in ballot order. No percentage nor "over half" mark when the count is void."""
    columns = [Column("STT", "C", 13), Column("Họ và tên", "L", 72), Column("Số phiếu", "R", 24)]
    if voided(outcome):
        columns[1] = Column("Họ và tên", "L", 128)
        bare = tuple((str(c.number), c.name, format_int(c.votes)) for c in outcome.candidates)
        return Table(tuple(columns), bare)
    columns += [Column("Tỷ lệ", "R", 24), Column("Ghi chú", "L", 32)]
    rows: tuple[tuple[str, ...], ...] = tuple(
        (
            str(c.number),
            c.name,
            format_int(c.votes),
            percent(c.votes, outcome),
            "" if c.over_half else NOT_OVER_HALF,
        )
        for c in outcome.candidates
    )
    return Table(tuple(columns), rows)


def _caption(outcome: Outcome) -> str:
    caption = "Kết quả bầu cử (xếp theo thứ tự tên người theo vần A, B, C)"
    if voided(outcome):
        return caption + ":"
    denominator = outcome.percent_denominator
    basis = _PERCENT_BASE_WORDS[outcome.ruleset.settings.percent_base]
    return (
        f"{caption}; tỷ lệ {basis}" + (f" {format_int(denominator)}" if denominator else "") + ":"
    )


def _next_words(outcome: Outcome) -> str:
    """The next step in the catalogue's words, for who decides it (R17, R19, R12 step 3)."""
    nxt, election = outcome.next, outcome.election
    code = next_step_code(str(nxt.action), nxt.rule, str(election.meeting))
    values = {
        "seats": format_int(nxt.seats),
        "collected": format_int(outcome.collected),
        "issued": format_int(election.ballots_issued),
    }
    return fill(NEXT_ACTIONS[code][0], values)


def _ranked(outcome: Outcome, ids: Sequence[CandidateId], style: Style) -> list[Para]:
    """The elected in order of votes: "1. Name: 1.234 phiếu, 98,7%"."""
    by_id = {c.id: c for c in outcome.candidates}
    return [
        Para(
            f"{rank}. {by_id[cid].name}: {format_int(by_id[cid].votes)} phiếu, "
            f"{percent(by_id[cid].votes, outcome)}",
            style,
        )
        for rank, cid in enumerate(ids, start=1)
    ]


def _elected(outcome: Outcome) -> list[Para]:
    if voided(outcome):  # nobody is elected, no percentage means anything
        return [Para(f"Bước tiếp theo: {_next_words(outcome)}", "heading")]
    by_id = {c.id: c for c in outcome.candidates}
    label = "Những người trúng cử" + (" đại biểu chính thức" if outcome.elected_alternates else "")
    paras = [Para(f"{label} (theo thứ tự số phiếu từ cao xuống thấp):", "heading")]
    if not outcome.elected:
        paras.append(Para("Không có ai trúng cử.", "item"))
    paras += _ranked(outcome, outcome.elected, "item")
    if outcome.elected_alternates:
        paras.append(Para("Trúng cử đại biểu dự khuyết (theo thứ tự số phiếu):", "heading"))
        paras += _ranked(outcome, outcome.elected_alternates, "entry")
    nxt = outcome.next
    paras.append(Para(f"Bước tiếp theo: {_next_words(outcome)}"))
    if nxt.among:
        names = ", ".join(by_id[cid].name for cid in nxt.among)
        seats = format_int(nxt.seats or nxt.alternate_seats or 0)
        paras.append(Para(f"Bầu lại {seats} chỗ trong số: {names}", "item"))
    elif nxt.seats or nxt.alternate_seats:
        paras.append(
            Para(
                f"Còn thiếu: {format_int(nxt.seats)} chính thức"
                + (f", {format_int(nxt.alternate_seats)} dự khuyết" if nxt.alternate_seats else ""),
                "item",
            )
        )
    return paras


def _share(label: str, share: Share | None) -> str | None:
    if share is None:
        return None
    if share.denominator == 0:
        return f"{label} {share.numerator}/0"
    return f"{label} {format_share(share.numerator, share.denominator)}"


def _composition(outcome: Outcome, congress: CongressInfo) -> list[Para]:
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
    return [Para("Cơ cấu những người trúng cử (tính từ danh sách): " + "; ".join(known) + ".")]


def _warnings(outcome: Outcome, explanations: Mapping[str, str]) -> list[Para]:
    if not outcome.warnings and not explanations:
        return []
    paras = []
    if outcome.warnings:
        paras.append(Para("Lưu ý (cần Ban kiểm phiếu giải trình):", "heading"))
        paras += [Para(warning_words(w), "item") for w in outcome.warnings]
    found = {w.code: w for w in outcome.warnings}
    for code, explanation in explanations.items():
        finding = found.get(code)
        about = f"{warning_words(finding).rstrip('.')}: " if finding else ""
        paras.append(Para(f"Giải trình: {about}{explanation}"))
    return paras


def _settings(outcome: Outcome) -> list[Para]:
    ruleset, election = outcome.ruleset, outcome.election
    paras = [Para(f"Áp dụng: {ruleset.title} ({ruleset.decision}):", "small")]
    notes = setting_notes(
        ruleset.settings.as_dict(), meeting=str(election.meeting), body=str(election.body)
    )
    paras += [Para(f"– {note}", "small") for note in notes]
    rules = sorted({step.rule for step in outcome.steps} | {"R10", "R11"}, key=lambda r: int(r[1:]))
    citations = dict.fromkeys(cite(ruleset.id, rule) for rule in rules)
    if citations:
        paras.append(Para("Căn cứ: " + "; ".join(citations) + ".", "small"))
    return paras


def base_paras(derivation: Mapping[str, Any] | None) -> list[Para]:
    """Where the electorate's figures came from, and every correction with its reason (R14)."""
    if not derivation:
        return []
    session = derivation.get("session")
    paras = [
        Para(
            "Số đại biểu triệu tập, được trừ và có mặt lấy từ danh sách đại biểu và điểm danh"
            + (f" ({session})" if session else "")
            + "."
        )
    ]
    for c in derivation.get("corrections", []):
        label = figure_name(str(c.get("figure", "")))
        paras.append(
            Para(
                f"Điều chỉnh {label}: {c.get('from')} → {c.get('to')}; "
                f"lý do: {c.get('reason', '')}."
            )
        )
    return paras


def scan_paras(scans: Mapping[str, Any] | None) -> list[Para]:
    """How the ballots were read when some were scanned, the reading rules applied
    (open-points.md OPEN-OMR-1…3: "printed in the minutes") and the board's checks (omr.md
    §5.4); the sentences are built in minutes/scans.py."""
    return [Para(text) for text in scan_sentences(scans)]


def build_minutes(
    outcome: Outcome, congress: CongressInfo | None = None, **facts: Unpack[MinutesFacts]
) -> Minutes:
    """The minutes of one count; the figures come from `outcome`, none typed by hand."""
    derivation, scans = facts.get("derivation"), facts.get("scans")
    explanations, sha256 = facts.get("explanations"), facts.get("sha256")
    congress = congress or CongressInfo()
    figures = _figures(outcome) + base_paras(derivation) + scan_paras(scans)
    closing = _elected(outcome) + _composition(outcome, congress)
    closing += _warnings(outcome, explanations or {})
    return Minutes(
        masthead=_masthead(congress),
        title=TITLE,
        subtitle=_subtitle(outcome, congress),
        figures=tuple(figures),
        caption=_caption(outcome),
        table=_table(outcome),
        closing=tuple(closing),
        settings=tuple(_settings(outcome)),
        signatures=("CÁC THÀNH VIÊN BAN KIỂM PHIẾU", "TRƯỞNG BAN KIỂM PHIẾU"),
        sign_note="(Ký, ghi rõ họ tên)",
        fingerprint=f"Dấu vân tay tệp bầu cử (SHA-256): {sha256}" if sha256 else None,
        sha256=sha256,
        rehearsal=facts.get("rehearsal", False),
    )
