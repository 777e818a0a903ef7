"""The credentials report's figures, each checked against a count made here by hand.

The roster of 40 official delegates and 3 alternates carries what real registers carry: unknown
facts, an absence approved and one not, one with no reason recorded, a substitution, a question
pending and one decided. Expected levels come from the table below, not from the module.
"""

import unicodedata
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from daihoi.core.composition import Share
from daihoi.core.credentials import (
    AGE_BANDS,
    PARTY_AGE_BANDS,
    Absence,
    CredentialsReport,
    Extreme,
    Question,
    ReportDelegate,
    credentials_report,
)
from daihoi.core.qualifications import (
    OTHER,
    UNKNOWN,
    academic_title,
    political_theory_level,
    professional_level,
)

ON = date(2020, 6, 5)

FAMILIES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng")
MIDDLES = ("Văn", "Thị", "Minh", "Đức", "Thanh")
GIVENS = (
    "An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hiếu",
    "Hòa", "Hùng", "Hương", "Khải", "Lan", "Linh", "Long", "Mai", "Minh", "Nam",
    "Ngọc", "Nhung", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tâm", "Thắng", "Thảo",
    "Thủy", "Tiến", "Trang", "Trung", "Tuấn", "Uyên", "Vân", "Việt", "Xuân", "Yến",
)  # fmt: skip
UNITS = (
    "Xã Thanh An",
    "Xã Thanh Lang",
    "Thị trấn Thanh Hà",
    "Công an huyện",
    "Ban Chỉ huy Quân sự",
)

# Education text → (level, title): the expected reading, written by hand.
EDUCATION = {
    "Tiến sĩ": ("doctor", None),
    "Thạc sĩ": ("master", None),
    "Đại học": ("university", None),
    "cử nhân": ("university", None),
    "Kỹ sư": ("university", None),
    "Cao đẳng": ("college", None),
    "Trung cấp": ("intermediate", None),
    "PGS.TS": ("doctor", "associate_professor"),
    "ThS": ("master", None),
    "GS, Tiến sĩ": ("doctor", "professor"),
    "": (UNKNOWN, None),
    "12/12": (OTHER, None),
    "Sơ cấp": ("elementary", None),
    "Bác sĩ": ("university", None),
    "TS": ("doctor", None),
}
EDUCATION_CYCLE = tuple(EDUCATION)
# Political theory text → group.
THEORY = {
    "Cao cấp": "senior",
    "Cử nhân": "senior",
    "Trung cấp": "intermediate",
    "Sơ cấp": "elementary",
    "": UNKNOWN,
    "Cao cấp lý luận chính trị": "senior",
    "Chưa qua đào tạo": OTHER,
}
THEORY_CYCLE = tuple(THEORY)
POSITIONS = ("Khối Đảng, đoàn thể", "Khối chính quyền", "Lực lượng vũ trang", "Doanh nghiệp", "")

ALTERNATE = "Hoàng Thị Thay"
MINORITIES = {4: "Tày", 11: "Mường", 19: "Thái"}


def official(i: int) -> ReportDelegate:
    """Official delegate i of 40; the special cases are named in the roster's docstring."""
    born = None if i == 12 else date(1955 + i, i % 12 + 1, 10)
    joined = None if i in (12, 13) else date(1955 + i + 20 + i % 9, 3, 1)
    absence = {
        20: Absence("Ốm đau, điều trị tại bệnh viện", approved=True),
        21: Absence("Công tác đột xuất", approved=False),
    }.get(i)
    question = {
        5: Question("Đang bị xem xét kỷ luật", ""),
        15: Question("Sai lệch năm sinh trong hồ sơ", "Đủ tư cách đại biểu"),
    }.get(i)
    origin = "ex_officio" if i < 6 else "appointed" if i in (36, 37) else "elected"
    position = POSITIONS[i % 5]
    if i == 11:
        position = "khối chính quyền"  # the same group, typed differently
    return ReportDelegate(
        name=f"{FAMILIES[i % 7]} {MIDDLES[i % 5]} {GIVENS[i]}",
        unit=UNITS[i % 5],
        origin=origin,
        standing="official",
        gender=None if i == 7 else "female" if i % 3 == 0 else "male",
        ethnicity=None if i == 8 else "kinh" if i == 9 else MINORITIES.get(i, "Kinh"),
        birth_date=born,
        education=EDUCATION_CYCLE[i % len(EDUCATION_CYCLE)],
        political_theory=THEORY_CYCLE[i % len(THEORY_CYCLE)],
        party_joined_on=joined,
        position_group=position,
        present=i not in (20, 21, 22),
        absence=absence,
        replaced_by=ALTERNATE if i == 20 else None,
        question=question,
    )


