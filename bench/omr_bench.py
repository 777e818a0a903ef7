"""Accuracy and speed of the ballot reader on a corpus written by bench/omr_corpus.py.

Run:
    tools/uv run python bench/omr_corpus.py --out /tmp/omr-clean --ballots 10000
    tools/uv run python bench/omr_bench.py /tmp/omr-clean [--workers 2] [--limit N]

Accuracy, against the corpus's truth:
- wrong: a row the reader decided by itself (not "review") differently from the truth, or an
  ambiguous row it did not send to review; reported over all ballots and over the ballots that
  went through without review (the target: 0);
- sent to review: the share of ballots with a row or a ballot-level doubt (target ≤ 1 % clean);
- ballot-level flags: writing outside the rows must raise EXTRA_INK, a missing stamp NO_STAMP;
- rejected: pages not read at all.
Speed: ballots per second reading the image files (JPEG decoding included) with `--workers`
processes, one OpenCV thread each; the median and p95 ms per ballot in one process.
0 errors in n trials bounds the error rate at about 3/n with 95 % confidence (rule of three).
"""

import argparse
import json
import multiprocessing
import os
import platform
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from omr_corpus import load_layouts

from daihoi.omr.interpret import Reader
from daihoi.omr.reading import Doubt, Mark, PageReading
from daihoi.omr.thresholds import ReaderSettings

_READERS: dict[str, Reader] = {}


def _init(corpus: str) -> None:
    """One reader per election of the corpus, in each worker process."""
    cv2.setNumThreads(1)
    for key, layout in load_layouts(Path(corpus)).items():
        _READERS[key] = Reader([layout], ReaderSettings())


def _read(job: tuple[str, str]) -> tuple[str, dict[str, Any], float]:
    """Decode and read one image with the reader of the election the operator chose."""
    path, key = job
    start = time.perf_counter()
    data = np.fromfile(path, dtype=np.uint8)
    image = cv2.imdecode(data, cv2.IMREAD_UNCHANGED)
    if image is not None and image.ndim == 3 and image.shape[2] == 4:
        image = cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    reading = _READERS[key].read(image)
    elapsed = time.perf_counter() - start
    if isinstance(reading, PageReading):
        summary: dict[str, Any] = {
            "rows": {str(r.number): r.mark.value for r in reading.rows},
            "doubts": [d.value for d in reading.doubts],
        }
    else:
        summary = {"rejected": reading.reason.value, "detail": reading.detail}
    return path, summary, elapsed


_AUTOMATIC = {m.value for m in Mark} - {Mark.REVIEW.value}
_EXPECTED_REJECTION = {"blank": "blank_page", "other_election": "other_ballot"}


@dataclass
class _Tally:
    ballots: int = 0
    rows: int = 0
    ambiguous: int = 0
    wrong_rows: int = 0
    missed: int = 0
    wrong_unreviewed: int = 0
    reviewed: int = 0
    rejected: int = 0
    special: int = 0
    special_wrong: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    rejections: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)


def _judge(truth: dict[str, Any], read: dict[str, Any]) -> tuple[int, int, bool, list[str]]:
    """(wrong rows, ambiguous rows or ballot flags missed, sent to review?, notes)."""
    got: dict[str, str] = read["rows"]
    wrong = missed = 0
    notes = []
    for number, expected in truth["rows"].items():
        mark = got.get(number)
        if mark is None or mark not in _AUTOMATIC:
            continue
        if expected == "ambiguous":
            missed += 1
            notes.append(f"row {number}: {truth['styles'].get(number)} read {mark}")
        elif mark != expected:
            wrong += 1
            notes.append(f"row {number}: {expected} ({truth['styles'].get(number)}) read {mark}")
    doubts = set(read["doubts"])
    if truth.get("extra_ink") and Doubt.EXTRA_INK.value not in doubts:
        missed += 1
        notes.append("writing outside the rows not flagged")
    if truth.get("stamp") is False and Doubt.NO_STAMP.value not in doubts:
        missed += 1
        notes.append("missing stamp not flagged")
    review = bool(doubts) or any(v == Mark.REVIEW.value for v in got.values())
    return wrong, missed, review, notes


