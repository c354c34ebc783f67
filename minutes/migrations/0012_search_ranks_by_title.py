"""The search table ranks by the title's own vector and carries its meeting's date, so that a
search finds, counts and orders its matches from this table alone (minutes.search.backends)."""

import django.contrib.postgres.search
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

import minutes.fulltext


def copy_meeting_dates(apps, schema_editor):
    SearchEntry = apps.get_model("minutes", "SearchEntry")
    Meeting = apps.get_model("minutes", "Meeting")
    SearchEntry.objects.update(
        meeting_date=Subquery(Meeting.objects.filter(pk=OuterRef("meeting_id")).values("date")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0011_search_document"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="title_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=minutes.fulltext.TitleVector(),
                output_field=django.contrib.postgres.search.SearchVectorField(null=True),
                verbose_name="titlens søgedokument",
            ),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="meeting_date",
            field=models.DateField(null=True, verbose_name="mødedato"),
        ),
        # Made NOT NULL in 0013: PostgreSQL refuses to alter a table in the transaction that
        # has just updated its rows (their foreign keys' checks are still pending).
        migrations.RunPython(copy_meeting_dates, migrations.RunPython.noop, elidable=True),
    ]
