import datetime
import re
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils.html import strip_tags

from minutes import search
from minutes.demo import make_pdf
from minutes.models import Attachment, Meeting, SearchEntry
from minutes.search.backends import matching
from minutes.search.results import highlight

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search"
)


def results(client, q, **params):
    response = client.get("/referater/soeg/", {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def hit_titles(html):
    return re.findall(r'<h4 class="search-hit__title"><a href="([^"]*)">(.*?)</a></h4>', html)


def test_finds_an_item_by_a_word_in_its_title_and_links_to_its_anchor(client, make_meeting):
    make_meeting(
        "2018-05-29",
        items=[{"title": "Godkendelse af dagsorden"}, {"title": "Boligsocial helhedsplan"}],
    )

    html = results(client, "helhedsplan")

    assert hit_titles(html) == [
        ("/referater/2018-05-29/#punkt-2", "Punkt 2: Boligsocial <mark>helhedsplan</mark>")
    ]
    # Under its meeting, date first.
    assert (
        '<h3 class="search-meeting__title"><a href="/referater/2018-05-29/">Tirsdag den 29. maj '
        '2018 <span class="search-meeting__kind">· Referat</span></a></h3>'
    ) in html
    assert "1 resultat for “helhedsplan”" in html


def test_finds_words_in_item_sections_with_a_highlighted_snippet(client, make_meeting):
    make_meeting(
        "2018-05-29",
        items=[
            {"title": "Punkt", "case_presentation": "Afdelingen har 120 almene familieboliger."}
        ],
    )

    html = results(client, "familieboliger")

    snippet = re.search(r'<p class="search-hit__snippet">(.*?)</p>', html, re.S)[1]
    assert "<mark>familieboliger</mark>" in snippet


def test_finds_words_in_the_remarks(client, make_meeting):
    make_meeting("2018-05-29", remarks="Gæst: direktør for Hvidovrebolig.")

    html = results(client, "direktør")

    assert hit_titles(html)[0][0] == "/referater/2018-05-29/"


def test_finds_a_word_that_is_only_in_the_minutes_pdf(client, make_meeting, pdf_file):
    meeting = make_meeting("2018-05-29")
    meeting.minutes_pdf = pdf_file("Referat", "Renoveringen af Rebæk Søpark blev drøftet.")
    meeting.save()  # the text is read out of the PDF itself, nowhere else

    html = results(client, "Søpark")

    assert hit_titles(html) == [("/referater/2018-05-29/referat.pdf", "Referat 29. maj 2018 (PDF)")]
    assert "<mark>Søpark</mark>" in html


def test_finds_words_in_attachment_text_of_open_items(client, make_meeting):
    meeting = make_meeting("2018-05-29", items=[{"title": "Helhedsplan"}])
    attachment = Attachment.objects.create(
        item=meeting.items.get(),
        title="Tidsplan",
        file=SimpleUploadedFile("t.pdf", make_pdf("Tidsplan"), "application/pdf"),
    )
    Attachment.objects.filter(pk=attachment.pk).update(text="Byggeriet begynder i efteråret.")
    attachment.refresh_from_db()
    attachment.save()

    html = results(client, "efteråret")

    assert hit_titles(html) == [(attachment.get_absolute_url(), "Bilag: Tidsplan (PDF)")]
    assert '<a href="/referater/2018-05-29/#punkt-1">Bilag til punkt 1: Helhedsplan</a>' in html


def test_every_word_must_match(client, make_meeting):
    make_meeting("2018-05-29", items=[{"title": "Helhedsplan for Avedøre"}])
    make_meeting("2018-06-12", items=[{"title": "Helhedsplan for Friheden"}])

    html = results(client, "helhedsplan friheden")

    assert [url for url, _ in hit_titles(html)] == ["/referater/2018-06-12/#punkt-1"]


def test_a_title_hit_ranks_above_a_text_hit(client, make_meeting):
    make_meeting("2019-01-08", items=[{"title": "Orientering", "decision": "Om vandskade."}])
    make_meeting("2018-05-29", items=[{"title": "Vandskade i kælderen"}])

    html = results(client, "vandskade")

    assert [url for url, _ in hit_titles(html)] == [
        "/referater/2018-05-29/#punkt-1",
        "/referater/2019-01-08/#punkt-1",
    ]


def test_search_is_case_insensitive_also_for_danish_letters(client, make_meeting):
    make_meeting("2018-05-29", items=[{"title": "Ældreboliger på Åmarksvej"}])

    for q in ("ældreboliger", "ÆLDREBOLIGER", "åmarksvej"):
        assert len(hit_titles(results(client, q))) == 1, q


def test_excluded_words_and_phrases(client, make_meeting):
    make_meeting("2018-05-29", items=[{"title": "Almene boliger i Hvidovre"}])
    make_meeting("2018-06-12", items=[{"title": "Boliger og almene institutioner"}])

    phrase = hit_titles(results(client, '"almene boliger"'))
    excluded = hit_titles(results(client, "boliger -institutioner"))

    assert [url for url, _ in phrase] == ["/referater/2018-05-29/#punkt-1"]
    assert [url for url, _ in excluded] == ["/referater/2018-05-29/#punkt-1"]


def test_unpublished_meetings_are_not_searched(client, make_meeting):
    make_meeting("2018-05-29", published=False, items=[{"title": "Hemmelig helhedsplan"}])

    assert hit_titles(results(client, "helhedsplan")) == []
    assert not SearchEntry.objects.exists()


def test_publishing_indexes_and_editing_an_item_reindexes(client, make_meeting):
    meeting = make_meeting("2018-05-29", published=False, items=[{"title": "Helhedsplan"}])
    meeting.publish()
    meeting.save()
    assert len(hit_titles(results(client, "helhedsplan"))) == 1

    item = meeting.items.get()
    item.title = "Vedligeholdelsesplan"
    item.save()

    assert hit_titles(results(client, "helhedsplan")) == []
    assert len(hit_titles(results(client, "vedligeholdelsesplan"))) == 1


def test_deleting_an_item_or_a_meeting_removes_its_entries(client, make_meeting):
    meeting = make_meeting("2018-05-29", items=[{"title": "Helhedsplan"}])
    meeting.items.get().delete()
    assert hit_titles(results(client, "helhedsplan")) == []

    meeting.delete()
    assert not SearchEntry.objects.exists()


def test_snippets_and_titles_are_escaped(client, make_meeting):
    make_meeting(
        "2018-05-29",
        items=[
            {
                "title": "<script>alert(1)</script> helhedsplan",
                "decision": "<img src=x onerror=alert(2)> helhedsplan </mark><b>",
            }
        ],
    )

    html = results(client, "helhedsplan")

    assert "<script>alert" not in html
    assert "<img" not in html
    assert "<b>" not in html
    assert html.count("<mark>") == html.count("</mark>")


def test_results_are_paginated(client, committee):
    meetings = Meeting.objects.bulk_create(
        Meeting(committee=committee, date=datetime.date(2018, month, day), is_published=True)
        for month in range(1, 12)
        for day in (3, 17)
    )
    for meeting in meetings:
        meeting.remarks = "Kaffe og kage."
        meeting.save()

    first = results(client, "kaffe")
    second = results(client, "kaffe", side="2")

    # Paged by meeting, ten to a page.
    assert "22 resultater for “kaffe”" in first
    assert len(hit_titles(first)) == 10
    assert len(hit_titles(results(client, "kaffe", side="3"))) == 2
    assert 'href="?q=kaffe&amp;side=2" rel="next"' in first
    assert '<ol class="search-meetings" start="11">' in second


def test_empty_query_shows_the_form_and_tips(client, committee):
    for params in ({}, {"q": ""}, {"q": "   "}, {"q": "\x00\t"}):
        response = client.get("/referater/soeg/", params)
        html = response.content.decode()
        assert response.status_code == 200
        assert '<input id="soeg-q" type="search" name="q"' in html
        assert "Sådan søger du" in html
        assert results_heading(html) is None
        assert error_message(html) is None


def visible_text(html):
    return " ".join(unescape(strip_tags(html)).split())


def results_heading(html):
    """The text of the results heading, or None on a page without results."""
    found = re.search(r'<h2 id="resultater"[^>]*>(.*?)</h2>', html, re.S)
    return visible_text(found[1]) if found else None


def error_message(html):
    """The text of the search's error message, or None."""
    found = re.search(
        r'<div class="search-message" id="soeg-fejl" role="alert">(.*?)</div>', html, re.S
    )
    return visible_text(found[1]) if found else None


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("a" * 500, "Din søgning er for lang (500 tegn)"),
        ("helhedsplan " * 40, "Din søgning er for lang"),
        ('"', "Skriv mindst ét ord eller tal"),
        ('"""', "Skriv mindst ét ord eller tal"),
        ("!?*&%", "Skriv mindst ét ord eller tal"),
        ("-", "Skriv mindst ét ord eller tal"),
        ("& | ! ( ) : *", "Skriv mindst ét ord eller tal"),
    ],
)
def test_a_query_that_cannot_be_searched_gets_a_danish_explanation(
    client, make_meeting, q, message
):
    make_meeting("2018-05-29", items=[{"title": "Almene boliger"}])

    html = results(client, q)

    assert message in error_message(html)
    assert results_heading(html) is None
    assert "Sådan søger du" in html


