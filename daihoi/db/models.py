"""The records of a congress: organisation, congress, sessions, delegates, elections, ballots.

Secrecy (DEVELOPERS.md): a ballot entry records what a paper ballot shows and the number the
counting board wrote on its back; nothing links it to the delegate who cast it.
"""

import secrets
import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from daihoi.core.audit_chain import canonical_content
from daihoi.core.codes import Body, Gender, Meeting, MemberStatus, Origin, Standing


def _choices(enum: type[Any]) -> list[tuple[str, str]]:
    """A core enum's codes as a field's choices: the values are the core's, never copied here."""
    return [(member.value, member.value) for member in enum]


def _titled(enum: type[Any]) -> list[tuple[str, str]]:
    """The same, labelled as the fields were first declared (Django's "Ex Officio"); screens
    word a code through the catalogue in daihoi/labels, never through these labels."""
    return [(member.value, member.name.replace("_", " ").title()) for member in enum]


def new_badge_token() -> str:
    """32 random bytes, URL-safe: the QR code on a badge, unguessable from the register."""
    return secrets.token_urlsafe(32)


class Organisation(models.Model):
    """A Party organisation (đảng bộ) that holds congresses."""

    name = models.CharField(max_length=200)
    upper_name = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return self.name


class Congress(models.Model):
    """One congress of an organisation, for one term."""

    class Mode(models.TextChoices):
        REHEARSAL = "rehearsal"
        OFFICIAL = "official"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT)
    number = models.PositiveIntegerField()
    term = models.CharField(max_length=20)
    place = models.CharField(max_length=200, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    meeting = models.CharField(max_length=40, choices=_choices(Meeting))
    ruleset_id = models.CharField(max_length=20, default="190-2024")
    settings_overrides = models.JSONField(default=dict, blank=True)
    elects_secretary_directly = models.BooleanField(default=False)
    #: where a name read from a workbook carries the tone of oa/oe/uy: "old" Hòa, "new" Hoà
    name_tone_placement = models.CharField(
        max_length=3, choices=[("old", "Hòa, Thủy"), ("new", "Hoà, Thuỷ")], default="old"
    )
    mode = models.CharField(max_length=10, choices=Mode.choices, default=Mode.REHEARSAL)
    #: the unguessable key of the hall's read-only projector link; empty when revoked
    projector_token = models.CharField(max_length=64, blank=True, db_index=True)
    #: what the hall's screen shows, as the organiser chose; None: the last certified result
    #: (or, before any, the election being counted), so opening another election replaces nothing
    projector_election = models.ForeignKey(
        "Election", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: the session the doors check delegates in for
    current_session = models.ForeignKey(
        "Session", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.organisation} {self.number} ({self.term})"


class Session(models.Model):
    """A working session (phiên trù bị, phiên thứ nhất, …)."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="sessions")
    order = models.PositiveIntegerField()
    name = models.CharField(max_length=200)
    starts_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["order"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["congress", "order"], name="session_order_unique")
        ]


class Delegate(models.Model):
    """A person summoned to the congress, with the facts of the credentials report."""

    Kind = Origin  # the register's codes are the core's (daihoi/core/codes.py)
    Standing = Standing

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="delegates")
    full_name = models.CharField(max_length=120)
    birth_date = models.DateField(null=True, blank=True)
    gender = models.CharField(max_length=6, choices=_choices(Gender))
    ethnicity = models.CharField(max_length=40, default="Kinh")
    education = models.CharField(max_length=80, blank=True)
    political_theory = models.CharField(max_length=40, blank=True)
    party_joined_on = models.DateField(null=True, blank=True)
    #: the day the member became an official member ("Ngày vào Đảng › Chính thức")
    party_official_on = models.DateField(null=True, blank=True)
    #: only the birth year was written: birth_date is 1 January, and age cut-offs need the day
    birth_year_only = models.BooleanField(default=False)
    position = models.CharField(max_length=200, blank=True)
    unit = models.CharField(max_length=200, blank=True)

    kind = models.CharField(max_length=12, choices=_titled(Origin))
    incumbent = models.BooleanField(default=False)  # member of the outgoing committee
    standing = models.CharField(
        max_length=10, choices=_titled(Standing), default=Standing.OFFICIAL.value
    )
    delegation = models.CharField(max_length=200, blank=True)  # đoàn đại biểu; else the unit
    seat = models.CharField(max_length=20, blank=True)
    position_group = models.CharField(max_length=80, blank=True)
    #: R14 statuses that change the base at a members' congress (blank: none)
    member_status = models.CharField(max_length=30, blank=True, choices=_choices(MemberStatus))
    #: what the badge's QR code carries: unguessable, never the delegate's number
    badge_token = models.CharField(max_length=43, default=new_badge_token, unique=True)
    #: a question about the credentials, and the decision on it (credentials report)
    question_issue = models.CharField(max_length=300, blank=True)
    question_decision = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering: ClassVar = ["id"]

    def __str__(self) -> str:
        return self.full_name


class Election(models.Model):
    """One round of one secret ballot for one body (the core's Election, with its state)."""

    class State(models.TextChoices):
        SETUP = "setup"
        OPEN = "open"
        CERTIFIED = "certified"
        APPOINTED = "appointed"

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="elections")
    body = models.CharField(max_length=40, choices=_choices(Body))
    meeting = models.CharField(max_length=40, choices=_choices(Meeting))
    round = models.PositiveIntegerField(default=1)
    seats = models.PositiveIntegerField()
    alternate_seats = models.PositiveIntegerField(default=0)
    is_tie_revote = models.BooleanField(default=False)
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT)
    summoned = models.PositiveIntegerField(default=0)
    excluded_from_base = models.JSONField(default=dict, blank=True)
    present = models.PositiveIntegerField(null=True, blank=True)
    ballots_issued = models.PositiveIntegerField(default=0)
    ballots_collected = models.PositiveIntegerField(default=0)
    entry_teams = models.PositiveSmallIntegerField(default=1)
    state = models.CharField(max_length=10, choices=State.choices, default=State.SETUP)
    #: warning code → the counting board's written explanation (printed with the minutes)
    acknowledgements = models.JSONField(default=dict, blank=True)
    #: the congress's recorded decision on the next step after this result (tie, further round)
    decision = models.JSONField(default=dict, blank=True)
    #: the congress's vote approving the list (R5: "biểu quyết thông qua danh sách bầu cử")
    list_approval = models.CharField(max_length=300, blank=True)
    #: set when the upper level appointed the body instead (Chỉ thị 45, merged organisations)
    appointed_by = models.CharField(max_length=300, blank=True)
    #: the session the vote is held in: attendance there is "present"
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.PROTECT, related_name="elections"
    )
    #: how summoned / excluded / present were derived from attendance, and every correction
    #: with its reason: {"derived": {...}, "corrections": [{"figure", "from", "to", "reason"}]}
    base_derivation = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering: ClassVar = ["id"]


