# The audit log becomes a hash chain (issue 11): every existing event gets its hashes in id
# order, each certified result the hash of the event that certified it; on PostgreSQL a
# trigger refuses UPDATE and DELETE on the audit table.

import django.utils.timezone
from django.db import migrations, models

from daihoi.core.audit_chain import GENESIS, canonical_content, event_hash

DENY_SQL = """
CREATE OR REPLACE FUNCTION daihoi_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS daihoi_audit_append_only ON daihoi_auditevent;
CREATE TRIGGER daihoi_audit_append_only BEFORE UPDATE OR DELETE ON daihoi_auditevent
    FOR EACH ROW EXECUTE FUNCTION daihoi_audit_append_only();
"""

ALLOW_SQL = """
DROP TRIGGER IF EXISTS daihoi_audit_append_only ON daihoi_auditevent;
DROP FUNCTION IF EXISTS daihoi_audit_append_only();
"""


def chain_existing(apps, schema_editor):
    AuditEvent = apps.get_model("daihoi", "AuditEvent")
    Result = apps.get_model("daihoi", "Result")
    previous = GENESIS
    certifying = {}
    for event in AuditEvent.objects.order_by("id").iterator():
        content = canonical_content(
            event.user_id, event.at, event.action, event.congress_id, event.details
        )
        digest = event_hash(previous, content)
        AuditEvent.objects.filter(pk=event.pk).update(previous_hash=previous, hash=digest)
        if event.action == "certify_result" and isinstance(event.details, dict):
            certifying[event.details.get("election")] = digest
        previous = digest
    for result in Result.objects.all():
        if result.election_id in certifying:
            Result.objects.filter(pk=result.pk).update(audit_hash=certifying[result.election_id])


def deny_changes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DENY_SQL)


def allow_changes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ALLOW_SQL)


class Migration(migrations.Migration):
    dependencies = [
        ("daihoi", "0008_memberships"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="previous_hash",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name="result",
            name="audit_hash",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.RunPython(chain_existing, migrations.RunPython.noop),
        migrations.RunPython(deny_changes, allow_changes),
    ]
