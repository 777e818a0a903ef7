"""Count tables (tổ kiểm phiếu, R12 task 5): sheets typed as a board writes them, a set of tables
checked against the ballots collected, the even split, and each table settled among its own teams
exactly as one stack would be."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from daihoi.core.entry import settled_ballots
from daihoi.core.tables import (
    CountTable,
    TableError,
    as_ranges,
    even_split,
    implicit,
    parse_sheets,
    parse_teams,
    settle_tables,
    stranded,
    table_problems,
    uncovered,
)
from tests.core.helpers import kept


@pytest.mark.parametrize(
    ("text", "ranges"),
    [
        ("1-116", ((1, 116),)),
        ("117–232", ((117, 232),)),  # an en dash, as a word processor types it
        ("1 - 50, 300 – 348", ((1, 50), (300, 348))),
        ("7", ((7, 7),)),
        ("1-3,4-6; 9", ((1, 6), (9, 9))),  # adjacent ranges are one
        ("300-348 1-50", ((1, 50), (300, 348))),
    ],
)
def test_sheets_are_read_as_a_board_writes_them(text: str, ranges: tuple[tuple[int, int]]) -> None:
    assert parse_sheets(text) == ranges


@pytest.mark.parametrize(
    ("text", "code", "values"),
    [
        ("1-116, abc", "sheets_malformed", {"token": "abc"}),
        ("1-5-9", "sheets_malformed", {"token": "1-5-9"}),
        ("1-١٢", "sheets_malformed", {"token": "1-١٢"}),  # digits, but not ours
        ("0-40", "sheets_zero", {"token": "0-40"}),
        ("40-1", "sheets_reversed", {"token": "40-1"}),
        ("1-50, 40-60", "sheets_repeated", {"sheet": 40}),
        ("  ", "sheets_empty", {}),
    ],
)
def test_bad_sheets_are_refused_naming_the_token(text: str, code: str, values: object) -> None:
    with pytest.raises(TableError) as refused:
        parse_sheets(text)
    assert (refused.value.code, refused.value.values) == (code, values)


def test_teams_are_read_and_bad_ones_refused() -> None:
    assert parse_teams("1 2") == (1, 2)
    assert parse_teams("3, 4+5") == (3, 4, 5)
    for text, code in (
        ("1 x", "teams_malformed"),
        ("0 1", "teams_malformed"),
        ("2 2", "teams_repeated"),
    ):
        with pytest.raises(TableError) as refused:
            parse_teams(text)
        assert refused.value.code == code


def _t(number: int, sheets: str, *teams: int) -> CountTable:
    return CountTable(number, parse_sheets(sheets), teams)


def test_three_tables_of_348_hold_together() -> None:
    tables = [_t(1, "1-116", 1, 2), _t(2, "117-232", 3, 4), _t(3, "233-348", 5, 6)]
    assert table_problems(tables, 348) == []
    assert uncovered(tables, 348) == ()


def test_each_fault_of_a_set_of_tables_is_named() -> None:
    tables = [_t(1, "1-120", 1, 2), _t(2, "117-232", 2, 4), _t(3, "233-350", 5)]
    found = {(p.code, tuple(sorted(p.values.items()))) for p in table_problems(tables, 348)}
    assert found == {
        ("table_sheet_repeated", (("other", 2), ("sheet", 117), ("table", 1))),
        ("table_team_repeated", (("other", 2), ("table", 1), ("team", 2))),
        ("table_team_count", (("table", 3), ("teams", 1))),
        ("table_beyond_collected", (("collected", 348), ("sheet", 349), ("table", 3))),
        ("table_team_missing", (("team", 3), ("teams", 5))),
    }


def test_sheets_in_no_table_are_listed_as_ranges() -> None:
    tables = [_t(1, "1-100", 1, 2), _t(2, "150-348", 3, 4)]
    assert table_problems(tables, 348) == []
    assert uncovered(tables, 348) == ((101, 149),)


@pytest.mark.parametrize(
    ("collected", "k", "m"), [(348, 1, 2), (348, 3, 2), (347, 4, 2), (10, 3, 3)]
)
def test_the_even_split_covers_every_sheet_once(collected: int, k: int, m: int) -> None:
    tables = even_split(collected, k, m)
    assert table_problems(tables, collected) == []
    assert uncovered(tables, collected) == ()
    sizes = [t.size for t in tables]
    assert max(sizes) - min(sizes) <= 1
    assert next(t.teams for t in tables) == tuple(range(1, m + 1))
    assert sorted(t for table in tables for t in table.teams) == list(range(1, k * m + 1))


def test_the_even_split_of_348_into_three_reads_as_the_brief_says() -> None:
    assert [t.text for t in even_split(348, 3, 2)] == ["1–116", "117–232", "233–348"]


def test_an_even_split_that_cannot_be_is_refused() -> None:
    for args, code in (((2, 3, 2), "tables_more_than_sheets"), ((348, 3, 1), "table_team_count")):
        with pytest.raises(TableError) as refused:
            even_split(*args)
        assert refused.value.code == code


def test_an_entry_outside_its_teams_new_table_is_found() -> None:
    tables = [_t(1, "1-116", 1, 2), _t(2, "117-232", 3, 4)]
    assert stranded(tables, {(1, 5), (3, 130)}) is None
    assert stranded(tables, {(1, 5), (1, 130)}) == (1, 130)
    assert stranded(tables, {(5, 1)}) == (5, 1)  # a team no table has


def test_each_table_is_compared_among_its_own_teams_only() -> None:
    tables = [_t(1, "1-4", 1, 2), _t(2, "5-8", 3, 4)]
    entries = {
        1: {s: kept("ab") for s in range(1, 5)},
        2: {s: kept("ab") for s in range(1, 5)},
        3: {s: kept("ac") for s in range(5, 9)},
        4: {**{s: kept("ac") for s in range(5, 8)}, 8: kept("bc")},
    }
    one, two = settle_tables(tables, entries, {})
    assert (sorted(one.settled), one.differences) == ([1, 2, 3, 4], [])
    assert sorted(two.settled) == [5, 6, 7]
    assert [(d.sheet, dict(d.entries)) for d in two.differences] == [
        (8, {3: kept("ac"), 4: kept("bc")})
    ]
    # a resolution settles it, within its table
    _, settled_two = settle_tables(tables, entries, {8: kept("ac")})
    assert (settled_two.settled[8], settled_two.differences) == (kept("ac"), [])


@given(st.integers(1, 60), st.integers(1, 4), st.integers(2, 3), st.integers(0, 10_000))
def test_tables_settle_the_same_ballots_one_table_would(
    collected: int, k: int, m: int, seed: int
) -> None:
    """Split or not, the settled ballots are the same when every team typed the truth."""
    if collected < k:
        return
    rng = random.Random(seed)
    tables = even_split(collected, k, m)
    papers = [kept("ab"), kept("ac"), kept("bc"), kept("abc")]
    truth = {s: rng.choice(papers) for s in range(1, collected + 1)}
    entries = {
        t: {s: truth[s] for s in table.sheet_numbers()} for table in tables for t in table.teams
    }
    merged = {}
    for part in settle_tables(tables, entries, {}):
        assert part.differences == []
        merged.update(part.settled)
    one = {1: truth, 2: truth}
    alone, open_ = settled_ballots(one, [1, 2], {})
    assert (merged, open_) == (alone, [])


def test_no_table_is_one_table_of_every_sheet_and_team() -> None:
    table = implicit(348, 2)
    assert (table.sheets, table.teams, table.size) == (((1, 348),), (1, 2), 348)
    assert implicit(0, 1).sheets == ()
    assert as_ranges([5, 1, 2, 3, 9]) == ((1, 3), (5, 5), (9, 9))
