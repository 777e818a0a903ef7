"""One spelling for a name typed with the tone on either vowel of oa/oe/uy, or in capitals."""

import unicodedata

import pytest

from daihoi.core.vi.spelling import match_key, spell_name


@pytest.mark.parametrize(
    ("typed", "old", "new"),
    [
        ("Nguyễn Thị Hoà", "Nguyễn Thị Hòa", "Nguyễn Thị Hoà"),
        ("Nguyễn Thị Hòa", "Nguyễn Thị Hòa", "Nguyễn Thị Hoà"),
        ("Lê Văn Thuỷ", "Lê Văn Thủy", "Lê Văn Thuỷ"),
        ("Trần Văn Khoẻ", "Trần Văn Khỏe", "Trần Văn Khoẻ"),
        ("Ngô Thị Thuý", "Ngô Thị Thúy", "Ngô Thị Thuý"),
        ("Phạm Hoè", "Phạm Hòe", "Phạm Hoè"),
        ("Đỗ Văn Khoá", "Đỗ Văn Khóa", "Đỗ Văn Khoá"),
    ],
)
def test_the_tone_of_an_open_oa_oe_uy_moves_with_the_placement(
    typed: str, old: str, new: str
) -> None:
    assert spell_name(typed, "old") == old
    assert spell_name(typed, "new") == new


@pytest.mark.parametrize(
    "name", ["Vũ Văn Toàn", "Hoàng Văn Quý", "Lê Thị Thoại", "Trần Huy", "Nguyễn Văn Hoa"]
)
def test_closed_syllables_qu_and_toneless_words_are_left_as_written(name: str) -> None:
    assert spell_name(name, "old") == name
    assert spell_name(name, "new") == name


def test_a_name_in_capitals_is_stored_in_title_case_and_mixed_case_is_kept() -> None:
    assert spell_name("NGUYỄN THỊ HOÀ") == "Nguyễn Thị Hòa"
    assert spell_name("ĐẶNG VĂN ĐỨC") == "Đặng Văn Đức"
    assert spell_name("Lê văn Tám") == "Lê văn Tám"  # an office's spelling is theirs
    assert spell_name("  Trần   Thị  Mai ") == "Trần Thị Mai"


def test_one_key_for_placement_case_spaces_and_decomposed_text() -> None:
    key = match_key("Nguyễn Thị Hòa")
    for typed in ("Nguyễn Thị Hoà", "NGUYỄN THỊ HOÀ", " nguyễn  thị hòa", "Nguyễn Thị Hoà"):
        assert match_key(typed) == key
        assert match_key(unicodedata.normalize("NFD", typed)) == key


def test_other_marks_still_tell_names_apart() -> None:
    assert match_key("Lê Tân") != match_key("Lê Tấn")
    assert match_key("Hòa") != match_key("Hoa")
    assert match_key("Thủy") != match_key("Thùy")
