"""Load the reference congress (regulation.md R25) with invented delegates, lists and accounts.

289 delegates summoned (39 ex officio, 250 elected), the executive-committee election of the
bundled reference file open for entry by two teams, and the other elections of the congress
(secretary directly, delegates and alternates to the provincial congress) ready to set up.
"""

import json
import random
import secrets
from datetime import date
from importlib import resources

from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import transaction

from daihoi.access import Role
from daihoi.actions.audit import record_event
from daihoi.actions.candidates import NameOnList, listed_delegate, put_on_list
from daihoi.db.models import (
    Absence,
    Attendance,
    Congress,
    Delegate,
    Election,
    Membership,
    Organisation,
    Session,
    Substitution,
    TeamAssignment,
)
from daihoi.demo.names import invented_names

DEMO_PASSWORD = "daihoi2020"  # noqa: S105 - the demo's published password, printed at start
ACCOUNTS = (
    ("bantochuc", Role.ORGANISER, "Ban tổ chức (organiser)"),
    ("truongban", Role.COUNTING_HEAD, "Trưởng ban kiểm phiếu (head of the counting board)"),
    (
        "kiemphieu1",
        Role.COUNTING_BOARD,
        "Ban kiểm phiếu, nhóm nhập 1 (counting board, entry team 1)",
    ),
    (
        "kiemphieu2",
        Role.COUNTING_BOARD,
        "Ban kiểm phiếu, nhóm nhập 2 (counting board, entry team 2)",
    ),
    ("doanchutich", Role.PRESIDIUM, "Đoàn chủ tịch (presidium)"),
    ("letan", Role.RECEPTION, "Tổ đón tiếp, điểm danh (reception, check-in)"),
    ("khach", Role.VIEWER, "Khách (viewer)"),
)
_UNITS = [
    f"Đảng bộ phường {n}"
    for n in (
        "Bình Hàn",
        "Cẩm Thượng",
        "Hải Tân",
        "Lê Thanh Nghị",
        "Nguyễn Trãi",
        "Quang Trung",
        "Trần Phú",
        "Tứ Minh",
    )
]
_EDUCATION = ("Thạc sĩ", "Đại học", "Đại học", "Đại học", "Tiến sĩ", "Cao đẳng")
_THEORY = ("Cao cấp", "Cao cấp", "Cử nhân", "Trung cấp")


def _reference_file() -> dict[str, object]:
    text = resources.files("daihoi.examples").joinpath("reference-executive-committee.json")
    document: dict[str, object] = json.loads(text.read_text(encoding="utf-8"))
    return document


def _accounts() -> list[tuple[str, str]]:
    """The demo's accounts, made in code: the published password bypasses the validators that
    every account made through the application meets (daihoi.actions.roles)."""
    created = []
    for username, role, label in ACCOUNTS:
        name = label.split(" (")[0]  # the Vietnamese name only: the screens read in one language
        user, made = User.objects.get_or_create(username=username, defaults={"first_name": name})
        if user.first_name != name:
            User.objects.filter(pk=user.pk).update(first_name=name)
        if made:
            user.set_password(DEMO_PASSWORD)
            user.is_superuser = user.is_staff = role is Role.ORGANISER
            user.save()
        created.append((username, label))
    return created


def _memberships(congress: Congress) -> None:
    """Each account a member of the demo congress with its role; the two clerks on teams 1 and 2
    of the open election (repeated entry by two people)."""
    for username, role, _ in ACCOUNTS:
        user = User.objects.get(username=username)
        Membership.objects.get_or_create(
            user=user, congress=congress, defaults={"roles": [role.value]}
        )
    for election in congress.elections.filter(state=Election.State.OPEN, entry_teams__gte=2):
        for team, username in enumerate(("kiemphieu1", "kiemphieu2"), start=1):
            TeamAssignment.objects.get_or_create(
                election=election,
                user=User.objects.get(username=username),
                defaults={"team": team},
            )


