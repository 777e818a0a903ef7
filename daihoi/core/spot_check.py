"""The hand check of scanned ballots against their paper: which sheets to pull from the stack.

omr.md §5.4 ("Spot check against paper"), the project's practice for scanned counts: after the
machine count the counting board hand-reads a random sample drawn from a public seed (digits
thrown with dice before the board and written in the minutes) — 20 sheets, or every sheet when
fewer than 50 were scanned — and compares it with the machine's records.

The draw is a pure function of the seed and the sheets, so anyone can repeat it from the
minutes: each sheet's key is the SHA-256 of "seed/team/sheet" and the sheets with the smallest
keys are drawn. Nothing here is random itself (the core takes no randomness): the chance is in
the dice.
"""

import hashlib
from collections.abc import Iterable

#: omr.md §5.4: "for example 20, or all when there are fewer than 50"
SAMPLE = 20
ALL_BELOW = 50
#: dice thrown before the board: enough digits that nobody could have picked the sample
SEED_DIGITS = 5

Sheet = tuple[int, int]  # (team, sheet number)


class SeedError(ValueError):
    """A seed that is not digits, or too few of them."""


def normalised_seed(text: str) -> str:
    """The digits typed, without spaces or separators; refused unless digits, at least five."""
    digits = "".join(ch for ch in text if not ch.isspace() and ch not in ",.-/")
    if not digits.isascii() or not digits.isdigit() or len(digits) < SEED_DIGITS:
        raise SeedError(text)
    return digits


def sample_size(population: int) -> int:
    """How many sheets are checked when `population` ballots were scanned (omr.md §5.4)."""
    return population if population < ALL_BELOW else min(SAMPLE, population)


def _key(seed: str, sheet: Sheet) -> str:
    return hashlib.sha256(f"{seed}/{sheet[0]}/{sheet[1]}".encode()).hexdigest()


def draw(seed: str, sheets: Iterable[Sheet]) -> list[Sheet]:
    """The sheets to pull, in stack order (team, then number): all when fewer than 50, else the
    20 whose keys under `seed` are smallest. `seed` is normalised first."""
    digits = normalised_seed(seed)
    pool = sorted(set(sheets))
    chosen = sorted(pool, key=lambda sheet: _key(digits, sheet))[: sample_size(len(pool))]
    return sorted(chosen)
