"""Text is taken out of uploaded PDFs for search, within bounds, and never stops a publication."""

import io
import logging

import pytest
from django.core.files.base import ContentFile
from fpdf import FPDF
from pypdf import PageObject

from minutes import pdf as minutes_pdf
from minutes.corrections import corrections_for
from minutes.demo import make_pdf
from minutes.models import AgendaItem, Attachment, Meeting
from minutes.pdf import PdfFacts, extract_text


def pages_pdf(*texts):
    """A PDF with one page per text."""
    pdf = FPDF()
    pdf.set_font("Helvetica")
    for text in texts:
        pdf.add_page()
        pdf.cell(text=text)
    return io.BytesIO(bytes(pdf.output()))


def test_extract_text_reads_every_page_in_order():
    text = extract_text(pages_pdf("Beslutningstema", "Indstilling", "Godkendt"))

    assert text.split("\n\n") == ["Beslutningstema", "Indstilling", "Godkendt"]


def test_extract_text_keeps_danish_letters():
    text = extract_text(
        io.BytesIO(make_pdf("Økonomiske konsekvenser", ["Påtænkt ændring – “nej”."]))
    )

    assert "Økonomiske konsekvenser" in text
    assert "Påtænkt ændring – “nej”." in text


def test_extract_text_stops_after_the_page_limit(settings):
    settings.MINUTES_PDF_TEXT_MAX_PAGES = 2

    text = extract_text(pages_pdf("side1", "side2", "side3"))

    assert text.split("\n\n") == ["side1", "side2"]


def test_extract_text_stops_starting_pages_when_time_is_up(monkeypatch, caplog):
    # The clock: start, before page 1, before page 2 (past the limit).
    readings = iter([0.0, 0.5, 11.0])
    monkeypatch.setattr(minutes_pdf.time, "monotonic", lambda: next(readings))

    with caplog.at_level(logging.WARNING, logger="minutes.pdf"):
        text = extract_text(pages_pdf("side1", "side2", "side3"), max_seconds=10)

    assert text == "side1"
    assert "stopped after 10 s, at page 2 of 3" in caplog.text


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pdf at all", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"],
    ids=["empty", "not-pdf", "truncated"],
)
def test_extract_text_on_an_unreadable_pdf_returns_nothing_and_warns(content, caplog):
    with caplog.at_level(logging.WARNING, logger="minutes.pdf"):
        assert extract_text(io.BytesIO(content)) == ""

    assert "No text extracted" in caplog.text


def test_a_page_that_fails_does_not_lose_the_others(monkeypatch, caplog):
    original = PageObject.extract_text

    def extract(page, *args, **kwargs):
        text = original(page, *args, **kwargs)
        if "side2" in text:
            raise KeyError("/Font")
        return text

    monkeypatch.setattr(PageObject, "extract_text", extract)

    with caplog.at_level(logging.WARNING, logger="minutes.pdf"):
        text = extract_text(pages_pdf("side1", "side2", "side3"))

    assert text.split("\n\n") == ["side1", "side3"]
    assert "page 2" in caplog.text


def test_nul_characters_are_dropped_for_postgresql(monkeypatch):
    monkeypatch.setattr(PageObject, "extract_text", lambda page, *a, **k: "Bo\x00ligsocial")

    assert extract_text(pages_pdf("x")) == "Boligsocial"


def test_uploaded_minutes_pdf_text_is_stored_on_save(make_meeting, pdf_file):
    meeting = make_meeting(minutes_pdf=pdf_file("Helhedsplanen for Friheden er godkendt."))

    stored = Meeting.objects.get(pk=meeting.pk)

    assert "Helhedsplanen for Friheden er godkendt." in stored.minutes_pdf_text


def test_text_is_extracted_only_when_the_file_changes(make_meeting, pdf_file, monkeypatch):
    meeting = make_meeting(minutes_pdf=pdf_file("Første udgave."))
    calls = []
    monkeypatch.setattr(
        "minutes.models.read_file",
        lambda f: calls.append(f.name) or PdfFacts("ny tekst", 2, 2048),
    )

    meeting = Meeting.objects.get(pk=meeting.pk)
    meeting.place = "Rådhuset, mødelokale 2"
    meeting.save()
    assert calls == []

    meeting.minutes_pdf = pdf_file("Anden udgave.")
    meeting.save()
    assert len(calls) == 1
    assert Meeting.objects.get(pk=meeting.pk).minutes_pdf_text == "ny tekst"


