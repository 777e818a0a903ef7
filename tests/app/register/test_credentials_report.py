"""The credentials report of the demo congress: its figures against the generated roster."""

import io
from datetime import date

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from daihoi.actions.demo import load_reference_congress
from daihoi.core.composition import age_on
from daihoi.core.vi.formatting import format_share
from daihoi.db.models import Delegate


def test_the_report_counts_the_roster(db: None) -> None:
    congress, _ = load_reference_congress()
    client = Client()
    client.force_login(User.objects.get(username="doanchutich"))
    pdf = client.get(reverse("credentials", args=[congress.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    text = " ".join(text.split())
    # Independently: the officials, each replaced one counted as the alternate in their place.
    officials = list(Delegate.objects.filter(congress=congress, standing="official"))
    seated = [
        d.replaced_by.alternate if hasattr(d, "replaced_by") else d  # type: ignore[attr-defined]
        for d in officials
    ]
    assert len(seated) == 289
    women = sum(1 for d in seated if d.gender == "female")
    minority = sum(1 for d in seated if d.ethnicity != "Kinh")
    on = congress.starts_on
    ages = [age_on(d.birth_date, on) for d in seated if d.birth_date]
    assert "BÁO CÁO THẨM TRA TƯ CÁCH ĐẠI BIỂU" in text
    assert format_share(women, 289) in text
    assert format_share(minority, 289) in text
    assert str(max(ages)) in text
    assert str(min(ages)) in text
    assert "Chuyển công tác" in text  # the substitution's absence reason
    docx = client.get(reverse("credentials", args=[congress.pk, "docx"]))
    words = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    words += "\n".join(
        cell.text
        for table in Document(io.BytesIO(docx.content)).tables
        for row in table.rows
        for cell in row.cells
    )
    assert format_share(women, 289) in words
    assert on == date(2020, 6, 5)