def alternate(
    name: str, *, present: bool, born: date, question: Question | None = None
) -> ReportDelegate:
    return ReportDelegate(
        name=name,
        unit=UNITS[0],
        origin="elected",
        standing="alternate",
        gender="female",
        ethnicity="Dao",
        birth_date=born,
        education="Thạc sĩ",
        political_theory="Trung cấp",
        party_joined_on=date(2015, 5, 19),
        position_group="Doanh nghiệp",
        present=present,
        absence=None,
        replaced_by=None,
        question=question,
    )


def roster() -> list[ReportDelegate]:
    """40 officials: 20 absent (approved, replaced by an alternate), 21 absent (not approved),
    22 absent (no reason recorded); 7 gender unknown, 8 ethnicity unknown, 12 birth and party
    dates unknown, 13 party date unknown; 5 questioned (pending), 15 questioned (decided).
    Alternates: the one who replaced 20, one present not seated, one absent with a question.
    """
    return [
        *(official(i) for i in range(40)),
        alternate(ALTERNATE, present=True, born=date(1996, 8, 1)),
        alternate("Đinh Văn Chờ", present=True, born=date(1999, 1, 1)),
        alternate(
            "Mạc Thị Hỏi",
            present=False,
            born=date(1990, 1, 1),
            question=Question("Chuyển sinh hoạt", ""),
        ),
    ]


def seated() -> list[ReportDelegate]:
    """The delegates with credentials, by hand: official 20 is counted as the alternate."""
    people = roster()
    return [people[40] if i == 20 else people[i] for i in range(40)]


def years(start: date, on: date = ON) -> int:
    return on.year - start.year - ((on.month, on.day) < (start.month, start.day))


def band_of(value: int, bands: tuple[tuple[str, int | None, int | None], ...]) -> str:
    matches = [k for k, lo, hi in bands if (lo or -1) <= value <= (hi if hi is not None else 999)]
    assert len(matches) == 1
    return matches[0]


def half_up(values: list[int]) -> Decimal:
    return (Decimal(sum(values)) / Decimal(len(values))).quantize(Decimal("0.1"), ROUND_HALF_UP)


@pytest.fixture(scope="module")
def report() -> CredentialsReport:
    return credentials_report(roster(), ON)


def test_attendance_absences_and_substitutions(report: CredentialsReport) -> None:
    assert report.summoned == 40
    # 37 officials present + the alternate seated for official 20.
    assert report.present_officials == 37
    assert report.present_alternates == 1
    assert report.present == Share(38, 40)
    absent = {a.name: a for a in report.absent}
    assert [a.name for a in report.absent] == [official(i).name for i in (20, 21, 22)]
    assert report.absent_share == Share(3, 40)
    first, second, third = (absent[official(i).name] for i in (20, 21, 22))
    assert (first.reason, first.approved, first.replaced_by) == (
        "Ốm đau, điều trị tại bệnh viện",
        True,
        ALTERNATE,
    )
    assert (second.reason, second.approved, second.replaced_by) == (
        "Công tác đột xuất",
        False,
        None,
    )
    assert (third.reason, third.approved) == (None, None)
    assert first.unit == official(20).unit
    assert [(s.official, s.alternate, s.unit) for s in report.substitutions] == [
        (official(20).name, ALTERNATE, official(20).unit)
    ]


