"""Registers as Party offices write them (tests/imports/corpus, made by someone who had not read
the reader): each is read field by field right, or refused saying what to change.
`tools/uv run python bench/import_corpus.py` prints the figures: files accepted as they came,
fields right, and what still needs a hand change.
"""

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from daihoi.cli.imports import reading_document
from daihoi.imports.register import read_register

CORPUS = Path(__file__).with_name("corpus")
#: a second corpus, by another hand, first read after the reader was tuned to the first
HOLDOUT = Path(__file__).with_name("corpus_holdout")
EXPECTED = sorted(CORPUS.glob("*.expected.json"))
EVERY = EXPECTED + sorted(HOLDOUT.glob("*.expected.json"))
#: the congress's opening day the corpus was written for (ages and party dates are checked on it)
ON = date(2025, 9, 15)


def read(expected: dict[str, Any], folder: Path = CORPUS) -> dict[str, Any]:
    data = (folder / expected["file"]).read_bytes()
    return reading_document(read_register(data, on=ON))


def differences(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Every field of every expected record that the reading has otherwise."""
    found: list[str] = []
    records = got["records"]
    if len(records) != len(expected["records"]):
        found.append(f"{len(records)} records read, {len(expected['records'])} expected")
    for index, (want, have) in enumerate(zip(expected["records"], records, strict=False)):
        for field, value in want.items():
            if have.get(field) != value:
                found.append(f"record {index + 1} {field}: {have.get(field)!r} ≠ {value!r}")
    return found


def errors_of(got: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in got["problems"] if not p.get("warning")]


@pytest.mark.parametrize(
    "path", EVERY, ids=lambda p: f"{p.parent.name}/{p.name.removesuffix('.expected.json')}"
)
def test_each_office_register_is_read_right_or_refused_in_words(path: Path) -> None:
    expected = json.loads(path.read_text(encoding="utf-8"))
    got = read(expected, path.parent)
    if not expected["accept"]:
        errors = errors_of(got)
        assert errors, "a file that must be refused was accepted"
        for problem in errors:  # each says where: a row and a column, in Vietnamese
            assert problem["row"] > 0, problem
            assert problem["message_vi"].strip(), problem
        return
    if expected.get("duplicates"):
        # the same person twice would be summoned twice: refused, naming both rows (the corpus
        # lists both records; the office deletes one)
        for pair in expected["duplicates"]:
            first, second = pair["rows"]
            assert any(
                f"dòng {first}" in p["message_vi"] and p["row"] == second for p in errors_of(got)
            ), [p["message_vi"] for p in errors_of(got)]
        return
    assert errors_of(got) == [], [p["message_vi"] for p in errors_of(got)]
    assert differences(expected, got) == []
    skipped = {(s["sheet"], s["row"], s["why"]) for s in got["skipped"]}
    for want in expected.get("skipped", []):
        assert (want["sheet"], want["row"], want["why"]) in skipped, want


def test_the_corpora_are_there() -> None:
    assert len(EXPECTED) >= 15
    assert len(EVERY) - len(EXPECTED) >= 8
