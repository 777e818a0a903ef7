"""Invented delegates, drawn from a seeded generator so that the corpus is the same on every run.

The names, posts and schooling follow what published registers show (a Kinh majority with Tày,
Thái, Mường, Khmer, K'Ho… delegates in the provinces that have them; posts at the level of the
congress; most district delegates with "Cao cấp" political theory). The people are invented.
"""

import random
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from tests.imports.corpus.model import Person

SURNAMES = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm", "Tạ",
]  # fmt: skip
MIDDLE_MALE = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Ngọc", "Văn"]
MIDDLE_FEMALE = ["Thị", "Thị Thanh", "Thị Kim", "Ngọc", "Thị Thu", "Thị Mỹ", "Thị", "Thị Hồng"]
GIVEN_MALE = [
    "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Minh", "Nam", "Phong",
    "Quang", "Sơn", "Tâm", "Thắng", "Tuấn", "Việt", "Hòa", "Khỏe", "Thủy", "Toàn", "Lực", "Hiếu",
    "Đạt", "Trung", "Vinh", "Thịnh", "Lợi", "Tùng", "Kiên",
]  # fmt: skip
GIVEN_FEMALE = [
    "Hà", "Hạnh", "Hằng", "Hoa", "Hòa", "Hương", "Lan", "Linh", "Mai", "Nhung", "Phượng",
    "Thảo", "Thủy", "Thúy", "Trang", "Yến", "Loan", "Xoan", "Oanh", "Nga", "Vân", "Huệ",
]  # fmt: skip
#: delegates of other peoples: (name, sex, ethnicity)
MINORITY = [
    ("Ma Văn Hùng", "male", "Tày"),
    ("Nông Thị Thủy", "female", "Tày"),
    ("Lò Thị Hương", "female", "Thái"),
    ("Lường Văn Khỏe", "male", "Thái"),
    ("Quách Văn Thắng", "male", "Mường"),
    ("Thạch Thị Sa Ly", "female", "Khmer"),
    ("Sơn Phước Hòa", "male", "Khmer"),
    ("Ka Thị Bình", "female", "K'Ho"),
    ("Triệu Văn Sài", "male", "Dao"),
    ("Lục Thị Hoa", "female", "Nùng"),
]
EDUCATION = [
    "Thạc sĩ Kinh tế", "Cử nhân Luật", "Kỹ sư Xây dựng", "Tiến sĩ Quản lý kinh tế",
    "Thạc sĩ Quản lý công", "Cử nhân Kinh tế", "Đại học Sư phạm Toán", "Thạc sĩ Luật",
    "Cử nhân Hành chính", "Kỹ sư Nông nghiệp", "Bác sĩ chuyên khoa I", "Cử nhân Kế toán",
]  # fmt: skip
#: (position, unit) by level, each held by one person; unit "" when the post is one phrase
POSTS = {
    "ward": [
        ("Bí thư Đảng ủy phường {p}", ""),
        ("Phó Bí thư Thường trực Đảng ủy", "phường {p}"),
        ("Chủ tịch UBND phường {p}", ""),
        ("Chủ tịch Ủy ban MTTQ Việt Nam phường {p}", ""),
        ("Phó Chủ tịch UBND", "phường {p}"),
        ("Chỉ huy trưởng", "Ban Chỉ huy Quân sự phường {p}"),
        ("Trưởng Công an", "phường {p}"),
        ("Hiệu trưởng", "Trường Tiểu học {p}"),
        ("Bí thư Chi bộ", "Trạm Y tế phường {p}"),
        ("Chủ tịch Hội Liên hiệp Phụ nữ", "phường {p}"),
        ("Bí thư Đoàn Thanh niên", "phường {p}"),
        ("Chủ tịch Hội Cựu chiến binh", "phường {p}"),
    ],
    "district": [
        ("Bí thư Huyện ủy {p}", ""),
        ("Phó Bí thư Huyện ủy, Chủ tịch UBND huyện {p}", ""),
        ("Trưởng Ban Tổ chức", "Huyện ủy {p}"),
        ("Chủ nhiệm Ủy ban Kiểm tra", "Huyện ủy {p}"),
        ("Trưởng phòng", "Phòng Tài chính – Kế hoạch huyện {p}"),
        ("Trưởng Công an", "huyện {p}"),
        ("Giám đốc", "Trung tâm Y tế huyện {p}"),
        ("Bí thư Chi bộ", "Trường THPT {p}"),
        ("Phó Bí thư Đảng ủy", "thị trấn {p}"),
        ("Chánh Văn phòng", "Huyện ủy {p}"),
        ("Chủ tịch Ủy ban MTTQ Việt Nam huyện {p}", ""),
    ],
    "province": [
        ("Bí thư Tỉnh ủy", ""),
        ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh", ""),
        ("Giám đốc Sở Tài chính", ""),
        ("Trưởng Ban Tuyên giáo và Dân vận", "Tỉnh ủy {p}"),
        ("Phó Giám đốc", "Sở Nông nghiệp và Môi trường, tỉnh {p}"),
        ("Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh {p}"),
        ("Hiệu trưởng", "Trường Chính trị tỉnh {p}"),
        ("Tổng Biên tập", "Báo {p}"),
        ("Giám đốc", "Bệnh viện Đa khoa tỉnh {p}"),
        ("Chủ nhiệm Ủy ban Kiểm tra", "Tỉnh ủy {p}"),
    ],
    "enterprise": [
        ("Bí thư Đảng ủy, Chủ tịch Hội đồng quản trị", ""),
        ("Tổng Giám đốc", "Công ty cổ phần Cấp nước {p}"),
        ("Phó Bí thư Đảng ủy", "Tổng công ty Xây dựng {p}"),
        ("Bí thư Chi bộ, Trưởng phòng Kỹ thuật", ""),
        ("Giám đốc", "Chi nhánh Ngân hàng Nông nghiệp và PTNT {p}"),
        ("Chủ tịch Công đoàn", "Công ty TNHH MTV Môi trường đô thị {p}"),
        ("Kế toán trưởng", "Công ty cổ phần Dược {p}"),
        ("Bí thư Đoàn Thanh niên", "Tổng công ty Điện lực {p}"),
    ],
}
#: posts many people hold (used once the level's own posts are taken)
SHARED_POSTS = {
    "ward": [("Bí thư Chi bộ", "khu phố {n}"), ("Trưởng khu phố", "khu phố {n}")],
    "district": [("Bí thư Đảng ủy", "xã {x}"), ("Chủ tịch UBND", "xã {x}")],
    "province": [("Bí thư Đảng ủy", "xã {x}"), ("Bí thư Đảng ủy", "phường {x}")],
    "enterprise": [("Bí thư Chi bộ", "Xí nghiệp số {n}"), ("Giám đốc", "Xí nghiệp số {n}")],
}


