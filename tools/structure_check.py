"""Two rules of the layout that imports alone cannot show (docs/architecture.md):

1. no module is longer than LIMIT lines unless it is listed below with the reason it is one piece;
2. no view writes: `daihoi/web` calls an action for every change, so it never saves, creates,
   updates or deletes a row, opens a transaction or records an audit event itself.

Run by tools/check (and so by CI): `tools/uv run python tools/structure_check.py`.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 500
#: module → why it stays one piece (kept short: a long module is a place to split next)
LONG_MODULES: dict[str, str] = {}
#: what a view may not do itself
WRITES = re.compile(
    r"\.save\(|\.delete\(|\.objects\.(create|bulk_create|bulk_update|update)\(|"
    r"\)\.(update|bulk_update)\(|\b(update_or_create|get_or_create)\(|"
    r"\btransaction\.|\bwrite_transaction\b|\brecord_event\b"
)


def long_modules() -> list[str]:
    found = []
    for path in sorted([*ROOT.glob("daihoi/**/*.py"), *ROOT.glob("testkit/**/*.py")]):
        name = path.relative_to(ROOT).as_posix()
        if "/migrations/" in name:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > LIMIT and name not in LONG_MODULES:
            found.append(
                f"{name}: {lines} lines (over {LIMIT}): split it, or list it with a reason"
            )
    return found


def view_writes() -> list[str]:
    found = []
    for path in sorted(ROOT.glob("daihoi/web/**/*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if WRITES.search(code):
                name = path.relative_to(ROOT).as_posix()
                found.append(f"{name}:{number}: a view writes; call an action: {line.strip()}")
    return found


def main() -> int:
    problems = long_modules() + view_writes()
    for problem in problems:
        sys.stdout.write(problem + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
