"""The old tables of kept files, carried into the history by 0008."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0008_versions_into_history"),
    ]

    operations = [
        migrations.DeleteModel(name="AttachmentVersion"),
        migrations.DeleteModel(name="MinutesPdfVersion"),
    ]