def _add(tally: _Tally, truth: dict[str, Any], path: str, read: dict[str, Any], show: int) -> None:
    expected_rejection = _EXPECTED_REJECTION.get(truth["kind"])
    if expected_rejection:
        tally.special += 1
        if read.get("rejected") != expected_rejection:
            tally.special_wrong += 1
            tally.problems.append(f"{Path(path).name}: {truth['kind']} gave {read}")
        return
    tally.ballots += 1
    tally.rows += len(truth["rows"])
    tally.ambiguous += sum(1 for v in truth["rows"].values() if v == "ambiguous")
    if "rejected" in read:
        tally.rejected += 1
        tally.rejections[f"{read['rejected']} {read['detail']}"[:60]] += 1
        return
    wrong, missed, review, notes = _judge(truth, read)
    tally.wrong_rows += wrong
    tally.missed += missed
    tally.reviewed += review
    tally.wrong_unreviewed += bool((wrong or missed) and not review)
    tally.reasons.update(read["doubts"])
    for number, mark in read["rows"].items():
        if mark == Mark.REVIEW.value:
            tally.reasons[f"row in review, truth {truth['rows'][number]}"] += 1
    if (wrong or missed) and len(tally.problems) < show:
        tally.problems.append(f"{Path(path).name}: " + "; ".join(notes))


def _report(corpus: Path, tally: _Tally) -> None:
    n = tally.ballots
    print(f"corpus {corpus}: {n:,} ballots ({tally.rows:,} rows, {tally.ambiguous:,} ambiguous)")
    print(f"  wrong row decisions made without review: {tally.wrong_rows}")
    print(f"  ambiguous rows or ballot flags not sent to review: {tally.missed}")
    print(f"  ballots with a wrong decision and no review: {tally.wrong_unreviewed}")
    print(
        f"  ballots sent to review: {tally.reviewed:,} ({100 * tally.reviewed / max(1, n):.2f} %)"
    )
    print(f"  ballots rejected (not read): {tally.rejected:,} {dict(tally.rejections)}")
    print(
        f"  special pages (blank, other election) handled wrongly: {tally.special_wrong} "
        f"of {tally.special}"
    )
    for reason, count in tally.reasons.most_common():
        print(f"    {reason}: {count:,}")
    for line in tally.problems:
        print("  !", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", type=int, default=10, help="ballots with problems to list")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    lines = (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    truths = [json.loads(line) for line in lines[: args.limit or None]]
    # a page of another election is scanned into this corpus's first election
    jobs = [(str(corpus / t["file"]), t.get("layout") or "cross_out") for t in truths]
    by_path = {job[0]: truth for job, truth in zip(jobs, truths, strict=True)}

    _init(str(corpus))
    for job in jobs[:5]:
        _read(job)
    single = sorted(_read(job)[2] for job in jobs[: min(len(jobs), 200)])
    with multiprocessing.Pool(args.workers, initializer=_init, initargs=(str(corpus),)) as pool:
        pool.map(_read, jobs[: args.workers * 4])  # warm every worker
        start = time.perf_counter()
        results = pool.map(_read, jobs, chunksize=16)
        wall = time.perf_counter() - start

    tally = _Tally()
    for path, read, _ in results:
        _add(tally, by_path[path], path, read, args.show)
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
        f"OpenCV {cv2.__version__}, numpy {np.__version__}"
    )
    _report(corpus, tally)
    p50 = statistics.median(single) * 1000
    p95 = single[int(0.95 * (len(single) - 1))] * 1000
    print(f"one process: median {p50:.1f} ms, p95 {p95:.1f} ms per image (decoding included)")
    print(
        f"{args.workers} processes: {len(results) / wall:.1f} images/s ({len(results):,} in "
        f"{wall:.1f} s; {60 * len(results) / wall:,.0f} a minute)"
    )


if __name__ == "__main__":
    main()
