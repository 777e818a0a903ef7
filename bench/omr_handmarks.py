"""Write an independent corpus of hand-marked ballot scans with their truth (issue 14 §2).

Run: tools/uv run python bench/omr_handmarks.py --out DIR [--ballots 300] [--dpi 200|150]
     [--scale-jitter 0.03] [--ambiguous 0.15] [--small-share 0.2] [--seed 1] [--workers 4]

Marks are drawn by testkit/handmarks, which has not seen the reader. Writes:
- DIR/NNNNNN-P.jpg|png — ballot NNNNNN, side P (1 front, 2 back), as scanned;
- DIR/truth.csv — file, page, row, truth: for every printed name number on that side,
  "struck" | "kept" | "ambiguous";
- DIR/pages.csv — file, ballot, election, page, clean (no ambiguous mark), scale (print scale),
  stamp, pen, kinds (the ambiguous marks drawn, number:kind);
- DIR/elections.json — per election key its seats and BallotSpec (to rebuild the layout with
  `daihoi.omr.layout.ballot_layout(BallotSpec(**spec))`, layout as its value).
Each ballot is drawn from its own seed (the seed and the ballot's number), so the corpus is the
same whatever the number of workers.
"""

import argparse
import csv
import json
import multiprocessing
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from testkit.handmarks.printed import printed_ballots
from testkit.handmarks.voter import Options, encode, mark_ballot

Row = tuple[str, int, int, str]


def make(job: tuple[int, int, int, float, float, float, str]) -> tuple[list[Row], list[list[Any]]]:
    """Draw ballot `index` and write its sides; return its truth rows and page rows."""
    index, seed, dpi, jitter, ambiguous, small_share, out = job
    rng = np.random.default_rng([seed, index])
    large, small = printed_ballots(dpi)
    ballot = small if rng.random() < small_share else large
    marked = mark_ballot(ballot, rng, Options(scale_jitter=jitter, ambiguous_share=ambiguous))
    truth: list[Row] = []
    pages: list[list[Any]] = []
    for number, page in enumerate(marked.pages, 1):
        suffix, data = encode(page.image, rng)
        name = f"{index:06d}-{number}.{suffix}"
        (Path(out) / name).write_bytes(data)
        truth += [(name, number, row, page.truth[row]) for row in sorted(page.truth)]
        kinds = " ".join(f"{row}:{kind}" for row, kind in sorted(page.kinds.items()))
        pages.append(
            [
                name,
                index,
                marked.key,
                number,
                int(page.clean),
                f"{page.scale:.4f}",
                int(page.stamp),
                marked.pen.name,
                kinds,
            ]
        )
    return truth, pages


def elections(dpi: int) -> dict[str, Any]:
    """Each election's seats and ballot spec, as JSON."""
    found: dict[str, Any] = {}
    for ballot in printed_ballots(dpi):
        spec = asdict(ballot.spec)
        spec["layout"] = ballot.spec.layout.value
        found[ballot.key] = {"seats": ballot.seats, "spec": spec}
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--ballots", type=int, default=300)
    parser.add_argument("--dpi", type=int, choices=(150, 200), default=200)
    parser.add_argument("--scale-jitter", type=float, default=0.03)
    parser.add_argument("--ambiguous", type=float, default=0.15)
    parser.add_argument("--small-share", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    jobs = [
        (i, args.seed, args.dpi, args.scale_jitter, args.ambiguous, args.small_share, str(args.out))
        for i in range(1, args.ballots + 1)
    ]
    if args.workers > 1:
        with multiprocessing.Pool(args.workers) as pool:
            results = pool.map(make, jobs, chunksize=4)
    else:
        results = [make(job) for job in jobs]
    with (args.out / "truth.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "page", "row", "truth"])
        for truth, _ in results:
            writer.writerows(truth)
    with (args.out / "pages.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["file", "ballot", "election", "page", "clean", "scale", "stamp", "pen", "kinds"]
        )
        for _, pages in results:
            writer.writerows(pages)
    text = json.dumps(elections(args.dpi), ensure_ascii=False, indent=1)
    (args.out / "elections.json").write_text(text, encoding="utf-8")
    pages = sum(len(p) for _, p in results)
    unclean = sum(1 for _, p in results for row in p if not row[4])
    elapsed = time.perf_counter() - started
    print(
        f"{args.ballots} ballots, {pages} pages ({unclean} with an ambiguous mark) "
        f"at {args.dpi} dpi in {elapsed:.1f} s with {args.workers} workers -> {args.out}"
    )


if __name__ == "__main__":
    main()
