"""One bad record never takes down a page that lists many (a congress number with no numeral)."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from tests.app.builders import make_congress


@pytest.mark.django_db
def test_a_congress_number_without_a_roman_numeral_does_not_break_the_home_page() -> None:
    make_congress(number=23)
    make_congress(number=5000)  # written around the form's bound, e.g. by an old import
    client = Client()
    client.force_login(User.objects.create_superuser("admin", password="x"))
    response = client.get(reverse("home"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "XXIII" in text
    assert "5000" in text
