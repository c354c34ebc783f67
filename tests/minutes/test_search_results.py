"""The search page at archive scale: hits grouped by meeting, filters, sort, the date jump,
titles that say what a hit is, outcomes, bad filter values, the statement timeout, and a fixed
number of queries however many meetings match."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains

from minutes.demo import make_pdf
from minutes.models import Attachment, Meeting, SearchEntry, Vote
from tests.markup import attribute, element, elements, text

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's statement timeout"
)


def search(client, q, **params):
    response = client.get("/referater/soeg/", {"q": q, **params})
    assert response.status_code == 200, response.status_code
    return response


def unmarked(response):
    """The page without its highlighting: "helhedsplan<mark>en</mark>" read as one word."""
    return response.content.decode().replace("<mark>", "").replace("</mark>", "")


def meetings(response):
    """Each meeting in the results: (its heading, [the titles of its hits, in order])."""
    return [
        (
            text(element(found, "h3", class_="search-meeting__title")),
            [text(title) for title in elements(found, class_="search-hit__title")],
        )
        for found in elements(unmarked(response), "li", class_="search-meeting")
    ]


def headings(response):
    return [heading for heading, _ in meetings(response)]


@pytest.fixture
def archive(make_meeting, pdf_file):
    """Three meetings over two years that all speak of the helhedsplan, in different places."""
    first = make_meeting(
        "2020-10-13",
        items=[
            {"title": "Godkendelse af dagsorden", "outcome": "godkendt"},
            {"title": "Helhedsplan for Avedøre Stationsby", "outcome": "anbefalet"},
            {"title": "Orientering", "decision": "Helhedsplanen blev drøftet kort."},
        ],
    )
    first.minutes_pdf = pdf_file("Referat", "Udvalget anbefalede helhedsplanen for Avedøre.")
    first.save()
    Vote.objects.create(item=first.items.get(number=2), party="A", position=Vote.Position.FOR)
    Vote.objects.create(item=first.items.get(number=2), party="O", position=Vote.Position.AGAINST)
    second = make_meeting(
        "2021-10-12",
        items=[{"title": "Status på renoveringen", "case_presentation": "Helhedsplan i gang."}],
    )
    attachment = Attachment.objects.create(
        item=second.items.get(),
        title="Tidsplan for helhedsplanen",
        file=SimpleUploadedFile("t.pdf", make_pdf("Tidsplan", ["Byggeriet begynder."])),
    )
    make_meeting("2021-03-09", items=[{"title": "Budget 2022"}])
    return {"first": first, "second": second, "attachment": attachment}


def test_hits_are_grouped_under_their_meeting_with_its_date_first(client, archive):
    response = search(client, "helhedsplan", sortering="dato")

    assert meetings(response) == [
        (
            "Tirsdag den 12. oktober 2021 · Referat",
            ["Bilag: Tidsplan for helhedsplanen (PDF)", "Punkt 1: Status på renoveringen"],
        ),
        (
            "Tirsdag den 13. oktober 2020 · Referat",
            [
                "Punkt 2: Helhedsplan for Avedøre Stationsby",
                "Referat 13. oktober 2020 (PDF)",
                "Punkt 3: Orientering",
            ],
        ),
    ]
    assertContains(response, "Fra 2 møder")


def test_each_title_says_what_the_hit_is_and_where_it_leads(client, archive):
    response = search(client, "Avedøre")

    hits = {
        text(title): attribute(element(title, "a"), "href")
        for title in elements(unmarked(response), "h4", class_="search-hit__title")
    }
    assert hits == {
        "Punkt 2: Helhedsplan for Avedøre Stationsby": "/referater/2020-10-13/#punkt-2",
        "Referat 13. oktober 2020 (PDF)": "/referater/2020-10-13/referat.pdf",
    }
    assertNotContains(response, "Referatet som PDF")


def test_an_attachment_hit_leads_to_the_file_and_names_its_item(client, archive):
    response = search(client, "tidsplan")

    title = element(unmarked(response), "h4", class_="search-hit__title")
    assert text(title) == "Bilag: Tidsplan for helhedsplanen (PDF)"
    assert attribute(element(title, "a"), "href") == archive["attachment"].get_absolute_url()
    assertContains(
        response,
        '<p class="search-hit__context meta"><a href="/referater/2021-10-12/#punkt-1">'
        "Bilag til punkt 1: Status på renoveringen</a></p>",
        html=True,
    )


def test_an_item_hit_shows_its_outcome_and_votes(client, archive):
    response = search(client, "Stationsby")

    assertContains(
        response,
        '<p class="search-hit__outcome meta"><strong>Anbefalet</strong>. For: A. Imod: O</p>',
        html=True,
    )


def test_a_closed_items_outcome_and_votes_are_never_shown(client, make_meeting):
    meeting = make_meeting(
        "2020-10-13",
        items=[{"title": "Grund til salg", "is_closed": True, "outcome": "godkendt"}],
    )
    Vote.objects.create(item=meeting.items.get(), party="A", position=Vote.Position.FOR)

    response = search(client, "grund")

    assert meetings(response) == []
    assertNotContains(response, "Godkendt")


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"aar": "2021"}, ["Punkt 1: Budget 2022"]),
        ({"aar": "2020"}, []),
        ({"type": "punkt", "aar": "2021"}, ["Punkt 1: Budget 2022"]),
        ({"type": "bilag", "aar": "2021"}, []),
    ],
)
def test_year_and_type_filters_narrow_the_hits(client, archive, params, titles):
    response = search(client, "budget", **params)

    assert [t for _, hits in meetings(response) for t in hits] == titles


def test_the_type_filter_keeps_only_that_kind_of_hit(client, archive):
    kinds = {}
    for kind in ("punkt", "bilag", "pdf"):
        found = search(client, ["helhedsplanen", "Avedøre", "tidsplan"][0], type=kind)
        kinds[kind] = [t for _, hits in meetings(found) for t in hits]

    assert all(t.startswith("Punkt ") for t in kinds["punkt"])
    assert all(t.startswith("Bilag: ") for t in kinds["bilag"])
    assert all(t.endswith("(PDF)") and t.startswith("Referat ") for t in kinds["pdf"])
    assert kinds["pdf"] == ["Referat 13. oktober 2020 (PDF)"]


def test_the_filters_are_offered_with_danish_labels_and_keep_their_values(client, archive):
    response = search(client, "budget", aar="2021", type="punkt", sortering="dato")

    form = element(response, "form", class_="search-form")
    assert text(element(form, "legend")) == "Afgræns og sortér"
    assert [text(o) for o in elements(element(form, "select", name="type"), "option")] == [
        "Alle typer",
        "Dagsordenspunkter",
        "Bilag",
        "Referater som PDF",
    ]
    assert [text(o) for o in elements(element(form, "select", name="aar"), "option")] == [
        "Alle år",
        "2021",
        "2020",
    ]
    selected = [
        attribute(option, "value")
        for option in elements(form, "option")
        if "selected" in dict(option.attributes)
    ]
    assert selected == ["2021", "punkt", "dato"]


def test_sort_by_relevance_or_by_date(client, make_meeting):
    make_meeting("2019-01-08", items=[{"title": "Orientering", "decision": "Om vandskade."}])
    make_meeting("2018-05-29", items=[{"title": "Vandskade i kælderen"}])
    make_meeting("2020-02-04", items=[{"title": "Budget", "decision": "Vandskade nævnt."}])

    by_relevance = headings(search(client, "vandskade"))
    by_date = headings(search(client, "vandskade", sortering="dato"))

    assert by_relevance[0] == "Tirsdag den 29. maj 2018 · Referat"
    assert by_date == [
        "Tirsdag den 4. februar 2020 · Referat",
        "Tirsdag den 8. januar 2019 · Referat",
        "Tirsdag den 29. maj 2018 · Referat",
    ]


def test_pagination_is_by_meeting_and_keeps_the_filters(client, committee):
    created = Meeting.objects.bulk_create(
        Meeting(committee=committee, date=datetime.date(2019, month, day), is_published=True)
        for month in range(1, 12)
        for day in (1, 15)
    )
    for meeting in created:
        meeting.remarks = "Kaffe og kage."
        meeting.save()

    first = search(client, "kaffe", aar="2019", sortering="dato")
    third = search(client, "kaffe", aar="2019", sortering="dato", side="3")

    assert len(meetings(first)) == 10
    assert headings(first)[0] == "Fredag den 15. november 2019 · Referat"
    assertContains(first, 'href="?q=kaffe&amp;aar=2019&amp;sortering=dato&amp;side=2" rel="next"')
    assert len(meetings(third)) == 2
    assertContains(third, '<ol class="search-meetings" start="21">')


def test_many_hits_in_one_meeting_show_the_best_with_snippets_and_the_rest_by_title(
    client, make_meeting
):
    make_meeting(
        "2018-05-29",
        items=[
            {"title": f"Kloakering etape {n}", "decision": "Kloakering godkendt."}
            for n in (1, 2, 3, 4, 5)
        ],
    )

    response = search(client, "kloakering")

    group = element(response, "li", class_="search-meeting")
    assert len(elements(group, "p", class_="search-hit__snippet")) == 3
    more = element(unmarked(response), "ul", class_="search-more")
    assert [text(link) for link in elements(more, "a")] == [
        "Punkt 4: Kloakering etape 4",
        "Punkt 5: Kloakering etape 5",
    ]
    assertContains(response, "2 fund mere på mødet:")


@pytest.mark.parametrize("q", ["12. oktober 2021", "12.10.2021", "2021-10-12", "12 okt. 2021"])
def test_a_date_leads_to_the_meeting_and_text_hits_are_still_shown(client, archive, q):
    response = search(client, q)

    jump = element(response, "div", class_="search-date")
    assert text(jump) == (
        "Mødet den 12. oktober 2021: Referat – Almenboligudvalg Hvidovre den 12. oktober 2021"
    )
    assert attribute(element(jump, "a"), "href") == "/referater/2021-10-12/"
    assert element(response, "h2", id="resultater")


def test_a_date_in_words_also_finds_the_meeting_among_the_hits(client, archive):
    response = search(client, "12. oktober 2021")

    assert "Tirsdag den 12. oktober 2021 · Referat" in headings(response)


def test_a_date_without_a_meeting_says_so_and_points_to_the_year(client, archive):
    response = search(client, "13.10.2021")

    assert text(element(response, "div", class_="search-date")).startswith(
        "Der er ikke offentliggjort et møde den 13. oktober 2021. Se møderne i 2021"
    )
    assertContains(response, '<a href="/referater/2021/">Se møderne i 2021</a>', html=True)


def test_an_unpublished_meeting_is_no_date_jump(client, make_meeting, archive):
    make_meeting("2022-01-11", published=False)

    response = search(client, "11.01.2022")

    assert "Der er ikke offentliggjort et møde" in text(
        element(response, "div", class_="search-date")
    )


def test_a_date_that_does_not_exist_is_searched_as_text(client, archive):
    response = search(client, "30.02.2021")

    assert elements(response, "div", class_="search-date") == []


@pytest.mark.parametrize(
    "params",
    [
        {"aar": "abc"},
        {"aar": "1999"},
        {"aar": "20211"},
        {"aar": "٢٠٢١"},
        {"type": "moede"},
        {"type": "PDF"},
        {"sortering": "navn"},
        {"side": "0"},
        {"side": "99"},
        {"side": "-1"},
        {"side": "1.5"},
    ],
)
def test_unknown_filter_values_and_pages_are_a_404(client, archive, params):
    response = client.get("/referater/soeg/", {"q": "helhedsplan", **params})

    assert response.status_code == 404


def test_empty_filter_values_mean_everything(client, archive):
    response = search(client, "budget", aar="", type="", sortering="")

    assert len(meetings(response)) == 1


def test_a_query_that_finds_nothing_under_a_filter_offers_to_search_without_it(client, archive):
    response = search(client, "budget", aar="2020", type="punkt")

    assertContains(response, '<a href="?q=budget">søg uden afgrænsning</a>', html=True)


def slow_statements(seconds):
    """Let every query of the search's count take `seconds` first, as at archive scale."""

    def wrapper(execute, sql, params, many, context):
        if "COUNT(" in sql and "minutes_searchentry" in sql:
            execute(f"SELECT pg_sleep({seconds})", None, False, context)
        return execute(sql, params, many, context)

    return connection.execute_wrapper(wrapper)


