"""The register's import actions (issue 13): every upload kept under a token with the person's
day/month choices, clashes with the stored register listed at preview, and what the preview
showed is what is stored (party dates, year-only births)."""

from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User

from daihoi.actions.register import import_register, preview_register, repreview_register
from daihoi.db.models import Delegate
from daihoi.errors import ActionError
from daihoi.imports.reading import order_key
from tests.app.builders import make_congress
from tests.imports.office_forms import Form

pytestmark = pytest.mark.slow


def register(*rows: list[Any]) -> bytes:
    form = Form()
    form.line("DANH SÁCH ĐẠI BIỂU")
    form.line("Họ và tên", "Ngày sinh", "Giới tính", "Loại đại biểu", "Ngày vào Đảng", None)
    form.line(None, None, None, None, "Dự bị", "Chính thức")
    for column in range(1, 5):
        form.sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    form.sheet.merge_cells(start_row=2, start_column=5, end_row=2, end_column=6)
    for row in rows:
        form.line(*row)
    return form.data()


@pytest.fixture
def organiser(db: None) -> User:
    return User.objects.create_superuser("organiser", password="x")


def test_a_preview_with_a_month_first_column_is_kept_and_read_again_with_the_choice(
    organiser: User,
) -> None:
    congress = make_congress()
    data = register(
        ["Lê Văn Bình", "12/25/1968", "Nam", "ĐB", "01/02/1990", "01/02/1991"],
        ["Vũ Thị Lan", "03/04/1970", "Nữ", "ĐN", None, None],
    )
    preview = preview_register(congress, data)
    assert preview.token
    assert preview.importable  # the month-first reading is a warning, not an error
    (order,) = preview.reading.date_orders
    assert (order.column, order.chosen) == ("Ngày sinh", "mdy")
    # day first chosen: 12/25 becomes impossible, and the kept upload says so
    day_first = repreview_register(congress, preview.token, {order.key: "dmy"})
    assert day_first.token == preview.token
    assert [p.code for p in day_first.problems if not p.warning] == ["impossible_date"]
    with pytest.raises(ActionError):
        import_register(organiser, congress.pk, preview.token)
    # month first again: stored as read, with the official party date
    repreview_register(congress, preview.token, {order_key("Danh sách", "Ngày sinh"): "mdy"})
    assert import_register(organiser, congress.pk, preview.token) == 2
    stored = {d.full_name: d for d in Delegate.objects.all()}
    assert stored["Lê Văn Bình"].birth_date == date(1968, 12, 25)
    assert stored["Lê Văn Bình"].party_official_on == date(1991, 2, 1)
    assert stored["Vũ Thị Lan"].birth_date == date(1970, 3, 4)
    assert stored["Vũ Thị Lan"].kind == "ex_officio"


def test_a_re_upload_lists_every_clash_with_the_stored_register_at_preview(
    organiser: User,
) -> None:
    congress = make_congress()
    first = register(
        ["Nguyễn Thị Hoà", "07/06/1970", "Nữ", "ĐB", None, None],
        ["Lê Văn Bình", "01/02/1968", "Nam", "ĐB", None, None],
    )
    import_register(organiser, congress.pk, preview_register(congress, first).token)
    again = register(
        ["NGUYỄN THỊ HÒA", "07/06/1970", "Nữ", "ĐB", None, None],
        ["Lê Văn Bình", "01/02/1968", "Nam", "ĐB", None, None],
        ["Đỗ Văn Tư", "02/02/1970", "Nam", "ĐB", None, None],
    )
    preview = preview_register(congress, again)
    clashes = [(p.row, p.code) for p in preview.problems]
    assert clashes == [(4, "already_stored"), (5, "already_stored")]
    assert preview.problems[0].message_vi.startswith("Dòng 4, cột Họ và tên: «Nguyễn Thị Hòa»")
    assert not preview.importable
    with pytest.raises(ActionError):
        import_register(organiser, congress.pk, preview.token)
    assert Delegate.objects.count() == 2


def test_year_only_births_are_stored_flagged(organiser: User) -> None:
    congress = make_congress()
    form = Form()
    form.line("Họ và tên", "Năm sinh", "Giới tính", "Loại đại biểu")
    form.line("Lê Văn Bình", 1968, "Nam", "Bầu")
    preview = preview_register(congress, form.data())
    assert [p.code for p in preview.problems] == ["birth_year_only"]
    assert import_register(organiser, congress.pk, preview.token) == 1
    stored = Delegate.objects.get()
    assert (stored.birth_date, stored.birth_year_only) == (date(1968, 1, 1), True)