class Candidate(models.Model):
    """A name on an election's approved list; `number` is its row on the ballot."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="candidates")
    delegate = models.ForeignKey(Delegate, null=True, blank=True, on_delete=models.PROTECT)
    code = models.CharField(max_length=20)  # the id in the election file
    number = models.PositiveIntegerField()
    name = models.CharField(max_length=120)
    birth_date = models.DateField(null=True, blank=True)
    gender = models.CharField(max_length=6, blank=True)
    ethnicity = models.CharField(max_length=40, blank=True)
    incumbent = models.BooleanField(null=True)

    class Meta:
        ordering: ClassVar = ["number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["election", "number"], name="candidate_number_unique"),
            models.UniqueConstraint(fields=["election", "code"], name="candidate_code_unique"),
        ]


class BallotEntry(models.Model):
    """One paper ballot as one entry team typed it; `sheet` is the number on its back."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="entries")
    team = models.PositiveSmallIntegerField(default=1)
    sheet = models.PositiveIntegerField()
    content = models.JSONField()  # {"kept": [...]} | {"marks": {...}} | {"invalid": reason}
    # The clerk who typed (or scanned) this paper, so that two teams' entries are two people.
    # Not the delegate who cast it: clerks are not voters, so ballot secrecy is kept.
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["sheet"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["election", "team", "sheet"], name="entry_sheet_unique")
        ]


