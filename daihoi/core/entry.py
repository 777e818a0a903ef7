"""Repeated entry: several teams type one stack; compare ballot by ballot; keep what is settled.

Each paper ballot is identified by the number the counting board wrote on its back (its sheet).
A sheet is settled when every team typed the same ballot, or when the head of the counting board
chose the entry that matches the paper (or recorded a third reading). The engine never settles a
difference itself: it lists them, and certification waits until none is open.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from daihoi.core.election import Ballot, CrossOutBallot, MarksBallot


def normalised(ballot: Ballot) -> Ballot:
    """A ballot in a form where equal papers compare equal (kept names in sorted order)."""
    if isinstance(ballot, CrossOutBallot):
        return CrossOutBallot(tuple(sorted(ballot.kept)), tuple(sorted(ballot.added)), 1)
    if isinstance(ballot, MarksBallot):
        return MarksBallot(dict(sorted(ballot.marks.items())), tuple(sorted(ballot.added)), 1)
    return ballot


def _same_paper_key(ballot: Ballot | None) -> object:
    """A hashable key equal for equal papers (a marks ballot holds a dict, so it is not)."""
    if ballot is None:
        return None
    paper = normalised(ballot)
    if isinstance(paper, MarksBallot):
        return ("marks", tuple(paper.marks.items()), paper.added)
    return paper


@dataclass(frozen=True)
class Difference:
    """A sheet whose entries differ, or that some team has not typed (None)."""

    sheet: int
    entries: Mapping[int, Ballot | None]  # team → what it typed


def _one_person_twice(
    typists: Mapping[int, Mapping[int, object]] | None, teams: Sequence[int], sheet: int
) -> bool:
    """Whether one person typed this sheet for two teams: that is one reading, not two."""
    if typists is None:
        return False
    who = [typists.get(team, {}).get(sheet) for team in teams]
    known = [w for w in who if w is not None]
    return len(set(known)) != len(known)


def compare_entries(
    entries: Mapping[int, Mapping[int, Ballot]],
    teams: Sequence[int],
    typists: Mapping[int, Mapping[int, object]] | None = None,
) -> list[Difference]:
    """Every sheet on which the teams' entries are not all present and equal, by sheet number.

    `typists` (team → sheet → who typed it) makes a sheet typed by one person for two teams a
    difference even when the entries agree: repeated entry checks one reader against another.
    """
    sheets = sorted({sheet for team in teams for sheet in entries.get(team, {})})
    differences = []
    for sheet in sheets:
        typed = {team: entries.get(team, {}).get(sheet) for team in teams}
        seen = {_same_paper_key(b) for b in typed.values()}
        if len(seen) != 1 or None in seen or _one_person_twice(typists, teams, sheet):
            differences.append(Difference(sheet, typed))
    return differences


def settled_ballots(
    entries: Mapping[int, Mapping[int, Ballot]],
    teams: Sequence[int],
    resolutions: Mapping[int, Ballot],
    typists: Mapping[int, Mapping[int, object]] | None = None,
) -> tuple[dict[int, Ballot], list[Difference]]:
    """The ballot of every settled sheet, and the differences still open."""
    differences = compare_entries(entries, teams, typists)
    open_differences = [d for d in differences if d.sheet not in resolutions]
    differing = {d.sheet for d in differences}
    settled: dict[int, Ballot] = {}
    for sheet in sorted({s for team in teams for s in entries.get(team, {})}):
        if sheet in resolutions:
            settled[sheet] = resolutions[sheet]
        elif sheet not in differing:
            settled[sheet] = entries[teams[0]][sheet]
    return settled, open_differences
