"""Putting an election's list on in ballot order: the one write that numbers the names (R7).
(The list checks, surplus and nesting, are `core.candidates`.)

Every way a list comes in (picked from the register, a workbook, the unelected of the round
before, the demo) ends here, so the congress's `ballot_order` setting (OPEN-12) decides the
numbers the ballot, the entry screens and the minutes show.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from daihoi.core.counting import ballot_order
from daihoi.db.mappers import ruleset_of
from daihoi.db.models import Candidate, Delegate, Election


@dataclass(frozen=True)
class NameOnList:
    """One name as it comes onto a list; `code` is kept from the round before (the election
    file's id), a new name is given c01, c02, … by its number."""

    name: str
    birth_date: date | None
    gender: str = ""
    ethnicity: str = ""
    incumbent: bool | None = None
    delegate: Delegate | None = None
    code: str = ""


def listed_delegate(delegate: Delegate) -> NameOnList:
    """A delegate of the register as a name on a list."""
    return NameOnList(
        delegate.full_name,
        delegate.birth_date,
        delegate.gender,
        delegate.ethnicity,
        delegate.incumbent,
        delegate,
    )


def put_on_list(election: Election, names: Sequence[NameOnList]) -> None:
    """`names` onto the election's list, numbered from 1 in the congress's ballot order (R7).

    A step of an action: the caller has checked the grant and holds the write transaction.
    """
    ordered = ballot_order(names, ruleset_of(election.congress).settings)
    Candidate.objects.bulk_create(
        Candidate(
            election=election,
            delegate=n.delegate,
            code=n.code or f"c{number:02d}",
            number=number,
            name=n.name,
            birth_date=n.birth_date,
            gender=n.gender,
            ethnicity=n.ethnicity,
            incumbent=n.incumbent,
        )
        for number, n in enumerate(ordered, start=1)
    )
