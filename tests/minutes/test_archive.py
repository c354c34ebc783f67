import datetime

import pytest
from django.utils import timezone

from minutes.models import Meeting

pytestmark = pytest.mark.django_db


def bulk_meetings(committee, count, start=datetime.date(2010, 1, 5)):
    """`count` published meetings a week apart, without signals (fast)."""
    now = timezone.now()
    Meeting.objects.bulk_create(
        Meeting(
            committee=committee,
            date=start + datetime.timedelta(weeks=n),
            is_published=True,
            first_published_at=now,
        )
        for n in range(count)
    )


def test_published_meeting_appears_in_archive_with_danish_date_kind_and_links(
    client, make_meeting, pdf_file
):
    meeting = make_meeting("2018-05-29")
    meeting.minutes_pdf = pdf_file("Referatets tekst")
    meeting.save()

    html = client.get("/referater/").content.decode()

    assert (
        '<a class="meeting-row__date" href="/referater/2018-05-29/">Tirsdag den 29. maj 2018</a>'
        in html
    )
    assert '<span class="meeting-row__kind">Referat</span>' in html
    assert 'href="/referater/2018-05-29/referat.pdf"' in html


def test_archive_groups_meetings_by_year_newest_first(client, make_meeting):
    make_meeting("2017-03-07")
    make_meeting("2018-05-29")
    make_meeting("2018-01-09", kind=Meeting.Kind.AGENDA)

    html = client.get("/referater/").content.decode()

    positions = [html.index(f'id="aar-{year}"') for year in (2018, 2017)]
    assert positions == sorted(positions)
    dates = ["Tirsdag den 29. maj 2018", "Tirsdag den 9. januar 2018", "Tirsdag den 7. marts 2017"]
    assert [html.index(d) for d in dates] == sorted(html.index(d) for d in dates)
    assert '<span class="meeting-row__kind">Dagsorden</span>' in html


def test_archive_has_year_navigation_to_each_year_with_meetings(client, make_meeting):
    make_meeting("2017-03-07")
    make_meeting("2019-02-05")

    html = client.get("/referater/").content.decode()

    assert '<a href="/referater/2019/">2019</a>' in html
    assert '<a href="/referater/2017/">2017</a>' in html
    assert "/referater/2018/" not in html


def test_meeting_without_pdf_has_no_pdf_link(client, make_meeting):
    make_meeting("2018-05-29")

    html = client.get("/referater/").content.decode()

    assert "referat.pdf" not in html


def test_unpublished_meetings_are_left_out_of_archive_and_year(client, make_meeting):
    make_meeting("2018-05-29")
    make_meeting("2018-06-12", published=False)

    for url in ("/referater/", "/referater/2018/"):
        html = client.get(url).content.decode()
        assert "29. maj 2018" in html
        assert "12. juni 2018" not in html


def test_empty_archive_says_so(client, committee):
    response = client.get("/referater/")

    assert response.status_code == 200
    assert "Der er endnu ikke offentliggjort referater her." in response.content.decode()


def test_archive_is_paginated_with_side_parameter(client, committee):
    bulk_meetings(committee, 60)

    first = client.get("/referater/").content.decode()
    second = client.get("/referater/?side=2").content.decode()

    assert first.count('class="meeting-row"') == 50
    assert second.count('class="meeting-row"') == 10
    assert 'href="?side=2" rel="next"' in first
    assert "Side 2 af 2" in second
    assert "Tirsdag den 5. januar 2010" in second


@pytest.mark.parametrize("page", ["0", "3", "abc", "-1", "1.5", "9" * 30])
def test_bad_or_missing_page_numbers_are_404(client, committee, page):
    bulk_meetings(committee, 60)

    assert client.get("/referater/", {"side": page}).status_code == 404


def test_year_page_lists_only_that_year(client, make_meeting):
    make_meeting("2018-05-29")
    make_meeting("2017-03-07")

    response = client.get("/referater/2018/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Referater fra 2018</h1>" in html
    assert "Tirsdag den 29. maj 2018" in html
    assert "7. marts 2017" not in html
    assert '<span aria-current="page">2018</span>' in html
    assert '<a href="/referater/2017/">2017</a>' in html


def test_year_without_published_meetings_is_404(client, make_meeting):
    make_meeting("2018-05-29")
    make_meeting("2016-05-31", published=False)

    assert client.get("/referater/2017/").status_code == 404
    assert client.get("/referater/2016/").status_code == 404


def test_minutes_pages_advertise_the_feed_and_calendar(client, make_meeting):
    make_meeting("2018-05-29")

    for url in ("/referater/", "/referater/2018/", "/referater/2018-05-29/", "/referater/soeg/"):
        html = client.get(url).content.decode()
        assert (
            '<link rel="alternate" type="application/rss+xml" '
            'title="Referater fra Almenboligudvalg Hvidovre (RSS)" href="/referater/rss/">'
        ) in html, url
        assert 'type="text/calendar"' in html, url


def test_nav_marks_the_minutes_section_as_current(client, make_meeting):
    make_meeting("2018-05-29")

    archive = client.get("/referater/2018-05-29/").content.decode()
    search = client.get("/referater/soeg/").content.decode()

    assert '<a href="/referater/" aria-current="page">Referater</a>' in archive
    assert '<a href="/referater/soeg/" aria-current="page">Søg</a>' in search
    assert '<a href="/referater/">Referater</a>' in search
