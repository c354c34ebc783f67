"""The "Citér" blocks: a ready citation of a meeting and of each item, as text to select."""

import datetime

import pytest
from django.utils import timezone

from minutes.models import Meeting
from tests.markup import element, elements, text

pytestmark = pytest.mark.django_db


def at(year, month, day, hour=12):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


@pytest.fixture
def meeting(make_meeting):
    found = make_meeting(
        "2018-05-29",
        items=[
            {"title": "Godkendelse af dagsorden", "decision": "Godkendt."},
            {"title": "Helhedsplan for Friheden", "decision": "Anbefalet."},
            {"title": "Salg af grund til navngiven køber", "is_closed": True},
        ],
    )
    Meeting.objects.filter(pk=found.pk).update(
        first_published_at=at(2018, 5, 30), corrected_at=at(2018, 6, 4)
    )
    return found


def citation(response, block_id):
    block = element(response, "details", data_citation=block_id)
    return text(element(block, "summary")), text(element(block, "p", id=block_id))


def test_the_meeting_page_cites_the_minutes_with_its_dates(client, meeting):
    response = client.get("/referater/2018-05-29/")

    assert citation(response, "citat") == (
        "Citér referatet",
        "Almenboligudvalg Hvidovre: Referat, møde 29. maj 2018. "
        "http://testserver/referater/2018-05-29/ "
        "(offentliggjort 30. maj 2018, senest rettet 4. juni 2018)",
    )


def test_each_item_on_the_meeting_page_has_its_own_citation(client, meeting):
    response = client.get("/referater/2018-05-29/")

    assert citation(response, "punkt-2-citat") == (
        "Citér punkt 2",
        "Almenboligudvalg Hvidovre: Referat, møde 29. maj 2018, "
        "punkt 2: Helhedsplan for Friheden. "
        "http://testserver/referater/2018-05-29/punkt-2/ "
        "(offentliggjort 30. maj 2018, senest rettet 4. juni 2018)",
    )
    # A closed item is cited as what the public sees of it.
    assert citation(response, "punkt-3-citat")[1].startswith(
        "Almenboligudvalg Hvidovre: Referat, møde 29. maj 2018, punkt 3: Lukket punkt. "
    )
    assert len(elements(response, "details", class_="citation")) == 4


def test_the_item_page_cites_the_item(client, meeting):
    response = client.get("/referater/2018-05-29/punkt-2/")

    assert citation(response, "citat") == (
        "Citér punkt 2",
        "Almenboligudvalg Hvidovre: Referat, møde 29. maj 2018, "
        "punkt 2: Helhedsplan for Friheden. "
        "http://testserver/referater/2018-05-29/punkt-2/ "
        "(offentliggjort 30. maj 2018, senest rettet 4. juni 2018)",
    )


def test_an_agenda_is_cited_as_a_dagsorden_never_corrected(client, make_meeting):
    found = make_meeting("2026-12-08", kind="dagsorden", items=[{"title": "Budget 2027"}])
    Meeting.objects.filter(pk=found.pk).update(
        first_published_at=at(2026, 12, 1), corrected_at=None
    )

    response = client.get("/referater/2026-12-08/")

    assert citation(response, "citat") == (
        "Citér dagsordenen",
        "Almenboligudvalg Hvidovre: Dagsorden, møde 8. december 2026. "
        "http://testserver/referater/2026-12-08/ (offentliggjort 1. december 2026)",
    )
    assert citation(response, "punkt-1-citat")[1].startswith(
        "Almenboligudvalg Hvidovre: Dagsorden, møde 8. december 2026, punkt 1: Budget 2027. "
    )


def test_the_citation_is_plain_text_and_the_copy_button_comes_from_the_sites_script(
    client, meeting
):
    response = client.get("/referater/2018-05-29/")

    block = element(response, "details", data_citation="citat")
    # Without JavaScript: text to select, and an empty status line for the script to fill.
    assert not elements(block, "button")
    # No inline script (the site's CSP forbids it): only the site's file, and JSON-LD data.
    for script in elements(response, "script"):
        attributes = dict(script.attributes)
        assert "src" in attributes or attributes["type"] == "application/ld+json"
    status = element(block, "p", class_="citation__status")
    assert dict(status.attributes)["role"] == "status"
