"""Read an election file into core objects, naming every problem by its JSON path.

Structure and types are checked here; what the rules say about the figures (categories of the
base, ballots against the list) is checked by core.validation, with the same paths.
"""

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from daihoi.core.codes import BaseCategory, Body, InvalidReason, Mark, Meeting
from daihoi.core.election import (
    Ballot,
    Candidate,
    CrossOutBallot,
    Election,
    Electorate,
    MarksBallot,
    PaperInvalidBallot,
)
from daihoi.core.ids import CandidateId
from daihoi.core.rulesets.model import RuleSet, SettingsError
from daihoi.core.rulesets.registry import DEFAULT_RULESET_ID, RULESETS
from daihoi.core.validation import CheckedElection, ElectionInvalidError, Problem, admit
from daihoi.core.vi.formatting import MAX_CONGRESS_NUMBER
from daihoi.core.vi.text import nfc

FORMAT = "daihoi.election/1"

_TOP_FIELDS = frozenset(
    {
        "format",
        "ruleset",
        "settings",
        "meeting",
        "body",
        "round",
        "seats",
        "alternate_seats",
        "electorate",
        "ballots_issued",
        "candidates",
        "ballots",
        "congress",
        "tie_revote",
    }
)
_CANDIDATE_FIELDS = frozenset({"id", "name", "birth_date", "gender", "ethnicity", "incumbent"})
_BALLOT_FIELDS = frozenset({"kept", "marks", "invalid", "added", "count"})
_ELECTORATE_FIELDS = frozenset({"summoned", "excluded_from_base", "present", "derivation"})
_CONGRESS_FIELDS = frozenset(
    {"organisation", "upper_organisation", "number", "term", "place", "date", "title"}
)


@dataclass(frozen=True)
class CongressInfo:
    """Optional words for the minutes' header; they never change a count."""

    organisation: str | None = None
    upper_organisation: str | None = None
    number: int | None = None
    term: str | None = None
    place: str | None = None
    held_on: date | None = None  # the file's "date"
    title: str | None = None


@dataclass(frozen=True)
class ElectionFile:
    """A parsed and checked election file: the election under its rule set, and the header."""

    checked: CheckedElection
    congress: CongressInfo = field(default_factory=CongressInfo)
    #: how the electorate's figures were obtained (from attendance, and any correction with its
    #: reason): words for the minutes, never an input of the count
    derivation: Mapping[str, Any] | None = None

    @property
    def election(self) -> Election:
        return self.checked.election

    @property
    def ruleset(self) -> RuleSet:
        """The file's rule set with the file's settings applied."""
        return self.checked.ruleset


