"""Words of the scanner: pages not read, doubts sent to the board, marks, states."""

from collections.abc import Mapping

from daihoi.labels.language import Label

#: Why a scanned page is not read (omr.reading.Rejection, and the batch's own checks)
SCAN_REJECTIONS: Mapping[str, Label] = {
    "not_an_image": (
        "không phải ảnh quét (JPEG, PNG, TIFF) hay tệp PDF đọc được",
        "not a readable scan (JPEG, PNG, TIFF) or PDF file",
    ),
    "blank_page": ("trang trắng", "a blank page"),
    "no_marks": (
        "không thấy các dấu định vị ở bốn góc: không phải phiếu bầu, hoặc bị cắt mất góc",
        "the corner registration marks are not found: not a ballot, or a corner is cut off",
    ),
    "marks_unreadable": (
        "phiếu bầu nhưng không đọc được dấu định vị ở các góc (bị che, rách, in lệch): nhập tay",
        "a ballot whose corner marks cannot be read (covered, torn, printed off): enter by hand",
    ),
    "bad_geometry": (
        "phiếu bị méo hoặc in sai tỷ lệ (cần in đúng 100 %)",
        "the page is distorted or printed at the wrong scale (print at 100 %)",
    ),
    "no_code": ("không đọc được mã QR của phiếu", "the ballot's QR code cannot be read"),
    "other_ballot": (
        "phiếu của cuộc bầu cử, lần bầu hoặc danh sách khác",
        "a ballot of another election, round or list",
    ),
    "rehearsal_ballot": (
        "phiếu diễn tập không được tính trong lần bầu chính thức (hoặc ngược lại)",
        "a rehearsal ballot cannot count in an official vote (or the other way round)",
    ),
    "failed": (
        "không đọc được trang này: nhập tay hoặc quét lại",
        "this page could not be read: enter it by hand or scan it again",
    ),
    "duplicate": (
        "ảnh này đã được quét rồi (trùng SHA-256): không tính lần hai",
        "this image was already scanned (same SHA-256): not counted twice",
    ),
    "incomplete_pair": (
        "phiếu in hai mặt thiếu một mặt (cần trang 1/2 rồi 2/2 liền nhau)",
        "a two-sided ballot with a side missing (pages 1/2 and 2/2 must follow each other)",
    ),
}


#: Why the scanner sends a row or a ballot to the counting board (omr.reading.Doubt)
SCAN_DOUBTS: Mapping[str, Label] = {
    "partial_strike": (
        "nét gạch không phủ hết họ và tên",
        "a stroke that does not cover the whole name",
    ),
    "off_name_line": (
        "nét kẻ trên hoặc dưới tên, không qua chữ",
        "a line above or below the name, not through it",
    ),
    "mark_beside_name": (
        "dấu bên cạnh tên (khoanh, tích, chấm)",
        "a mark beside the name (circle, tick, dot)",
    ),
    "ink_from_neighbour": ("nét mực lấn từ dòng bên cạnh", "a stroke from a neighbouring row"),
    "box_faint": (
        "ô có ít mực, chưa rõ là đánh dấu",
        "a box with a little ink, not clearly marked",
    ),
    "name_marked_on_box_ballot": (
        "tên bị gạch trên phiếu đồng ý/không đồng ý",
        "a name struck on an agree/disagree ballot",
    ),
    "extra_ink": (
        "có chữ viết hoặc dấu ngoài các dòng (ghi thêm tên, ký tên, đánh dấu?)",
        "writing or marks outside the rows (a name added, a signature, a mark?)",
    ),
    "no_stamp": (
        "không thấy dấu của Ban kiểm phiếu ở góc trên bên trái",
        "no counting-board stamp in the upper-left corner",
    ),
    "mixed_ink": ("dùng nhiều loại mực", "more than one ink"),
}


#: A row's mark as the reader or the board gives it (R9)
SCAN_MARKS: Mapping[str, Label] = {
    "kept": ("giữ tên", "kept"),
    "struck": ("gạch tên", "struck"),
    "agree": ("đồng ý", "agree"),
    "disagree": ("không đồng ý", "disagree"),
    "both": ("đánh dấu cả hai ô", "both boxes"),
    "none": ("không đánh dấu ô nào", "no box"),
    "review": ("cần xem xét", "to review"),
}


#: What became of a scanned ballot
SCAN_STATES: Mapping[str, Label] = {
    "read": ("đọc tự động", "read automatically"),
    "review": ("chờ Ban kiểm phiếu xem xét", "waiting for the counting board"),
    "confirmed": ("Ban kiểm phiếu đã quyết định", "decided by the counting board"),
    "rejected": ("không đọc được", "rejected"),
}
