import datetime
import re

import pytest
from django.utils import timezone

from minutes.models import AgendaItem, Meeting
from tests.markup import elements

pytestmark = pytest.mark.django_db

PAGES = [
    "/referater/",
    "/referater/2018/",
    "/referater/2018-05-29/",
    "/referater/soeg/?q=helhedsplan",
    "/referater/rss/",
    "/referater/kalender.ics",
]


@pytest.fixture
def meeting(make_meeting):
    return make_meeting("2018-05-29", items=[{"title": "Helhedsplan"}])


def later(meeting, minutes=5):
    Meeting.objects.filter(pk=meeting.pk).update(
        updated_at=timezone.now() + datetime.timedelta(minutes=minutes)
    )


@pytest.mark.parametrize("url", PAGES)
def test_repeat_visit_with_if_modified_since_gets_304(client, meeting, url):
    first = client.get(url)
    assert first.status_code == 200
    assert "no-cache" in first["Cache-Control"]
    assert "Cookie" in first["Vary"]

    repeat = client.get(url, headers={"if-modified-since": first["Last-Modified"]})

    assert repeat.status_code == 304
    assert repeat.content == b""
    assert "Cookie" in repeat["Vary"]


@pytest.mark.parametrize("url", PAGES)
def test_repeat_visit_with_if_none_match_gets_304(client, meeting, url):
    # The first page sets the csrftoken cookie that the banner's forms are made from: the copies
    # from then on are the ones a browser can keep.
    client.get(url)
    first = client.get(url)

    repeat = client.get(
        url,
        headers={"if-none-match": first["ETag"], "if-modified-since": first["Last-Modified"]},
    )

    assert repeat.status_code == 304


@pytest.mark.parametrize("url", PAGES)
def test_a_change_to_the_meeting_gives_the_new_page(client, meeting, url):
    first = client.get(url)
    later(meeting)

    repeat = client.get(
        url,
        headers={"if-none-match": first["ETag"], "if-modified-since": first["Last-Modified"]},
    )

    assert repeat.status_code == 200


def test_editing_an_item_marks_its_meeting_as_changed(client, meeting):
    first = client.get("/referater/2018-05-29/")

    AgendaItem.objects.filter(meeting=meeting).update(title="x")  # no signal: not noticed
    item = meeting.items.get()
    item.title = "Ny titel"
    item.save()  # a signal: noticed

    repeat = client.get("/referater/2018-05-29/", headers={"if-none-match": first["ETag"]})
    assert repeat.status_code == 200
    assert "Ny titel" in repeat.content.decode()


def test_unpublishing_or_deleting_a_meeting_changes_the_archive(client, meeting, make_meeting):
    other = make_meeting("2017-03-07")
    first = client.get("/referater/")

    other.unpublish()
    other.save()
    second = client.get("/referater/", headers={"if-none-match": first["ETag"]})
    assert second.status_code == 200
    assert "7. marts 2017" not in second.content.decode()

    # Another meeting is the latest change, so that deleting this one leaves no newer
    # `updated_at` behind: only the number of meetings can tell.
    later(meeting)
    third = client.get("/referater/")
    other.delete()
    fourth = client.get("/referater/", headers={"if-none-match": third["ETag"]})
    assert fourth.status_code == 200
    assert fourth["ETag"] != third["ETag"]


def test_conditional_request_for_an_unpublished_meeting_is_still_404(client, make_meeting):
    make_meeting("2018-05-29", published=False)
    future = "Fri, 01 Jan 2100 00:00:00 GMT"

    response = client.get("/referater/2018-05-29/", headers={"if-modified-since": future})

    assert response.status_code == 404


def test_logged_in_clerks_are_never_answered_from_cache(client, meeting, clerk):
    client.force_login(clerk)
    future = "Fri, 01 Jan 2100 00:00:00 GMT"

    for url in PAGES:
        response = client.get(url, headers={"if-modified-since": future, "if-none-match": "*"})
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
        assert not response.has_header("Last-Modified"), url


@pytest.mark.parametrize("choice", ["accepter", "afvis"])
def test_a_visitor_who_just_chose_gets_the_page_again_without_the_banner(client, meeting, choice):
    for path in ("/referater/", "/referater/2018-05-29/"):
        with_banner = client.get(path)
        assert elements(with_banner, class_="cookie-banner")

        client.post(f"/cookies/{choice}/", {"next": path})
        again = client.get(path, headers={"if-none-match": with_banner["ETag"]})

        assert again.status_code == 200
        assert not elements(again, class_="cookie-banner")
        client.cookies.clear()


def test_the_confirmation_of_a_new_choice_is_never_answered_with_a_304(client, meeting):
    client.post("/cookies/accepter/", {"next": "/"})
    client.get("/")  # the confirmation of the first choice is shown and gone
    for path in ("/referater/", "/referater/2018-05-29/"):
        plain = client.get(path)
        assert not elements(plain, class_="cookie-confirmation")

        client.post("/cookies/afvis/", {"next": path})
        again = client.get(path, headers={"if-none-match": plain["ETag"]})

        assert again.status_code == 200
        assert elements(again, class_="cookie-confirmation")
        assert again["ETag"] != plain["ETag"]


def test_a_browser_whose_cookies_were_cleared_never_gets_a_copy_with_a_stale_form_token(
    client, meeting
):
    for path in ("/referater/", "/referater/2018-05-29/", "/referater/soeg/"):
        client.cookies.clear()
        first = client.get(path)  # sets the csrftoken the banner's forms are made from
        cached = client.get(path)
        assert client.get(path, headers={"if-none-match": cached["ETag"]}).status_code == 304

        client.cookies.clear()  # the browser keeps its cache, not its cookies
        again = client.get(path, headers={"if-none-match": cached["ETag"]})

        assert first.status_code == 200
        assert again.status_code == 200, path
        assert "csrftoken" in again.cookies


def test_a_new_release_is_never_answered_with_a_stale_copy(client, meeting, settings):
    paths = ("/referater/", "/referater/2018/", "/referater/2018-05-29/", "/referater/rss/")
    before = {path: client.get(path) for path in paths}
    settings.RELEASE = "nyudgave"

    for path, first in before.items():
        again = client.get(path, headers={"if-none-match": first["ETag"]})
        assert again.status_code == 200, path
        assert again["ETag"] != first["ETag"], path


def test_a_new_release_renders_the_kept_meeting_lists_anew(client, meeting, settings):
    def kinds_listed():
        html = client.get("/referater/").content.decode()
        return re.findall(r'<span class="meeting-row__kind">(\w+)</span>', html)

    assert kinds_listed() == ["Referat"]
    meeting.refresh_from_db()
    # A change that bypasses the models (as a data migration in a release may) leaves the
    # meetings' freshness as it was, so the kept list is shown until the release changes.
    Meeting.objects.filter(pk=meeting.pk).update(kind="dagsorden", updated_at=meeting.updated_at)
    assert kinds_listed() == ["Referat"]

    settings.RELEASE = "nyudgave"

    assert kinds_listed() == ["Dagsorden"]
