import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains

from minutes.demo import make_pdf
from minutes.models import AgendaItem, Attachment, SearchEntry

pytestmark = pytest.mark.django_db

SECRETS = [
    "Grundsalg til Hemmeligselskab",  # title
    "Fortroligbeslutning",  # decision
    "Personsagsfremstilling",  # case presentation
    "Lukketbilagstitel",  # attachment title
    "Lukketbilagstekst",  # attachment text
]


@pytest.fixture
def meeting_with_closed_item(make_meeting):
    meeting = make_meeting(
        "2018-05-29",
        items=[
            {"title": "Åben sag om helhedsplan", "decision": "Godkendt."},
            {
                "title": "Grundsalg til Hemmeligselskab",
                "is_closed": True,
                "decision": "Fortroligbeslutning blev truffet.",
                "case_presentation": "Personsagsfremstilling med navne.",
            },
        ],
    )
    closed = meeting.items.get(is_closed=True)
    attachment = Attachment(
        item=closed,
        title="Lukketbilagstitel",
        file=SimpleUploadedFile(
            "l.pdf", make_pdf("Lukket", ["Lukketbilagstekst"]), "application/pdf"
        ),
    )
    attachment.save()
    Attachment.objects.filter(pk=attachment.pk).update(text="Lukketbilagstekst i PDF")
    # Saving the meeting again (as admin does) reindexes everything with the text in place.
    meeting.save()
    return meeting


def public_responses(client, meeting):
    return {
        url: client.get(url)
        for url in (
            "/",
            "/referater/",
            "/referater/2018/",
            meeting.get_absolute_url(),
            "/referater/rss/",
            "/referater/kalender.ics",
            reverse("minutes:meeting_calendar", kwargs={"date": meeting.date}),
            "/sitemap.xml",
        )
    }


def test_closed_item_text_is_never_public(client, meeting_with_closed_item):
    responses = public_responses(client, meeting_with_closed_item)

    for url, response in responses.items():
        text = response.content.decode()
        assert response.status_code == 200, url
        for secret in SECRETS:
            assert secret not in text, (url, secret)
    # The meeting is on the pages, with its open item and the closed one's number.
    page = responses[meeting_with_closed_item.get_absolute_url()]
    assertContains(page, '<h2 id="punkt-1-titel">1. Åben sag om helhedsplan</h2>', html=True)
    assertContains(page, '<h2 id="punkt-2-titel">2. Lukket punkt</h2>', html=True)


def test_closed_item_text_cannot_be_searched(client, search_hits, meeting_with_closed_item):
    for secret in SECRETS:
        assert search_hits(secret) == [], secret
        assert "Ingen resultater" in client.get("/referater/soeg/", {"q": secret}).content.decode()
    assert len(search_hits("helhedsplan")) == 1


def test_closed_item_never_enters_the_search_table(meeting_with_closed_item):
    closed = AgendaItem.objects.get(is_closed=True)

    assert not SearchEntry.objects.filter(item=closed).exists()
    for secret in SECRETS:
        word = secret.split()[0]
        assert not SearchEntry.objects.filter(title__icontains=word).exists()
        assert not SearchEntry.objects.filter(body__icontains=word).exists()


def test_attachment_of_a_closed_item_is_never_served(client, meeting_with_closed_item):
    attachment = Attachment.objects.get(item__is_closed=True)

    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_closing_an_item_later_removes_it_from_search_and_page(client, search_hits, make_meeting):
    meeting = make_meeting("2018-05-29", items=[{"title": "Salg af Grusgraven"}])
    assert len(search_hits("Grusgraven")) == 1

    item = meeting.items.get()
    item.is_closed = True
    item.save()

    assert search_hits("Grusgraven") == []
    assert "Grusgraven" not in client.get(meeting.get_absolute_url()).content.decode()


def test_a_bulk_update_that_skips_signals_still_cannot_leak_a_closed_item(
    search_hits, make_meeting
):
    make_meeting("2018-05-29", items=[{"title": "Salg af Grusgraven"}])
    assert len(search_hits("salg")) == 1

    AgendaItem.objects.update(is_closed=True)  # no signals: the entry is stale

    assert SearchEntry.objects.filter(title="Salg af Grusgraven").exists()
    # A search not asked before (pages already kept wait, like the meeting's own page, until the
    # meeting changes; see test_page_cache).
    assert search_hits("Grusgraven") == []
