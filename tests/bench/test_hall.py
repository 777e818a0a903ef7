"""bench/hall.py: the simulated clock on its own, and a tiny count through the real server.

The clock's tests use stand-in requests (a known sleep) so that what it adds up can be checked
exactly; the smoke test runs the bench as a command on 12 ballots with two count tables and the
scanner, and checks that every count was certified with the paper's result.
"""

import subprocess
import sys
import time
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from hall import paper_votes  # noqa: E402
from hall_setup import mistyped, voters  # noqa: E402
from hall_sim import At, Request, Simulation, Think, Until  # noqa: E402


def test_human_time_is_simulated_and_request_time_is_measured() -> None:
    log: list[tuple[str, float]] = []

    def person(name: str, think: float) -> object:
        yield Think(think)
        yield Request(lambda: time.sleep(0.02))
        log.append((name, think))

    sim = Simulation()
    sim.add("slow", person("slow", 600.0))
    sim.add("quick", person("quick", 1.0), start=5.0)
    start = time.perf_counter()
    end = sim.run()
    assert time.perf_counter() - start < 1.0  # ten minutes of human time, never slept
    assert log == [("quick", 1.0), ("slow", 600.0)]  # in the simulated clock's order
    assert 600.02 <= end < 600.5
    assert sim.finished["quick"] == pytest.approx(6.02, abs=0.3)
    assert 0.04 <= sim.busy() < 0.5  # two requests of 20 ms, apart in time


def test_requests_close_in_time_are_sent_at_once_and_counted_once() -> None:
    def person() -> object:
        yield At(10.0)
        yield Request(lambda: time.sleep(0.1))

    sim = Simulation()
    for _ in range(3):
        sim.add("clerk", person())
    start = time.perf_counter()
    sim.run()
    assert time.perf_counter() - start < 0.25  # three at once, not one after another
    assert 0.1 <= sim.busy() < 0.2  # the server was busy 0.1 s, not 0.3 s


def test_a_person_waits_for_another() -> None:
    done: set[int] = set()

    def first() -> object:
        yield Think(30.0)
        done.add(1)

    def second() -> object:
        yield Until(lambda: 1 in done)
        yield Think(5.0)

    sim = Simulation()
    sim.add("second", second())
    sim.add("first", first())
    assert sim.run() == pytest.approx(35.0)


def test_a_wait_that_never_ends_is_reported() -> None:
    def stuck() -> object:
        yield Until(lambda: False)

    sim = Simulation()
    sim.add("stuck", stuck())
    with pytest.raises(RuntimeError, match="stuck"):
        sim.run()


def test_voters_strike_as_the_bench_says_and_the_paper_counts_valid_ballots_only() -> None:
    import random

    ballots = voters(random.Random(1), 348, 55, 43, 0.01)
    counts = [len(b) for b in ballots]
    assert len(ballots) == 348
    assert all(c <= 20 for c in counts)
    assert sum(c == 12 for c in counts) > 100  # half strike exactly the surplus
    assert 0 < sum(c < 12 for c in counts) < 15  # keep too many: invalid
    votes = paper_votes([[1, 2], list(range(1, 13))], 55, 43)  # 53 kept: invalid; 43 kept
    assert votes["c1"] == 0
    assert votes["c13"] == 1
    slip = mistyped(random.Random(2), [3, 7, 12], 55)
    assert slip != [3, 7, 12]
    assert len(slip) == 3


@pytest.mark.slow
def test_the_hall_bench_certifies_a_tiny_count_by_tables_and_by_scanner() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCH / "hall.py"), "--ballots", "12", "--tables", "2", "--scanner"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    counts = [line for line in lines if "from box to certificate" in line]
    assert len(counts) == 3, out.stdout
    assert counts[0].startswith("keyboard, 2 tables of 2 teams")
    assert counts[1].startswith("scanner alone")
    assert counts[2].startswith("scanner paired")
    assert all("(certified)" in line for line in counts)
    assert all("result equals the paper's" in line for line in counts)
    assert any(line.startswith(("PASS", "FAIL")) for line in lines)


def test_a_review_is_proposed_as_the_paper_shows() -> None:
    from hall_scan import Stack, _proposal
    from hall_setup import Hall

    hall = Hall(election=1, congress=1, ids={}, head="", clerks=(), reviewers=())
    stack = Stack(hall, images=[[b""]] * 8, struck=[[]] * 7 + [[3, 43]])
    page = (
        "<h1>Phiếu quét số 8 · Tổ 1</h1>"
        '<input type="radio" name="row_43" value="struck" checked>'
        '<input type="radio" name="row_43" value="kept">'
        '<input type="radio" name="row_44" value="struck">'
        '<select name="row_1"><option value="">giữ tên (như máy đọc)</option></select>'
        '<input type="radio" name="ruling" value="valid" required>'
    )
    assert _proposal(stack, page) == [("row_43", "struck"), ("row_44", "kept"), ("ruling", "valid")]
    assert _proposal(stack, "<h1>Phiếu quét</h1>") == []
    assert stack.refusals == ["a review page without its ballot number"]
