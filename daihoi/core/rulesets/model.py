"""The RuleSet value and its Settings: one field per OPEN point of open-points.md.

A congress stores only its overrides; `RuleSet.with_settings` validates them and returns a new,
immutable rule set. Differences between regulations are data here, never `if id == ...` elsewhere.
"""

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from fractions import Fraction

SettingValue = bool | int | float | str


@dataclass(frozen=True)
class SettingSpec:
    """What a setting means, where it comes from and what it may be (shown to users, B4)."""

    name: str
    open_point: str
    choices: tuple[SettingValue, ...]  # empty: any value of the default's type within `bounds`
    bounds: tuple[float, float] | None
    reason: str


@dataclass(frozen=True)
class Settings:
    """Every named setting of open-points.md with its default for a rule set."""

    percent_base: str = "base"
    percent_decimals: int = 2
    tie_revote_needs_majority: bool = False
    committee_base_excludes: str = "approved_absences"
    delegates_mode: str = "combined_list"
    ballot_order: str = "given_family_middle_birth"
    further_round: str = "congress_decides"
    small_body_max_surplus: int = 1
    preparation_band_rounding: str = "nearest"
    opinion_ballot_base: str = "present"
    quorum_fraction: str = "2/3"
    procedural_majority: str = "more_than_half_present"
    young_age_under: int = 40
    partial_strike: str = "review"
    stray_ink_max_mm: float = 1.0
    mixed_ink: str = "warn"

    def as_dict(self) -> dict[str, SettingValue]:
        """Every setting in force, defaults included, in declaration order (the result file)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @property
    def quorum(self) -> Fraction:
        """The quorum as an exact fraction of those summoned (OPEN-19)."""
        return Fraction(self.quorum_fraction)


SETTING_SPECS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "percent_base",
        "OPEN-14",
        ("base", "summoned", "present", "valid_ballots"),
        None,
        "denominator of the printed percentage; the base is always printed beside it",
    ),
    SettingSpec(
        "percent_decimals",
        "OPEN-14",
        (),
        (0, 4),
        "decimals of a printed percentage, rounded half up; never used to decide",
    ),
    SettingSpec(
        "tie_revote_needs_majority",
        "OPEN-5",
        (True, False),
        None,
        "false: the re-vote among the tied picks the higher count; true: it needs more than half "
        "of the base again",
    ),
    SettingSpec(
        "committee_base_excludes",
        "OPEN-4",
        ("approved_absences", "none"),
        None,
        "at committee meetings, deduct members absent for the whole meeting with an approved "
        "reason, suspended or on temporary activity elsewhere (as a congress), or deduct nobody",
    ),
    SettingSpec(
        "delegates_mode",
        "OPEN-9",
        ("combined_list", "separate_ballots"),
        None,
        "official and alternate delegates on one list (190-2024 Art. 18) or on separate ballots",
    ),
    SettingSpec(
        "ballot_order",
        "OPEN-12",
        ("given_family_middle_birth", "as_listed"),
        None,
        "ballot order: given name, family name, middle name (Vietnamese collation), then the "
        "older first; or the order of the approved list as given",
    ),
    SettingSpec(
        "further_round",
        "OPEN-6",
        ("congress_decides",),
        None,
        "the congress decides by a recorded vote whether to hold another round for unfilled seats",
    ),
    SettingSpec(
        "small_body_max_surplus",
        "OPEN-1",
        (),
        (0, 5),
        "largest surplus for a committee or standing committee of 3-5 members (2025 guidance: 1)",
    ),
    SettingSpec(
        "preparation_band_rounding",
        "OPEN-1",
        ("nearest", "outward", "inward"),
        None,
        "how the convening committee's 10-15 % surplus band is rounded to whole people "
        "(a warning only)",
    ),
    SettingSpec(
        "opinion_ballot_base",
        "OPEN-7",
        ("present", "summoned"),
        None,
        "base of the more-than-30 % approval a nominee outside the committee's list needs",
    ),
    SettingSpec(
        "quorum_fraction",
        "OPEN-19",
        (),
        None,
        "share of those summoned who must attend; below it the application warns",
    ),
    SettingSpec(
        "procedural_majority",
        "OPEN-20",
        ("more_than_half_present", "more_than_half_base"),
        None,
        "majority needed for procedural show-of-hands votes",
    ),
    SettingSpec(
        "young_age_under",
        "R24",
        (),
        (18, 60),
        "a young cadre is under this age on the congress date (the 2020-2025 directive: 40)",
    ),
    SettingSpec(
        "partial_strike",
        "OPEN-OMR-1",
        ("review", "covers_60", "covers_70", "covers_80"),
        None,
        "a partial strike, underline, circle or tick goes to the counting board; or, by the "
        "congress's written rule adopted before voting, a line through the letters covering at "
        "least 60, 70 or 80 % of the name counts as struck",
    ),
    SettingSpec(
        "stray_ink_max_mm",
        "OPEN-OMR-2",
        (),
        (0, 10),
        "ink pieces under this size on a kept row are ignored; larger ones go to review",
    ),
    SettingSpec(
        "mixed_ink",
        "OPEN-OMR-3",
        ("warn", "review"),
        None,
        "several inks on one ballot: a warning only, or review",
    ),
)

SPECS_BY_NAME: Mapping[str, SettingSpec] = {spec.name: spec for spec in SETTING_SPECS}


class SettingsError(ValueError):
    """Overrides that name no setting or give a value it cannot take; `problems` lists them."""

    def __init__(self, problems: list[tuple[str, str, str]]) -> None:
        super().__init__("; ".join(f"{name}: {code} {detail}" for name, code, detail in problems))
        self.problems = problems  # (setting name, code, detail)


def _check_value(spec: SettingSpec, default: SettingValue, value: object) -> str | None:
    """The problem code of `value` for `spec`, or None when it is acceptable."""
    if isinstance(default, bool):
        ok_type = isinstance(value, bool)
    elif isinstance(default, float):
        ok_type = isinstance(value, int | float) and not isinstance(value, bool)
    else:
        ok_type = isinstance(value, type(default)) and not isinstance(value, bool)
    if not ok_type:
        return "wrong_type"
    if spec.choices and value not in spec.choices:
        return "not_a_choice"
    if spec.bounds is not None and isinstance(value, int | float):
        low, high = spec.bounds
        if not low <= value <= high:
            return "out_of_range"
    if spec.name == "quorum_fraction" and isinstance(value, str):
        try:
            fraction = Fraction(value)
        except (ValueError, ZeroDivisionError):
            return "not_a_fraction"
        if not 0 < fraction <= 1:
            return "out_of_range"
    return None


@dataclass(frozen=True)
class RuleSet:
    """One election regulation with the settings in force for a congress (B4)."""

    id: str
    title: str
    decision: str
    revision: int
    settings: Settings
    #: rule id (R10 ...) → the article of this regulation that states it, for the minutes
    citations: Mapping[str, str]

    def with_settings(self, overrides: Mapping[str, object]) -> "RuleSet":
        """A copy with `overrides` applied; raises SettingsError naming every bad setting."""
        problems: list[tuple[str, str, str]] = []
        clean: dict[str, SettingValue] = {}
        for name, value in overrides.items():
            spec = SPECS_BY_NAME.get(name)
            if spec is None:
                problems.append((name, "unknown_setting", ""))
                continue
            default: SettingValue = getattr(self.settings, name)
            code = _check_value(spec, default, value)
            if code is not None:
                problems.append((name, code, repr(value)))
            elif isinstance(value, bool | int | float | str):
                clean[name] = float(value) if isinstance(default, float) else value
        if problems:
            raise SettingsError(problems)
        # Each value was checked against its spec and the default's type just above.
        settings = replace(self.settings, **clean)  # type: ignore[arg-type]
        return replace(self, settings=settings)

    def cite(self, rule: str) -> str:
        """The article of this regulation for `rule`, or the rule id where none is recorded."""
        return self.citations.get(rule, rule)
