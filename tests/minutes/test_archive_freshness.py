"""The archive's freshness (latest change, number of meetings) keys every list page, feed and kept
page. At a whole archive's size counting it costs more than serving a kept page, so it is kept
for a moment, and forgotten the moment a clerk changes anything."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from minutes.models import AgendaItem, Meeting

ARCHIVE = "/referater/"


@pytest.fixture
def kept(settings):
    settings.ARCHIVE_FRESHNESS_SECONDS = 60


def freshness_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in captured if 'MAX("minutes_meeting"."updated_at")' in q["sql"]]


def test_the_archive_is_counted_once_for_many_requests(client, kept, make_meeting):
    make_meeting("2018-05-29", items=[{"title": "Helhedsplan for Avedøre Stationsby"}])

    assert len(freshness_queries(client, ARCHIVE)) == 1
    assert freshness_queries(client, ARCHIVE) == []
    assert freshness_queries(client, "/referater/rss/") == []
    assert freshness_queries(client, "/referater/2018/") == []


def test_counting_on_every_request_when_turned_off(client, settings, make_meeting):
    settings.ARCHIVE_FRESHNESS_SECONDS = 0
    make_meeting("2018-05-29")

    assert len(freshness_queries(client, ARCHIVE)) == 1
    assert len(freshness_queries(client, ARCHIVE)) == 1


def test_a_new_meeting_shows_at_once(client, kept, make_meeting):
    make_meeting("2018-05-29")
    client.get(ARCHIVE)

    make_meeting("2018-06-26", items=[{"title": "Udlejning af ungdomsboliger"}])

    page = client.get(ARCHIVE).content.decode()
    assert "/referater/2018-06-26/" in page
    assert "Udlejning af ungdomsboliger" in page


def test_a_changed_item_shows_at_once(client, kept, make_meeting):
    meeting = make_meeting("2018-05-29", items=[{"title": "Budget 2019"}])
    assert "Budget 2019" in client.get(ARCHIVE).content.decode()

    item = AgendaItem.objects.get(meeting=meeting)
    item.title = "Budget 2019 for boligorganisationerne"
    item.save()

    assert "Budget 2019 for boligorganisationerne" in client.get(ARCHIVE).content.decode()


def test_a_deleted_or_unpublished_meeting_goes_at_once(client, kept, make_meeting):
    make_meeting("2018-05-29")
    make_meeting("2018-06-26")
    make_meeting("2018-08-21")
    assert "/referater/2018-06-26/" in client.get(ARCHIVE).content.decode()

    Meeting.objects.get(date="2018-06-26").delete()
    assert "/referater/2018-06-26/" not in client.get(ARCHIVE).content.decode()

    meeting = Meeting.objects.get(date="2018-05-29")
    meeting.is_published = False
    meeting.save()
    assert "/referater/2018-05-29/" not in client.get(ARCHIVE).content.decode()