def test_an_origin_the_register_does_not_give_is_counted_as_unknown() -> None:
    people = [
        replace(official(i), origin="") if i in (10, 11) else official(i) for i in range(6, 16)
    ]
    report = credentials_report(people, ON)
    assert report.origin[UNKNOWN] == Share(2, 10)
    assert report.origin["elected"] == Share(8, 10)
    assert report.origin.total == 10


def test_origin_counts_the_officials(report: CredentialsReport) -> None:
    officials = roster()[:40]
    for origin in ("ex_officio", "elected", "appointed"):
        expected = sum(1 for d in officials if d.origin == origin)
        assert report.origin[origin] == Share(expected, 40)
    assert report.origin["ex_officio"] == Share(6, 40)
    assert report.origin["appointed"] == Share(2, 40)
    assert report.origin.total == 40


def test_gender_and_ethnicity_over_the_delegates_with_credentials(
    report: CredentialsReport,
) -> None:
    people = seated()
    assert report.with_credentials == 40
    women = sum(1 for d in people if d.gender == "female")
    assert report.women == Share(women, 40)
    assert report.gender["male"] == Share(sum(1 for d in people if d.gender == "male"), 40)
    assert report.gender[UNKNOWN] == Share(1, 40)
    # Tày, Mường, Thái and the alternate (Dao); "kinh" in lower case is the majority.
    assert report.ethnic_minority == Share(4, 40)
    assert report.ethnicity["kinh"] == Share(35, 40)
    assert report.ethnicity[UNKNOWN] == Share(1, 40)


def test_every_breakdown_adds_up_to_the_base(report: CredentialsReport) -> None:
    breakdowns = (
        report.gender,
        report.ethnicity,
        report.age,
        report.education,
        report.political_theory,
        report.party_age,
        report.position_groups,
    )
    for breakdown in breakdowns:
        assert breakdown.total == report.with_credentials
        assert {share.denominator for _, share in breakdown.buckets} == {40}
    assert report.origin.total == report.summoned


def test_age_bands_mean_and_extremes(report: CredentialsReport) -> None:
    people = seated()
    ages = [years(d.birth_date) for d in people if d.birth_date is not None]
    assert report.age.keys() == (*(k for k, _, _ in AGE_BANDS), UNKNOWN)
    for key, _, _ in AGE_BANDS:
        assert report.age[key] == Share(sum(1 for a in ages if band_of(a, AGE_BANDS) == key), 40)
    assert report.age[UNKNOWN] == Share(1, 40)
    assert report.age["over-60"] == Share(sum(1 for a in ages if a > 60), 40)
    assert report.age["18-30"] == Share(sum(1 for a in ages if a <= 30), 40)
    assert report.mean_age == half_up(ages)
    # Official 0 was born 10/01/1955; the alternate seated for 20 on 01/08/1996 is the youngest.
    assert report.oldest == (Extreme(65, official(0).name, official(0).unit),)
    assert report.youngest == (Extreme(23, ALTERNATE, UNITS[0]),)


def test_professional_level_and_titles(report: CredentialsReport) -> None:
    people = seated()
    for level in ("doctor", "master", "university", "college", "intermediate", "elementary"):
        expected = sum(1 for d in people if EDUCATION[d.education][0] == level)
        assert report.education[level] == Share(expected, 40), level
    assert report.education[OTHER] == Share(sum(1 for d in people if d.education == "12/12"), 40)
    assert report.education[UNKNOWN] == Share(sum(1 for d in people if not d.education), 40)
    professors = sum(1 for d in people if EDUCATION[d.education][1] == "professor")
    associates = sum(1 for d in people if EDUCATION[d.education][1] == "associate_professor")
    assert report.professors == Share(professors, 40)
    assert report.associate_professors == Share(associates, 40)
    assert professors > 0
    assert associates > 0


