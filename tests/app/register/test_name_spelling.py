"""The congress chooses where imported names carry the tone of an open oa/oe/uy; a name typed
either way, or in capitals, is stored in that one spelling."""

import html

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from daihoi.db.models import AuditEvent, Congress
from tests.app.builders import make_congress
from tests.app.register.test_preview_page import HANG, organiser, workbook
from tests.app.register.uploads import upload

__all__ = ["organiser"]  # the fixture, used by name


def names_on(page: str) -> str:
    return html.unescape(page.split('id="rows"', 1)[1])


def test_names_are_stored_in_the_congress_s_placement(organiser: Client) -> None:
    congress = make_congress()
    typed = [["1", "NGUYỄN THỊ HOÀ", *HANG[2:]], ["2", "Lê Văn Thuỷ", *HANG[2:4], *HANG[4:]]]
    typed[1][2] = "12/11/1965"
    page = names_on(upload(organiser, congress.pk, workbook(*typed)))
    assert "Nguyễn Thị Hòa" in page
    assert "Lê Văn Thủy" in page  # the default: the older placement
    answer = organiser.post(reverse("register_spelling", args=[congress.pk]), {"placement": "new"})
    assert answer.status_code == 302
    assert Congress.objects.get(pk=congress.pk).name_tone_placement == "new"
    event = AuditEvent.objects.filter(congress=congress, action="name_spelling").get()
    assert event.details == {"placement": "new"}
    page = names_on(upload(organiser, congress.pk, workbook(*typed)))
    assert "Nguyễn Thị Hoà" in page
    assert "Lê Văn Thuỷ" in page


def test_an_unknown_placement_is_refused_in_words_and_changes_nothing(
    organiser: Client,
) -> None:
    congress = make_congress()
    url = reverse("register_spelling", args=[congress.pk])
    page = organiser.post(url, {"placement": "mixed"}, follow=True).content.decode()
    assert "There is no accent placement «mixed»" in html.unescape(page)
    assert Congress.objects.get(pk=congress.pk).name_tone_placement == "old"
    assert not AuditEvent.objects.filter(action="name_spelling").exists()


def test_only_the_organiser_may_choose(db: None) -> None:
    congress = make_congress()
    viewer = Client()
    viewer.force_login(User.objects.create_user("khach", password="x"))
    url = reverse("register_spelling", args=[congress.pk])
    assert viewer.post(url, {"placement": "new"}).status_code in (403, 404)
    assert Congress.objects.get(pk=congress.pk).name_tone_placement == "old"
