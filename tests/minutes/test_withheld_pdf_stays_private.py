"""A published meeting whose imported PDF was withheld (it holds a closed item's text): nothing of
that PDF reaches the public (pages, the PDF's address, search, feeds, open data, the sitemap),
until a clerk confirms it is the public version."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from minutes import changesets
from minutes.importing import parse_text
from minutes.imports import import_document
from minutes.models import SearchEntry

from .documents_as_pdf import minutes_pdf
from .documents_for_tests import minutes_text

pytestmark = pytest.mark.django_db

# Only the closed item 3 says this, in its case presentation, and so only the PDF does too.
SECRET = "køberen"
PDF_URL = "/referater/2018-05-29/referat.pdf"


@pytest.fixture
def published_with_withheld_pdf(committee, media_root):
    text = minutes_text().replace("om køberen", "om køberen Hemmeligselskab A/S")
    meeting = import_document(
        parse_text(text),
        committee=committee,
        pdf=ContentFile(minutes_pdf(text)),
        source_name="referat.pdf",
    ).meeting
    with changesets.change_set():
        meeting.publish()
        meeting.save()
    assert meeting.withheld_pdf and not meeting.minutes_pdf
    return meeting


def confirm(meeting):
    """What the clerk's confirmation in admin does."""
    with changesets.change_set():
        meeting.minutes_pdf, meeting.withheld_pdf = meeting.withheld_pdf.name, ""
        meeting.save()


def public_pages(client, meeting):
    urls = [
        "/",
        "/referater/",
        "/referater/2018/",
        meeting.get_absolute_url(),
        "/referater/2018-05-29/punkt-3/",
        "/referater/rss/",
        "/referater/rss/referater/",
        "/referater/2018-05-29/data.json",
        "/referater/2018/data.json",
        "/referater/data.json",
        reverse("minutes:decisions_csv"),
        "/sitemap.xml",
        "/referater/kalender.ics",
    ]
    return {url: client.get(url) for url in urls}


def test_nothing_of_the_withheld_pdf_is_on_any_public_page_or_feed(
    client, published_with_withheld_pdf
):
    for url, response in public_pages(client, published_with_withheld_pdf).items():
        assert response.status_code == 200, url
        content = b"".join(response.streaming_content) if response.streaming else response.content
        body = content.decode("utf-8-sig")
        assert SECRET not in body, url
        assert "Hemmeligselskab" not in body, url
        assert PDF_URL not in body, url
        assert "referat.pdf" not in body, url


def test_the_pdfs_address_is_not_found(client, published_with_withheld_pdf):
    assert client.get(PDF_URL).status_code == 404


def test_the_withheld_pdfs_text_is_not_searched(client, search_hits, published_with_withheld_pdf):
    assert search_hits(SECRET) == []
    assert search_hits("Hemmeligselskab") == []
    # Nor followed: the search's feed has nothing.
    feed = client.get("/referater/soeg/rss/", {"q": "Hemmeligselskab"}).content.decode()
    assert "<item>" not in feed
    assert not SearchEntry.objects.filter(kind=SearchEntry.Kind.MINUTES_PDF).exists()
    # The meeting itself is found, for what it says in public.
    assert search_hits("Friheden") != []


def test_once_the_clerk_confirms_it_the_pdf_is_public_and_searched(
    client, search_hits, published_with_withheld_pdf
):
    confirm(published_with_withheld_pdf)

    response = client.get(PDF_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert search_hits("Hemmeligselskab") != []
    assert PDF_URL in client.get(published_with_withheld_pdf.get_absolute_url()).text
    assert PDF_URL in client.get("/referater/2018-05-29/data.json").text


def test_a_clerks_preview_of_the_draft_shows_no_withheld_pdf_either(
    client, clerk, committee, media_root
):
    meeting = import_document(
        parse_text(minutes_text()),
        committee=committee,
        pdf=ContentFile(minutes_pdf(minutes_text())),
        source_name="referat.pdf",
    ).meeting
    client.force_login(clerk)

    preview = client.get(meeting.get_absolute_url())

    assert preview.status_code == 200
    assert PDF_URL not in preview.text
    assert SECRET not in preview.text
    assert client.get(PDF_URL).status_code == 404
