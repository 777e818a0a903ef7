"""Problems of an imported workbook (the register, a candidate list), named by code.

The row and column are put in front by the reader ("Dòng 7, cột Ngày sinh: …"); dates are given
already written as dd/mm/yyyy.
"""

from collections.abc import Mapping

from daihoi.labels.language import Label

IMPORT_PROBLEMS: Mapping[str, Label] = {
    "not_xlsx": (
        "Tệp không phải Excel (.xlsx) hoặc bị hỏng; hãy lưu lại bằng Excel dạng .xlsx.",
        "The file is not an Excel workbook (.xlsx) or is damaged; save it again as .xlsx.",
    ),
    "empty_workbook": (
        "Tệp Excel trống: không trang tính nào có dữ liệu.",
        "The workbook is empty: no sheet holds data.",
    ),
    "no_header": (
        "Không tìm thấy dòng tiêu đề ở trang tính nào; danh sách cần các cột: {expected}.",
        "No header row found on any sheet; the list needs the columns: {expected}.",
    ),
    "missing_column": (
        "Dòng {row}: thiếu cột bắt buộc «{column}»",
        "Row {row}: required column «{column}» is missing",
    ),
    "missing_name": ("thiếu họ và tên", "the name is missing"),
    "missing_date": ("chưa ghi ngày", "the date is missing"),
    "missing_value": (
        "chưa ghi (chỉ nhận: {allowed})",
        "the value is missing (allowed: {allowed})",
    ),
    "impossible_date": (
        "ngày không hợp lệ «{value}» (ghi dạng ngày/tháng/năm, ví dụ 07/06/1970)",
        "impossible date «{value}» (write day/month/year, e.g. 07/06/1970)",
    ),
    "unknown_value": (
        "giá trị «{value}» không hợp lệ (chỉ nhận: {allowed})",
        "unknown value «{value}» (allowed: {allowed})",
    ),
    "birth_date_in_future": (
        "ngày sinh {born} sau ngày {on}",
        "birth date {born} is after {on}",
    ),
    "too_young": (
        "sinh ngày {born}, chưa đủ 18 tuổi vào ngày {on}",
        "born {born}, under 18 on {on}",
    ),
    "duplicate_person": (
        "«{name}» sinh {born} đã có ở dòng {first}; dòng {first} và dòng {row} là cùng một người",
        (
            "«{name}» born {born} is already on row {first}; rows {first} and {row} are the same "
            "person"
        ),
    ),
    "impossible_party_date": (
        "ngày vào Đảng {joined} trước khi đủ 18 tuổi (sinh {born})",
        "joined the Party on {joined}, before turning 18 (born {born})",
    ),
    "party_date_after_congress": (
        "ngày vào Đảng {joined} sau ngày {on}",
        "joined the Party on {joined}, after {on}",
    ),
    "unknown_unit": (
        "đơn vị «{unit}» không có trong danh sách đơn vị của đại hội",
        "unit «{unit}» is not one of the congress's units",
    ),
    "birth_date_differs_from_register": (
        (
            "«{name}» có trong danh sách đại biểu nhưng với ngày sinh {dates} (dòng {rows}), "
            "không phải {born}; nếu là cùng một người, hãy sửa ngày sinh"
        ),
        (
            "«{name}» is in the register born {dates} (rows {rows}), not {born}; if this is the "
            "same person, correct the birth date"
        ),
    ),
    "birth_date_differs_from_stored": (
        (
            "«{name}» có trong danh sách đại biểu nhưng với ngày sinh {dates}, không phải "
            "{born}; nếu là cùng một người, hãy sửa ngày sinh"
        ),
        (
            "«{name}» is in the register born {dates}, not {born}; if this is the same person, "
            "correct the birth date"
        ),
    ),
    "too_many_rows": (
        (
            "Tệp có hơn {limit} dòng dữ liệu: một đại hội có nhiều nhất vài nghìn người, "
            "chương trình đọc tối đa {limit} dòng; hãy kiểm tra trang tính đầu tiên "
            "(có thể lẫn dữ liệu khác) hoặc chia tệp"
        ),
        (
            "The file has more than {limit} data rows: a congress has at most a few thousand "
            "people, and at most {limit} rows are read; check the first sheet (other data may be "
            "mixed in) or split the file"
        ),
    ),
    "sheet_too_large": (
        (
            "Trang tính quá lớn: chương trình chỉ đọc tối đa {rows} dòng, {columns} cột và "
            "{megabytes} MB dữ liệu giải nén; hãy xóa các dòng, cột thừa (kể cả ô trống đã định "
            "dạng) rồi lưu lại"
        ),
        (
            "The sheet is too large: at most {rows} rows, {columns} columns and {megabytes} MB "
            "of unpacked data are read; delete the extra rows and columns (formatted empty cells "
            "too) and save again"
        ),
    ),
    "hidden_character": (
        (
            "có ký tự ẩn hoặc ký tự điều khiển ({character}) không được phép trong tên; "
            "hãy gõ lại ô này"
        ),
        "holds a hidden or control character ({character}), not allowed in a name; retype the cell",
    ),
    "formula_text": (
        ("«{value}» là công thức hoặc bắt đầu bằng dấu = + - @, không phải tên người; hãy gõ tên"),
        "«{value}» is a formula or starts with = + - @, not a person's name; type the name",
    ),
    "too_long": (
        "dài {length} ký tự, tối đa {limit} ký tự",
        "is {length} characters long, at most {limit}",
    ),
    "only_choices": ("Chỉ nhận: {allowed}", "Only: {allowed}"),
    "sheet_not_read": (
        "Trang «{sheet}» không có dòng tiêu đề của danh sách nên không được đọc",
        "Sheet «{sheet}» has no header row of a list, so it was not read",
    ),
    "heading_row": (
        (
            "dòng «{text}» được hiểu là tiêu đề mục, không phải một người; nếu là một người, "
            "hãy ghi đủ các cột"
        ),
        "«{text}» is read as a heading, not a person; if it is a person, fill in the other columns",
    ),
    "date_order_month_first": (
        (
            "các ngày ghi dạng chữ chỉ đọc được theo tháng/ngày/năm (máy đặt kiểu Mỹ?); "
            "chương trình đọc theo tháng/ngày: hãy kiểm tra và chọn cách đọc"
        ),
        (
            "the dates typed as text only read as month/day/year (a US-locale machine?); they "
            "are read month first: check them and choose the order"
        ),
    ),
    "date_order_mixed": (
        (
            "cột lẫn ô kiểu ngày với ngày ghi dạng chữ (có thể do máy đặt kiểu ngày khác); "
            "hãy kiểm tra cách đọc ngày/tháng"
        ),
        (
            "the column mixes date cells with dates typed as text (perhaps from a machine set "
            "to another date order); check how day and month are read"
        ),
    ),
    "born_under_both": (
        "có ngày sinh ở cả hai cột {columns}; chỉ ghi ở cột Nam hoặc cột Nữ",
        "has a birth date under both {columns}; write it under Nam or under Nữ only",
    ),
    "official_before_joining": (
        "ngày chính thức {official} trước ngày vào Đảng {joined}",
        "became an official member on {official}, before joining on {joined}",
    ),
    "birth_year_only": (
        (
            "{count} người chỉ ghi năm sinh, được lưu là ngày 01/01 của năm đó; các điều kiện "
            "về tuổi cần ngày sinh đầy đủ"
        ),
        (
            "{count} people have a birth year only, stored as 1 January of that year; age "
            "cut-offs need the full birth date"
        ),
    ),
    "not_in_register": (
        "«{name}» không có trong danh sách đại biểu (cùng họ tên và ngày sinh)",
        "«{name}» is not in the register of delegates (same name and birth date)",
    ),
    "already_stored": (
        "«{name}» sinh {born} đã có trong danh sách đại biểu của đại hội",
        "«{name}» born {born} is already in the congress's register",
    ),
}
