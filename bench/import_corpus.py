"""The office-style registers of tests/imports/corpus read as the register page would: files
accepted as they came, fields right, and the hand changes still needed (issue 13's figures).

    tools/uv run python bench/import_corpus.py [FOLDER]   # default tests/imports/corpus
"""

import json
import sys
from pathlib import Path

from tests.imports.test_office_corpus import EXPECTED, differences, errors_of, read


def score(expected_files: list[Path]) -> None:
    """The figures of the note: accepted as they came, fields right, what still needs a hand."""
    accepted = right_files = fields = right = 0
    for path in expected_files:
        expected = json.loads(path.read_text(encoding="utf-8"))
        got = read(expected, path.parent)
        errors = errors_of(got)
        if not expected["accept"]:
            verdict = "refused as expected" if errors else "ACCEPTED, should be refused"
            print(f"{expected['file']}: {verdict}")
            continue
        if expected.get("duplicates"):
            rows = ", ".join(" and ".join(map(str, d["rows"])) for d in expected["duplicates"])
            said = any(d["rows"][0] and errors for d in expected["duplicates"])
            print(
                f"{expected['file']}: the same person twice (rows {rows}): "
                + ("refused naming both rows; hand change: delete one" if said else "NOT SAID")
            )
            continue
        accepted += not errors
        wrong = differences(expected, got)
        total = sum(len(r) for r in expected["records"])
        fields += total
        right += total - len([w for w in wrong if w.startswith("record ")])
        right_files += not errors and not wrong
        print(
            f"{expected['file']}: {'accepted' if not errors else 'refused'}, "
            f"{total - len(wrong)}/{total} fields right"
        )
        for line in [*(e["message_vi"] for e in errors[:5]), *wrong[:5]]:
            print(f"    {line}")
    should = sum(json.loads(p.read_text(encoding="utf-8"))["accept"] for p in expected_files)
    print(
        f"accepted as they came: {accepted}/{should}; read entirely right: {right_files}/{should};"
        f" fields right: {right}/{fields}"
    )


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    score(sorted(folder.glob("*.expected.json")) if folder else EXPECTED)
