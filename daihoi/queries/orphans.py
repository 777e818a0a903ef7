"""Files that outlive their records: a ballot image whose upload was killed before its record
was stored, a partial image, a register or list workbook previewed and never confirmed.

No record ever refers to a preview's workbook, and an image is written before its record, so a
young unreferenced file may belong to a request still running: the startup sweep removes only
those older than the longest request, `daihoi verify` lists every one with its age.
"""

import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings

from daihoi.db.models import ScannedBallot

#: longer than any request (an upload of a stack of scans, a workbook's preview)
LONGEST_REQUEST = timedelta(hours=1)


@dataclass(frozen=True)
class Orphan:
    """An unreferenced file: its name relative to the data folder and its age."""

    name: str
    age: timedelta

    @property
    def stale(self) -> bool:
        return self.age >= LONGEST_REQUEST


def _referenced_images() -> set[str]:
    pairs = ScannedBallot.objects.values_list("image", "back_image")
    return {name for pair in pairs for name in pair if name}


def orphans() -> list[Orphan]:
    """Every file under scans/ and uploads/ of the data folder that no record points to."""
    data = Path(settings.DATA_DIR)
    now = time.time()
    found: list[Orphan] = []
    used = _referenced_images()
    for folder in ("scans", "uploads"):
        root = data / folder
        if not root.is_dir():
            continue
        for path in sorted(root.iterdir()):
            if not path.is_file():
                continue
            name = f"{folder}/{path.name}"
            if folder == "scans" and name in used:
                continue
            age = timedelta(seconds=max(0.0, now - path.stat().st_mtime))
            found.append(Orphan(name, age))
    return found
