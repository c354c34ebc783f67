import io

import pytest
from django.core.management import call_command

from minutes.models import AgendaItem, Meeting, SearchEntry

pytestmark = pytest.mark.django_db


def search_page(client, q):
    return client.get("/referater/soeg/", {"q": q}).content.decode()


def test_reindex_finds_what_a_bulk_update_hid_from_search(client, make_meeting):
    meeting = make_meeting("2018-05-29", items=[{"title": "Helhedsplan"}])
    # update() sends no signals: the search table still has the old title.
    AgendaItem.objects.filter(meeting=meeting).update(title="Udlejningsaftale for Friheden")
    assert "Udlejningsaftale" not in search_page(client, "udlejningsaftale")

    out = io.StringIO()
    call_command("reindex_search", stdout=out)

    assert "Udlejningsaftale" in search_page(client, "udlejningsaftale")
    assert "1 offentliggjort møde," in out.getvalue()


def test_reindex_leaves_unpublished_meetings_and_closed_items_out(make_meeting):
    make_meeting("2018-05-29", published=False, items=[{"title": "Kladde"}])
    make_meeting(
        "2018-06-26",
        items=[{"title": "Åbent"}, {"title": "Hemmeligt", "is_closed": True, "decision": "Nej"}],
    )
    Meeting.objects.filter(date="2018-05-29").update(is_published=False)

    call_command("reindex_search", stdout=io.StringIO())

    titles = list(SearchEntry.objects.values_list("title", flat=True))
    assert "Åbent" in titles
    assert "Kladde" not in titles
    assert "Hemmeligt" not in titles
    assert not SearchEntry.objects.filter(meeting__date="2018-05-29").exists()
