"""Faint specks of toner beside the printed letters: what the print's halo looks like on a coarse
scan (issue 14 §2: at 150 dpi such a speck inside the letters' band joined "the line" and carried
a partial strike across the name). They are the printer's, not the voter's: no row's truth
changes, and a speck is far below the stray-ink limit (OPEN-OMR-2)."""

import numpy as np

from daihoi.omr.layout import Row
from testkit.synth.pen import Sheet


def halo_specks(
    sheet: Sheet, rows: tuple[Row, ...], rng: np.random.Generator, share: float
) -> None:
    """On `share` of the rows, 1–4 specks of 0.1–0.25 mm in the letters' band, 30–55 % dark."""
    k = sheet.k
    for row in rows:
        if rng.random() >= share:
            continue
        text = row.text
        for _ in range(int(rng.integers(1, 5))):
            x = int((text.x + rng.uniform(0, text.w)) * k)
            y = int((text.y + rng.uniform(-0.1, 1.1) * text.h) * k)
            radius = max(1, round(rng.uniform(0.05, 0.125) * k))
            darkness = rng.uniform(0.3, 0.55)
            patch = sheet.image[y - radius : y + radius + 1, x - radius : x + radius + 1]
            patch[...] = (patch * (1 - darkness)).astype(np.uint8)
