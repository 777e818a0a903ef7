"""What the scanner reports about one image: marks it proposes, never a ruling.

The reader proposes and the counting board rules (open-points.md, "Reading scanned ballots";
R12 task 6). A page is either rejected (nothing counted) or read; a read page lists each row's
decision with a confidence. A row is `review` when the reader is unsure, and a ballot with any
row or ballot-level reason in review waits for a board member. The Party's validity rules (R10,
R11) are applied later, by the counting engine, to the confirmed marks.
"""

from dataclasses import dataclass, field
from enum import StrEnum


class Mark(StrEnum):
    """A row's reading. Cross-out layout: struck / kept; agree/disagree layout: agree /
    disagree / both / none (R9). `review`: the board decides."""

    STRUCK = "struck"
    KEPT = "kept"
    AGREE = "agree"
    DISAGREE = "disagree"
    BOTH = "both"
    NONE = "none"
    REVIEW = "review"


class Doubt(StrEnum):
    """Why a row or a ballot goes to the board (omr.md §2.2, §5.3)."""

    PARTIAL_STRIKE = "partial_strike"  # ink on the name that does not cover it (OPEN-OMR-1)
    OFF_NAME_LINE = "off_name_line"  # a line above or below the letters (underline, overline)
    MARK_BESIDE_NAME = "mark_beside_name"  # tick, circle, dot, number struck: not on the name
    INK_FROM_NEIGHBOUR = "ink_from_neighbour"  # a stroke crossing the row's border
    BOX_FAINT = "box_faint"  # a box with some ink, too little to call a mark
    NAME_MARKED_ON_BOX_BALLOT = "name_marked_on_box_ballot"  # agree/disagree ballot, name struck
    EXTRA_INK = "extra_ink"  # ink outside the rows: writing, a signature, a mark (R11, OPEN-OMR-2)
    NO_STAMP = "no_stamp"  # nothing in the stamp zone: not issued by the board? (R11)
    MIXED_INK = "mixed_ink"  # more than one ink colour (OPEN-OMR-3: a warning only)


class Rejection(StrEnum):
    """Why an image is not read at all; nothing from it is counted (fail closed, omr.md §5.3)."""

    NOT_AN_IMAGE = "not_an_image"
    BLANK_PAGE = "blank_page"
    NO_MARKS = "no_marks"  # the registration marks are not found: not a ballot (a back), or cut off
    MARKS_UNREADABLE = "marks_unreadable"  # a printed ballot whose marks cannot be read: not a back
    BAD_GEOMETRY = "bad_geometry"  # marks found but the page is stretched or printed at a scale
    NO_CODE = "no_code"  # the QR code is missing or unreadable
    OTHER_BALLOT = "other_ballot"  # another election, round, layout or list
    REHEARSAL_BALLOT = "rehearsal_ballot"  # a rehearsal ballot in an official count, or back
    FAILED = "failed"  # anything unexpected: the reader never guesses


@dataclass(frozen=True)
class RowReading:
    """One row: the reading, how sure the reader is (0–1), why it doubts, and the measures."""

    number: int  # the ballot row number (candidate's number on the list)
    mark: Mark
    confidence: float
    doubts: tuple[Doubt, ...] = ()
    proposal: Mark | None = None  # for a row in review: what the reader leans to, if anything
    measures: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class PageReading:
    """A page read: which page of which ballot, the rows, and the ballot-level doubts."""

    election_id: int
    round: int
    page: int
    pages: int
    rows: tuple[RowReading, ...]
    doubts: tuple[Doubt, ...] = ()
    warnings: tuple[Doubt, ...] = ()  # noted, not stopping (OPEN-OMR-3 mixed ink by default)
    #: the 3 × 3 matrix from the canonical 200-dpi page to the image, for showing the crops
    homography: tuple[tuple[float, ...], ...] = ()
    paper: str = ""  # the paper the page was printed on (A4, A5)
    fingerprint: str = ""  # of the layout the page's code named

    @property
    def needs_review(self) -> bool:
        return bool(self.doubts) or any(row.mark is Mark.REVIEW for row in self.rows)

    @property
    def confidence(self) -> float:
        return min((row.confidence for row in self.rows), default=1.0)


@dataclass(frozen=True)
class PageRejected:
    """An image not read, with the reason and what was seen (e.g. the other election's code)."""

    reason: Rejection
    detail: str = ""


Reading = PageReading | PageRejected


class Refused(Exception):  # noqa: N818 - it carries a rejection, it is not an error
    """Raised by a step of reading that refuses the page."""

    def __init__(self, reason: Rejection, detail: str = "") -> None:
        super().__init__(reason.value)
        self.rejection = PageRejected(reason, detail)
