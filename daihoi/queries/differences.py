"""The differences page: each team's reading of a sheet, drawn as the paper looks, with the rows
where they differ, grouped by count table (a table's teams are compared among themselves).

The head of the board holds the paper and compares it with pictures, not with lists of codes:
struck names are struck, marks are in words, and only the rows the teams disagree on are marked.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from daihoi.core.election import Ballot, CrossOutBallot, MarksBallot
from daihoi.db.models import Election, ScannedBallot
from daihoi.labels import INVALID_REASONS, SCAN_MARKS, language
from daihoi.queries.entries import settled_by_table
from daihoi.queries.teams import defined_tables


@dataclass(frozen=True)
class PaperRow:
    number: int
    name: str
    shows: str  # "kept", "struck", or a mark: agree / disagree / both / none
    words: str  # what the row shows, in words
    differs: bool


@dataclass(frozen=True)
class Reading:
    """One team's entry of a sheet: rows None if nothing typed or a paper reason (`invalid`)."""

    team: int
    rows: tuple[PaperRow, ...] | None
    invalid: str


def _row_states(ballot: Ballot | None, codes: Sequence[str]) -> dict[str, str] | None:
    if isinstance(ballot, CrossOutBallot):
        return {code: "kept" if code in ballot.kept else "struck" for code in codes}
    if isinstance(ballot, MarksBallot):
        return {code: str(ballot.marks.get(code, "none")) for code in codes}  # type: ignore[call-overload]
    return None


def _words(shows: str) -> str:
    return SCAN_MARKS.get(shows, (shows, shows))[int(language() == "en")]


def readings(
    entries: Mapping[int, Ballot | None], candidates: Sequence[tuple[int, str, str]]
) -> list[Reading]:
    """Every team's reading of one sheet; `candidates` are (number, code, name) in ballot order."""
    codes = [code for _number, code, _name in candidates]
    states = {team: _row_states(ballot, codes) for team, ballot in entries.items()}
    drawn = [s for s in states.values() if s is not None]
    differing = {code for code in codes if len({s[code] for s in drawn}) > 1}
    if len(drawn) < len(states):  # a team typed nothing, or an invalid reason: every row differs
        differing = set(codes) if drawn else set()
    result = []
    for team, ballot in sorted(entries.items()):
        state = states[team]
        invalid = ""
        if ballot is not None and state is None:
            reason = str(getattr(ballot, "reason", ""))
            invalid = INVALID_REASONS.get(reason, (reason, reason))[int(language() == "en")]
        rows = (
            None
            if state is None
            else tuple(
                PaperRow(number, name, state[code], _words(state[code]), code in differing)
                for number, code, name in candidates
            )
        )
        result.append(Reading(team, rows, invalid))
    return result


def differing_rows(found: Sequence[Reading]) -> list[tuple[int, str, list[tuple[int, str]]]]:
    """Only what differs: (number, name, [(team, words)]) for each row the teams disagree on."""
    drawn = [r for r in found if r.rows is not None]
    if not drawn:
        return []
    first = drawn[0].rows or ()
    out = []
    for index, row in enumerate(first):
        if row.differs:
            out.append(
                (row.number, row.name, [(r.team, (r.rows or ())[index].words) for r in drawn])
            )
    return out


def differences_screen(election: Election) -> dict[str, object]:
    """The page: every open difference with the sheet, each team's reading with its scan (None
    if typed), and only the rows that differ."""
    candidates = [(c.number, c.code, c.name) for c in election.candidates.all()]
    scans = {
        (team, sheet): pk
        for pk, team, sheet in election.scans.exclude(
            state=ScannedBallot.State.REJECTED
        ).values_list("pk", "team", "sheet")
    }
    rows: list[dict[str, object]] = []
    for part in settled_by_table(election):  # grouped by count table, each in sheet order
        for difference in part.differences:
            found = readings(difference.entries, candidates)
            rows.append(
                {
                    "sheet": difference.sheet,
                    "table": part.table,
                    "readings": [(r, scans.get((r.team, difference.sheet))) for r in found],
                    "differing": differing_rows(found),
                }
            )
    return {
        "congress": election.congress,
        "election": election,
        "rows": rows,
        "tables_defined": bool(defined_tables(election)),
        "cross_out": len(candidates) > election.seats,
    }
