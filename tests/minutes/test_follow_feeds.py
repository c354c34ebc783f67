"""Following without an account: a feed per search, and new agendas and new minutes each in a
feed of their own, advertised on the pages and in the "Følg med" box."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import caches
from django.db import connection
from django.utils import timezone

from minutes import changesets
from minutes.models import Meeting, RecordKind
from tests.markup import attribute, element, elements

pytestmark = pytest.mark.django_db


def channel(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).find("channel")


def entries(response):
    return [
        (item.findtext("title"), item.findtext("link").removeprefix("http://testserver"))
        for item in channel(response).findall("item")
    ]


def published(meeting, days_ago):
    Meeting.objects.filter(pk=meeting.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=days_ago)
    )


@pytest.fixture
def minutes_with_a_plan(make_meeting):
    older = make_meeting(
        "2018-05-29",
        items=[
            {"title": "Godkendelse af dagsorden"},
            {"title": "Boligsocial helhedsplan for Friheden", "decision": "Anbefalet."},
            {"title": "Helhedsplan for Avedøre Stationsby", "is_closed": True},
        ],
    )
    newer = make_meeting(
        "2018-09-11",
        items=[{"title": "Opfølgning på helhedsplanen", "decision_theme": "Status på planen."}],
    )
    make_meeting("2018-10-09", published=False, items=[{"title": "Ny helhedsplan (kladde)"}])
    published(older, 30)
    published(newer, 2)
    return older, newer


def test_a_search_feed_lists_what_the_search_finds_newest_first(client, minutes_with_a_plan):
    older, newer = minutes_with_a_plan
    response = client.get("/referater/soeg/rss/", {"q": "helhedsplan"})

    feed = channel(response)
    assert feed.findtext("title") == (
        "Søgning efter “helhedsplan” i referaterne fra Almenboligudvalg Hvidovre"
    )
    assert feed.findtext("link") == "http://testserver/referater/soeg/?q=helhedsplan"
    assert (
        "Punkt 2: Boligsocial helhedsplan for Friheden "
        "(Referat – Almenboligudvalg Hvidovre den 29. maj 2018)",
        "/referater/2018-05-29/#punkt-2",
    ) in entries(response)
    links = [link for _, link in entries(response)]
    assert links[0].startswith(newer.get_absolute_url())
    assert older.get_absolute_url() + "#punkt-2" in links
    assert not [link for link in links if "2018-10-09" in link], "a draft in the feed"
    assert "Avedøre" not in response.content.decode(), "a closed item in the feed"
    item = channel(response).findall("item")[-1]
    assert item.findtext("description")
    assert item.findtext("guid").endswith("@almenbolig-hvidovre")
    assert item.findtext("pubDate")


def test_a_search_feed_of_nothing_is_a_404(client, minutes_with_a_plan):
    for query in ({}, {"q": ""}, {"q": '"-"'}, {"q": " ".join("ord" for _ in range(20))}):
        assert client.get("/referater/soeg/rss/", query).status_code == 404


def test_a_search_feed_that_finds_nothing_is_an_empty_feed(client, minutes_with_a_plan):
    response = client.get("/referater/soeg/rss/", {"q": "svømmehal"})
    assert channel(response).findall("item") == []


def test_each_search_has_its_own_cached_feed(client, minutes_with_a_plan):
    first = client.get("/referater/soeg/rss/", {"q": "helhedsplan"})
    other = client.get("/referater/soeg/rss/", {"q": "dagsorden"})
    again = client.get("/referater/soeg/rss/", {"q": "helhedsplan"})

    assert first.content == again.content != other.content


def test_the_agendas_feed_and_the_minutes_feed_hold_one_kind_each(client, make_meeting):
    minutes = make_meeting("2018-05-29", items=[{"title": "Helhedsplan"}])
    agenda = make_meeting("2018-09-11", kind="dagsorden", items=[{"title": "Budget 2019"}])

    agendas = client.get("/referater/rss/dagsordener/")
    assert channel(agendas).findtext("title") == "Dagsordener fra Almenboligudvalg Hvidovre"
    assert [link for _, link in entries(agendas)] == [agenda.get_absolute_url()]
    only_minutes = client.get("/referater/rss/referater/")
    assert [link for _, link in entries(only_minutes)] == [minutes.get_absolute_url()]
    # The feed of both is as it was.
    assert len(entries(client.get("/referater/rss/"))) == 2


def test_minutes_that_follow_an_agenda_are_dated_when_they_became_the_minutes(client, make_meeting):
    meeting = make_meeting("2018-05-29", kind="dagsorden", items=[{"title": "Helhedsplan"}])
    published(meeting, 14)
    later = make_meeting("2018-06-12")
    published(later, 7)
    with changesets.change_set(kind=RecordKind.AGENDA_TO_MINUTES):
        meeting.kind = Meeting.Kind.MINUTES
        meeting.save()

    feed = channel(client.get("/referater/rss/referater/"))
    items = feed.findall("item")
    assert [item.findtext("link") for item in items] == [
        "http://testserver/referater/2018-05-29/",
        "http://testserver/referater/2018-06-12/",
    ]
    became = Meeting.history.filter(id=meeting.pk, kind="referat").earliest("history_date")
    assert items[0].findtext("pubDate") == became.history_date.strftime(
        "%a, %d %b %Y %H:%M:%S +0000"
    )


def test_the_feeds_answer_in_few_queries(
    client, minutes_with_a_plan, make_meeting, django_assert_num_queries
):
    make_meeting("2018-10-30", kind="dagsorden", items=[{"title": "Budget 2019"}])
    client.get("/referater/")  # the committee's name, cached for every page
    # freshness, meetings, their items (and the committee's name for the title, cached)
    with django_assert_num_queries(3):
        client.get("/referater/rss/referater/")
    with django_assert_num_queries(3):
        client.get("/referater/rss/dagsordener/")
    # freshness; under the search's time limit (a savepoint and its release, and on PostgreSQL
    # the limit itself and the snippets): the newest meetings found, their hits, their votes
    with django_assert_num_queries(6 + 2 * (connection.vendor == "postgresql")):
        client.get("/referater/soeg/rss/", {"q": "helhedsplan"})
    # A rendered feed is kept until a meeting changes.
    with django_assert_num_queries(1):
        client.get("/referater/soeg/rss/", {"q": "helhedsplan"})


def test_the_pages_advertise_the_feeds(client, minutes_with_a_plan):
    archive = client.get("/referater/")
    alternates = {
        attribute(link, "href")
        for link in elements(archive, "link", rel="alternate", type="application/rss+xml")
    }
    assert {"/referater/rss/", "/referater/rss/dagsordener/", "/referater/rss/referater/"} <= (
        alternates
    )
    box = element(archive, "aside", class_="follow")
    hrefs = [attribute(a, "href") for a in elements(box, "a")]
    assert "/referater/rss/dagsordener/" in hrefs
    assert "/referater/rss/referater/" in hrefs
    assert "/abonnement/" in hrefs


def test_the_search_page_offers_to_follow_the_search(client, minutes_with_a_plan):
    page = client.get("/referater/soeg/", {"q": "boligsocial helhedsplan"})

    follow = element(page, "p", class_="search-follow")
    rss, mail = elements(follow, "a")
    assert attribute(rss, "href") == "/referater/soeg/rss/?q=boligsocial%20helhedsplan"
    assert attribute(mail, "href") == "/abonnement/?q=boligsocial%20helhedsplan"
    alternate = element(
        page, "link", rel="alternate", title="Søgning efter “boligsocial helhedsplan” (RSS)"
    )
    assert attribute(alternate, "href") == "/referater/soeg/rss/?q=boligsocial%20helhedsplan"
    assert client.get(attribute(rss, "href")).status_code == 200


def test_an_empty_feed_is_the_same_document_until_the_archive_changes(client, make_meeting):
    meeting = make_meeting("2018-05-29")
    first = client.get("/referater/rss/dagsordener/")
    assert channel(first).findall("item") == []

    caches["fragments"].clear()
    assert client.get("/referater/rss/dagsordener/").content == first.content
    meeting.refresh_from_db()
    assert channel(first).findtext("lastBuildDate") == meeting.updated_at.strftime(
        "%a, %d %b %Y %H:%M:%S +0000"
    )
