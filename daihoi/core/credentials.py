"""The figures of the credentials report (báo cáo thẩm tra tư cách đại biểu), from the register.

Published credentials reports give every item as a count and a percentage of the delegates
(practice.md §1.6). Here every figure is a Share n/N with its base, computed from the delegates
themselves; a fact missing for a delegate puts that delegate in an explicit "unknown" bucket, so
the buckets of every breakdown add up to N and nothing is guessed. The category lists are those of
the Central Organisation Commission's statistical form (Biểu số 2-BTCTW, practice.md §1.6), which
offices reuse, so the report reads like the ones they already file.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from daihoi.core.attendance import holds_a_seat
from daihoi.core.codes import Gender, Origin, Standing
from daihoi.core.composition import Share, age_on
from daihoi.core.qualifications import (
    OTHER,
    POLITICAL_THEORY_LEVELS,
    PROFESSIONAL_LEVELS,
    UNKNOWN,
    academic_title,
    fold,
    political_theory_level,
    professional_level,
)
from daihoi.core.vi.collation import collation_key, name_sort_key
from daihoi.core.vi.text import nfc

ORIGINS = tuple(o.value for o in Origin)
STANDINGS = tuple(s.value for s in Standing)
GENDERS = (Gender.FEMALE.value, Gender.MALE.value)  # the report's order: women first


# Age bands of Biểu số 2-BTCTW (practice.md §1.6): 18–30, 31–35, …, 56–60, over 60. The first band
# also takes any age below 18 (a Party member is at least 18, so only a mistyped birth date can be
# younger): every delegate falls in exactly one band.
AGE_BANDS: tuple[tuple[str, int | None, int | None], ...] = (
    ("18-30", None, 30),
    ("31-35", 31, 35),
    ("36-40", 36, 40),
    ("41-45", 41, 45),
    ("46-50", 46, 50),
    ("51-55", 51, 55),
    ("56-60", 56, 60),
    ("over-60", 61, None),
)

# Party age in completed years: the bands reports print (under 10, then by decades, 40 and more).
PARTY_AGE_BANDS: tuple[tuple[str, int | None, int | None], ...] = (
    ("under-10", None, 9),
    ("10-19", 10, 19),
    ("20-29", 20, 29),
    ("30-39", 30, 39),
    ("40-plus", 40, None),
)


@dataclass(frozen=True)
class Absence:
    """Why an official delegate is absent, as recorded."""

    reason: str
    approved: bool  # the convening committee approved the reason


@dataclass(frozen=True)
class Question:
    """An objection to a delegate's credentials and what was decided about it."""

    issue: str  # what was questioned about the credentials
    decision: str  # what the credentials board / congress decided ("" = pending)


@dataclass(frozen=True)
class ReportDelegate:
    """One delegate (official or alternate) as the register knows them on the report date."""

    name: str
    unit: str  # delegation or unit (đoàn / đơn vị), used to name the oldest/youngest
    origin: str  # an Origin; "" when the register does not say (counted as unknown)
    standing: str  # a Standing
    gender: str | None  # a Gender, None if unknown
    ethnicity: str | None  # "Kinh" is the majority; anything else is an ethnic minority
    birth_date: date | None
    education: str  # free text from the register: "Tiến sĩ", "PGS.TS", "cử nhân", ""
    political_theory: str  # free text: "Cao cấp", "Cử nhân", "Trung cấp", "Sơ cấp", ""
    party_joined_on: date | None
    position_group: str  # free text group name from the register, "" if none
    present: bool  # attended (checked in) at least one session up to the report
    absence: Absence | None  # recorded absence (for officials absent)
    replaced_by: str | None  # for an official: the alternate who replaced them (name)
    question: Question | None


@dataclass(frozen=True)
class Breakdown:
    """One fact over the base: each delegate in exactly one bucket, so the shares add up to N."""

    buckets: tuple[tuple[str, Share], ...]

    def __getitem__(self, key: str) -> Share:
        for name, share in self.buckets:
            if name == key:
                return share
        raise KeyError(key)

    def keys(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.buckets)

    @property
    def total(self) -> int:
        """The sum of the buckets; equal to the base by construction."""
        return sum(share.numerator for _, share in self.buckets)


