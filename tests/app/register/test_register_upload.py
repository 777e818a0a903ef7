"""The register's upload as the organiser makes it: parsed in a child process, answered in words."""

import io

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from daihoi.db.models import Delegate
from daihoi.imports.register import COLUMNS
from daihoi.imports.workbook import MAX_ROWS
from tests.app.builders import make_congress
from tests.app.register.uploads import upload

pytestmark = pytest.mark.slow

ROW = ["1", "Nguyễn Thị Hằng", "07/06/1970", "Nữ", "Kinh", "", "", "", "", "", "Được bầu"]


def workbook(*rows: list[object]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def organiser(db: None) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.create_superuser("organiser", password="x"))
    return client


def test_a_good_register_is_previewed_then_stored(organiser: Client) -> None:
    congress = make_congress()
    page = upload(organiser, congress.pk, workbook(ROW))
    token = page.split('name="token" value="', 1)[1].split('"', 1)[0]
    response = organiser.post(reverse("register_confirm", args=[congress.pk]), {"token": token})
    assert response.status_code == 302
    assert list(Delegate.objects.values_list("full_name", flat=True)) == ["Nguyễn Thị Hằng"]
    stored = Delegate.objects.get()
    assert stored.congress == congress
    assert stored.birth_date.isoformat() == "1970-06-07"
    assert stored.gender == "female"
    assert stored.kind == "elected"
    assert len(stored.badge_token) >= 32  # the default made for each row


def test_hidden_characters_and_formulas_are_shown_by_row_and_column(organiser: Client) -> None:
    congress = make_congress()
    bidi = list(ROW)
    bidi[1] = "Nguyễn\u202eVăn"
    formula = list(ROW)
    formula[1] = "=cmd|' /C calc'!A0"
    formula[2] = "08/06/1970"
    page = upload(organiser, congress.pk, workbook(bidi, formula))
    assert "Dòng 2, cột Họ và tên: có ký tự ẩn" in page
    assert "U+202E" in page
    assert "Dòng 3, cột Họ và tên:" in page
    assert 'name="token"' not in page
    assert not Delegate.objects.exists()


def test_a_register_over_the_row_limit_is_refused_naming_it(organiser: Client) -> None:
    congress = make_congress()
    rows = [
        [
            str(n),
            f"Người Số {n}",
            f"{n % 28 + 1:02d}/06/1970",
            "Nam",
            "",
            "",
            "",
            "",
            "",
            "",
            "Được bầu",
        ]
        for n in range(MAX_ROWS + 1)
    ]
    page = upload(organiser, congress.pk, workbook(*rows))
    assert "hơn 5.000 dòng" in page
    assert 'name="token"' not in page
