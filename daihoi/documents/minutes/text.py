"""The counting minutes (biên bản kiểm phiếu) as plain text, for the terminal and the web.

Renders daihoi.documents.minutes.model: the same words as the PDF and the DOCX. The results are a
table padded to their widest cell, numbers aligned on the right, so a column never shifts when a
percentage has one digit before the comma ("9,09%").
"""

from typing import Unpack

from daihoi.core.outcome import Outcome
from daihoi.documents.minutes.model import (
    PARTY,
    Minutes,
    MinutesFacts,
    Para,
    Table,
    build_minutes,
    elected_body,
)
from daihoi.interchange.election_file import CongressInfo
from daihoi.typesetting.pdf import REHEARSAL_MARK

__all__ = ["elected_body", "minutes_text", "render_text"]


def _para(para: Para) -> str:
    if para.style == "item":
        return f"  - {para.words}"
    return f"  {para.words}" if para.style == "entry" else para.words


def table_lines(table: Table) -> list[str]:
    """The table padded column by column: left, centred or right as each column says."""
    cells = [tuple(c.heading for c in table.columns), *table.rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(table.columns))]
    lines = []
    for row in cells:
        parts = []
        for column, width, words in zip(table.columns, widths, row, strict=True):
            if column.align == "R":
                parts.append(words.rjust(width))
            elif column.align == "C":
                parts.append(words.center(width))
            else:
                parts.append(words.ljust(width))
        lines.append("  ".join(parts).rstrip())
    return lines


def render_text(minutes: Minutes) -> str:
    """The minutes as text lines: header, figures, table, closing, settings, signatures."""
    head = minutes.masthead
    lines = [REHEARSAL_MARK, ""] if minutes.rehearsal else []
    lines.append(PARTY)
    lines += [w for w in (head.upper, *head.issuer) if w]
    if head.place_and_date:
        lines.append(head.place_and_date)
    lines += ["", minutes.title, *minutes.subtitle, ""]
    lines += [_para(p) for p in minutes.figures] + [""]
    lines += [minutes.caption, *table_lines(minutes.table), ""]
    lines += [_para(p) for p in minutes.closing] + [""]
    lines += [_para(p) for p in minutes.settings] + [""]
    left, right = minutes.signatures
    lines += [f"{left:<44}{right}", f"{'':<44}{minutes.sign_note}", ""]
    if minutes.fingerprint:
        lines.append(minutes.fingerprint)
    return "\n".join(lines) + "\n"


def minutes_text(
    outcome: Outcome, congress: CongressInfo | None = None, **facts: Unpack[MinutesFacts]
) -> str:
    """The minutes of one count as text; the figures come from `outcome`, none typed by hand."""
    return render_text(build_minutes(outcome, congress, **facts))