@on_postgres
def test_a_search_that_takes_too_long_is_cut_off_with_a_danish_message(client, archive, settings):
    settings.SEARCH_TIMEOUT_MS = 50

    with slow_statements(5):
        started = datetime.datetime.now()
        response = client.get("/referater/soeg/", {"q": "helhedsplan"})
        took = datetime.datetime.now() - started

    assert response.status_code == 503
    assert took < datetime.timedelta(seconds=2)
    assert text(element(response, id="soeg-fejl")).startswith(
        "Fejl: Søgningen tog for lang tid og blev afbrudt."
    )
    assert element(response, "title")
    assert "no-store" in response["Cache-Control"]
    assert response["Retry-After"]
    # The form is still there to search more precisely, and the next search answers.
    assert element(response, "input", id="soeg-q")
    assert meetings(search(client, "helhedsplan"))


@on_postgres
def test_the_statement_timeout_holds_only_inside_the_search(client, archive, settings):
    settings.SEARCH_TIMEOUT_MS = 1234
    seen = []

    def wrapper(execute, sql, params, many, context):
        if "COUNT(" in sql and "minutes_searchentry" in sql:
            seen.append(context["cursor"].connection.execute("SHOW statement_timeout").fetchone())
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        search(client, "helhedsplan")

    assert seen == [("1234ms",)]


