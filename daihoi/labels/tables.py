"""The words of count tables (tổ kiểm phiếu): why a table or an entry is refused, and a table
as the audit log and the screens name it. A count table is «Tổ 1», an entry team «tổ nhập 1»."""

from collections.abc import Mapping

from daihoi.labels.language import Label, fill

TABLE_ERRORS: Mapping[str, Label] = {
    "sheets_malformed": (
        "«{token}» không phải số phiếu hay khoảng số phiếu (ví dụ 1-116 hoặc 1-50, 300-348).",
        "«{token}» is not a ballot number or a range (for example 1-116 or 1-50, 300-348).",
    ),
    "sheets_zero": (
        "«{token}»: số phiếu bắt đầu từ 1.",
        "«{token}»: ballot numbers start at 1.",
    ),
    "sheets_reversed": (
        "«{token}»: số đầu lớn hơn số cuối.",
        "«{token}»: the first number is larger than the last.",
    ),
    "sheets_repeated": (
        "Phiếu số {sheet} được ghi hai lần cho cùng một tổ.",
        "Ballot {sheet} is written twice for the same table.",
    ),
    "sheets_empty": ("Chưa ghi số phiếu của tổ.", "The table's ballot numbers are missing."),
    "teams_malformed": (
        "«{token}» không phải số của một tổ nhập phiếu.",
        "«{token}» is not the number of an entry team.",
    ),
    "teams_repeated": (
        "Tổ nhập {team} được ghi hai lần.",
        "Entry team {team} is written twice.",
    ),
    "table_team_count": (
        (
            "Tổ {table} có {teams} tổ nhập phiếu: mỗi tổ kiểm phiếu cần hai hoặc ba tổ nhập "
            "(mỗi phiếu được nhập lặp bởi những người khác nhau)."
        ),
        (
            "Table {table} has {teams} entry teams: each count table needs two or three "
            "(every ballot is entered again by other people)."
        ),
    ),
    "tables_count": (
        "Có thể chia nhiều nhất {most} tổ kiểm phiếu (đã ghi {tables}).",
        "At most {most} count tables (you gave {tables}).",
    ),
    "tables_more_than_sheets": (
        "Không thể chia {collected} phiếu thu vào cho {tables} tổ kiểm phiếu.",
        "{collected} ballots collected cannot be split between {tables} count tables.",
    ),
    "table_team_repeated": (
        "Tổ nhập {team} đã thuộc Tổ {table}, không thể thuộc thêm Tổ {other}.",
        "Entry team {team} is at table {table}; it cannot also be at table {other}.",
    ),
    "table_beyond_collected": (
        "Tổ {table} có phiếu số {sheet}, vượt quá số phiếu thu vào ({collected}).",
        "Table {table} holds ballot {sheet}, beyond the ballots collected ({collected}).",
    ),
    "table_sheet_repeated": (
        "Phiếu số {sheet} thuộc cả Tổ {table} và Tổ {other}.",
        "Ballot {sheet} is in both table {table} and table {other}.",
    ),
    "table_team_missing": (
        (
            "Tổ nhập {team} chưa thuộc tổ kiểm phiếu nào (các tổ nhập được đánh số 1–{teams}, "
            "mỗi tổ nhập thuộc đúng một tổ kiểm phiếu)."
        ),
        (
            "Entry team {team} is at no count table (entry teams are numbered 1–{teams}, each at "
            "exactly one table)."
        ),
    ),
    "table_sheets_uncovered": (
        "Phiếu số {sheets} chưa thuộc tổ kiểm phiếu nào.",
        "Ballots {sheets} are at no count table.",
    ),
    "sheet_other_table": (
        (
            "Phiếu số {sheet} thuộc Tổ {table} (phiếu {range}); "
            "tổ nhập {team} thuộc Tổ {own} (phiếu {own_range})."
        ),
        (
            "Ballot {sheet} belongs to table {table} (ballots {range}); "
            "entry team {team} is at table {own} (ballots {own_range})."
        ),
    ),
    "sheet_in_no_table": (
        (
            "Phiếu số {sheet} chưa thuộc tổ kiểm phiếu nào; "
            "tổ nhập {team} thuộc Tổ {own} (phiếu {own_range})."
        ),
        (
            "Ballot {sheet} is at no count table; entry team {team} is at table {own} "
            "(ballots {own_range})."
        ),
    ),
    "team_in_no_table": (
        "Tổ nhập {team} không thuộc tổ kiểm phiếu nào: trưởng ban kiểm phiếu cần chia lại.",
        "Entry team {team} is at no count table: the head of the board must set the tables again.",
    ),
    "table_strands_entry": (
        (
            "Tổ nhập {team} đã nhập phiếu số {sheet}; với cách chia này phiếu đó không thuộc tổ "
            "kiểm phiếu của tổ nhập {team}. Chưa thay đổi gì."
        ),
        (
            "Entry team {team} has already entered ballot {sheet}, which its table would no longer "
            "hold. Nothing was changed."
        ),
    ),
    "table_team_assigned": (
        (
            "{person} đang thuộc tổ nhập {team}, tổ này không có trong cách chia mới: hãy rút "
            "người này khỏi tổ nhập trước. Chưa thay đổi gì."
        ),
        (
            "{person} is on entry team {team}, which the new tables do not have: take them off "
            "that team first. Nothing was changed."
        ),
    ),
    "table_entries_incomplete": (
        "Tổ {table} (phiếu {range}): tổ nhập {team} mới nhập {entered}/{size} phiếu.",
        "Table {table} (ballots {range}): entry team {team} has entered {entered}/{size}.",
    ),
    "scan_exceeds_table": (
        (
            "Đọc được {ballots} phiếu nhưng tổ nhập {team} chỉ còn {free} số phiếu trống trong "
            "Tổ {table} (phiếu {range}): chưa lưu gì."
        ),
        (
            "{ballots} ballots were read but entry team {team} has only {free} ballot numbers left "
            "at table {table} (ballots {range}): nothing was stored."
        ),
    ),
    "no_free_sheet_table": (
        (
            "Tổ nhập {team} đã có đủ phiếu của Tổ {table} (phiếu {range}): không còn số phiếu nào "
            "trống."
        ),
        (
            "Entry team {team} already has every ballot of table {table} (ballots {range}): no "
            "ballot number is left."
        ),
    ),
}


def table_phrase(table: Mapping[str, object], lang: str) -> str:
    """One table as the audit log says it: «Tổ 1: phiếu 1–116, tổ nhập 1, 2»."""
    teams = ", ".join(str(t) for t in table.get("teams", []))  # type: ignore[attr-defined]
    template = (
        "table {number}: ballots {sheets}, entry teams {teams}"
        if lang == "en"
        else "Tổ {number}: phiếu {sheets}, tổ nhập {teams}"
    )
    return fill(
        template, {"number": table.get("number"), "sheets": table.get("sheets"), "teams": teams}
    )