@dataclass(frozen=True)
class Extreme:
    """The oldest, youngest, longest or shortest in the Party: reports name them and their unit."""

    years: int
    name: str
    unit: str


@dataclass(frozen=True)
class AbsentDelegate:
    """An official delegate not present; reason and approval are None when none was recorded."""

    name: str
    unit: str
    reason: str | None
    approved: bool | None
    replaced_by: str | None


@dataclass(frozen=True)
class Substitution:
    """An alternate delegate seated in place of an official (the official's unit)."""

    official: str
    alternate: str
    unit: str


@dataclass(frozen=True)
class Questioned:
    """A delegate whose credentials were questioned; decision "" means still pending."""

    name: str
    unit: str
    issue: str
    decision: str

    @property
    def pending(self) -> bool:
        return not self.decision.strip()


@dataclass(frozen=True)
class CredentialsReport:
    """Every figure of the credentials report on date `on`.

    Attendance and origin are over the official delegates summoned. The composition (gender to
    position groups) is over the delegates with credentials: the officials, each official replaced
    by an alternate counted as that alternate, since the alternate holds the seat at the congress.
    Means are over the delegates whose date is known, rounded half up to one decimal exactly; the
    unknown bucket of the same breakdown says how many are missing.
    """

    on: date
    summoned: int
    present: Share  # seats held by someone present, over summoned
    present_officials: int
    present_alternates: int  # alternates seated in place of an official, present
    absent: tuple[AbsentDelegate, ...]
    substitutions: tuple[Substitution, ...]
    origin: Breakdown  # ex_officio / elected / appointed among the officials
    with_credentials: int  # N of the composition (equal to summoned)
    gender: Breakdown  # female / male / unknown
    ethnicity: Breakdown  # minority / kinh / unknown
    age: Breakdown  # AGE_BANDS + unknown
    mean_age: Decimal | None
    oldest: tuple[Extreme, ...]  # several only when they share a birth date
    youngest: tuple[Extreme, ...]
    education: Breakdown  # PROFESSIONAL_LEVELS + other + unknown
    professors: Share
    associate_professors: Share
    political_theory: Breakdown  # POLITICAL_THEORY_LEVELS + other + unknown
    party_age: Breakdown  # PARTY_AGE_BANDS + unknown
    mean_party_age: Decimal | None
    longest_in_party: tuple[Extreme, ...]
    shortest_in_party: tuple[Extreme, ...]
    position_groups: Breakdown  # by count, then Vietnamese name order; UNKNOWN last
    questioned: tuple[Questioned, ...]

    @property
    def women(self) -> Share:
        return self.gender[Gender.FEMALE]

    @property
    def ethnic_minority(self) -> Share:
        return self.ethnicity["minority"]

    @property
    def absent_share(self) -> Share:
        return Share(len(self.absent), self.summoned)

    @property
    def pending_questions(self) -> int:
        """Questions still undecided: while any is pending, no one may conclude "all qualified"."""
        return sum(1 for q in self.questioned if q.pending)


def _band(value: int, bands: tuple[tuple[str, int | None, int | None], ...]) -> str:
    for key, low, high in bands:
        if (low is None or value >= low) and (high is None or value <= high):
            return key
    raise AssertionError(value)  # the bands cover every integer


def _breakdown(keys: Iterable[str], values: Iterable[str], total: int) -> Breakdown:
    counts = dict.fromkeys(keys, 0)
    for value in values:
        counts[value] += 1
    return Breakdown(tuple((key, Share(n, total)) for key, n in counts.items()))


def _mean(values: Sequence[int]) -> Decimal | None:
    """The mean rounded half up to one decimal, in integers (as percent_value rounds)."""
    if not values:
        return None
    tenths, remainder = divmod(10 * sum(values), len(values))
    if 2 * remainder >= len(values):
        tenths += 1
    return Decimal(f"{tenths}E-1")


