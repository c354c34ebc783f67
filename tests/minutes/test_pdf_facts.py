"""
Links to PDFs say what the visitor is about to open: "PDF, 1,2 MB, 14 sider". The number of pages
and the size are read once, when a file is taken in (minutes.pdf.read_file), and filled in for
files stored before (migration 0010).
"""

import importlib

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF

from minutes.models import Attachment, Meeting
from minutes.presentation import pdf_facts
from tests.markup import element, elements, text

pytestmark = pytest.mark.django_db


def pdf_with_pages(count, name="referat.pdf"):
    """A real PDF of `count` pages, as an upload."""
    pdf = FPDF()
    pdf.set_font("Helvetica")
    for number in range(1, count + 1):
        pdf.add_page()
        pdf.cell(text=f"Side {number}")
    return SimpleUploadedFile(name, bytes(pdf.output()), "application/pdf")


@pytest.mark.parametrize(
    ("pages", "size", "said"),
    [
        (14, 1_258_291, "PDF, 1,2 MB, 14 sider"),
        (1, 348_160, "PDF, 340 kB, 1 side"),
        (3, 1_048_575, "PDF, 1,0 MB, 3 sider"),
        (120, 13_000_000, "PDF, 12,4 MB, 120 sider"),
        (1200, 300, "PDF, 1 kB, 1.200 sider"),
        (None, 2048, "PDF, 2 kB"),
        (None, None, "PDF"),
    ],
)
def test_pdf_facts_are_said_the_danish_way(pages, size, said):
    # A number never breaks away from its unit.
    assert pdf_facts(pages, size) == said.replace(" kB", "\u00a0kB").replace(
        " MB", "\u00a0MB"
    ).replace(" side", "\u00a0side")


def test_a_new_minutes_pdf_keeps_its_pages_and_size(make_meeting):
    upload = pdf_with_pages(3)
    meeting = make_meeting("2018-05-29", minutes_pdf=upload)

    stored = Meeting.objects.get(pk=meeting.pk)
    assert stored.minutes_pdf_pages == 3
    assert stored.minutes_pdf_size == upload.size == stored.minutes_pdf.size


def test_replacing_the_pdf_with_update_fields_replaces_its_pages_and_size(make_meeting):
    meeting = make_meeting("2018-05-29", minutes_pdf=pdf_with_pages(3))

    meeting.minutes_pdf = pdf_with_pages(5)
    meeting.save(update_fields=["minutes_pdf"])

    assert Meeting.objects.get(pk=meeting.pk).minutes_pdf_pages == 5


def test_removing_the_pdf_forgets_its_pages_and_size(make_meeting):
    meeting = make_meeting("2018-05-29", minutes_pdf=pdf_with_pages(3))

    meeting.minutes_pdf = None
    meeting.save()

    stored = Meeting.objects.get(pk=meeting.pk)
    assert (stored.minutes_pdf_pages, stored.minutes_pdf_size) == (None, None)


def test_an_unreadable_pdf_keeps_its_size_and_no_pages(make_meeting):
    meeting = make_meeting("2018-05-29", minutes_pdf=ContentFile(b"%PDF-1.4 scan", name="s.pdf"))

    stored = Meeting.objects.get(pk=meeting.pk)
    assert (stored.minutes_pdf_pages, stored.minutes_pdf_size) == (None, 13)


def test_an_attachment_keeps_its_pages_and_size(make_meeting):
    meeting = make_meeting("2018-05-29", items=[{"title": "Helhedsplan"}])
    upload = pdf_with_pages(2, "bilag.pdf")

    attachment = Attachment.objects.create(item=meeting.items.get(), title="Skema A", file=upload)

    stored = Attachment.objects.get(pk=attachment.pk)
    assert (stored.file_pages, stored.file_size) == (2, upload.size)


def test_the_meeting_page_says_the_pages_and_size_of_each_pdf(client, make_meeting):
    meeting = make_meeting("2018-05-29", minutes_pdf=pdf_with_pages(14), items=[{"title": "Plan"}])
    Attachment.objects.create(
        item=meeting.items.get(), title="Skema A", file=pdf_with_pages(2, "b.pdf")
    )
    Meeting.objects.filter(pk=meeting.pk).update(minutes_pdf_size=1_258_291)

    response = client.get("/referater/2018-05-29/")

    link = element(response, "a", class_="file-link")
    assert text(link) == "Hent referatet (PDF, 1,2 MB, 14 sider)"
    files = element(response, "ul", class_="attachments")
    assert text(files).startswith("Skema A (PDF, ")
    assert text(files).endswith(" kB, 2 sider)")


def test_archive_rows_say_the_pages_and_size_of_the_pdf(client, make_meeting):
    make_meeting("2018-05-29", minutes_pdf=pdf_with_pages(14))
    Meeting.objects.update(minutes_pdf_size=1_258_291)

    for path in ("/referater/", "/referater/2018/", "/"):
        row_pdf = elements(client.get(path), "a", class_="meeting-row__pdf")
        assert [text(a) for a in row_pdf] == [
            "PDF, 1,2 MB, 14 sider : referat fra tirsdag den 29. maj 2018"
        ], path


def test_the_data_migration_fills_in_the_files_stored_before(make_meeting):
    meeting = make_meeting("2018-05-29", minutes_pdf=pdf_with_pages(4), items=[{"title": "P"}])
    attachment = Attachment.objects.create(
        item=meeting.items.get(), title="Skema", file=pdf_with_pages(2, "b.pdf")
    )
    gone = make_meeting("2018-06-12", minutes_pdf=pdf_with_pages(1))
    gone.minutes_pdf.storage.delete(gone.minutes_pdf.name)
    Meeting.objects.update(minutes_pdf_pages=None, minutes_pdf_size=None)
    Attachment.objects.update(file_pages=None, file_size=None)

    migration = importlib.import_module("minutes.migrations.0010_pdf_pages_and_size")
    migration.fill_in(apps, None)

    meeting.refresh_from_db()
    attachment.refresh_from_db()
    gone.refresh_from_db()
    assert (meeting.minutes_pdf_pages, meeting.minutes_pdf_size) == (4, meeting.minutes_pdf.size)
    assert (attachment.file_pages, attachment.file_size) == (2, attachment.file.size)
    assert (gone.minutes_pdf_pages, gone.minutes_pdf_size) == (None, None)
