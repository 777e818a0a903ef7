"""`daihoi ballots` and `daihoi scan` on the demo congress's data folder, as an operator runs them.

The demo's executive-committee election (49 names for 41 seats, list approved, open for two
teams) gets its ballots printed, then a folder of synthetic scans read by team 2.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.slow

_MAKE_SCANS = """
import os, sys
import django
django.setup()
import numpy as np
from daihoi.queries.ballots import layouts_of
from daihoi.db.models import Election
from testkit import synth
election = Election.objects.get(body="executive_committee")
layout = layouts_of(election)["A4"]
folder = sys.argv[1]
for seed in (1, 2):
    image, _ = synth.mark_ballot(layout, 1, np.random.default_rng(seed), seats=41)
    with open(os.path.join(folder, f"{seed:03d}.jpg"), "wb") as out:
        out.write(synth.encode(image, 90))
print(election.pk)
"""


_OUTSIDER = """
import datetime
import django
django.setup()
from django.contrib.auth.models import User
from daihoi.db.models import Congress, Membership, Organisation
other = Congress.objects.create(
    organisation=Organisation.objects.create(name="Đảng bộ xã Khác"),
    number=1,
    term="2025–2030",
    starts_on=datetime.date(2025, 6, 1),
    ends_on=datetime.date(2025, 6, 2),
    meeting="delegates_congress",
)
clerk = User.objects.create_user("kiemphieu-xa-khac")
Membership.objects.create(user=clerk, congress=other, roles=["counting_board", "counting_head"])
"""


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DAIHOI_DATA")}
    env["DAIHOI_DATA"] = str(data)
    env["DJANGO_SETTINGS_MODULE"] = "daihoi.config.settings"
    return env


def _daihoi(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "daihoi", *args, "--data", str(data)],
        capture_output=True,
        text=True,
        check=False,
        env=_env(data),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A demo data folder and the executive committee's election id."""
    data = tmp_path_factory.mktemp("demo")
    made = subprocess.run(
        [sys.executable, "-m", "daihoi", "demo", "--data", str(data), "--no-serve"],
        capture_output=True,
        text=True,
        check=False,
        env=_env(data),
        encoding="utf-8",
    )
    assert made.returncode == 0, made.stderr
    scans = data / "incoming"
    scans.mkdir()
    (scans / "000-ghi-chu.txt").write_text("không phải ảnh", encoding="utf-8")  # not an image
    election = subprocess.run(
        [sys.executable, "-c", _MAKE_SCANS, str(scans)],
        capture_output=True,
        text=True,
        check=True,
        env=_env(data),
        encoding="utf-8",
    ).stdout.strip()
    return data, election


def test_ballots_writes_identical_copies_of_the_approved_list(demo: tuple[Path, str]) -> None:
    data, election = demo
    out = data / "phieu.pdf"
    run = _daihoi(
        "ballots", election, "--paper", "A4", "--copies", "3", "--out", str(out), data=data
    )
    assert run.returncode == 0, run.stderr
    assert len(PdfReader(out).pages) == 3


def test_ballots_refuses_a_list_not_yet_approved(demo: tuple[Path, str]) -> None:
    data, election = demo
    secretary = str(int(election) + 1)  # the demo's secretary election: list not voted on yet
    run = _daihoi("ballots", secretary, "--out", str(data / "x.pdf"), data=data)
    assert run.returncode == 2
    assert "chưa biểu quyết thông qua danh sách" in run.stderr
    assert "has not approved the election list" in run.stderr
    assert not (data / "x.pdf").exists()


def test_scan_reads_a_folder_in_name_order_with_a_progress_bar(demo: tuple[Path, str]) -> None:
    data, election = demo
    folder, notes = data / "incoming", data / "notes.txt"
    notes.write_text("không phải ảnh", encoding="utf-8")
    run = _daihoi(
        "scan", election, str(folder), str(notes), "--team", "2", "--user", "kiemphieu2", data=data
    )
    assert run.returncode == 0, run.stderr
    assert "[" in run.stderr
    assert "3/3" in run.stderr  # the bar reached every file
    lines = run.stdout.splitlines()
    read = int(lines[0].rsplit(":", 1)[1])
    review = int(lines[1].rsplit(":", 1)[1])
    assert read + review == 2
    assert "Không đọc được / rejected: 1" in run.stdout
    assert "notes.txt, trang 1: không phải ảnh quét" in run.stdout
    assert "notes.txt, page 1: not a readable scan" in run.stdout
    assert "ghi-chu" not in run.stdout  # a folder gives only its image and PDF files


def test_scan_exits_2_when_nothing_could_be_read(demo: tuple[Path, str]) -> None:
    data, election = demo
    notes = data / "incoming" / "000-ghi-chu.txt"
    run = _daihoi("scan", election, str(notes), "--team", "2", "--user", "kiemphieu2", data=data)
    assert "000-ghi-chu.txt, trang 1" in run.stdout
    assert run.returncode == 2
    assert "not_an_image" not in run.stdout  # words, not codes
    assert "Không đọc được / rejected: 1" in run.stdout


def test_scan_needs_an_account_that_enters_ballots(demo: tuple[Path, str]) -> None:
    data, election = demo
    folder = str(data / "incoming")
    viewer = _daihoi("scan", election, folder, "--user", "khach", data=data)
    assert viewer.returncode == 2
    assert "không được nhập phiếu" in viewer.stderr
    unnamed = _daihoi("scan", election, folder, data=data)  # three accounts may: say which
    assert unnamed.returncode == 2
    assert "--user" in unnamed.stderr


def test_scan_refuses_a_clerk_of_another_congress(demo: tuple[Path, str]) -> None:
    """Roles are scoped: the account must enter ballots in the election's own congress."""
    data, election = demo
    subprocess.run(
        [sys.executable, "-c", _OUTSIDER], check=True, env=_env(data), capture_output=True
    )
    folder = str(data / "incoming")
    run = _daihoi("scan", election, folder, "--user", "kiemphieu-xa-khac", data=data)
    assert run.returncode == 2
    assert "không được nhập phiếu" in run.stderr
    assert "(--user)" in run.stderr