def _extremes(
    delegates: Sequence[ReportDelegate],
    when: Callable[[ReportDelegate], date | None],
    on: date,
    *,
    earliest: bool,
) -> tuple[Extreme, ...]:
    """Everyone sharing the earliest (or latest) date, in ballot name order."""
    dated = [(d, day) for d in delegates if (day := when(d)) is not None]
    if not dated:
        return ()
    chosen = min(day for _, day in dated) if earliest else max(day for _, day in dated)
    people = sorted((d for d, day in dated if day == chosen), key=lambda d: name_sort_key(d.name))
    return tuple(Extreme(age_on(chosen, on), d.name, d.unit) for d in people)


def _check(delegate: ReportDelegate, on: date) -> None:
    problems = []
    if delegate.origin and delegate.origin not in ORIGINS:
        problems.append(f"origin {delegate.origin!r}")
    if delegate.standing not in STANDINGS:
        problems.append(f"standing {delegate.standing!r}")
    if delegate.gender is not None and delegate.gender not in GENDERS:
        problems.append(f"gender {delegate.gender!r}")
    if delegate.birth_date is not None and delegate.birth_date > on:
        problems.append(f"born after the report ({delegate.birth_date})")
    if delegate.party_joined_on is not None and delegate.party_joined_on > on:
        problems.append(f"joined the Party after the report ({delegate.party_joined_on})")
    if delegate.replaced_by is not None and delegate.standing != Standing.OFFICIAL:
        problems.append("an alternate cannot be replaced")
    if problems:
        msg = f"{delegate.name}: " + "; ".join(problems)
        raise ValueError(msg)


def _seated(delegates: Sequence[ReportDelegate]) -> list[tuple[ReportDelegate, ReportDelegate]]:
    """(official, holder of the seat) for every official: the holder is the replacing alternate.

    An alternate is named by `replaced_by`; a name that is no alternate's, or that two alternates
    share, or that two officials name, cannot be resolved and is refused.
    """
    alternates: dict[str, list[ReportDelegate]] = {}
    for d in delegates:
        if d.standing == Standing.ALTERNATE:
            alternates.setdefault(fold(d.name), []).append(d)
    taken: set[str] = set()
    seats = []
    for official in (d for d in delegates if d.standing == Standing.OFFICIAL):
        holder = official
        if official.replaced_by is not None:
            key = fold(official.replaced_by)
            found = alternates.get(key, [])
            if len(found) != 1:
                what = "no alternate" if not found else "several alternates"
                msg = f"{official.name}: replaced by {official.replaced_by!r}, {what} of that name"
                raise ValueError(msg)
            if key in taken:
                msg = f"{official.replaced_by}: replaces more than one official"
                raise ValueError(msg)
            taken.add(key)
            holder = found[0]
        seats.append((official, holder))
    return seats


def _position_groups(holders: Sequence[ReportDelegate], total: int) -> Breakdown:
    """Each distinct group (NFC + casefold), by count descending then Vietnamese name order."""
    spelling: dict[str, str] = {}
    counts: dict[str, int] = {}
    unknown = 0
    for d in holders:
        name = nfc(d.position_group)
        if not name:
            unknown += 1
            continue
        key = fold(name)
        spelling.setdefault(key, name)
        counts[key] = counts.get(key, 0) + 1
    order = sorted(counts, key=lambda k: (-counts[k], collation_key(spelling[k])))
    buckets = [(spelling[k], Share(counts[k], total)) for k in order]
    return Breakdown((*buckets, (UNKNOWN, Share(unknown, total))))


