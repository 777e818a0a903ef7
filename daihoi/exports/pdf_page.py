"""What every PDF the congress prints shares: the bundled fonts, the A4 page, the rehearsal mark.

The minutes and the credentials report are both official documents: same fonts (DejaVu, full
Vietnamese), margins, "DIỄN TẬP" on every page of a rehearsal, page numbers, and for the minutes
the fingerprint of the election file. One class, so the two cannot drift apart.
"""

from importlib import resources

from fpdf import FPDF
from fpdf.enums import XPos, YPos

_FONTS = resources.files("daihoi.exports").joinpath("fonts")
REHEARSAL_MARK = "DIỄN TẬP — KHÔNG CÓ GIÁ TRỊ"


def add_fonts(pdf: FPDF) -> None:
    """The bundled DejaVu Sans, regular and bold, as "DejaVu": no font depends on the machine."""
    pdf.add_font("DejaVu", "", str(_FONTS.joinpath("DejaVuSans.ttf")))
    pdf.add_font("DejaVu", "B", str(_FONTS.joinpath("DejaVuSans-Bold.ttf")))


class OfficialPage(FPDF):
    """An A4 document with the rehearsal mark on every page, page numbers and, when given, the
    SHA-256 of the election file it was printed from."""

    def __init__(self, *, rehearsal: bool, sha256: str | None = None, mark_gap: float = 0) -> None:
        super().__init__(format="A4")
        self.rehearsal = rehearsal
        self.sha256 = sha256
        self.mark_gap = mark_gap  # space below the rehearsal mark
        add_fonts(self)
        self.set_margins(20, 15, 15)
        self.set_auto_page_break(auto=True, margin=22)

    def header(self) -> None:
        if self.rehearsal:
            self.set_font("DejaVu", "B", 11)
            self.set_text_color(160, 0, 0)
            self.cell(0, 6, REHEARSAL_MARK, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.set_text_color(0, 0, 0)
            if self.mark_gap:
                self.ln(self.mark_gap)

    def footer(self) -> None:
        self.set_y(-16)
        self.set_font("DejaVu", "", 7)
        if self.sha256:
            self.cell(
                0,
                4,
                f"Dấu vân tay tệp bầu cử (SHA-256): {self.sha256}",
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
        self.cell(0, 4, f"Trang {self.page_no()}/{{nb}}", align="R")
