"""Ballot saves while workbooks are imported: the clerks' p50/p99 with and without an import.

Run: tools/uv run python bench/import_load.py [--clerks 5] [--ballots 200] [--think-ms 50]
     [--database-url URL]
Starts `daihoi serve` (as bench/entry_load.py does), then twice has every clerk save its ballots:
first alone (the baseline), then while the organiser uploads, one after another until the clerks
finish: the largest register accepted (5.000 delegates, every column filled), its confirmation,
and two hostile ones that must be refused (6.000 rows; 200.000 sparse rows reaching column XFD,
the probe of issue 11). Prints save latency p50/p99 for both phases and for the saves made while
an import request was in flight, and each import's answer and time.
Target: p99 under 100 ms during the import, 0 errors.
"""

import argparse
import http.client
import io
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import entry_load as base  # the bench's helpers: server, clerks, percentiles


def register_workbook(rows: int) -> bytes:
    """A register of `rows` distinct, valid delegates with every column filled."""
    from openpyxl import Workbook

    from daihoi.imports.register import COLUMNS

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(COLUMNS))
    for n in range(rows):
        sheet.append(
            [
                str(n + 1),
                f"Nguyễn Văn Thử Nghiệm Số {n + 1}",
                f"{n % 28 + 1:02d}/{n % 12 + 1:02d}/{1950 + n % 40}",
                "Nam" if n % 2 else "Nữ",
                "Kinh",
                "Thạc sĩ Quản lý kinh tế",
                "Cao cấp",
                f"{n % 28 + 1:02d}/{n % 12 + 1:02d}/{1995 + n % 20}",
                "Bí thư Đảng ủy, Chủ tịch Hội đồng nhân dân phường",
                f"Đảng bộ phường Thử Nghiệm số {n % 40 + 1}",
                "Được bầu",
                "Không",
                "Chính thức",
                f"Đoàn số {n % 40 + 1}",
                f"A-{n % 500 + 1}",
                "Bí thư cấp ủy cơ sở",
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sparse_workbook(rows: int = 200_000) -> bytes:
    """Issue 11's probe: a header, then `rows` rows with one cell in the last column."""
    from openpyxl import Workbook

    from daihoi.imports.register import COLUMNS

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(COLUMNS))
    for row in range(2, rows + 2):
        sheet.cell(row=row, column=16384, value="x")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def prepare(data: Path, database_url: str | None, clerks: int, ballots: int) -> tuple[int, int]:
    """The reference congress, an open election of clerks×ballots collected, the clerks (team 1)
    and an organiser; (congress, election)."""
    script = base.setup_script(database_url, clerks, ballots) + (
        'User.objects.create_superuser("organiser", password="bench")\n'
        "print(congress.pk, election.pk)\n"
    )
    congress, election = base._django(data, database_url, script).split()
    return int(congress), int(election)


class Importer(threading.Thread):
    """The organiser: uploads workbooks one after another until told to stop."""

    def __init__(self, port: int, congress: int, books: list[tuple[str, bytes]]) -> None:
        super().__init__()
        self.port, self.congress, self.books = port, congress, books
        self.user = base.Clerk(port, 0, 0, range(0), 1, 0)  # only its session and requests
        self.stop = threading.Event()
        self.busy: list[tuple[float, float]] = []  # (start, end) of each import request
        self.answers: list[tuple[str, int, float, str]] = []
        self.confirmed = False

    def upload(self, conn: http.client.HTTPConnection, name: str, data: bytes) -> str:
        """POST the workbook to the preview; the token to confirm with, if it was accepted."""
        boundary = uuid.uuid4().hex
        body = (
            (
                f"--{boundary}\r\nContent-Disposition: form-data; "
                'name="csrfmiddlewaretoken"\r\n\r\n'
                f"{self.user.cookies['csrftoken']}\r\n--{boundary}\r\nContent-Disposition: "
                f'form-data; name="file"; filename="{name}.xlsx"\r\nContent-Type: '
                "application/octet-stream\r\n\r\n"
            ).encode()
            + data
            + f"\r\n--{boundary}--\r\n".encode()
        )
        path = f"/dai-hoi/{self.congress}/dai-bieu/tai-len/"
        headers = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.user.cookies.items()),
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Referer": f"http://{base.HOST}:{self.port}{path}",
        }
        start = time.perf_counter()
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        page = response.read().decode("utf-8", "replace")
        end = time.perf_counter()
        self.busy.append((start, end))
        token = ""
        if 'name="token"' in page:
            token = page.split('name="token"', 1)[1].split('value="', 1)[1].split('"', 1)[0]
        said = "accepted" if token else _refusal(page, response.status)
        self.answers.append((name, response.status, end - start, said))
        return token

    def confirm(self, conn: http.client.HTTPConnection, token: str) -> None:
        path = f"/dai-hoi/{self.congress}/dai-bieu/luu/"
        start = time.perf_counter()
        response = self.user.request(
            conn,
            "POST",
            path,
            {"csrfmiddlewaretoken": self.user.cookies["csrftoken"], "token": token},
        )
        end = time.perf_counter()
        self.busy.append((start, end))
        self.answers.append(("confirm", response.status, end - start, "stored"))

    def run(self) -> None:
        conn = self.user.sign_in("organiser")
        if conn is None:
            self.answers.append(("sign in", 0, 0.0, str(self.user.errors)))
            return
        while not self.stop.is_set():
            for name, data in self.books:
                if self.stop.is_set():
                    break
                token = self.upload(conn, name, data)
                if token and not self.confirmed:
                    self.confirm(conn, token)
                    self.confirmed = True


