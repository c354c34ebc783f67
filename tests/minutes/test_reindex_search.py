import io

import pytest
from django.core.management import call_command
from django.db import connection

from minutes.models import AgendaItem, Meeting, SearchEntry

pytestmark = pytest.mark.django_db


def reindex():
    out = io.StringIO()
    call_command("reindex_search", stdout=out)
    return out.getvalue()


def indexed_titles():
    return set(SearchEntry.objects.values_list("title", flat=True))


def test_reindex_finds_what_a_bulk_update_hid_from_search(search_hits, make_meeting):
    meeting = make_meeting("2018-05-29", items=[{"title": "Helhedsplan"}])
    # update() sends no signals: the search table still has the old title.
    AgendaItem.objects.filter(meeting=meeting).update(title="Udlejningsaftale for Friheden")
    assert search_hits("udlejningsaftale") == []
    assert len(search_hits("helhedsplan")) == 1

    output = reindex()

    assert [title for title in search_hits("udlejningsaftale") if "Udlejningsaftale" in title]
    assert search_hits("helhedsplan") == []
    assert "1 offentliggjort møde," in output


def test_reindex_leaves_unpublished_meetings_and_closed_items_out(make_meeting):
    # Published with an open item when saved, so both are in the search table ...
    unpublished = make_meeting("2018-05-29", items=[{"title": "Kladde"}])
    make_meeting(
        "2018-06-26",
        items=[{"title": "Åbent"}, {"title": "Hemmeligt", "decision": "Hemmelig beslutning"}],
    )
    assert {"Kladde", "Åbent", "Hemmeligt"} <= indexed_titles()
    # ... then unpublished and closed with update(), which sends no signals: the entries stay.
    Meeting.objects.filter(pk=unpublished.pk).update(is_published=False)
    AgendaItem.objects.filter(title="Hemmeligt").update(is_closed=True)
    assert {"Kladde", "Hemmeligt"} <= indexed_titles()

    output = reindex()

    titles = indexed_titles()
    assert "Åbent" in titles
    assert "Kladde" not in titles
    assert "Hemmeligt" not in titles
    assert not SearchEntry.objects.filter(meeting=unpublished).exists()
    assert not SearchEntry.objects.filter(body__contains="Hemmelig beslutning").exists()
    assert "1 offentliggjort møde," in output


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's own compression (14 and later)"
)
def test_the_search_table_keeps_its_vectors_inline_and_compresses_with_lz4():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage, attcompression FROM pg_attribute "
            "WHERE attrelid = 'minutes_searchentry'::regclass "
            "AND attname IN ('document', 'title_document', 'body')"
        )
        stored = {name: (storage, compression) for name, storage, compression in cursor}
    # m: inline where the row allows (main), x: compressed, then moved out (extended); l: lz4.
    assert stored == {
        "document": ("m", "l"),
        "title_document": ("m", ""),
        "body": ("x", "l"),
    }


def index_file(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT relfilenode FROM pg_class WHERE relname = %s", [name])
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="VACUUM and REINDEX: PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_reindex_outside_a_transaction_vacuums_and_builds_the_text_index_anew():
    before = index_file("searchentry_document")

    output = reindex()

    assert "Tabellen er ryddet op og dens tekstindeks bygget på ny." in output
    assert index_file("searchentry_document") != before


def test_reindex_in_a_transaction_leaves_vacuum_and_the_index_alone(make_meeting):
    make_meeting("2018-05-29", items=[{"title": "Helhedsplan"}])

    output = reindex()

    assert "1 offentliggjort møde," in output
    assert "ryddet op" not in output