class ElectionFileError(ValueError):
    """A malformed election file; `problems` names each fault by its JSON path."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.path}: {p.code}" for p in problems))
        self.problems = problems


class _Reader:
    """Collects problems while reading, so that one run reports every fault of a file."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, code: str, **values: int | str) -> None:
        self.problems.append(Problem(path, code, values))

    def obj(self, value: object, path: str, allowed: frozenset[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(path or "(file)", "wrong_type", expected="object")
            return {}
        for key in value:
            if key not in allowed:
                self.fail(_join(path, key), "unknown_field")
        return value

    def integer(
        self, parent: Mapping[str, object], key: str, path: str, default: int | None = None
    ) -> int:
        value = parent.get(key, default)
        if value is None:
            self.fail(_join(path, key), "missing")
            return 0
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(_join(path, key), "wrong_type", expected="integer")
            return 0
        return value

    def text(self, value: object, path: str) -> str:
        if not isinstance(value, str):
            self.fail(path, "wrong_type", expected="string")
            return ""
        return nfc(value)

    def choice(self, value: object, path: str, make: Callable[[str], Any], allowed: str) -> Any:
        if value is None:
            self.fail(path, "missing")
            return None
        if not isinstance(value, str):
            self.fail(path, "wrong_type", expected="string")
            return None
        try:
            return make(value)
        except ValueError:
            self.fail(path, "unknown_value", value=value, allowed=allowed)
            return None

    def day(self, value: object, path: str) -> date | None:
        if value is None:
            return None
        if not isinstance(value, str):
            self.fail(path, "wrong_type", expected="YYYY-MM-DD")
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(path, "not_a_date", value=value)
            return None


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _names(enum: type[Any]) -> str:
    return ", ".join(member.value for member in enum)


def load_election(data: str | bytes) -> ElectionFile:
    """Parse the text of an election file; raises ElectionFileError with every problem."""
    try:
        document = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ElectionFileError([Problem("(file)", "not_json", {"detail": str(error)})]) from None
    except (ValueError, RecursionError) as error:  # a 5,000-digit number; nesting too deep
        raise ElectionFileError([Problem("(file)", "not_json", {"detail": str(error)})]) from None
    return read_election(document)


def read_election(document: object) -> ElectionFile:
    """Build the election from a decoded JSON document; raises ElectionFileError."""
    reader = _Reader()
    top = reader.obj(document, "", _TOP_FIELDS)
    if not top:
        raise ElectionFileError(reader.problems or [Problem("(file)", "empty")])
    if top.get("format") != FORMAT:
        reader.fail("format", "wrong_format", expected=FORMAT)
    ruleset = _read_ruleset(reader, top)
    meeting = reader.choice(top.get("meeting"), "meeting", Meeting, _names(Meeting))
    body = reader.choice(top.get("body"), "body", Body, _names(Body))
    electorate = _read_electorate(reader, top.get("electorate"))
    candidates = _read_candidates(reader, top.get("candidates"))
    ballots = _read_ballots(reader, top.get("ballots"))
    tie_revote = top.get("tie_revote", False)
    if not isinstance(tie_revote, bool):
        reader.fail("tie_revote", "wrong_type", expected="boolean")
        tie_revote = False
    election = Election(
        meeting=meeting,
        body=body,
        seats=reader.integer(top, "seats", ""),
        electorate=electorate,
        ballots_issued=reader.integer(top, "ballots_issued", ""),
        candidates=candidates,
        ballots=ballots,
        round=reader.integer(top, "round", "", 1),
        alternate_seats=reader.integer(top, "alternate_seats", "", 0),
        is_tie_revote=tie_revote,
    )
    congress = _read_congress(reader, top.get("congress"))
    derivation = _read_derivation(reader, top.get("electorate"))
    if reader.problems:
        raise ElectionFileError(reader.problems)
    try:
        checked = admit(election, ruleset)
    except ElectionInvalidError as error:
        raise ElectionFileError(error.problems) from None
    return ElectionFile(checked, congress, derivation)


def _read_derivation(reader: _Reader, electorate: object) -> Mapping[str, Any] | None:
    """`electorate.derivation`: an object of words (session, corrections with reasons)."""
    if not isinstance(electorate, dict) or electorate.get("derivation") is None:
        return None
    value = electorate["derivation"]
    if not isinstance(value, dict):
        reader.fail("electorate.derivation", "wrong_type", expected="object")
        return None
    corrections = value.get("corrections", [])
    if not isinstance(corrections, list) or not all(isinstance(c, dict) for c in corrections):
        reader.fail("electorate.derivation.corrections", "wrong_type", expected="list")
        return None
    return dict(value)


def _read_ruleset(reader: _Reader, top: Mapping[str, object]) -> RuleSet:
    ruleset_id = top.get("ruleset", DEFAULT_RULESET_ID)
    base = RULESETS.get(ruleset_id) if isinstance(ruleset_id, str) else None
    if base is None:
        reader.fail("ruleset", "unknown_value", value=str(ruleset_id), allowed=", ".join(RULESETS))
        base = RULESETS[DEFAULT_RULESET_ID]
    overrides = reader.obj(top.get("settings", {}), "settings", frozenset(base.settings.as_dict()))
    try:
        return base.with_settings(
            {k: v for k, v in overrides.items() if k in base.settings.as_dict()}
        )
    except SettingsError as error:
        for name, code, detail in error.problems:
            reader.fail(f"settings.{name}", f"setting_{code}", value=detail)
        return base


def _read_electorate(reader: _Reader, value: object) -> Electorate:
    if value is None:
        reader.fail("electorate", "missing")
        return Electorate(summoned=0)
    raw = reader.obj(value, "electorate", _ELECTORATE_FIELDS)
    summoned = reader.integer(raw, "summoned", "electorate")
    present = None
    if raw.get("present") is not None:
        present = reader.integer(raw, "present", "electorate")
    excluded: dict[BaseCategory, int] = {}
    path = "electorate.excluded_from_base"
    raw_excluded = raw.get("excluded_from_base", {})
    if not isinstance(raw_excluded, dict):
        reader.fail(path, "wrong_type", expected="object")
        raw_excluded = {}
    for key in raw_excluded:
        category = reader.choice(key, _join(path, key), BaseCategory, _names(BaseCategory))
        n = reader.integer(raw_excluded, key, path)
        if category is not None:
            excluded[category] = n
    return Electorate(summoned=summoned, excluded_from_base=excluded, present=present)


def _read_candidates(reader: _Reader, value: object) -> tuple[Candidate, ...]:
    if not isinstance(value, list):
        reader.fail("candidates", "missing" if value is None else "wrong_type", expected="list")
        return ()
    candidates = []
    for index, item in enumerate(value):
        path = f"candidates[{index}]"
        raw = reader.obj(item, path, _CANDIDATE_FIELDS)
        gender = raw.get("gender")
        if gender is not None and gender not in ("male", "female"):
            reader.fail(
                f"{path}.gender", "unknown_value", value=str(gender), allowed="male, female"
            )
            gender = None
        incumbent = raw.get("incumbent")
        if incumbent is not None and not isinstance(incumbent, bool):
            reader.fail(f"{path}.incumbent", "wrong_type", expected="boolean")
            incumbent = None
        ethnicity = raw.get("ethnicity")
        candidates.append(
            Candidate(
                id=CandidateId(reader.text(raw.get("id"), f"{path}.id")),
                name=reader.text(raw.get("name"), f"{path}.name"),
                birth_date=reader.day(raw.get("birth_date"), f"{path}.birth_date"),
                gender=gender,
                ethnicity=None
                if ethnicity is None
                else reader.text(ethnicity, f"{path}.ethnicity"),
                incumbent=incumbent,
            )
        )
    return tuple(candidates)


def _read_ballots(reader: _Reader, value: object) -> tuple[Ballot, ...]:
    if not isinstance(value, list):
        reader.fail("ballots", "missing" if value is None else "wrong_type", expected="list")
        return ()
    ballots: list[Ballot] = []
    for index, item in enumerate(value):
        ballot = _read_ballot(reader, item, f"ballots[{index}]")
        if ballot is not None:
            ballots.append(ballot)
    return tuple(ballots)


def _read_ballot(reader: _Reader, item: object, path: str) -> Ballot | None:
    raw = reader.obj(item, path, _BALLOT_FIELDS)
    count = reader.integer(raw, "count", path, 1)
    kinds = [key for key in ("kept", "marks", "invalid") if key in raw]
    if len(kinds) != 1:
        reader.fail(path, "one_ballot_kind")
        return None
    added: tuple[str, ...] = ()
    if "added" in raw:
        raw_added = raw["added"]
        if not isinstance(raw_added, list):
            reader.fail(f"{path}.added", "wrong_type", expected="list")
        else:
            added = tuple(reader.text(n, f"{path}.added[{i}]") for i, n in enumerate(raw_added))
    kind = kinds[0]
    if kind == "invalid":
        if added:
            reader.fail(f"{path}.added", "added_on_invalid")
        reason = reader.choice(
            raw["invalid"],
            f"{path}.invalid",
            InvalidReason,
            "not_issued_by_board, signed_or_marked",
        )
        return None if reason is None else PaperInvalidBallot(reason, count)
    if kind == "kept":
        kept = raw["kept"]
        if not isinstance(kept, list) or not set(map(type, kept)) <= {str}:  # C-speed check
            reader.fail(f"{path}.kept", "wrong_type", expected="list of candidate ids")
            return None
        return CrossOutBallot(tuple(kept), added, count)
    marks = raw["marks"]
    if not isinstance(marks, dict):
        reader.fail(f"{path}.marks", "wrong_type", expected="object")
        return None
    parsed: dict[CandidateId, Mark] = {}
    for candidate, mark in marks.items():
        value = reader.choice(mark, f"{path}.marks.{candidate}", Mark, _names(Mark))
        if value is not None:
            parsed[CandidateId(candidate)] = value
    return MarksBallot(parsed, added, count)


def read_ballot(item: object, path: str = "ballot") -> Ballot:
    """One ballot in the file's form ({"kept": …} | {"marks": …} | {"invalid": …}).

    Used by ballot entry, so that a typed ballot and a file's ballot are read by the same code.
    """
    reader = _Reader()
    ballot = _read_ballot(reader, item, path)
    if reader.problems or ballot is None:
        raise ElectionFileError(reader.problems or [Problem(path, "one_ballot_kind")])
    return ballot


def _read_congress(reader: _Reader, value: object) -> CongressInfo:
    if value is None:
        return CongressInfo()
    raw = reader.obj(value, "congress", _CONGRESS_FIELDS)
    texts = {
        key: reader.text(raw[key], f"congress.{key}")
        for key in ("organisation", "upper_organisation", "term", "place", "title")
        if raw.get(key) is not None
    }
    number = reader.integer(raw, "number", "congress") if raw.get("number") is not None else None
    if number is not None and not 1 <= number <= MAX_CONGRESS_NUMBER:
        reader.fail(
            "congress.number", "out_of_range", low=1, high=MAX_CONGRESS_NUMBER, value=number
        )
        number = None
    return CongressInfo(
        number=number, held_on=reader.day(raw.get("date"), "congress.date"), **texts
    )
