"""Every search entry has its meeting's date (filled in by 0012)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0012_search_ranks_by_title"),
    ]

    operations = [
        migrations.AlterField(
            model_name="searchentry",
            name="meeting_date",
            field=models.DateField(verbose_name="mødedato"),
        ),
    ]
