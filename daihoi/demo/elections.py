"""Election files for the demo and the benchmarks, as JSON-ready dicts (daihoi.election/1).

`reference_executive_committee()` is the 41-seat committee election of the reference congress
(regulation.md R25; invented names): its roster is built so that the count reproduces the
congress's published structure from data (41 elected in one round; women 8/41; young 6/41;
re-elected 32/32; 9 new). `random_election()` makes elections of any size for benchmarks.
Run `python -m daihoi.demo.elections reference` to print the bundled example.

Standard library only, seeded `random.Random` instances only, no clock: the output is the same
byte for byte on every run.
"""

import json
import random
import sys
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import NotRequired, TypedDict

from daihoi.demo.names import invented_name, invented_names


class CandidateEntry(TypedDict):
    id: str
    name: str
    gender: NotRequired[str]
    birth_date: NotRequired[str]
    ethnicity: NotRequired[str]
    incumbent: NotRequired[bool]


class BallotEntry(TypedDict, total=False):
    kept: list[str]
    added: list[str]
    invalid: str
    count: int


class ElectorateEntry(TypedDict):
    summoned: int
    excluded_from_base: dict[str, int]
    present: int


class CongressEntry(TypedDict):
    organisation: str
    upper_organisation: str
    number: int
    term: str
    place: str
    date: str
    title: str


class ElectionDict(TypedDict):
    """One election file (election-file.md) as generated here."""

    format: str
    ruleset: str
    settings: dict[str, object]
    meeting: str
    body: str
    round: int
    seats: int
    alternate_seats: int
    electorate: ElectorateEntry
    ballots_issued: int
    congress: NotRequired[CongressEntry]
    candidates: list[CandidateEntry]
    ballots: list[BallotEntry]


FORMAT = "daihoi.election/1"
REFERENCE_SEED = 2020_06_06
REFERENCE_DAY = date(2020, 6, 6)
SEATS = 41
SUMMONED = 289
EXCLUDED_FROM_BASE = {
    "committee_members_absent_whole_congress": 1,
    "delegates_absent_whole_congress_not_replaced": 2,
}
PRESENT = 285  # = ballots issued; one ballot is not returned, so 284 are collected
BASE = SUMMONED - sum(EXCLUDED_FROM_BASE.values())  # 286 (R14)
VOTES_NEEDED = BASE // 2 + 1  # 144: 2·votes > base (R14)

# The roster by position: 0..40 are meant to be elected, 41..48 not (the list is then shuffled).
_CANDIDATES = SEATS + 8  # surplus 8, within the cap of ⌊0.3·41⌋ = 12 (R4)
_INCUMBENTS = frozenset(range(32))  # re-elected 32/32; 32..40 are the 9 new members
_WOMEN = frozenset({2, 7, 12, 18, 25, 30, 34, 38, 42, 45, 47})  # 8 elected, 3 not
_YOUNG = frozenset({28, 33, 35, 37, 39, 40, 44, 47})  # under 40 on the day: 6 elected, 2 not
_MINORITY = {9: "Tày", 36: "Mường", 46: "Tày"}
# The published structure (R25) that the count of the generated ballots must reproduce.
_STRUCTURE = {"women": 8, "young": 6, "incumbents": 32, "new": 9}

# Invalid ballots as a counting board meets them (R11), besides the 279 valid ones.
_VALID_BALLOTS = 279
_KEEPING_ONE_TOO_MANY = 2


@dataclass(frozen=True)
class _Person:
    """A candidate on the roster and how likely a voter is to strike the name."""

    position: int
    name: str
    gender: str
    birth_date: date
    ethnicity: str
    incumbent: bool
    strike: float


def _birth_date(rng: random.Random, *, young: bool, woman: bool, incumbent: bool) -> date:
    """A birth date within what R24 allows for a city committee in 2020.

    Young means under 40 on the congress day. Others are born no earlier than the 2020 age
    limits (about 30 months of working life left for re-election, a full term for a first
    election; women retire earlier): incumbent men from 1964, new men from 1966, incumbent women
    from 1969, new women from 1971.
    """
    if young:
        first = 1981
    elif incumbent:
        first = 1969 if woman else 1964
    else:
        first = 1971 if woman else 1966
    year = rng.randint(first, 1988 if young else 1979)
    return date(year, rng.randint(1, 12), rng.randint(1, 28))


