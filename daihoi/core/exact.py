"""Exact arithmetic of the decisions: integers only, never a rounded percentage (R13, R14)."""


def is_over_half(votes: int, base: int) -> bool:
    """Whether `votes` is strictly more than half of `base`.

    Rule R14 (Statute Art. 12 cl. 3; 244-2014 Art. 32 cl. 1; 190-2024 assumed the same, OPEN-3) [V]:
    "quá một nửa" (more than half); exactly half is not elected. Decided as `2 × votes > base`,
    e.g. base 10: 5 fails, 6 passes.
    """
    return 2 * votes > base


def votes_needed(base: int) -> int:
    """The smallest number of votes that is more than half of `base`: ⌊base/2⌋ + 1 (R14) [D]."""
    return base // 2 + 1


def is_more_than_fraction(votes: int, total: int, numerator: int, denominator: int) -> bool:
    """Whether votes/total > numerator/denominator, decided in integers (R5's "more than 30 %")."""
    return votes * denominator > numerator * total
