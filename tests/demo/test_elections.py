"""The seeded generators: reproducible, and the bundled example cannot drift from its generator."""

import unicodedata
from datetime import date
from importlib import resources

import pytest

from daihoi.core.composition import Share, composition_of
from daihoi.core.counting import count_election
from daihoi.demo.elections import (
    REFERENCE_DAY,
    check_reference,
    dump,
    random_election,
    reference_executive_committee,
)
from daihoi.demo.names import EXCLUDED
from daihoi.interchange.election_file import read_election


def test_bundled_reference_equals_a_fresh_generation() -> None:
    bundled = resources.files("daihoi.examples").joinpath("reference-executive-committee.json")
    assert bundled.read_text(encoding="utf-8") == dump(reference_executive_committee())


def test_reference_reproduces_the_published_structure_through_the_engine() -> None:
    """R25: 41 elected in one round; women 8/41, young 6/41, re-elected 32/32, new 9."""
    parsed = read_election(reference_executive_committee())
    outcome = count_election(parsed.election, parsed.ruleset)
    assert outcome.base.value == 286
    assert len(outcome.elected) == 41
    assert outcome.next.action == "done"
    by_id = {c.id: c for c in parsed.election.candidates}
    elected = [by_id[cid] for cid in outcome.elected]
    figures = composition_of(elected, REFERENCE_DAY, nominated=parsed.election.candidates)
    assert figures.women == Share(8, 41)
    assert figures.young == Share(6, 41)
    assert figures.reelected == Share(32, 32)
    assert figures.new_members == Share(9, 41)
    assert dict(outcome.tally.invalid_by_reason) == {
        "all_names_struck": 1,
        "more_names_than_seats": 2,
        "name_added": 1,
        "not_issued_by_board": 1,
    }


def test_reference_names_are_distinct_nfc_and_invented() -> None:
    names = [c["name"] for c in reference_executive_committee()["candidates"]]
    assert len(set(names)) == len(names) == 49
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    assert not set(names) & EXCLUDED


def test_check_reference_refuses_ballots_that_would_not_elect_the_41() -> None:
    election = reference_executive_committee()
    election["ballots"] = election["ballots"][:100]
    with pytest.raises(AssertionError, match="intended 41"):
        check_reference(election)


def test_random_election_is_deterministic_and_sized() -> None:
    one = random_election(5, ballots=300, candidates=12, seats=9)
    assert one == random_election(5, ballots=300, candidates=12, seats=9)
    assert one != random_election(6, ballots=300, candidates=12, seats=9)
    assert len(one["ballots"]) == 300
    grouped = random_election(5, ballots=300, candidates=12, seats=9, group=True)
    assert sum(b["count"] for b in grouped["ballots"]) == 300
    parsed = read_election(one)
    plain = count_election(parsed.election, parsed.ruleset)
    regrouped = read_election(grouped)
    assert count_election(regrouped.election, regrouped.ruleset).tally == plain.tally
    members = random_election(1, ballots=50, candidates=4, seats=3, meeting="members_congress")
    assert read_election(members).election.meeting == "members_congress"


def test_random_election_needs_a_surplus() -> None:
    with pytest.raises(ValueError, match="more candidates than seats"):
        random_election(1, ballots=10, candidates=3, seats=3)


def test_reference_day() -> None:
    assert date(2020, 6, 6) == REFERENCE_DAY
