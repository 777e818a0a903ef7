"""How a voter fills a page: which names are kept, which rows get an ambiguous mark, and the
truth of each row. The counting engine rules on too many or too few names; the reader only reports.
"""

from collections.abc import Sequence

import numpy as np

from daihoi.omr.layout import Row
from testkit.synth.boxes import box_mark, faint
from testkit.synth.marks import ambiguous_strike
from testkit.synth.pen import Pen, Sheet
from testkit.synth.strike import strike, voter_habit
from testkit.synth.truth import AGREE, AMBIGUOUS, BOTH, DISAGREE, KEPT, NONE, STRUCK


def kept_count(rng: np.random.Generator, names: int, seats: int) -> int:
    """How many names a voter keeps: usually the seats, often fewer, sometimes every name or
    none (the counting engine rules on those; the reader only reports)."""
    draw = rng.random()
    if draw < 0.60:
        kept = seats
    elif draw < 0.85:
        kept = seats - int(rng.integers(1, max(2, seats // 4) + 1))
    elif draw < 0.90:
        kept = int(rng.integers(seats + 1, names + 1)) if names > seats else names
    elif draw < 0.94:
        kept = 0
    else:
        kept = int(rng.integers(0, names + 1))
    return max(0, min(names, kept))


def ambiguous_rows(
    rng: np.random.Generator, rows: Sequence[Row], rate: float, styles: Sequence[str]
) -> dict[int, str]:
    """On `rate` of ballots, one to three rows with an ambiguous mark: row number → style."""
    if not rows or rng.random() >= rate:
        return {}
    count = min(len(rows), int(rng.integers(1, 4)))
    chosen = rng.choice(len(rows), count, replace=False)
    return {rows[int(i)].number: str(rng.choice(styles)) for i in chosen}


def vote_strike(
    sheet: Sheet,
    rows: Sequence[Row],
    rng: np.random.Generator,
    pen: Pen,
    plan: tuple[int, dict[int, str]],
) -> tuple[dict[int, str], dict[int, str]]:
    """Strike all but `kept` names; rows in the ambiguous plan get their style instead."""
    kept, odd = plan
    keep = {rows[int(i)].number for i in rng.choice(len(rows), kept, replace=False)}
    habit = voter_habit(rng)
    truth: dict[int, str] = {}
    styles: dict[int, str] = {}
    for row in rows:
        if row.number in odd:
            truth[row.number] = AMBIGUOUS
            styles[row.number] = ambiguous_strike(sheet, row, pen, rng, odd[row.number])
        elif row.number in keep:
            truth[row.number] = KEPT
        else:
            truth[row.number] = STRUCK
            styles[row.number] = strike(sheet, row, pen, rng, habit)
    return truth, styles


def vote_marks(
    sheet: Sheet, rows: Sequence[Row], rng: np.random.Generator, pen: Pen, odd: dict[int, str]
) -> tuple[dict[int, str], dict[int, str]]:
    """Agree/disagree: mostly agree, some disagree, a few both or neither."""
    truth: dict[int, str] = {}
    styles: dict[int, str] = {}
    disagree = rng.choice([0.05, 0.15, 0.4])
    for row in rows:
        assert row.agree is not None
        assert row.disagree is not None
        if row.number in odd:
            truth[row.number] = AMBIGUOUS
            if odd[row.number] == "faint":
                styles[row.number] = faint(sheet, row, pen, rng)
            else:
                strike(sheet, row, pen, rng, voter_habit(rng))
                styles[row.number] = "name_strike"
            continue
        draw = rng.random()
        cls = NONE if draw < 0.04 else BOTH if draw < 0.07 else AGREE
        if cls == AGREE and rng.random() < disagree:
            cls = DISAGREE
        boxes = {AGREE: [row.agree], DISAGREE: [row.disagree], BOTH: [row.agree, row.disagree]}
        drawn = [box_mark(sheet, row, box, pen, rng) for box in boxes.get(cls, [])]
        truth[row.number] = cls
        if drawn:
            styles[row.number] = "+".join(drawn)
    return truth, styles
