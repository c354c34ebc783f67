"""Every public page costs the same number of queries with 1 or 200 meetings (or 30 items).

Other middleware (cookie consent, statistics) adds queries of its own; each page is requested
twice before measuring so that theirs are in a steady state, and the minutes' own queries are
also counted exactly.
"""

import datetime
import re

import pytest
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pytest_django.asserts import assertContains

from committee.models import Member
from minutes import changesets
from minutes.demo import make_pdf
from minutes.models import AgendaItem, Attachment, Meeting, Participant, SearchEntry, Vote
from tests.markup import elements

pytestmark = pytest.mark.django_db

OWN_TABLES = ("minutes_", "committee_")


def count_queries(client, url):
    # Warm up other apps' per-visitor and per-path state (statistics rows, caches): the first
    # page tells the visitor about cookies and counts nothing, the second is their first count.
    client.get(url)
    client.get(url)
    cold_lists()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    own = [q["sql"] for q in captured.captured_queries if any(t in q["sql"] for t in OWN_TABLES)]
    return len(captured), len(own)


def cold_lists():
    """Forget rendered meeting lists and pages (both in this cache), to count a first render."""
    caches["fragments"].clear()


def add_meetings(committee, count):
    now = timezone.now()
    Meeting.objects.bulk_create(
        Meeting(
            committee=committee,
            date=datetime.date(2000, 1, 4) + datetime.timedelta(weeks=n),
            is_published=True,
            first_published_at=now,
            remarks="Kaffe.",
            place="Rådhuset",
            start_time=datetime.time(17),
        )
        for n in range(count)
    )
    SearchEntry.objects.bulk_create(
        SearchEntry(
            meeting=meeting,
            meeting_date=meeting.date,
            kind=SearchEntry.Kind.MEETING,
            title="Referat",
            body="Kaffe.",
        )
        for meeting in Meeting.objects.filter(date__lt="2018-01-01")
    )


@pytest.mark.parametrize(
    ("url", "own_queries"),
    [
        ("/referater/", 5),  # validators, years, count, page, the page's items
        ("/referater/2018/", 5),  # validators, years, count, page, the page's items
        # validators, years (filter), every matching meeting in order (counted from that list),
        # the page's hits; on PostgreSQL also the snippets of the hits shown (ts_headline)
        ("/referater/soeg/?q=kaffe", 4 + (connection.vendor == "postgresql")),
        ("/referater/rss/", 3),  # validators, meetings, their items
        ("/referater/kalender.ics", 2),  # validators, meetings
        # validators (meetings, committee), committee, tasks, members, latest minutes, their items
        ("/", 7),
    ],
)
def test_list_pages_cost_the_same_with_1_and_200_meetings(
    client, make_meeting, committee, django_assert_num_queries, url, own_queries
):
    make_meeting("2018-05-29", remarks="Kaffe.", items=[{"title": "Punkt"}])
    total, own = count_queries(client, url)
    assert own == own_queries

    add_meetings(committee, 199)
    cold_lists()

    with django_assert_num_queries(total):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", ["/referater/", "/referater/2018/"])
def test_rendered_meeting_lists_are_reused_until_a_meeting_changes(
    client, make_meeting, url, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the pages are rendered each time, their lists are kept
    make_meeting("2018-05-29")
    cold_total, _ = count_queries(client, url)
    with CaptureQueriesContext(connection) as warm:
        client.get(url)

    later = make_meeting("2018-06-26")

    # The meetings of the page and their items are not fetched again.
    assert len(warm) == cold_total - 2
    row_link = f'<a class="meeting-row__date" href="{later.get_absolute_url()}">'
    assertContains(client.get(url), f"{row_link}Tirsdag den 26. juni 2018</a>", html=True)


def test_sitemap_costs_the_same_with_1_and_200_meetings(
    client, make_meeting, committee, django_assert_num_queries
):
    make_meeting("2018-05-29")
    total, _ = count_queries(client, "/sitemap.xml")

    add_meetings(committee, 199)

    with django_assert_num_queries(total):
        assert client.get("/sitemap.xml").status_code == 200


def fill(meeting, committee, items):
    member = Member.objects.create(committee=committee, name="Helle", party="A")
    for n in range(items):
        Participant.objects.create(meeting=meeting, member=member if n % 2 else None, name=f"P{n}")
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, number=n, title=f"Punkt {n}", decision="Godkendt.")
        for n in range(1, items + 1)
    )
    pdf = make_pdf("Bilag")
    for item in meeting.items.all():
        Attachment.objects.create(
            item=item, title="Bilag", file=SimpleUploadedFile("b.pdf", pdf, "application/pdf")
        )
        Vote.objects.create(item=item, party="A", position=Vote.Position.FOR)
        Vote.objects.create(item=item, party="V", position=Vote.Position.AGAINST)


