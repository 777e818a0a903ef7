"""The system Chromium as the browser tests drive it, and signing in the way a person does."""

import shutil
from pathlib import Path

from playwright.sync_api import Page

#: screenshots and downloads kept for people to look at
ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: the password the browser tests give every account they make
PASSWORD = "pw-e2e"


def sign_in(page: Page, base: str, username: str, password: str = PASSWORD) -> None:
    """The sign-in form filled and sent; returns once the answer has loaded."""
    page.goto(f"{base}/dang-nhap/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("button[type=submit]")
