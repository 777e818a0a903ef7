"""The words of count tables (tổ kiểm phiếu): why a table or an entry is refused, and a table
as the audit log and the screens name it. A count table is «Tổ kiểm phiếu 1» (never a bare
«Tổ 1»), an entry team «nhóm nhập 1» (English: count table 1, entry team 1)."""

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
        "Phiếu số {sheet} được ghi hai lần cho cùng một tổ kiểm phiếu.",
        "Ballot {sheet} is written twice for the same table.",
    ),
    "sheets_empty": (
        "Chưa ghi số phiếu của tổ kiểm phiếu.",
        "The table's ballot numbers are missing.",
    ),
    "teams_malformed": (
        "«{token}» không phải số của một nhóm nhập phiếu.",
        "«{token}» is not the number of an entry team.",
    ),
    "teams_repeated": (
        "Nhóm nhập {team} được ghi hai lần.",
        "Entry team {team} is written twice.",
    ),
    "table_team_count": (
        (
            "Tổ kiểm phiếu {table} có {teams} nhóm nhập phiếu: mỗi tổ kiểm phiếu cần hai "
            "hoặc ba nhóm nhập "
            "(mỗi phiếu được nhập lặp bởi những người khác nhau)."
        ),
        (
            "Count table {table} has {teams} entry teams: each count table needs two or three "
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
        (
            "Nhóm nhập {team} đã thuộc Tổ kiểm phiếu {table}, không thể thuộc thêm Tổ kiểm phiếu "
            "{other}."
        ),
        "Entry team {team} is at count table {table}; it cannot also be at count table {other}.",
    ),
    "table_beyond_collected": (
        "Tổ kiểm phiếu {table} có phiếu số {sheet}, vượt quá số phiếu thu vào ({collected}).",
        "Count table {table} holds ballot {sheet}, beyond the ballots collected ({collected}).",
    ),
    "table_sheet_repeated": (
        "Phiếu số {sheet} thuộc cả Tổ kiểm phiếu {table} và Tổ kiểm phiếu {other}.",
        "Ballot {sheet} is in both count table {table} and count table {other}.",
    ),
    "table_team_missing": (
        (
            "Nhóm nhập {team} chưa thuộc tổ kiểm phiếu nào (các nhóm nhập được đánh số 1–{teams}, "
            "mỗi nhóm nhập thuộc đúng một tổ kiểm phiếu)."
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
            "Phiếu số {sheet} thuộc Tổ kiểm phiếu {table} (phiếu {range}); "
            "nhóm nhập {team} thuộc Tổ kiểm phiếu {own} (phiếu {own_range}). "
            "Hãy xem lại số ghi trên tờ phiếu: nếu đúng là phiếu số {sheet}, chuyển tờ phiếu "
            "cho Tổ kiểm phiếu {table}."
        ),
        (
            "Ballot {sheet} belongs to count table {table} (ballots {range}); "
            "entry team {team} is at count table {own} (ballots {own_range}). "
            "Check the number written on the paper: if it is ballot {sheet}, hand the paper to "
            "count table {table}."
        ),
    ),
    "sheet_in_no_table": (
        (
            "Phiếu số {sheet} chưa thuộc tổ kiểm phiếu nào; "
            "nhóm nhập {team} thuộc Tổ kiểm phiếu {own} (phiếu {own_range}). "
            "Hãy xem lại số ghi trên tờ phiếu, và báo trưởng ban kiểm phiếu nếu số đó đúng."
        ),
        (
            "Ballot {sheet} is at no count table; entry team {team} is at count table {own} "
            "(ballots {own_range}). Check the number written on the paper, and tell the head of "
            "the counting board if it is right."
        ),
    ),
    "team_in_no_table": (
        "Nhóm nhập {team} không thuộc tổ kiểm phiếu nào: trưởng ban kiểm phiếu cần chia lại.",
        "Entry team {team} is at no count table: the head of the board must set the tables again.",
    ),
    "table_strands_entry": (
        (
            "Nhóm nhập {team} đã nhập phiếu số {sheet}; với cách chia này phiếu đó không thuộc tổ "
            "kiểm phiếu của nhóm nhập {team}. Chưa thay đổi gì."
        ),
        (
            "Entry team {team} has already entered ballot {sheet}, which its table would no longer "
            "hold. Nothing was changed."
        ),
    ),
    "table_team_assigned": (
        (
            "{person} đang thuộc nhóm nhập {team}, nhóm này không có trong cách chia mới: hãy rút "
            "người này khỏi nhóm nhập trước. Chưa thay đổi gì."
        ),
        (
            "{person} is on entry team {team}, which the new tables do not have: take them off "
            "that team first. Nothing was changed."
        ),
    ),
    "table_entries_incomplete": (
        "Tổ kiểm phiếu {table} (phiếu {range}): nhóm nhập {team} mới nhập {entered}/{size} phiếu.",
        "Count table {table} (ballots {range}): entry team {team} has entered {entered}/{size}.",
    ),
    "scan_exceeds_table": (
        (
            "Đọc được {ballots} phiếu nhưng nhóm nhập {team} chỉ còn {free} số phiếu trống trong "
            "Tổ kiểm phiếu {table} (phiếu {range}): chưa lưu gì."
        ),
        (
            "{ballots} ballots were read but entry team {team} has only {free} ballot numbers left "
            "at count table {table} (ballots {range}): nothing was stored."
        ),
    ),
    "no_free_sheet_table": (
        (
            "Nhóm nhập {team} đã có đủ phiếu của Tổ kiểm phiếu {table} (phiếu {range}): "
            "không còn số phiếu nào "
            "trống."
        ),
        (
            "Entry team {team} already has every ballot of count table {table} (ballots "
            "{range}): no "
            "ballot number is left."
        ),
    ),
}


def table_phrase(table: Mapping[str, object], lang: str) -> str:
    """One table as the audit log says it: «Tổ kiểm phiếu 1: phiếu 1–116, nhóm nhập 1, 2»."""
    teams = ", ".join(str(t) for t in table.get("teams", []))  # type: ignore[attr-defined]
    template = (
        "count table {number}: ballots {sheets}, entry teams {teams}"
        if lang == "en"
        else "Tổ kiểm phiếu {number}: phiếu {sheets}, nhóm nhập {teams}"
    )
    return fill(
        template, {"number": table.get("number"), "sheets": table.get("sheets"), "teams": teams}
    )