def _delegates(congress: Congress, candidates: list[dict[str, object]]) -> list[Delegate]:
    """The 49 candidates of the reference list first, then invented delegates up to 289."""
    rng = random.Random(2020)  # noqa: S311 - invented demo data, reproducible
    rows = [
        Delegate(
            congress=congress,
            full_name=str(c["name"]),
            birth_date=date.fromisoformat(str(c["birth_date"])),
            gender=str(c["gender"]),
            ethnicity=str(c["ethnicity"]),
            kind="ex_officio" if c["incumbent"] else "elected",
            incumbent=bool(c["incumbent"]),
            education=rng.choice(_EDUCATION),
            political_theory="Cao cấp",
            unit=rng.choice(_UNITS),
        )
        for c in candidates
    ]
    taken = {r.full_name for r in rows}
    ex_officio_left = 39 - sum(1 for r in rows if r.kind == "ex_officio")
    genders = ["female" if rng.random() < 0.27 else "male" for _ in range(289 - len(rows))]
    for i, name in enumerate(n for n in invented_names(rng, genders) if n not in taken):
        if len(rows) == 289:
            break
        born = date(rng.randint(1958, 1990), rng.randint(1, 12), rng.randint(1, 28))
        rows.append(
            Delegate(
                congress=congress,
                full_name=name,
                birth_date=born,
                gender=genders[i],
                ethnicity="Kinh" if rng.random() > 0.02 else "Tày",
                kind="ex_officio" if i < ex_officio_left else "elected",
                incumbent=i < ex_officio_left,
                education=rng.choice(_EDUCATION),
                political_theory=rng.choice(_THEORY),
                party_joined_on=date(born.year + rng.randint(20, 30), rng.randint(1, 12), 1),
                unit=rng.choice(_UNITS),
            )
        )
    for n, row in enumerate(rows, start=1):
        row.seat = f"{'ABCDEFGH'[(n - 1) // 40]}-{(n - 1) % 40 + 1:02d}"
    taken |= {r.full_name for r in rows}
    alternates = [
        Delegate(
            congress=congress,
            full_name=name,
            birth_date=date(rng.randint(1975, 1990), rng.randint(1, 12), rng.randint(1, 28)),
            gender=gender,
            kind="elected",
            standing="alternate",
            education=rng.choice(_EDUCATION),
            political_theory=rng.choice(_THEORY),
            unit=rng.choice(_UNITS),
        )
        for name, gender in zip(
            (n for n in invented_names(rng, ["male", "female", "male"] * 3) if n not in taken),
            ["male", "female", "male"],
            strict=False,
        )
    ]
    return Delegate.objects.bulk_create(rows + alternates)


def _attendance(congress: Congress, delegates: list[Delegate], sessions: list[Session]) -> None:
    """The reference congress's day (R14): 289 summoned, base 286, 285 present at the vote.

    Absent throughout: one committee member and two elected delegates (one with an approved
    reason), none replaced (the three deductions of the reference file); one delegate replaced
    by an alternate (stays in the base); one delegate at the preparatory session only.
    """
    officials = [d for d in delegates if d.standing == Delegate.Standing.OFFICIAL]
    alternate = next(d for d in delegates if d.standing == Delegate.Standing.ALTERNATE)
    invented = officials[49:]
    committee_absent = next(d for d in invented if d.incumbent)
    elected = [d for d in invented if not d.incumbent]
    absent, replaced, left_early = elected[:2], elected[2], elected[3]
    organiser = User.objects.get(username="bantochuc")
    Absence.objects.create(
        delegate=committee_absent,
        reason="Đi công tác nước ngoài",
        approved=True,
        recorded_by=organiser,
    )
    Absence.objects.create(
        delegate=absent[0],
        reason="Ốm, điều trị tại bệnh viện",
        approved=True,
        recorded_by=organiser,
    )
    Absence.objects.create(
        delegate=replaced, reason="Chuyển công tác", approved=True, recorded_by=organiser
    )
    Substitution.objects.create(
        official=replaced, alternate=alternate, reason="Chuyển công tác", recorded_by=organiser
    )
    away = {committee_absent.pk, replaced.pk, *(d.pk for d in absent)}
    here = [d for d in officials if d.pk not in away] + [alternate]
    rows = [Attendance(session=sessions[0], delegate=d, door="1") for d in here]
    rows += [Attendance(session=sessions[1], delegate=d, door="1") for d in here if d != left_early]
    Attendance.objects.bulk_create(rows)


