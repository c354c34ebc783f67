"""The calendar: `kalender.ics` that calendar apps subscribe to and poll, and each meeting's own
`.ics` ("Føj til kalender"). Parsed with the same `icalendar` package that writes them."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.core.cache import caches
from django.utils import timezone
from django.utils.http import http_date
from pytest_django.asserts import assertContains, assertNotContains

from minutes.models import CALENDAR_PAST_MONTHS, Meeting, calendar_window_start
from tests.markup import element

pytestmark = pytest.mark.django_db

CALENDAR = "/referater/kalender.ics"
COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")


def today():
    return timezone.localdate()


def days(n):
    return today() + datetime.timedelta(days=n)


def last_july():
    """A summer day within the last twelve months (17:00 there is 15:00 in UTC)."""
    july = datetime.date(today().year, 7, 15)
    return july if july <= today() else july.replace(year=today().year - 1)


def calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events(response):
    return {str(event["UID"]): event for event in calendar(response).walk("VEVENT")}


def test_calendar_is_valid_icalendar_with_one_event_per_published_meeting(client, make_meeting):
    summer = make_meeting(last_july(), place="Rådhuset, mødelokale 1; 2. sal")
    all_day = make_meeting(days(20), start_time=None, kind=Meeting.Kind.AGENDA)
    make_meeting(days(-3), published=False)

    response = client.get(CALENDAR)

    assert response["Content-Disposition"] == 'inline; filename="almenboligudvalg-hvidovre.ics"'
    body = response.content.decode()
    # RFC 5545: CRLF line ends, lines folded at 75 octets.
    assert body.endswith("\r\n")
    assert "\n" not in body.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    parsed = calendar(response)
    assert parsed["VERSION"] == "2.0"
    assert parsed["PRODID"]
    assert parsed["X-WR-CALNAME"] == "Møder i Almenboligudvalg Hvidovre"
    assert parsed.decoded("REFRESH-INTERVAL") == datetime.timedelta(hours=12)
    by_uid = events(response)
    assert set(by_uid) == {summer.uid, all_day.uid}

    timed = by_uid[summer.uid]
    day = f"{summer.date:%Y%m%d}"
    assert timed.decoded("DTSTART") == datetime.datetime(
        summer.date.year, 7, 15, 15, 0, tzinfo=datetime.UTC
    )
    assert f"DTSTART:{day}T150000Z" in body  # 17:00 summer time in Copenhagen, in UTC
    assert timed.decoded("DURATION") == datetime.timedelta(hours=2)
    assert timed["SUMMARY"] == "Møde i Almenboligudvalg Hvidovre"
    assert timed["LOCATION"] == "Rådhuset, mødelokale 1; 2. sal"
    assert "LOCATION:Rådhuset\\, mødelokale 1\\; 2. sal" in body.replace("\r\n ", "")
    url = f"http://testserver/referater/{summer.date.isoformat()}/"
    assert timed["URL"] == url
    assert timed["DESCRIPTION"].startswith("Referat – Almenboligudvalg Hvidovre den 15. juli ")
    assert timed["DESCRIPTION"].endswith(f"\n{url}")
    assert timed.decoded("DTSTAMP").utcoffset() == datetime.timedelta(0)
    assert by_uid[all_day.uid].decoded("DTSTART") == all_day.date
    assert by_uid[all_day.uid].decoded("DURATION") == datetime.timedelta(days=1)
    assert by_uid[all_day.uid]["DESCRIPTION"].startswith("Dagsorden – ")


def test_calendar_holds_the_coming_meetings_and_the_last_twelve_months(client, make_meeting):
    first_day = calendar_window_start(today())
    too_old = make_meeting(first_day - datetime.timedelta(days=1))
    oldest = make_meeting(first_day)
    todays = make_meeting(today())
    far_ahead = make_meeting(days(400), kind=Meeting.Kind.AGENDA)
    make_meeting("2010-06-01")

    by_uid = events(client.get(CALENDAR))

    months_back = (today().year - first_day.year) * 12 + today().month - first_day.month
    assert months_back == CALENDAR_PAST_MONTHS == 12
    assert set(by_uid) == {oldest.uid, todays.uid, far_ahead.uid}
    assert too_old.uid not in by_uid


@pytest.mark.parametrize(
    ("today_", "first_day"),
    [
        ("2026-11-26", "2025-11-26"),
        ("2024-02-29", "2023-02-28"),  # no 29 February a year before: the last day of February
        ("2026-01-01", "2025-01-01"),
        ("2025-03-31", "2024-03-31"),
    ],
)
def test_the_window_starts_the_same_day_twelve_months_earlier(today_, first_day):
    start = calendar_window_start(datetime.date.fromisoformat(today_))
    assert start == datetime.date.fromisoformat(first_day)


def test_calendar_uid_stays_when_the_date_is_corrected(client, make_meeting):
    meeting = make_meeting(days(10))
    uid = meeting.uid
    meeting.date = days(11)
    meeting.save()

    (event,) = calendar(client.get(CALENDAR)).walk("VEVENT")
    own = calendar(client.get(f"/referater/{days(11).isoformat()}/kalender.ics"))

    assert event["UID"] == uid == f"meeting-{meeting.pk}@almenbolig-hvidovre"
    assert [str(e["UID"]) for e in own.walk("VEVENT")] == [uid]
    start = datetime.datetime.combine(days(11), datetime.time(17), tzinfo=COPENHAGEN)
    assert event.decoded("DTSTART") == start.astimezone(datetime.UTC)


def test_calendar_keeps_long_danish_text_whole_across_folded_lines(client, make_meeting):
    place = "Rådhuset, mødelokale på første sal ved siden af kantinen – følg skiltene " * 2
    make_meeting(days(-5), place=place.strip())

    response = client.get(CALENDAR)

    lines = response.content.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    # Every folded line is whole UTF-8: no Danish letter is cut in two.
    assert all(line.decode("utf-8") is not None for line in lines)
    (event,) = calendar(response).walk("VEVENT")
    assert event["LOCATION"] == place.strip()


def test_calendar_of_a_busy_committee_stays_small(client, committee):
    """Three years of weekly meetings and a year of agendas ahead: a year's worth of events."""
    now = timezone.now()
    Meeting.objects.bulk_create(
        Meeting(
            committee=committee,
            date=days(7 * n),
            start_time=datetime.time(17),
            place="Rådhuset, mødelokale 1",
            is_published=True,
            first_published_at=now,
            kind=Meeting.Kind.AGENDA if n > 0 else Meeting.Kind.MINUTES,
        )
        for n in range(-3 * 52, 53)
    )

    response = client.get(CALENDAR)

    found = calendar(response).walk("VEVENT")
    assert 52 + 53 <= len(found) <= 53 + 53
    assert len(response.content) < 60 * 1024
    assert len(response.content) / len(found) < 600


