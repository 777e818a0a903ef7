"""Check-in under load: 8 doors scan 1,600 delegates' badges at once against the real server.

Run: tools/uv run python bench/checkin_load.py [--doors 8] [--delegates 1600] [--rescan 0.1]
     [--database-url URL]
Starts `daihoi serve` on 127.0.0.1 with a fresh data folder (SQLite unless --database-url), makes
a congress of N delegates with a current session and one reception account per door, and has
every door POST the badge codes of its share of the delegates as fast as the server answers.
A share of every door's scans (--rescan) are badges another door also scans at the same time, as
when a delegate tries a second door. Prints p50/p99 latency, errors, and duplicates: attendance
rows beyond one per delegate, and delegates whose check-in was answered "new" more than once.
Targets: p99 under 100 ms, 0 errors, 0 duplicates.
"""

import argparse
import http.client
import json
import random
import tempfile
import time
import urllib.parse
from collections import Counter
from pathlib import Path

from entry_load import HOST, Clerk, _django, p50_p99_ms, run_signed_in_together, running_server


def prepare(data: Path, database_url: str | None, doors: int, delegates: int) -> tuple[int, list]:
    """A congress of `delegates` with a current session, and one reception account per door."""
    script = f"""
from datetime import date
from django.core.management import call_command
call_command("flush", interactive=False, verbosity=0) if {bool(database_url)} else None
call_command("migrate", verbosity=0)
from django.contrib.auth.models import User
from daihoi.db.models import Congress, Delegate, Membership, Organisation, Session
org = Organisation.objects.create(name="Đảng bộ tỉnh Thử Tải")
c = Congress.objects.create(organisation=org, number=18, term="2025–2030",
    starts_on=date(2025, 10, 1), ends_on=date(2025, 10, 3), meeting="delegates_congress")
s = Session.objects.create(congress=c, order=1, name="Phiên thứ nhất")
c.current_session = s
c.save()
Delegate.objects.bulk_create(
    Delegate(congress=c, full_name=f"Đại biểu số {{i}}", gender="male", kind="elected",
             unit=f"Đoàn {{i % 40}}", seat=f"{{i}}")
    for i in range({delegates})
)
for k in range({doors}):
    user = User.objects.create_user(f"door{{k}}", password="bench")
    Membership.objects.create(user=user, congress=c, roles=["reception"])
tokens = Delegate.objects.filter(congress=c).values_list("badge_token", flat=True)
print(json.dumps([c.pk, list(tokens)]))
"""
    congress, tokens = json.loads(_django(data, database_url, script))
    return congress, tokens


class Door(Clerk):
    """One door: signs in like a clerk, then scans its queue of badges one after another."""

    def __init__(self, port: int, index: int, congress: int, tokens: list[str]) -> None:
        super().__init__(port, index, congress, range(0), 0, 0.0)
        self.tokens = tokens
        self.new: list[str] = []

    def run(self) -> None:
        conn = self.sign_in(f"door{self.index}")
        if conn is None:
            return
        path = f"/dai-hoi/{self.election}/diem-danh/quet/"
        for token in self.tokens:
            form = {
                "csrfmiddlewaretoken": self.cookies["csrftoken"],
                "token": f"DH:{token}",
                "door": str(self.index + 1),
            }
            start = time.perf_counter()
            try:
                body = self.post_json(conn, path, form)
            except (OSError, http.client.HTTPException, ValueError) as error:
                self.errors.append(f"{token[:6]}: {error}")
                conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
                continue
            self.latencies.append(time.perf_counter() - start)
            if not body.get("ok"):
                self.errors.append(f"{token[:6]}: {body.get('message')}")
            elif body.get("new"):
                self.new.append(token)

    def post_json(
        self, conn: http.client.HTTPConnection, path: str, form: dict[str, str]
    ) -> dict[str, object]:
        headers = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://{HOST}:{self.port}{path}",
        }
        conn.request("POST", path, body=urllib.parse.urlencode(form), headers=headers)
        response = conn.getresponse()
        text = response.read()
        if response.status != 200:
            msg = f"HTTP {response.status}"
            raise ValueError(msg)
        result: dict[str, object] = json.loads(text)
        return result


def stored(data: Path, database_url: str | None, congress: int) -> tuple[int, int]:
    """Attendance rows, and rows beyond one per (session, delegate)."""
    script = (
        "from daihoi.db.models import Attendance; "
        f"rows = list(Attendance.objects.filter(session__congress_id={congress})"
        ".values_list('session_id', 'delegate_id')); "
        "print(json.dumps([len(rows), len(rows) - len(set(rows))]))"
    )
    rows, extra = json.loads(_django(data, database_url, script))
    return int(rows), int(extra)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--doors", type=int, default=8)
    parser.add_argument("--delegates", type=int, default=1600)
    parser.add_argument(
        "--rescan", type=float, default=0.1, help="share of scans also at a second door"
    )
    parser.add_argument("--database-url", default=None)
    parser.add_argument(
        "--workers", type=int, default=1, help="server processes (more than 1: PostgreSQL only)"
    )
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        congress, tokens = prepare(data, args.database_url, args.doors, args.delegates)
        queues: list[list[str]] = [tokens[k :: args.doors] for k in range(args.doors)]
        for k, queue in enumerate(queues):  # some badges also tried at the next door
            other = queues[(k + 1) % args.doors]
            queue.extend(rng.sample(other, int(len(other) * args.rescan)))
            rng.shuffle(queue)
        with running_server(data, args.database_url, args.workers) as port:
            doors = [Door(port, k, congress, queues[k]) for k in range(args.doors)]
            wall = run_signed_in_together(doors)
        latencies = sorted(t for door in doors for t in door.latencies)
        errors = [e for door in doors for e in door.errors]
        answered_new = Counter(t for door in doors for t in door.new)
        twice_new = sum(1 for n in answered_new.values() if n > 1)
        rows, extra_rows = stored(data, args.database_url, congress)
        p50, p99 = p50_p99_ms(latencies)
        engine = "PostgreSQL" if args.database_url else "SQLite"
        engine += f", {args.workers} server processes" if args.workers > 1 else ", 1 server process"
        print(
            f"{engine}: {args.doors} doors, {args.delegates} delegates, {len(latencies)} scans "
            f"({sum(len(q) for q in queues) - args.delegates} at a second door) in {wall:.1f} s "
            f"({len(latencies) / wall:.0f} scans/s); latency p50 {p50:.1f} ms, p99 {p99:.1f} ms, "
            f"max {latencies[-1] * 1000:.1f} ms; errors {len(errors)}; attendance rows {rows} "
            f"for {len(answered_new)} delegates answered new, duplicate rows {extra_rows}, "
            f"answered new twice {twice_new}"
        )
        if errors:
            print("first errors:", errors[:5])


if __name__ == "__main__":
    main()
