"""The ballot order setting (R7, OPEN-12) reaches the application: the numbers the list gets, the
election page and the printed ballot all follow it, whichever way the list came in."""

import io
from datetime import date

import pytest
from django.contrib.auth.models import User
from openpyxl import load_workbook
from pypdf import PdfReader

from daihoi.actions.ballot_papers import print_ballots
from daihoi.actions.register import import_candidates, preview_candidates
from daihoi.actions.setup import create_congress, create_election
from daihoi.db.mappers import numbered_candidates
from daihoi.db.models import Congress, Delegate, Election
from daihoi.imports.candidates import candidates_template
from daihoi.queries.ballots import ballot_spec
from daihoi.queries.elections import get_election_view
from tests.app.setup.test_setup import FORM

#: the order the organiser gives the list in: not the alphabet's
LISTED = ("Đỗ Văn Đức", "Trần Văn An", "Phạm Văn Dũng", "Lê Thị Anh")
#: R7 [V]: by given name in Vietnamese alphabetical order (An < Anh < Dũng < Đức)
ALPHABETICAL = ("Trần Văn An", "Lê Thị Anh", "Phạm Văn Dũng", "Đỗ Văn Đức")
BORN = date(1975, 1, 1)
ELECTION = {
    "body": "executive_committee",
    "seats": 3,
    "alternate_seats": 0,
    "entry_teams": 1,
    "list_approval": "120/120 tán thành",
}


@pytest.fixture
def admin(db: None) -> User:
    return User.objects.create_superuser("quantri", password="x")


def congress_ordering(order: str | None) -> Congress:
    """A congress whose rule set orders the ballot by `order` (None: the rule set's default)."""
    overrides = {} if order is None else {"ballot_order": order}
    admin = User.objects.get(username="quantri")
    congress = create_congress(admin, **{**FORM, "settings": overrides})  # type: ignore[arg-type]
    for name in LISTED:
        Delegate.objects.create(
            congress=congress, full_name=name, gender="male", kind="elected", birth_date=BORN
        )
    return congress


def elect_from_register(admin: User, congress: Congress) -> Election:
    by_name = {d.full_name: d.pk for d in congress.delegates.all()}
    ids = [by_name[name] for name in LISTED]
    return create_election(admin, congress.pk, delegate_ids=ids, **ELECTION)  # type: ignore[arg-type]


def elect_from_workbook(admin: User, congress: Congress) -> Election:
    election = elect_from_register(admin, congress)
    book = load_workbook(io.BytesIO(candidates_template()))
    sheet = book["Danh sách bầu cử"]
    for number, name in enumerate(LISTED, start=1):
        sheet.append([number, name, BORN.strftime("%d/%m/%Y"), "Nam", "Kinh", "Không"])
    buffer = io.BytesIO()
    book.save(buffer)
    preview = preview_candidates(election, buffer.getvalue())
    assert preview.problems == []
    assert import_candidates(admin, election.pk, preview.token) == len(LISTED)
    return Election.objects.get(pk=election.pk)


def printed_names(admin: User, election: Election) -> list[str]:
    """The list's names in the order they stand on the printed ballot."""
    pdf = print_ballots(admin, election.pk, "A4", 1)
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert all(name in text for name in LISTED), text
    return sorted(LISTED, key=text.index)


@pytest.mark.parametrize("source", [elect_from_register, elect_from_workbook])
@pytest.mark.parametrize(
    ("order", "expected"),
    [(None, ALPHABETICAL), ("given_family_middle_birth", ALPHABETICAL), ("as_listed", LISTED)],
)
def test_the_ballot_order_setting_orders_the_list_and_the_printed_ballot(
    admin: User, source: object, order: str | None, expected: tuple[str, ...]
) -> None:
    congress = congress_ordering(order)
    election = source(admin, congress)  # type: ignore[operator]
    numbered = numbered_candidates(election)
    assert [numbered[n].name for n in sorted(numbered)] == list(expected)
    assert [c.name for c in get_election_view(election).candidates] == list(expected)
    assert [name for _, name in ballot_spec(election, "A4").candidates] == list(expected)
    assert printed_names(admin, election) == list(expected)