@pytest.mark.parametrize(
    ("q", "heading"),
    [
        ("helhed\x00splan", "Ingen resultater for “helhed splan”"),
        ('"almene boliger', '1 resultat for “"almene boliger”'),
        ("' OR 1=1; --", "Ingen resultater for “' OR 1=1; --”"),
        ("<script>alert(1)</script>", "Ingen resultater for “<script>alert(1)</script>”"),
    ],
)
def test_odd_but_usable_queries_are_searched_and_shown_escaped(client, make_meeting, q, heading):
    make_meeting("2018-05-29", items=[{"title": "Almene boliger"}])

    html = results(client, q)

    assert results_heading(html) == heading
    assert error_message(html) is None
    assert "<script>alert" not in html


def test_query_parsing_keeps_words_phrases_and_exclusions_apart():
    query = search.Query.parse('  helhedsplan "almene  boliger" -budget\x00 "ulukket ')

    assert query.text == 'helhedsplan "almene boliger" -budget "ulukket'
    assert query.words == ["helhedsplan", "ulukket"]
    assert query.phrases == ["almene boliger"]
    assert query.excluded == ["budget"]
    assert query.is_searchable


def test_highlight_escapes_and_marks_every_term():
    html = highlight("Før <b>boliger</b> & Boliger efter", ["boliger"])

    assert html == "Før &lt;b&gt;<mark>boliger</mark>&lt;/b&gt; &amp; <mark>Boliger</mark> efter"


