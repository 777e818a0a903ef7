"""Fixtures every scanning test shares."""

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def data_folder(settings: Any, tmp_path: Path) -> Path:
    """Scans are written under the data folder: a fresh one per test."""
    settings.DATA_DIR = tmp_path
    return tmp_path