def add_matching_meetings(committee, count, start=datetime.date(2000, 1, 4)):
    """`count` published meetings, each with hits of every kind for "kaffe"."""
    created = Meeting.objects.bulk_create(
        Meeting(
            committee=committee,
            date=start + datetime.timedelta(weeks=n),
            is_published=True,
            remarks="Kaffe.",
        )
        for n in range(count)
    )
    Kind = SearchEntry.Kind
    SearchEntry.objects.bulk_create(
        SearchEntry(
            meeting=meeting,
            meeting_date=meeting.date,
            kind=kind,
            title=title,
            body="Der blev serveret kaffe.",
        )
        for meeting in created
        for kind, title in ((Kind.MEETING, "dato"), (Kind.MINUTES_PDF, ""))
    )


def count_search_queries(client, url):
    # The first page tells the visitor about cookies, the second is their first count.
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url",
    [
        "/referater/soeg/?q=kaffe",
        "/referater/soeg/?q=kaffe&sortering=dato",
        "/referater/soeg/?q=kaffe&type=pdf&side=2",
        "/referater/soeg/?q=29.05.2018",
    ],
)
def test_a_search_costs_the_same_queries_with_2_and_400_matching_meetings(
    client, make_meeting, committee, url
):
    make_meeting("2018-05-29", remarks="Kaffe.", items=[{"title": "Kaffe", "outcome": "godkendt"}])
    add_matching_meetings(committee, 11)
    few = count_search_queries(client, url)

    add_matching_meetings(committee, 389, start=datetime.date(1990, 1, 2))

    assert count_search_queries(client, url) == few


