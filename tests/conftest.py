"""Every test keeps its files (scans, uploads) in a folder of its own, never in ./data; passwords
are hashed cheaply.

Run as the README says (`tools/uv run pytest`, no DAIHOI_DATA), the tests once wrote ballot
images into the developer's data folder, where a later run's `daihoi verify` found them as
orphans an hour on.

The product's hasher (PBKDF2, a million rounds) is slow on purpose: a third of a second for each
account a test makes or signs in, most of the application tests' time. Tests that start the
product in its own process (the commands, `daihoi demo`) still hash as the hall does.
"""

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _own_data_folder(settings: Any, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    settings.DATA_DIR = folder


@pytest.fixture(autouse=True)
def _cheap_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
