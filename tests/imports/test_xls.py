"""The old Excel format (.xls), as offices still save it: a trích ngang form converted by
LibreOffice keeps its merged header, sections, hidden and struck rows and dates."""

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from daihoi.imports.register import read_register
from tests.imports.office_forms import CONGRESS, trich_ngang

pytestmark = pytest.mark.slow


def as_xls(data: bytes, folder: Path) -> bytes:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    source = folder / "danh-sach.xlsx"
    source.write_bytes(data)
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{folder}/profile", "--headless",
         "--convert-to", "xls", "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return (folder / "danh-sach.xls").read_bytes()


def test_an_xls_trich_ngang_form_reads_as_its_xlsx(tmp_path: Path) -> None:
    form, at = trich_ngang()
    hidden = form.line(3, "Vũ Thị Lan", None, "01/01/1970", "Kinh")
    form.hide(hidden)
    struck = form.line(4, "Đỗ Văn Tư", "02/02/1970", None, "Kinh")
    form.strike(struck, 2)
    # moved above the totals row so they are part of the list
    form.sheet.move_range(f"A{hidden}:K{struck}", rows=at["hoa"] + 1 - hidden)
    form.sheet.row_dimensions[hidden].hidden = False
    form.hide(at["hoa"] + 1)
    data = as_xls(form.data(), tmp_path)
    assert data.startswith(b"\xd0\xcf\x11\xe0")
    reading = read_register(data, on=CONGRESS)
    assert reading.errors == []
    assert [(r.full_name, r.birth_date, r.gender, r.kind) for r in reading.rows] == [
        ("Nguyễn Văn An", date(1965, 3, 12), "male", "ex_officio"),
        ("Nguyễn Thị Hòa", date(1978, 11, 20), "female", "elected"),
    ]
    assert reading.rows[1].party_official_on == date(2002, 5, 19)
    assert [(s.name, s.why) for s in reading.skipped] == [
        ("Vũ Thị Lan", "hidden"),
        ("Đỗ Văn Tư", "struck"),
    ]
