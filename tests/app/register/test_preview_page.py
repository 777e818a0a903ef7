"""The register's preview as the organiser reads it before storing: every field in words, a
summary per column, the columns not used, the rows skipped, and the day/month choice.

The pages are read in English (the msgids), so the test does not wait on the Vietnamese
catalogue; the Vietnamese page is checked with words the catalogue already has.
"""

import io
from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from daihoi.db.models import Delegate, Election
from daihoi.imports.candidates import COLUMNS as CANDIDATE_COLUMNS
from daihoi.imports.register import COLUMNS
from daihoi.queries.import_preview import preview_report, summarise
from tests.app.builders import make_congress, make_election
from tests.app.register.uploads import upload

#: STT, name, born, sex, ethnicity, education, theory, joined, position, unit, kind,
#: incumbent, standing, delegation
HANG: list[object] = [
    "1", "Nguyễn Thị Hằng", "07/06/1970", "Nữ", "Tày", "Thạc sĩ", "Cao cấp", "03/02/1995",
    "Bí thư Chi bộ", "Chi bộ Khu phố 3", "Đương nhiên", "Có", "Chính thức", "Đoàn số 1",
]  # fmt: skip
BINH: list[object] = [
    "2", "Trần Văn Bình", "12/11/1965", "Nam", "", "Đại học", "Trung cấp", "20/05/1990",
    "Phó Chủ tịch", "UBND phường", "Được bầu", "", "Dự khuyết", "Đoàn số 2",
]  # fmt: skip
CUONG: list[object] = [
    "3", "Lê Văn Cường", "30/12/1980", "Nam", "", "", "", "",
    "", "Chi bộ Trường học", "Chỉ định", "", "", "Đoàn số 2",
]  # fmt: skip


def workbook(*rows: list[object], header: list[str] | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Danh sách"
    sheet.append(header or list(COLUMNS[: len(HANG)]))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def organiser(db: None) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.create_superuser("organiser", password="x"))
    client.cookies["django_language"] = "en"
    return client


def rows_table(page: str) -> str:
    """The preview's table of rows (its other tables hold some of the same words)."""
    return page.split('id="rows"', 1)[1]


def summary_table(page: str) -> str:
    return page.split('id="summary"', 1)[1].split("</table>", 1)[0]


def token_of(page: str) -> str:
    return page.split('name="token" value="', 1)[1].split('"', 1)[0]


@pytest.mark.slow
def test_every_field_that_will_be_stored_is_shown_in_words(organiser: Client) -> None:
    congress = make_congress()
    rows = rows_table(upload(organiser, congress.pk, workbook(HANG, BINH, CUONG)))
    hang = rows.split("Nguyễn Thị Hằng", 1)[1].split("</tr>", 1)[0]
    for shown in (
        "07/06/1970",
        "female",
        "ex officio delegate",
        "official",
        "Đoàn số 1",
        "03/02/1995",
        "Cao cấp",
        "Thạc sĩ",
        "Bí thư Chi bộ",
        "Chi bộ Khu phố 3",
        "Tày",
        "yes",
    ):
        assert shown in hang, shown
    binh = rows.split("Trần Văn Bình", 1)[1].split("</tr>", 1)[0]
    assert "elected delegate" in binh
    assert "alternate" in binh
    assert "male" in binh
    assert "appointed delegate" in rows.split("Lê Văn Cường", 1)[1]
    assert "ex_officio" not in rows


@pytest.mark.slow
def test_the_summary_counts_each_value_and_the_range_of_each_date(organiser: Client) -> None:
    congress = make_congress()
    summary = summary_table(upload(organiser, congress.pk, workbook(HANG, BINH, CUONG)))
    gender = summary.split("Gender", 1)[1].split("</tr>", 1)[0]
    assert ">male</span>: 2" in gender
    assert ">female</span>: 1" in gender
    delegation = summary.split("Delegation", 1)[1].split("</tr>", 1)[0]
    assert ">Đoàn số 2</span>: 2" in delegation
    born = summary.split("Date of birth", 1)[1].split("</tr>", 1)[0]
    assert "from 12/11/1965 to 30/12/1980" in born
    joined = summary.split("Joined the Party", 1)[1].split("</tr>", 1)[0]
    # two filled, one empty, and the range of the two
    assert '<td class="num">2</td><td class="num">1</td>' in joined
    assert "from 20/05/1990 to 03/02/1995" in joined


