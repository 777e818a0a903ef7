"""The browser every test here drives: the system Chromium, launched once per test."""

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.e2e.chromium import ARGS, CHROMIUM

# Playwright's sync API keeps an event loop in this thread; the test's own ORM calls are sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def browser() -> Iterator[Browser]:
    assert CHROMIUM, "the system Chromium is needed (apt-get install chromium); .ci/run installs it"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()
