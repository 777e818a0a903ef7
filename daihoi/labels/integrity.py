"""What `daihoi verify`, the result page and the projector say when the record does not hold."""

from collections.abc import Mapping

from daihoi.labels.language import Label

INTEGRITY_FINDINGS: Mapping[str, Label] = {
    "event_edited": (
        "Sự kiện nhật ký số {number} đã bị sửa sau khi ghi",
        "Audit event {number} was changed after it was written",
    ),
    "event_unlinked": (
        (
            "Sự kiện nhật ký số {number} không nối tiếp sự kiện trước nó: "
            "có sự kiện đã bị xóa hoặc đổi chỗ"
        ),
        "Audit event {number} does not follow the event before it: an event was deleted or moved",
    ),
    "file_fingerprint": (
        "Tệp bầu cử đã khóa không còn đúng mã SHA-256 đã ghi",
        "The frozen election file no longer matches its recorded SHA-256",
    ),
    "file_unreadable": (
        "Không đọc được tệp bầu cử đã khóa",
        "The frozen election file cannot be read",
    ),
    "document_differs": (
        "Kết quả đã lưu khác với kết quả kiểm lại từ tệp bầu cử đã khóa",
        "The stored result differs from the recount of the frozen election file",
    ),
    "certification_missing": (
        (
            "Không tìm thấy sự kiện chứng nhận của kết quả này trong nhật ký, "
            "hoặc sự kiện đó ghi mã SHA-256 khác"
        ),
        (
            "The audit event certifying this result is missing from the log, "
            "or records another SHA-256"
        ),
    ),
    "entries_differ": (
        (
            "Phiếu nhập trong cơ sở dữ liệu khác với tệp bầu cử đã khóa: "
            "{missing} phiếu không còn, {extra} phiếu lạ"
        ),
        (
            "The ballot entries in the database differ from the frozen election file: "
            "{missing} ballots gone, {extra} ballots not in it"
        ),
    ),
    "entries_count": (
        "Nhóm nhập {team} có {entered} phiếu, khác số phiếu thu về ({collected})",
        "Entry team {team} has {entered} ballots, not the {collected} collected",
    ),
    "differences_reopened": (
        "{count} phiếu có chênh lệch giữa các nhóm nhập mà không có quyết định",
        "{count} ballots differ between entry teams with no ruling",
    ),
    "orphan_file": (
        "Tệp không thuộc hồ sơ nào: {file} (đã {minutes} phút)",
        "File no record refers to: {file} ({minutes} minutes old)",
    ),
}
