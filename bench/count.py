"""Counting speed, JSON parsing included: wall time and ballots per second for three sizes.

Run: tools/uv run python bench/count.py [--repeat N]
(a) the bundled reference election (284 ballots, 49 candidates, 41 seats);
(b) a national-congress-size election (1,600 ballots, 200 candidates, 180 seats);
(c) a members' congress of 100,000 ballots (20 candidates, 15 seats).
Target for (b): under 0.2 s on the 2-core development machine.
"""

import argparse
import json
import platform
import time
from importlib import resources

from daihoi.core.counting import count_checked
from daihoi.demo.elections import random_election
from daihoi.interchange.election_file import load_election
from daihoi.interchange.result_file import result_json


def measure(label: str, text: str, repeat: int) -> None:
    """Parse, check, count and write the result `repeat` times; print the best and median."""
    times = []
    ballots = 0
    for _ in range(repeat):
        start = time.perf_counter()
        parsed = load_election(text)
        outcome = count_checked(parsed.checked)
        result_json(outcome)
        times.append(time.perf_counter() - start)
        ballots = outcome.collected
    times.sort()
    best, median = times[0], times[len(times) // 2]
    size = len(text.encode("utf-8")) / 1e6
    print(
        f"{label:<46} {ballots:>8,} ballots {size:>6.1f} MB  best {best * 1000:>8.1f} ms"
        f"  median {median * 1000:>8.1f} ms  {ballots / median:>10,.0f} ballots/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    print(f"python {platform.python_version()} on {platform.machine()}, repeat {args.repeat}")
    reference = (
        resources.files("daihoi.examples")
        .joinpath("reference-executive-committee.json")
        .read_text(encoding="utf-8")
    )
    measure("(a) reference: 41 seats, 49 candidates", reference, args.repeat)
    national = json.dumps(random_election(1, ballots=1600, candidates=200, seats=180))
    measure("(b) national size: 180 seats, 200 candidates", national, args.repeat)
    members = json.dumps(
        random_election(2, ballots=100_000, candidates=20, seats=15, meeting="members_congress")
    )
    measure("(c) members' congress: 15 seats, 20 candidates", members, max(3, args.repeat // 2))


if __name__ == "__main__":
    main()
