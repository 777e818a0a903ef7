# The register read as offices write it (issue 13): the day a member became official
# ("Ngày vào Đảng › Chính thức"), and whether only the birth year was written.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('daihoi', '0009_audit_chain'),
    ]

    operations = [
        migrations.AddField(
            model_name='delegate',
            name='birth_year_only',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='delegate',
            name='party_official_on',
            field=models.DateField(blank=True, null=True),
        ),
    ]
