"""`daihoi count` over thousands of mutated election files: never a traceback, exit 0 or 2.

Each example takes a good file (a small one and the reference election) and applies one to three
mutations at paths drawn from the document itself: a number out of range (negative, 0, 10^20,
a float, NaN-like text), a value of the wrong type (string, null, boolean, list, object), a key
removed, an unknown key added, a value buried under deep nesting. Derandomized: the same examples
every run, so a failure is reproducible; run in-process (run_count) to stay fast, plus a few real
subprocess runs of the worst cases.
"""

import contextlib
import copy
import io
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from daihoi.cli.count import run_count
from tests.interchange.test_election_file import GOOD

pytestmark = pytest.mark.slow

REFERENCE = json.loads(
    resources.files("daihoi.examples")
    .joinpath("reference-executive-committee.json")
    .read_text(encoding="utf-8")
)
#: the reference file with fewer ballots, so thousands of counts stay within the time budget
SMALL_REFERENCE = {**REFERENCE, "ballots": REFERENCE["ballots"][:12]}
SEEDS = [GOOD, SMALL_REFERENCE]

DEEP = 100_000  # deeper than Python's recursion limit: a parser that recurses must not crash
REPLACEMENTS: list[Any] = [
    -1,
    0,
    1,
    -(10**20),
    10**20,
    10**400,
    1.5,
    -0.0,
    1e308,
    "abc",
    "",
    "10",
    "1e400",
    None,
    True,
    False,
    [],
    {},
    [None],
    {"": None},
    "\u202e",
    "=cmd|' /C calc'!A0",
]

Path_ = tuple[str | int, ...]


def paths(node: Any, at: Path_ = ()) -> Iterator[Path_]:
    """Every path in the document, the root included."""
    yield at
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*at, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, (*at, index))


def parent_of(document: Any, at: Path_) -> Any:
    node = document
    for step in at[:-1]:
        node = node[step]
    return node


def mutate(document: Any, at: Path_, how: str, value: Any) -> Any:
    """`document` with the value at `at` replaced, removed, nested or given a sibling."""
    if not at:
        return value if how == "replace" else [document]
    parent = parent_of(document, at)
    key = at[-1]
    if how == "replace":
        parent[key] = value
    elif how == "remove":
        del parent[key]
    elif how == "nest":
        parent[key] = [[parent[key]]]
    elif how == "add" and isinstance(parent, dict):
        parent[f"extra_{key}"] = value
    elif how == "add":
        parent.append(value)
    return document


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    document = copy.deepcopy(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 3))):
        found = list(paths(document))
        at = draw(st.sampled_from(found))
        how = draw(st.sampled_from(["replace", "replace", "replace", "remove", "nest", "add"]))
        value = copy.deepcopy(draw(st.sampled_from(REPLACEMENTS)))  # never share a constant
        document = mutate(document, at, how, value)
    return document


def count_in_process(text: str, *, as_json: bool) -> tuple[int, str, str]:
    """Run `daihoi count` on `text` in this process: exit code, standard output and error."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run_count([file.name], as_json=as_json, lang="vi")
    return code, out.getvalue(), err.getvalue()


def encode(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False)


@settings(
    max_examples=2000,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(document=mutated(), as_json=st.booleans())
def test_count_never_crashes_on_a_mutated_file(document: Any, as_json: bool) -> None:
    code, _out, err = count_in_process(encode(document), as_json=as_json)
    assert code in (0, 2), err
    assert "Traceback" not in err


def deep(levels: int) -> str:
    return '{"format": "daihoi.election/1", "seats": ' + "[" * levels + "]" * levels + "}"


@pytest.mark.parametrize("as_json", [True, False])
def test_deep_nesting_is_refused_not_a_crash(as_json: bool) -> None:
    code, _out, err = count_in_process(deep(DEEP), as_json=as_json)
    assert code == 2
    assert "Traceback" not in err
    assert err.strip()


WORST = {
    "deep": deep(DEEP),
    "huge_seats": encode({**GOOD, "seats": 10**20}),
    "float_summoned": encode({**GOOD, "electorate": {**GOOD["electorate"], "summoned": 1.5}}),
    "null_ballots": encode({**GOOD, "ballots": None}),
    "string_count": encode({**GOOD, "ballots": [{"kept": ["c01"], "count": "6"}]}),
    "huge_count": encode({**GOOD, "ballots": [{"kept": ["c01"], "count": 10**20}]}),
    "5000_digits": '{"format": "daihoi.election/1", "seats": ' + "9" * 5000 + "}",
    "not_an_object": "[1, 2, 3]",
    "not_json": "{",
}


@pytest.mark.parametrize("name", list(WORST))
def test_the_worst_files_as_a_real_command(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.json"
    path.write_text(WORST[name], encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "daihoi", "count", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
        timeout=60,
    )
    assert run.returncode in (0, 2), run.stderr
    assert "Traceback" not in run.stderr
