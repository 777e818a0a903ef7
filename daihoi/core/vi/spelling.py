"""One spelling for a name typed in different ways: where the tone mark sits, and capitals.

Vietnamese writes the tone of an open syllable ending in "oa", "oe" or "uy" on either vowel: the
older placement "Hòa, Khỏe, Thủy", the newer "Hoà, Khoẻ, Thuỷ" (both are in use; keyboards offer
both). The same person typed both ways in two lists must still be one person, and a register
typed in capitals ("NGUYỄN THỊ HÒA", as forms print names) is stored as the name is written.
Only those clusters move; a closed syllable ("Hoàng", "Toàn") and "qu" + y ("Quý") are the same
in both placements.
"""

import unicodedata

from daihoi.core.vi.text import nfc

#: the five tone marks as combining characters (NFD): grave, acute, hook above, tilde, dot below
TONES = frozenset("\u0300\u0301\u0309\u0303\u0323")
#: open-syllable endings whose tone moves between the two placements
CLUSTERS = ("oa", "oe", "uy")
PLACEMENTS = ("old", "new")


def _place_tone(word: str, placement: str) -> str:
    """`word` with its tone on the first ("old") or second ("new") vowel of a final oa/oe/uy."""
    letters = [unicodedata.normalize("NFD", c) for c in unicodedata.normalize("NFC", word)]
    tone = next((m for parts in letters for m in parts[1:] if m in TONES), None)
    bare = ["".join(m for m in parts if m not in TONES) for parts in letters]
    plain = "".join(bare).casefold()
    ending = next((c for c in CLUSTERS if plain.endswith(c)), None)
    if tone is None or ending is None or len(bare) < 2 or len(plain) != len(bare):
        return word
    if ending == "uy" and plain[:-2].endswith("q"):
        return word  # "quý": the u belongs to qu, the tone is always on y
    at = len(bare) - (2 if placement == "old" else 1)
    bare[at] += tone
    return unicodedata.normalize("NFC", "".join(bare))


def _titled(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def spell_name(name: str, placement: str = "old") -> str:
    """The stored spelling: NFC, single spaces, one tone placement, and title case when the name
    was typed in capitals ("NGUYỄN THỊ HOÀ" → "Nguyễn Thị Hòa"); otherwise as written."""
    text = nfc(name)
    if text.isupper():
        text = " ".join(_titled(word) for word in text.split(" "))
    return " ".join(_place_tone(word, placement) for word in text.split(" "))


def match_key(name: str) -> str:
    """The same key for one name however it was typed (placement, case, spaces, NFD); other
    marks still tell names apart ("Tân" ≠ "Tấn")."""
    return " ".join(_place_tone(word, "old") for word in nfc(name).casefold().split(" "))
