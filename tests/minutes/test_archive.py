import datetime

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertInHTML

from minutes.models import Meeting
from tests.markup import attribute, element, elements, text

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

    response = client.get("/referater/")

    assertContains(
        response,
        '<a class="meeting-row__date" href="/referater/2018-05-29/">Tirsdag den 29. maj 2018</a>',
        html=True,
    )
    assertContains(response, '<span class="meeting-row__kind">Referat</span>', html=True)
    assertContains(
        response,
        '<a class="meeting-row__pdf" href="/referater/2018-05-29/referat.pdf">'
        "PDF, 1\u00a0kB, 1\u00a0side"
        '<span class="visually-hidden">: referat fra tirsdag den 29. maj 2018</span></a>',
        html=True,
    )


def test_archive_groups_meetings_by_year_newest_first(client, make_meeting):
    make_meeting("2017-03-07")
    make_meeting("2018-05-29")
    make_meeting("2018-01-09", kind=Meeting.Kind.AGENDA)

    response = client.get("/referater/")

    years = elements(response, "section", class_="meeting-year")
    assert [text(element(year, "h2")) for year in years] == ["2018", "2017"]
    assert [
        [text(a) for a in elements(year, "a", class_="meeting-row__date")] for year in years
    ] == [
        ["Tirsdag den 29. maj 2018", "Tirsdag den 9. januar 2018"],
        ["Tirsdag den 7. marts 2017"],
    ]
    assertContains(response, '<span class="meeting-row__kind">Dagsorden</span>', html=True)


def test_archive_has_year_navigation_to_each_year_with_meetings(client, make_meeting):
    make_meeting("2017-03-07")
    make_meeting("2019-02-05")

    response = client.get("/referater/")

    year_nav = element(response, "nav", class_="year-nav")
    assert [(attribute(a, "href"), text(a)) for a in elements(year_nav, "a")] == [
        ("/referater/2019/", "2019"),
        ("/referater/2017/", "2017"),
    ]
    assert "/referater/2018/" not in response.content.decode()


def test_meeting_without_pdf_has_no_pdf_link(client, make_meeting):
    make_meeting("2018-05-29")

    response = client.get("/referater/")

    assert [text(row) for row in elements(response, "li", class_="meeting-row")] == [
        "Tirsdag den 29. maj 2018 Referat"
    ]
    assert not elements(response, "a", class_="meeting-row__pdf")
    assert "referat.pdf" not in response.content.decode()


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

    first = client.get("/referater/")
    second = client.get("/referater/?side=2")

    assert len(elements(first, "li", class_="meeting-row")) == 50
    assert len(elements(second, "li", class_="meeting-row")) == 10
    assertContains(
        first,
        '<a href="?side=2" rel="next">Næste<span class="visually-hidden"> side</span></a>',
        html=True,
    )
    assertContains(second, "Side 2 af 2")
    assertContains(second, "Tirsdag den 5. januar 2010")


@pytest.mark.parametrize("page", ["0", "3", "abc", "-1", "1.5", "9" * 30])
def test_bad_or_missing_page_numbers_are_404(client, committee, page):
    bulk_meetings(committee, 60)

    assert client.get("/referater/", {"side": page}).status_code == 404


def test_year_page_lists_only_that_year(client, make_meeting):
    make_meeting("2018-05-29")
    make_meeting("2017-03-07")

    response = client.get("/referater/2018/")

    assert response.status_code == 200
    assertContains(response, "<h1>Referater fra 2018</h1>", html=True)
    assertContains(response, "Tirsdag den 29. maj 2018")
    assert "7. marts 2017" not in response.content.decode()
    year_nav = element(response, "nav", class_="year-nav")
    assertInHTML(
        '<ul><li><span aria-current="page">2018</span></li>'
        '<li><a href="/referater/2017/">2017</a></li></ul>',
        str(year_nav),
    )


def test_year_without_published_meetings_is_404(client, make_meeting):
    make_meeting("2018-05-29")
    make_meeting("2016-05-31", published=False)

    assert client.get("/referater/2017/").status_code == 404
    assert client.get("/referater/2016/").status_code == 404


def test_minutes_pages_advertise_the_feed_and_calendar(client, make_meeting):
    make_meeting("2018-05-29")

    for url in ("/referater/", "/referater/2018/", "/referater/2018-05-29/", "/referater/soeg/"):
        response = client.get(url)
        assertContains(
            response,
            '<link rel="alternate" type="application/rss+xml" '
            'title="Referater fra Almenboligudvalg Hvidovre (RSS)" href="/referater/rss/">',
            html=True,
            msg_prefix=url,
        )
        assertContains(
            response,
            '<link rel="alternate" type="text/calendar" '
            'title="Møder i Almenboligudvalg Hvidovre (kalender)" href="/referater/kalender.ics">',
            html=True,
            msg_prefix=url,
        )


def test_nav_marks_the_minutes_section_as_current(client, make_meeting):
    make_meeting("2018-05-29")

    archive = client.get("/referater/2018-05-29/")
    search = client.get("/referater/soeg/")

    assertContains(archive, '<a href="/referater/" aria-current="page">Referater</a>', html=True)
    assertContains(archive, '<a href="/referater/soeg/">Søg</a>', html=True)
    assertContains(search, '<a href="/referater/soeg/" aria-current="page">Søg</a>', html=True)
    assertContains(search, '<a href="/referater/">Referater</a>', html=True)


ITEMS = [
    {"title": "Godkendelse af dagsorden"},
    {"title": "Helhedsplan for Friheden"},
    {"title": "Salg af grund til boligselskab", "is_closed": True},
    {"title": "Boligsocial indsats"},
    {"title": "Eventuelt"},
]


def rows(response):
    return elements(response, "li", class_="meeting-row")


@pytest.mark.parametrize("path", ["/referater/", "/referater/2018/", "/"])
def test_rows_show_the_first_item_titles_and_how_many_more(client, make_meeting, path):
    make_meeting("2018-05-29", items=[dict(item) for item in ITEMS])

    (row,) = rows(client.get(path))

    titles = [text(li) for li in elements(element(row, "ol", class_="meeting-row__items"), "li")]
    assert titles == [
        "1. Godkendelse af dagsorden",
        "2. Helhedsplan for Friheden",
        "3. Lukket punkt",
    ]
    assert text(element(row, "p", class_="meeting-row__more")) == "og 2 punkter mere"


@pytest.mark.parametrize("path", ["/referater/", "/referater/2018/", "/"])
def test_a_closed_items_title_never_reaches_a_list_of_meetings(client, make_meeting, path):
    make_meeting("2018-05-29", items=[{"title": "Køb af Hvidovrevej 12", "is_closed": True}])

    html = client.get(path).content.decode()

    assert "Køb af Hvidovrevej 12" not in html
    assert "1. Lukket punkt" in html


def test_a_meeting_without_items_has_no_list_of_them(client, make_meeting):
    make_meeting("2018-05-29")

    (row,) = rows(client.get("/referater/"))

    assert not elements(row, "ol")


def test_a_coming_meeting_is_marked_as_coming_in_the_rows(client, make_meeting):
    coming = timezone.localdate() + datetime.timedelta(days=7)
    make_meeting(coming, kind=Meeting.Kind.AGENDA)
    make_meeting("2018-05-29")

    marks = [
        [text(mark) for mark in elements(row, "strong", class_="meeting-row__upcoming")]
        for row in rows(client.get("/referater/"))
    ]

    assert marks == [["Kommende møde"], []]
