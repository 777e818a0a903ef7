"""`daihoi count` as an operator runs it: a real subprocess, real files, exit codes."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.core.vector_files import VECTORS, election_file
from tests.interchange.test_election_file import GOOD

pytestmark = pytest.mark.slow


def daihoi(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "daihoi", *args],
        capture_output=True,
        text=True,
        input=stdin,
        check=False,
        encoding="utf-8",
    )


def write(tmp_path: Path, name: str, document: dict[str, Any]) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_json_result_of_one_file(tmp_path: Path) -> None:
    run = daihoi("count", write(tmp_path, "e.json", GOOD), "--json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["elected"] == ["c02", "c01"]


def test_several_files_give_json_lines_in_order(tmp_path: Path) -> None:
    """Every vector with ballots, counted in one run: one line per file, in the order given."""
    cases = [
        (v, r) for v in VECTORS if "ballots" in v and v["id"] != "V10" for r in v["applies_to"]
    ]
    paths = [write(tmp_path, f"{v['id']}-{r}.json", election_file(v, r)) for v, r in cases]
    run = daihoi("count", *paths, "--json")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == len(cases)
    for (vector, _), line in zip(cases, lines, strict=True):
        result = json.loads(line)
        expected = vector["expected"]
        assert {c["id"]: c["votes"] for c in result["candidates"]} == expected["votes"]
        if "elected" in expected:
            assert result["elected"] == expected["elected"]


def test_malformed_file_exits_2_with_paths_and_counts_nothing(tmp_path: Path) -> None:
    bad = {**GOOD, "ballots": [{"kept": ["c01", "c99"]}, {"kept": ["c02"], "count": -1}]}
    good = write(tmp_path, "good.json", GOOD)
    run = daihoi("count", good, write(tmp_path, "bad.json", bad), "--json", "--lang", "en")
    assert run.returncode == 2
    assert run.stdout == ""
    assert 'bad.json: ballots[0].kept[1]: unknown candidate "c99"' in run.stderr
    assert "bad.json: ballots[1].count: must be at least 1 (is -1)" in run.stderr


def test_single_bad_file_lines_start_with_the_path_in_vietnamese(tmp_path: Path) -> None:
    run = daihoi("count", write(tmp_path, "b.json", {**GOOD, "seats": 0}), "--lang", "vi")
    assert run.returncode == 2
    assert run.stderr.strip() == "seats: phải lớn hơn 0 (đang là 0)"


def test_missing_file_and_not_json(tmp_path: Path) -> None:
    assert daihoi("count", str(tmp_path / "none.json")).returncode == 2
    (tmp_path / "x.json").write_text("{", encoding="utf-8")
    run = daihoi("count", str(tmp_path / "x.json"))
    assert run.returncode == 2
    assert run.stderr.startswith("(file): tệp không phải JSON hợp lệ")


def test_minutes_text_carries_the_fields_of_r13(tmp_path: Path) -> None:
    run = daihoi("count", write(tmp_path, "e.json", GOOD))
    assert run.returncode == 0, run.stderr
    text = run.stdout
    for expected in (
        "BIÊN BẢN KIỂM PHIẾU",
        "Tổng số đại biểu được triệu tập: 10",
        "Cơ sở tính kết quả: 9",
        "từ 5 phiếu trở lên",
        "Số phiếu phát ra: 9",
        "Số phiếu thu vào: 9",
        "Số phiếu hợp lệ: 7",
        "Phiếu ghi thêm tên người ngoài danh sách: 1",
        "xếp theo thứ tự tên người theo vần A, B, C",
        "66,67%",
        "Những người trúng cử",
        "Tỷ lệ phần trăm tính so với cơ sở tính kết quả",
        "2 chữ số thập phân, làm tròn nửa lên",
        "lấy người được nhiều phiếu hơn.",
    ):
        assert expected in text, expected
    assert text.index("Trần Thị Bình: 7") < text.index("Nguyễn Văn An: 6")


def test_stdin_is_read_with_a_dash() -> None:
    run = daihoi("count", "-", "--json", stdin=json.dumps(GOOD))
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["base"] == 9


def test_rules_command_lists_settings() -> None:
    run = daihoi("rules", "244-2014")
    assert run.returncode == 0
    assert "delegates_mode = separate_ballots" in run.stdout
    assert daihoi("rules", "1999").returncode == 2


def test_quickstart_counts_the_bundled_reference_election() -> None:
    """The README's first command: the reference congress's 41-seat committee election."""
    run = daihoi("count")
    assert run.returncode == 0, run.stderr
    for expected in (
        "ĐẢNG BỘ THÀNH PHỐ HẢI DƯƠNG",
        "ngày 06 tháng 6 năm 2020",
        "khóa XXIII, nhiệm kỳ 2020–2025",
        "Tổng số đại biểu được triệu tập: 289",
        "Cơ sở tính kết quả: 286",
        "tức từ 144 phiếu trở lên",
        "nữ 8/41, tỷ lệ 19,51%",
        "dưới 40 tuổi 6/41, tỷ lệ 14,63%",
        "32/32, tỷ lệ 100,00%",
        "tham gia lần đầu 9/41, tỷ lệ 21,95%",
        "Đã bầu đủ số lượng.",
        "Số phiếu thu vào (284) ít hơn số phiếu phát ra (285).",
    ):
        assert expected in run.stdout, expected
    as_json = json.loads(daihoi("count", "--json").stdout)
    assert len(as_json["elected"]) == 41
    assert as_json["next"]["action"] == "done"
    assert as_json["ruleset"] == "244-2014"


def test_the_minutes_give_the_surplus_and_the_list_checks(tmp_path: Path) -> None:
    """As the press reports it ("số dư 8, 19,51%"); the 30 % cap and the 10–15 % band (R4)."""
    reference = daihoi("count")
    assert reference.returncode == 0, reference.stderr
    assert "Số người trong danh sách bầu cử: 49; số dư 8, 19,51%" in reference.stdout
    assert "ngoài khoảng 10–15%" in reference.stdout
    from importlib import resources

    document = json.loads(
        resources.files("daihoi.examples")
        .joinpath("reference-executive-committee.json")
        .read_text()
    )
    document["seats"] = 30  # 49 names for 30 seats: a surplus of 19, over the cap of 9
    run = daihoi("count", write(tmp_path, "over.json", document))
    assert run.returncode == 0, run.stderr
    assert "số dư 19, 63,33%" in run.stdout
    assert "vượt 30% số lượng cần bầu (tối đa 9)" in run.stdout