@on_postgres
def test_a_search_costs_the_same_queries_at_2000_meetings(client, make_meeting, committee):
    make_meeting("2018-05-29", remarks="Kaffe.", items=[{"title": "Kaffe"}])
    add_matching_meetings(committee, 11)
    few = count_search_queries(client, "/referater/soeg/?q=kaffe")

    add_matching_meetings(committee, 1989, start=datetime.date(1960, 1, 5))

    assert count_search_queries(client, "/referater/soeg/?q=kaffe") == few
    assertContains(client.get("/referater/soeg/?q=kaffe"), "Fra 2001 møder")


def test_only_the_shown_hits_get_a_headline_and_ranking_reads_the_stored_vector(
    client, make_meeting, committee
):
    make_meeting("2018-05-29", remarks="Kaffe.")
    add_matching_meetings(committee, 30)

    with CaptureQueriesContext(connection) as captured:
        search(client, "kaffe")

    statements = [q["sql"] for q in captured.captured_queries]
    assert not any("to_tsvector" in sql for sql in statements)
    headlines = [sql for sql in statements if "ts_headline" in sql]
    if connection.vendor == "postgresql":
        (headline,) = headlines
        # The ten meetings of the page, at most three hits each: nine with two, the newest
        # (2018) with one, by id.
        ids = re.search(r'"minutes_searchentry"\."id" IN \(([^)]*)\)', headline)[1]
        assert len(ids.split(",")) == 19
    else:
        assert headlines == []