class People:
    """A seeded source of invented delegates for one workbook."""

    def __init__(self, seed: int, level: str, place: str, others: list[str]) -> None:
        self.rng = random.Random(seed)
        self.level = level
        self.place = place
        self.others = others
        self.used: set[str] = set()
        self.posts = list(POSTS[level])
        self.rng.shuffle(self.posts)
        self.shared = 0

    def _name(self, gender: str) -> str:
        rng = self.rng
        while True:
            if gender == "male":
                name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_MALE)} {rng.choice(GIVEN_MALE)}"
            else:
                name = (
                    f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_FEMALE)} {rng.choice(GIVEN_FEMALE)}"
                )
            if name not in self.used:
                self.used.add(name)
                return name

    def _day(self, first: int, last: int) -> date:
        start = date(first, 1, 1)
        return start + timedelta(days=self.rng.randrange((date(last, 12, 31) - start).days))

    def one(self, theory: str | None = None, gender: str | None = None, **kw: Any) -> Person:
        """A delegate; keyword arguments replace any field (kind, delegation, written…)."""
        rng = self.rng
        sex = gender or ("female" if rng.random() < 0.3 else "male")
        name = self._name(sex)
        ethnicity = "Kinh"
        born = self._day(1965, 1990)
        joined = born + timedelta(days=365 * rng.randint(21, 32) + rng.randrange(300))
        day = min(joined.day, 28) if joined.month == 2 else joined.day
        official = date(joined.year + 1, joined.month, day)
        if self.posts:
            position, unit = self.posts.pop()
        else:
            shared = SHARED_POSTS[self.level]
            position, unit = shared[self.shared % len(shared)]
            self.shared += 1
        x = self.others[self.shared % len(self.others)]
        fill = {"p": self.place, "x": x, "n": self.shared}
        if theory is None:
            theory = rng.choice(["Cao cấp", "Cao cấp", "Trung cấp", "Cử nhân", "Sơ cấp"])
        person = Person(
            full_name=name,
            birth_date=born,
            gender=sex,
            party_joined_on=joined,
            party_official_on=official,
            political_theory=theory,
            education=rng.choice(EDUCATION),
            position=position.format(**fill),
            unit=unit.format(**fill),
            ethnicity=ethnicity,
        )
        return replace(person, **kw)

    def minority(self, index: int, **kw: Any) -> Person:
        """A delegate of another people (MINORITY[index])."""
        name, sex, ethnicity = MINORITY[index]
        self.used.add(name)
        person = self.one(gender=sex, **kw)
        self.used.discard(person.full_name)
        return replace(person, full_name=name, ethnicity=ethnicity)

    def many(self, count: int, **kw: Any) -> list[Person]:
        """Several delegates sharing the given fields."""
        return [self.one(**kw) for _ in range(count)]
