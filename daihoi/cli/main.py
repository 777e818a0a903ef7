"""The `daihoi` command line: one entry point with a subcommand per operator task."""

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from daihoi.cli.serve import Serving


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="daihoi", description="Phần mềm đại hội đảng bộ — Party congress software."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    count = commands.add_parser(
        "count",
        help="kiểm phiếu từ tệp bầu cử / count election files",
        description="Count election files (daihoi.election/1). Without FILE: the bundled "
        "reference election (41-seat executive committee, 289 summoned).",
    )
    count.add_argument("files", nargs="*", metavar="FILE", help="election file(s); - for stdin")
    count.add_argument("--json", action="store_true", help="print daihoi.result/1 (JSON Lines)")
    count.add_argument(
        "--lang", choices=("both", "vi", "en"), default="both", help="language of error messages"
    )
    demo = commands.add_parser(
        "demo", help="đại hội mẫu / create and serve the demo congress (SQLite in data/demo)"
    )
    serve = commands.add_parser("serve", help="chạy ứng dụng / serve an existing data folder")
    for sub in (demo, serve):
        sub.add_argument("--data", default=None, help="data folder (default: data/demo or data)")
        sub.add_argument(
            "--host",
            default="127.0.0.1",
            help="address to listen on (default 127.0.0.1: this computer only; 0.0.0.0: the "
            "hall's network, with DAIHOI_ALLOWED_HOSTS naming this computer's address)",
        )
        sub.add_argument("--port", type=int, default=8000)
        sub.add_argument(
            "--workers",
            type=int,
            default=1,
            help="server processes (default 1; more only on PostgreSQL, see docs/deployment.md)",
        )
        sub.add_argument("--tls-cert", default=None, metavar="FILE", help="serve HTTPS: PEM cert")
        sub.add_argument("--tls-key", default=None, metavar="FILE", help="its private key (PEM)")
    demo.add_argument("--no-serve", action="store_true", help="load the demo and exit")
    demo.add_argument(
        "--fresh",
        action="store_true",
        help="tạo lại dữ liệu mẫu từ đầu / erase the demo data and load it afresh",
    )
    ballots = commands.add_parser(
        "ballots",
        help="in phiếu bầu / print an election's ballot papers (PDF)",
        description="Write the ballot papers of an approved list: every copy identical.",
    )
    ballots.add_argument("election", type=int, metavar="ELECTION_ID")
    ballots.add_argument("--paper", choices=("A4", "A5"), default="A4")
    ballots.add_argument(
        "--copies", type=int, default=None, help="default: those summoned + 5 %% (at least 5)"
    )
    ballots.add_argument("--out", required=True, metavar="FILE", help="the PDF to write")
    scan = commands.add_parser(
        "scan",
        help="đọc phiếu quét / count scanned ballots (JPEG, PNG, TIFF, PDF)",
        description="Read scanned ballots into an election as one entry team's ballots; "
        "doubtful ones wait for the counting board in the application.",
    )
    scan.add_argument("election", type=int, metavar="ELECTION_ID")
    scan.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders of them")
    scan.add_argument("--team", type=int, default=1, help="entry team (default 1)")
    scan.add_argument("--user", default=None, help="account recorded as scanning")
    check = commands.add_parser(
        "scan-check",
        help="thử máy quét trên phiếu đánh dấu tay / check the scanner on hand-marked ballots",
        description="Read a folder of scans of hand-marked ballots as `daihoi scan` would, "
        "compare with a sheet saying what each voter meant (TRUTH.csv: file, struck rows, "
        "doubtful rows; or file, page, row, truth) and print wrong decisions, doubtful marks not "
        "reviewed, clean ballots sent to review and pages rejected. Stores nothing. Exit 0 when "
        "nothing is wrong, 1 when a decision is wrong or a doubtful mark was not reviewed.",
    )
    check.add_argument("folder", metavar="DIR", help="the folder of scans")
    check.add_argument("truth", metavar="TRUTH.csv", help="what each voter meant")
    check.add_argument("--election", type=int, default=None, metavar="ELECTION_ID")
    check.add_argument(
        "--specs", default=None, metavar="elections.json", help="ballot specs instead of --data"
    )
    for sub in (ballots, scan, check):
        sub.add_argument("--data", default=None, help="data folder (default: data)")
    verify = commands.add_parser(
        "verify",
        help="kiểm tra toàn vẹn / check the audit chain, the certified results and the files",
        description="Walk the audit log's hash chain, recount every certified election from "
        "its frozen file against the stored result and entries, list orphaned files. "
        "Exit 0 when clean, 1 on any mismatch.",
    )
    verify.add_argument("--data", default=None, help="data folder (default: data)")
    register = commands.add_parser(
        "import-register",
        help="xem trước danh sách đại biểu / read a register workbook as the register page would",
        description="Read a delegate register (.xlsx or .xls, an office's own form or the "
        "template) and print the records the register page would store and every problem with "
        "its sheet, row and column. Stores nothing. Exit 0 when it could be stored, 1 when not.",
    )
    listed = commands.add_parser(
        "import-candidates",
        help="xem trước danh sách bầu cử / read a candidate list as the election page would",
        description="Read a candidate list workbook and print the names the election page "
        "would put on the list, each linked to the register (--register FILE) or not, and every "
        "problem. Stores nothing.",
    )
    listed.add_argument("--register", default=None, metavar="FILE", help="the register workbook")
    for sub in (register, listed):
        sub.add_argument("file", metavar="FILE")
        sub.add_argument(
            "--preview", action="store_true", help="required: read and print, store nothing"
        )
        sub.add_argument("--json", action="store_true", help="print the reading as JSON")
        sub.add_argument(
            "--on", default=None, metavar="YYYY-MM-DD", help="the congress's opening day (ages)"
        )
        sub.add_argument(
            "--day-month",
            action="append",
            default=[],
            metavar="SHEET:COLUMN=dmy|mdy",
            help="read a date column's text as day/month (dmy) or month/day (mdy)",
        )
        sub.add_argument("--lang", choices=("vi", "en"), default="vi")
    rules = commands.add_parser("rules", help="các bộ quy tắc / rule sets and their settings")
    rules.add_argument("ruleset", nargs="?", default=None, help="190-2024 or 244-2014")
    return parser


