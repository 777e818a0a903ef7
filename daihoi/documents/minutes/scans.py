"""The minutes' scan paragraphs: how the ballots were read, the reading rules applied, the
board's two-member confirmations and its hand check against paper (omr.md §5.4)."""

from collections.abc import Mapping, Sequence
from typing import Any

from daihoi.core.vi.formatting import format_int


def scan_sentences(scans: Mapping[str, Any] | None) -> list[str]:
    """How the ballots were read when some were scanned, and the reading rules applied
    (open-points.md OPEN-OMR-1…3: "printed in the minutes"), the two members who confirmed
    each decision and the hand checks (omr.md §5.4)."""
    if not scans:
        return []
    stray = f"{scans['stray_ink_max_mm']:g}".replace(".", ",")
    partial = str(scans.get("partial_strike", "review"))
    strike = (
        f"nét gạch qua chữ phủ từ {partial.removeprefix('covers_')}% họ và tên trở lên được tính "
        "là gạch tên theo quy định đại hội thông qua trước khi bầu; nét gạch ngắn hơn, "
        if partial.startswith("covers_")
        else "nét gạch không phủ hết họ và tên, "
    )
    inks = (
        "nhiều màu mực chỉ được ghi chú."
        if scans["mixed_ink"] == "warn"
        else "nhiều màu mực thì Ban kiểm phiếu xem xét."
    )
    confirmed = scans["confirmed"]
    two = scans.get("two_members", confirmed)
    # omr.md §5.4: two board members confirm each decision, the minutes say how many did
    both = (
        f" ({format_int(two)} quyết định do một thành viên đề xuất, một thành viên khác xác nhận)"
    )
    mixed = scans.get("mixed_ink_ballots", 0)
    return [
        (
            f"Phiếu quét: {format_int(scans['read'])} phiếu máy đọc tự động; "
            f"{format_int(confirmed)} phiếu Ban kiểm phiếu xem xét và quyết định"
            f"{both if confirmed else ''}; "
            f"{format_int(scans['rejected_pages'])} trang máy không đọc được (quét lại hoặc "
            "nhập tay)"
            + (f"; {format_int(mixed)} phiếu dùng nhiều loại mực" if mixed else "")
            + ". Tờ phiếu giấy là căn cứ."
        ),
        (
            f"Áp dụng khi đọc phiếu quét: {strike}gạch dưới, khoanh tròn, đánh dấu bên cạnh do "
            f"Ban kiểm phiếu quyết định; vết mực nhỏ hơn {stray} mm được bỏ qua, lớn hơn thì Ban "
            f"kiểm phiếu xem xét; {inks}"
        ),
        *spot_check_sentences(scans.get("spot_checks", [])),
    ]


def spot_check_sentences(checks: Sequence[Mapping[str, Any]]) -> list[str]:
    """The hand checks against paper (omr.md §5.4): the seed, the ballots checked and every
    difference found, settled or not (a settled difference stays in the minutes)."""
    paras = []
    for check in checks:
        differences = check.get("differences", [])
        if differences:
            sheets = ", ".join(
                f"số {d['sheet']}" + ("" if d.get("settled") else " (chưa giải quyết)")
                for d in differences
            )
            found = f"phát hiện {format_int(len(differences))} phiếu khác bản máy đọc: {sheets}"
            if all(d.get("settled") for d in differences):
                found += "; Trưởng ban kiểm phiếu đã ghi nội dung theo phiếu giấy"
        else:
            found = "không phát hiện sai khác"
        paras.append(
            "Kiểm tra ngẫu nhiên phiếu giấy so với bản máy đọc: số ngẫu nhiên "
            f"{check['seed']} (gieo trước Ban kiểm phiếu); rút "
            f"{format_int(check['drawn'])} trong {format_int(check['population'])} phiếu "
            f"quét, đã đối chiếu {format_int(check['checked'])} phiếu; {found}."
        )
    return paras