def test_meeting_page_costs_the_same_with_1_and_30_items(
    client, make_meeting, committee, django_assert_num_queries
):
    small = make_meeting("2018-05-29")
    fill(small, committee, 1)
    large = make_meeting("2018-06-12")
    fill(large, committee, 30)

    total, own = count_queries(client, small.get_absolute_url())
    # validators, meeting + committee, participants + members, items, attachments, votes
    assert own == 6

    client.get(large.get_absolute_url())
    cold_lists()  # the page as rendered, not as kept
    with django_assert_num_queries(total):
        response = client.get(large.get_absolute_url())
    assertContains(response, '<h2 id="punkt-30-titel">30. Punkt 30</h2>', html=True)
    attachment_lists = elements(response, "ul", class_="attachments")
    assert sum(len(elements(files, "a")) for files in attachment_lists) == 30


def test_pdf_costs_two_queries(client, make_meeting, pdf_file):
    meeting = make_meeting("2018-05-29")
    meeting.minutes_pdf = pdf_file("Referat")
    meeting.save()

    _, own = count_queries(client, meeting.get_pdf_url())

    assert own == 2  # validators, meeting


def test_archive_fetches_only_the_columns_a_row_needs(client, make_meeting):
    make_meeting("2018-05-29", remarks="Lang tekst " * 1000)

    client.get("/referater/")
    cold_lists()
    with CaptureQueriesContext(connection) as captured:
        client.get("/referater/")

    listing = [q["sql"] for q in captured.captured_queries if "LIMIT" in q["sql"]]
    assert listing
    assert all('"remarks"' not in sql and '"minutes_pdf_text"' not in sql for sql in listing)


def corrected_meeting(make_meeting, date, corrections=1):
    """A published meeting with an item, an attachment, a vote and a participant, corrected."""
    with changesets.change_set():
        meeting = make_meeting(date, items=[{"title": "Punkt", "decision": "Godkendt."}])
        item = meeting.items.get()
        Attachment.objects.create(
            item=item, title="Bilag", file=SimpleUploadedFile("b.pdf", make_pdf("B"))
        )
        Vote.objects.create(item=item, party="A", position=Vote.Position.FOR)
        Participant.objects.create(meeting=meeting, name="Helle", party="A")
    for n in range(corrections):
        with changesets.change_set(reason=f"Rettelse {n}"):
            item.decision = f"Godkendt, {n}. gang."
            item.save()
            attachment = item.attachments.get()
            attachment.file = SimpleUploadedFile("b.pdf", make_pdf(f"B{n}"))
            attachment.save()
    return meeting


@pytest.mark.parametrize(
    ("url", "own_queries"),
    [
        # validators, corrected meetings, their history: meetings, items, participants (with
        # members), attachments, votes
        ("/referater/rettelser/", 7),
        ("/referater/rettelser/rss/", 7),
        # validators, the meeting, its history (five tables)
        ("/referater/2018-05-29/rettelser/", 7),
    ],
)
def test_corrections_pages_cost_the_same_with_1_and_30_corrected_meetings(
    client, make_meeting, django_assert_num_queries, url, own_queries
):
    corrected_meeting(make_meeting, "2018-05-29")
    total, own = count_queries(client, url)
    assert own == own_queries

    for n in range(29):
        corrected_meeting(make_meeting, datetime.date(2019, 1, 1) + datetime.timedelta(weeks=n), 3)
    cold_lists()

    with django_assert_num_queries(total):
        assert client.get(url).status_code == 200


def test_an_earlier_file_of_a_correction_costs_a_fixed_number_of_queries(client, make_meeting):
    meeting = corrected_meeting(make_meeting, "2018-05-29", corrections=5)
    page = client.get("/referater/2018-05-29/rettelser/").content.decode()
    url = re.search(r'href="(/referater/2018-05-29/rettelser/bilag-\d+\.pdf)"', page).group(1)

    _, own = count_queries(client, url)

    assert own == 7  # validators, the meeting, its history
    assert meeting.history.exists()


@pytest.mark.parametrize("url", ["/referater/", "/referater/2000/", "/"])
def test_rows_with_their_item_titles_cost_the_same_with_1_and_200_meetings(
    client, make_meeting, committee, django_assert_num_queries, url
):
    make_meeting("2000-01-03", items=[{"title": "Punkt"}, {"title": "Lukket", "is_closed": True}])
    total, _ = count_queries(client, url)

    add_meetings(committee, 199)
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, number=n, title=f"Punkt {n}", is_closed=n == 2)
        for meeting in Meeting.objects.exclude(date="2000-01-03")
        for n in range(1, 6)
    )
    cold_lists()

    with django_assert_num_queries(total):
        response = client.get(url)
    assert len(elements(response, "ol", class_="meeting-row__items")) > 1
