"""Builds the hold-out corpus of office-style delegate registers (issue 13).

Written without reading the reader (daihoi/imports) or the first corpus, so that the two do not
share blind spots: the forms imitate what Party offices of other sectors make (armed forces, a
university, a company, wards and communes), with their own title blocks, header wordings and
shorthand. Every workbook is written from canonical records; the raw cells are derived from them
by each office's habits (capitals, NFD, new tone placement, text dates, m/d order, serials), and
the expected file is written from the same records, so the two cannot drift apart.

Run: tools/uv run python tests/imports/corpus_holdout/make_corpus.py (needs soffice for the .xls
and the LibreOffice-saved .xlsx). Deterministic: same data on every run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).resolve().parent
FIXED = datetime(2025, 5, 12, 8, 0, 0)  # noqa: DTZ001 - workbook metadata is naive
BOLD = Font(bold=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


@dataclass
class P:
    """A canonical delegate: what must be stored (names already NFC, old tone placement)."""

    name: str
    born: date
    gender: str
    kind: str = ""
    joined: date | None = None
    official: date | None = None
    theory: str = ""
    education: str = ""
    position: str = ""
    unit: str = ""
    ethnicity: str = "Kinh"
    incumbent: bool = False
    year_only: bool = False
    standing: str = "official"
    delegation: str = ""

    def record(self) -> dict[str, Any]:
        def iso(d: date | None) -> str | None:
            return d.isoformat() if d else None

        born = date(self.born.year, 1, 1) if self.year_only else self.born
        return {
            "full_name": self.name,
            "birth_date": born.isoformat(),
            "birth_year_only": self.year_only,
            "gender": self.gender,
            "kind": self.kind,
            "standing": self.standing,
            "delegation": self.delegation,
            "party_joined_on": iso(self.joined),
            "party_official_on": iso(self.official),
            "political_theory": self.theory,
            "education": self.education,
            "position": self.position,
            "unit": self.unit,
            "ethnicity": self.ethnicity,
            "incumbent": self.incumbent,
        }


@dataclass
class Out:
    """The expected file, filled in while a workbook is written."""

    name: str
    form: str
    accept: bool = True
    records: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    refuse: list[str] = field(default_factory=list)


class Sheet:
    """Writes rows top to bottom and remembers the row number of each."""

    def __init__(self, ws: Worksheet, width: int) -> None:
        self.ws, self.width, self.r = ws, width, 1

    def row(
        self, values: list[Any], *, bold: bool = False, fmt: dict[int, str] | None = None
    ) -> int:
        for c, v in enumerate(values, start=1):
            if v is None or v == "":
                continue
            cell = self.ws.cell(row=self.r, column=c, value=v)
            if bold:
                cell.font, cell.alignment = BOLD, CENTER
            if fmt and c in fmt:
                cell.number_format = fmt[c]
        self.r += 1
        return self.r - 1

    def banner(self, text: str, *, bold: bool = True, first: int = 1, last: int = 0) -> int:
        """A line merged across the table (title, section, delegation, totals)."""
        r = self.row([""] * (first - 1) + [text], bold=bold)
        self.ws.merge_cells(
            start_row=r, start_column=first, end_row=r, end_column=last or self.width
        )
        return r

    def merge(self, r1: int, c1: int, r2: int, c2: int) -> None:
        self.ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)

    def blank(self, n: int = 1) -> None:
        self.r += n

    def title_block(self, left: list[str], right: list[str], title: list[str], split: int) -> None:
        for i in range(max(len(left), len(right))):
            r = self.r
            if i < len(left):
                self.ws.cell(row=r, column=1, value=left[i]).font = BOLD
                self.merge(r, 1, r, split)
            if i < len(right):
                self.ws.cell(row=r, column=split + 1, value=right[i]).font = BOLD
                self.merge(r, split + 1, r, self.width)
            self.r += 1
        for line in title:
            self.banner(line)

    def signature(self, lines: list[str], col: int) -> None:
        self.blank()
        for line in lines:
            self.row([""] * (col - 1) + [line], bold=True)


# ---- how offices write values
def dmy(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def dmy_short(d: date) -> str:
    return f"{d.day}/{d.month}/{d.year % 100:02d}"


def dotted(d: date) -> str:
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def mdy(d: date) -> str:
    return f"{d.month}/{d.day}/{d.year}"


def serial(d: date) -> int:
    return (d - date(1899, 12, 30)).days


NEW_TONES = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "ủy": "uỷ", "úy": "uý"}
NEW_TONES |= {"ùy": "uỳ", "ũy": "uỹ", "ụy": "uỵ", "òe": "oè", "óe": "oé", "ỏe": "oẻ", "ọe": "oẹ"}


def new_style(name: str) -> str:
    for old, new in NEW_TONES.items():
        name = name.replace(old, new)
    return name


def nfd_all(ws: Worksheet) -> None:
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.value = unicodedata.normalize("NFD", cell.value)


SIGN = ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "(Đã ký)", ""]
D = date


# ---- 1. armed forces, three-row header
def quan_su(out: Out) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Trích ngang"
    s = Sheet(ws, 11)
    s.title_block(
        ["ĐẢNG BỘ TỈNH NGHỆ AN", "ĐẢNG ỦY QUÂN SỰ TỈNH", "*"],
        ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Nghệ An, ngày 20 tháng 5 năm 2025"],
        [
            "DANH SÁCH TRÍCH NGANG ĐẠI BIỂU DỰ ĐẠI HỘI ĐẠI BIỂU",
            "ĐẢNG BỘ QUÂN SỰ TỈNH NGHỆ AN LẦN THỨ XVI, NHIỆM KỲ 2025 – 2030",
            "(Kèm theo Báo cáo số 112-BC/ĐU ngày 20/5/2025 của Đảng ủy Quân sự tỉnh)",
        ],
        split=4,
    )
    s.blank()
    h1 = s.row(
        [
            "TT",
            "Họ và tên",
            "Ngày, tháng, năm sinh",
            "",
            "Cấp bậc",
            "Chức vụ, đơn vị công tác",
            "Đảng viên",
            "",
            "Trình độ",
            "",
            "Dân tộc",
            "Ghi chú",
        ],
        bold=True,
    )
    s.row(
        [
            "",
            "",
            "Nam",
            "Nữ",
            "",
            "",
            "Ngày vào Đảng",
            "",
            "Chuyên môn, nghiệp vụ",
            "Lý luận chính trị",
        ],
        bold=True,
    )
    s.row(["", "", "", "", "", "", "Dự bị", "Chính thức"], bold=True)
    for c in (1, 2, 5, 6, 11, 12):
        s.merge(h1, c, h1 + 2, c)
    s.merge(h1, 3, h1, 4)
    s.merge(h1, 7, h1, 8)
    s.merge(h1 + 1, 7, h1 + 1, 8)
    s.merge(h1, 9, h1, 10)
    for c in (3, 4, 9, 10):
        s.merge(h1 + 1, c, h1 + 2, c)
    s.width = 12
    s.row([f"({i})" for i in range(1, 13)])
    u = "Bộ Chỉ huy Quân sự tỉnh"
    rows: list[tuple[str, P, str, str]] = [
        (
            "I",
            P(
                "Lê Văn Thành",
                D(1971, 4, 18),
                "male",
                "ex_officio",
                D(1992, 9, 2),
                D(1993, 9, 2),
                "Cao cấp",
                "Cử nhân Khoa học quân sự",
                "Chỉ huy trưởng",
                u,
            ),
            "Đại tá",
            "",
        ),
        (
            "I",
            P(
                "Hồ Đức Thuận",
                D(1974, 11, 3),
                "male",
                "ex_officio",
                D(1995, 3, 26),
                D(1996, 3, 26),
                "Cao cấp",
                "Thạc sĩ Xây dựng Đảng",
                "Chính ủy",
                u,
            ),
            "Đại tá",
            "",
        ),
        (
            "II",
            P(
                "Vi Văn Sơn",
                D(1980, 2, 29),
                "male",
                "elected",
                D(2003, 5, 19),
                D(2004, 5, 19),
                "Trung cấp",
                "Cử nhân Quân sự",
                "Chỉ huy trưởng",
                "Ban Chỉ huy Quân sự huyện Kỳ Sơn",
                "Thái",
            ),
            "Trung tá",
            "",
        ),
        (
            "II",
            P(
                "Nguyễn Thị Hoài",
                D(1985, 12, 24),
                "female",
                "elected",
                D(2007, 1, 8),
                D(2008, 1, 8),
                "Trung cấp",
                "Cử nhân Tài chính",
                "Trợ lý Tài chính",
                "Phòng Hậu cần – Kỹ thuật",
            ),
            "Thiếu tá",
            "",
        ),
        (
            "II",
            P(
                "Lô Thanh Bình",
                D(1983, 7, 9),
                "male",
                "elected",
                D(2005, 6, 12),
                D(2006, 6, 12),
                "Trung cấp",
                "Cử nhân Quân sự",
                "Phó Chỉ huy trưởng",
                "Ban Chỉ huy Quân sự huyện Quế Phong",
                "Thái",
            ),
            "Thiếu tá",
            "Đã thay",
        ),
        (
            "II",
            P(
                "Trần Quốc Khánh",
                D(1990, 9, 2),
                "male",
                "elected",
                D(2012, 9, 2),
                D(2013, 9, 2),
                "Sơ cấp",
                "Kỹ sư Thông tin",
                "Trạm trưởng",
                "Trạm Thông tin, Phòng Tham mưu",
            ),
            "Đại úy",
            "",
        ),
        (
            "II",
            P(
                "Phan Thị Thu Hằng",
                D(1988, 3, 15),
                "female",
                "elected",
                D(2010, 3, 26),
                D(2011, 3, 26),
                "",
                "Bác sĩ Đa khoa",
                "Chủ nhiệm Quân y",
                "Phòng Hậu cần – Kỹ thuật",
            ),
            "Thiếu tá",
            "",
        ),
    ]
    section = ""
    n = 0
    for sec, p, rank, note in rows:
        if sec != section:
            section = sec
            text = "I. ĐẠI BIỂU ĐƯƠNG NHIÊN" if sec == "I" else "II. ĐẠI BIỂU ĐƯỢC BẦU"
            s.ws.cell(row=s.r, column=2, value=text).font = BOLD
            s.r += 1
        n += 1
        male = p.gender == "male"
        r = s.row(
            [
                n,
                p.name,
                p.born if male else "",
                "" if male else p.born,
                rank,
                f"{p.position}, {p.unit}",
                p.joined,
                p.official,
                p.education,
                p.theory,
                p.ethnicity,
                note,
            ],
            fmt={3: "dd/mm/yyyy", 4: "dd/mm/yyyy", 7: "dd/mm/yyyy", 8: "dd/mm/yyyy"},
        )
        if note == "Đã thay":
            s.ws.row_dimensions[r].hidden = True
            out.skipped.append({"sheet": ws.title, "row": r, "why": "hidden"})
            n -= 1
        else:
            out.records.append(p.record())
    s.banner(f"Tổng cộng: {n} đồng chí", bold=True, first=1, last=4)
    s.signature([*SIGN, "Đại tá Hồ Đức Thuận"], col=9)
    return wb


# ---- 2. university, notes sheet, year-only
def dai_hoc(out: Out) -> Workbook:
    wb = Workbook()
    notes = wb.active
    assert notes is not None
    notes.title = "Hướng dẫn"
    for i, line in enumerate(
        [
            "HƯỚNG DẪN LẬP DANH SÁCH TRÍCH NGANG",
            "1. Mỗi đồng chí ghi một dòng; họ và tên đệm, tên ghi riêng hai cột.",
            "2. Cột Năm sinh ghi năm (theo hồ sơ đảng viên).",
            "3. Cột Loại ĐB ghi: Đương nhiên hoặc Được bầu.",
            "4. Ủy viên BCH khóa trước đánh dấu x.",
            "Gửi về Văn phòng Đảng ủy trước ngày 30/5/2025.",
        ],
        start=1,
    ):
        notes.cell(row=i, column=1, value=line)
    ws = wb.create_sheet("Danh sách")
    s = Sheet(ws, 12)
    s.title_block(
        ["ĐẢNG BỘ ĐẠI HỌC BÁCH KHOA HÀ NỘI"],
        ["ĐẢNG CỘNG SẢN VIỆT NAM"],
        ["DANH SÁCH ĐẠI BIỂU CHÍNH THỨC DỰ ĐẠI HỘI ĐẢNG BỘ ĐẠI HỌC LẦN THỨ XXXIV (2025 - 2030)"],
        split=5,
    )
    s.banner("Hà Nội, tháng 6 năm 2025", bold=False, first=8, last=12)
    s.row(
        [
            "STT",
            "Họ và tên đệm",
            "Tên",
            "Năm sinh",
            "Giới tính",
            "Chức vụ",
            "Đơn vị",
            "Học hàm, học vị",
            "LLCT",
            "Loại ĐB",
            "Ủy viên BCH khóa trước",
            "Ghi chú",
        ],
        bold=True,
    )
    s.row(list(range(1, 13)))
    groups: list[tuple[str, list[tuple[P, Any]]]] = [
        (
            "Đoàn đại biểu số 1 – Đảng ủy Trường Cơ khí",
            [
                (
                    P(
                        "Nguyễn Văn Hùng",
                        D(1968, 1, 1),
                        "male",
                        "ex_officio",
                        theory="Cao cấp",
                        education="PGS.TS Cơ khí",
                        position="Hiệu trưởng",
                        unit="Trường Cơ khí",
                        incumbent=True,
                    ),
                    1968,
                ),
                (
                    P(
                        "Trần Thị Hương Giang",
                        D(1979, 1, 1),
                        "female",
                        "elected",
                        theory="Cử nhân",
                        education="TS Cơ học",
                        position="Trưởng khoa",
                        unit="Khoa Cơ học kỹ thuật",
                    ),
                    "1979",
                ),
            ],
        ),
        (
            "Đoàn đại biểu số 2 – Đảng ủy Trường Điện – Điện tử",
            [
                (
                    P(
                        "Phạm Minh Tuấn",
                        D(1975, 1, 1),
                        "male",
                        "elected",
                        theory="Cao cấp",
                        education="GS.TS Điện",
                        position="Phó Hiệu trưởng",
                        unit="Trường Điện – Điện tử",
                        incumbent=True,
                    ),
                    1975,
                ),
                (
                    P(
                        "Đặng Thúy Hạnh",
                        D(1986, 1, 1),
                        "female",
                        "elected",
                        theory="",
                        education="TS Điện tử viễn thông",
                        position="Giảng viên",
                        unit="Khoa Điện tử",
                    ),
                    1986,
                ),
                (
                    P(
                        "Hà Quang Khải",
                        D(2001, 1, 1),
                        "male",
                        "elected",
                        theory="Sơ cấp",
                        education="Sinh viên",
                        position="Bí thư Chi bộ sinh viên",
                        unit="Khoa Tự động hóa",
                    ),
                    2001,
                ),
            ],
        ),
        (
            "Đoàn đại biểu số 3 – Các chi bộ phòng, ban",
            [
                (
                    P(
                        "Bùi Thị Loan",
                        D(1972, 1, 1),
                        "female",
                        "ex_officio",
                        theory="Cao cấp",
                        education="Thạc sĩ Quản trị kinh doanh",
                        position="Chánh Văn phòng",
                        unit="Văn phòng Đại học",
                        incumbent=True,
                    ),
                    1972,
                ),
            ],
        ),
    ]
    n = 0
    for delegation, people in groups:
        s.banner(delegation, first=1)
        for p, year in people:
            n += 1
            p.year_only, p.delegation = True, delegation
            middle, _, given = p.name.rpartition(" ")
            kind = {"ex_officio": "Đương nhiên", "elected": "Được bầu"}[p.kind]
            theory = {"Cao cấp": "CC", "Cử nhân": "Cử nhân CT", "Sơ cấp": "SC", "": ""}[p.theory]
            sex = "Nam" if p.gender == "male" else "Nữ"
            s.row(
                [
                    n,
                    middle,
                    given,
                    year,
                    sex,
                    p.position,
                    p.unit,
                    p.education,
                    theory,
                    kind,
                    "x" if p.incumbent else "",
                    "",
                ]
            )
            out.records.append(p.record())
    s.blank()
    s.row(["", f"Danh sách này có {n} đồng chí."])
    s.signature(["T/M ĐẢNG ỦY", "BÍ THƯ", "", "Huỳnh Quyết Thắng"], col=9)
    summary = wb.create_sheet("Tổng hợp")
    for row in [
        ["Cơ cấu", "Số lượng", "Tỷ lệ"],
        ["Nữ", 3, "50%"],
        ["Đương nhiên", 2, "33%"],
        ["Tổng", 6, ""],
    ]:
        summary.append(row)
    out.warnings.append("year-only birth dates: every row of sheet 'Danh sách', column 'Năm sinh'")
    return wb


# ---- 3. company, one sheet per delegation, .xls
def cong_ty(out: Out) -> Workbook:
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    sheets: list[tuple[str, str, list[tuple[P, Callable[[date], str], str]]]] = [
        (
            "Đoàn 1",
            "Đoàn đại biểu số 1 – Đảng bộ Công ty Điện lực Hải Dương",
            [
                (
                    P(
                        "Vũ Đình Khoa",
                        D(1970, 6, 7),
                        "male",
                        "ex_officio",
                        D(1994, 2, 3),
                        D(1995, 2, 3),
                        "Cao cấp",
                        "Thạc sĩ Kỹ thuật điện",
                        "Giám đốc",
                        "Công ty Điện lực Hải Dương",
                    ),
                    dmy,
                    "",
                ),
                (
                    P(
                        "Đỗ Thị Thủy",
                        D(1981, 10, 21),
                        "female",
                        "elected",
                        D(2006, 5, 30),
                        D(2007, 5, 30),
                        "Trung cấp",
                        "Cử nhân Kế toán",
                        "Kế toán trưởng",
                        "Công ty Điện lực Hải Dương",
                    ),
                    dmy_short,
                    "",
                ),
                (
                    P(
                        "Ngô Văn Đạt",
                        D(1977, 3, 5),
                        "male",
                        "elected",
                        D(2000, 12, 22),
                        D(2001, 12, 22),
                        "Trung cấp",
                        "Kỹ sư Hệ thống điện",
                        "Đội trưởng",
                        "Đội Quản lý vận hành lưới điện Chí Linh",
                    ),
                    dmy,
                    "REPLACED",
                ),
                (
                    P(
                        "Lương Văn Tâm",
                        D(1984, 8, 14),
                        "male",
                        "elected",
                        D(2008, 8, 19),
                        D(2009, 8, 19),
                        "Sơ cấp",
                        "Kỹ sư Điện",
                        "Phó Đội trưởng",
                        "Đội Quản lý vận hành lưới điện Chí Linh",
                    ),
                    dotted,
                    "Thay đ/c Ngô Văn Đạt",
                ),
            ],
        ),
        (
            "Đoàn 2",
            "Đoàn đại biểu số 2 – Đảng bộ Công ty Điện lực Hưng Yên",
            [
                (
                    P(
                        "Hoàng Thị Lan Anh",
                        D(1976, 12, 1),
                        "female",
                        "ex_officio",
                        D(1999, 11, 6),
                        D(2000, 11, 6),
                        "Cao cấp",
                        "Thạc sĩ Kinh tế",
                        "Bí thư Đảng ủy kiêm Giám đốc Công ty Điện lực Hưng Yên",
                    ),
                    dmy,
                    "",
                ),
                (
                    P(
                        "Trịnh Văn Lực",
                        D(1969, 1, 30),
                        "male",
                        "elected",
                        D(1991, 4, 10),
                        D(1992, 4, 10),
                        "Cao cấp",
                        "Kỹ sư Điện",
                        "Phó Giám đốc",
                        "Công ty Điện lực Hưng Yên",
                    ),
                    dmy_short,
                    "",
                ),
            ],
        ),
    ]
    for title, delegation, people in sheets:
        ws = wb.create_sheet(title)
        s = Sheet(ws, 10)
        s.title_block(
            ["TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC", "ĐẢNG ỦY TỔNG CÔNG TY"],
            ["ĐẢNG CỘNG SẢN VIỆT NAM"],
            [],
            split=4,
        )
        s.banner("DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI ĐẢNG BỘ TỔNG CÔNG TY LẦN THỨ V, NHIỆM KỲ 2025-2030")
        s.row(
            [
                "STT",
                "HỌ VÀ TÊN",
                "GIỚI TÍNH",
                "NGÀY SINH",
                "CHỨC VỤ, ĐƠN VỊ CÔNG TÁC",
                "NGÀY VÀO ĐẢNG",
                "NGÀY CHÍNH THỨC",
                "TRÌNH ĐỘ CHUYÊN MÔN",
                "LLCT",
                "ĐN/ĐB",
                "GHI CHÚ",
            ],
            bold=True,
        )
        s.width = 11
        s.banner(delegation, first=1)
        n = 0
        for p, fmt, note in people:
            p.delegation = delegation
            n += 1
            struck = note == "REPLACED"
            position = f"{p.position}, {p.unit}" if p.unit else p.position
            r = s.row(
                [
                    n,
                    p.name.upper(),
                    "Nam" if p.gender == "male" else "Nữ",
                    fmt(p.born),
                    position,
                    dmy(p.joined) if p.joined else "",
                    dmy(p.official) if p.official else "",
                    p.education,
                    {"Cao cấp": "CC", "Trung cấp": "TC", "Sơ cấp": "SC"}[p.theory],
                    "ĐN" if p.kind == "ex_officio" else "ĐB",
                    "" if struck else note,
                ]
            )
            if struck:
                for c in range(1, 12):
                    ws.cell(row=r, column=c).font = Font(strike=True)
                out.skipped.append({"sheet": title, "row": r, "why": "struck"})
            else:
                out.records.append(p.record())
        s.row(["", f"Tổng cộng: {n - 1 if title == 'Đoàn 1' else n} đồng chí"], bold=True)
        s.signature(["T/M ĐẢNG ỦY", "PHÓ BÍ THƯ", "", "Nguyễn Văn Trường"], col=8)
    return wb


# ---- 4. ward, officials then alternates on one sheet
def phuong(out: Out) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sheet1"
    s = Sheet(ws, 12)
    s.title_block(
        ["ĐẢNG BỘ QUẬN HẢI AN", "ĐẢNG BỘ PHƯỜNG ĐẰNG HẢI"], ["ĐẢNG CỘNG SẢN VIỆT NAM"], [], split=5
    )
    s.banner(
        "DANH SÁCH TRÍCH NGANG ĐẠI BIỂU DỰ ĐẠI HỘI ĐẢNG BỘ PHƯỜNG ĐẰNG HẢI LẦN THỨ XXIII, NHIỆM "
        "KỲ 2025 - 2030"
    )
    s.blank()
    u1, u2, u3 = "Chi bộ Khu dân cư số 1", "Chi bộ Khu dân cư số 4", "Chi bộ Trường THCS Đằng Hải"
    official = [
        (
            P(
                "Lê Thị Minh Nguyệt",
                D(1978, 8, 19),
                "female",
                "ex_officio",
                D(2001, 2, 3),
                theory="Cao cấp",
                education="Thạc sĩ Quản lý công",
                position="Bí thư Đảng ủy phường",
                unit=u1,
            ),
            "Hải Dương",
        ),
        (
            P(
                "Phạm Văn Cường",
                D(1965, 5, 27),
                "male",
                "elected",
                D(1986, 7, 1),
                theory="Sơ cấp",
                education="Trung cấp Hàng hải",
                position="Bí thư chi bộ",
                unit=u1,
            ),
            "Hải Phòng",
        ),
        (
            P(
                "Vũ Thị Tuyết",
                D(1959, 11, 2),
                "female",
                "elected",
                D(1982, 10, 14),
                theory="Sơ cấp",
                education="Cao đẳng Sư phạm",
                position="Đảng viên",
                unit=u1,
            ),
            "Thái Bình",
        ),
        (
            P(
                "Nông Văn Chiến",
                D(1972, 1, 13),
                "male",
                "elected",
                D(1995, 12, 22),
                theory="Trung cấp",
                education="Cử nhân Luật",
                position="Tổ trưởng dân phố",
                unit=u2,
                ethnicity="Tày",
            ),
            "Cao Bằng",
        ),
        (
            P(
                "Đoàn Thị Mai",
                D(1983, 4, 30),
                "female",
                "elected",
                D(2009, 5, 19),
                theory="Trung cấp",
                education="Cử nhân Sư phạm Toán",
                position="Hiệu trưởng",
                unit=u3,
            ),
            "Hải Phòng",
        ),
    ]
    alternates = [
        (
            P(
                "Trần Văn Long",
                D(1987, 9, 25),
                "male",
                "elected",
                D(2012, 6, 30),
                theory="Trung cấp",
                education="Kỹ sư Xây dựng",
                position="Công chức Địa chính",
                unit=u2,
                standing="alternate",
            ),
            "Hải Phòng",
        ),
        (
            P(
                "Bùi Thị Ngọc Ánh",
                D(1993, 2, 14),
                "female",
                "elected",
                D(2016, 3, 8),
                theory="Sơ cấp",
                education="Cử nhân Công tác xã hội",
                position="Phó Bí thư Đoàn phường",
                unit=u3,
                standing="alternate",
            ),
            "Quảng Ninh",
        ),
    ]

    def table(people: list[tuple[P, str]], start: int) -> int:
        h = s.row(
            [
                "STT",
                "Họ và tên",
                "Ngày sinh",
                "",
                "Quê quán",
                "Dân tộc",
                "Đơn vị",
                "Chức vụ",
                "Ngày vào Đảng",
                "Trình độ",
                "",
                "ĐN/Bầu",
            ],
            bold=True,
        )
        s.row(["", "", "Nam", "Nữ", "", "", "", "", "", "Chuyên môn", "LLCT", ""], bold=True)
        for c in (1, 2, 5, 6, 7, 8, 9, 12):
            s.merge(h, c, h + 1, c)
        s.merge(h, 3, h, 4)
        s.merge(h, 10, h, 11)
        s.row([f"({i})" for i in range(1, 13)])
        n, top, last_unit = start, 0, ""
        for p, home in people:
            male = p.gender == "male"
            theory = {"Cao cấp": "Cao cấp", "Trung cấp": "Trung cấp", "Sơ cấp": "Sơ cấp"}[p.theory]
            unit = p.unit if p.unit != last_unit else ""
            r = s.row(
                [
                    n,
                    p.name,
                    serial(p.born) if male else "",
                    "" if male else serial(p.born),
                    home,
                    p.ethnicity,
                    unit,
                    p.position,
                    serial(p.joined) if p.joined else "",
                    p.education,
                    theory,
                    "ĐN" if p.kind == "ex_officio" else "Bầu",
                ]
            )
            if p.unit != last_unit:
                if top and r - 1 > top:
                    s.merge(top, 7, r - 1, 7)  # the unit cell merged down over its rows
                top, last_unit = r, p.unit
            n += 1
            out.records.append(p.record())
        if s.r - 1 > top:
            s.merge(top, 7, s.r - 1, 7)
        return n

    s.ws.cell(row=s.r, column=1, value="A. ĐẠI BIỂU CHÍNH THỨC").font = BOLD
    s.r += 1
    n = table(official, 1)
    s.row(["", f"Cộng: {n - 1} đồng chí"], bold=True)
    s.blank(2)
    s.banner("DANH SÁCH ĐẠI BIỂU DỰ KHUYẾT")
    table(alternates, 1)
    s.row(["", f"Cộng: {len(alternates)} đồng chí"], bold=True)
    s.signature([*SIGN, "Lê Thị Minh Nguyệt"], col=9)
    return wb


# ---- 5. commune, English-Windows m/d text, NFD
def xa_us(out: Out) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "DS dai bieu"
    s = Sheet(ws, 11)
    s.banner("ĐẢNG BỘ XÃ TÂN PHÚ – DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI LẦN THỨ I, NHIỆM KỲ 2025-2030")
    s.banner("(Xã Tân Phú mới, hợp nhất từ các xã Phú Lập, Phú Thịnh và Tân Phú)", bold=False)
    s.banner("Tân Phú, ngày 28 tháng 6 năm 2025", bold=False, first=7)
    h = s.row(
        [
            "TT",
            "Họ và tên",
            "Ngày sinh",
            "Giới tính",
            "",
            "Chức vụ",
            "Đơn vị công tác",
            "Ngày vào Đảng",
            "",
            "Trình độ LLCT",
            "Trình độ chuyên môn",
        ],
        bold=True,
    )
    s.row(["", "", "", "Nam", "Nữ", "", "", "Dự bị", "Chính thức"], bold=True)
    for c in (1, 2, 3, 6, 7, 10, 11):
        s.merge(h, c, h + 1, c)
    s.merge(h, 4, h, 5)
    s.merge(h, 8, h, 9)
    s.row(list(range(1, 12)))
    people = [
        (
            "I. ĐẠI BIỂU ĐƯƠNG NHIÊN",
            P(
                "Trương Văn Hòa",
                D(1968, 6, 25),
                "male",
                "ex_officio",
                D(1990, 3, 3),
                D(1991, 3, 3),
                "Cao cấp",
                "Thạc sĩ Quản lý kinh tế",
                "Bí thư Đảng ủy",
                "Đảng ủy xã Tân Phú",
            ),
        ),
        (
            "I",
            P(
                "Lâm Thị Thủy",
                D(1979, 6, 7),
                "female",
                "ex_officio",
                D(2002, 10, 20),
                D(2003, 10, 20),
                "Cử nhân",
                "Cử nhân Hành chính",
                "Chủ tịch Ủy ban nhân dân",
                "Ủy ban nhân dân xã Tân Phú",
            ),
        ),
        (
            "II. ĐẠI BIỂU ĐƯỢC BẦU",
            P(
                "Đinh Công Khỏe",
                D(1975, 12, 17),
                "male",
                "elected",
                D(1998, 8, 15),
                D(1999, 8, 15),
                "Trung cấp",
                "Kỹ sư Nông nghiệp",
                "Bí thư chi bộ",
                "Chi bộ ấp Phú Hòa",
            ),
        ),
        (
            "II",
            P(
                "Huỳnh Thị Ngọc Hòa",
                D(1990, 1, 5),
                "female",
                "elected",
                D(2014, 4, 28),
                D(2015, 4, 28),
                "Trung cấp",
                "Cử nhân Kế toán",
                "Công chức Tài chính – Kế toán",
                "Ủy ban nhân dân xã Tân Phú",
            ),
        ),
        (
            "III. ĐẠI BIỂU CHỈ ĐỊNH",
            P(
                "Võ Minh Thụy",
                D(1982, 9, 30),
                "male",
                "appointed",
                D(2006, 11, 2),
                D(2007, 11, 2),
                "Cử nhân",
                "Cử nhân Luật",
                "Trưởng Công an xã",
                "Công an xã Tân Phú",
            ),
        ),
    ]
    n = 0
    for section, p in people:
        if len(section) > 3:
            s.banner(section, first=1)
        n += 1
        male = p.gender == "male"
        assert p.joined
        assert p.official
        theory = {"Cao cấp": "Cao cấp", "Cử nhân": "Cử nhân chính trị", "Trung cấp": "Trung cấp"}[
            p.theory
        ]
        s.row(
            [
                n,
                new_style(p.name),
                mdy(p.born),
                "x" if male else "",
                "" if male else "x",
                p.position,
                p.unit,
                mdy(p.joined),
                mdy(p.official),
                theory,
                p.education,
            ]
        )
        out.records.append(p.record())
    s.row(["", f"Tổng cộng: {n} đồng chí"])
    s.signature(["T/M ĐẢNG ỦY", "BÍ THƯ", "Trương Văn Hoà"], col=8)
    nfd_all(ws)
    out.warnings += [
        "day/month order: column 'Ngày sinh' reads only as m/d (6/25/1968, 12/17/1975, 9/30/1982)",
        (
            "day/month order: column 'Ngày vào Đảng › Dự bị' reads only as m/d (10/20/2002, "
            "8/15/1998, 4/28/2014)"
        ),
        "day/month order: column 'Ngày vào Đảng › Chính thức' reads only as m/d",
    ]
    return wb


# ---- 6. enterprise bloc, .xls, refused: 31/02/1970
def khoi_dn(out: Out) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "DSDB"
    s = Sheet(ws, 12)
    s.title_block(
        ["ĐẢNG BỘ TỈNH BÌNH DƯƠNG", "ĐẢNG ỦY KHỐI DOANH NGHIỆP", "*", "Số: 45-DS/ĐU"],
        ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Thủ Dầu Một, ngày 02 tháng 6 năm 2025"],
        [],
        split=5,
    )
    s.blank(2)
    s.banner("DANH SÁCH")
    s.banner("ĐẠI BIỂU DỰ ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH")
    s.banner("LẦN THỨ VII, NHIỆM KỲ 2025 – 2030")
    s.blank()
    s.row(
        [
            "Số TT",
            "Họ và tên khai sinh",
            "Ngày tháng năm sinh",
            "Giới tính",
            "Chức vụ hiện nay",
            "Nơi công tác",
            "Trình độ văn hóa",
            "Trình độ chuyên môn",
            "Lý luận chính trị",
            "Ngày vào Đảng",
            "Dân tộc",
            "Tôn giáo",
        ],
        bold=True,
    )
    s.row(list(range(1, 13)))
    bad = P(
        "Châu Thị Kim Ngân",
        D(1970, 3, 1),
        "female",
        "elected",
        D(1996, 7, 27),
        None,
        "Trung cấp",
        "Cử nhân Kinh tế",
        "Trưởng phòng Tổ chức",
        "Công ty Cổ phần Becamex IDC",
    )
    people = [
        (
            "I. ĐẠI BIỂU ĐƯƠNG NHIÊN",
            P(
                "Lý Thanh Phong",
                D(1966, 10, 10),
                "male",
                "ex_officio",
                D(1988, 1, 6),
                None,
                "Cao cấp",
                "Tiến sĩ Kinh tế",
                "Bí thư Đảng ủy Khối",
                "Đảng ủy Khối Doanh nghiệp tỉnh",
            ),
        ),
        (
            "II. ĐẠI BIỂU ĐƯỢC BẦU",
            P(
                "Mai Xuân Lộc",
                D(1974, 4, 22),
                "male",
                "elected",
                D(1999, 2, 3),
                None,
                "Cao cấp",
                "Kỹ sư Cầu đường",
                "Tổng Giám đốc",
                "Tổng Công ty Đầu tư và Phát triển công nghiệp",
            ),
        ),
        ("II", bad),
        (
            "II",
            P(
                "Tạ Minh Quân",
                D(1986, 12, 31),
                "male",
                "elected",
                D(2011, 8, 18),
                None,
                "Trung cấp",
                "Thạc sĩ Quản trị kinh doanh",
                "Phó Giám đốc",
                "Công ty TNHH MTV Cấp thoát nước",
            ),
        ),
    ]
    n = 0
    for section, p in people:
        if len(section) > 3:
            s.banner(section, first=1, last=6)
        n += 1
        theory = {"Cao cấp": "Cao cấp", "Trung cấp": "Trung cấp"}[p.theory]
        born = "31/02/1970" if p is bad else dmy(p.born)
        assert p.joined
        r = s.row(
            [
                n,
                p.name,
                born,
                "Nam" if p.gender == "male" else "Nữ",
                p.position,
                p.unit,
                "12/12",
                p.education,
                theory,
                dmy(p.joined),
                "Kinh",
                "Không",
            ]
        )
        if p is bad:
            out.refuse.append(
                f"sheet 'DSDB', row {r}, column 'Ngày tháng năm sinh': '31/02/1970' is not a date "
                "(February has no 31st day); nothing is stored"
            )
        else:
            out.records.append(p.record())
    s.row(["", f"Danh sách này có {n} đồng chí./."])
    s.signature([*SIGN, "Lý Thanh Phong"], col=9)
    out.accept = False
    return wb


# ---- 7. agencies bloc, refused: no birth date, too young
def khoi_cq(out: Out) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Đại biểu"
    s = Sheet(ws, 9)
    s.title_block(
        ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH QUẢNG NAM"],
        ["ĐẢNG CỘNG SẢN VIỆT NAM"],
        ["DANH SÁCH TRÍCH NGANG ĐẠI BIỂU DỰ ĐẠI HỘI", "Đảng bộ Khối các cơ quan tỉnh lần thứ X"],
        split=4,
    )
    s.banner("Tam Kỳ, ngày 10 tháng 6 năm 2025", bold=False, first=6)
    s.blank(2)
    h = s.row(
        [
            "STT",
            "Họ và tên",
            "Ngày, tháng, năm sinh",
            "",
            "Chức vụ, đơn vị công tác",
            "Ngày vào Đảng",
            "Trình độ",
            "",
            "Ghi chú",
        ],
        bold=True,
    )
    s.row(["", "", "Nam", "Nữ", "", "", "Chuyên môn, nghiệp vụ", "Lý luận chính trị"], bold=True)
    for c in (1, 2, 5, 6, 9):
        s.merge(h, c, h + 1, c)
    s.merge(h, 3, h, 4)
    s.merge(h, 7, h, 8)
    people = [
        P(
            "Phan Công Hậu",
            D(1973, 5, 12),
            "male",
            "",
            D(1997, 5, 19),
            None,
            "Cao cấp",
            "Thạc sĩ Luật",
            "Phó Bí thư Đảng ủy Khối",
            "Đảng bộ Khối các cơ quan tỉnh",
        ),
        P(
            "Nguyễn Thị Diệu Hiền",
            D(1984, 3, 8),
            "female",
            "",
            D(2008, 3, 26),
            None,
            "Trung cấp",
            "Cử nhân Ngữ văn",
            "Phó Chánh Văn phòng",
            "Sở Văn hóa, Thể thao và Du lịch",
        ),
        P(
            "Lê Văn Tùng",
            D(1980, 1, 1),
            "male",
            "",
            D(2004, 9, 2),
            None,
            "Trung cấp",
            "Kỹ sư Thủy lợi",
            "Chuyên viên",
            "Sở Nông nghiệp và Môi trường",
        ),
        P(
            "Huỳnh Thị Bích Trâm",
            D(2011, 9, 3),
            "female",
            "",
            D(2024, 2, 3),
            None,
            "",
            "Học sinh",
            "Đảng viên",
            "Chi bộ Văn phòng Sở Tài chính",
        ),
        P(
            "Trần Đình Quang",
            D(1969, 7, 21),
            "male",
            "",
            D(1992, 12, 19),
            None,
            "Cao cấp",
            "Cử nhân Kinh tế",
            "Giám đốc",
            "Sở Tài chính",
        ),
    ]
    for n, p in enumerate(people, start=1):
        male = p.gender == "male"
        missing = p.name == "Lê Văn Tùng"
        born = None if missing else p.born
        r = s.row(
            [
                n,
                p.name,
                born if male else "",
                "" if male else born,
                f"{p.position}, {p.unit}",
                p.joined,
                p.education,
                p.theory,
                "Bổ sung hồ sơ sau" if missing else "",
            ],
            fmt={3: "dd/mm/yyyy", 4: "dd/mm/yyyy", 6: "dd/mm/yyyy"},
        )
        if missing:
            out.refuse.append(
                f"sheet 'Đại biểu', row {r}, column 'Ngày, tháng, năm sinh': empty under both "
                f"'Nam' "
                "and 'Nữ' — no birth date, and so no sex either"
            )
        elif p.born.year > 2007:
            out.refuse.append(
                f"sheet 'Đại biểu', row {r}, column 'Ngày, tháng, năm sinh › Nữ': 03/09/2011 makes "
                "the delegate 13 years old — too young to be a Party member (18 at least)"
            )
        else:
            out.records.append(p.record())
    s.row(["", "Tổng cộng: 05 đồng chí"], bold=True)
    s.signature(["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "", "Phan Công Hậu"], col=6)
    out.accept = False
    return wb


# ---- 8. district, same person twice, refused
def huyen(out: Out) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Trích ngang ĐB"
    s = Sheet(ws, 10)
    s.banner("ĐẢNG BỘ HUYỆN THANH SƠN")
    s.banner("DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN LẦN THỨ XXVII")
    s.blank()
    s.row(
        [
            "TT",
            "Họ và tên",
            "Ngày sinh",
            "Nữ",
            "Dân tộc",
            "Chức vụ",
            "Đơn vị",
            "Vào Đảng",
            "LLCT",
            "Chuyên môn",
        ],
        bold=True,
    )
    thuy = P(
        "Nguyễn Thị Thúy",
        D(1975, 3, 12),
        "female",
        "ex_officio",
        D(1998, 6, 1),
        None,
        "Cao cấp",
        "Cử nhân Xã hội học",
        "Chủ tịch Hội Liên hiệp Phụ nữ huyện",
        "Hội Liên hiệp Phụ nữ huyện",
        "Mường",
    )
    people = [
        (
            "I. ĐẠI BIỂU ĐƯƠNG NHIÊN",
            P(
                "Hà Văn Khang",
                D(1970, 8, 8),
                "male",
                "ex_officio",
                D(1993, 4, 17),
                None,
                "Cao cấp",
                "Thạc sĩ Chính trị học",
                "Bí thư Huyện ủy",
                "Huyện ủy Thanh Sơn",
                "Mường",
            ),
            "",
        ),
        ("I", thuy, "Nguyễn Thị Thúy"),
        (
            "II. ĐẠI BIỂU ĐƯỢC BẦU",
            P(
                "Đinh Văn Thắm",
                D(1981, 11, 26),
                "male",
                "elected",
                D(2005, 10, 10),
                None,
                "Trung cấp",
                "Kỹ sư Lâm nghiệp",
                "Chủ tịch UBND xã",
                "UBND xã Yên Lương",
                "Mường",
            ),
            "",
        ),
        (
            "II",
            P(
                "Xa Thị Hiền",
                D(1988, 6, 16),
                "female",
                "elected",
                D(2012, 5, 19),
                None,
                "Sơ cấp",
                "Cử nhân Sư phạm",
                "Giáo viên",
                "Trường Tiểu học Thục Luyện",
                "Mường",
            ),
            "",
        ),
        ("II", thuy, "Nguyễn Thị Thuý"),
        (
            "II",
            P(
                "Trần Văn Bình",
                D(1977, 2, 4),
                "male",
                "elected",
                D(2000, 3, 3),
                None,
                "Trung cấp",
                "Cử nhân Kế toán",
                "Trưởng phòng Tài chính – Kế hoạch",
                "UBND huyện",
            ),
            "",
        ),
    ]
    rows: list[int] = []
    for n, (section, p, written) in enumerate(people, start=1):
        if len(section) > 3:
            s.banner(section, first=2)
        assert p.joined
        r = s.row(
            [
                n,
                written or p.name,
                dmy(p.born),
                "x" if p.gender == "female" else "",
                p.ethnicity,
                p.position,
                p.unit,
                dmy(p.joined),
                {"Cao cấp": "CC", "Trung cấp": "TC", "Sơ cấp": "SC"}[p.theory],
                p.education,
            ]
        )
        if p is thuy:
            rows.append(r)
        else:
            out.records.append(p.record())
    out.duplicates.append({"rows": rows, "sheet": ws.title})
    out.refuse.append(
        f"sheet 'Trích ngang ĐB', rows {rows[0]} and {rows[1]}: the same person twice "
        "('Nguyễn Thị Thúy' and 'Nguyễn Thị Thuý', both born 12/03/1975; once as ex officio, "
        "once as elected) — one row must go"
    )
    s.row(["", "Tổng cộng: 6 đồng chí"])
    s.signature(["T/M BAN THƯỜNG VỤ HUYỆN ỦY", "BÍ THƯ", "Hà Văn Khang"], col=7)
    out.accept = False
    return wb


# ---- writing
FILES: list[tuple[str, str, str, Callable[[Out], Workbook]]] = [
    (
        "01_quan_su_nghe_an",
        "xlsx",
        (
            "Đảng bộ Quân sự tỉnh (armed forces): title block left/right, three-row merged "
            "header (birth date under Nam|Nữ, Đảng viên › Ngày vào Đảng › Dự bị|Chính thức, Trình "
            "độ › Chuyên môn|LLCT), "
            "'(1)…(12)' row, sections I/II written in column B only, an unused 'Cấp bậc' column, "
            "real date cells, "
            "a hidden row (replaced delegate), totals over 4 merged cells, signature with a rank"
        ),
        quan_su,
    ),
    (
        "02_dai_hoc_bach_khoa",
        "xlsx",
        (
            "University Đảng bộ: a 'Hướng dẫn' notes sheet first and a 'Tổng hợp' summary "
            "sheet last (neither is a list), 'Họ và tên đệm' + 'Tên', year-only 'Năm sinh' "
            "(numbers and text), "
            "'Giới tính', 'Chức vụ' and 'Đơn vị' apart, 'Học hàm, học vị', LLCT as CC/SC/'Cử nhân "
            "CT', 'Loại ĐB' "
            "Đương nhiên/Được bầu, 'x' under 'Ủy viên BCH khóa trước', delegation rows merged "
            "across, plain 1…12 "
            "column numbers, 'Danh sách này có 6 đồng chí.'"
        ),
        dai_hoc,
    ),
    (
        "03_tong_cong_ty_dien_luc",
        "xls",
        (
            "A state company's Đảng bộ, .xls via LibreOffice: one sheet per delegation "
            "(each with its own title block and a delegation row), headers and names in CAPITALS, "
            "birth dates as text in "
            "three ways (07/06/1970, 21/10/81, 14.08.1984), combined 'CHỨC VỤ, ĐƠN VỊ CÔNG TÁC' "
            "(one without a comma, "
            "kept whole), 'NGÀY VÀO ĐẢNG' and 'NGÀY CHÍNH THỨC' apart, LLCT CC/TC/SC, 'ĐN/ĐB', a "
            "struck-through "
            "replaced delegate followed by the replacement"
        ),
        cong_ty,
    ),
    (
        "04_phuong_dang_hai_lo",
        "xlsx",
        (
            "Ward Đảng bộ, saved by LibreOffice: two tables on one sheet (A. official "
            "delegates, then 'DANH SÁCH ĐẠI BIỂU DỰ KHUYẾT' with its header repeated), birth "
            "dates under Nam|Nữ and "
            "party dates as serial numbers in General cells, unit column merged down over its "
            "rows, an unused "
            "'Quê quán', 'Dân tộc' (Tày), 'ĐN/Bầu', 'Cộng: N đồng chí' after each table"
        ),
        phuong,
    ),
    (
        "05_xa_tan_phu_us_lo",
        "xlsx",
        (
            "Commune Đảng bộ typed on an English-Windows machine, saved by LibreOffice: "
            "all text NFD, names with the new tone placement (Hoà, Thuỷ, Khoẻ, Thuỵ), dates as "
            "m/d text "
            "(6/25/1968), table from row 4, sex by an 'x' under 'Giới tính › Nam|Nữ', 'Dự "
            "bị'|'Chính thức' "
            "under 'Ngày vào Đảng', sections I/II/III (ĐƯƠNG NHIÊN/ĐƯỢC BẦU/CHỈ ĐỊNH), 'Cử nhân "
            "chính trị'"
        ),
        xa_us,
    ),
    (
        "06_khoi_doanh_nghiep_refuse",
        "xls",
        (
            "Provincial enterprise bloc, .xls via LibreOffice: long title block "
            "(Số: 45-DS/ĐU), table from row 11, '12/12' in 'Trình độ văn hóa' (not a date), plain "
            "column numbers, unused 'Trình độ văn hóa' and 'Tôn giáo', "
            "'Họ và tên khai sinh', 'Chức vụ hiện nay'/'Nơi công tác', a birth date '31/02/1970' "
            "→ refuse"
        ),
        khoi_dn,
    ),
    (
        "07_khoi_co_quan_refuse",
        "xlsx",
        (
            "Provincial agencies bloc: birth date under Nam|Nữ (real dates), no type of "
            "delegate anywhere (kind ''), one row with neither Nam nor Nữ filled, one born 2011 → "
            "refuse"
        ),
        khoi_cq,
    ),
    (
        "08_huyen_thanh_son_duplicate",
        "xlsx",
        (
            "District Đảng bộ (Mường area): a lone 'Nữ' column marked x (blank = "
            "male), 'Vào Đảng', LLCT CC/TC/SC, the same woman as ex officio and again as elected "
            "with the other tone "
            "placement (Thúy/Thuý) → refuse naming both rows"
        ),
        huyen,
    ),
]


def libreoffice(src: Path, fmt: str, outdir: Path, profile: Path) -> Path:
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    made = outdir / f"{src.stem}.{fmt}"
    assert made.exists(), made
    return made


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for stem, ext, form, build in FILES:
            out = Out(stem, form)
            wb = build(out)
            wb.properties.creator = "Văn phòng"
            wb.properties.created = wb.properties.modified = FIXED
            via_lo = ext == "xls" or stem.endswith("_lo")
            target = HERE / f"{stem}.{ext}"
            if via_lo:
                src = work / f"{stem}.xlsx"
                wb.save(src)
                shutil.copy(libreoffice(src, ext, work / "out", work / "profile"), target)
            else:
                wb.save(target)
            expected = {
                "file": target.name,
                "form": out.form,
                "accept": out.accept,
                "records": out.records,
                "skipped": out.skipped,
                "duplicates": out.duplicates,
                "warnings": out.warnings,
                "refuse": out.refuse,
            }
            text = json.dumps(expected, ensure_ascii=False, indent=1) + "\n"
            (HERE / f"{stem}.expected.json").write_text(text, encoding="utf-8")
            verdict = "accept" if out.accept else "refuse"
            sys.stdout.write(f"{target.name}: {len(out.records)} records, {verdict}\n")


if __name__ == "__main__":
    main()