def credentials_report(delegates: Sequence[ReportDelegate], on: date) -> CredentialsReport:
    """All figures of the credentials report on `on` (ages and party ages in completed years).

    The composition counts the delegates with credentials: the officials, where an official was
    replaced, the alternate who replaced them. Presence is counted by seat (the holder's), so an
    official and the alternate in their seat are never both counted. Raises ValueError for a
    record that cannot be counted (an unknown origin, a replacement naming no single alternate, a
    date after `on`).
    """
    for delegate in delegates:
        _check(delegate, on)
    seats = _seated(delegates)
    summoned = len(seats)
    if summoned == 0:
        msg = "no official delegate: a credentials report needs the delegates summoned"
        raise ValueError(msg)
    officials = [official for official, _ in seats]
    holders = [holder for _, holder in seats]
    n = len(holders)

    seated = {id(h) for _, h in seats if h.standing == Standing.ALTERNATE}
    present = [
        d
        for d in delegates
        if d.present
        and holds_a_seat(
            official=d.standing == Standing.OFFICIAL,
            replaced=d.replaced_by is not None,
            substituting=id(d) in seated,
        )
    ]
    present_officials = sum(1 for d in present if d.standing == Standing.OFFICIAL)
    present_alternates = len(present) - present_officials
    absent = tuple(
        AbsentDelegate(
            o.name,
            o.unit,
            None if o.absence is None else o.absence.reason,
            None if o.absence is None else o.absence.approved,
            None if h is o else h.name,
        )
        for o, h in seats
        if not o.present
    )
    substitutions = tuple(Substitution(o.name, h.name, o.unit) for o, h in seats if h is not o)

    ages = [None if d.birth_date is None else age_on(d.birth_date, on) for d in holders]
    party_ages = [
        None if d.party_joined_on is None else age_on(d.party_joined_on, on) for d in holders
    ]
    titles = [academic_title(d.education) for d in holders]

    return CredentialsReport(
        on=on,
        summoned=summoned,
        present=Share(present_officials + present_alternates, summoned),
        present_officials=present_officials,
        present_alternates=present_alternates,
        absent=absent,
        substitutions=substitutions,
        origin=_breakdown((*ORIGINS, UNKNOWN), (o.origin or UNKNOWN for o in officials), summoned),
        with_credentials=n,
        gender=_breakdown((*GENDERS, UNKNOWN), (d.gender or UNKNOWN for d in holders), n),
        ethnicity=_breakdown(
            ("minority", "kinh", UNKNOWN),
            (_ethnic_group(d.ethnicity) for d in holders),
            n,
        ),
        age=_breakdown(
            (*(key for key, _, _ in AGE_BANDS), UNKNOWN),
            (UNKNOWN if a is None else _band(a, AGE_BANDS) for a in ages),
            n,
        ),
        mean_age=_mean([a for a in ages if a is not None]),
        oldest=_extremes(holders, lambda d: d.birth_date, on, earliest=True),
        youngest=_extremes(holders, lambda d: d.birth_date, on, earliest=False),
        education=_breakdown(
            (*PROFESSIONAL_LEVELS, OTHER, UNKNOWN),
            (professional_level(d.education) for d in holders),
            n,
        ),
        professors=Share(titles.count("professor"), n),
        associate_professors=Share(titles.count("associate_professor"), n),
        political_theory=_breakdown(
            (*POLITICAL_THEORY_LEVELS, OTHER, UNKNOWN),
            (political_theory_level(d.political_theory) for d in holders),
            n,
        ),
        party_age=_breakdown(
            (*(key for key, _, _ in PARTY_AGE_BANDS), UNKNOWN),
            (UNKNOWN if a is None else _band(a, PARTY_AGE_BANDS) for a in party_ages),
            n,
        ),
        mean_party_age=_mean([a for a in party_ages if a is not None]),
        longest_in_party=_extremes(holders, lambda d: d.party_joined_on, on, earliest=True),
        shortest_in_party=_extremes(holders, lambda d: d.party_joined_on, on, earliest=False),
        position_groups=_position_groups(holders, n),
        questioned=tuple(
            Questioned(d.name, d.unit, d.question.issue, d.question.decision)
            for d in delegates
            if d.question is not None
        ),
    )


def _ethnic_group(ethnicity: str | None) -> str:
    """ "kinh" for the majority, "minority" for any other people named, UNKNOWN if blank."""
    if ethnicity is None or not nfc(ethnicity):
        return UNKNOWN
    return "kinh" if fold(ethnicity) == "kinh" else "minority"
