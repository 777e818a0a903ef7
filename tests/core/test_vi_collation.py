"""Vietnamese collation: letters first, then tones, then case; ballot order by given name (R7)."""

import itertools
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from daihoi.core.vi.collation import collation_key, name_sort_key, sort_names

ALPHABET = list("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")  # 29 letters and f j w z
TONED_VOWELS = (  # each row: no mark, huyền, hỏi, ngã, sắc, nặng
    "aàảãáạ",
    "ăằẳẵắặ",
    "âầẩẫấậ",
    "eèẻẽéẹ",
    "êềểễếệ",
    "iìỉĩíị",
    "oòỏõóọ",
    "ôồổỗốộ",
    "ơờởỡớợ",
    "uùủũúụ",
    "ưừửữứự",
    "yỳỷỹýỵ",
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def ordered(*words: str) -> list[str]:
    return sorted(words, key=collation_key)


def test_the_alphabet_in_order() -> None:
    """29 letters, with f j w z in their Latin places; lower and upper case alike."""
    reversed_letters = list(reversed(ALPHABET))
    assert ordered(*reversed_letters) == ALPHABET
    assert ordered(*(letter.upper() for letter in reversed_letters)) == [
        letter.upper() for letter in ALPHABET
    ]


def test_d_before_dd_and_prefix_first() -> None:
    assert ordered("Đức", "Dũng") == ["Dũng", "Đức"]
    assert ordered("Đa", "Dự") == ["Dự", "Đa"]  # the letter decides, not the tone
    assert ordered("Anh", "An") == ["An", "Anh"]
    assert ordered("Đức", "Em", "Dũng", "Vũ") == ["Dũng", "Đức", "Em", "Vũ"]


def test_breve_circumflex_and_horn_letters_are_primary() -> None:
    assert ordered("Ân", "B", "Ăn", "An") == ["An", "Ăn", "Ân", "B"]
    assert ordered("Ơn", "On", "Ôn", "Pa") == ["On", "Ôn", "Ơn", "Pa"]
    assert ordered("Ưng", "Ung", "Vân") == ["Ung", "Ưng", "Vân"]
    assert ordered("Ê", "E", "Ệ", "Éa") == ["E", "Éa", "Ê", "Ệ"]
    assert ordered("Yến", "Xuân", "Vy") == ["Vy", "Xuân", "Yến"]


def test_tones_only_at_the_second_level() -> None:
    """Tone order: none, huyền, hỏi, ngã, sắc, nặng; letters decide first ("Hà" < "Hai")."""
    assert ordered("Hà", "Ha", "Hạ", "Hả") == ["Ha", "Hà", "Hả", "Hạ"]
    assert ordered("Hạ", "Hà", "Há", "Hã", "Ha", "Hả") == ["Ha", "Hà", "Hả", "Hã", "Há", "Hạ"]
    assert ordered("Hai", "Hà") == ["Hà", "Hai"]
    assert ordered("Hải", "Hà", "Hạnh") == ["Hà", "Hải", "Hạnh"]
    assert collation_key("Hà")[0] == collation_key("Hạ")[0] == collation_key("ha")[0]


def test_each_vowel_takes_the_six_tones_in_order() -> None:
    for row in TONED_VOWELS:
        assert ordered(*reversed(row)) == list(row)
        assert ordered(*(nfd(v) for v in reversed(row))) == [nfd(v) for v in row]


def test_tone_placement_variants_are_equal() -> None:
    """ "Hòa" and "Hoà" differ only in where the tone mark sits: the same name."""
    assert unicodedata.normalize("NFC", "Hòa") != unicodedata.normalize("NFC", "Hoà")
    assert collation_key("Hòa") == collation_key("Hoà")
    assert collation_key("Thủy") == collation_key("Thuỷ")
    assert collation_key("Khoẻ") == collation_key("Khỏe")
    assert collation_key("HÒA BÌNH") == collation_key("HOÀ BÌNH")
    assert collation_key(nfd("Hòa")) == collation_key("Hoà")
    assert collation_key("Hoa") < collation_key("Hoà") < collation_key("Hóa")


def test_a_tone_belongs_to_its_own_word() -> None:
    assert ordered("Hà Ba", "Ha Bà") == ["Ha Bà", "Hà Ba"]  # the first word's tone decides
    assert collation_key("Hà Ba") != collation_key("Ha Bà")


def test_case_is_only_tertiary() -> None:
    assert ordered("an", "An", "Ăn") == ["an", "An", "Ăn"]
    assert ordered("Hà", "hà") == ["hà", "Hà"]
    assert ordered("à", "A") == ["A", "à"]  # the tone decides before the case
    assert ordered("B", "an") == ["an", "B"]  # the letter decides before the case
    assert collation_key("an")[:2] == collation_key("AN")[:2]
    assert collation_key("an") != collation_key("AN")


def test_non_letters_sort_before_letters() -> None:
    assert ordered("Anh", "An Bình") == ["An Bình", "Anh"]
    assert ordered("Ya", "Y-Moan", "Y Moan") == ["Y Moan", "Y-Moan", "Ya"]
    assert ordered("a", "9", "0", " ") == [" ", "0", "9", "a"]
    assert ordered("Đội 2", "Đội 1", "Đội A") == ["Đội 1", "Đội 2", "Đội A"]


def test_foreign_marks_do_not_break_the_key() -> None:
    assert collation_key("Müller") == collation_key("Muller")  # ü is no Vietnamese letter
    assert ordered("Mz", "Müller") == ["Müller", "Mz"]
    assert ordered("Zoe", "William", "Jean", "Fatima") == ["Fatima", "Jean", "William", "Zoe"]
    assert collation_key("") == ((), (0,), ())


def test_v23_ballot_order() -> None:
    names = [
        "Đỗ Văn Đức",
        "Lê Thị Anh",
        "Trần Văn An",
        "Phạm Văn Dũng",
        "Nguyễn Thị Bình",
        "Vũ Văn Giang",
    ]
    expected = [
        "Trần Văn An",
        "Lê Thị Anh",
        "Nguyễn Thị Bình",
        "Phạm Văn Dũng",
        "Đỗ Văn Đức",
        "Vũ Văn Giang",
    ]
    assert sort_names(names) == expected
    assert sort_names(reversed(names)) == expected
    assert sort_names(nfd(name) for name in names) == [nfd(name) for name in expected]


def test_same_given_name_by_family_then_middle() -> None:
    assert sort_names(["Trần Văn Hùng", "Nguyễn Văn Hùng"]) == ["Nguyễn Văn Hùng", "Trần Văn Hùng"]
    assert sort_names(["Lê Văn Nam", "Lê Anh Nam"]) == ["Lê Anh Nam", "Lê Văn Nam"]
    assert sort_names(["Vũ Nam", "Lê Văn Nam"]) == ["Lê Văn Nam", "Vũ Nam"]
    assert name_sort_key("Lê Văn Nam") < name_sort_key("Lê Văn Ninh")


def test_the_given_name_decides_at_every_level_before_the_family_name() -> None:
    """The given name's tone and case come before the family name's letters (OPEN-12 default)."""
    assert sort_names(["An Văn Hà", "Vũ Văn Ha"]) == ["Vũ Văn Ha", "An Văn Hà"]
    assert sort_names(["An Văn Hà", "Vũ Văn hà"]) == ["Vũ Văn hà", "An Văn Hà"]
    assert sort_names(["Bùi Hà", "Bùi Văn Hà"]) == ["Bùi Hà", "Bùi Văn Hà"]  # no middle name first
    assert sort_names(["Trần Hùng", "Hùng"]) == ["Hùng", "Trần Hùng"]  # no family name first


def test_identical_names_are_left_for_the_caller() -> None:
    """Ties after the three parts are broken by birth date (OPEN-12), not by the key."""
    assert name_sort_key("Lê Văn Nam") == name_sort_key(nfd(" Lê  Văn Nam"))
    assert name_sort_key("Nguyễn Văn Hòa") == name_sort_key("Nguyễn Văn Hoà")
    first, second = "Nguyễn Văn Hòa", "Nguyễn Văn Hoà"
    assert sort_names([first, second]) == [first, second]
    assert sort_names([second, first]) == [second, first]


VIETNAMESE = st.text(
    alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọ"
    "ồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐĂÂÊÔƠƯÀẢÃÁẠỒỔỖỐỘỪỬỮỨỰ -0123456789fjwz",
    min_size=1,
    max_size=12,
)


@given(VIETNAMESE)
def test_keys_do_not_depend_on_normal_form(text: str) -> None:
    assert collation_key(nfd(text)) == collation_key(unicodedata.normalize("NFC", text))


@given(st.lists(VIETNAMESE, max_size=8))
def test_sorting_is_stable_under_nfc_and_nfd(words: list[str]) -> None:
    composed = [unicodedata.normalize("NFC", w) for w in words]
    decomposed = [nfd(w) for w in words]
    assert [unicodedata.normalize("NFC", w) for w in sorted(decomposed, key=collation_key)] == (
        sorted(composed, key=collation_key)
    )
    names = [" ".join(w.split()) or "a" for w in words]
    assert [unicodedata.normalize("NFC", n) for n in sort_names(nfd(n) for n in names)] == (
        sort_names(unicodedata.normalize("NFC", n) for n in names)
    )


@given(st.lists(VIETNAMESE, max_size=8))
def test_sorting_is_a_total_order(words: list[str]) -> None:
    once = sorted(words, key=collation_key)
    assert sorted(once, key=collation_key) == once
    assert all(collation_key(a) <= collation_key(b) for a, b in itertools.pairwise(once))


BASE_LETTERS = [letter for letter in ALPHABET if letter not in "fjwz"]
TONE_OF = {toned: (row[0], tone) for row in TONED_VOWELS for tone, toned in enumerate(row)}
ROW_OF = {row[0]: row for row in TONED_VOWELS}


@st.composite
def syllables(draw: st.DrawFn) -> str:
    """A lower-case word of Vietnamese letters carrying at most one tone mark."""
    letters = draw(st.lists(st.sampled_from(BASE_LETTERS), min_size=1, max_size=5))
    vowels = [i for i, letter in enumerate(letters) if letter in ROW_OF]
    if vowels:
        at = draw(st.sampled_from(vowels))
        letters[at] = ROW_OF[letters[at]][draw(st.integers(0, 5))]
    return "".join(letters)


def reference_key(word: str) -> tuple[list[int], int]:
    """An independent oracle from the tables above: alphabet indexes, then the word's tone."""
    letters = [TONE_OF.get(char, (char, 0)) for char in word]
    return [ALPHABET.index(base) for base, _ in letters], max(tone for _, tone in letters)


@given(syllables(), syllables())
def test_order_agrees_with_the_dictionary_tables(a: str, b: str) -> None:
    expected = (reference_key(a) > reference_key(b)) - (reference_key(a) < reference_key(b))
    actual = (collation_key(a) > collation_key(b)) - (collation_key(a) < collation_key(b))
    assert actual == expected
