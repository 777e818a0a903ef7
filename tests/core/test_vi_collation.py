"""Vietnamese collation: letters first, then tones, then case (R7)."""

import itertools
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from daihoi.core.vi.collation import collation_key, name_sort_key, sort_names


def ordered(*words: str) -> list[str]:
    return sorted(words, key=collation_key)


def test_d_before_dd_and_prefix_first() -> None:
    assert ordered("Đức", "Dũng") == ["Dũng", "Đức"]
    assert ordered("Anh", "An") == ["An", "Anh"]
    assert ordered("Đức", "Em", "Dũng") == ["Dũng", "Đức", "Em"]


def test_breve_circumflex_and_horn_letters_are_primary() -> None:
    assert ordered("Ân", "B", "Ăn", "An") == ["An", "Ăn", "Ân", "B"]
    assert ordered("Ơn", "On", "Ôn") == ["On", "Ôn", "Ơn"]
    assert ordered("Ưng", "Ung", "Vân") == ["Ung", "Ưng", "Vân"]
    assert ordered("Yến", "Xuân", "Vy") == ["Vy", "Xuân", "Yến"]


def test_tones_only_at_the_second_level() -> None:
    """Tone order: none, huyền, hỏi, ngã, sắc, nặng; letters decide first ("Hà" < "Hai")."""
    assert ordered("Hạ", "Hà", "Há", "Hã", "Ha", "Hả") == ["Ha", "Hà", "Hả", "Hã", "Há", "Hạ"]
    assert ordered("Hai", "Hà") == ["Hà", "Hai"]
    assert ordered("Hải", "Hà", "Hạnh") == ["Hà", "Hải", "Hạnh"]


def test_tone_placement_variants_are_equal() -> None:
    """ "Hòa" and "Hoà" differ only in where the tone mark sits: the same name."""
    assert collation_key("Hòa") == collation_key("Hoà")
    assert collation_key("Thủy") == collation_key("Thuỷ")


def test_case_is_only_tertiary() -> None:
    assert ordered("an", "An", "Ăn") == ["an", "An", "Ăn"]
    assert collation_key("an")[:2] == collation_key("AN")[:2]


def test_v23_ballot_order() -> None:
    names = [
        "Đỗ Văn Đức",
        "Lê Thị Anh",
        "Trần Văn An",
        "Phạm Văn Dũng",
        "Nguyễn Thị Bình",
        "Vũ Văn Giang",
    ]
    assert sort_names(names) == [
        "Trần Văn An",
        "Lê Thị Anh",
        "Nguyễn Thị Bình",
        "Phạm Văn Dũng",
        "Đỗ Văn Đức",
        "Vũ Văn Giang",
    ]


def test_same_given_name_by_family_then_middle() -> None:
    assert sort_names(["Trần Văn Hùng", "Nguyễn Văn Hùng"]) == ["Nguyễn Văn Hùng", "Trần Văn Hùng"]
    assert sort_names(["Lê Văn Nam", "Lê Anh Nam"]) == ["Lê Anh Nam", "Lê Văn Nam"]
    assert name_sort_key("Lê Văn Nam") < name_sort_key("Lê Văn Ninh")


VIETNAMESE = st.text(
    alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọ"
    "ồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐĂÂ ",
    min_size=1,
    max_size=12,
)


@given(VIETNAMESE)
def test_keys_do_not_depend_on_normal_form(text: str) -> None:
    assert collation_key(unicodedata.normalize("NFD", text)) == collation_key(
        unicodedata.normalize("NFC", text)
    )


@given(st.lists(VIETNAMESE, max_size=8))
def test_sorting_is_a_total_order(words: list[str]) -> None:
    once = sorted(words, key=collation_key)
    assert sorted(once, key=collation_key) == once
    assert all(collation_key(a) <= collation_key(b) for a, b in itertools.pairwise(once))
