"""Checks on an election list before ballots are printed: surplus, nesting, the counting board.

Rules R3, R4, R5, R12, R20. Each finding is a code with its numbers; errors block printing,
warnings need a person's acknowledgement.
"""

from collections import Counter
from collections.abc import Collection, Sequence

from daihoi.core.codes import Body, Severity
from daihoi.core.exact import is_more_than_fraction
from daihoi.core.findings import Finding, Value
from daihoi.core.ids import PersonId
from daihoi.core.rulesets.model import Settings

#: R4: lists for these bodies must carry a surplus within the cap (190-2024 Art. 14 cl. 1).
SURPLUS_BODIES = frozenset(
    {Body.EXECUTIVE_COMMITTEE, Body.STANDING_COMMITTEE, Body.BRANCH_COMMITTEE}
)

#: R3, R20 [M, Party Statute]: each body is chosen from the members of another.
PARENT_BODY: dict[Body, Body] = {
    Body.STANDING_COMMITTEE: Body.EXECUTIVE_COMMITTEE,
    Body.SECRETARY: Body.STANDING_COMMITTEE,
    Body.DEPUTY_SECRETARY: Body.STANDING_COMMITTEE,
    Body.INSPECTION_CHAIR: Body.INSPECTION_COMMITTEE,
    Body.INSPECTION_DEPUTY_CHAIR: Body.INSPECTION_COMMITTEE,
    Body.BRANCH_SECRETARY: Body.BRANCH_COMMITTEE,
    Body.BRANCH_DEPUTY_SECRETARY: Body.BRANCH_COMMITTEE,
}


def max_surplus(seats: int, settings: Settings) -> int:
    """The largest surplus the congress may allow for a committee or standing committee.

    Rule R4 [V] (190-2024 Art. 14 cl. 1; 244-2014 the same cap [P]): at most 30 % of the seats,
    N − s ≤ 0.3·s, decided in integers as ⌊3·s/10⌋ (41 → 12, 12 → 3, 15 → 4). For bodies of 3-5
    members the 2025 guidance allows a surplus of 1 (setting `small_body_max_surplus`, OPEN-1 under
    244), although 30 % of 3 is 0.9.
    """
    if 3 <= seats <= 5:
        return settings.small_body_max_surplus
    return 3 * seats // 10


def preparation_band(seats: int, settings: Settings) -> tuple[int, int]:
    """The convening committee's 10-15 % surplus band in whole people (R4 [V]; rounding OPEN-1).

    For 41 seats the exact band is 4.1-6.15 names: `nearest` gives 4-6, `outward` 4-7, `inward`
    5-6. Half-way values round up under `nearest`.
    """
    low_tenths, high_tenths = seats * 10, seats * 15  # hundredths of a person: 10 % and 15 %
    if settings.preparation_band_rounding == "outward":
        return low_tenths // 100, -(-high_tenths // 100)
    if settings.preparation_band_rounding == "inward":
        return -(-low_tenths // 100), high_tenths // 100
    return (low_tenths + 50) // 100, (high_tenths + 50) // 100


def check_surplus(body: Body, seats: int, candidates: int, settings: Settings) -> list[Finding]:
    """Surplus findings for a list of `candidates` names for `seats` seats (R4)."""
    surplus = candidates - seats
    values: dict[str, Value] = {"seats": seats, "candidates": candidates, "surplus": surplus}
    if body not in SURPLUS_BODIES:
        # OPEN-17: no surplus requirement is known for the other bodies; fewer names than seats
        # leaves seats empty for sure, which people must see before printing.
        if surplus < 0:
            return [Finding("fewer_candidates_than_seats", Severity.WARNING, "R4", values)]
        return []
    if surplus <= 0:
        # R4 [V]: committee and standing-committee lists must hold more candidates than seats.
        return [Finding("no_surplus", Severity.ERROR, "R4", values)]
    cap = max_surplus(seats, settings)
    if surplus > cap:
        return [
            Finding(
                "surplus_above_cap",
                Severity.ERROR,
                "R4",
                {**values, "max_surplus": cap, "names_to_drop": surplus - cap},
            )
        ]
    low, high = preparation_band(seats, settings)
    if not low <= surplus <= high:
        return [
            Finding(
                "surplus_outside_preparation_band",
                Severity.WARNING,
                "R4",
                {**values, "band_low": low, "band_high": high},
            )
        ]
    return []


def check_nesting(
    body: Body, candidates: Collection[PersonId], parent_members: Collection[PersonId] | None
) -> list[Finding]:
    """Candidates who are not members of the body they must come from (R3, R20) [M].

    The standing committee comes from the committee; the secretary and deputies from the standing
    committee (at a Party cell: from the branch committee); the inspection chair and deputies from
    the inspection committee. For a secretary elected directly at the congress (R3.3) the caller
    passes the newly elected committee as the parent.
    """
    parent = PARENT_BODY.get(body)
    if parent is None or parent_members is None:
        return []
    outside = tuple(sorted(set(candidates) - set(parent_members)))
    if not outside:
        return []
    return [
        Finding(
            "not_member_of_parent_body",
            Severity.ERROR,
            "R20",
            {"body": str(body), "parent": str(parent)},
            outside,
        )
    ]


def check_counting_board(
    candidates: Collection[PersonId], counting_board: Collection[PersonId]
) -> list[Finding]:
    """A person on the election list may not sit on the counting board (R12) [M]."""
    both = tuple(sorted(set(candidates) & set(counting_board)))
    if not both:
        return []
    return [Finding("candidate_on_counting_board", Severity.ERROR, "R12", {}, both)]


def check_duplicates(candidates: Sequence[PersonId]) -> list[Finding]:
    """The same person twice on one list."""
    twice = sorted(person for person, n in Counter(candidates).items() if n > 1)
    if not twice:
        return []
    return [Finding("duplicate_person", Severity.ERROR, "R5", {}, tuple(twice))]


def opinion_ballot_admits(votes: int, present: int, summoned: int, settings: Settings) -> bool:
    """Whether a nominee outside the committee's list enters the list after the opinion ballot.

    Rule R5 (190-2024 Art. 14 cl. 2) [V]: more than 30 % of the delegates attending must approve;
    whether "dự đại hội" means attending or summoned is OPEN-7 (setting `opinion_ballot_base`).
    Worked (V21): 200 attending: 64 passes, 60 fails (exactly 30 %), 62 passes on attending only.
    """
    base = present if settings.opinion_ballot_base == "present" else summoned
    return is_more_than_fraction(votes, base, 3, 10)


def elects_branch_committee(official_members: int) -> bool:
    """A Party cell of 9 or more official members elects a branch committee; under 9 it elects the
    secretary (and a deputy if needed) directly (R3; 244-2014 Art. 19 cl. 9) [V]."""
    return official_members >= 9
