"""`daihoi count FILE… [--json]`: count election files and print results or minutes.

Every file is read and checked before anything is counted: one malformed file means exit code 2,
one line per problem with its JSON path, and no result at all.
"""

import sys
from importlib import resources
from pathlib import Path

from daihoi.core.counting import count_checked
from daihoi.documents.minutes.text import minutes_text
from daihoi.interchange.election_file import ElectionFile, ElectionFileError, load_election
from daihoi.interchange.result_file import result_json
from daihoi.labels import WARNINGS, problem_text, words

EXIT_MALFORMED = 2
REFERENCE_EXAMPLE = "reference-executive-committee.json"


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    if path == f"@{REFERENCE_EXAMPLE}":
        return resources.files("daihoi.examples").joinpath(REFERENCE_EXAMPLE).read_bytes()
    return Path(path).read_bytes()


def run_count(paths: list[str], *, as_json: bool, lang: str) -> int:
    """Count `paths` (the bundled reference election when empty); return the exit code."""
    names = paths or [f"@{REFERENCE_EXAMPLE}"]
    files: list[ElectionFile] = []
    failed = False
    for name in names:
        prefix = f"{name}: " if len(names) > 1 else ""
        try:
            files.append(load_election(_read(name)))
        except OSError as error:
            failed = True
            message = problem_text("file_not_found", {"detail": error.strerror or str(error)}, lang)
            print(f"{prefix}(file): {message}", file=sys.stderr)
        except ElectionFileError as error:
            failed = True
            for problem in error.problems:
                message = problem_text(problem.code, problem.values, lang)
                print(f"{prefix}{problem.path}: {message}", file=sys.stderr)
    if failed:
        return EXIT_MALFORMED
    for index, parsed in enumerate(files):
        outcome = count_checked(parsed.checked)
        if as_json:
            print(result_json(outcome))
            for warning in outcome.warnings:
                said = words(WARNINGS, warning.code, warning.values, lang)
                print(f"{'warning' if lang == 'en' else 'cảnh báo'}: {said}", file=sys.stderr)
        else:
            if index:
                print("\n" + "=" * 78 + "\n")
            print(minutes_text(outcome, parsed.congress, derivation=parsed.derivation))
    return 0
