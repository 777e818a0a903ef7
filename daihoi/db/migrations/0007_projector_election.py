# The election the hall's screen shows, chosen by the organiser (None: the last certified result).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("daihoi", "0006_scans"),
    ]

    operations = [
        migrations.AddField(
            model_name="congress",
            name="projector_election",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="daihoi.election",
            ),
        ),
    ]
