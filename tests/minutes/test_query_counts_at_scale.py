"""Every public page costs the same number of queries with 2,000 meetings as with one, on
PostgreSQL, the database the archive runs on (the test at 200 meetings, in test_query_counts,
runs on both). The 2,000 meetings go in with bulk_create: five years of a meeting a day, so that
the year page, the calendar's year and the search hits are all full."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from minutes.models import AgendaItem, Meeting, SearchEntry
from tests.minutes.test_query_counts import cold_lists, count_queries

pytestmark = pytest.mark.django_db

ARCHIVE = 2_000


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("the archive runs on PostgreSQL; run with DATABASE_URL=postgres://…")


def add_archive(committee, first, count):
    """`count` published meetings on the days before `first`, each with three items and their
    search entries, in a handful of queries."""
    now = timezone.now()
    meetings = Meeting.objects.bulk_create(
        Meeting(
            committee=committee,
            date=first - datetime.timedelta(days=n),
            start_time=datetime.time(17),
            place="Rådhuset, mødelokale 1",
            remarks="Kaffe og kage.",
            is_published=True,
            first_published_at=now,
        )
        for n in range(1, count + 1)
    )
    items = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            number=number,
            title=f"Helhedsplan for afdeling {number}",
            decision="Godkendt.",
            is_closed=number == 3,
        )
        for meeting in meetings
        for number in (1, 2, 3)
    )
    SearchEntry.objects.bulk_create(
        [
            *(
                SearchEntry(
                    meeting=m,
                    meeting_date=m.date,
                    kind=SearchEntry.Kind.MEETING,
                    title="",
                    body=m.remarks,
                )
                for m in meetings
            ),
            *(
                SearchEntry(
                    meeting_id=item.meeting_id,
                    meeting_date=item.meeting.date,
                    item=item,
                    kind=SearchEntry.Kind.ITEM,
                    title=item.title,
                    body="Kaffe til mødet. Godkendt.",
                )
                for item in items
                if not item.is_closed
            ),
        ]
    )


def test_every_page_costs_the_same_with_1_and_2000_meetings(
    postgresql, client, make_meeting, committee, django_assert_num_queries
):
    first = timezone.localdate() - datetime.timedelta(days=3)
    meeting = make_meeting(
        first,
        remarks="Kaffe.",
        items=[
            {"title": "Helhedsplan", "decision": "Kaffe til mødet. Godkendt."},
            {"title": "Udlejning"},
        ],
    )
    pages = [
        "/",
        "/referater/",
        f"/referater/{first.year}/",
        meeting.get_absolute_url(),
        "/referater/soeg/?q=kaffe",
        "/referater/rss/",
        "/referater/kalender.ics",
        f"{meeting.get_absolute_url()}kalender.ics",
    ]
    at_one = {page: count_queries(client, page)[0] for page in pages}

    add_archive(committee, first, ARCHIVE - 1)
    assert Meeting.objects.published().count() == ARCHIVE

    for page in pages:
        cold_lists()
        with django_assert_num_queries(at_one[page]):
            response = client.get(page)
        assert response.status_code == 200, page
    calendar = client.get("/referater/kalender.ics").content.decode()
    assert calendar.count("BEGIN:VEVENT") > 300  # the year's meetings, not the 2,000
