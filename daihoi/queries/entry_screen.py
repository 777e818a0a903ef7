"""The entry screen's reads: the list as the clerk types it, and where this team has got to."""

from daihoi.core.election import Candidate
from daihoi.core.keying import row_width
from daihoi.core.tables import table_of_team
from daihoi.db.mappers import numbered_candidates
from daihoi.db.models import Election, ScannedBallot
from daihoi.queries.entries import table_progress
from daihoi.queries.teams import defined_tables


def ballot_rows(election: Election) -> tuple[dict[int, str], tuple[Candidate, ...]]:
    """Row number → candidate code (what the typed numbers name), and the candidates in row
    order (what the verdict and the entry check against), from one query."""
    numbered = numbered_candidates(election)
    codes = {number: str(candidate.id) for number, candidate in numbered.items()}
    return codes, tuple(numbered[number] for number in sorted(numbered))


def entry_screen(election: Election, team: int | None, posted: object) -> dict[str, object]:
    """The entry page; `team` None when the one asked for does not exist (only the choice shows).
    With count tables, the team's table: its range, the next sheet within it, its progress and
    the total."""
    e = election
    entries = e.entries.filter(team=team or 0)
    entered = set(entries.values_list("sheet", flat=True))
    waiting = e.scans.filter(team=team or 0, state=ScannedBallot.State.REVIEW)
    taken = entered | set(waiting.values_list("sheet", flat=True))  # a scan in review holds one
    tables = defined_tables(e)
    table = table_of_team(tables, team) if team and tables else None
    sheets = table.sheet_numbers() if table else range(1, e.ballots_collected + 1)
    next_sheet = next((s for s in sheets if s not in taken), None)
    last = entries.order_by("-entered_at", "-id").first()
    candidates = list(e.candidates.all())
    width = row_width(len(candidates))
    return {
        "congress": e.congress,
        "election": e,
        "team": team,
        "teams": [team] if team else range(1, e.entry_teams + 1),  # a clerk's own team only
        "candidates": candidates,
        "cross_out": len(candidates) > e.seats,
        "width": width,
        "packed_example": "".join(str(n).zfill(width) for n in (3, 7, 12)[: 2 + (width > 1)]),
        "entered": len(entered),
        "table": table,
        "tables_defined": bool(tables),
        "table_entered": len([s for s in entered if table.holds(s)]) if table else None,
        "total_typed": sum(p.typed_by_all for p in table_progress(e)) if table else None,
        "next_sheet": next_sheet,
        "last": last,
        # the sheet field's bounds: the team's own table where there is one (the browser does
        # not check them, novalidate: the server refuses in words, not in an English bubble)
        "sheet_min": min(start for start, _ in table.sheets) if table else 1,
        "sheet_max": max(end for _, end in table.sheets) if table else e.ballots_collected,
        "posted": posted,
    }
