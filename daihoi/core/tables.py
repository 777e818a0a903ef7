"""Count tables (tổ kiểm phiếu): the counting board splits the stack of collected ballots
between tables that work at once, each table's sheets typed by its own entry teams.

R12 (counting board, task 5 "count") gives the board the count; it does not say how the board
divides the work. Splitting the stack between tables is what boards do with a large congress;
repeated entry (every sheet typed by two or three teams of different people, the entries
compared) is this project's practice, not a Party rule, and it holds within each table: a
table's sheets are compared among the table's own teams only.

An election with no table defined is one table of every sheet and every team (`implicit`), so
the rules below are the only rules of repeated entry. Codes and numbers out, never prose.
"""

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from daihoi.core.election import Ballot
from daihoi.core.entry import Difference, settled_ballots

Ranges = tuple[tuple[int, int], ...]  # [first, last] inclusive, sorted, disjoint, not adjacent

#: teams a table may have: a pair, or a trio (the project's practice of repeated entry)
TEAMS_PER_TABLE = (2, 3)
#: more tables than this is a typing slip, not a counting board
MAX_TABLES = 20

_SEPARATORS = re.compile(r"[,;\s]+")
_RANGE = re.compile(r"^(\d+)(?:[-–—](\d+))?$")  # 1, 1-116, 1–116 (en dash), 1—116


class TableError(ValueError):
    """Why a table or a set of tables is refused: a code and the values its words name."""

    def __init__(self, code: str, values: Mapping[str, object]) -> None:
        super().__init__(code)
        self.code = code
        self.values = values


@dataclass(frozen=True)
class CountTable:
    """One table: its number (Tổ 1, Tổ 2, …), its sheets as ranges, its entry teams."""

    number: int
    sheets: Ranges
    teams: tuple[int, ...]

    def holds(self, sheet: int) -> bool:
        return any(first <= sheet <= last for first, last in self.sheets)

    def sheet_numbers(self) -> Iterator[int]:
        for first, last in self.sheets:
            yield from range(first, last + 1)

    @property
    def size(self) -> int:
        return sum(last - first + 1 for first, last in self.sheets)

    @property
    def text(self) -> str:
        """The sheets as a board writes them: "1–116", "1–50, 300–348", "7"."""
        return ranges_text(self.sheets)


def ranges_text(ranges: Ranges) -> str:
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in ranges) or "—"


def as_ranges(sheets: Iterable[int]) -> Ranges:
    """Sheet numbers as the fewest ranges."""
    out: list[tuple[int, int]] = []
    for sheet in sorted(set(sheets)):
        if out and out[-1][1] + 1 == sheet:
            out[-1] = (out[-1][0], sheet)
        else:
            out.append((sheet, sheet))
    return tuple(out)


def parse_sheets(text: str) -> Ranges:
    """The sheets typed as "1-116", "117–232", "1-50, 300-348" (spaces around a dash allowed).

    Refused with the token at fault: not a number or range (`sheets_malformed`), a zero
    (`sheets_zero`), a range written backwards (`sheets_reversed`), a sheet written twice
    (`sheets_repeated`), nothing at all (`sheets_empty`).
    """
    squeezed = re.sub(r"\s*([-–—])\s*", r"\1", text.strip())
    seen: set[int] = set()
    for token in _SEPARATORS.split(squeezed):
        if not token:
            continue
        match = _RANGE.match(token)
        if match is None or not (match.group(1) + (match.group(2) or "")).isascii():
            raise TableError("sheets_malformed", {"token": token})
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if first == 0 or last == 0:
            raise TableError("sheets_zero", {"token": token})
        if last < first:
            raise TableError("sheets_reversed", {"token": token})
        span = set(range(first, last + 1))
        if span & seen:
            raise TableError("sheets_repeated", {"sheet": min(span & seen)})
        seen |= span
    if not seen:
        raise TableError("sheets_empty", {})
    return as_ranges(seen)


def parse_teams(text: str) -> tuple[int, ...]:
    """Entry team numbers typed as "1 2", "3, 4" or "1+2"; refused with the token at fault."""
    teams: list[int] = []
    for token in re.split(r"[,;+\s]+", text.strip()):
        if not token:
            continue
        if not (token.isascii() and token.isdigit()) or int(token) == 0:
            raise TableError("teams_malformed", {"token": token})
        if int(token) in teams:
            raise TableError("teams_repeated", {"team": int(token)})
        teams.append(int(token))
    return tuple(teams)


def implicit(collected: int, teams: int) -> CountTable:
    """The one table of an election that defined none: every sheet, every team (today's rule)."""
    return CountTable(1, ((1, collected),) if collected else (), tuple(range(1, teams + 1)))


