import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from minutes.demo import make_pdf
from minutes.models import Attachment

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


@pytest.fixture
def clerk(django_user_model):
    user = django_user_model.objects.create_user("referent", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_meeting"))
    return user


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

    html = response.content.decode()
    assert response.status_code == 200
    assert PREVIEW in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Udkast til helhedsplan" in html
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

    html = client.get("/referater/2018-05-29/").content.decode()

    assert PREVIEW not in html
    assert 'content="noindex"' not in html


def test_unpublishing_takes_a_meeting_off_every_public_page(client, make_meeting):
    meeting = make_meeting("2018-05-29", items=[{"title": "Boligsocial helhedsplan"}])
    assert (
        client.get("/referater/soeg/", {"q": "helhedsplan"})
        .content.decode()
        .count("search-hit__title")
        == 1
    )

    meeting.unpublish()
    meeting.save()

    assert client.get("/referater/2018-05-29/").status_code == 404
    assert client.get("/referater/2018/").status_code == 404
    assert "29. maj 2018" not in client.get("/referater/").content.decode()
    assert "29. maj 2018" not in client.get("/referater/rss/").content.decode()
    assert "20180529" not in client.get("/referater/kalender.ics").content.decode()
    assert "2018-05-29" not in client.get("/sitemap.xml").content.decode()
    assert (
        "search-hit__title"
        not in client.get("/referater/soeg/", {"q": "helhedsplan"}).content.decode()
    )


def test_a_clerk_sees_a_preview_but_no_preview_reaches_search_or_feeds(client, draft, clerk):
    client.force_login(clerk)

    assert "search-hit" not in client.get("/referater/soeg/", {"q": "helhedsplan"}).content.decode()
    assert "2018-05-29" not in client.get("/referater/rss/").content.decode()
    assert "29. maj 2018" not in client.get("/referater/").content.decode()
