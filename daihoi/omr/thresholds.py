"""Every tuned number of the ballot reader in one place, each with what it measures (omr.md §5.3,
§6). Lengths are in millimetres on the paper unless named _PX (pixels of the 200-dpi frame)."""

from dataclasses import dataclass

STANDARD_DPI = (150, 200, 240, 250, 300, 400, 600)


SCALE_TOLERANCE = 0.015  # stretch: the two axes of one page differ by at most this (VxSuite's)


# Print scale: "fit to page" printing and copiers print at 97–103 % (issue 14 §2); the four marks
# give the true transform whatever the scale, so only absurd values are refused (a page printed
# at another paper size, a photograph of a ballot).
PRINT_SCALE_MIN = 0.90
PRINT_SCALE_MAX = 1.05


MARK_BORDER_MM = 6.0  # paper added round a scan whose marks touch its edge (a detector needs it)


# A page whose marks are not found is a ballot (marks torn, covered or printed off the paper) when
# its table shows: dark rules along this share of the page's width at least, as many as this many
# rules across the whole page (a 7-name ballot has 9); a back, blank or written on, has none.
PRINTED_RULES = 4
PRINTED_DARK_MAX = 0.3  # share of dark pixels above which a picture is no printed page
RULE_SHARE = 0.15
RULE_TILT_PX = 15  # at half size: a rule tilted 5° rises this much along RULE_SHARE of the page


MARK_ERROR_PX = 1.5  # the worst corner of the marks off the fitted page, at 200 dpi


INK_DARKNESS = 0.28  # new ink: at least this much darker than the paper around it …


WEAK_DARKNESS = 0.15  # … and its faint parts, when joined to clear ones


RING_CORE_LEVEL = 100  # inside the letters themselves no ink can be seen


RING_BLUR_PX = 0.8  # the scan's blur, at least, for the darkest print can make


RING_WEAK = 0.2  # next to the letters: darker than the darkest print by this share of paper …


RING_STRONG = 0.28


FAINT_MARK_MM = 3.0  # faint ink alone next to the print counts as a mark from this size


PRINT_LEVEL = 170  # template pixels darker than this are print


PRINT_DILATE_PX = 2  # glyph halos from blur and misregistration (omr.md §6 lesson 2)


BAND_ABOVE = 0.2  # the letters' band: from a little above the capitals …


BAND_BELOW = 0.1  # … to a little below the baseline (an underline lies lower)


# A hand's line across a name is slanted, wavy or sags (issue 14 §2: 4–9 % of clean strikes left
# the letters' band). A piece belongs to the line when most of its ink lies in a band wider than
# the letters (in cap heights above the capitals and below the baseline) …
WIDE_ABOVE = 0.6
WIDE_BELOW = 0.6


LINE_SHARE = 0.6  # … that is, this share of its ink


# … and it runs through the letters where the middle of its ink in a column lies between a little
# above the capitals' tops (0.3 mm: a line along them still crosses them) and a little above the
# baseline: a line whose middle hugs the baseline is an underline as much as a strike, one above
# the capitals an overline (the project's own corpus draws overlines from 0.6 mm above the
# capitals: a band 0.25 cap height higher read one as struck).
THROUGH_ABOVE = 0.1
THROUGH_BELOW = 0.1


CROSS_SHARE = 0.5  # a strike runs through the letters over half its length at least …


# Between, a strike runs along the name within the letters or a little below them: a hand's line
# sags under the baseline midway (issue 14 §2) …
SAG_BELOW = 0.45


# … but somewhere along its whole course, from before the name to after it, its middle rises
# clearly above the baseline, which an underline's does not: a hand aiming at the letters is at
# their height somewhere, often before or after the name, where no letter hides it, even when it
# runs under them along the whole name (the handmarks generator's "sag"). Along the name alone a
# sagging strike and an underline lie alike, 0–0.5 mm under the baseline, and the ink's relation
# to the letters does not part them: on development corpora 21 and 22 both touch the letters'
# print mask (dilated 0.25 mm) from below in most of the letters' columns (sagging strikes
# 55–97 %, an underline 0.44 mm under the baseline 92 %), and a 1.4 mm felt underline overlaps
# the letters' ink. So the height is asked of the whole course, and the level
# stays fail-closed: the first fresh corpora (seeds 102, 103) had a wavy and a thick felt
# underline rising 0.06 and 0.19 mm above the baseline (read as struck with -0.15 mm here), and
# an underline is drawn flat, so over its whole course it rises no more than along the name.
# 0.5 mm: about a pen's width (0.3–0.7 mm) above those underlines.
RISE_MM = 0.5
RISE_SHARE = 0.03  # the highest 3 % of its columns: a wobble of one or two columns is no rise


