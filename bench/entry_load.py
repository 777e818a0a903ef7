"""Ballot entry under load: 10 clerks save 300 ballots each at once against the real server.

Run: tools/uv run python bench/entry_load.py [--clerks 10] [--ballots 300] [--database-url URL]
Starts `daihoi serve` on 127.0.0.1 with a fresh data folder (SQLite unless --database-url),
signs each clerk in, and has every clerk POST the entry form for its own range of ballot numbers
as fast as the server answers. Prints p50/p99 save latency, errors, and whether the ballots
stored equal the saves acknowledged (none lost, none extra, same content). Also prints the
keystrokes the entry screen needs per ballot of the reference election.
Targets: p99 under 100 ms on SQLite, 0 errors, 0 lost.
"""

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

HOST = "127.0.0.1"


def keystrokes() -> None:
    """Keys per ballot of the reference election: struck (or kept) numbers, then Enter."""
    from daihoi.core.counting import ballot_order
    from daihoi.core.keying import keys_to_type
    from daihoi.interchange.election_file import load_election

    text = resources.files("daihoi.examples").joinpath("reference-executive-committee.json")
    election = json.loads(text.read_text(encoding="utf-8"))
    parsed = load_election(text.read_text(encoding="utf-8"))
    ordered = ballot_order(parsed.election.candidates, parsed.checked.ruleset.settings)
    number = {c.id: i for i, c in enumerate(ordered, start=1)}
    rows = len(number)
    spaced, packed, best, struck_counts = [], [], [], []
    for ballot in election["ballots"]:
        if "kept" not in ballot or ballot.get("added"):
            continue
        kept = sorted(number[c] for c in ballot["kept"])
        struck = [n for n in number.values() if n not in kept]
        spaced.append(keys_to_type(struck, rows, packed=False))
        packed.append(keys_to_type(struck, rows, packed=True))
        # +2: Tab to the struck/kept toggle and Space, when typing the kept names is shorter
        best.append(min(packed[-1], keys_to_type(kept, rows, packed=True) + 2))
        struck_counts.append(len(struck))
    print(
        f"keystrokes per ballot (reference election, {rows} names, {len(spaced)} valid "
        f"cross-out ballots, median {statistics.median(struck_counts):.0f} struck): numbers "
        f"separated by spaces median {statistics.median(spaced):.0f} (mean "
        f"{statistics.mean(spaced):.1f}); typed together, two digits each, median "
        f"{statistics.median(packed):.0f} (mean {statistics.mean(packed):.1f}); with the "
        f"struck/kept toggle mean {statistics.mean(best):.1f}; the ballot number advances by itself"
    )


