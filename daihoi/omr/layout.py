"""Where everything sits on a printed ballot: the one geometry both the printer and the reader use.

R8 (244-2014 Art. 17 cl. 1, 190-2024 Art. 15 cl. 1): the stamp goes in the upper-left corner; a
surplus list is a plain numbered list struck through, a list without surplus has four columns
(number, name, agree, disagree). Around that official layout the machine-readable parts sit in
the margins: four ArUco registration marks and one QR code naming the election, round, layout and
page, with a fingerprint of this geometry. Every copy is identical: nothing on a ballot tells one
copy from another (secrecy, omr.md §5.2). A list too long for one side continues on the back;
each side carries its own marks and code, so each page is recognisable on its own.

All lengths are millimetres from the page's top-left corner.
"""

import hashlib
import json
from dataclasses import asdict, dataclass
from enum import StrEnum
from functools import cache, cached_property
from importlib import resources

from fpdf import FPDF

from daihoi.core.codes import Layout

FORMAT = "DH1"
MM_PER_PT = 25.4 / 72
_FONTS = resources.files("daihoi.typesetting").joinpath("fonts")

PAPERS: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "A5": (148.0, 210.0)}
MARKER_MM = 10.0  # ArUco 4×4 marks, 6 modules with their black border
MARKER_INSET_MM = 8.0  # office printers leave 4–5 mm unprinted; VxSuite asks for 5
#: top-left, top-right, bottom-right, bottom-left: the ids give the orientation and the paper
MARKER_IDS: dict[str, tuple[int, int, int, int]] = {"A4": (0, 1, 2, 3), "A5": (4, 5, 6, 7)}
ROW_MIN_MM = 8.0  # strokes that wander into the next row are the main confusion (omr.md §6)
ROW_MAX_MM = 10.0
BOX_MM = 8.0  # agree / disagree box


class Kind(StrEnum):
    """The code's letter for the layout: S struck through (surplus), A agree/disagree."""

    STRIKE = "S"
    MARKS = "A"

    @classmethod
    def of(cls, layout: Layout) -> "Kind":
        return cls.STRIKE if layout is Layout.CROSS_OUT else cls.MARKS


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


@dataclass(frozen=True)
class Row:
    """One name on the ballot: its row cell, number cell, name cell, the printed name's extent
    (x from its first to its last glyph, y from cap height to baseline), and, on the
    agree/disagree layout, the insides of the two boxes."""

    number: int
    name: str
    cell: Box
    number_cell: Box
    name_cell: Box
    text: Box
    font_pt: float
    agree: Box | None = None
    disagree: Box | None = None


@dataclass(frozen=True)
class Page:
    """One side: its number, its marks (id → square), the code's square, the stamp zone, rows."""

    number: int
    markers: tuple[tuple[int, Box], ...]
    code: Box
    stamp: Box
    table: Box
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class BallotSpec:
    """What a ballot is printed from: the approved list and where it is used."""

    election_id: int
    round: int
    layout: Layout
    paper: str
    rehearsal: bool
    heading: tuple[str, ...]  # e.g. ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ THÀNH PHỐ X")
    title: str  # e.g. "BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ X KHÓA XXIII, NHIỆM KỲ 2020 – 2025"
    candidates: tuple[tuple[int, str], ...]  # (ballot row number, full name) in ballot order


@dataclass(frozen=True)
class BallotLayout:
    spec: BallotSpec
    pages: tuple[Page, ...]

    @property
    def kind(self) -> Kind:
        return Kind.of(self.spec.layout)

    @property
    def size(self) -> tuple[float, float]:
        return PAPERS[self.spec.paper]

    @cached_property
    def fingerprint(self) -> str:
        """8 hex digits of the SHA-256 of this geometry: a ballot printed from another list,
        round or layout reads as another ballot (VxSuite's ballot hash)."""
        canonical = json.dumps(asdict(self), ensure_ascii=False, sort_keys=True, default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()[:8]

    def payload(self, page: int) -> str:
        """The QR code's text: the same on every copy of this page, never per copy."""
        spec = self.spec
        return (
            f"{FORMAT}|K={self.kind.value}|E={spec.election_id}|R={spec.round}"
            f"|P={page}/{len(self.pages)}|T={int(spec.rehearsal)}|H={self.fingerprint}"
        )


@dataclass(frozen=True)
class Code:
    """A decoded QR payload."""

    kind: str
    election_id: int
    round: int
    page: int
    pages: int
    rehearsal: bool
    fingerprint: str


def read_payload(text: str) -> Code | None:
    """The fields of a ballot's QR code, or None when the text is not one of ours."""
    parts = text.split("|")
    if len(parts) != 7 or parts[0] != FORMAT:
        return None
    try:
        fields = dict(part.split("=", 1) for part in parts[1:])
        page, pages = fields["P"].split("/")
        return Code(
            kind=fields["K"],
            election_id=int(fields["E"]),
            round=int(fields["R"]),
            page=int(page),
            pages=int(pages),
            rehearsal=fields["T"] == "1",
            fingerprint=fields["H"],
        )
    except (KeyError, ValueError):
        return None


@cache
def _metrics() -> FPDF:
    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(_FONTS.joinpath("DejaVuSans.ttf")))
    pdf.add_font("DejaVu", "B", str(_FONTS.joinpath("DejaVuSans-Bold.ttf")))
    return pdf


