"""The archive's freshness (latest change, number of meetings) keys every list page, feed and kept
page. At a whole archive's size counting it costs more than serving a kept page, so it is kept
for a moment, and forgotten the moment a clerk changes anything."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains

from minutes.models import AgendaItem, Meeting
from tests.support.servers import use_redis

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


# A meeting's page: which meeting its date shows, and when that meeting last changed, is kept under
# the archive's version, so a kept page costs no query at all while nothing changes.

MEETING = "/referater/2018-05-29/"


@pytest.fixture(params=["local memory", "redis"])
def kept_in(request, kept, settings):
    """Kept in each process's own memory, or in Redis as production keeps it (where a kept None
    must still be told apart from nothing kept)."""
    if request.param == "redis":
        use_redis(settings, request.getfixturevalue("redis_server").url)
    return request.param


def returning_visitor():
    """A browser that refused statistics earlier: no banner, nothing counted."""
    client = Client()
    client.cookies["cookie_consent"] = "statistik=-1"
    return client


def test_a_kept_meeting_page_costs_no_query(kept_in, make_meeting, django_assert_num_queries):
    make_meeting("2018-05-29", items=[{"title": "Helhedsplan for Avedøre Stationsby"}])
    first = returning_visitor()
    first.get(MEETING)
    first.get(MEETING)  # the consent's cookie groups are in the cache from here on

    with django_assert_num_queries(0):
        page = returning_visitor().get(MEETING)

    assert not page.templates
    assertContains(page, "Helhedsplan for Avedøre Stationsby")


def test_a_kept_meeting_answers_304_without_a_query(kept, make_meeting, django_assert_num_queries):
    make_meeting("2018-05-29")
    visitor = returning_visitor()
    etag = visitor.get(MEETING)["ETag"]
    visitor.get(MEETING)

    with django_assert_num_queries(0):
        again = visitor.get(MEETING, headers={"if-none-match": etag})

    assert again.status_code == 304


def test_an_edited_meeting_shows_at_once(kept, make_meeting):
    meeting = make_meeting("2018-05-29", items=[{"title": "Budget 2019"}])
    visitor = returning_visitor()
    etag = visitor.get(MEETING)["ETag"]
    assert not returning_visitor().get(MEETING).templates

    item = AgendaItem.objects.get(meeting=meeting)
    item.title = "Budget 2019 for boligorganisationerne"
    item.save()

    changed = visitor.get(MEETING, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed.templates
    assertContains(changed, "Budget 2019 for boligorganisationerne")
    assert changed["ETag"] != etag


def test_an_unpublished_meeting_goes_at_once(kept, make_meeting):
    meeting = make_meeting("2018-05-29")
    returning_visitor().get(MEETING)
    assert returning_visitor().get(MEETING).status_code == 200

    meeting.is_published = False
    meeting.save()

    assert returning_visitor().get(MEETING).status_code == 404


def test_a_date_without_a_meeting_is_kept_as_such_until_one_is_published(kept_in, make_meeting):
    make_meeting("2018-06-26")
    unpublished = make_meeting("2018-05-29", published=False, items=[{"title": "Budget 2019"}])
    for _ in range(2):
        assert returning_visitor().get(MEETING).status_code == 404
    with CaptureQueriesContext(connection) as captured:
        assert returning_visitor().get(MEETING).status_code == 404
    # Only the view itself still asks, to say 404: for the meeting, then for an old date that now
    # points elsewhere (find_meeting). The validators no longer do.
    assert [q["sql"].split(" FROM ")[1].split()[0] for q in captured] == [
        '"minutes_meeting"',
        '"minutes_meetingredirect"',
    ]

    unpublished.publish()
    unpublished.save()

    page = returning_visitor().get(MEETING)
    assert page.status_code == 200
    assertContains(page, "Budget 2019")


# The committee page: its own content's freshness is kept the same way -----------------------


def test_a_kept_committee_page_costs_no_query(kept_in, committee, django_assert_num_queries):
    first = returning_visitor()
    first.get("/")
    first.get("/")  # the consent's cookie groups are in the cache from here on

    with django_assert_num_queries(0):
        page = returning_visitor().get("/")

    assert not page.templates
    assertContains(page, "Udvalgets opgaver")


def test_a_new_member_and_a_changed_history_show_at_once(kept_in, committee):
    returning_visitor().get("/")

    committee.members.create(name="Mette Frederiksen-Hansen", party="A")
    assertContains(returning_visitor().get("/"), "Mette Frederiksen-Hansen")

    committee.history = "Udvalget blev nedsat i en ny form."
    committee.save()
    assertContains(returning_visitor().get("/"), "Udvalget blev nedsat i en ny form.")
