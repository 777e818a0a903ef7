"""The web application through Django's test client: roles × views, entry, projector."""

import html
import io
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from daihoi.access import GRANTS, Role
from daihoi.actions.teams import assign_team
from daihoi.db.models import BallotEntry, Election
from daihoi.web import urls as web_urls
from tests.app.builders import make_congress, make_election
from tests.app.members import client_for, member


@pytest.mark.parametrize("role", list(Role))
def test_every_view_allows_exactly_the_roles_of_its_permission_in_their_congress_only(
    role: Role, election: Election
) -> None:
    """Role × view × (own congress, other congress): in their own congress a person gets exactly
    the views their role is granted; every page of another congress is 404 to them, whatever
    their role. A view without a declared permission (other than sign-in and the projector)
    fails."""
    other = make_election(make_congress(number=6))
    client = client_for(role, election.congress)
    own = {"congress_id": election.congress_id, "election_id": election.pk}
    theirs = {"congress_id": other.congress_id, "election_id": other.pk}
    for pattern in web_urls.urlpatterns:
        if "<int:congress_id>" in str(pattern.pattern) or "<int:election_id>" in str(
            pattern.pattern
        ):
            kwargs = {k: v for k, v in theirs.items() if f"<int:{k}>" in str(pattern.pattern)}
            if "<str:kind>" in str(pattern.pattern):
                kwargs["kind"] = "pdf"
            status = client.get(reverse(pattern.name, kwargs=kwargs)).status_code
            assert status == 404, (pattern.name, role, "other congress", status)
            if pattern.name not in ("entry", "election_figures", "certify", "list_approval"):
                continue
            posted = client.post(reverse(pattern.name, kwargs=kwargs), {"team": 1, "sheet": 1})
            assert posted.status_code == 404, (pattern.name, role, "other congress, POST")
    assert not BallotEntry.objects.filter(election=other).exists()
    args = own
    for pattern in web_urls.urlpatterns:
        view = pattern.callback
        name = pattern.name
        if name in ("login", "logout", "projector", "projector_data"):
            continue
        permission = getattr(view, "permission", None)
        assert permission is not None, f"{name} declares no permission"
        if name in ("result", "election_file", "minutes"):
            continue  # need a certified election: covered below
        if "<uuid:scanned_id>" in str(pattern.pattern):
            continue  # need a scanned ballot: tests/app/test_scanning.py covers every role
        kwargs: dict[str, object] = {
            k: v for k, v in args.items() if f"<int:{k}>" in str(pattern.pattern)
        }
        if "<str:kind>" in str(pattern.pattern):
            kwargs["kind"] = "pdf"
        response = client.get(reverse(name, kwargs=kwargs))
        allowed = role in GRANTS[permission]
        if allowed:
            if response.status_code == 302:  # an action that answers elsewhere, never sign-in
                assert reverse("login") not in response["Location"], (name, role)
            else:
                assert response.status_code in (200, 405), (name, role, response.status_code)
        else:
            assert response.status_code == 403, (name, role, response.status_code)


def test_anonymous_users_go_to_sign_in(election: Election) -> None:
    response = Client().get(reverse("election", args=[election.pk]))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_entry_screen_saves_and_refuses(election: Election) -> None:
    client = client_for(Role.COUNTING_BOARD)
    url = reverse("entry", args=[election.pk])
    page = client.get(url)
    assert "Nguyễn Văn An" in page.content.decode()
    response = client.post(url, {"team": 1, "sheet": 1, "mode": "struck", "numbers": "3"})
    assert response.status_code == 302
    assert BallotEntry.objects.get().content == {"kept": ["c1", "c2"]}
    response = client.post(url, {"team": 1, "sheet": 2, "mode": "struck", "numbers": "3 9"})
    assert response.status_code == 200
    assert "Số 9 không có trên phiếu" in response.content.decode()
    response = client.post(url, {"team": 1, "sheet": 1, "mode": "kept", "numbers": "1"})
    assert "đã được nhóm nhập 1 nhập rồi" in response.content.decode()
    response = client.post(url, {"team": 1, "sheet": 2, "mode": "struck", "numbers": "1 3x"})
    assert '"3x" không phải là số thứ tự' in html.unescape(response.content.decode())
    assert BallotEntry.objects.count() == 1
    # Three names: one digit each, so "13" typed together strikes 1 and 3.
    response = client.post(url, {"team": 1, "sheet": 2, "mode": "struck", "numbers": "13"})
    assert response.status_code == 302
    assert BallotEntry.objects.get(sheet=2).content == {"kept": ["c2"]}


