"""Meetings already public when alerts began are announced: correcting one later mails nobody."""

from django.db import migrations


def announce_published(apps, schema_editor):
    Meeting = apps.get_model("minutes", "Meeting")
    Announcement = apps.get_model("alerts", "Announcement")
    Announcement.objects.bulk_create(
        [
            Announcement(meeting_id=pk, kind=kind)
            for pk, kind in Meeting.objects.filter(is_published=True).values_list("pk", "kind")
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("alerts", "0001_initial")]

    operations = [migrations.RunPython(announce_published, migrations.RunPython.noop)]
