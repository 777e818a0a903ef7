"""What the doors and the organiser's attendance screens show, and the documents made from the
register (badges, the credentials report), read for the pages in daihoi.web.views."""

from dataclasses import dataclass

from daihoi.core.credentials import credentials_report
from daihoi.core.vi.collation import name_sort_key
from daihoi.core.vi.formatting import roman
from daihoi.db.mappers import congress_info
from daihoi.db.models import Attendance, Congress, Delegate
from daihoi.documents.badges import LAYOUTS, Badge, badges_pdf
from daihoi.documents.credentials.docx import credentials_docx
from daihoi.documents.credentials.pdf import credentials_pdf
from daihoi.queries.attendance import delegation_of, report_delegates, search_delegates

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def door_search(congress: Congress, query: str) -> list[tuple[Delegate, str, bool]]:
    """Who matches a name typed at a door: (delegate, delegation, already in this session)."""
    found = search_delegates(congress, query)
    here: set[int] = set()
    if congress.current_session is not None:
        here = set(
            Attendance.objects.filter(
                session=congress.current_session, delegate__in=[d.pk for d in found]
            ).values_list("delegate_id", flat=True)
        )
    return [(d, delegation_of(d), d.pk in here) for d in found]


def attendance_lists(congress: Congress) -> dict[str, list[Delegate]]:
    """The organiser's lists, in name order: never seen at any session, the officials, the
    alternates, the absences, the substitutions, the standing questioned."""
    people = list(congress.delegates.select_related("absence", "replaced_by__alternate"))
    people.sort(key=lambda d: name_sort_key(d.full_name))
    seen = set(
        Attendance.objects.filter(session__congress=congress).values_list("delegate_id", flat=True)
    )
    officials = [d for d in people if d.standing == Delegate.Standing.OFFICIAL]
    return {
        "never_seen": [d for d in officials if d.pk not in seen],
        "officials": officials,
        "alternates": [d for d in people if d.standing == Delegate.Standing.ALTERNATE],
        "absences": [d for d in people if hasattr(d, "absence")],
        "substitutions": [d for d in officials if hasattr(d, "replaced_by")],
        "questioned": [d for d in people if d.question_issue],
    }


def congress_badges(congress: Congress, layout: str) -> tuple[bytes, str]:
    """Every delegate's badge as one PDF, in name order, and the layout used (a4 if unknown)."""
    if layout not in LAYOUTS:
        layout = "a4"
    people = sorted(congress.delegates.all(), key=lambda d: name_sort_key(d.full_name))
    title = f"ĐẠI HỘI {congress.organisation.name.upper()} LẦN THỨ {roman(congress.number)}"
    badges = [
        Badge(
            d.full_name,
            delegation_of(d),
            d.seat,
            d.badge_token,
            alternate=d.standing == Delegate.Standing.ALTERNATE,
        )
        for d in people
    ]
    return badges_pdf(badges, title, layout), layout


@dataclass(frozen=True)
class CredentialsDocument:
    data: bytes
    content_type: str
    filename: str


def credentials_document(congress: Congress, kind: str) -> CredentialsDocument:
    """The credentials report (báo cáo thẩm tra tư cách đại biểu) as PDF or DOCX (PDF if
    `kind` is neither); ValueError names a fact the register should not hold (the core's)."""
    if kind not in ("pdf", "docx"):
        kind = "pdf"
    report = credentials_report(report_delegates(congress), congress.starts_on)
    render_document = credentials_pdf if kind == "pdf" else credentials_docx
    body = render_document(
        report, congress_info(congress), rehearsal=congress.mode == Congress.Mode.REHEARSAL
    )
    content_type = "application/pdf" if kind == "pdf" else DOCX
    return CredentialsDocument(body, content_type, f"tham-tra-tu-cach.{kind}")
