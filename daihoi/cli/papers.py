"""`daihoi ballots` prints an election's ballot papers; `daihoi scan` counts scanned ones.

Both run the same actions as the web application, on the data folder's database, and print
their messages in Vietnamese and English. `scan` reads directories' image and PDF files in name
order, shows its progress on stderr and ends with what was read, what waits for the counting
board, and what was rejected (file, page, why).
"""

import sys
from pathlib import Path

from daihoi.cli.serve import _setup

SCAN_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".pdf"})


def _say(vi: str, en: str) -> None:
    print(f"{vi}\n  ({en})", file=sys.stderr)


def run_ballots(
    election_id: int, paper: str, copies: int | None, out: str, data: str | None
) -> int:
    """Write the ballots of `election_id` to `out`; 0, or 2 when refused."""
    _setup(data)
    from daihoi.actions.ballot_papers import election_or_error, print_ballots
    from daihoi.errors import ActionError
    from daihoi.queries.ballots import default_copies

    try:
        chosen = copies if copies is not None else default_copies(election_or_error(election_id))
        pdf = print_ballots(None, election_id, paper, chosen)
    except ActionError as error:
        _say(error.message_vi, error.message_en)
        return 2
    Path(out).write_bytes(pdf)
    print(f"{out}: {chosen} phiếu / ballots, {paper}")
    return 0


def scan_paths(paths: list[str]) -> list[Path]:
    """Files as given; a directory gives its image and PDF files in name order."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(
                (p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SCAN_SUFFIXES),
                key=lambda p: p.name,
            )
        else:
            found.append(path)
    return found


def _user(username: str | None, congress_id: int) -> object:
    """The account the scan is recorded under: the one named, or the only one allowed to
    enter ballots; either must hold that grant in the election's congress (roles are scoped).
    None when there is no such single account."""
    from django.contrib.auth.models import User

    from daihoi.access import Permission, can

    def enters(user: User) -> bool:
        return can(user, Permission.ENTER_BALLOTS, congress_id)

    if username:
        user = User.objects.filter(username=username, is_active=True).first()
        return user if user is not None and enters(user) else None
    allowed = [u for u in User.objects.filter(is_active=True) if enters(u)]
    return allowed[0] if len(allowed) == 1 else None


def run_scan(
    election_id: int, paths: list[str], team: int, username: str | None, data: str | None
) -> int:
    """Scan `paths` for `election_id`; 0, or 2 when refused or when nothing could be read."""
    _setup(data)
    from daihoi.actions.ballot_papers import election_or_error
    from daihoi.actions.scanning import scan_files
    from daihoi.cli.progress import ProgressBar
    from daihoi.errors import ActionError

    try:
        congress_id = election_or_error(election_id).congress_id
    except ActionError as unknown:
        _say(unknown.message_vi, unknown.message_en)
        return 2
    user = _user(username, congress_id)
    if user is None:
        error = ActionError("unknown_user", "user", username=username or "?")
        _say(error.message_vi + " (--user)", error.message_en + " (--user)")
        return 2
    files: list[tuple[str, bytes]] = []
    for path in scan_paths(paths):
        try:
            files.append((str(path), path.read_bytes()))
        except OSError as problem:
            _say(
                f"Không đọc được {path}: {problem.strerror}",
                f"Cannot read {path}: {problem.strerror}",
            )
            return 2
    try:
        report = scan_files(user, election_id, team, files, ProgressBar("quét / scan "))  # type: ignore[arg-type]
    except ActionError as error:
        _say(error.message_vi, error.message_en)
        return 2
    print(f"Đọc tự động / read automatically: {report.read}")
    print(f"Chờ Ban kiểm phiếu xem xét / waiting for review: {report.review}")
    for item in report.of("review"):
        print(f"  {item.file}, trang/page {item.page}: phiếu số / ballot {item.sheet}")
    print(f"Không đọc được / rejected: {report.rejected}")
    for item in report.of("rejected"):
        print(f"  {item.message('vi')}\n    ({item.message('en')})")
    return 0 if report.read or report.review else 2