def test_political_theory(report: CredentialsReport) -> None:
    people = seated()
    for group in ("senior", "intermediate", "elementary", OTHER, UNKNOWN):
        expected = sum(1 for d in people if THEORY[d.political_theory] == group)
        assert report.political_theory[group] == Share(expected, 40), group


def test_party_age(report: CredentialsReport) -> None:
    people = seated()
    party = [years(d.party_joined_on) for d in people if d.party_joined_on is not None]
    for key, _, _ in PARTY_AGE_BANDS:
        expected = sum(1 for a in party if band_of(a, PARTY_AGE_BANDS) == key)
        assert report.party_age[key] == Share(expected, 40), key
    assert report.party_age[UNKNOWN] == Share(2, 40)
    assert report.mean_party_age == half_up(party)
    earliest = min((d for d in people if d.party_joined_on), key=lambda d: d.party_joined_on or ON)
    latest = max((d for d in people if d.party_joined_on), key=lambda d: d.party_joined_on or ON)
    assert report.longest_in_party == (
        Extreme(years(earliest.party_joined_on or ON), earliest.name, earliest.unit),
    )
    assert report.shortest_in_party == (
        Extreme(years(latest.party_joined_on or ON), latest.name, latest.unit),
    )


def test_position_groups_by_count_then_vietnamese_order(report: CredentialsReport) -> None:
    people = seated()
    counts: dict[str, int] = {}
    for d in people:
        key = d.position_group.casefold() or UNKNOWN
        counts[key] = counts.get(key, 0) + 1
    got = {name.casefold(): share.numerator for name, share in report.position_groups.buckets}
    assert got == counts
    names = report.position_groups.keys()
    assert names[-1] == UNKNOWN
    numbers = [share.numerator for _, share in report.position_groups.buckets[:-1]]
    assert numbers == sorted(numbers, reverse=True)
    # "khối chính quyền" (official 11) joined "Khối chính quyền": the first spelling is kept.
    assert "Khối chính quyền" in names
    assert "khối chính quyền" not in names


def test_ties_are_ordered_by_vietnamese_collation() -> None:
    """Equal counts: "Đảng" after "Dân" (d before đ), whatever the input order."""
    base = official(1)
    people = [
        replace(base, name=f"Người {i}", position_group=group)
        for i, group in enumerate(("Đảng", "Dân vận", "Đảng", "Dân vận", "Ấp"))
    ]
    report = credentials_report(people, ON)
    assert report.position_groups.keys() == ("Dân vận", "Đảng", "Ấp", UNKNOWN)


def test_questions_pending_and_decided(report: CredentialsReport) -> None:
    assert [(q.name, q.issue, q.decision) for q in report.questioned] == [
        (official(5).name, "Đang bị xem xét kỷ luật", ""),
        (official(15).name, "Sai lệch năm sinh trong hồ sơ", "Đủ tư cách đại biểu"),
        ("Mạc Thị Hỏi", "Chuyển sinh hoạt", ""),
    ]
    assert report.pending_questions == 2
    assert [q.pending for q in report.questioned] == [True, False, True]


@pytest.mark.parametrize(("words", "expected"), [(w, e) for w, (e, _) in EDUCATION.items()])
def test_education_words_of_the_roster(words: str, expected: str) -> None:
    assert professional_level(words) == expected


@pytest.mark.parametrize(
    ("words", "level", "title"),
    [
        ("PGS", "doctor", "associate_professor"),  # the title requires a doctorate
        ("Phó Giáo sư, Tiến sĩ", "doctor", "associate_professor"),
        ("Giáo sư", "doctor", "professor"),
        ("GS.TSKH", "doctor", "professor"),
        ("TIẾN SĨ", "doctor", None),
        ("Tiến sỹ Luật", "doctor", None),
        ("Th.S", "master", None),
        ("Thạc sĩ, Đại học", "master", None),  # two degrees count once, at the higher
        ("  Cử   nhân Luật ", "university", None),
        ("Dược sĩ", "university", None),
        ("   ", UNKNOWN, None),
    ],
)
def test_education_variants(words: str, level: str, title: str | None) -> None:
    assert professional_level(words) == level
    assert academic_title(words) == title


