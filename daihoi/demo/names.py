"""Invented Vietnamese full names from common family, middle and given names.

A common name may belong to a real person somewhere, as any invented name may; the one real name
of the reference congress that the sources give is excluded explicitly.
"""

import random
from collections import Counter
from collections.abc import Sequence

FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Võ",
    "Phan",
    "Trương",
    "Bùi",
    "Đặng",
    "Đỗ",
    "Ngô",
    "Hồ",
    "Dương",
    "Đinh",
    "Lý",
    "Mai",
    "Tô",
    "Đào",
    "Cao",
    "Lương",
    "Hà",
    "Tạ",
    "Đoàn",
    "Vương",
    "Trịnh",
    "Lưu",
    "Nghiêm",
    "Quách",
)
MIDDLE = {
    "male": (
        "Văn",
        "Đức",
        "Minh",
        "Quang",
        "Hữu",
        "Thanh",
        "Ngọc",
        "Xuân",
        "Công",
        "Mạnh",
        "Tiến",
        "Trọng",
        "Duy",
        "Hồng",
        "Bá",
        "Đình",
    ),
    "female": (
        "Thị",
        "Thu",
        "Thanh",
        "Ngọc",
        "Minh",
        "Kim",
        "Hồng",
        "Thúy",
        "Phương",
        "Bích",
        "Diệu",
        "Hải",
        "Mai",
        "Tuyết",
    ),
}
GIVEN = {
    "male": (
        "An",
        "Bình",
        "Cường",
        "Chiến",
        "Dũng",
        "Duy",
        "Đạt",
        "Đức",
        "Giang",
        "Hải",
        "Hiếu",
        "Hòa",
        "Hùng",
        "Huy",
        "Khánh",
        "Khoa",
        "Kiên",
        "Lâm",
        "Long",
        "Lực",
        "Minh",
        "Nam",
        "Nghĩa",
        "Phong",
        "Phúc",
        "Quân",
        "Quang",
        "Sơn",
        "Tài",
        "Thắng",
        "Thành",
        "Thịnh",
        "Toàn",
        "Trung",
        "Tuấn",
        "Tùng",
        "Việt",
        "Vinh",
        "Vũ",
        "Ước",
    ),
    "female": (
        "Anh",
        "Bích",
        "Chi",
        "Dung",
        "Duyên",
        "Giang",
        "Hà",
        "Hạnh",
        "Hằng",
        "Hiền",
        "Hoa",
        "Huyền",
        "Hương",
        "Lan",
        "Liên",
        "Linh",
        "Loan",
        "Mai",
        "My",
        "Nga",
        "Ngân",
        "Ngọc",
        "Nhung",
        "Oanh",
        "Phương",
        "Quyên",
        "Quỳnh",
        "Tâm",
        "Thảo",
        "Thu",
        "Thủy",
        "Trang",
        "Trâm",
        "Uyên",
        "Vân",
        "Xuân",
        "Yến",
        "Ánh",
        "Đào",
        "Ly",
    ),
}
#: The reference congress's re-elected secretary (regulation.md R25): never generated.
EXCLUDED = frozenset({"Lê Đình Long"})


def invented_name(rng: random.Random, gender: str) -> str:
    """One invented full name (NFC) for `gender` ("male" or "female")."""
    while True:
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}"
        if name not in EXCLUDED:
            return name


def invented_names(rng: random.Random, genders: Sequence[str]) -> list[str]:
    """One distinct invented name per gender given, in order.

    Raises ValueError when more names of one gender are asked for than the lists can make.
    """
    for gender, wanted in Counter(genders).items():
        if wanted > _possible(gender):
            msg = f"cannot invent {wanted} distinct {gender} names"
            raise ValueError(msg)
    names: list[str] = []
    seen: set[str] = set()
    for gender in genders:
        name = invented_name(rng, gender)
        while name in seen:
            name = invented_name(rng, gender)
        seen.add(name)
        names.append(name)
    return names


def _possible(gender: str) -> int:
    """How many distinct full names of `gender` the lists make, the excluded ones left out."""
    whole = len(FAMILY) * len(MIDDLE[gender]) * len(GIVEN[gender])
    return whole - sum(1 for name in EXCLUDED if _could_be(name, gender))


def _could_be(name: str, gender: str) -> bool:
    family, middle, given = name.split(" ")
    return family in FAMILY and middle in MIDDLE[gender] and given in GIVEN[gender]
