# Roles get a scope: a person's roles in a congress (or an organisation), and the entry team each
# person types for in an election. An existing installation keeps what its people could do: each
# member of a role group becomes a member of every existing congress with that role.

from typing import Any

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

_ROLES = (
    "organiser",
    "counting_head",
    "counting_board",
    "presidium",
    "reception",
    "viewer",
)


def _groups_to_memberships(apps: Any, schema_editor: Any) -> None:
    group_model = apps.get_model("auth", "Group")
    congress_model = apps.get_model("daihoi", "Congress")
    membership_model = apps.get_model("daihoi", "Membership")
    roles: dict[int, list[str]] = {}
    for group in group_model.objects.filter(name__in=_ROLES):
        for user_id in group.user_set.values_list("id", flat=True):
            roles.setdefault(user_id, []).append(group.name)
    for congress in congress_model.objects.all():
        for user_id, names in roles.items():
            membership_model.objects.get_or_create(
                user_id=user_id, congress=congress, defaults={"roles": sorted(names)}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("daihoi", "0007_projector_election"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Membership",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("roles", models.JSONField(default=list)),
                ("reason", models.CharField(blank=True, max_length=300)),
                (
                    "congress",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="memberships",
                        to="daihoi.congress",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="memberships",
                        to="daihoi.organisation",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="memberships",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("congress__isnull", False), ("organisation__isnull", True)),
                            models.Q(("congress__isnull", True), ("organisation__isnull", False)),
                            _connector="OR",
                        ),
                        name="membership_one_scope",
                    ),
                    models.UniqueConstraint(
                        fields=("user", "congress"), name="membership_congress_unique"
                    ),
                    models.UniqueConstraint(
                        fields=("user", "organisation"), name="membership_organisation_unique"
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="TeamAssignment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("team", models.PositiveSmallIntegerField()),
                ("assigned_at", models.DateTimeField(auto_now_add=True)),
                (
                    "assigned_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "election",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="team_assignments",
                        to="daihoi.election",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="team_assignments",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["team", "user_id"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("election", "user"), name="team_assignment_unique"
                    )
                ],
            },
        ),
        migrations.RunPython(_groups_to_memberships, migrations.RunPython.noop),
    ]