@pytest.mark.slow
def test_the_vietnamese_page_shows_the_same_rows_in_vietnamese(organiser: Client) -> None:
    congress = make_congress()
    organiser.cookies["django_language"] = "vi"
    rows = rows_table(upload(organiser, congress.pk, workbook(HANG, BINH)))
    assert "<td>nữ</td>" in rows
    assert "<td>nam</td>" in rows
    assert "<td>chính thức</td>" in rows
    assert "<td>dự khuyết</td>" in rows
    for code in (">female<", ">male<", ">official<", ">alternate<", "ex_officio", ">elected<"):
        assert code not in rows, code


@pytest.mark.slow
def test_the_columns_not_used_are_listed_by_sheet(organiser: Client) -> None:
    congress = make_congress()
    header = [*COLUMNS[: len(HANG)], "Ghi chú"]
    page = upload(organiser, congress.pk, workbook([*HANG, "thay ông A"], header=header))
    unused = page.split('id="unused-columns"', 1)[1].split("</ul>", 1)[0]
    assert "Column «Ghi chú» (sheet «Danh sách») is not used" in unused
    assert "thay ông A" not in page


@pytest.mark.slow
def test_hidden_and_struck_rows_are_listed_not_stored(organiser: Client) -> None:
    from openpyxl import load_workbook
    from openpyxl.styles import Font

    congress = make_congress()
    book = load_workbook(io.BytesIO(workbook(HANG, BINH, CUONG)))
    sheet = book.active
    assert sheet is not None
    sheet.row_dimensions[3].hidden = True  # Bình, replaced
    for cell in sheet[4]:
        cell.font = Font(strike=True)  # Cường, struck through
    buffer = io.BytesIO()
    book.save(buffer)
    page = upload(organiser, congress.pk, buffer.getvalue())
    skipped = page.split('id="skipped-rows"', 1)[1].split("</table>", 1)[0]
    assert "Trần Văn Bình" in skipped
    assert "hidden row" in skipped
    assert "Lê Văn Cường" in skipped
    assert "struck through" in skipped
    assert "Trần Văn Bình" not in rows_table(page)
    assert "1 rows without problems." in page
    response = organiser.post(
        reverse("register_confirm", args=[congress.pk]), {"token": token_of(page)}
    )
    assert response.status_code == 302
    assert list(Delegate.objects.values_list("full_name", flat=True)) == ["Nguyễn Thị Hằng"]


@pytest.mark.slow
def test_a_re_upload_lists_every_clash_with_the_stored_register_at_preview(
    organiser: Client,
) -> None:
    congress = make_congress()
    first = upload(organiser, congress.pk, workbook(HANG, BINH))
    organiser.post(reverse("register_confirm", args=[congress.pk]), {"token": token_of(first)})
    again = upload(organiser, congress.pk, workbook(HANG, BINH, CUONG))
    problems = again.split('id="problems"', 1)[1].split("</table>", 1)[0]
    assert "Nguyễn Thị Hằng" in problems
    assert "Trần Văn Bình" in problems  # every clash, not the first one
    assert "Lê Văn Cường" not in problems
    assert reverse("register_confirm", args=[congress.pk]) not in again
    assert Delegate.objects.count() == 2


def reread(client: Client, congress_id: int, page: str, order: str) -> str:
    """The preview's day/month form sent with `order` for its one column."""
    form = page.split('id="date-orders"', 1)[1].split("</form>", 1)[0]
    sheet = form.split('name="sheet" value="', 1)[1].split('"', 1)[0]
    column = form.split('name="column" value="', 1)[1].split('"', 1)[0]
    answer = client.post(
        reverse("register_reread", args=[congress_id]),
        {"token": token_of(page), "sheet": sheet, "column": column, "order-0": order},
    )
    assert answer.status_code == 200
    return answer.content.decode()


def party_date_of(page: str, name: str) -> str:
    cells = rows_table(page).split(name, 1)[1].split("</tr>", 1)[0].split("<td>")
    return cells[6].split("<", 1)[0]  # after birth, sex, type, standing, delegation