# A circle round the name or a cross has ink at two heights this far apart (in cap heights) …
LOOP_SPREAD = 1.2
LOOP_SHARE = 0.5  # … over this share of the name's columns: not a strike (a double line is
# two lines closer together)


OVERSHOOT_MM = 4.0  # a strike may start or end a little beyond the name


OVERSHOOT_SHARE = 0.15


JOIN_MM = 1.0  # ink pieces closer than this are one mark


# A mark holds at least this much ink (mm²): a 1 mm dot has 0.8, a 1 mm line of the finest pen 0.3;
# at 150 dpi the print's halo leaves scattered pixels next to a letter that JOIN_MM gathers into a
# "mark" of 0.06 mm² (issue 14 §2)
MARK_AREA_MM2 = 0.15


LEAK_LOOK_MM = 3.0  # how far beyond its cell a row's marks are followed


LEAK_MM = 1.2  # a mark reaching this far into the next row may be the neighbour's


END_MM = 1.0  # the outer halves of the first and last letters may hide a line's ends


STRUCK_COVERAGE = 0.90  # a clean strike crosses at least this share of the name's width


PARTIAL_HINT = 0.75  # a row in review leans to "struck" above this


BRIDGE_ANY_MM = 2.0  # pen skips


# A stroke running inside printed letters is hidden by the print mask (a thin line along the tops
# of "anh" vanishes for 5 mm). Bridging needs the line's own ink on both sides: 10 mm with a speck
# of the print's halo taken for the line carried partial strikes across letters at 150 dpi
# (issue 14 §2); specks now never extend a line.
BRIDGE_UNDER_PRINT_MM = 6.0


BRIDGE_FAINT_MM = (
    5.0  # a ballpoint fading between clear ink: faint ink all along, this long at most
)


LINE_SLACK_PX = 2  # a wavy line strays this far from the straight one across a gap


BOX_MARK_MM = 3.0  # an X or a tick spans at least this much of the box both ways


BOX_MARK_FILL = 0.03


EDGE_MM = 4.0  # nothing is printed this close to the edge; shadows and background are not ink


# In the margins (this close to the paper's edge, outside the rows) a pen resting or tried out
# leaves a short stroke; writing (a name added, a signature) is longer than MARGIN_MARK_MM.
MARGIN_MM = 20.0
MARGIN_MARK_MM = 8.0
MARGIN_STROKE_MM = 2.5  # … and is one stroke: this thin at most (a squiggle or a word is wider)


# The board's seal: a ring this wide at least, anywhere above the rows (it is stamped by hand,
# often beside the printed stamp zone or over the page's edge)
STAMP_MIN_MM = 14.0
STAMP_JOIN_MM = 1.5  # the ring is cut by the printed heading under it …
STAMP_GROW = 0.1  # … and its pieces beyond the title lie within this share of its size around


# OPEN-OMR-3 mixed ink: a mark of this many clear pixels at least is measured; its colour is ink
# when blue or red exceeds green by this much (0–255) in the median of its pixels (black ink and
# the scanner's noise stay below: JPEG's colour blur on a thin line does not reach it)
INK_SAMPLE_PX = 40
INK_CHROMA = 18


STAMP_INK = 0.02  # share of the stamp zone inked by a stamp


@dataclass(frozen=True)
class ReaderSettings:
    """The OMR settings of the rule set (open-points.md OPEN-OMR-1…3)."""

    partial_strike: str = "review"
    stray_ink_max_mm: float = 1.0
    mixed_ink: str = "warn"

    @property
    def covers(self) -> float | None:
        """The share of the name a partial line must cover to count as struck, when the congress
        adopted such a rule ("covers_80"); None by default: every partial line is reviewed."""
        if self.partial_strike.startswith("covers_"):
            return int(self.partial_strike.removeprefix("covers_")) / 100
        return None