# Words the register may hold that name no level of Biểu số 2-BTCTW: counted "other", for a person
# to read, never mapped by guess.
UNKNOWN_EDUCATION_WORDS = (
    "12/12",
    "Sau đại học",
    "CN Luật",
    "Trung học phổ thông",
    "Tốt nghiệp",
    "BSCKII",
    "Chuyên khoa",
    "Ths.",  # a stray capital reads as "ths": master
)


@pytest.mark.parametrize("words", UNKNOWN_EDUCATION_WORDS[:-1])
def test_unrecognised_education_is_other(words: str) -> None:
    assert professional_level(words) == OTHER


def test_case_of_an_abbreviation_does_not_matter() -> None:
    assert professional_level(UNKNOWN_EDUCATION_WORDS[-1]) == "master"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        *THEORY.items(),
        ("CỬ NHÂN CHÍNH TRỊ", "senior"),
        ("Trung cấp, Sơ cấp", "intermediate"),
        ("CC", OTHER),
        ("TC", OTHER),
    ],
)
def test_political_theory_words(words: str, expected: str) -> None:
    assert political_theory_level(words) == expected


def test_decomposed_text_reads_as_composed() -> None:
    """macOS and some spreadsheets send NFD: "Tiến sĩ" must read the same."""
    assert professional_level(unicodedata.normalize("NFD", "Tiến sĩ")) == "doctor"
    assert political_theory_level(unicodedata.normalize("NFD", "Cử nhân")) == "senior"
    person = replace(official(1), ethnicity=unicodedata.normalize("NFD", "Kinh"))
    assert credentials_report([person], ON).ethnic_minority == Share(0, 1)


def test_mean_is_rounded_half_up_exactly() -> None:
    born = (date(1980, 1, 1), date(1979, 1, 1), date(1979, 1, 1), date(1979, 1, 1))
    people = [replace(official(1), name=f"Người {i}", birth_date=b) for i, b in enumerate(born)]
    assert credentials_report(people[:2], ON).mean_age == Decimal("40.5")
    assert credentials_report(people[:3], ON).mean_age == Decimal("40.7")  # 40.666…
    assert credentials_report(people, ON).mean_age == Decimal("40.8")  # 40.75 rounds up
    nobody = replace(official(1), birth_date=None, party_joined_on=None)
    empty = credentials_report([nobody], ON)
    assert (empty.mean_age, empty.oldest, empty.mean_party_age) == (None, (), None)


def test_people_born_the_same_day_are_all_named() -> None:
    twins = [replace(official(0), name=n) for n in ("Trần Văn Bình", "Lê Văn An")]
    report = credentials_report([*twins, official(30)], ON)
    assert [e.name for e in report.oldest] == ["Lê Văn An", "Trần Văn Bình"]


def test_no_pending_question_when_all_are_decided() -> None:
    people = [d for d in roster() if d.question is None or d.question.decision]
    assert credentials_report(people, ON).pending_questions == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"origin": "guest"}, "origin"),
        ({"standing": "observer"}, "standing"),
        ({"gender": "f"}, "gender"),
        ({"birth_date": date(2021, 1, 1)}, "born after"),
        ({"party_joined_on": date(2021, 1, 1)}, "joined the Party after"),
        ({"replaced_by": "Không Có Ai"}, "no alternate"),
    ],
)
def test_records_that_cannot_be_counted_are_refused(
    change: dict[str, object], message: str
) -> None:
    people = roster()
    people[3] = replace(people[3], **change)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=message):
        credentials_report(people, ON)


def test_one_alternate_cannot_replace_two_officials() -> None:
    people = roster()
    people[21] = replace(people[21], replaced_by=ALTERNATE)
    with pytest.raises(ValueError, match="more than one official"):
        credentials_report(people, ON)


def test_a_report_needs_official_delegates() -> None:
    with pytest.raises(ValueError, match="no official delegate"):
        credentials_report(roster()[40:], ON)