def _django(data: Path, database_url: str | None, script: str) -> str:
    """Run `script` with Django set up on the bench's data folder; its last line of output."""
    env = {
        **os.environ,
        "DAIHOI_DATA": str(data),
        "DJANGO_SETTINGS_MODULE": "daihoi.config.settings",
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    code = "import django, json; django.setup()\n" + script
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.strip().splitlines()[-1]


def setup_script(database_url: str | None, clerks: int, ballots: int) -> str:
    """Django code making the reference congress with one open election of clerks×ballots
    collected (one entry team) and one account per clerk, a member on that team."""
    return f"""
from django.core.management import call_command
call_command("flush", interactive=False, verbosity=0) if {bool(database_url)} else None
call_command("migrate", verbosity=0)
from django.contrib.auth.models import User
from daihoi.actions.demo import load_reference_congress
from daihoi.db.models import Membership, TeamAssignment
congress, _ = load_reference_congress()
election = congress.elections.get(body="executive_committee")
election.entry_teams = 1
election.ballots_collected = election.ballots_issued = election.present = {clerks * ballots}
election.summoned = {clerks * ballots}
election.excluded_from_base = {{}}
election.save()
for k in range({clerks}):
    user = User.objects.create_user(f"clerk{{k}}", password="bench")
    Membership.objects.create(user=user, congress=congress, roles=["counting_board"])
    TeamAssignment.objects.create(election=election, user=user, team=1)
"""


def prepare(data: Path, database_url: str | None, clerks: int, ballots: int) -> int:
    """The election of `setup_script`; its id."""
    script = setup_script(database_url, clerks, ballots) + "print(election.pk)\n"
    return int(_django(data, database_url, script))


@contextmanager
def running_server(data: Path, database_url: str | None, workers: int = 1) -> Iterator[int]:
    """`daihoi serve` on a free loopback port for the data folder, in `workers` processes
    (more than one on PostgreSQL only); yields the port once it accepts connections, and stops
    the server afterwards."""
    port = free_port()
    env = {**os.environ, "DAIHOI_DATA": str(data)}
    if database_url:
        env["DATABASE_URL"] = database_url
    server = subprocess.Popen(
        [sys.executable, "-m", "daihoi", "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until_serving(port)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_until_serving(port: int, seconds: float = 30.0) -> None:
    """Return once the server answers a page (every worker process started takes its first
    requests warm), or raise after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=5)
            conn.request("GET", "/dang-nhap/")
            if conn.getresponse().status == 200:
                conn.close()
                return
        except OSError:
            pass
        time.sleep(0.1)
    msg = f"the server on port {port} did not answer within {seconds:.0f} s"
    raise RuntimeError(msg)


def run_signed_in_together(clerks: "Sequence[Clerk]") -> float:
    """Start every clerk, let all sign in, then start their saves at once and wait for all; the
    wall time of the saves in seconds. A sign-in costs about half a second of CPU (the password's
    PBKDF2): ten at once would be timed as save latency, which is not what the bench measures (in
    the hall, clerks sign in before the box is opened)."""
    ready = threading.Barrier(len(clerks) + 1, timeout=300)  # a lost clerk fails, never hangs
    for clerk in clerks:
        clerk.ready = ready
        clerk.start()
    ready.wait()
    start = time.perf_counter()
    for clerk in clerks:
        clerk.join()
    return time.perf_counter() - start


def run_together(threads: Sequence[threading.Thread]) -> float:
    """Start every thread at once and wait for all; the wall time in seconds."""
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start


def p50_p99_ms(latencies: Sequence[float]) -> tuple[float, float]:
    """The median and 99th percentile of sorted latencies in seconds, in milliseconds."""
    if not latencies:
        return float("nan"), float("nan")
    return latencies[len(latencies) // 2] * 1000, latencies[int(len(latencies) * 0.99) - 1] * 1000


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


class Clerk(threading.Thread):
    """One clerk: signs in, then saves its ballots one after another on one connection."""

    def __init__(
        self, port: int, index: int, election: int, sheets: range, names: int, think: float
    ) -> None:
        super().__init__()
        self.think = think
        self.rng = random.Random(index)
        self.port, self.index, self.election, self.sheets, self.names = (
            port,
            index,
            election,
            sheets,
            names,
        )
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.acknowledged: dict[int, list[int]] = {}
        self.cookies: dict[str, str] = {}
        self.ready: threading.Barrier | None = None  # run_signed_in_together: start saves at once

    def request(
        self,
        conn: http.client.HTTPConnection,
        method: str,
        path: str,
        body: dict[str, str] | None = None,
    ) -> http.client.HTTPResponse:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        data = None
        if body is not None:
            data = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{HOST}:{self.port}{path}"
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        response.read()
        return response

    def sign_in(self, username: str) -> http.client.HTTPConnection | None:
        """A connection signed in as `username` (password "bench"), or None, with the error;
        then waits for every other clerk to be signed in too when started together."""
        try:
            return self._sign_in(username)
        finally:
            if self.ready is not None:
                self.ready.wait()

    def _sign_in(self, username: str) -> http.client.HTTPConnection | None:
        conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
        self.request(conn, "GET", "/dang-nhap/")
        login = self.request(
            conn,
            "POST",
            "/dang-nhap/",
            {
                "username": username,
                "password": "bench",
                "csrfmiddlewaretoken": self.cookies["csrftoken"],
                "next": "/",
            },
        )
        if login.status != 302:
            self.errors.append(f"login {login.status}")
            return None
        return conn

    def run(self) -> None:
        conn = self.sign_in(f"clerk{self.index}")
        if conn is None:
            return
        path = f"/bau-cu/{self.election}/nhap-phieu/?team=1"
        for sheet in self.sheets:
            struck = sorted({(sheet * 7 + k * 13) % self.names + 1 for k in range(9)})
            form = {
                "csrfmiddlewaretoken": self.cookies["csrftoken"],
                "team": "1",
                "sheet": str(sheet),
                "mode": "struck",
                "numbers": " ".join(map(str, struck)),
            }
            if self.think:
                time.sleep(self.rng.expovariate(1 / self.think))
            start = time.perf_counter()
            try:
                response = self.request(conn, "POST", path, form)
            except (OSError, http.client.HTTPException) as error:
                self.errors.append(f"{sheet}: {error}")
                conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
                continue
            self.latencies.append(time.perf_counter() - start)
            if response.status == 302:
                self.acknowledged[sheet] = struck
            else:
                self.errors.append(f"{sheet}: HTTP {response.status}")


def stored(data: Path, database_url: str | None, election: int) -> dict[int, list[str]]:
    """What the database holds: sheet → kept codes."""
    script = (
        "from daihoi.db.models import BallotEntry; print(json.dumps({e.sheet: e.content['kept']"
        f" for e in BallotEntry.objects.filter(election_id={election})}}))"
    )
    return {int(k): v for k, v in json.loads(_django(data, database_url, script)).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clerks", type=int, default=10)
    parser.add_argument("--ballots", type=int, default=300)
    parser.add_argument("--database-url", default=None)
    parser.add_argument(
        "--workers", type=int, default=1, help="server processes (more than 1: PostgreSQL only)"
    )
    parser.add_argument(
        "--think-ms",
        type=float,
        default=0.0,
        help="mean pause of a clerk between saves (0: save as fast as the server answers)",
    )
    args = parser.parse_args()
    keystrokes()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        election = prepare(data, args.database_url, args.clerks, args.ballots)
        with running_server(data, args.database_url, args.workers) as port:
            clerks = [
                Clerk(
                    port,
                    k,
                    election,
                    range(k * args.ballots + 1, (k + 1) * args.ballots + 1),
                    49,
                    args.think_ms / 1000,
                )
                for k in range(args.clerks)
            ]
            wall = run_signed_in_together(clerks)
        latencies = sorted(t for clerk in clerks for t in clerk.latencies)
        errors = [e for clerk in clerks for e in clerk.errors]
        acknowledged = {s: v for clerk in clerks for s, v in clerk.acknowledged.items()}
        in_db = stored(data, args.database_url, election)
        codes = _codes_by_number(data, args.database_url, election)
        mismatched = [
            s
            for s, struck in acknowledged.items()
            if s in in_db and set(in_db[s]) != {c for n, c in codes.items() if n not in struck}
        ]
        lost = sorted(set(acknowledged) - set(in_db))
        extra = sorted(set(in_db) - set(acknowledged))
        p50, p99 = p50_p99_ms(latencies)
        engine = "PostgreSQL" if args.database_url else "SQLite"
        engine += f", {args.workers} server processes" if args.workers > 1 else ", 1 server process"
        pace = f", mean pause {args.think_ms:.0f} ms" if args.think_ms else ", no pause"
        print(
            f"{engine}{pace}: {args.clerks} clerks x {args.ballots} ballots in {wall:.1f} s "
            f"({len(latencies) / wall:.0f} saves/s); save latency p50 {p50:.1f} ms, "
            f"p99 {p99:.1f} ms, "
            f"max {latencies[-1] * 1000:.1f} ms; errors {len(errors)}; acknowledged "
            f"{len(acknowledged)}, stored {len(in_db)}, lost {len(lost)}, extra {len(extra)}, "
            f"content differs {len(mismatched)}"
        )
        if errors:
            print("first errors:", errors[:5])


def _codes_by_number(data: Path, database_url: str | None, election: int) -> dict[int, str]:
    script = (
        "from daihoi.db.models import Candidate; print(json.dumps({c.number: c.code"
        f" for c in Candidate.objects.filter(election_id={election})}}))"
    )
    return {int(k): v for k, v in json.loads(_django(data, database_url, script)).items()}


if __name__ == "__main__":
    main()