@on_postgres
def test_danish_stemming_finds_other_forms_of_a_word(client, make_meeting):
    make_meeting("2018-05-29", items=[{"title": "Nye boliger"}])

    assert len(hit_titles(results(client, "bolig"))) == 1
    assert len(hit_titles(results(client, "boligerne"))) == 1


@on_postgres
def test_search_uses_the_gin_index(make_meeting):
    for day in range(1, 28):
        make_meeting(f"2018-02-{day:02}", items=[{"title": f"Punkt {day}"}])
    found = matching(search.Query.parse("helhedsplan"), search.Filters())
    sql, params = found.query.sql_with_params()

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "searchentry_document" in plan


@on_postgres
def test_the_gin_index_is_over_the_stored_danish_document():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'searchentry_document'")
        (definition,) = cursor.fetchone()
        cursor.execute(
            "SELECT is_generated, generation_expression FROM information_schema.columns "
            "WHERE table_name = 'minutes_searchentry' AND column_name = 'document'"
        )
        generated, expression = cursor.fetchone()

    assert "USING gin (document)" in definition
    assert generated == "ALWAYS"
    assert "to_tsvector('danish'::regconfig" in expression


def test_saving_only_bookkeeping_fields_keeps_the_entries(make_meeting):
    meeting = make_meeting("2018-05-29", items=[{"title": "Helhedsplan"}])
    before = list(SearchEntry.objects.values_list("pk", flat=True))

    meeting.save(update_fields=["corrected_at", "updated_at"])

    assert list(SearchEntry.objects.values_list("pk", flat=True)) == before


def test_publishing_with_update_fields_indexes_the_meeting(client, make_meeting):
    meeting = make_meeting("2018-05-29", published=False, items=[{"title": "Helhedsplan"}])

    meeting.publish()
    meeting.save(update_fields=["is_published", "first_published_at"])

    assert len(hit_titles(results(client, "helhedsplan"))) == 1


def test_a_word_inside_the_committees_name_does_not_match_every_meeting(client, make_meeting):
    make_meeting("2018-05-29", items=[{"title": "Nye boliger"}])
    make_meeting("2018-06-12", items=[{"title": "Budget"}])

    assert [url for url, _ in hit_titles(results(client, "boliger"))] == [
        "/referater/2018-05-29/#punkt-1"
    ]
    assert hit_titles(results(client, "Hvidovre")) == []


def test_a_meeting_can_be_found_by_its_date_in_words(client, make_meeting):
    make_meeting("2018-05-29")
    make_meeting("2018-06-12")

    (hit,) = hit_titles(results(client, "29. maj 2018"))

    assert hit[0] == "/referater/2018-05-29/"
    assert "<mark>maj</mark>" in hit[1]
    assert hit[1].startswith("Mødet den ")