def _serving(args: argparse.Namespace) -> "Serving":
    from daihoi.cli.serve import Serving

    return Serving(args.host, args.port, args.workers, args.tls_cert, args.tls_key)


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0911 - one per subcommand
    """Run the command; returns the exit code (0 ok, 2 bad input)."""
    args = _parser().parse_args(argv)
    if args.command == "count":
        from daihoi.cli.count import run_count

        return run_count(list(args.files), as_json=args.json, lang=args.lang)
    if args.command == "demo":
        from daihoi.cli.serve import run_demo

        serving = _serving(args)
        return run_demo(args.data, serving, serve=not args.no_serve, fresh=args.fresh)
    if args.command == "serve":
        from daihoi.cli.serve import run_serve

        return run_serve(args.data, _serving(args))
    if args.command == "ballots":
        from daihoi.cli.papers import run_ballots

        return run_ballots(args.election, args.paper, args.copies, args.out, args.data)
    if args.command == "scan":
        from daihoi.cli.papers import run_scan

        return run_scan(args.election, list(args.paths), args.team, args.user, args.data)
    if args.command == "scan-check":
        from daihoi.cli.scan_check import run_scan_check

        return run_scan_check(args.folder, args.truth, args.election, args.specs, args.data)
    if args.command == "verify":
        from daihoi.cli.verify import run_verify

        return run_verify(args.data)
    if args.command in ("import-register", "import-candidates"):
        from daihoi.cli.imports import run_import

        return run_import(
            args.file,
            candidates=args.command == "import-candidates",
            register=getattr(args, "register", None),
            preview=args.preview,
            as_json=args.json,
            on=args.on,
            day_month=list(args.day_month),
            lang=args.lang,
        )
    if args.command == "rules":
        from daihoi.cli.rules import run_rules

        return run_rules(args.ruleset)
    return 2


if __name__ == "__main__":
    sys.exit(main())