def even_split(collected: int, tables: int, teams_per_table: int) -> tuple[CountTable, ...]:
    """`tables` tables of consecutive sheets, sizes differing by at most one (the first ones
    larger), teams numbered in order: table 1 has teams 1..m, table 2 the next m, …"""
    if teams_per_table not in TEAMS_PER_TABLE:
        raise TableError("table_team_count", {"table": 1, "teams": teams_per_table})
    if not 1 <= tables <= MAX_TABLES:
        raise TableError("tables_count", {"tables": tables, "most": MAX_TABLES})
    if collected < tables:
        raise TableError("tables_more_than_sheets", {"tables": tables, "collected": collected})
    base, extra = divmod(collected, tables)
    out, first = [], 1
    for index in range(tables):
        size = base + (index < extra)
        teams = tuple(range(index * teams_per_table + 1, (index + 1) * teams_per_table + 1))
        out.append(CountTable(index + 1, ((first, first + size - 1),), teams))
        first += size
    return tuple(out)


def table_problems(tables: Sequence[CountTable], collected: int) -> list[TableError]:
    """What is wrong with a set of tables for `collected` ballots, in table order.

    The teams of the election are 1..N, N the highest team named: each team in exactly one
    table, each table a pair or a trio; each sheet in at most one table and none beyond the
    ballots collected. Sheets in no table are the separate `uncovered` (a board may define
    tables one by one; certification waits for them all).
    """
    problems: list[TableError] = []
    # R12 step 3/4: every ballot collected is classified once, so every sheet at one table
    if len(tables) > MAX_TABLES:
        problems.append(TableError("tables_count", {"tables": len(tables), "most": MAX_TABLES}))
    owner_of_team: dict[int, int] = {}
    owner_of_sheet: dict[int, int] = {}
    for table in tables:
        if len(table.teams) not in TEAMS_PER_TABLE:
            problems.append(
                TableError("table_team_count", {"table": table.number, "teams": len(table.teams)})
            )
        for team in table.teams:
            if team in owner_of_team:
                problems.append(
                    TableError(
                        "table_team_repeated",
                        {"team": team, "table": owner_of_team[team], "other": table.number},
                    )
                )
            owner_of_team.setdefault(team, table.number)
        for first, last in table.sheets:
            if last > collected:
                problems.append(
                    TableError(
                        "table_beyond_collected",
                        {
                            "table": table.number,
                            "sheet": max(first, collected + 1),
                            "collected": collected,
                        },
                    )
                )
        for sheet in table.sheet_numbers():
            if sheet in owner_of_sheet:
                problems.append(
                    TableError(
                        "table_sheet_repeated",
                        {"sheet": sheet, "table": owner_of_sheet[sheet], "other": table.number},
                    )
                )
                break
            owner_of_sheet[sheet] = table.number
    highest = max(owner_of_team, default=0)
    problems += [
        TableError("table_team_missing", {"team": team, "teams": highest})
        for team in range(1, highest + 1)
        if team not in owner_of_team
    ]
    return problems


def uncovered(tables: Sequence[CountTable], collected: int) -> Ranges:
    """The sheets 1..collected that no table holds."""
    held = {sheet for table in tables for sheet in table.sheet_numbers()}
    return as_ranges(s for s in range(1, collected + 1) if s not in held)


def table_of_team(tables: Sequence[CountTable], team: int) -> CountTable | None:
    return next((t for t in tables if team in t.teams), None)


def table_of_sheet(tables: Sequence[CountTable], sheet: int) -> CountTable | None:
    return next((t for t in tables if t.holds(sheet)), None)


def stranded(
    tables: Sequence[CountTable], typed: Iterable[tuple[int, int]]
) -> tuple[int, int] | None:
    """The first (team, sheet) already typed that its team's table would not hold."""
    for team, sheet in sorted(typed):
        table = table_of_team(tables, team)
        if table is None or not table.holds(sheet):
            return team, sheet
    return None


@dataclass(frozen=True)
class TableSettlement:
    """A table's settled ballots and its open differences (its own teams compared)."""

    table: CountTable
    settled: dict[int, Ballot]
    differences: list[Difference]


def settle_tables(
    tables: Sequence[CountTable],
    entries: Mapping[int, Mapping[int, Ballot]],
    resolutions: Mapping[int, Ballot],
    typists: Mapping[int, Mapping[int, object]] | None = None,
) -> list[TableSettlement]:
    """Each table settled as repeated entry settles one stack (daihoi.core.entry), restricted to
    the table's sheets and compared among the table's teams only."""
    out = []
    for table in tables:
        # R12 task 5 gives the board the count; comparing a table's sheets among its own teams is
        # the project's repeated entry (not a Party rule), held within each table.
        mine = {
            team: {s: b for s, b in entries.get(team, {}).items() if table.holds(s)}
            for team in table.teams
        }
        ruled = {s: b for s, b in resolutions.items() if table.holds(s)}
        settled, differences = settled_ballots(mine, list(table.teams), ruled, typists)
        out.append(TableSettlement(table, settled, differences))
    return out
