"""`daihoi import-register` / `import-candidates` with --preview: what the page would store,
printed at a terminal, nothing stored."""

import json
from pathlib import Path

import pytest

from daihoi.cli.main import main

CORPUS = Path(__file__).parents[1] / "imports" / "corpus"
REGISTER = CORPUS / "01_tinh_trich_ngang_day_du.xlsx"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_the_json_holds_every_record_as_the_page_would_store_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = run(capsys, "import-register", str(REGISTER), "--preview", "--json", "--on",
                    "2025-09-15")  # fmt: skip
    assert code == 0
    document = json.loads(out)
    expected = json.loads((CORPUS / "01_tinh_trich_ngang_day_du.expected.json").read_text())
    records = [{k: r[k] for k in want} for r, want in zip(document["records"],
               expected["records"], strict=True)]  # fmt: skip
    assert records == expected["records"]
    assert {"sheet", "row"} <= set(document["records"][0])
    unused = [c["header"] for c in document["columns"] if not c["field"]]
    assert "Ghi chú" in unused


def test_a_refused_file_prints_each_problem_with_its_row_and_column_and_exits_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = CORPUS / "19_tu_choi_ngay_31_thang_2.xlsx"
    code, out = run(capsys, "import-register", str(path), "--preview", "--on", "2025-09-15")
    assert code == 1
    assert "31/02/1970" in out
    assert "Dòng " in out
    assert "cột " in out
    assert "Không lưu gì" in out


def test_a_candidate_list_is_linked_to_the_register_row_by_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from openpyxl import Workbook, load_workbook

    people = json.loads((CORPUS / "01_tinh_trich_ngang_day_du.expected.json").read_text())
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính"])
    for number, person in enumerate(people["records"][:3], start=1):
        born = person["birth_date"].split("-")
        sheet.append([number, person["full_name"].upper(), f"{born[2]}/{born[1]}/{born[0]}",
                      "Nữ" if person["gender"] == "female" else "Nam"])  # fmt: skip
    sheet.append([4, "Người Ngoài Danh Sách", "01/01/1970", "Nam"])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    assert load_workbook(path).active is not None
    code, out = run(capsys, "import-candidates", str(path), "--register", str(REGISTER),
                    "--preview", "--json", "--on", "2025-09-15")  # fmt: skip
    document = json.loads(out)
    assert [r["in_register"] for r in document["records"]] == [True, True, True, False]
    assert any(p["row"] == 5 for p in document["problems"])  # the unlinked name, at its row
    assert code == 0  # a warning does not stop the list


def test_without_preview_nothing_is_done(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "import-register", str(REGISTER))
    assert code == 2
    assert "--preview" in out
