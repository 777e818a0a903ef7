"""NFC normalisation and name parts."""

import unicodedata

from daihoi.core.vi.text import NameParts, nfc, split_name


def test_nfd_input_becomes_nfc_with_single_spaces() -> None:
    decomposed = unicodedata.normalize("NFD", "  Nguyễn   Thị\tHằng ")
    assert decomposed != "Nguyễn Thị Hằng"
    assert nfc(decomposed) == "Nguyễn Thị Hằng"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


def test_name_parts() -> None:
    assert split_name("Nguyễn Thị Minh Khai") == NameParts("Nguyễn", "Thị Minh", "Khai")
    assert split_name("Trần Bình") == NameParts("Trần", "", "Bình")
    assert split_name("Hùng") == NameParts("", "", "Hùng")
