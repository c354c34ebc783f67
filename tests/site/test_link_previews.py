"""Link previews: OpenGraph and a canonical address on every public page, and the pictures the
site draws for meetings and items."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from minutes import preview
from tests.markup import attribute, element, elements

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(make_meeting):
    return make_meeting(
        "2018-05-29",
        items=[
            {"title": "Helhedsplan for Friheden", "decision": "Anbefalet.", "outcome": "anbefalet"},
            {"title": "Salg af Hvidovrevej 12 til navngiven køber", "is_closed": True},
        ],
    )


def opengraph(response):
    return {
        attribute(tag, "property"): attribute(tag, "content")
        for tag in elements(response, "meta")
        if dict(tag.attributes).get("property", "").startswith("og:")
    }


PAGES = [
    # (address, og:type, og:title, what the description starts with)
    ("/", "website", "Almenboligudvalg Hvidovre", "Almenboligudvalg Hvidovre: udvalgets opgaver"),
    ("/referater/", "website", "Referater", "Referater og dagsordener fra møderne"),
    ("/referater/2018/", "website", "Referater fra 2018", "Referater og dagsordener fra møderne"),
    (
        "/referater/2018-05-29/",
        "article",
        "Referat – Almenboligudvalg Hvidovre den 29. maj 2018",
        "1. Helhedsplan for Friheden (Anbefalet); 2. Lukket punkt. Referat fra mødet",
    ),
    (
        "/referater/2018-05-29/punkt-1/",
        "article",
        "Punkt 1: Helhedsplan for Friheden – Referat – Almenboligudvalg Hvidovre den 29. maj 2018",
        # The decision says no more than the outcome: said once.
        "Anbefalet. Punkt 1 i referatet fra mødet i Almenboligudvalg Hvidovre den 29. maj 2018.",
    ),
    ("/referater/soeg/", "website", "Søg i referaterne", "Søg i referater"),
    ("/referater/rettelser/", "website", "Rettelser i referaterne", "Alt, der er rettet"),
    ("/referater/2018-05-29/rettelser/", "website", "Rettelser – Referat", "Hvad der er rettet"),
    ("/cookies/", "website", "Cookies og statistik", "Cookiepolitik for"),
    ("/tilgaengelighed/", "website", "Tilgængelighedserklæring", "Tilgængelighedserklæring for"),
]


@pytest.mark.parametrize(("url", "og_type", "title", "description"), PAGES)
def test_every_public_page_has_opengraph_and_a_canonical_address(
    client, meeting, url, og_type, title, description
):
    response = client.get(url)

    assert response.status_code == 200
    tags = opengraph(response)
    canonical = f"http://testserver{url}"
    assert attribute(element(response, "link", rel="canonical"), "href") == canonical
    assert tags["og:url"] == canonical
    assert tags["og:type"] == og_type
    assert tags["og:title"].startswith(title), tags["og:title"]
    assert tags["og:description"].startswith(description), tags["og:description"]
    assert tags["og:description"] == attribute(
        element(response, "meta", name="description"), "content"
    )
    assert tags["og:locale"] == "da_DK"
    assert tags["og:site_name"] == "Almenboligudvalg Hvidovre"


def test_a_search_is_its_own_address_and_a_list_page_keeps_its_page_number(client, meeting):
    searched = client.get("/referater/soeg/", {"q": "helhedsplan", "utm_source": "nyhedsbrev"})
    assert attribute(element(searched, "link", rel="canonical"), "href") == (
        "http://testserver/referater/soeg/?q=helhedsplan"
    )


def test_meetings_and_items_have_a_preview_picture_the_others_do_not(client, meeting):
    page = opengraph(client.get("/referater/2018-05-29/"))
    item = opengraph(client.get("/referater/2018-05-29/punkt-1/"))
    archive = opengraph(client.get("/referater/"))

    assert page["og:image"] == "http://testserver/referater/2018-05-29/billede.png"
    assert item["og:image"] == "http://testserver/referater/2018-05-29/punkt-1/billede.png"
    assert (page["og:image:width"], page["og:image:height"]) == ("1200", "630")
    assert item["og:image:alt"] == (
        "Punkt 1: Helhedsplan for Friheden – Referat – Almenboligudvalg Hvidovre den 29. maj 2018"
    )
    assert "og:image" not in archive


def test_error_pages_have_no_canonical_address_or_preview(client, meeting):
    response = client.get("/referater/2018-05-30/")

    assert response.status_code == 404
    assert not elements(response, "link", rel="canonical")
    assert not opengraph(response)


@pytest.mark.parametrize(
    "url", ["/referater/2018-05-29/billede.png", "/referater/2018-05-29/punkt-1/billede.png"]
)
def test_the_preview_picture_is_a_png_of_1200_by_630_in_the_sites_blue(client, meeting, url):
    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    picture = Image.open(io.BytesIO(response.content))
    assert picture.format == "PNG"
    assert picture.size == (1200, 630)
    # The header's blue (--brand) fills it, the accent's yellow (--accent) edges it.
    rgb = picture.convert("RGB")
    assert rgb.getpixel((600, 600)) == (0x00, 0x50, 0x7A)
    assert rgb.getpixel((600, 5)) == (0xFF, 0xD2, 0x4A)


def test_the_preview_picture_answers_a_repeat_with_304_and_changes_with_the_meeting(
    client, meeting
):
    url = "/referater/2018-05-29/punkt-1/billede.png"
    first = client.get(url)

    repeat = client.get(url, headers={"if-none-match": first["ETag"]})
    assert repeat.status_code == 304

    item = meeting.items.get(number=1)
    item.title = "Helhedsplan for Friheden og Rebæk Søpark"
    item.save()
    changed = client.get(url, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert changed.content != first.content


def test_an_items_picture_differs_from_the_meetings_and_a_closed_items_shows_no_title(
    client, meeting
):
    meeting_picture = client.get("/referater/2018-05-29/billede.png").content
    open_item = client.get("/referater/2018-05-29/punkt-1/billede.png").content
    closed_item = client.get("/referater/2018-05-29/punkt-2/billede.png").content

    assert len({meeting_picture, open_item, closed_item}) == 3
    # A closed item's picture is drawn from its public title only: drawn again after its real
    # title changed, it is the same picture.
    item = meeting.items.get(number=2)
    item.title = "Et helt andet hemmeligt emne"
    item.save()
    assert client.get("/referater/2018-05-29/punkt-2/billede.png").content == closed_item


def test_preview_pictures_are_drawn_once_per_version(client, meeting, monkeypatch):
    drawn = []
    original = preview.draw
    monkeypatch.setattr(preview, "draw", lambda *args: drawn.append(args) or original(*args))

    for _ in range(3):
        client.get("/referater/2018-05-29/billede.png")

    assert len(drawn) == 1


def test_a_preview_picture_costs_three_queries_at_most(client, meeting):
    for url, expected in [
        ("/referater/2018-05-29/billede.png", 2),  # validators, meeting + committee
        ("/referater/2018-05-29/punkt-1/billede.png", 3),  # validators, meeting, the item
    ]:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        own = [q["sql"] for q in captured if "minutes_" in q["sql"] or "committee_" in q["sql"]]
        assert len(own) == expected, url
