"""Synthetic scans of marked ballots, with their truth: the corpus that tests and times the reader.

omr.md §5.5. A ballot is made the way a real one is: the blank page rendered from the printed PDF,
the voter's pen strokes drawn on it in paper coordinates, the board's red stamp, then what the
scanner does (skew, shift, scale, blur, uneven light, paper tone, noise) on a canvas that shows
the scanner bed beyond the paper (§6 lesson 1: without it, markers get cropped). Everything is
drawn from one seeded `numpy.random.Generator`, so a failing image can be replayed exactly.

Geometry the reader can rely on (mm on the paper, `Row.text` = the printed name from cap height
to baseline; "position" = share of the cap height below the cap line):

* a clean strike ("struck") runs from −10 … +2 % to 98 … 112 % of the text width, sometimes from
  inside the number cell; at the name's middle its centre line is at position 0.30–0.75, and over
  the whole printed name it stays within `BAND` (0.20–0.90); the whole line stays inside the row
  cell; up to two pen skips of at most 1.5 mm each, inside the middle 70 % of the name;
* a "kept" row has no new ink anywhere in its cell; marks of other rows never leave their cell;
* ambiguous rows (`Truth.styles` names the style) are never drawn on a clean corpus.

One module per thing drawn: `pen` (the pen and the sheet), `shapes` (hand-drawn geometry),
`strike` (a clean strike), `marks` (ambiguous cross-out marks), `boxes` (agree / disagree),
`voting` (a voter's page), `writing` (ink outside the rows), `stamp` (the seal), `scanner` (its
effects and files), `truth` (what was drawn), `ballots` (a whole page). Use them through this
package: `from testkit import synth`, then `synth.mark_ballot(…)`.
"""

from testkit.synth.ballots import blank_page, mark_ballot, rotated
from testkit.synth.boxes import box_column
from testkit.synth.pen import Mask, Pen
from testkit.synth.scanner import (
    MARGIN_MM,
    PNG_SHARE,
    SHIFT_MAX_MM,
    Scan,
    apply_scan,
    encode,
    scanner_effects,
    suffix,
)
from testkit.synth.shapes import Floats
from testkit.synth.truth import (
    AGREE,
    AMBIGUOUS,
    BAND,
    BOTH,
    DISAGREE,
    KEPT,
    MARKS_AMBIGUOUS,
    NONE,
    POSITION,
    STRIKE_AMBIGUOUS,
    STRUCK,
    Truth,
    other_election,
    spec_from_dict,
    spec_to_dict,
)

_box_column = box_column  # the generator tests' name for the table cell round a box

__all__ = [
    "AGREE",
    "AMBIGUOUS",
    "BAND",
    "BOTH",
    "DISAGREE",
    "KEPT",
    "MARGIN_MM",
    "MARKS_AMBIGUOUS",
    "NONE",
    "PNG_SHARE",
    "POSITION",
    "SHIFT_MAX_MM",
    "STRIKE_AMBIGUOUS",
    "STRUCK",
    "Floats",
    "Mask",
    "Pen",
    "Scan",
    "Truth",
    "apply_scan",
    "blank_page",
    "box_column",
    "encode",
    "mark_ballot",
    "other_election",
    "rotated",
    "scanner_effects",
    "spec_from_dict",
    "spec_to_dict",
    "suffix",
]