def _given(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def _reference_roster(rng: random.Random) -> list[_Person]:
    genders = ["female" if i in _WOMEN else "male" for i in range(_CANDIDATES)]
    names = invented_names(rng, genders)
    people = []
    for i in range(_CANDIDATES):
        born = _birth_date(rng, young=i in _YOUNG, woman=i in _WOMEN, incumbent=i in _INCUMBENTS)
        strike = rng.uniform(0.02, 0.25) if i < SEATS else rng.uniform(0.55, 0.9)
        people.append(
            _Person(
                position=i,
                name=names[i],
                gender=genders[i],
                birth_date=born,
                ethnicity=_MINORITY.get(i, "Kinh"),
                incumbent=i in _INCUMBENTS,
                strike=strike,
            )
        )
    rng.shuffle(people)
    given = Counter(_given(p.name) for p in people)
    # Ballot order (R7) must matter: a shared given name, and given names under both D and Đ.
    if max(given.values()) < 2 or not {g[0] for g in given} >= {"D", "Đ"}:
        msg = "the reference roster lacks a shared given name or a given name under D and Đ"
        raise AssertionError(msg)
    return people


def _voter(rng: random.Random, people: list[_Person], keep: int) -> list[_Person]:
    """One voter's names left standing, least liked (most often struck) last."""
    kept = [p for p in people if rng.random() >= p.strike]
    kept.sort(key=lambda p: p.strike)
    return kept[:keep]


def _ids(ids: dict[int, str], kept: Iterable[_Person]) -> list[str]:
    return sorted(ids[p.position] for p in kept)


def _reference_ballots(rng: random.Random, people: list[_Person]) -> list[BallotEntry]:
    ids = {p.position: f"c{n:02d}" for n, p in enumerate(people, start=1)}
    ballots: list[BallotEntry] = [
        {"kept": _ids(ids, _voter(rng, people, SEATS))} for _ in range(_VALID_BALLOTS)
    ]
    # Two voters strike one name too few: they keep 42 names (more_names_than_seats).
    by_liking = sorted(people, key=lambda p: p.strike)
    for _ in range(_KEEPING_ONE_TOO_MANY):
        kept = _voter(rng, people, SEATS + 1)
        standing = {p.position for p in kept}
        kept += [p for p in by_liking if p.position not in standing][: SEATS + 1 - len(kept)]
        ballots.append({"kept": _ids(ids, kept)})
    # One strikes every name (all_names_struck); one writes in a name (name_added).
    ballots.append({"kept": []})
    on_list = {p.name for p in people}
    added = invented_name(rng, "male")
    while added in on_list:
        added = invented_name(rng, "male")
    ballots.append({"kept": _ids(ids, _voter(rng, people, SEATS)), "added": [added]})
    # One lacks the board's stamp: only the paper shows it.
    ballots.append({"invalid": "not_issued_by_board"})
    rng.shuffle(ballots)
    return ballots


def reference_executive_committee() -> ElectionDict:
    """The reference congress's executive-committee election (R25), reproducible.

    Checked by `check_reference` before it is returned: the intended 41 are exactly the top 41.
    """
    rng = random.Random(REFERENCE_SEED)
    people = _reference_roster(rng)
    ballots = _reference_ballots(rng, people)
    candidates: list[CandidateEntry] = [
        {
            "id": f"c{n:02d}",
            "name": p.name,
            "gender": p.gender,
            "birth_date": p.birth_date.isoformat(),
            "ethnicity": p.ethnicity,
            "incumbent": p.incumbent,
        }
        for n, p in enumerate(people, start=1)
    ]
    election: ElectionDict = {
        "format": FORMAT,
        "ruleset": "244-2014",
        "settings": {},
        "meeting": "delegates_congress",
        "body": "executive_committee",
        "round": 1,
        "seats": SEATS,
        "alternate_seats": 0,
        "electorate": {
            "summoned": SUMMONED,
            "excluded_from_base": dict(EXCLUDED_FROM_BASE),
            "present": PRESENT,
        },
        "ballots_issued": PRESENT,
        "congress": {
            "organisation": "Đảng bộ thành phố Hải Dương",
            "upper_organisation": "Đảng bộ tỉnh Hải Dương",
            "number": 23,
            "term": "2020–2025",
            "place": "thành phố Hải Dương",
            "date": REFERENCE_DAY.isoformat(),
            "title": "Đại hội đại biểu Đảng bộ thành phố Hải Dương lần thứ XXIII, "
            "nhiệm kỳ 2020–2025",
        },
        "candidates": candidates,
        "ballots": ballots,
    }
    intended = [c["id"] for c, p in zip(candidates, people, strict=True) if p.position < SEATS]
    check_reference(election, intended)
    return election


@dataclass(frozen=True)
class PlainCount:
    """A count in plain Python, independent of the engine, for cross-out files only."""

    votes: dict[str, int]  # by candidate id, in the file's order
    collected: int
    valid: int
    invalid_by_reason: dict[str, int]

    def ranked(self) -> list[str]:
        """Candidate ids by votes, highest first (ties in the file's order)."""
        return sorted(self.votes, key=lambda cid: -self.votes[cid])


def plain_count(election: ElectionDict) -> PlainCount:
    """Tally a cross-out file: a ballot counts if issued, nothing added and 1..seats names kept."""
    seats = election["seats"]
    votes = {c["id"]: 0 for c in election["candidates"]}
    reasons: Counter[str] = Counter()
    collected = valid = 0
    for ballot in election["ballots"]:
        weight = ballot.get("count", 1)
        kept = ballot.get("kept", [])
        collected += weight
        if "invalid" in ballot:
            reasons[ballot["invalid"]] += weight
        elif ballot.get("added"):
            reasons["name_added"] += weight
        elif not kept:
            reasons["all_names_struck"] += weight
        elif len(kept) > seats:
            reasons["more_names_than_seats"] += weight
        else:
            valid += weight
            for cid in kept:
                votes[cid] += weight
    return PlainCount(votes, collected, valid, dict(sorted(reasons.items())))


def _young(birth: str) -> bool:
    born = date.fromisoformat(birth)
    years = REFERENCE_DAY.year - born.year
    years -= (REFERENCE_DAY.month, REFERENCE_DAY.day) < (born.month, born.day)
    return years < 40


def check_reference(election: ElectionDict, intended: Collection[str] | None = None) -> None:
    """Raise AssertionError unless the ballots elect exactly the intended 41 in one round.

    Counted here with plain Python, independently of the engine: base 289 − 3 = 286, so 144
    votes are needed (R14), and the 41 highest are elected only if the 41st has strictly more
    votes than the 42nd (R15, R16). Without `intended` (the generator knows it, the file does
    not), the top 41 must hold every incumbent and the published structure: women 8, under 40
    on the congress day 6, incumbents 32, new 9.
    """
    electorate = election["electorate"]
    base = electorate["summoned"] - sum(electorate["excluded_from_base"].values())
    counted = plain_count(election)
    ranked = counted.ranked()
    top = ranked[:SEATS]
    last, next_best = counted.votes[ranked[SEATS - 1]], counted.votes[ranked[SEATS]]
    problems = []
    if base != BASE or election["seats"] != SEATS:
        problems.append(f"base {base} and seats {election['seats']}, not {BASE} and {SEATS}")
    if 2 * last <= base:
        problems.append(f"the 41st has {last} votes, not more than half of {base}")
    if last <= next_best:
        problems.append(f"no strict gap at the 41st: {last} against {next_best}")
    if intended is not None and set(top) != set(intended):
        problems.append(f"top 41 differ from the intended by {sorted(set(top) ^ set(intended))}")
    by_id = {c["id"]: c for c in election["candidates"]}
    elected = [by_id[cid] for cid in top]
    structure = {
        "women": sum(c.get("gender") == "female" for c in elected),
        "young": sum(_young(c.get("birth_date", "1900-01-01")) for c in elected),
        "incumbents": sum(bool(c.get("incumbent")) for c in elected),
        "new": sum(not c.get("incumbent") for c in elected),
    }
    if structure != _STRUCTURE:
        problems.append(f"the top 41 make {structure}, not {_STRUCTURE}")
    if any(c.get("incumbent") for c in by_id.values() if c["id"] not in top):
        problems.append("an incumbent is not among the top 41")
    if problems:
        msg = "reference election does not elect the intended 41: " + "; ".join(problems)
        raise AssertionError(msg)


_EXCLUDED_CATEGORY = {
    "delegates_congress": "delegates_absent_whole_congress_not_replaced",
    "members_congress": "absent_whole_congress_approved",
}


def random_election(  # noqa: PLR0913 - each keyword is one dimension of a benchmark
    seed: int,
    *,
    ballots: int,
    candidates: int,
    seats: int,
    ruleset: str = "190-2024",
    meeting: str = "delegates_congress",
    group: bool = False,
) -> ElectionDict:
    """A cross-out election of the given size with popular and unpopular candidates.

    Summoned = ballots + ballots // 50, of whom ballots // 100 are excluded from the base; every
    one present gets a ballot and returns it. About 0.5 % of ballots keep one name too many
    (invalid); the rest strike between the surplus and the surplus + 3 names (never every name),
    the less popular more often. `group` merges identical ballots with "count".
    """
    if candidates <= seats:
        msg = "a cross-out election needs more candidates than seats"
        raise ValueError(msg)
    if seats < 1 or ballots < 0:
        msg = "an election needs at least one seat and no negative number of ballots"
        raise ValueError(msg)
    rng = random.Random(seed)
    genders = [rng.choice(("male", "female")) for _ in range(candidates)]
    names = invented_names(rng, genders)
    ids = [f"c{i:04d}" for i in range(1, candidates + 1)]
    cumulative: list[float] = []
    total = 0.0
    for _ in ids:
        total += rng.uniform(0.2, 3.0)  # weight of being struck
        cumulative.append(total)
    surplus = candidates - seats
    drawn: list[tuple[str, ...]] = []
    for _ in range(ballots):
        if rng.random() < 0.005:
            to_strike = surplus - 1
        else:
            to_strike = min(candidates - 1, surplus + rng.randint(0, 3))
        struck: set[str] = set()
        while len(struck) < to_strike:
            struck.update(rng.choices(ids, cum_weights=cumulative, k=to_strike - len(struck)))
        drawn.append(tuple(i for i in ids if i not in struck))
    ballot_list: list[BallotEntry]
    if group:
        counts = Counter(drawn)  # first-seen order: reproducible
        ballot_list = [{"kept": list(k), "count": n} for k, n in counts.items()]
    else:
        ballot_list = [{"kept": list(k)} for k in drawn]
    return {
        "format": FORMAT,
        "ruleset": ruleset,
        "settings": {},
        "meeting": meeting,
        "body": "executive_committee",
        "round": 1,
        "seats": seats,
        "alternate_seats": 0,
        "electorate": {
            "summoned": ballots + ballots // 50,
            "excluded_from_base": {_EXCLUDED_CATEGORY[meeting]: ballots // 100},
            "present": ballots,
        },
        "ballots_issued": ballots,
        "candidates": [{"id": i, "name": n} for i, n in zip(ids, names, strict=True)],
        "ballots": ballot_list,
    }


def dump(election: ElectionDict) -> str:
    """The text of an election file as bundled: UTF-8 names as they are, indent 1, final newline."""
    return json.dumps(election, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    """`python -m daihoi.demo.elections reference`: the reference file as JSON on stdout."""
    if argv != ["reference"]:
        sys.stderr.write("usage: python -m daihoi.demo.elections reference\n")
        return 2
    sys.stdout.write(dump(reference_executive_committee()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