def text_width(text: str, size_pt: float, *, bold: bool = False) -> float:
    """The printed width in mm of `text` in the bundled DejaVu Sans."""
    pdf = _metrics()
    pdf.set_font("DejaVu", "B" if bold else "", size_pt)
    return float(pdf.get_string_width(text))


CAP_HEIGHT_EM = 0.729  # DejaVu Sans


def _frame(paper: str) -> tuple[tuple[tuple[int, Box], ...], Box, Box]:
    width, height = PAPERS[paper]
    ids = MARKER_IDS[paper]
    m, s = MARKER_INSET_MM, MARKER_MM
    markers = (
        (ids[0], Box(m, m, s, s)),
        (ids[1], Box(width - m - s, m, s, s)),
        (ids[2], Box(width - m - s, height - m - s, s, s)),
        (ids[3], Box(m, height - m - s, s, s)),
    )
    code_mm = 24.0 if width > 160 else 22.0  # the QR code with its quiet zone of 4 modules
    code = Box(width - m - s - 1 - code_mm, m - 2, code_mm, code_mm)
    stamp = Box(m + s + 2, m, 46.0 if width > 160 else 38.0, 38.0 if width > 160 else 32.0)
    return markers, code, stamp


def table_top(paper: str) -> float:
    """Where the table starts: below the stamp zone, the heading, the title and the instruction."""
    return 70.0 if paper == "A4" else 64.0


def _table_bottom(height: float) -> float:
    return height - MARKER_INSET_MM - MARKER_MM - 2


HEADER_ROW_MM = 6.0


def _row(  # noqa: PLR0913 - a row is placed by its cell and the columns' widths
    number: int,
    name: str,
    cell: Box,
    *,
    number_w: float,
    box_col_w: float,
    font_pt: float,
) -> Row:
    number_cell = Box(cell.x, cell.y, number_w, cell.h)
    name_w = cell.w - number_w - 2 * box_col_w
    name_cell = Box(cell.x + number_w, cell.y, name_w, cell.h)
    size = font_pt
    while text_width(name, size) > name_w - 6 and size > 8:  # a long name shrinks, never wraps
        size -= 0.5
    cap = CAP_HEIGHT_EM * size * MM_PER_PT
    baseline = cell.y + cell.h / 2 + cap / 2
    text = Box(name_cell.x + 3, baseline - cap, text_width(name, size), cap)
    agree = disagree = None
    if box_col_w:
        inner = BOX_MM
        for index in range(2):
            col_x = name_cell.right + index * box_col_w
            square = Box(
                col_x + (box_col_w - inner) / 2, cell.y + (cell.h - inner) / 2, inner, inner
            )
            if index == 0:
                agree = square
            else:
                disagree = square
    return Row(number, name, cell, number_cell, name_cell, text, size, agree, disagree)


def ballot_layout(spec: BallotSpec) -> BallotLayout:
    """Place the list: one column while it fits, two columns on the cross-out layout, then the
    back of the sheet (R8; omr.md §5.2). Rows are 8–10 mm; names are never wrapped."""
    if spec.paper not in PAPERS:
        msg = f"unknown paper {spec.paper!r}"
        raise ValueError(msg)
    width, height = PAPERS[spec.paper]
    markers, code, stamp = _frame(spec.paper)
    top = table_top(spec.paper)
    bottom = _table_bottom(height)
    left, right = MARKER_INSET_MM + 4, width - MARKER_INSET_MM - 4
    per_column = int((bottom - top - HEADER_ROW_MM) // ROW_MIN_MM)
    marks = spec.layout is Layout.AGREE_DISAGREE
    columns = 1 if marks else 2
    font_pt = 12.0 if spec.paper == "A4" else 11.0
    candidates = list(spec.candidates)
    per_page = per_column * columns
    chunks = [candidates[i : i + per_page] for i in range(0, len(candidates), per_page)] or [[]]
    pages = []
    for page_index, chunk in enumerate(chunks):
        used_columns = 1 if len(chunk) <= per_column else columns
        rows_in_column = -(-len(chunk) // used_columns) if chunk else 1
        row_h = min(ROW_MAX_MM, (bottom - top - HEADER_ROW_MM) / rows_in_column)
        col_w = (right - left) / used_columns
        number_w = 12.0 if width > 160 else 10.0
        box_col_w = (26.0 if width > 160 else 20.0) if marks else 0.0
        rows = []
        for index, (number, name) in enumerate(chunk):
            column, line = divmod(index, rows_in_column)
            cell = Box(left + column * col_w, top + HEADER_ROW_MM + line * row_h, col_w, row_h)
            rows.append(
                _row(number, name, cell, number_w=number_w, box_col_w=box_col_w, font_pt=font_pt)
            )
        table = Box(left, top, right - left, HEADER_ROW_MM + rows_in_column * row_h)
        pages.append(Page(page_index + 1, markers, code, stamp, table, tuple(rows)))
    return BallotLayout(spec, tuple(pages))


def columns_of(page: Page) -> list[float]:
    """The x of each table column's left edge (a new column starts where a row cell does)."""
    return sorted({row.cell.x for row in page.rows})
