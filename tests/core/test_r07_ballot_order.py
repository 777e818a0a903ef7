"""R7: ballot order by given name, Vietnamese alphabet; equal names by the OPEN-12 setting."""

from datetime import date

from daihoi.core.counting import ballot_order
from daihoi.core.election import Candidate
from daihoi.core.ids import CandidateId
from daihoi.core.rulesets.registry import get_ruleset
from tests.core.vector_files import BY_ID

SETTINGS = get_ruleset().settings


def listed(*names: str, born: tuple[date | None, ...] = ()) -> tuple[Candidate, ...]:
    births = born or (None,) * len(names)
    return tuple(
        Candidate(CandidateId(f"c{i}"), name, birth)
        for i, (name, birth) in enumerate(zip(names, births, strict=True))
    )


def test_v23_given_name_order_with_tones_ignored_first() -> None:
    vector = BY_ID["V23"]
    order = ballot_order(listed(*vector["candidates_input"]), SETTINGS)
    assert [c.name for c in order] == vector["expected"]["ballot_order"]


def test_same_given_name_then_family_then_middle_then_older_first() -> None:
    """OPEN-12 default: Hùng/Hùng → by family name (Nguyễn before Trần), then middle, then age."""
    order = ballot_order(listed("Trần Văn Hùng", "Nguyễn Văn Hùng", "Nguyễn Mạnh Hùng"), SETTINGS)
    assert [c.name for c in order] == ["Nguyễn Mạnh Hùng", "Nguyễn Văn Hùng", "Trần Văn Hùng"]
    twins = listed("Lê Văn Nam", "Lê Văn Nam", born=(date(1975, 3, 1), date(1970, 5, 9)))
    assert [c.birth_date for c in ballot_order(twins, SETTINGS)] == [
        date(1970, 5, 9),
        date(1975, 3, 1),
    ]


def test_as_listed_keeps_the_approved_order() -> None:
    as_listed = get_ruleset().with_settings({"ballot_order": "as_listed"}).settings
    names = ("Vũ Văn Giang", "Trần Văn An")
    assert [c.name for c in ballot_order(listed(*names), as_listed)] == list(names)
