import datetime
import xml.etree.ElementTree as ET

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
