"""The new-congress form names each setting and its choices in words, never by key."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from daihoi.core.rulesets.model import SETTING_SPECS


@pytest.mark.django_db
def test_settings_read_in_words() -> None:
    client = Client()
    client.force_login(User.objects.create_superuser("organiser", password="x"))
    page = client.get(reverse("congress_new")).content.decode()
    visible = re.sub(r"<[^>]+>", " ", page)  # the text a person reads, not the field names
    for spec in SETTING_SPECS:
        assert spec.name not in visible, spec.name
        assert spec.open_point not in visible, spec.open_point
    assert not re.search(r"\b(True|False)\b", visible)
    assert "Tỷ lệ phần trăm tính so với" in visible
