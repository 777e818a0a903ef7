"""What every PDF the congress prints shares: the bundled fonts, the A4 page, the masthead.

The minutes and the credentials report are both official documents in the format of Hướng dẫn
36-HD/VPTW: A4, margins 20 mm top and bottom, 30 mm left, 15 mm right, a Times New Roman face at
13 pt (Liberation Serif, metric-compatible, full Vietnamese, SIL OFL, bundled so that no font
depends on the machine), the two-column header, "DIỄN TẬP" on every page of a rehearsal, page
numbers, and for the minutes the fingerprint of the election file. DejaVu Sans stays for the
badges and ballots (add_fonts). One class, so the two documents cannot drift apart.
"""

from collections.abc import Sequence
from importlib import resources
from typing import cast

from fpdf import FPDF
from fpdf.enums import XPos, YPos

_FONTS = resources.files("daihoi.typesetting").joinpath("fonts")
REHEARSAL_MARK = "DIỄN TẬP — KHÔNG CÓ GIÁ TRỊ"
SERIF = "Serif"
BODY_PT = 13
LINE_MM = 6.2  # 13 pt with a little leading
LEFT_MM, RIGHT_MM, TOP_MM, BOTTOM_MM = 30, 15, 20, 20
LEFT_HEAD_MM = 72  # the masthead's left column; the right one takes the rest


def add_fonts(pdf: FPDF) -> None:
    """The bundled DejaVu Sans, regular and bold, as "DejaVu" (badges, ballots)."""
    pdf.add_font("DejaVu", "", str(_FONTS.joinpath("DejaVuSans.ttf")))
    pdf.add_font("DejaVu", "B", str(_FONTS.joinpath("DejaVuSans-Bold.ttf")))


def add_serif(pdf: FPDF) -> None:
    """The bundled Liberation Serif (Times New Roman metrics) as "Serif", four styles."""
    for style, name in (("", "Regular"), ("B", "Bold"), ("I", "Italic"), ("BI", "BoldItalic")):
        pdf.add_font(SERIF, style, str(_FONTS.joinpath(f"LiberationSerif-{name}.ttf")))


class OfficialPage(FPDF):
    """An A4 document with the rehearsal mark on every page, page numbers and, when given, the
    SHA-256 of the election file it was printed from."""

    def __init__(self, *, rehearsal: bool, sha256: str | None = None, mark_gap: float = 0) -> None:
        super().__init__(format="A4")
        self.rehearsal = rehearsal
        self.sha256 = sha256
        self.mark_gap = mark_gap  # space below the rehearsal mark
        add_serif(self)
        self.set_margins(LEFT_MM, TOP_MM, RIGHT_MM)
        self.set_auto_page_break(auto=True, margin=BOTTOM_MM + 4)

    def header(self) -> None:
        if self.rehearsal:
            self.set_font(SERIF, "B", 12)
            self.set_text_color(160, 0, 0)
            self.cell(0, 6, REHEARSAL_MARK, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.set_text_color(0, 0, 0)
            if self.mark_gap:
                self.ln(self.mark_gap)

    def footer(self) -> None:
        self.set_y(-BOTTOM_MM)
        self.set_font(SERIF, "", 8)
        if self.sha256:
            self.cell(
                0,
                4,
                f"Dấu vân tay tệp bầu cử (SHA-256): {self.sha256}",
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
        self.set_font(SERIF, "", 10)
        self.cell(0, 4, f"Trang {self.page_no()}/{{nb}}", align="R")

    def paragraph(
        self, words: str, *, style: str = "", size: float = BODY_PT, indent: float = 0
    ) -> None:
        """A justified paragraph that never splits across a page break."""
        self.set_font(SERIF, style, size)
        height = LINE_MM * size / BODY_PT
        width = self.epw - indent
        lines = cast(
            "list[str]", self.multi_cell(width, height, words, dry_run=True, output="LINES")
        )
        if self.will_page_break(height * len(lines)):
            self.add_page()
        self.set_x(self.l_margin + indent)
        self.multi_cell(width, height, words, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def masthead(
        self, left: Sequence[tuple[str, bool]], place_and_date: str | None, *, size: float = 13
    ) -> None:
        """The two-column header: the issuer on the left (regular, then bold) with a short line
        under it; "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, underlined, the place and date in
        italics under it."""
        top = self.get_y()
        self.set_xy(self.l_margin - 12, top)
        for words, bold in left:
            self.set_font(SERIF, "B" if bold else "", size)
            line_size = size
            while self.get_string_width(words) > LEFT_HEAD_MM + 10 and line_size > size - 2:
                line_size -= 0.5
                self.set_font_size(line_size)
            self.multi_cell(
                LEFT_HEAD_MM + 12, 5.6, words, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT
            )
        centre = self.l_margin - 12 + (LEFT_HEAD_MM + 12) / 2
        rule_y = self.get_y() + 1
        self.line(centre - 12, rule_y, centre + 12, rule_y)
        left_bottom = rule_y
        right_x = self.l_margin + LEFT_HEAD_MM
        right_w = self.w - self.r_margin - right_x
        self.set_font(SERIF, "B", size + 1)
        self.set_xy(right_x, top)
        self.cell(right_w, 6, "ĐẢNG CỘNG SẢN VIỆT NAM", align="C")
        half = self.get_string_width("ĐẢNG CỘNG SẢN VIỆT NAM") / 2
        middle = right_x + right_w / 2
        self.line(middle - half, top + 6.3, middle + half, top + 6.3)
        if place_and_date:
            self.set_font(SERIF, "I", size)
            while self.get_string_width(place_and_date) > right_w - 2 and self.font_size_pt > 11:
                self.set_font_size(self.font_size_pt - 0.5)
            self.set_xy(right_x, top + 9)
            self.cell(right_w, 6, place_and_date, align="C")
        self.set_y(max(left_bottom, top + 15) + 7)
