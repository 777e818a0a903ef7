"""The catalogue has words for every code the program can show, and no internal word in them."""

import ast
import re
from pathlib import Path

import pytest

from daihoi.core.codes import BaseCategory, Body, InvalidReason, Meeting, NextAction
from daihoi.core.rulesets.model import SETTING_SPECS, Settings
from daihoi.core.rulesets.registry import RULESETS
from daihoi.labels import (
    ACTION_ERRORS,
    AUDIT_EVENTS,
    BASE_CATEGORIES,
    BODIES,
    CATALOGUE,
    CHOICES,
    IMPORT_PROBLEMS,
    INVALID_REASONS,
    LIST_FINDINGS,
    MEETINGS,
    NEXT_ACTIONS,
    PROBLEMS,
    SETTINGS,
    WARNINGS,
    audit_sentence,
    cite,
    next_step_code,
    setting_notes,
    words,
)
from daihoi.labels.rules import CITATIONS

SOURCE = Path(__file__).parents[2] / "daihoi"
INTERNAL = re.compile(
    r"\bR\d{1,2}\b|\bOPEN-[A-Z0-9-]+|\bArt\.|\bStatute\b|\b(True|False|None)\b|\b[a-z]+(_[a-z]+)+\b"
)


def _string_arguments(function: str, position: int) -> set[str]:
    """Every string literal passed at `position` to a call of `function` in the package."""
    found: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) <= position:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            argument = node.args[position]
            if (
                name == function
                and isinstance(argument, ast.Constant)
                and isinstance(argument.value, str)
            ):
                found.add(argument.value)
    return found


def _finding_codes() -> set[str]:
    """Every code the core gives a Finding (warnings and list checks)."""
    return _string_arguments("Finding", 0)


@pytest.mark.parametrize(
    ("codes", "table"),
    [
        ({str(c) for c in InvalidReason}, INVALID_REASONS),
        ({str(c) for c in Body}, BODIES),
        ({str(c) for c in Meeting}, MEETINGS),
        ({str(c) for c in BaseCategory}, BASE_CATEGORIES),
        ({str(c) for c in NextAction}, NEXT_ACTIONS),
        ({spec.name for spec in SETTING_SPECS}, SETTINGS),
    ],
    ids=["invalid", "bodies", "meetings", "deductions", "next", "settings"],
)
def test_every_enumerated_code_has_words(codes: set[str], table: dict[str, object]) -> None:
    assert codes - set(table) == set()


def test_every_code_raised_or_recorded_in_the_code_has_words() -> None:
    assert _string_arguments("ActionError", 0) - set(ACTION_ERRORS) == set()
    assert _string_arguments("record_event", 1) - set(AUDIT_EVENTS) == set()
    assert _string_arguments("file_problem", 0) - set(IMPORT_PROBLEMS) == set()
    assert _string_arguments("fail", 1) - set(IMPORT_PROBLEMS) - set(PROBLEMS) == set()
    assert _finding_codes() - set(WARNINGS) - set(LIST_FINDINGS) == set()


def test_every_choice_of_a_setting_has_words() -> None:
    for spec in SETTING_SPECS:
        for choice in spec.choices:
            assert f"{spec.name}={choice}" in CHOICES, (spec.name, choice)


def test_no_code_reads_as_an_internal_word() -> None:
    """Neither language shows a spec id, a setting key or a Python value to a person."""
    for title, _, table in CATALOGUE:
        for code, (vi, en) in table.items():
            for said in (vi, en):
                assert vi.strip(), (title, code)
                text = re.sub(r"\{[a-z_]+\}", "", said)
                if table is PROBLEMS:  # an election file's problems name its JSON fields
                    text = re.sub(r"\b[a-z]+(_[a-z]+)+\b", "", text)
                assert INTERNAL.search(text) is None, (title, code, said)


def test_citations_are_in_vietnamese_legal_form() -> None:
    for ruleset in RULESETS:
        assert ruleset in CITATIONS
        for rule in ("R10", "R14"):
            text = cite(ruleset, rule, "vi")
            assert INTERNAL.search(text) is None, text
    assert cite("244-2014", "R10", "vi") == (
        "khoản 2 Điều 17 Quy chế bầu cử trong Đảng (ban hành kèm theo Quyết định số 244-QĐ/TW)"
    )
    assert "khoản 3 Điều 12 Điều lệ Đảng" in cite("190-2024", "R14", "vi")


def test_setting_notes_name_no_setting_key() -> None:
    settings = Settings().as_dict()
    for meeting in Meeting:
        for lang in ("vi", "en"):
            for note in setting_notes(
                settings, meeting=str(meeting), body="upper_delegates", lang=lang
            ):
                assert INTERNAL.search(note) is None, note


def test_next_step_words_depend_on_who_decides() -> None:
    assert next_step_code("further_round", "R19", "committee_meeting") == "single_candidate_failed"
    assert next_step_code("further_round", "R17", "committee_meeting") == "further_round_meeting"
    assert next_step_code("further_round", "R17", "delegates_congress") == "further_round"
    paused = words(NEXT_ACTIONS, "single_candidate_failed", lang="vi")
    assert "cấp trên" in paused
    assert "đại hội quyết định" not in paused


def test_an_audit_event_reads_as_a_sentence() -> None:
    names = {"election:5": "bầu Ban Chấp hành"}
    text = audit_sentence("record_entry", {"election": 5, "team": 1, "sheet": 12}, names, lang="vi")
    assert text == "Nhóm nhập 1 nhập phiếu số 12 — bầu Ban Chấp hành"
    text = audit_sentence(
        "record_figures",
        {"election": 5, "figures": {"ballots_collected": 285}, "reason": ""},
        names,
        lang="vi",
    )
    assert text == "Ghi số liệu bầu Ban Chấp hành: số phiếu thu vào 285"
    assert "{" not in audit_sentence("create_congress", {"ruleset": "244-2014"}, lang="vi")
