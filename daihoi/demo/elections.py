"""Election files for the demo and the benchmarks, as JSON-ready dicts (daihoi.election/1).

`reference_executive_committee()` is the 41-seat committee election of the reference congress
(regulation.md R25; invented names): its roster is built so that the count reproduces the
congress's published structure from data (41 elected in one round; women 8/41; young 6/41;
re-elected 32/32; 9 new). `random_election()` makes elections of any size for benchmarks.
Run `python -m daihoi.demo.elections reference` to print the bundled example.
"""

import json
import random
import sys
from datetime import date
from typing import Any

from daihoi.demo.names import invented_names

REFERENCE_SEED = 2020_06_06
REFERENCE_DAY = date(2020, 6, 6)
SEATS = 41

# Positions 0..40 are meant to be elected, 41..48 not (then the list is shuffled).
_INCUMBENTS = frozenset(range(32))
_WOMEN = frozenset({2, 7, 12, 18, 25, 30, 34, 38, 42, 45, 47})
_YOUNG = frozenset({28, 33, 35, 37, 39, 40, 44, 47})
_MINORITY = {9: "Tày", 36: "Mường", 46: "Tày"}


def _birth_date(rng: random.Random, *, young: bool) -> date:
    """A birth date making the person under 40 (young) or 40-60 on the congress day."""
    year = rng.randint(1981, 1988) if young else rng.randint(1961, 1979)
    return date(year, rng.randint(1, 12), rng.randint(1, 28))


def _reference_candidates(rng: random.Random) -> list[dict[str, Any]]:
    genders = ["female" if i in _WOMEN else "male" for i in range(SEATS + 8)]
    names = invented_names(rng, genders)
    people = [
        {
            "name": names[i],
            "gender": genders[i],
            "birth_date": _birth_date(rng, young=i in _YOUNG).isoformat(),
            "ethnicity": _MINORITY.get(i, "Kinh"),
            "incumbent": i in _INCUMBENTS,
            "strike": rng.uniform(0.02, 0.25) if i < SEATS else rng.uniform(0.55, 0.9),
        }
        for i in range(SEATS + 8)
    ]
    rng.shuffle(people)
    for number, person in enumerate(people, start=1):
        person["id"] = f"c{number:02d}"
    return people


def _reference_ballot(rng: random.Random, people: list[dict[str, Any]], keep_max: int) -> list[str]:
    """One voter: strikes each name with its probability, then the least liked down to keep_max."""
    kept = [p for p in people if rng.random() >= p["strike"]]
    kept.sort(key=lambda p: p["strike"])
    return sorted(p["id"] for p in kept[:keep_max])


def reference_executive_committee() -> dict[str, Any]:
    """The reference congress's executive-committee election (R25), reproducible."""
    rng = random.Random(REFERENCE_SEED)
    people = _reference_candidates(rng)
    ballots: list[dict[str, Any]] = [
        {"kept": _reference_ballot(rng, people, SEATS)} for _ in range(279)
    ]
    # Invalid ballots as a counting board meets them: two keep one name too many, one strikes
    # everyone, one writes in a name, one lacks the board's stamp.
    too_many = sorted(p["id"] for p in people)[: SEATS + 1]
    ballots += [{"kept": too_many}, {"kept": too_many[::-1][: SEATS + 1]}]
    ballots.append({"kept": []})
    ballots.append(
        {
            "kept": _reference_ballot(rng, people, SEATS - 1),
            "added": invented_names(random.Random(7), ["male"]),
        }
    )
    ballots.append({"invalid": "not_issued_by_board"})
    rng.shuffle(ballots)
    election = {
        "format": "daihoi.election/1",
        "ruleset": "244-2014",
        "settings": {},
        "meeting": "delegates_congress",
        "body": "executive_committee",
        "round": 1,
        "seats": SEATS,
        "alternate_seats": 0,
        "electorate": {
            "summoned": 289,
            "excluded_from_base": {
                "committee_members_absent_whole_congress": 1,
                "delegates_absent_whole_congress_not_replaced": 2,
            },
            "present": 285,
        },
        "ballots_issued": 285,
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
        "candidates": [
            {
                key: p[key]
                for key in ("id", "name", "gender", "birth_date", "ethnicity", "incumbent")
            }
            for p in people
        ],
        "ballots": ballots,
    }
    check_reference(election)
    return election


def check_reference(election: dict[str, Any]) -> None:
    """Raise if the generated ballots would not elect exactly the intended 41 in one round.

    Counted here with plain Python, independently of the engine: base 289 − 3 = 286, so 144
    votes are needed, and the 41st must have strictly more votes than the 42nd.
    """
    votes = {c["id"]: 0 for c in election["candidates"]}
    for ballot in election["ballots"]:
        kept = ballot.get("kept", [])
        if "invalid" in ballot or ballot.get("added") or not 1 <= len(kept) <= SEATS:
            continue
        for cid in kept:
            votes[cid] += 1
    ranked = sorted(votes.values(), reverse=True)
    intended = {c["id"] for c in election["candidates"] if c["incumbent"]}
    top = set(sorted(votes, key=lambda cid: -votes[cid])[:SEATS])
    if not (ranked[SEATS - 1] >= 144 and ranked[SEATS - 1] > ranked[SEATS] and intended <= top):
        msg = f"reference election does not elect the intended 41: {ranked[SEATS - 2 : SEATS + 2]}"
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
) -> dict[str, Any]:
    """A cross-out election of the given size with popular and unpopular candidates.

    About 0.5 % of ballots keep one name too many (invalid); the rest strike between the surplus
    and the surplus + 3 names, the less popular more often.
    """
    if candidates <= seats:
        msg = "a cross-out election needs more candidates than seats"
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
    if group:
        counts: dict[tuple[str, ...], int] = {}
        for kept in drawn:
            counts[kept] = counts.get(kept, 0) + 1
        ballot_list = [{"kept": list(k), "count": n} for k, n in counts.items()]
    else:
        ballot_list = [{"kept": list(k)} for k in drawn]
    return {
        "format": "daihoi.election/1",
        "ruleset": ruleset,
        "meeting": meeting,
        "body": "executive_committee",
        "seats": seats,
        "electorate": {
            "summoned": ballots + ballots // 50,
            "excluded_from_base": {_EXCLUDED_CATEGORY[meeting]: ballots // 100},
            "present": ballots,
        },
        "ballots_issued": ballots,
        "candidates": [{"id": i, "name": n} for i, n in zip(ids, names, strict=True)],
        "ballots": ballot_list,
    }


def dump(election: dict[str, Any]) -> str:
    """The text of an election file as bundled: UTF-8 names as they are, one ballot a line."""
    return json.dumps(election, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    if sys.argv[1:] != ["reference"]:
        sys.exit("usage: python -m daihoi.demo.elections reference")
    sys.stdout.write(dump(reference_executive_committee()))
