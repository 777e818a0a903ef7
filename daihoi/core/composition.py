"""Composition figures of a list or an elected body, computed from its roster (R24).

Published figures often do not add up (practice.md §3.11: "4/61, 14,6 %"); here every figure is
n/N from the members themselves, and a figure whose facts are missing is unknown, never guessed.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from daihoi.core.codes import Gender
from daihoi.core.election import Candidate


@dataclass(frozen=True)
class Share:
    """n of N; the percentage is only ever formatted, never compared (R13)."""

    numerator: int
    denominator: int


@dataclass(frozen=True)
class Composition:
    """The figures of R24 for one roster; None where some member lacks the fact."""

    total: int
    women: Share | None
    young: Share | None  # under `young_age_under` on the reference date
    young_age_under: int
    ethnic_minority: Share | None
    incumbents: Share | None  # members of the outgoing body among these
    new_members: Share | None
    #: incumbents elected / incumbents nominated (an elected body measured against its list)
    reelected: Share | None


def age_on(birth_date: date, on: date) -> int:
    """Completed years of age on `on` (a birthday on that day counts)."""
    before_birthday = (on.month, on.day) < (birth_date.month, birth_date.day)
    return on.year - birth_date.year - int(before_birthday)


def _share(flags: Sequence[bool | None], total: int) -> Share | None:
    if any(flag is None for flag in flags):
        return None
    return Share(sum(1 for flag in flags if flag), total)


def composition_of(
    members: Sequence[Candidate],
    on: date | None,
    *,
    young_age_under: int = 40,
    majority_ethnicity: str = "Kinh",
    nominated: Sequence[Candidate] | None = None,
) -> Composition:
    """Women, young, ethnic minority, incumbents, new members and re-elected of `members`.

    Rule R24 [V]: for each elected body compute women n/N; under-40 n/N (the age threshold is a
    setting, `young_age_under`); ethnic-minority n/N; re-elected incumbents / incumbents
    nominated; new members n/N. Worked (V31): 8 women of 41 → 8/41 (19,51 %).
    """
    total = len(members)
    women = _share(
        [None if m.gender is None else m.gender == Gender.FEMALE for m in members], total
    )
    if on is None:
        young = None
    else:
        young = _share(
            [
                None if m.birth_date is None else age_on(m.birth_date, on) < young_age_under
                for m in members
            ],
            total,
        )
    minority = _share(
        [None if m.ethnicity is None else m.ethnicity != majority_ethnicity for m in members],
        total,
    )
    incumbents = _share([m.incumbent for m in members], total)
    new_members = None if incumbents is None else Share(total - incumbents.numerator, total)
    reelected = None
    if nominated is not None and incumbents is not None:
        nominated_incumbents = _share([m.incumbent for m in nominated], len(nominated))
        if nominated_incumbents is not None:
            reelected = Share(incumbents.numerator, nominated_incumbents.numerator)
    return Composition(
        total, women, young, young_age_under, minority, incumbents, new_members, reelected
    )