def test_unpublishing_takes_a_meeting_off_the_calendar(client, make_meeting):
    meeting = make_meeting(days(-30))
    assert meeting.uid in events(client.get(CALENDAR))

    meeting.unpublish()
    meeting.save()

    assert events(client.get(CALENDAR)) == {}


# Polling -----------------------------------------------------------------------------------------


def test_a_poll_is_answered_from_the_rendered_calendar_with_one_query(
    client, make_meeting, django_assert_num_queries
):
    make_meeting(days(-30))
    first = client.get(CALENDAR)

    # A calendar app: no cookies, no validators of its own.
    with django_assert_num_queries(1):  # how fresh the meetings are, nothing more
        again = client.get(CALENDAR)
    added = make_meeting(days(14), kind=Meeting.Kind.AGENDA)
    renewed = client.get(CALENDAR)

    assert again.content == first.content
    assert added.uid not in events(first)
    assert added.uid in events(renewed)


def test_a_repeat_poll_gets_304_for_one_query(client, make_meeting, django_assert_num_queries):
    make_meeting(days(-30))
    first = client.get(CALENDAR)
    assert "no-cache" in first["Cache-Control"]
    assert first["ETag"].startswith('W/"kalender-')

    with django_assert_num_queries(1):
        by_etag = client.get(CALENDAR, headers={"if-none-match": first["ETag"]})
    by_date = client.get(CALENDAR, headers={"if-modified-since": first["Last-Modified"]})

    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_date.status_code == 304


def test_the_calendar_counts_as_modified_at_midnight_when_its_window_moves(client, make_meeting):
    meeting = make_meeting(days(-30))
    long_ago = timezone.now() - datetime.timedelta(days=3)
    Meeting.objects.filter(pk=meeting.pk).update(updated_at=long_ago)

    response = client.get(CALENDAR)
    yesterday_poll = client.get(
        CALENDAR, headers={"if-modified-since": http_date(long_ago.timestamp())}
    )

    midnight = datetime.datetime.combine(today(), datetime.time(), tzinfo=COPENHAGEN)
    assert response["Last-Modified"] == http_date(midnight.timestamp())
    assert yesterday_poll.status_code == 200


def test_a_change_to_a_meeting_gives_a_new_calendar(client, make_meeting):
    meeting = make_meeting(days(-30), place="Rådhuset")
    first = client.get(CALENDAR)

    meeting.place = "Medborgerhuset"
    meeting.save()
    repeat = client.get(
        CALENDAR,
        headers={"if-none-match": first["ETag"], "if-modified-since": first["Last-Modified"]},
    )

    assert repeat.status_code == 200
    assert events(repeat)[meeting.uid]["LOCATION"] == "Medborgerhuset"


