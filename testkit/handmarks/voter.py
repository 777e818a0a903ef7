"""One voter's ballot from start to scan, and what the voter meant for every printed name.

A voter takes one pen, strikes the names they reject (on the 55-for-43 ballot mostly 12–20, on
the 7-for-5 ballot 2–4, now and then fewer: a ballot that keeps too many is still read), and on
some ballots leaves a mark a board must judge. The truth says per printed number "struck",
"kept" or "ambiguous"; a page is clean when none of its names is ambiguous.
"""

from dataclasses import dataclass, field

import cv2
import numpy as np

from testkit.handmarks import marks, paper
from testkit.handmarks.paper import Bytes
from testkit.handmarks.pen import FloatImage, Pen, choose_pen, draw_stroke
from testkit.handmarks.printed import PrintedBallot

STRUCK, KEPT, AMBIGUOUS = "struck", "kept", "ambiguous"


@dataclass(frozen=True)
class Options:
    """What may happen to a ballot besides the strikes (the tests turn the extras off)."""

    scale_jitter: float = 0.03
    ambiguous_share: float = 0.15
    extras: bool = True
    scan: bool = True


@dataclass
class MarkedPage:
    """One side as scanned (or as marked, without `Options.scan`) and its truth."""

    image: Bytes
    truth: dict[int, str]
    kinds: dict[int, str] = field(default_factory=dict)
    scale: float = 1.0
    stamp: bool = False

    @property
    def clean(self) -> bool:
        """No name on this side carries a mark a board must judge."""
        return AMBIGUOUS not in self.truth.values()


@dataclass
class MarkedBallot:
    """A voter's ballot: the election's key, the pen used and each side."""

    key: str
    pen: Pen
    pages: list[MarkedPage]


def intentions(ballot: PrintedBallot, rng: np.random.Generator, share: float) -> dict[int, str]:
    """What the voter means for each printed number."""
    numbers = [number for number, _ in ballot.spec.candidates]
    surplus = len(numbers) - ballot.seats
    if rng.random() < 0.05:
        struck = int(rng.integers(0, surplus + 1))
    else:
        struck = int(rng.integers(surplus, min(len(numbers), surplus + max(3, surplus // 2)) + 1))
    chosen = set(rng.choice(numbers, size=struck, replace=False).tolist())
    truth = {number: STRUCK if number in chosen else KEPT for number in numbers}
    if rng.random() < share:
        kept = [number for number in numbers if number not in chosen]
        many = 2 if rng.random() < 0.2 else 1
        for number in rng.choice(kept, size=min(many, len(kept)), replace=False).tolist():
            truth[int(number)] = AMBIGUOUS
    return truth


def mark_ballot(ballot: PrintedBallot, rng: np.random.Generator, options: Options) -> MarkedBallot:
    """Print, mark, stamp, handle and scan every side of one voter's ballot."""
    pen = choose_pen(rng)
    truth = intentions(ballot, rng, options.ambiguous_share)
    jitter = options.scale_jitter
    scale = float(rng.uniform(1 - jitter, 1 + jitter)) if jitter > 0 else 1.0
    pages = []
    for index, printed in enumerate(ballot.pages):
        height, width = printed.image.shape[:2]
        mm = printed.mm(1.0)
        image = paper.print_scale(printed.image, scale)
        names = [paper.scaled_name(name, scale, (width, height)) for name in printed.names]
        page: FloatImage = image.astype(np.float32) / 255.0
        kinds: dict[int, str] = {}
        hand = marks.Hand(rng, mm, pen.width_mm * mm)
        for name in names:
            wanted = truth[name.number]
            if wanted == STRUCK:
                paths = marks.strike(name, hand)
            elif wanted == AMBIGUOUS:
                kinds[name.number], paths = marks.ambiguous(name, hand)
            else:
                continue
            for path in paths:
                draw_stroke(page, path, pen, rng, mm)
        stamped = options.extras and index == 0 and rng.random() < 0.97
        if stamped:
            clear = [paper.scaled_box(box, scale, (width, height)) for box in printed.corners]
            paper.stamp(page, rng, mm, names, clear)
        if options.extras:
            handle(page, rng, mm, pen)
        out = paper.scan(page, rng, mm) if options.scan else to_bytes(page)
        pages.append(
            MarkedPage(
                image=out,
                truth={n.number: truth[n.number] for n in names},
                kinds=kinds,
                scale=scale,
                stamp=stamped,
            )
        )
    return MarkedBallot(ballot.key, pen, pages)


def handle(page: FloatImage, rng: np.random.Generator, mm: float, pen: Pen) -> None:
    """Fingers and a resting pen: prints on a fifth of sides, margin ink on a tenth."""
    for _ in range(int(rng.random() < 0.2) + int(rng.random() < 0.05)):
        paper.fingerprint(page, rng, mm, pen)
    if rng.random() < 0.1:
        paper.margin_ink(page, rng, mm, pen)


def to_bytes(page: FloatImage) -> Bytes:
    """The float page as 8-bit RGB."""
    out: Bytes = np.clip(page * 255.0 + 0.5, 0, 255).astype(np.uint8)
    return out


def encode(image: Bytes, rng: np.random.Generator) -> tuple[str, bytes]:
    """The scanner's file: JPEG at quality 55–92 mostly, PNG one time in seven."""
    bgr = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
    if rng.random() < 1 / 7:
        ok, data = cv2.imencode(".png", bgr)
        suffix = "png"
    else:
        ok, data = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(55, 93))])
        suffix = "jpg"
    assert ok
    return suffix, data.tobytes()