def test_a_pdf_without_readable_text_is_still_published(make_meeting, caplog):
    # A scanned or damaged file that got past the upload check (or came in another way).
    with caplog.at_level(logging.WARNING, logger="minutes.pdf"):
        meeting = make_meeting(minutes_pdf=ContentFile(b"%PDF-1.4 scanned", name="scan.pdf"))

    meeting = Meeting.objects.get(pk=meeting.pk)
    assert meeting.is_published
    assert meeting.minutes_pdf
    assert meeting.minutes_pdf_text == ""
    assert "No text extracted" in caplog.text


def test_attachment_text_is_stored_on_save(make_meeting, pdf_file):
    item = AgendaItem.objects.create(meeting=make_meeting(), number=1, title="Styringsdialog")

    attachment = Attachment.objects.create(
        item=item, title="Oversigt", file=pdf_file("Afdelingernes langtidsplaner.")
    )

    assert "Afdelingernes langtidsplaner." in Attachment.objects.get(pk=attachment.pk).text


def pdf_correction(meeting):
    """(before, after) file names of the newest correction's minutes PDF."""
    (correction,) = corrections_for([meeting])
    (part,) = [part for group in correction.groups for part in group.parts]
    return tuple(side.file_name if side else None for side in (part.before, part.after))


def test_replacing_a_published_pdf_keeps_the_old_file_on_record(make_meeting, pdf_file, media_root):
    meeting = make_meeting(minutes_pdf=pdf_file("Første udgave."))
    old_name = meeting.minutes_pdf.name

    meeting = Meeting.objects.get(pk=meeting.pk)
    meeting.minutes_pdf = pdf_file("Rettet udgave.")
    meeting.save()

    meeting.refresh_from_db()
    assert pdf_correction(meeting) == (old_name, meeting.minutes_pdf.name)
    assert meeting.corrected_at == meeting.history.latest().history_date
    assert (media_root / old_name).read_bytes().startswith(b"%PDF-")
    assert "Rettet udgave." in meeting.minutes_pdf_text


def test_removing_a_published_pdf_keeps_it_on_record_too(make_meeting, pdf_file, media_root):
    meeting = make_meeting(minutes_pdf=pdf_file("Første udgave."))
    old_name = meeting.minutes_pdf.name

    meeting = Meeting.objects.get(pk=meeting.pk)
    meeting.minutes_pdf = None
    meeting.save()

    meeting.refresh_from_db()
    assert pdf_correction(meeting) == (old_name, None)
    assert (media_root / old_name).exists()
    assert meeting.minutes_pdf_text == ""
    assert meeting.corrected_at is not None


def test_replacing_the_pdf_of_a_draft_is_no_correction(make_meeting, pdf_file):
    meeting = make_meeting(published=False, minutes_pdf=pdf_file("Kladde."))

    meeting = Meeting.objects.get(pk=meeting.pk)
    meeting.minutes_pdf = pdf_file("Endelig udgave.")
    meeting.publish()
    meeting.save()

    meeting.refresh_from_db()
    assert corrections_for([meeting]) == []
    assert meeting.corrected_at is None
    assert "Endelig udgave." in meeting.minutes_pdf_text


def test_saving_only_some_fields_leaves_the_pdf_alone(make_meeting, pdf_file):
    meeting = make_meeting(minutes_pdf=pdf_file("Første udgave."))
    pdf_name = meeting.minutes_pdf.name

    meeting = Meeting.objects.get(pk=meeting.pk)
    meeting.remarks = "Rettet bemærkning."
    meeting.save(update_fields=["remarks"])

    meeting.refresh_from_db()
    assert meeting.minutes_pdf.name == pdf_name
    assert "Første udgave." in meeting.minutes_pdf_text
