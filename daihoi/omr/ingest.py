"""Scanner files to page images: JPEG, PNG and TIFF images, multi-page TIFF and PDF files.

The type is taken from the file's first bytes, never from its name. A single image is kept as the
scanner wrote it (its SHA-256 is the file's); a page of a multi-page file is kept as a lossless
PNG of that page (PDF pages rendered by pypdfium2 at the reader's 200 dpi, omr.md §5.3 step 1).
Nothing here alters a picture: the stored bytes are the image of record.
"""

import hashlib
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium

from daihoi.omr.render import CANONICAL_DPI, Image

MAX_FILE_BYTES = 80 * 1024 * 1024
MAX_PIXELS = 60_000_000  # an A3 page at 600 dpi is 70 M: far beyond a ballot scan


class FileKind(StrEnum):
    JPEG = "jpg"
    PNG = "png"
    TIFF = "tif"
    PDF = "pdf"


def file_kind(data: bytes) -> FileKind | None:
    """What the file is by its signature, or None when it is none of the accepted kinds."""
    if data.startswith(b"\xff\xd8\xff"):
        return FileKind.JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileKind.PNG
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return FileKind.TIFF
    if data.lstrip()[:5] == b"%PDF-":
        return FileKind.PDF
    return None


@dataclass(frozen=True)
class ScanPage:
    """One page of a file: its number in the file, the pixels (None when they cannot be
    decoded), and the bytes to keep with their SHA-256 and extension."""

    page: int
    pages: int
    image: Image | None
    stored: bytes
    sha256: str
    extension: str


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def page_count(data: bytes) -> int:
    """How many pages the file holds (0: not a readable image or PDF); cheap, decodes nothing."""
    kind = file_kind(data)
    if kind is None or len(data) > MAX_FILE_BYTES:
        return 0
    try:
        if kind is FileKind.PDF:
            document = pdfium.PdfDocument(data)
            try:
                return len(document)
            finally:
                document.close()
    except pdfium.PdfiumError:
        return 0
    return _tiff_page_count(data) if kind is FileKind.TIFF else 1


def _tiff_page_count(data: bytes) -> int:
    """The length of the TIFF's chain of image directories (TIFF 6.0 §2), read, not decoded."""
    order = "<" if data[:2] == b"II" else ">"
    offset = int.from_bytes(data[4:8], "little" if order == "<" else "big")
    seen: set[int] = set()
    while 8 <= offset < len(data) - 2 and offset not in seen and len(seen) < 10_000:
        seen.add(offset)
        entries = struct.unpack_from(f"{order}H", data, offset)[0]
        end = offset + 2 + 12 * entries
        if end + 4 > len(data):
            break
        offset = struct.unpack_from(f"{order}I", data, end)[0]
    return len(seen)


def _decode(data: bytes) -> Image | None:
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    return None if image is None else _normalised(image)


def _normalised(image: npt.NDArray[Any]) -> Image | None:
    """Grey or BGR, 8 bits: 16-bit scans are scaled down, an alpha channel is dropped."""
    if image.size == 0 or image.shape[0] * image.shape[1] > MAX_PIXELS:
        return None
    if image.dtype == np.uint16:
        image = (image // 257).astype(np.uint8)
    elif image.dtype != np.uint8:
        return None
    if image.ndim == 3 and image.shape[2] == 4:
        image = cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    elif image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    return np.ascontiguousarray(image)


def _png(image: Image) -> bytes:
    ok, encoded = cv2.imencode(".png", image)
    if not ok:  # pragma: no cover - OpenCV encodes any 8-bit grey or BGR array
        msg = "PNG encoding failed"
        raise ValueError(msg)
    return encoded.tobytes()


def _pdf_pages(data: bytes) -> Iterator[Image | None]:
    document = pdfium.PdfDocument(data)
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                bitmap = page.render(scale=CANONICAL_DPI / 72)
                array = np.array(bitmap.to_numpy(), dtype=np.uint8, copy=True)
            except pdfium.PdfiumError:
                yield None
                continue
            finally:
                page.close()
            yield _normalised(np.ascontiguousarray(array[:, :, :3]) if array.ndim == 3 else array)
    finally:
        document.close()


def _tiff_pages(data: bytes) -> Iterator[Image | None]:
    ok, images = cv2.imdecodemulti(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    if not ok:
        return
    for image in images:
        yield _normalised(image)


def file_pages(data: bytes) -> Iterator[ScanPage]:
    """The pages of one file, one at a time (a long PDF is never held decoded as a whole).

    Yields nothing for a file that is not an accepted image or PDF (see `page_count`).
    """
    pages = page_count(data)
    if pages == 0:
        return
    kind = file_kind(data)
    if pages == 1 and kind is not FileKind.PDF:
        yield ScanPage(1, 1, _decode(data), data, sha256_of(data), str(kind))
        return
    decoded = _pdf_pages(data) if kind is FileKind.PDF else _tiff_pages(data)
    for number, image in enumerate(decoded, start=1):
        stored = _png(image) if image is not None else b""
        yield ScanPage(number, pages, image, stored, sha256_of(stored), FileKind.PNG.value)