def test_projector_shows_nothing_of_a_result_before_certification(election: Election) -> None:
    congress = election.congress
    congress.projector_token = "tok-123456"
    congress.save()
    board = client_for(Role.COUNTING_HEAD)
    url = reverse("entry", args=[election.pk])
    for sheet in range(1, 10):
        board.post(url, {"team": 1, "sheet": sheet, "mode": "struck", "numbers": "3"})
    data = Client().get(reverse("projector_data", args=["tok-123456"])).json()
    assert data["entered"] == 9
    assert "result" not in data
    assert board.post(reverse("certify", args=[election.pk])).status_code == 302
    data = Client().get(reverse("projector_data", args=["tok-123456"])).json()
    assert data["result"]["elected"] == ["c1", "c2"]
    assert board.get(reverse("result", args=[election.pk])).status_code == 200
    minutes = board.get(reverse("minutes", args=[election.pk, "txt"])).content.decode()
    assert "BIÊN BẢN KIỂM PHIẾU" in minutes
    assert "SHA-256" in minutes
    pdf = board.get(reverse("minutes", args=[election.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    docx = board.get(reverse("minutes", args=[election.pk, "docx"]))
    assert docx.content.startswith(b"PK")
    workbook_bytes = board.get(reverse("minutes", args=[election.pk, "xlsx"])).content
    sheet = load_workbook(io.BytesIO(workbook_bytes)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    assert "Nguyễn Văn An" in values
    assert "Cơ sở tính kết quả" in values
    congress.projector_token = ""
    congress.save()
    assert Client().get(reverse("projector_data", args=["tok-123456"])).status_code == 404


def test_pages_are_vietnamese_by_default_and_english_on_request(election: Election) -> None:
    client = client_for(Role.COUNTING_BOARD)
    url = reverse("election", args=[election.pk])
    assert "Số phiếu thu vào" in client.get(url).content.decode()
    browser_in_english = client.get(url, headers={"accept-language": "en-US,en"})
    assert "Số phiếu thu vào" in browser_in_english.content.decode()  # the hall's default
    client.post(reverse("set_language"), {"language": "en", "next": url})
    assert "Ballots collected" in client.get(url).content.decode()


def test_third_reading_settles_a_difference(election: Election) -> None:
    election.entry_teams = 2
    election.save()
    head = client_for(Role.COUNTING_HEAD)
    url = reverse("entry", args=[election.pk])
    for team in (1, 2):  # two clerks, one per team, as the head assigned them
        clerk = member(
            User.objects.create_user(f"clerk{team}"), election.congress, Role.COUNTING_BOARD
        )
        assign_team(User.objects.get(username="user-counting_head"), election.pk, clerk.pk, team)
        typist = Client()
        typist.force_login(clerk)
        numbers = "3" if team == 1 else "2"
        typist.post(url, {"team": team, "sheet": 1, "mode": "struck", "numbers": numbers})
    page = head.get(reverse("differences", args=[election.pk])).content.decode()
    assert "<kbd>1</kbd>" in page  # the two entry teams' readings, chosen by their key
    assert "<kbd>2</kbd>" in page
    assert not re.search(r"\bTổ \d", page)  # an entry team is never a bare «Tổ N» (a count table)
    head.post(reverse("differences", args=[election.pk]), {"sheet": 1, "numbers": "1"})
    resolution = election.resolutions.get()
    assert resolution.chosen_team is None
    assert resolution.content == {"kept": ["c2", "c3"]}


def test_agree_disagree_rows_are_typed_as_numbers(election: Election) -> None:
    """A list without surplus (3 names, 3 seats): rows not typed are 'agree'."""
    election.seats = 3
    election.save()
    board = client_for(Role.COUNTING_BOARD)
    url = reverse("entry", args=[election.pk])
    assert "KHÔNG ĐỒNG Ý" in board.get(url).content.decode()
    board.post(url, {"team": 1, "sheet": 1, "disagree": "2", "blank": "3"})
    assert BallotEntry.objects.get().content == {
        "marks": {"c1": "agree", "c2": "disagree", "c3": "none"}
    }
    response = board.post(url, {"team": 1, "sheet": 2, "disagree": "7"})
    assert "Số 7 không có trên phiếu" in response.content.decode()


@pytest.mark.slow
def test_register_import_previews_then_stores_all_or_nothing(election: Election) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from daihoi.db.models import Delegate
    from tests.imports.workbooks import GOOD, workbook

    organiser = client_for(Role.ORGANISER)
    congress_id = election.congress_id
    template = organiser.get(reverse("register_template"))
    assert template.status_code == 200
    bad = [GOOD[0], "", *GOOD[2:]]
    upload = SimpleUploadedFile("ds.xlsx", workbook(GOOD, bad))
    page = organiser.post(reverse("register_upload", args=[congress_id]), {"file": upload})
    assert "Dòng 4, cột Họ và tên" in page.content.decode()
    faulty = page.context["preview"]
    assert not faulty.importable  # kept for a re-read, but it cannot be stored
    organiser.post(reverse("register_confirm", args=[congress_id]), {"token": faulty.token})
    assert Delegate.objects.count() == 0
    second = [GOOD[0], "Lê Văn Bình", *GOOD[2:]]
    upload = SimpleUploadedFile("ds.xlsx", workbook(GOOD, second))
    page = organiser.post(reverse("register_upload", args=[congress_id]), {"file": upload})
    token = page.context["preview"].token
    assert token
    assert Delegate.objects.count() == 0  # a preview stores nothing
    organiser.post(reverse("register_confirm", args=[congress_id]), {"token": token})
    assert sorted(Delegate.objects.values_list("full_name", flat=True)) == [
        "Lê Văn Bình",
        "Nguyễn Thị Hằng",
    ]
    again = organiser.post(reverse("register_confirm", args=[congress_id]), {"token": token})
    assert again.status_code == 302
    assert Delegate.objects.count() == 2  # the same preview cannot be stored twice


@pytest.mark.slow
def test_candidate_list_import_replaces_a_list_in_setup(election: Election) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from daihoi.imports.candidates import COLUMNS
    from tests.imports.workbooks import workbook

    election.state = Election.State.SETUP
    election.save()
    organiser = client_for(Role.ORGANISER)
    url = reverse("candidates_upload", args=[election.pk])
    bad = workbook(["1", "Vũ Văn Giang", "30/02/1970", "Nam", "", ""], header=COLUMNS)
    page = organiser.post(url, {"file": SimpleUploadedFile("l.xlsx", bad)})
    assert "Dòng 3, cột Ngày sinh" in page.content.decode()
    assert election.candidates.count() == 3  # unchanged
    good = workbook(
        ["1", "Vũ Văn Giang", "01/02/1970", "Nam", "", ""],
        ["2", "Đỗ Văn Đức", "01/02/1971", "Nam", "", ""],
        header=COLUMNS,
    )
    page = organiser.post(url, {"file": SimpleUploadedFile("l.xlsx", good)})
    token = page.context["preview"].token
    assert election.candidates.count() == 3  # a preview stores nothing
    organiser.post(reverse("candidates_confirm", args=[election.pk]), {"token": token})
    assert [c.name for c in election.candidates.all()] == ["Đỗ Văn Đức", "Vũ Văn Giang"]


def test_progress_fragment_refreshes_with_htmx(election: Election) -> None:
    board = client_for(Role.COUNTING_BOARD)
    page = board.get(reverse("election", args=[election.pk])).content.decode()
    assert 'hx-get="/bau-cu/' in page
    assert "vendor/htmx-2.0.11.min.js" in page
    board.post(
        reverse("entry", args=[election.pk]),
        {"team": 1, "sheet": 1, "mode": "struck", "numbers": "3"},
    )
    fragment = board.get(reverse("election_progress", args=[election.pk])).content.decode()
    assert "1/9" in fragment
    assert "<html" not in fragment
    static = board.get("/static/vendor/htmx-2.0.11.min.js")
    assert static.status_code == 200
    assert b"htmx" in b"".join(static.streaming_content)  # type: ignore[attr-defined]
    static.close()
