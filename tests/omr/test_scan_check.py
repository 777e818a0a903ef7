"""`daihoi scan-check DIR TRUTH.csv`: scans of marked ballots read as `daihoi scan` reads them and
compared with what each voter meant (issue 14 §2; docs/omr-acceptance.md). Small corpora from
both generators; a wrong truth sheet is caught and listed; the office form a person fills in."""

import csv
import json
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import cv2
import numpy as np
import pytest

from daihoi.cli.main import main
from daihoi.core.codes import Layout
from daihoi.omr.truth_sheet import Meant, TruthError, read_truth
from testkit import synth
from tests.omr.ballots import make_layout

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def handmarks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four ballots of the independent generator (55 names on two sides, or 7 names)."""
    out = tmp_path_factory.mktemp("handmarks")
    script = ROOT / "bench" / "omr_handmarks.py"
    command = [sys.executable, str(script), "--out", str(out), "--ballots", "4", "--seed", "3"]
    subprocess.run([*command, "--workers", "1"], check=True, cwd=ROOT, capture_output=True)
    return out


@pytest.mark.slow
def test_the_independent_corpus_is_read_and_checked(
    handmarks: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = str(handmarks / "elections.json")
    status = main(["scan-check", str(handmarks), str(handmarks / "truth.csv"), "--specs", specs])
    out = capsys.readouterr().out
    files = sorted(p.name for p in handmarks.glob("0*"))
    assert f"Trang / pages: {len(files)}; phiếu / ballots: 4;" in out
    assert "WRONG decisions without review: 0" in out
    assert status == 0, out


@pytest.mark.slow
def test_a_truth_sheet_saying_otherwise_fails_and_names_the_row(
    handmarks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = list(csv.reader((handmarks / "truth.csv").read_text(encoding="utf-8").splitlines()))
    # a name the voter struck, said to be kept: the reader's "struck" is now a wrong decision
    index = next(i for i, row in enumerate(rows) if row[3] == "struck")
    rows[index][3] = "kept"
    wrong = tmp_path / "truth.csv"
    with wrong.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    specs = str(handmarks / "elections.json")
    status = main(["scan-check", str(handmarks), str(wrong), "--specs", specs])
    out = capsys.readouterr().out
    file, row = rows[index][0], rows[index][2]
    assert status == 1
    assert "WRONG decisions without review: 1" in out
    assert f"{file}, trang/page 1, dòng/row {row}: thật/truth giữ / kept, đọc/read" in out
    assert "KHÔNG ĐẠT" in out


@pytest.mark.slow
def test_the_own_generator_with_the_office_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layout = make_layout(Layout.CROSS_OUT, election_id=12, names_seed=4)
    spec = asdict(layout.spec)
    spec["layout"] = layout.spec.layout.value
    (tmp_path / "elections.json").write_text(json.dumps({"x": {"seats": 40, "spec": spec}}))
    scans = tmp_path / "scans"
    scans.mkdir()
    struck: dict[str, list[int]] = {}
    for number in range(2):
        image, truth = synth.mark_ballot(layout, 1, np.random.default_rng(40 + number))
        name = f"phieu-{number}.png"
        cv2.imwrite(str(scans / name), image)
        struck[name] = [n for n, mark in truth.rows.items() if mark == "struck"]

    def office_form() -> str:
        lines = ["Tệp;Gạch (các số);Không rõ"]
        lines += [f"{name};{' '.join(map(str, rows))};" for name, rows in struck.items()]
        return "\n".join(lines) + "\n"

    sheet = tmp_path / "dung.csv"
    sheet.write_text(office_form(), encoding="utf-8")
    specs = str(tmp_path / "elections.json")
    assert main(["scan-check", str(scans), str(sheet), "--specs", specs]) == 0
    out = capsys.readouterr().out
    assert "phiếu / ballots: 2; dòng / rows: 98" in out
    # the second voter said to have struck one more name, which the scan shows kept
    kept = next(n for n, mark in truth.rows.items() if mark == "kept")
    struck["phieu-1.png"].append(kept)
    sheet.write_text(office_form(), encoding="utf-8")
    assert main(["scan-check", str(scans), str(sheet), "--specs", specs]) == 1
    out = capsys.readouterr().out
    assert f"phieu-1.png, trang/page 1, dòng/row {kept}: thật/truth gạch / struck" in out


def test_the_office_form_reads_as_a_person_fills_it() -> None:
    sheet = read_truth(
        "\ufeffTệp / File,Gạch / Struck,Không rõ / Doubtful,Không dấu / No stamp\n"
        'a.jpg,"3, 7 12-14",5,\n'
        "b.jpg,,,x\n"
        "\n"
        "scan.pdf#2,1;2,,\n"
    )
    a = sheet.files["a.jpg"]
    assert {n for n, m in a.rows.items() if m is Meant.STRUCK} == {3, 7, 12, 13, 14}
    assert a.of(5) is Meant.AMBIGUOUS
    assert a.of(4) is Meant.KEPT  # every row not listed is a name kept
    assert sheet.of("b.jpg", 1) is not None
    assert not sheet.stamped("b.jpg", 1)
    assert sheet.stamped("a.jpg", 1)
    assert sheet.of("scan.pdf", 2) is sheet.files["scan.pdf#2"]
    assert sheet.of("scan.pdf", 1) is None
    english = read_truth("file;struck;doubtful\nx.png;1 2;\n")
    assert english.files["x.png"].of(2) is Meant.STRUCK


def test_the_long_form_of_the_generator() -> None:
    sheet = read_truth(
        "file,page,row,truth\na.jpg,1,1,struck\na.jpg,1,2,ambiguous\nb.jpg,2,9,giữ\n"
    )
    assert sheet.of("a.jpg", 1) is not None
    assert sheet.files["a.jpg"].of(2) is Meant.AMBIGUOUS
    assert sheet.files["a.jpg"].of(3) is None  # not given: not counted
    assert sheet.files["b.jpg"].of(9) is Meant.KEPT


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("Tệp,Gạch\na.jpg,3 x\n", 2, "«x» không phải số dòng"),
        ("Tệp,Gạch\na.jpg,3\na.jpg,4\n", 3, "đã có ở một dòng trước"),
        ("Tệp,Gạch,Không rõ\na.jpg,3,3\n", 2, "vừa ở cột gạch vừa ở cột không rõ"),
        ("Tệp,Gạch\n,3\n", 2, "thiếu tên tệp"),
        ("Số,Gạch\na.jpg,3\n", 1, "thiếu cột «Tệp»"),
        ("Tệp,Ghi chú\na.jpg,3\n", 1, "thiếu cột «Gạch»"),
        ("file,page,row,truth\na.jpg,1,2,maybe\n", 2, "«gạch», «giữ» hoặc «không rõ»"),
        ("file,page,row,truth\na.jpg,1,2,kept\na.jpg,1,2,struck\n", 3, "đã có ở trước"),
        ("", 1, "bảng trống"),
    ],
)
def test_a_bad_line_is_refused_naming_it(text: str, line: int, words: str) -> None:
    with pytest.raises(TruthError) as refused:
        read_truth(text)
    assert refused.value.line == line
    assert words in refused.value.vi
    assert refused.value.en


def test_a_bad_sheet_stops_the_command_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "truth.csv"
    sheet.write_text("Tệp,Gạch\na.jpg,ba\n", encoding="utf-8")
    assert main(["scan-check", str(tmp_path), str(sheet), "--specs", "none.json"]) == 2
    err = capsys.readouterr().err
    assert "dòng 2, cột «Gạch»: «ba» không phải số dòng" in err
    assert "line 2, column 'Gạch': 'ba' is not a row number" in err
