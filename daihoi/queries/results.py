"""A certified result's pages and documents, recounted from its frozen election file.

The minutes, the workbook and the text are made from the file, never from the live tables: what
is printed is what was certified (the integrity check has already compared the two).
"""

from dataclasses import dataclass
from typing import Any

from daihoi.core.counting import count_checked
from daihoi.db.mappers import congress_info
from daihoi.db.models import Congress, Election
from daihoi.documents.minutes.docx import minutes_docx
from daihoi.documents.minutes.pdf import minutes_pdf
from daihoi.documents.minutes.text import minutes_text
from daihoi.documents.workbook import results_workbook
from daihoi.interchange.election_file import load_election
from daihoi.queries.scans import scans_for_minutes

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Download:
    """A document to answer with: `filename` "" when the browser shows it instead of saving."""

    data: bytes | str
    content_type: str
    filename: str


def elected_names(document: dict[str, Any]) -> list[str]:
    """The names of the elected, in the order of the result document."""
    names = {c["id"]: c["name"] for c in document["candidates"]}
    return [names[i] for i in document["elected"]]


def result_download(election: Election, kind: str) -> Download | None:
    """The minutes (pdf, docx, txt) or the results workbook (xlsx) of a certified election;
    None for a kind there is none of."""
    e = election
    parsed = load_election(e.result.election_file)
    outcome = count_checked(parsed.checked)
    rehearsal = e.congress.mode == Congress.Mode.REHEARSAL
    info = congress_info(e.congress)
    if kind in ("pdf", "docx"):
        render_document = minutes_pdf if kind == "pdf" else minutes_docx
        data = render_document(
            outcome,
            info,
            sha256=e.result.sha256,
            rehearsal=rehearsal,
            explanations=e.acknowledgements,
            derivation=parsed.derivation,
            scans=scans_for_minutes(e),
        )
        content_type = "application/pdf" if kind == "pdf" else DOCX
        return Download(data, content_type, f"bien-ban-kiem-phieu-{e.pk}.{kind}")
    if kind == "xlsx":
        data = results_workbook(outcome, info, sha256=e.result.sha256, rehearsal=rehearsal)
        return Download(data, XLSX, f"ket-qua-{e.pk}.xlsx")
    if kind == "txt":
        text = minutes_text(
            outcome,
            info,
            derivation=parsed.derivation,
            scans=scans_for_minutes(e),
            explanations=e.acknowledgements,
            sha256=e.result.sha256,
            rehearsal=rehearsal,
        )
        return Download(text, "text/plain; charset=utf-8", "")
    return None
