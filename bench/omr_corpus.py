"""Write a corpus of synthetic ballot scans with their truth, for testing and timing the reader.

Run: tools/uv run python bench/omr_corpus.py --out /tmp/corpus --ballots 300 [--dpi 200]
     [--colour] [--hard] [--layout cross_out|agree_disagree|both] [--paper A4|A5]
     [--seed 1] [--workers 2] [--rejects 0.0]

Writes DIR/layouts.json (the BallotSpec of each layout by key; `load_layouts` rebuilds them),
the images DIR/NNNNNN.jpg (some .png) and DIR/truth.jsonl: one line per image, the image's
`Truth.to_dict()` (layout key, page, rows, styles, stamp, extra_ink, scan …) plus "file", "kind"
(ballot, blank, other_election, upside_down, sideways) and "quarter_turns" (clockwise).
`Truth.from_dict` reads a ballot's line back. The reference ballots are a 49-name cross-out
list for 41 seats, like the reference congress, and a 13-name agree/disagree list.

`--hard` puts ambiguous marks on 15 % of ballots, writing outside the rows on 5 % and leaves the
stamp off 2 %. `--rejects R` makes that share of images pages the reader must handle specially:
blank sheets, ballots of another election, and ballots fed upside down or sideways (their line
says "kind" and "quarter_turns"). Images are made in chunks of 25, each seeded from the seed and
the chunk's number, so a run replays exactly whatever the number of workers.
"""

import argparse
import json
import multiprocessing
import random
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from daihoi.core.codes import Layout
from daihoi.core.vi.collation import sort_names
from daihoi.demo.names import invented_names
from daihoi.omr.layout import BallotLayout, BallotSpec, ballot_layout
from daihoi.omr.render import page_pixels
from testkit import synth

CHUNK = 25
SEATS = 41
HEADING = ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ THÀNH PHỐ X")
TITLE = "BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ X KHÓA XXIII, NHIỆM KỲ 2025 – 2030"
TITLE_MARKS = "BÍ THƯ ĐẢNG BỘ THÀNH PHỐ X KHÓA XXIII, NHIỆM KỲ 2025 – 2030"


def reference_specs(paper: str) -> dict[str, BallotSpec]:
    """The two reference ballots: 49 names for 41 seats struck through, 13 names agree/disagree
    (invented names in A-B-C order by given name, as Party lists are)."""
    names = invented_names(random.Random(2025), ["male", "female", "male"] * 21)
    cross = sort_names(names[:49])
    marks = sort_names(names[49:62])
    lists = {Layout.CROSS_OUT: (1, TITLE, cross), Layout.AGREE_DISAGREE: (2, TITLE_MARKS, marks)}
    return {
        kind.value: BallotSpec(
            election_id=election_id,
            round=1,
            layout=kind,
            paper=paper,
            rehearsal=False,
            heading=HEADING,
            title=title,
            candidates=tuple(enumerate(chosen, 1)),
        )
        for kind, (election_id, title, chosen) in lists.items()
    }


@dataclass(frozen=True)
class Job:
    """One chunk of the corpus: which images, and everything that decides how they look."""

    out: str
    chunk: int
    first: int
    count: int
    seed: int
    dpi: int
    colour: bool
    hard: bool
    layouts: tuple[str, ...]
    paper: str
    rejects: float


@cache
def layouts_for(paper: str) -> dict[str, BallotLayout]:
    return {key: ballot_layout(spec) for key, spec in reference_specs(paper).items()}


def load_layouts(corpus: Path) -> dict[str, BallotLayout]:
    """The corpus's layouts by key ("cross_out", "agree_disagree"), rebuilt from layouts.json."""
    data = json.loads((corpus / "layouts.json").read_text(encoding="utf-8"))
    return {key: ballot_layout(synth.spec_from_dict(spec)) for key, spec in data.items()}


def warm(job: Job) -> None:
    """Render the blank pages once in the parent: forked workers share them."""
    for key in job.layouts:
        for layout in (layouts_for(job.paper)[key], stranger(job.paper, key)):
            for page in range(1, len(layout.pages) + 1):
                page_pixels(layout, page, job.dpi, colour=job.colour)
                page_pixels(layout, page, job.dpi, colour=False)


@cache
def stranger(paper: str, key: str) -> BallotLayout:
    """The same ballot printed for another election."""
    return ballot_layout(synth.other_election(reference_specs(paper)[key], 99))


