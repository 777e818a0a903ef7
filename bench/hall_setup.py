"""The hall bench's election and its voters: what the board finds when it opens the box.

`prepare` makes, in a fresh data folder (or a flushed PostgreSQL database), a congress with one
open election of `names` names for `seats` seats and `ballots` ballots collected, the head of the
counting board, the clerks and the members who review scans, each with an account. It is done
directly in the database (it happens before the count); everything from the opening of the box
on goes through the server. `voters` draws the ballots as voters mark them.
"""

import json
import random
from dataclasses import dataclass
from pathlib import Path

from entry_load import _django

PASSWORD = "bench-hall"  # noqa: S105 - the bench's throwaway accounts


@dataclass(frozen=True)
class Hall:
    """What the bench works on: the election's id, its congress's, and the accounts."""

    election: int
    congress: int
    ids: dict[str, int]
    head: str
    clerks: tuple[str, ...]
    reviewers: tuple[str, ...]


def prepare(
    data: Path,
    database_url: str | None,
    *,
    names: int,
    seats: int,
    ballots: int,
    clerks: int,
    teams: int = 2,
) -> Hall:
    script = f"""
from datetime import date
import random
from django.core.management import call_command
call_command("flush", interactive=False, verbosity=0) if {bool(database_url)} else None
call_command("migrate", verbosity=0)
call_command("createcachetable", verbosity=0)
from django.contrib.auth.models import User
from daihoi.core.vi.collation import sort_names
from daihoi.db.models import Candidate, Congress, Election, Membership, Organisation
from daihoi.demo.names import invented_names
org = Organisation.objects.create(name="Đảng bộ phường Thử Nghiệm")
congress = Congress.objects.create(organisation=org, number=5, term="2025–2030",
    starts_on=date(2025, 6, 1), ends_on=date(2025, 6, 2), meeting="delegates_congress",
    ruleset_id="190-2024", mode=Congress.Mode.OFFICIAL, projector_token="hall-bench")
election = Election.objects.create(congress=congress, body="executive_committee",
    meeting="delegates_congress", seats={seats}, summoned={ballots + 2},
    excluded_from_base={{}}, present={ballots}, ballots_issued={ballots},
    ballots_collected={ballots}, entry_teams={teams}, state=Election.State.OPEN,
    list_approval="{ballots}/{ballots} đại biểu có mặt tán thành")
people = invented_names(random.Random(55), ["male", "female", "male"] * {names})
for number, name in enumerate(sort_names(people[:{names}]), start=1):
    Candidate.objects.create(election=election, code=f"c{{number}}", number=number, name=name)
def member(username, roles):
    user = User.objects.create_user(username, password="{PASSWORD}")
    Membership.objects.create(user=user, congress=congress, roles=roles)
member("truongban", ["counting_head"])
for k in range({clerks}):
    member(f"thuky{{k + 1}}", ["counting_board"])
for k in range(2):
    member(f"xemxet{{k + 1}}", ["counting_board"])
print(json.dumps([election.pk, congress.pk, dict(User.objects.values_list("username", "id"))]))
"""
    election, congress, ids = json.loads(_django(data, database_url, script))
    return Hall(
        election=election,
        congress=congress,
        ids=ids,
        head="truongban",
        clerks=tuple(f"thuky{k + 1}" for k in range(clerks)),
        reviewers=("xemxet1", "xemxet2"),
    )


def voters(
    rng: random.Random, ballots: int, names: int, seats: int, invalid: float
) -> list[list[int]]:
    """The row numbers each voter struck out, ballot by ballot.

    A valid ballot keeps at most `seats` names (R10): a voter strikes exactly names − seats (12 of
    55) half the time, else up to 8 more; a share `invalid` strike fewer than names − seats, so
    keep too many, and are invalid. Names are struck with different likelihoods (the candidates'
    standing: a log-normal weight each), so the result is not a tie of everyone.
    """
    least = names - seats
    weight = [rng.lognormvariate(0, 0.6) for _ in range(names)]
    struck: list[list[int]] = []
    for _ in range(ballots):
        if rng.random() < invalid:
            count = rng.randint(max(0, least - 7), least - 1)
        elif rng.random() < 0.5:
            count = least
        else:
            count = rng.randint(least + 1, min(names, least + 8))
        chosen: set[int] = set()
        while len(chosen) < count:
            chosen.add(rng.choices(range(1, names + 1), weights=weight)[0])
        struck.append(sorted(chosen))
    return struck


def mistyped(rng: random.Random, struck: list[int], names: int) -> list[int]:
    """A clerk's typing mistake: one struck number typed as its neighbour (a slip of one key)."""
    if not struck:
        return [rng.randint(1, names)]
    wrong = list(struck)
    index = rng.randrange(len(wrong))
    for step in (1, -1, 2, -2, 3, -3):
        other = wrong[index] + step
        if 1 <= other <= names and other not in wrong:
            wrong[index] = other
            return sorted(wrong)
    return wrong[:-1]
