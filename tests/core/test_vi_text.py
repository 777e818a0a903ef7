"""NFC normalisation and name parts."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from daihoi.core.vi.text import NameParts, nfc, split_name


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_nfd_input_becomes_nfc_with_single_spaces() -> None:
    decomposed = nfd("  Nguyễn   Thị\tHằng \n")
    assert decomposed != "Nguyễn Thị Hằng"
    assert nfc(decomposed) == "Nguyễn Thị Hằng"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


def test_nfd_and_nfc_spellings_become_the_same_string() -> None:
    assert nfd("Đặng Thị Thuỷ") != "Đặng Thị Thuỷ"
    assert nfc(nfd("Đặng Thị Thuỷ")) == nfc("Đặng Thị Thuỷ") == "Đặng Thị Thuỷ"


def test_every_kind_of_whitespace_becomes_one_space() -> None:
    assert nfc("Lê\u00a0\u00a0Văn\r\nNam") == "Lê Văn Nam"  # no-break space from Excel
    assert nfc("   ") == ""
    assert nfc("") == ""


def test_nfc_keeps_case_and_tone_placement() -> None:
    """Normalising is not collation: "Hòa" and "Hoà" stay two spellings, case stays."""
    assert nfc("Hòa") != nfc("Hoà")
    assert nfc("NGUYỄN") == "NGUYỄN"


def test_name_parts() -> None:
    assert split_name("Nguyễn Thị Minh Khai") == NameParts("Nguyễn", "Thị Minh", "Khai")
    assert split_name("Lê Văn Nam") == NameParts("Lê", "Văn", "Nam")
    assert split_name("Trần Bình") == NameParts("Trần", "", "Bình")
    assert split_name("Hùng") == NameParts("", "", "Hùng")


def test_name_parts_are_normalised_first() -> None:
    parts = split_name(nfd("  Tôn  Nữ Thị\tNinh "))
    assert parts == NameParts("Tôn", "Nữ Thị", "Ninh")
    assert all(unicodedata.is_normalized("NFC", part) for part in parts)


@given(st.text())
def test_nfc_is_idempotent_and_ignores_the_normal_form(text: str) -> None:
    assert nfc(nfc(text)) == nfc(text)
    assert nfc(nfd(text)) == nfc(text)
    assert "  " not in nfc(text)
    assert nfc(text) == nfc(text).strip()


@given(st.lists(st.text(alphabet="aăâbđêhnơưàãạ", min_size=1, max_size=6), min_size=1))
def test_parts_join_back_to_the_name(words: list[str]) -> None:
    parts = split_name(" ".join(words))
    assert parts.given == words[-1]
    assert " ".join(p for p in parts if p) == " ".join(words)