@pytest.mark.slow
def test_the_day_month_choice_reads_the_file_again_and_is_what_is_stored(
    organiser: Client,
) -> None:
    congress = make_congress()
    # party dates typed on a US-locale machine: 05/20/1990 reads only month first
    hang, binh = list(HANG), list(BINH)
    hang[7], binh[7] = "02/03/1995", "05/20/1990"
    page = upload(organiser, congress.pk, workbook(hang, binh))
    orders = page.split('id="date-orders"', 1)[1].split("</form>", 1)[0]
    assert "Ngày vào Đảng" in orders
    assert "<td>02/03/1995</td><td>1995-03-02</td><td>1995-02-03</td>" in orders
    assert 'value="mdy" checked' in orders
    assert party_date_of(page, "Nguyễn Thị Hằng") == "03/02/1995"  # 3 February

    day_first = reread(organiser, congress.pk, page, "dmy")
    assert 'value="dmy" checked' in day_first
    assert party_date_of(day_first, "Nguyễn Thị Hằng") == "02/03/1995"  # now 2 March
    problems = day_first.split('id="problems"', 1)[1].split("</table>", 1)[0]
    assert "Ngày vào Đảng" in problems  # 05/20/1990 is no date read day first
    assert reverse("register_confirm", args=[congress.pk]) not in day_first

    month_first = reread(organiser, congress.pk, day_first, "mdy")
    assert party_date_of(month_first, "Nguyễn Thị Hằng") == "03/02/1995"
    stored = organiser.post(
        reverse("register_confirm", args=[congress.pk]), {"token": token_of(month_first)}
    )
    assert stored.status_code == 302
    assert Delegate.objects.get(full_name="Nguyễn Thị Hằng").party_joined_on == date(1995, 2, 3)
    assert Delegate.objects.get(full_name="Trần Văn Bình").party_joined_on == date(1990, 5, 20)


@pytest.mark.slow
def test_the_candidate_list_shows_each_name_linked_to_the_register_or_not(
    organiser: Client,
) -> None:
    congress = make_congress()
    Delegate.objects.create(
        congress=congress,
        full_name="Nguyễn Thị Hòa",
        birth_date=date(1970, 6, 7),
        gender="female",
        kind="elected",
    )
    election = make_election(congress, state=Election.State.SETUP)
    data = workbook(
        ["1", "Nguyễn Thị Hoà", "07/06/1970", "Nữ", "Kinh", ""],  # the other tone placement
        ["2", "Trần Văn Bình", "12/11/1965", "Nam", "Kinh", "Có"],
        header=list(CANDIDATE_COLUMNS),
    )
    file = io.BytesIO(data)
    file.name = "danh-sach-bau-cu.xlsx"
    response = organiser.post(reverse("candidates_upload", args=[election.pk]), {"file": file})
    assert response.status_code == 200
    page = response.content.decode()
    rows = rows_table(page)
    hoa = rows.split("Nguyễn Thị H", 1)[1].split("</tr>", 1)[0]
    assert "✓ in the register" in hoa
    assert "female" in hoa
    binh = rows.split("Trần Văn Bình", 1)[1].split("</tr>", 1)[0]
    assert "not in the register" in binh
    assert "yes" in binh  # incumbent, in words
    warnings = page.split('id="warnings"', 1)[1].split("</table>", 1)[0]
    assert '<td class="num">3</td>' in warnings  # the unlinked name's row, never "row 0"


@dataclass(frozen=True)
class Row:
    gender: str
    birth_date: date | None
    incumbent: bool = False
    birth_year_only: bool = False


def test_a_summary_counts_values_most_first_and_dates_from_first_to_last() -> None:
    rows = [
        Row("male", date(1970, 6, 7)),
        Row("female", None, incumbent=True),
        Row("male", date(1960, 1, 1), birth_year_only=True),
    ]
    gender = summarise(rows, "gender")
    assert (gender.filled, gender.empty, gender.values) == (3, 0, (("male", 2), ("female", 1)))
    born = summarise(rows, "birth_date")
    assert (born.filled, born.empty) == (2, 1)
    assert (born.earliest, born.latest, born.year_only) == (date(1960, 1, 1), date(1970, 6, 7), 1)
    assert summarise(rows, "incumbent").values == (("yes", 1), ("no", 2))


def test_the_report_lists_unused_columns_and_splits_warnings_from_errors() -> None:
    @dataclass(frozen=True)
    class Use:
        sheet: str
        header: str
        field: str

    @dataclass(frozen=True)
    class Reading:
        columns: tuple[Use, ...]
        skipped: tuple[str, ...] = ("a skipped row",)
        date_orders: tuple[str, ...] = ()

    @dataclass(frozen=True)
    class Problem:
        warning: bool

    reading = Reading((Use("DS", "Họ và tên", "full_name"), Use("DS", "Ghi chú", "")))
    report = preview_report([Row("male", None)], [Problem(True), Problem(False)], reading)
    assert [c.header for c in report.unused_columns] == ["Ghi chú"]  # type: ignore[attr-defined]
    assert report.skipped_rows == ("a skipped row",)
    assert [p.warning for p in report.errors] == [False]  # type: ignore[attr-defined]
    assert [p.warning for p in report.warnings] == [True]  # type: ignore[attr-defined]
    # a reader without a report: nothing listed, the summaries still made
    bare = preview_report([Row("male", None)], [], None)
    assert bare.unused_columns == bare.skipped_rows == bare.date_orders == ()
    assert [s.field for s in bare.summaries] == ["birth_date", "gender", "incumbent"]