def test_each_host_gets_its_own_links(client, make_meeting, settings):
    settings.ALLOWED_HOSTS = ["testserver", "referater.example"]
    meeting = make_meeting(days(-30))

    client.get(CALENDAR)
    other = events(client.get(CALENDAR, headers={"host": "referater.example"}))

    assert other[meeting.uid]["URL"] == f"http://referater.example{meeting.get_absolute_url()}"


def test_calendar_costs_the_same_with_1_and_100_meetings_in_it(
    client, make_meeting, committee, django_assert_num_queries
):
    make_meeting(days(-30))
    client.get(CALENDAR)
    caches["fragments"].clear()
    with django_assert_num_queries(2):  # validators, the meetings with their committee
        client.get(CALENDAR)

    Meeting.objects.bulk_create(
        Meeting(committee=committee, date=days(n), is_published=True)
        for n in range(-90, 11)
        if n != -30
    )
    caches["fragments"].clear()

    with django_assert_num_queries(2):
        response = client.get(CALENDAR)
    assert len(calendar(response).walk("VEVENT")) == 101


# One meeting's own file ----------------------------------------------------------------------


def test_each_meeting_has_its_own_ics_whatever_its_age(client, make_meeting):
    meeting = make_meeting("2018-05-29")

    response = client.get("/referater/2018-05-29/kalender.ics")

    assert response["Content-Disposition"] == (
        'inline; filename="almenboligudvalg-hvidovre-2018-05-29.ics"'
    )
    parsed = calendar(response)
    # One event to add to the user's own calendar, not a calendar of its own to subscribe to.
    assert "X-WR-CALNAME" not in parsed
    (event,) = parsed.walk("VEVENT")
    assert event["UID"] == meeting.uid
    assert event.decoded("DTSTART") == datetime.datetime(2018, 5, 29, 15, tzinfo=datetime.UTC)
    assert event["URL"] == "http://testserver/referater/2018-05-29/"


def test_a_draft_has_no_ics_not_even_for_a_clerk(client, make_meeting, clerk):
    make_meeting(days(5), published=False)
    url = f"/referater/{days(5).isoformat()}/kalender.ics"

    assert client.get(url).status_code == 404
    client.force_login(clerk)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    ["/referater/2018-06-12/kalender.ics", "/referater/2018-02-30/kalender.ics"],
)
def test_an_ics_for_a_day_without_a_meeting_is_404(client, make_meeting, url):
    make_meeting("2018-05-29")
    assert client.get(url).status_code == 404


def test_the_ics_of_a_corrected_date_moves_with_the_meeting(client, make_meeting):
    meeting = make_meeting("2018-05-29")
    meeting.date = datetime.date(2018, 5, 30)
    meeting.save()

    response = client.get("/referater/2018-05-29/kalender.ics")

    assert response.status_code == 301
    assert response["Location"] == "/referater/2018-05-30/kalender.ics"


def test_a_meeting_ics_is_kept_costs_one_query_and_answers_304(
    client, make_meeting, django_assert_num_queries
):
    make_meeting("2018-05-29")
    url = "/referater/2018-05-29/kalender.ics"
    client.get(url)
    # The validators' look at the meeting; the file itself is kept (minutes.page_cache).
    with django_assert_num_queries(1):
        first = client.get(url)

    repeat = client.get(url, headers={"if-none-match": first["ETag"]})

    assert repeat.status_code == 304


# Where people find them ------------------------------------------------------------------------


def test_meeting_page_offers_its_own_ics(client, make_meeting):
    make_meeting("2018-05-29")

    response = client.get("/referater/2018-05-29/")

    assertContains(
        response,
        '<a href="/referater/2018-05-29/kalender.ics" type="text/calendar">Føj til kalender</a>',
        html=True,
    )


def test_a_preview_offers_no_ics(client, make_meeting, clerk):
    make_meeting("2018-05-29", published=False)
    client.force_login(clerk)

    response = client.get("/referater/2018-05-29/")

    assert response.status_code == 200
    assertNotContains(response, "Føj til kalender")


@pytest.mark.parametrize("secure", [False, True])
def test_archive_offers_a_webcal_subscription_beside_the_file(client, make_meeting, secure):
    make_meeting("2018-05-29")

    response = client.get("/referater/", secure=secure)

    follow = str(element(response, "aside", class_="follow"))
    assertContains(
        response,
        '<a href="webcal://testserver/referater/kalender.ics">'
        "Abonnér på møderne i din kalender</a>",
        html=True,
    )
    assertContains(
        response,
        '<a href="/referater/kalender.ics" type="text/calendar">hent kalenderfilen (iCalendar)</a>',
        html=True,
    )
    assert "webcal://testserver/referater/kalender.ics" in follow
