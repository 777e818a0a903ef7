"""Every test keeps its files (scans, uploads) in a folder of its own, never in ./data.

Run as the README says (`tools/uv run pytest`, no DAIHOI_DATA), the tests once wrote ballot
images into the developer's data folder, where a later run's `daihoi verify` found them as
orphans an hour on.
"""

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _own_data_folder(settings: Any, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    settings.DATA_DIR = folder