def _election(
    congress: Congress, body: str, seats: int, people: list[Delegate], **extra: object
) -> Election:
    election = Election.objects.create(
        congress=congress,
        body=body,
        meeting="delegates_congress",
        seats=seats,
        summoned=289,
        excluded_from_base={
            "committee_members_absent_whole_congress": 1,
            "delegates_absent_whole_congress_not_replaced": 2,
        },
        present=285,
        ballots_issued=285,
        ballots_collected=284,
        session=congress.current_session,
        **extra,
    )
    put_on_list(election, [listed_delegate(d) for d in people])
    return election


DEMO_ORGANISATION = "Đảng bộ thành phố Hải Dương"


def existing_demo() -> Congress | None:
    """The demo congress if this database already holds it (a second `daihoi demo` reuses it)."""
    return Congress.objects.filter(number=23, organisation__name=DEMO_ORGANISATION).first()


def erase_for_fresh_demo() -> bool:
    """Empty the database so the demo starts afresh; refused (False) when it holds any congress
    but the demo's, so `--fresh` pointed at a real data folder erases nothing."""
    if Congress.objects.exclude(number=23, organisation__name=DEMO_ORGANISATION).exists():
        return False
    call_command("flush", interactive=False, verbosity=0)
    return True


@transaction.atomic
def load_reference_congress() -> tuple[Congress, list[tuple[str, str]]]:
    """Create the demo congress once; returns it with the demo accounts."""
    accounts = _accounts()
    existing = existing_demo()
    if existing is not None:
        _memberships(existing)
        return existing, accounts
    reference = _reference_file()
    organisation = Organisation.objects.create(
        name=DEMO_ORGANISATION, upper_name="Đảng bộ tỉnh Hải Dương"
    )
    congress = Congress.objects.create(
        organisation=organisation,
        number=23,
        term="2020–2025",
        place="thành phố Hải Dương",
        starts_on=date(2020, 6, 5),
        ends_on=date(2020, 6, 7),
        meeting="delegates_congress",
        ruleset_id="244-2014",
        elects_secretary_directly=True,
        projector_token=secrets.token_urlsafe(24),
    )
    sessions = [
        Session.objects.create(congress=congress, order=order, name=name)
        for order, name in enumerate(
            ("Phiên trù bị", "Phiên thứ nhất", "Phiên thứ hai", "Bế mạc"), start=1
        )
    ]
    congress.current_session = sessions[1]
    congress.save(update_fields=["current_session"])
    candidates = list(reference["candidates"])  # type: ignore[call-overload]
    delegates = _delegates(congress, candidates)
    _attendance(congress, delegates, sessions)
    committee = Election.objects.create(
        congress=congress,
        body="executive_committee",
        meeting="delegates_congress",
        seats=41,
        summoned=289,
        excluded_from_base=reference["electorate"]["excluded_from_base"],  # type: ignore[index]
        present=285,
        ballots_issued=285,
        ballots_collected=284,
        entry_teams=2,
        state=Election.State.OPEN,
        session=sessions[1],
        list_approval="285/285 đại biểu có mặt tán thành (biểu quyết giơ tay)",
    )
    by_name = {d.full_name: d for d in delegates}
    put_on_list(
        committee,
        [
            NameOnList(
                str(c["name"]),
                date.fromisoformat(str(c["birth_date"])),
                str(c["gender"]),
                str(c["ethnicity"]),
                bool(c["incumbent"]),
                by_name[str(c["name"])],
                str(c["id"]),
            )
            for c in candidates
        ],
    )
    others = delegates[49:]
    _election(congress, "secretary", 1, [delegates[0]])
    _election(congress, "upper_delegates", 37, others[:41])
    _election(congress, "upper_alternates", 2, others[41:44])
    _memberships(congress)
    record_event(None, "load_demo", congress)
    return congress, accounts