class ScanBatch(models.Model):
    """One upload of scanned ballots by one entry team: who, when and how many; never the
    scanner's file names (they are reported once, to whoever scanned, and not kept)."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="scan_batches")
    team = models.PositiveSmallIntegerField()
    scanned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    scanned_at = models.DateTimeField(auto_now_add=True)
    pages = models.PositiveIntegerField(default=0)
    read = models.PositiveIntegerField(default=0)  # ballots entered without review
    to_review = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)  # pages, nothing counted from them
    rejections = models.JSONField(default=dict, blank=True)  # reason → pages

    class Meta:
        ordering: ClassVar = ["id"]


class ScannedBallot(models.Model):
    """One scanned paper ballot (both sides when printed on two) and what became of it.

    Secrecy (omr.md §5.2, §5.9): a random id, no timestamp of its own (only its batch's), no
    scanner file name. `sheet` is the next free number of the team, in scan order, as the board
    numbers the papers; a rejected page has none and counts for nothing.
    """

    class State(models.TextChoices):
        READ = "read"  # read with no doubt: entered at once
        REVIEW = "review"  # waiting for the counting board
        CONFIRMED = "confirmed"  # the board ruled: entered
        REJECTED = "rejected"  # not read: nothing counted

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="scans")
    batch = models.ForeignKey(ScanBatch, on_delete=models.CASCADE, related_name="ballots")
    team = models.PositiveSmallIntegerField()
    sheet = models.PositiveIntegerField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices)
    paper = models.CharField(max_length=4, blank=True)  # A4 / A5: the layout the page matched
    sha256 = models.CharField(max_length=64)
    #: the image of record, relative to the data folder: scans/<sha256>.<ext>; never altered
    image = models.CharField(max_length=120)
    back_sha256 = models.CharField(max_length=64, blank=True)  # page 2/2 of a two-sided ballot
    back_image = models.CharField(max_length=120, blank=True)
    #: the reader's report: {"pages": [PageReading…]} or {"rejected": {"reason", "detail"}}
    reading = models.JSONField()
    #: the board's ruling: {"rows": {number: mark}, "ruling": …, "corrected": [numbers]}
    decision = models.JSONField(default=dict, blank=True)
    #: two members confirm each decision (omr.md §5.4): one proposes it, another confirms it
    #: (decided_by); the proposal waits in review, in `decision`, until then
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    entry = models.OneToOneField(
        BallotEntry, null=True, blank=True, on_delete=models.RESTRICT, related_name="scan"
    )

    class Meta:
        ordering: ClassVar = ["batch_id", "sheet"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["election", "team", "sheet"],
                condition=models.Q(sheet__isnull=False),
                name="scan_sheet_unique",
            ),
            models.UniqueConstraint(
                fields=["election", "sha256"],
                condition=~models.Q(state="rejected"),
                name="scan_image_once",
            ),
        ]


class Resolution(models.Model):
    """The head of the counting board's ruling on a sheet whose entries differ (repeated entry)."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="resolutions")
    sheet = models.PositiveIntegerField()
    chosen_team = models.PositiveSmallIntegerField(null=True, blank=True)  # None: a third reading
    content = models.JSONField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["election", "sheet"], name="resolution_sheet_unique")
        ]


