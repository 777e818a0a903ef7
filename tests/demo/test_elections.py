"""The seeded generators: reproducible, and the bundled example cannot drift from its generator."""

import json
import random
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from datetime import date
from importlib import resources

import pytest

from daihoi.core.composition import Share, composition_of
from daihoi.core.counting import count_election
from daihoi.demo.elections import (
    BASE,
    REFERENCE_DAY,
    SEATS,
    VOTES_NEEDED,
    check_reference,
    dump,
    plain_count,
    random_election,
    reference_executive_committee,
)
from daihoi.demo.names import EXCLUDED, FAMILY, GIVEN, MIDDLE, invented_name, invented_names
from daihoi.interchange.election_file import read_election


def strings(value: object) -> Iterator[str]:
    """Every string in a JSON-like value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def age_on(birth: str, day: date) -> int:
    born = date.fromisoformat(birth)
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@pytest.fixture(scope="module")
def reference() -> dict[str, object]:
    election: dict[str, object] = json.loads(dump(reference_executive_committee()))
    return election


def test_reference_is_deterministic() -> None:
    assert reference_executive_committee() == reference_executive_committee()
    assert dump(reference_executive_committee()) == dump(reference_executive_committee())


def test_bundled_reference_equals_a_fresh_generation() -> None:
    bundled = resources.files("daihoi.examples").joinpath("reference-executive-committee.json")
    assert bundled.read_text(encoding="utf-8") == dump(reference_executive_committee())


def test_module_prints_the_bundled_file() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "daihoi.demo.elections", "reference"],
        capture_output=True,
        check=True,
    )
    bundled = resources.files("daihoi.examples").joinpath("reference-executive-committee.json")
    assert run.stdout == bundled.read_bytes()


def test_check_reference_passes_on_the_generated_file() -> None:
    check_reference(reference_executive_committee())


def test_check_reference_refuses_ballots_that_would_not_elect_the_41() -> None:
    election = reference_executive_committee()
    election["ballots"] = election["ballots"][:100]
    with pytest.raises(AssertionError, match="intended 41"):
        check_reference(election)


def test_check_reference_refuses_a_tie_at_the_last_seat() -> None:
    election = reference_executive_committee()
    counted = plain_count(election)
    ranked = counted.ranked()
    gap = counted.votes[ranked[SEATS - 1]] - counted.votes[ranked[SEATS]]
    election["ballots"] += [{"kept": [ranked[SEATS]], "count": gap}]
    with pytest.raises(AssertionError, match="no strict gap"):
        check_reference(election)


def test_reference_counts_and_ballots() -> None:
    election = reference_executive_committee()
    counted = plain_count(election)
    assert counted.collected == len(election["ballots"]) == 284
    assert election["ballots_issued"] == election["electorate"]["present"] == 285
    assert counted.valid == 279
    assert counted.invalid_by_reason == {
        "all_names_struck": 1,
        "more_names_than_seats": 2,
        "name_added": 1,
        "not_issued_by_board": 1,
    }
    assert sorted(len(b.get("kept", [])) for b in election["ballots"])[-2:] == [42, 42]
    ranked = counted.ranked()
    assert counted.votes[ranked[SEATS - 1]] >= VOTES_NEEDED == 144
    assert counted.votes[ranked[SEATS - 1]] > counted.votes[ranked[SEATS]]
    assert counted.votes[ranked[SEATS - 1]] >= 190
    assert counted.votes[ranked[0]] <= 285


def test_reference_roster_has_the_published_structure_by_plain_count() -> None:
    """R25: women 8/41, under 40 6/41, re-elected 32/32, new 9; the 8 others all newcomers."""
    election = reference_executive_committee()
    by_id = {c["id"]: c for c in election["candidates"]}
    ranked = plain_count(election).ranked()
    elected = [by_id[cid] for cid in ranked[:SEATS]]
    others = [by_id[cid] for cid in ranked[SEATS:]]
    assert len(elected) == 41
    assert len(others) == 8
    assert sum(c["gender"] == "female" for c in elected) == 8
    assert sum(age_on(c["birth_date"], REFERENCE_DAY) < 40 for c in elected) == 6
    assert sum(c["incumbent"] for c in elected) == 32
    assert sum(c["incumbent"] for c in election["candidates"]) == 32
    assert sum(not c["incumbent"] for c in elected) == 9
    assert not any(c["incumbent"] for c in others)
    assert sum(c["gender"] == "female" for c in others) == 3
    assert sum(age_on(c["birth_date"], REFERENCE_DAY) < 40 for c in others) == 2


def test_reference_reproduces_the_published_structure_through_the_engine() -> None:
    """The same figures as the engine and the composition report compute them."""
    parsed = read_election(reference_executive_committee())
    outcome = count_election(parsed.election, parsed.ruleset)
    assert outcome.base.value == BASE == 286
    assert len(outcome.elected) == 41
    assert outcome.next.action == "done"
    assert list(outcome.elected) == plain_count(reference_executive_committee()).ranked()[:41]
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


def test_reference_roster() -> None:
    election = reference_executive_committee()
    candidates = election["candidates"]
    assert [c["id"] for c in candidates] == [f"c{n:02d}" for n in range(1, 50)]
    names = [c["name"] for c in candidates]
    assert len(set(names)) == len(names) == 49
    assert not set(names) & EXCLUDED
    given = Counter(name.rsplit(" ", 1)[1] for name in names)
    assert max(given.values()) >= 2
    assert {g[0] for g in given} >= {"D", "Đ"}
    assert all(1960 <= date.fromisoformat(c["birth_date"]).year <= 1988 for c in candidates)
    assert {c["ethnicity"] for c in candidates} <= {"Kinh", "Tày", "Mường"}
    assert 1 <= sum(c["ethnicity"] != "Kinh" for c in candidates) <= 3
    assert next(b["added"] for b in election["ballots"] if "added" in b)[0] not in names


def test_every_string_is_nfc(reference: dict[str, object]) -> None:
    assert all(unicodedata.is_normalized("NFC", s) for s in strings(reference))
    small = random_election(3, ballots=10, candidates=40, seats=30)
    assert all(unicodedata.is_normalized("NFC", s) for s in strings(small))


def test_name_lists_are_nfc() -> None:
    words = [*FAMILY, *MIDDLE["male"], *MIDDLE["female"], *GIVEN["male"], *GIVEN["female"]]
    assert all(unicodedata.is_normalized("NFC", w) for w in words)
    assert len(GIVEN["male"]) >= 40
    assert len(GIVEN["female"]) >= 40


class _Scripted(random.Random):
    """A generator whose choices follow a script, to reach the excluded name on purpose."""

    def __init__(self, picks: list[str]) -> None:
        super().__init__(0)
        self.picks = picks

    def choice(self, seq):  # type: ignore[no-untyped-def, override]
        return self.picks.pop(0) if self.picks else seq[0]


def test_the_real_name_is_redrawn() -> None:
    rng = _Scripted(["Lê", "Đình", "Long", "Lê", "Đình", "Long", "Trần", "Văn", "An"])
    assert invented_name(rng, "male") == "Trần Văn An"


def test_invented_names_are_distinct_and_reproducible() -> None:
    genders = ["male", "female"] * 300
    names = invented_names(random.Random(1), genders)
    assert names == invented_names(random.Random(1), genders)
    assert len(set(names)) == 600
    assert not set(names) & EXCLUDED
    with pytest.raises(ValueError, match="cannot invent"):
        invented_names(random.Random(1), ["female"] * 100_000)


def test_random_election_is_deterministic_and_sized() -> None:
    one = random_election(5, ballots=300, candidates=12, seats=9)
    assert one == random_election(5, ballots=300, candidates=12, seats=9)
    assert one != random_election(6, ballots=300, candidates=12, seats=9)
    assert len(one["ballots"]) == 300
    assert one["electorate"] == {
        "summoned": 306,
        "excluded_from_base": {"delegates_absent_whole_congress_not_replaced": 3},
        "present": 300,
    }
    assert [c["id"] for c in one["candidates"]][:2] == ["c0001", "c0002"]
    names = [c["name"] for c in one["candidates"]]
    assert len(set(names)) == 12
    kept = Counter(len(b["kept"]) for b in one["ballots"])
    assert set(kept) <= set(range(6, 11))
    assert kept[10] < 10
    grouped = random_election(5, ballots=300, candidates=12, seats=9, group=True)
    assert sum(b["count"] for b in grouped["ballots"]) == 300
    assert len(grouped["ballots"]) < 300
    parsed = read_election(one)
    plain = count_election(parsed.election, parsed.ruleset)
    regrouped = read_election(grouped)
    assert count_election(regrouped.election, regrouped.ruleset).tally == plain.tally
    members = random_election(1, ballots=50, candidates=4, seats=3, meeting="members_congress")
    assert read_election(members).election.meeting == "members_congress"


@pytest.mark.parametrize(
    ("ballots", "candidates", "seats"), [(10, 3, 1), (1, 2, 1), (1600, 200, 180)]
)
def test_random_election_sizes_are_read_and_counted(
    ballots: int, candidates: int, seats: int
) -> None:
    election = random_election(7, ballots=ballots, candidates=candidates, seats=seats)
    assert len(election["ballots"]) == ballots
    assert len(election["candidates"]) == candidates
    assert all(1 <= len(b["kept"]) <= seats + 1 for b in election["ballots"])
    parsed = read_election(election)
    outcome = count_election(parsed.election, parsed.ruleset)
    assert outcome.tally.valid + outcome.tally.invalid == ballots
    assert plain_count(election).valid == outcome.tally.valid


def test_random_election_needs_a_surplus() -> None:
    with pytest.raises(ValueError, match="more candidates than seats"):
        random_election(1, ballots=10, candidates=3, seats=3)
    with pytest.raises(ValueError, match="more candidates than seats"):
        random_election(1, ballots=10, candidates=2, seats=3)
