"""R24: composition figures computed from the roster (V31's reference-congress arithmetic)."""

from datetime import date

from daihoi.core.composition import Share, age_on, composition_of
from daihoi.core.election import Candidate
from daihoi.core.ids import CandidateId
from daihoi.core.vi.formatting import format_percent, format_share
from tests.core.vector_files import BY_ID

CONGRESS_DAY = date(2020, 6, 6)


def member(i: int, *, female: bool, born: date, incumbent: bool, kinh: bool = True) -> Candidate:
    return Candidate(
        CandidateId(f"m{i}"),
        f"Người {i}",
        born,
        "female" if female else "male",
        "Kinh" if kinh else "Tày",
        incumbent,
    )


def roster_of_41() -> list[Candidate]:
    """8 women, 6 under 40, 2 ethnic minority, 32 incumbents of 41 (as the reference congress)."""
    members = []
    for i in range(41):
        born = date(1985, 1, 1) if i < 6 else date(1968, 6, 7)
        members.append(
            member(i, female=i % 5 == 1, born=born, incumbent=i >= 9, kinh=i not in (3, 4))
        )
    return members


def test_reference_congress_figures_from_the_roster() -> None:
    """V31: women 8/41 = 19,51 %; young 6/41 = 14,63 % (the printed "4/61" cannot be right)."""
    expected = BY_ID["V31"]["expected"]
    figures = composition_of(roster_of_41(), CONGRESS_DAY, nominated=roster_of_41())
    assert figures.women == Share(8, 41)
    assert figures.young == Share(6, 41)
    assert (
        format_percent(6, 41) == f"{expected['young_6_of_41_pct_2dp']:.2f}".replace(".", ",") + "%"
    )
    assert format_percent(8, 41) == f"{expected['women_pct_2dp']:.2f}".replace(".", ",") + "%"
    assert (
        format_percent(4, 41) == f"{expected['young_4_of_41_pct_2dp']:.2f}".replace(".", ",") + "%"
    )
    assert (
        format_percent(4, 61) == f"{expected['young_4_of_61_pct_2dp']:.2f}".replace(".", ",") + "%"
    )
    assert figures.ethnic_minority == Share(2, 41)
    assert figures.incumbents == Share(32, 41)
    assert figures.new_members == Share(41 - 32, 41)
    assert expected["new_members_if_32_of_41_are_re_elected_incumbents"] == 41 - 32
    assert figures.reelected == Share(32, 32)
    assert format_share(8, 41) == "8/41, tỷ lệ 19,51%"


def test_v31_no_vote_count_of_289_prints_98_7() -> None:
    """V31: "98,7 %" for the secretary is reachable on 223-239 (half up), never on 289."""
    expected = BY_ID["V31"]["expected"]
    reachable = [
        d for d in range(200, 290) if any(format_percent(k, d, 1) == "98,7%" for k in range(d + 1))
    ]
    assert reachable == expected["denominators_200_to_289_giving_98_7_half_up_1dp"]
    assert (289 in reachable) is expected["secretary_98_7_reachable_with_denominator_289"]


def test_missing_facts_make_a_figure_unknown_not_zero() -> None:
    members = [Candidate(CandidateId("x"), "Nguyễn Văn An"), *roster_of_41()[:2]]
    figures = composition_of(members, CONGRESS_DAY)
    assert figures.women is None
    assert figures.young is None
    assert composition_of(roster_of_41(), None).young is None


def test_age_counts_completed_years() -> None:
    assert age_on(date(1980, 6, 6), CONGRESS_DAY) == 40
    assert age_on(date(1980, 6, 7), CONGRESS_DAY) == 39
    young_under_45 = composition_of(roster_of_41(), CONGRESS_DAY, young_age_under=45)
    assert young_under_45.young == Share(6, 41)
