"""What was drawn on a page, in words the reader's tests can check, and the specs a corpus saves.

The row classes and ambiguous styles are the corpus's promise to the reader (omr.md §2.2, §5.5);
`BAND` and `POSITION` bound where a clean strike runs (see the package docstring). `Truth` and the
spec round-trip through JSON, so that a corpus written once can be read again without this code.
"""

import dataclasses
from dataclasses import dataclass
from typing import Any

from daihoi.core.codes import Layout
from daihoi.omr.layout import BallotSpec
from testkit.synth.scanner import Scan

STRUCK, KEPT, AMBIGUOUS = "struck", "kept", "ambiguous"
AGREE, DISAGREE, BOTH, NONE = "agree", "disagree", "both", "none"
#: ambiguous styles: the reader must send each of these rows to the board (omr.md §2.2)
STRIKE_AMBIGUOUS = (
    "partial",  # a line over 20–75 % of the name
    "given_name",  # a line over the last word only
    "underline",  # below the baseline and the descenders, touching no letter
    "overline",  # above the cap height and the diacritics, touching no letter
    "circle",  # round the name
    "tick",  # beside the name, ≥ 2 mm
    "dot",  # beside the name, 2–3 mm across
    "number_only",  # a line through the row number, not the name
)
MARKS_AMBIGUOUS = ("faint", "name_strike")  # a 1–2 mm dot in a box; the name struck, no box

BAND = (0.20, 0.90)  # where a clean strike's centre line stays over the whole printed name
POSITION = (0.30, 0.75)  # where it is at the name's middle


@dataclass(frozen=True)
class Truth:
    """What was drawn on one page. `rows`: row number → struck / kept / ambiguous (cross-out)
    or agree / disagree / both / none / ambiguous (agree/disagree). `styles`: how each marked
    row was drawn (the ambiguous ones are those in STRIKE_AMBIGUOUS and MARKS_AMBIGUOUS)."""

    layout: str
    election_id: int
    page: int
    dpi: int
    colour: bool
    rows: dict[int, str]
    styles: dict[int, str]
    stamp: bool
    extra_ink: bool
    pen: str
    seats: int | None = None  # cross-out: the number of names the voter was meant to keep
    stamp_centre: tuple[float, float] | None = None  # mm on the paper
    stamp_diameter: float | None = None  # mm
    scan: Scan | None = None  # None: the page as drawn, without scanner effects

    @property
    def ambiguous(self) -> dict[int, str]:
        """The rows the reader must send to review, with their style."""
        return {n: self.styles[n] for n, cls in self.rows.items() if cls == AMBIGUOUS}

    def to_dict(self) -> dict[str, Any]:
        """For JSON: row numbers become strings, tuples lists."""
        data = dataclasses.asdict(self)
        data["rows"] = {str(n): v for n, v in self.rows.items()}
        data["styles"] = {str(n): v for n, v in self.styles.items()}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Truth":
        """The inverse of `to_dict`; other keys (a corpus line's "file", "kind" …) are ignored."""
        values = {f.name: data[f.name] for f in dataclasses.fields(cls) if f.name in data}
        values["rows"] = {int(n): v for n, v in data["rows"].items()}
        values["styles"] = {int(n): v for n, v in data["styles"].items()}
        if data.get("stamp_centre") is not None:
            values["stamp_centre"] = tuple(data["stamp_centre"])
        if data.get("scan") is not None:
            scan = dict(data["scan"])
            for key in ("shift", "light", "noise_at"):
                scan[key] = tuple(scan[key])
            values["scan"] = Scan(**scan)
        return cls(**values)


def spec_to_dict(spec: BallotSpec) -> dict[str, Any]:
    """A ballot spec as JSON data (for a corpus's layouts.json)."""
    data = dataclasses.asdict(spec)
    data["layout"] = spec.layout.value
    return data


def spec_from_dict(data: dict[str, Any]) -> BallotSpec:
    """The inverse of `spec_to_dict`."""
    return BallotSpec(
        election_id=int(data["election_id"]),
        round=int(data["round"]),
        layout=Layout(data["layout"]),
        paper=str(data["paper"]),
        rehearsal=bool(data["rehearsal"]),
        heading=tuple(data["heading"]),
        title=str(data["title"]),
        candidates=tuple((int(n), str(name)) for n, name in data["candidates"]),
    )


def other_election(spec: BallotSpec, election_id: int | None = None) -> BallotSpec:
    """The same list printed for another election: its code differs, so the reader must
    reject its pages (OTHER_BALLOT). Example::

        spec = BallotSpec(7, 1, Layout.CROSS_OUT, "A4", False, heading, title, candidates)
        stranger = ballot_layout(other_election(spec))  # election 8, otherwise identical
        image, truth = mark_ballot(stranger, 1, rng, dpi=200, colour=False)
    """
    new_id = spec.election_id + 1 if election_id is None else election_id
    return dataclasses.replace(spec, election_id=new_id)
