"""What a head of the counting board reads on the election, certification and result pages:
explained warnings with their figures, the next step in words with its article, no code."""

import html
import re

from django.contrib.auth.models import User
from django.urls import reverse

from daihoi.access import Role
from daihoi.actions.steps import acknowledge_warning
from daihoi.db.models import BallotEntry, Election
from tests.app.builders import make_election
from tests.app.members import client_for

#: a specification's rule id ("R15", "R12") or an unfilled placeholder ("{collected}")
SPEC_ID = re.compile(r"\bR\d{1,2}\b")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def text_of(response: object) -> str:
    return html.unescape(response.content.decode())  # type: ignore[attr-defined]


def visible(page: str) -> str:
    """The words a person sees: the body without tags, scripts and attributes."""
    body = page.split("<body", 1)[-1]
    body = re.sub(r"<script.*?</script>|<style.*?</style>", " ", body, flags=re.S)
    return re.sub(r"<[^>]+>", " ", body)


def nine_of_ten(db: None) -> tuple[Election, User]:
    """Ten ballots issued, nine collected (a warning), nine typed by one team."""
    election = make_election(present=10, ballots_issued=10)
    typist = User.objects.create_user("typist")
    for sheet in range(1, 10):
        content = {"kept": ["c1", "c2"]} if sheet <= 7 else {"kept": ["c2", "c3"]}
        BallotEntry.objects.create(
            election=election, team=1, sheet=sheet, content=content, entered_by=typist
        )
    return election, typist


FILLED = "Số phiếu thu vào (9) ít hơn số phiếu phát ra (10)."
EXPLANATION = "Một đại biểu bỏ phiếu trắng vào túi, không bỏ vào hòm"


def test_an_explained_warning_shows_its_figures_on_every_page(db: None) -> None:
    election, _ = nine_of_ten(db)
    head = client_for(Role.COUNTING_HEAD)
    page = text_of(head.get(reverse("election", args=[election.pk])))
    assert FILLED in page
    acknowledge_warning(head_user(), election.pk, "collected_below_issued", EXPLANATION)
    for name in ("election", "certify"):
        page = visible(text_of(head.get(reverse(name, args=[election.pk]))))
        assert f"{FILLED} — đã giải trình: {EXPLANATION}" in page, name
        assert not PLACEHOLDER.search(page), name
    assert head.post(reverse("certify", args=[election.pk])).status_code == 302
    election.refresh_from_db()
    assert election.state == Election.State.CERTIFIED
    for name in ("election", "result"):
        page = visible(text_of(head.get(reverse(name, args=[election.pk]))))
        assert f"{FILLED} — đã giải trình: {EXPLANATION}" in page, name
        assert not PLACEHOLDER.search(page), name
    minutes = text_of(head.get(reverse("minutes", args=[election.pk, "txt"])))
    assert f"Giải trình: {FILLED.rstrip('.')}: {EXPLANATION}" in minutes
    assert not PLACEHOLDER.search(minutes)
    assert not SPEC_ID.search(minutes), SPEC_ID.findall(minutes)


def head_user() -> User:
    return User.objects.get(username=f"user-{Role.COUNTING_HEAD}")


def test_the_result_page_says_the_next_step_in_words_with_its_article(db: None) -> None:
    election, _ = nine_of_ten(db)
    election.ballots_issued = 9
    election.present = 9
    election.save()
    head = client_for(Role.COUNTING_HEAD)
    assert head.post(reverse("certify", args=[election.pk])).status_code == 302
    for name in ("result", "election"):
        page = visible(text_of(head.get(reverse(name, args=[election.pk]))))
        assert not SPEC_ID.search(page), (name, SPEC_ID.findall(page))
        for code in ("done", "tie_revote", "further_round", "board_decision"):
            assert not re.search(rf"\b{code}\b", page), (name, code)
    page = visible(text_of(head.get(reverse("result", args=[election.pk]))))
    assert "Bước tiếp theo: Đã bầu đủ số lượng." in page
    assert "Đã bầu đủ số lượng. (điều quy định về nguyên tắc xác định kết quả bầu cử" in page
    assert re.search(
        r"\b100(,0+)?%", page
    )  # An on all nine ballots: the % sign as on the projector


def test_a_correction_of_the_base_names_its_figure_in_words(db: None) -> None:
    election = make_election(
        base_derivation={
            "corrections": [{"figure": "present", "from": 7, "to": 8, "reason": "vào muộn"}]
        }
    )
    page = visible(
        text_of(client_for(Role.COUNTING_HEAD).get(reverse("election", args=[election.pk])))
    )
    assert "số có mặt 7 → 8 — vào muộn" in page
    assert not re.search(r"\bpresent\b", page)


def test_an_election_s_name_starts_with_a_capital_where_it_starts_a_cell(db: None) -> None:
    election = make_election(body="upper_delegates")
    head = client_for(Role.COUNTING_HEAD)
    page = text_of(head.get(reverse("congress", args=[election.congress_id])))
    assert ">Đại biểu đi dự đại hội đảng bộ cấp trên</a></td>" in page
    assert ">đại biểu đi dự" not in page
    page = text_of(head.get(reverse("election", args=[election.pk])))
    assert "<h1>Đại biểu đi dự đại hội đảng bộ cấp trên" in page