class Result(models.Model):
    """A certified result, frozen: the exported election file, its fingerprint and the result."""

    election = models.OneToOneField(Election, on_delete=models.PROTECT, related_name="result")
    election_file = models.TextField()
    sha256 = models.CharField(max_length=64)
    document = models.JSONField()
    certified_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    certified_at = models.DateTimeField(auto_now_add=True)
    #: the hash of the audit event that certified it: the result's place in the chain
    audit_hash = models.CharField(max_length=64, blank=True)


class AuditEvent(models.Model):
    """An append-only record of every change to ballots, results and settings, chained: each
    event holds the hash of the one before and of its own content (daihoi.core.audit_chain)."""

    #: set before saving (not auto_now_add) so the hash covers the time stored
    at = models.DateTimeField(default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    action = models.CharField(max_length=60)
    congress = models.ForeignKey(Congress, null=True, blank=True, on_delete=models.PROTECT)
    details = models.JSONField(default=dict)
    previous_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering: ClassVar = ["id"]

    def chain_content(self) -> bytes:
        """The canonical content the event's hash covers."""
        return canonical_content(self.user_id, self.at, self.action, self.congress_id, self.details)

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Append only: an event once written is never changed."""
        if not self._state.adding:
            msg = "audit events are append-only"
            raise ValueError(msg)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        msg = "audit events are append-only"
        raise ValueError(msg)


class Attendance(models.Model):
    """A delegate checked in for a session; at most one per session (a second scan adds none)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendances")
    delegate = models.ForeignKey(Delegate, on_delete=models.CASCADE, related_name="attendances")
    at = models.DateTimeField(auto_now_add=True)
    door = models.CharField(max_length=40, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["session", "delegate"], name="attendance_once")
        ]


class Absence(models.Model):
    """A delegate's absence from the congress, with its reason and whether it was approved."""

    delegate = models.OneToOneField(Delegate, on_delete=models.CASCADE, related_name="absence")
    reason = models.CharField(max_length=300)
    approved = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)


class Substitution(models.Model):
    """An alternate delegate takes an absent official's place; both stay on record."""

    official = models.OneToOneField(Delegate, on_delete=models.CASCADE, related_name="replaced_by")
    alternate = models.OneToOneField(
        Delegate, on_delete=models.CASCADE, related_name="substitutes_for"
    )
    reason = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)


class Membership(models.Model):
    """A person's roles in one congress, or in an organisation (covering all its congresses).

    The scope of every role: a clerk of one congress is nobody in another. `reason` is recorded
    when roles are given that would otherwise not go together (organiser and certifier).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    congress = models.ForeignKey(
        Congress, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    roles = models.JSONField(default=list)  # role values (daihoi.access.Role)
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=(
                    models.Q(congress__isnull=False, organisation__isnull=True)
                    | models.Q(congress__isnull=True, organisation__isnull=False)
                ),
                name="membership_one_scope",
            ),
            models.UniqueConstraint(fields=["user", "congress"], name="membership_congress_unique"),
            models.UniqueConstraint(
                fields=["user", "organisation"], name="membership_organisation_unique"
            ),
        ]


class TeamAssignment(models.Model):
    """The entry team a person types for in one election: one team per person per election."""

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="team_assignments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_assignments"
    )
    team = models.PositiveSmallIntegerField()
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["team", "user_id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["election", "user"], name="team_assignment_unique")
        ]


class CountTable(models.Model):
    """A count table (tổ kiểm phiếu) of an election: the sheets it counts and its entry teams.

    `sheets` are ranges [[first, last], …] (daihoi.core.tables); `teams` the election's team
    numbers that type them. An election with no table is one table of every sheet and team.
    """

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="count_tables")
    number = models.PositiveSmallIntegerField()
    sheets = models.JSONField(default=list)
    teams = models.JSONField(default=list)

    class Meta:
        ordering: ClassVar = ["number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["election", "number"], name="count_table_unique")
        ]


# The hand check of scanned ballots has its own module (this one is at the length limit),
# registered with the app by this import.
from daihoi.db import spot_checks  # noqa: E402, F401
