"""The catalogue: every code's words in Vietnamese and English, in one package.

The core, the actions and the readers return codes and numbers, never prose; screens, documents
and the command line turn them into words here, with one way to pick the language
(`language.words`). Template text that is not a code goes through Django's i18n instead.
`CATALOGUE` lists every table, for docs/codes.md and for the test that each code has words.
"""

from collections.abc import Mapping

from daihoi.labels.audit import AUDIT_EVENTS, NAME_SPELLINGS, audit_sentence
from daihoi.labels.counting import (
    BASE_CATEGORIES,
    BODIES,
    INVALID_REASONS,
    LIST_FINDINGS,
    MEETINGS,
    NEXT_ACTIONS,
    WARNINGS,
    next_step_code,
)
from daihoi.labels.errors import ACTION_ERRORS, PASSWORD_PROBLEMS
from daihoi.labels.files import PROBLEMS
from daihoi.labels.imports import IMPORT_PROBLEMS
from daihoi.labels.integrity import INTEGRITY_FINDINGS
from daihoi.labels.language import Label, fill, language, words
from daihoi.labels.rules import CHOICES, SETTINGS, cite, setting_notes, setting_value_words
from daihoi.labels.scans import SCAN_DOUBTS, SCAN_MARKS, SCAN_REJECTIONS, SCAN_STATES
from daihoi.labels.states import (
    CONGRESS_MODES,
    DOOR_ANSWERS,
    ELECTION_STATES,
    FIGURES,
    figure_name,
)

__all__ = [
    "ACTION_ERRORS",
    "AUDIT_EVENTS",
    "BASE_CATEGORIES",
    "BODIES",
    "CATALOGUE",
    "CHOICES",
    "CONGRESS_MODES",
    "DOOR_ANSWERS",
    "ELECTION_STATES",
    "FIGURES",
    "IMPORT_PROBLEMS",
    "INTEGRITY_FINDINGS",
    "INVALID_REASONS",
    "LIST_FINDINGS",
    "MEETINGS",
    "NAME_SPELLINGS",
    "NEXT_ACTIONS",
    "PASSWORD_PROBLEMS",
    "PROBLEMS",
    "SCAN_DOUBTS",
    "SCAN_MARKS",
    "SCAN_REJECTIONS",
    "SCAN_STATES",
    "SETTINGS",
    "WARNINGS",
    "Label",
    "audit_sentence",
    "cite",
    "figure_name",
    "fill",
    "language",
    "next_step_code",
    "problem_text",
    "setting_notes",
    "setting_value_words",
    "words",
]

#: title, what the codes are, the table — in the order docs/codes.md prints them
CATALOGUE: tuple[tuple[str, str, Mapping[str, Label]], ...] = (
    ("Invalid ballots", "A ballot with one of these counts for no one.", INVALID_REASONS),
    ("Next step after a count", "What must be decided; the engine never decides it.", NEXT_ACTIONS),
    (
        "Warnings of a count",
        (
            "Need the counting board's written explanation before certification; printed with the "
            "minutes."
        ),
        WARNINGS,
    ),
    ("List checks", "Errors block printing the ballots; warnings need a look.", LIST_FINDINGS),
    ("Election file problems", "`daihoi count` exits 2 and names the JSON path of each.", PROBLEMS),
    (
        "Workbook import problems",
        "The register or a list is refused whole; each problem names its row and column.",
        IMPORT_PROBLEMS,
    ),
    (
        "Scanned pages not read",
        "Nothing is counted from such a page; the report names its file and page.",
        SCAN_REJECTIONS,
    ),
    (
        "Scanned ballots sent to the counting board",
        "A row or a ballot with one of these waits for a board member's ruling.",
        SCAN_DOUBTS,
    ),
    ("Marks on a ballot row", "As the reader or the board gives them.", SCAN_MARKS),
    ("States of a scanned ballot", "What became of a scanned page.", SCAN_STATES),
    ("Action errors", "An action that raises one of these has changed nothing.", ACTION_ERRORS),
    (
        "Passwords refused",
        "A new account's password that fails a check; the account is not made.",
        PASSWORD_PROBLEMS,
    ),
    ("Audit events", "Each write records one; the log reads them as sentences.", AUDIT_EVENTS),
    (
        "Name spellings",
        "Where names read from workbooks carry the tone of an open oa/oe/uy (a congress's choice).",
        NAME_SPELLINGS,
    ),
    (
        "Integrity findings",
        "`daihoi verify` exits 1 on any; the result page and the projector refuse such a result.",
        INTEGRITY_FINDINGS,
    ),
    ("Bodies", "What an election elects.", BODIES),
    ("Meetings", "The kind of meeting that votes; it decides the base.", MEETINGS),
    ("Deductions from the base", "Who is deducted from those summoned.", BASE_CATEGORIES),
    ("Election states", "Where an election stands.", ELECTION_STATES),
    ("Figures of a vote", "What the counting board records.", FIGURES),
    ("Congress modes", "Rehearsal or official.", CONGRESS_MODES),
    ("Answers at the door", "What the check-in page says of a scanned badge.", DOOR_ANSWERS),
    ("Settings", "What a congress may choose, by the rule set's open points.", SETTINGS),
    ("Setting choices", "Each value a setting may take, in words.", CHOICES),
)


def problem_text(code: str, values: Mapping[str, object], lang: str = "both") -> str:
    """An election-file problem's words: "vi", "en", or Vietnamese with English in brackets."""
    return words(PROBLEMS, code, values, lang)
