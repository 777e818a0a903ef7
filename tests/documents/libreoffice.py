"""Open a document as a person would: LibreOffice headless converts it to PDF.

Skipped only on a developer's machine without LibreOffice; in CI (CI set) a missing soffice
fails, so that the check cannot silently stop running.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    if SOFFICE:
        return SOFFICE
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is required in CI: apt-get install libreoffice-*-nogui")
    pytest.skip("LibreOffice (soffice) is not installed")


def convert_to_pdf(data: bytes, suffix: str, workdir: Path) -> bytes:
    """The PDF LibreOffice makes of `data`; a private profile so parallel runs do not clash."""
    soffice = require_soffice()
    source = workdir / f"document{suffix}"
    source.write_bytes(data)
    with tempfile.TemporaryDirectory(prefix="daihoi-lo-") as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(workdir),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=240,
        )
    return (workdir / "document.pdf").read_bytes()
