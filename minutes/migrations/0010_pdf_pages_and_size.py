"""
The number of pages and the size of every minutes PDF and attachment, for the links to them
("PDF, 1,2 MB, 14 sider"). New files get them when they are taken in (minutes.pdf.read_file);
this fills them in for the files already stored. A file that is missing or cannot be opened
keeps None, and its link says less.
"""

import logging

from django.core.files.storage import default_storage
from django.db import migrations, models

logger = logging.getLogger(__name__)


def pages_and_size(name):
    """(pages, size) of a stored PDF; frozen here, so later changes to minutes.pdf cannot alter
    what this migration did."""
    from pypdf import PdfReader

    try:
        size = default_storage.size(name)
    except OSError:
        logger.warning("%s is not in storage; its size and pages stay unknown", name)
        return None, None
    try:
        with default_storage.open(name, "rb") as stored:
            reader = PdfReader(stored)
            if reader.is_encrypted and not reader.decrypt(""):
                return None, size
            return len(reader.pages), size
    except Exception:
        logger.warning("%s cannot be read as a PDF; its pages stay unknown", name, exc_info=True)
        return None, size


def fill_in(apps, schema_editor):
    Meeting = apps.get_model("minutes", "Meeting")
    Attachment = apps.get_model("minutes", "Attachment")
    stored = Meeting.objects.exclude(minutes_pdf="").filter(minutes_pdf_size__isnull=True)
    for pk, name in stored.values_list("pk", "minutes_pdf").iterator():
        pages, size = pages_and_size(name)
        Meeting.objects.filter(pk=pk).update(minutes_pdf_pages=pages, minutes_pdf_size=size)
    stored = Attachment.objects.exclude(file="").filter(file_size__isnull=True)
    for pk, name in stored.values_list("pk", "file").iterator():
        pages, size = pages_and_size(name)
        Attachment.objects.filter(pk=pk).update(file_pages=pages, file_size=size)


class Migration(migrations.Migration):

    dependencies = [
        ('minutes', '0009_remove_version_tables'),
    ]

    operations = [
        migrations.AddField(
            model_name='attachment',
            name='file_pages',
            field=models.PositiveIntegerField(editable=False, null=True, verbose_name='sider'),
        ),
        migrations.AddField(
            model_name='attachment',
            name='file_size',
            field=models.PositiveBigIntegerField(editable=False, null=True, verbose_name='størrelse'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='minutes_pdf_pages',
            field=models.PositiveIntegerField(editable=False, null=True, verbose_name='sider i PDF'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='minutes_pdf_size',
            field=models.PositiveBigIntegerField(editable=False, null=True, verbose_name='størrelse af PDF'),
        ),
        migrations.RunPython(fill_in, migrations.RunPython.noop, elidable=True),
    ]
