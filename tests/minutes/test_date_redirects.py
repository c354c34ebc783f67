import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from minutes.demo import make_pdf
from minutes.models import Attachment

pytestmark = pytest.mark.django_db


@pytest.fixture
def moved(make_meeting, pdf_file):
    """A published meeting whose date a clerk corrected from 29 to 30 May."""
    meeting = make_meeting("2018-05-29", items=[{"title": "Punkt"}])
    meeting.minutes_pdf = pdf_file("Referat")
    meeting.save()
    Attachment.objects.create(
        item=meeting.items.get(),
        title="Bilag",
        file=SimpleUploadedFile("b.pdf", make_pdf("Bilag"), "application/pdf"),
    )
    meeting.date = datetime.date(2018, 5, 30)
    meeting.save()
    return meeting


def test_old_date_redirects_permanently_to_the_new_one(client, moved):
    response = client.get("/referater/2018-05-29/")

    assert response.status_code == 301
    assert response["Location"] == "/referater/2018-05-30/"
    assert client.get("/referater/2018-05-30/").status_code == 200


@pytest.mark.parametrize(
    "page",
    [
        "",
        "punkt-1/",
        "billede.png",
        "punkt-1/billede.png",
        "referat.pdf",
        "rettelser/",
        "kalender.ics",
        "data.json",
    ],
)
def test_every_page_of_a_meeting_at_an_old_date_leads_to_the_same_page_at_the_new(
    client, moved, page
):
    response = client.get(f"/referater/2018-05-29/{page}")

    assert response.status_code == 301
    assert response["Location"] == f"/referater/2018-05-30/{page}"
    # Browsers keep a 301 for good unless told to ask again: the old date may be given back.
    assert "no-cache" in response["Cache-Control"]
    assert client.get(response["Location"]).status_code == 200


def test_old_pdf_and_attachment_urls_redirect_too(client, moved):
    attachment = Attachment.objects.get()

    pdf = client.get("/referater/2018-05-29/referat.pdf")
    bilag = client.get(f"/referater/2018-05-29/bilag/{attachment.pk}.pdf")

    assert (pdf.status_code, pdf["Location"]) == (301, "/referater/2018-05-30/referat.pdf")
    assert (bilag.status_code, bilag["Location"]) == (301, attachment.get_absolute_url())


def test_redirects_survive_a_second_correction(client, moved):
    moved.date = datetime.date(2018, 6, 5)
    moved.save()

    for old in ("2018-05-29", "2018-05-30"):
        response = client.get(f"/referater/{old}/")
        assert (response.status_code, response["Location"]) == (301, "/referater/2018-06-05/")


def test_old_date_of_a_meeting_later_unpublished_is_404(client, moved):
    moved.unpublish()
    moved.save()

    assert client.get("/referater/2018-05-29/").status_code == 404


def test_old_date_is_listed_nowhere(client, moved):
    html = client.get("/referater/").content.decode()

    assert "29. maj 2018" not in html
    assert "Onsdag den 30. maj 2018" in html
