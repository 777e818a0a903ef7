"""What a person must never read: the checks the role journeys run over every page and document.

A page or document fails on an internal token (a code in brackets, a spec id, a Python value, a
snake_case key or dict) and, when it is Vietnamese, on common English words. Kept apart from the
crawl so that the document checks can reuse them on the text of PDF, DOCX, XLSX and TXT files.
"""

import io
import re
import zipfile
from dataclasses import dataclass

from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

# Tokens a person must never see (issue 10, "No internal word reaches a person").
TOKENS: dict[str, re.Pattern[str]] = {
    "code in brackets": re.compile(r"\[[a-z]+(?:_[a-z]+)+\]"),
    "spec id": re.compile(r"\b(?:R\d{1,2}|OPEN-(?:[A-Z]+-)?\d+)\b"),
    "English citation 'Art.'": re.compile(r"\bArt\."),
    "Python value": re.compile(r"\b(?:True|False|None)\b"),
    "Python dict": re.compile(r"\{\s*'[^']*'\s*:"),
    "snake_case key": re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"),
}
# Addresses may hold underscores (the projector token): they are not words a person reads.
URL = re.compile(r"(?:https?://|/)[^\s]*[/?][^\s]*")

# Common English words of this domain and of ordinary sentences, none of which is a Vietnamese
# word or a name in the demo (so "an", "to", "do", "no", "in", "ban", "long" are left out).
ENGLISH = [
    "the",
    "of",
    "and",
    "for",
    "with",
    "from",
    "this",
    "that",
    "not",
    "are",
    "is",
    "was",
    "has",
    "will",
    "please",
    "ballot",
    "ballots",
    "election",
    "elections",
    "team",
    "teams",
    "entry",
    "entries",
    "result",
    "results",
    "save",
    "delete",
    "cancel",
    "submit",
    "edit",
    "candidate",
    "candidates",
    "congress",
    "sign",
    "login",
    "logout",
    "password",
    "username",
    "delegate",
    "delegates",
    "vote",
    "votes",
    "voting",
    "valid",
    "invalid",
    "elected",
    "minutes",
    "report",
    "download",
    "upload",
    "print",
    "search",
    "seats",
    "round",
    "session",
    "present",
    "absent",
    "summoned",
    "issued",
    "collected",
    "certify",
    "certified",
    "settle",
    "differences",
    "progress",
    "projector",
    "attendance",
    "warning",
    "error",
    "required",
    "field",
    "page",
    "total",
    "next",
    "back",
    "open",
    "closed",
    "draft",
    "rehearsal",
    "official",
    "settings",
    "default",
    "yes",
    "percent",
    "base",
    "quorum",
    "board",
    "head",
    "clerk",
    "organiser",
    "organizer",
    "viewer",
    "reception",
    "presidium",
    "date",
    "list",
    "file",
    "add",
    "remove",
    "undo",
    "step",
    "done",
    "pending",
    "status",
]
# "OPEN-5" is reported as a spec id, not as the English word "open".
ENGLISH_WORD = re.compile(r"(?<!\w)(" + "|".join(ENGLISH) + r")(?![\w]|-[A-Z0-9])", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """One thing found: what kind, and the text around it as the person sees it."""

    what: str
    text: str


def _around(text: str, match: re.Match[str], width: int = 50) -> str:
    start, end = max(match.start() - width, 0), min(match.end() + width, len(text))
    return " ".join(text[start:end].split())


def scan_text(text: str, *, vietnamese: bool = True) -> list[Finding]:
    """Every internal token, and on a Vietnamese page every English word, with its context."""
    found: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    without_urls = URL.sub(" ", text)
    checks = list(TOKENS.items())
    if vietnamese:
        checks.append(("English word", ENGLISH_WORD))
    for what, pattern in checks:
        body = without_urls if what == "snake_case key" else text
        for match in pattern.finditer(body):
            key = (what, match.group(0).lower())
            if key in seen or (what == "snake_case key" and f"[{match.group(0)}]" in body):
                continue  # a code in brackets is reported once, as such
            seen.add(key)
            found.append(Finding(f"{what} '{match.group(0)}'", _around(body, match)))
    return found


def bad_title(title: str) -> bool:
    """An empty title, or only the application's name, tells a person nothing about the page."""
    return title.strip().lower() in {"", "daihoi", "đại hội"}


def document_text(content_type: str, data: bytes) -> str | None:
    """The text a person reads in a generated document, or None for a file that is not one."""
    kind = content_type.split(";", maxsplit=1)[0].strip().lower()
    if data.startswith(b"%PDF"):
        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    if kind.startswith("text/plain"):
        return data.decode("utf-8", errors="replace")
    if data.startswith(b"PK") and zipfile.is_zipfile(io.BytesIO(data)):
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        if "word/document.xml" in names:
            return _docx_text(data)
        if "xl/workbook.xml" in names:
            return _xlsx_text(data)
    return None


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    tables = list(doc.tables)
    for section in doc.sections:
        for part in (section.header, section.footer):
            parts.extend(p.text for p in part.paragraphs)
            tables.extend(part.tables)
    parts.extend("\t".join(c.text for c in row.cells) for table in tables for row in table.rows)
    return "\n".join(parts)


def _xlsx_text(data: bytes) -> str:
    book = load_workbook(io.BytesIO(data), read_only=True)
    lines = []
    for sheet in book.worksheets:
        lines.append(str(sheet.title))
        lines.extend(
            "\t".join("" if v is None else str(v) for v in row)
            for row in sheet.iter_rows(values_only=True)
        )
    return "\n".join(lines)