def make_image(job: Job, index: int, rng: np.random.Generator) -> tuple[Any, int, dict[str, Any]]:
    """One image, its JPEG quality (0 = PNG) and its truth line (without the file name):
    `Truth.to_dict()` with "kind" and "quarter_turns" added; a blank page has no rows."""
    key = job.layouts[index % len(job.layouts)]
    layout = layouts_for(job.paper)[key]
    page = 1 + (index // len(job.layouts)) % len(layout.pages)
    kind = "ballot"
    if rng.random() < job.rejects:
        kind = str(rng.choice(["blank", "other_election", "upside_down", "sideways"]))
    if kind == "blank":
        image, scan = synth.blank_page(rng, job.dpi, job.paper, colour=job.colour)
        line = {"layout": None, "page": None, "kind": kind, "quarter_turns": 0, "rows": {}}
        return image, scan.quality, {**line, "styles": {}, "dpi": job.dpi, "colour": job.colour}
    if kind == "other_election":
        layout = stranger(job.paper, key)
    image, truth = synth.mark_ballot(
        layout,
        page,
        rng,
        dpi=job.dpi,
        colour=job.colour,
        seats=SEATS if key == Layout.CROSS_OUT.value else None,
        ambiguous_rate=0.15 if job.hard else 0.0,
        extra_ink_rate=0.05 if job.hard else 0.0,
        stamp=not (job.hard and rng.random() < 0.02),
    )
    turns = {"upside_down": 2, "sideways": int(rng.choice([1, 3]))}.get(kind, 0)
    image = synth.rotated(image, turns) if turns else image
    assert truth.scan is not None
    return image, truth.scan.quality, {"kind": kind, "quarter_turns": turns, **truth.to_dict()}


def run_chunk(job: Job) -> tuple[list[str], int]:
    """Write one chunk's images; returns their truth lines and the bytes written."""
    cv2.setNumThreads(1)
    rng = np.random.default_rng([job.seed, job.chunk])
    lines, size = [], 0
    for index in range(job.first, job.first + job.count):
        image, quality, line = make_image(job, index, rng)
        name = f"{index:06d}{synth.suffix(quality)}"
        data = synth.encode(image, quality)
        (Path(job.out) / name).write_bytes(data)
        size += len(data)
        lines.append(json.dumps({"file": name, **line}, ensure_ascii=False))
    return lines, size


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--ballots", type=int, default=100)
    parser.add_argument("--dpi", type=int, choices=(150, 200, 300), default=200)
    parser.add_argument("--colour", action="store_true")
    parser.add_argument("--hard", action="store_true", help="ambiguous marks on 15 %% of ballots")
    parser.add_argument("--layout", choices=("cross_out", "agree_disagree", "both"), default="both")
    parser.add_argument("--paper", choices=("A4", "A5"), default="A4")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rejects", type=float, default=0.0, help="share of special pages")
    args = parser.parse_args()
    cv2.setNumThreads(1)  # no OpenCV thread pool in the parent: forked workers would hang on it
    args.out.mkdir(parents=True, exist_ok=True)
    keys = ("cross_out", "agree_disagree") if args.layout == "both" else (args.layout,)
    specs = reference_specs(args.paper)
    layouts = {key: synth.spec_to_dict(specs[key]) for key in keys}
    (args.out / "layouts.json").write_text(
        json.dumps(layouts, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    jobs = [
        Job(str(args.out), chunk, first, min(CHUNK, args.ballots - first), args.seed, args.dpi,
            args.colour, args.hard, keys, args.paper, args.rejects)
        for chunk, first in enumerate(range(0, args.ballots, CHUNK))
    ]  # fmt: skip
    start = time.perf_counter()
    if jobs:
        warm(jobs[0])
    written = size = 0
    with (
        multiprocessing.Pool(args.workers) as pool,
        (args.out / "truth.jsonl").open("w", encoding="utf-8") as truth,
    ):
        for lines, chunk_size in pool.imap(run_chunk, jobs):
            truth.writelines(line + "\n" for line in lines)
            written += len(lines)
            size += chunk_size
            elapsed = time.perf_counter() - start
            if len(lines) < CHUNK or written % (CHUNK * max(1, len(jobs) // 20)) == 0:
                print(f"{written}/{args.ballots} images, {elapsed:.1f} s", flush=True)
    elapsed = time.perf_counter() - start
    print(
        f"{written} images written to {args.out} in {elapsed:.1f} s: "
        f"{elapsed / max(written, 1) * 1000:.0f} ms per image ({args.workers} workers), "
        f"{size / 1e6:.1f} MB on disk ({size / max(written, 1) / 1e6:.2f} MB per image)"
    )


if __name__ == "__main__":
    main()
