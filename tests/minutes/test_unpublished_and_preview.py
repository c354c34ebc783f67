import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.asserts import assertContains

from minutes.demo import make_pdf
from minutes.models import Attachment
from tests.markup import elements

pytestmark = pytest.mark.django_db

PREVIEW = "Forhåndsvisning – mødet er ikke offentliggjort"


@pytest.fixture
def draft(make_meeting, pdf_file):
    meeting = make_meeting(
        "2018-05-29", published=False, items=[{"title": "Udkast til helhedsplan"}]
    )
    meeting.minutes_pdf = pdf_file("Udkast")
    meeting.save()
    Attachment.objects.create(
        item=meeting.items.get(),
        title="Bilag til udkast",
        file=SimpleUploadedFile("b.pdf", make_pdf("Bilag"), "application/pdf"),
    )
    return meeting


def urls(meeting):
    attachment = Attachment.objects.get(item__meeting=meeting)
    return [meeting.get_absolute_url(), meeting.get_pdf_url(), attachment.get_absolute_url()]


def test_unpublished_meeting_and_its_files_are_404_to_the_public(client, draft):
    for url in urls(draft):
        assert client.get(url).status_code == 404, url


def test_logged_in_non_staff_and_staff_without_permission_get_404(client, draft, django_user_model):
    citizen = django_user_model.objects.create_user("borger", password="x")
    staff = django_user_model.objects.create_user("it", password="x", is_staff=True)

    for user in (citizen, staff):
        client.force_login(user)
        assert client.get(draft.get_absolute_url()).status_code == 404


def test_clerk_sees_a_clearly_marked_preview_that_is_never_cached_or_indexed(client, draft, clerk):
    client.force_login(clerk)

    response = client.get("/referater/2018-05-29/")

    assert response.status_code == 200
    assertContains(response, PREVIEW)
    assertContains(response, '<meta name="robots" content="noindex">', html=True)
    assertContains(response, "Udkast til helhedsplan")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert not response.has_header("Last-Modified")
    assert not response.has_header("ETag")


def test_clerk_can_open_the_files_of_a_preview(client, draft, clerk):
    client.force_login(clerk)

    for url in urls(draft)[1:]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"]
        assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_published_meeting_has_no_preview_banner_even_for_clerks(client, make_meeting, clerk):
    make_meeting("2018-05-29")
    client.force_login(clerk)

    response = client.get("/referater/2018-05-29/")

    assert response.status_code == 200
    assert PREVIEW not in response.content.decode()
    assert not elements(response, "meta", name="robots")


def test_unpublishing_takes_a_meeting_off_every_public_page(client, search_hits, make_meeting):
    meeting = make_meeting("2018-05-29", items=[{"title": "Boligsocial helhedsplan"}])
    # Where the meeting is while it is published: what each page says of it.
    listings = {
        "/referater/": "29. maj 2018",
        "/referater/rss/": "29. maj 2018",
        # Older than the subscribed calendar's year, so in its own file only.
        "/referater/2018-05-29/kalender.ics": "20180529",
        "/sitemap.xml": "2018-05-29",
    }
    assert client.get("/referater/2018-05-29/").status_code == 200
    assert client.get("/referater/2018/").status_code == 200
    for url, mention in listings.items():
        assert mention in client.get(url).content.decode(), url
    assert len(search_hits("helhedsplan")) == 1

    meeting.unpublish()
    meeting.save()

    assert client.get("/referater/2018-05-29/").status_code == 404
    assert client.get("/referater/2018/").status_code == 404
    for url, mention in listings.items():
        assert mention not in client.get(url).content.decode(), url
    assert search_hits("helhedsplan") == []


def test_a_clerk_sees_a_preview_but_no_preview_reaches_search_or_feeds(
    client, search_hits, draft, clerk
):
    client.force_login(clerk)

    assert search_hits("helhedsplan") == []
    assert "2018-05-29" not in client.get("/referater/rss/").content.decode()
    assert "29. maj 2018" not in client.get("/referater/").content.decode()