def _refusal(page: str, status: int) -> str:
    for marker in ("quá lớn", "hơn 5.000 dòng", "Không đọc", "lỗi"):
        if marker in page:
            return f"refused ({marker})"
    return f"HTTP {status}"


def during(clerks: list[base.Clerk], busy: list[tuple[float, float]]) -> list[float]:
    """Latencies of the saves that started while an import request was in flight."""
    return sorted(
        t
        for clerk in clerks
        for s, t in getattr(clerk, "timed", [])
        if any(a <= s <= b for a, b in busy)
    )


class TimedClerk(base.Clerk):
    """A clerk that also keeps when each save started."""

    timed: list[tuple[float, float]]

    def request(
        self,
        conn: http.client.HTTPConnection,
        method: str,
        path: str,
        body: dict[str, str] | None = None,
    ) -> http.client.HTTPResponse:
        start = time.perf_counter()
        response = super().request(conn, method, path, body)
        if method == "POST" and body and "sheet" in body:
            self.timed = getattr(self, "timed", [])
            self.timed.append((start, time.perf_counter() - start))
        return response


def line(label: str, latencies: list[float], wall: float | None = None) -> str:
    p50, p99 = base.p50_p99_ms(latencies)
    rate = f", {len(latencies) / wall:.0f} saves/s" if wall else ""
    top = f", max {latencies[-1] * 1000:.1f} ms" if latencies else ""
    return f"{label}: {len(latencies)} saves{rate}; p50 {p50:.1f} ms, p99 {p99:.1f} ms{top}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clerks", type=int, default=5)
    parser.add_argument("--ballots", type=int, default=200)
    parser.add_argument("--think-ms", type=float, default=50.0)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    from daihoi.imports.workbook import MAX_ROWS

    books = [
        (f"register-{MAX_ROWS}", register_workbook(MAX_ROWS)),
        (f"register-{MAX_ROWS + 1000}", register_workbook(MAX_ROWS + 1000)),
        ("sparse-200000", sparse_workbook()),
    ]
    sizes = ", ".join(f"{name} {len(data) / 1024:.0f} KB" for name, data in books)
    print(f"workbooks: {sizes}")
    think = args.think_ms / 1000
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        congress, election = prepare(data, args.database_url, args.clerks * 2, args.ballots)
        with base.running_server(data, args.database_url) as port:
            alone = [
                TimedClerk(
                    port,
                    k,
                    election,
                    range(k * args.ballots + 1, (k + 1) * args.ballots + 1),
                    49,
                    think,
                )
                for k in range(args.clerks)
            ]
            wall_alone = base.run_together(alone)
            offset = args.clerks * args.ballots
            loaded = [
                TimedClerk(
                    port,
                    args.clerks + k,
                    election,
                    range(offset + k * args.ballots + 1, offset + (k + 1) * args.ballots + 1),
                    49,
                    think,
                )
                for k in range(args.clerks)
            ]
            importer = Importer(port, congress, books)
            importer.start()
            time.sleep(0.5)  # the first upload is on its way when the clerks start
            wall_loaded = base.run_together(loaded)
            importer.stop.set()
            importer.join()
    engine = "PostgreSQL" if args.database_url else "SQLite"
    print(
        f"{engine}, {args.clerks} clerks x {args.ballots} ballots, "
        f"mean pause {args.think_ms:.0f} ms"
    )
    print(line("  without import", sorted(t for c in alone for t in c.latencies), wall_alone))
    print(line("  during imports", sorted(t for c in loaded for t in c.latencies), wall_loaded))
    print(line("  while an import request was in flight", during(loaded, importer.busy)))
    errors = [e for c in alone + loaded for e in c.errors]
    print(f"  errors {len(errors)}" + (f": {errors[:5]}" if errors else ""))
    for name, status, seconds, said in importer.answers:
        print(f"  import {name}: HTTP {status} in {seconds:.2f} s, {said}")


if __name__ == "__main__":
    main()
