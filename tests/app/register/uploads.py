"""Posting a register workbook to the upload page, as the organiser's browser does."""

import io

from django.test import Client
from django.urls import reverse


def upload(client: Client, congress_id: int, data: bytes) -> str:
    """The preview page the upload of `data` answers with (200, or the test fails)."""
    file = io.BytesIO(data)
    file.name = "danh-sach.xlsx"
    response = client.post(reverse("register_upload", args=[congress_id]), {"file": file})
    assert response.status_code == 200
    return response.content.decode()
