import datetime
import xml.etree.ElementTree as ET

import icalendar
import pytest
from django.utils import timezone

from minutes.models import Meeting

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_rss_feed_lists_published_minutes_with_open_item_titles(client, make_meeting):
    meeting = make_meeting(
        "2018-05-29",
        items=[{"title": "Helhedsplan"}, {"title": "Hemmeligt salg", "is_closed": True}],
    )
    make_meeting("2018-06-12", published=False)
    Meeting.objects.filter(pk=meeting.pk).update(
        first_published_at=timezone.make_aware(datetime.datetime(2018, 6, 1, 9, 0))
    )

    response = client.get("/referater/rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Referater fra Almenboligudvalg Hvidovre"
    assert channel.findtext("language") == "da"
    (item,) = channel.findall("item")
    assert item.findtext("title") == "Referat – Almenboligudvalg Hvidovre den 29. maj 2018"
    assert item.findtext("link") == "http://testserver/referater/2018-05-29/"
    assert item.findtext("pubDate") == "Fri, 01 Jun 2018 07:00:00 +0000"
    assert item.findtext("guid") == f"meeting-{meeting.pk}@almenbolig-hvidovre"
    description = item.findtext("description")
    assert '<li value="1">Helhedsplan</li>' in description
    assert "Hemmeligt" not in description
    assert "Lukket" not in description


def test_feed_is_newest_publication_first(client, make_meeting):
    older = make_meeting("2019-01-08")
    newer = make_meeting("2018-05-29")
    Meeting.objects.filter(pk=older.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=2)
    )

    channel = ET.fromstring(client.get("/referater/rss/").content).find("channel")

    links = [item.findtext("link") for item in channel.findall("item")]
    assert links == [
        "http://testserver" + newer.get_absolute_url(),
        "http://testserver" + older.get_absolute_url(),
    ]


def calendar(response):
    assert response.status_code == 200
    return icalendar.Calendar.from_ical(response.content)


def test_calendar_is_valid_icalendar_with_one_event_per_published_meeting(client, make_meeting):
    first = make_meeting("2018-05-29", place="Rådhuset, mødelokale 1; 2. sal")
    all_day = make_meeting("2018-12-04", start_time=None)
    make_meeting("2019-01-08", published=False)

    response = client.get("/referater/kalender.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
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
    by_uid = {str(event["UID"]): event for event in parsed.walk("VEVENT")}
    assert set(by_uid) == {first.uid, all_day.uid}

    timed = by_uid[first.uid]
    assert timed.decoded("DTSTART") == datetime.datetime(2018, 5, 29, 15, 0, tzinfo=datetime.UTC)
    assert "DTSTART:20180529T150000Z" in body  # 17:00 summer time in Copenhagen, in UTC
    assert timed.decoded("DURATION") == datetime.timedelta(hours=2)
    assert timed["SUMMARY"] == "Møde i Almenboligudvalg Hvidovre"
    assert timed["LOCATION"] == "Rådhuset, mødelokale 1; 2. sal"
    assert "LOCATION:Rådhuset\\, mødelokale 1\\; 2. sal" in body.replace("\r\n ", "")
    assert timed["URL"] == "http://testserver/referater/2018-05-29/"
    assert timed["DESCRIPTION"] == (
        "Referat – Almenboligudvalg Hvidovre den 29. maj 2018\n"
        "http://testserver/referater/2018-05-29/"
    )
    assert timed.decoded("DTSTAMP").utcoffset() == datetime.timedelta(0)
    assert by_uid[all_day.uid].decoded("DTSTART") == datetime.date(2018, 12, 4)
    assert by_uid[all_day.uid].decoded("DURATION") == datetime.timedelta(days=1)


def test_calendar_uid_stays_when_the_date_is_corrected(client, make_meeting):
    meeting = make_meeting("2018-05-29")
    uid = meeting.uid
    meeting.date = datetime.date(2018, 5, 30)
    meeting.save()

    (event,) = calendar(client.get("/referater/kalender.ics")).walk("VEVENT")

    assert event["UID"] == uid == f"meeting-{meeting.pk}@almenbolig-hvidovre"
    assert event.decoded("DTSTART") == datetime.datetime(2018, 5, 30, 15, 0, tzinfo=datetime.UTC)


def test_calendar_keeps_long_danish_text_whole_across_folded_lines(client, make_meeting):
    place = "Rådhuset, mødelokale på første sal ved siden af kantinen – følg skiltene " * 2
    make_meeting("2018-05-29", place=place.strip())

    response = client.get("/referater/kalender.ics")

    lines = response.content.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    # Every folded line is whole UTF-8: no Danish letter is cut in two.
    assert all(line.decode("utf-8") is not None for line in lines)
    (event,) = calendar(response).walk("VEVENT")
    assert event["LOCATION"] == place.strip()


def test_sitemap_lists_archive_years_and_published_meetings(client, make_meeting):
    meeting = make_meeting("2018-05-29")
    make_meeting("2017-03-07")
    make_meeting("2016-05-31", published=False)

    response = client.get("/sitemap.xml")

    root = ET.fromstring(response.content)
    entries = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.findall(f"{SITEMAP}url")
    }
    for path in ("/referater/", "/referater/2018/", "/referater/2017/", "/referater/2018-05-29/"):
        assert f"http://testserver{path}" in entries, path
    assert "http://testserver/referater/2016/" not in entries
    assert "http://testserver/referater/2016-05-31/" not in entries
    meeting.refresh_from_db()
    assert entries["http://testserver/referater/2018-05-29/"] == (
        timezone.localtime(meeting.updated_at).strftime("%Y-%m-%d")
    )


def test_feed_is_rendered_once_and_renewed_when_minutes_are_published(
    client, make_meeting, django_assert_max_num_queries
):
    make_meeting("2018-05-29", items=[{"title": "Helhedsplan"}])
    first = client.get("/referater/rss/")

    with django_assert_max_num_queries(1):  # how fresh the meetings are, nothing more
        again = client.get("/referater/rss/")
    make_meeting("2018-06-26", items=[{"title": "Udlejningsaftale"}])
    renewed = client.get("/referater/rss/")

    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert "Udlejningsaftale" not in first.content.decode()
    assert "Udlejningsaftale" in renewed.content.decode()
