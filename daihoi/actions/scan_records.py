"""What scanning keeps: the images of record, the reader's settings, a ballot as an entry, and
the report of a batch.

Each image is written under `<data>/scans/<sha256>.<ext>` and synced before its record is
stored, so an acknowledged record never lacks its image; an image no record refers to any more
is removed (ballot images are sensitive, omr.md §5.4).
"""

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

from daihoi.actions.entry import content_from_marks, content_from_numbers
from daihoi.core.codes import Layout
from daihoi.db.mappers import ruleset_of
from daihoi.db.models import Congress, Election, ScannedBallot
from daihoi.labels import SCAN_REJECTIONS
from daihoi.omr.reading import Mark
from daihoi.omr.thresholds import ReaderSettings
from daihoi.queries.orphans import orphans


def reader_settings(congress: Congress) -> ReaderSettings:
    """The rule set's OMR settings (open-points.md OPEN-OMR-1…3)."""
    chosen = ruleset_of(congress).settings
    return ReaderSettings(
        partial_strike=chosen.partial_strike,
        stray_ink_max_mm=chosen.stray_ink_max_mm,
        mixed_ink=chosen.mixed_ink,
    )


def ballot_content(
    layout: Layout, codes: Mapping[int, str], marks: Mapping[int, Mark]
) -> dict[str, Any]:
    """The ballot as a typed entry would be: `{"kept": […]}` or `{"marks": {…}}` (R9)."""
    if layout is Layout.CROSS_OUT:
        struck = [n for n, mark in marks.items() if mark is Mark.STRUCK]
        return content_from_numbers(codes, struck, struck=True)
    return content_from_marks(codes, {n: str(mark) for n, mark in marks.items()})


def scans_folder() -> Path:
    return Path(settings.DATA_DIR) / "scans"


def store_image(data: bytes, sha256: str, extension: str) -> tuple[str, bool]:
    """Write the image of record durably (file, then its folder, synced); returns its name
    relative to the data folder and whether this call created it."""
    folder = scans_folder()
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{sha256}.{extension}"
    target = folder / name
    if target.exists() and target.stat().st_size == len(data):
        return f"scans/{name}", False
    partial = folder / f".{name}.{os.getpid()}.part"
    with partial.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    partial.replace(target)
    directory = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    return f"scans/{name}", True


@dataclass(frozen=True)
class ScanItem:
    """What became of one ballot (one or two pages) or one rejected page; `file` and `page`
    name where it was in the upload, for this report only."""

    file: str
    page: int
    outcome: str  # read | review | rejected
    reason: str = ""  # why rejected: a Rejection code, duplicate or incomplete_pair
    detail: str = ""
    sheet: int | None = None
    scanned_id: str = ""
    back: tuple[str, int] | None = None  # where page 2/2 of a two-sided ballot was

    def message(self, lang: str = "vi") -> str:
        """`file, page n: why`, in Vietnamese or English."""
        vi, en = SCAN_REJECTIONS.get(self.reason, (self.reason, self.reason))
        where = (
            f"{self.file}, trang {self.page}" if lang == "vi" else f"{self.file}, page {self.page}"
        )
        text = f"{where}: {vi if lang == 'vi' else en}"
        return f"{text} ({self.detail})" if self.detail else text


@dataclass(frozen=True)
class ScanReport:
    batch_id: int | None
    items: tuple[ScanItem, ...]

    def of(self, outcome: str) -> list[ScanItem]:
        return [item for item in self.items if item.outcome == outcome]

    @property
    def read(self) -> int:
        return len(self.of("read"))

    @property
    def review(self) -> int:
        return len(self.of("review"))

    @property
    def rejected(self) -> int:
        return len(self.of("rejected"))


def known_images(election: Election) -> set[str]:
    """The SHA-256 of every image the election already counts or queues (rejected ones may be
    scanned again)."""
    rows = ScannedBallot.objects.filter(election=election).exclude(
        state=ScannedBallot.State.REJECTED
    )
    return {sha for pair in rows.values_list("sha256", "back_sha256") for sha in pair if sha}


def forget_images(names: Sequence[str]) -> None:
    """Remove stored images no scanned ballot refers to any more (a refused batch's, the
    rehearsal's): images of ballots are sensitive and kept only as long as their records."""
    names = list(set(names))
    used = set(ScannedBallot.objects.filter(image__in=names).values_list("image", flat=True))
    used |= set(
        ScannedBallot.objects.filter(back_image__in=names).values_list("back_image", flat=True)
    )
    for name in set(names) - used:
        (Path(settings.DATA_DIR) / name).unlink(missing_ok=True)


def sweep_orphans() -> list[str]:
    """Remove the unreferenced files older than the longest request; returns their names."""
    data = Path(settings.DATA_DIR)
    removed = []
    for orphan in orphans():
        if orphan.stale:
            (data / orphan.name).unlink(missing_ok=True)
            removed.append(orphan.name)
    return removed
