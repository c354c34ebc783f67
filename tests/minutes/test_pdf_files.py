import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from minutes.demo import make_pdf
from minutes.models import Attachment

pytestmark = pytest.mark.django_db


def test_minutes_pdf_is_served_inline_under_a_stable_name(client, make_meeting, pdf_file):
    meeting = make_meeting("2018-05-29")
    meeting.minutes_pdf = pdf_file("Referat", name="Scan 0042 FINAL (2).pdf")
    meeting.save()

    response = client.get("/referater/2018-05-29/referat.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="referat-almenboligudvalg-hvidovre-2018-05-29.pdf"'
    )
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF")
    assert body == meeting.minutes_pdf.open("rb").read()
    assert response.has_header("Last-Modified")


def test_agenda_pdf_is_named_dagsorden(client, make_meeting, pdf_file):
    meeting = make_meeting("2018-05-29", kind="dagsorden")
    meeting.minutes_pdf = pdf_file("Dagsorden")
    meeting.save()

    response = client.get("/referater/2018-05-29/referat.pdf")

    assert response["Content-Disposition"] == (
        'inline; filename="dagsorden-almenboligudvalg-hvidovre-2018-05-29.pdf"'
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_meeting_without_pdf_gives_404_for_the_pdf(client, make_meeting):
    make_meeting("2018-05-29")

    assert client.get("/referater/2018-05-29/referat.pdf").status_code == 404


def test_pdf_whose_file_has_gone_missing_is_404_not_500(client, make_meeting, pdf_file):
    meeting = make_meeting("2018-05-29")
    meeting.minutes_pdf = pdf_file("Referat")
    meeting.save()
    meeting.minutes_pdf.storage.delete(meeting.minutes_pdf.name)

    assert client.get("/referater/2018-05-29/referat.pdf").status_code == 404


def test_attachment_of_an_open_item_is_served_inline(client, make_meeting):
    meeting = make_meeting("2018-05-29", items=[{"title": "Helhedsplan"}])
    attachment = Attachment.objects.create(
        item=meeting.items.get(),
        title="Økonomi og tidsplan",
        file=SimpleUploadedFile("x.pdf", make_pdf("Bilag"), "application/pdf"),
    )

    response = client.get(attachment.get_absolute_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="bilag-1-oekonomi-og-tidsplan.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_attachment_under_another_meetings_date_is_404(client, make_meeting):
    first = make_meeting("2018-05-29", items=[{"title": "Helhedsplan"}])
    make_meeting("2018-06-12")
    attachment = Attachment.objects.create(
        item=first.items.get(),
        title="Bilag",
        file=SimpleUploadedFile("x.pdf", make_pdf("Bilag"), "application/pdf"),
    )

    assert client.get(f"/referater/2018-06-12/bilag/{attachment.pk}.pdf").status_code == 404
