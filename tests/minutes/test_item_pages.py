"""Items people can cite: a link on every item heading, and every item on a page of its own."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertInHTML, assertNotContains

from minutes.demo import make_pdf
from minutes.models import Attachment, Vote
from tests.markup import attribute, element, elements, text

pytestmark = pytest.mark.django_db

ITEM_URL = "/referater/2018-05-29/punkt-2/"
CSS = Path(settings.BASE_DIR, "static", "css", "site.css")


@pytest.fixture
def meeting(make_meeting):
    found = make_meeting(
        "2018-05-29",
        items=[
            {"title": "Godkendelse af dagsorden", "decision": "Godkendt.", "outcome": "godkendt"},
            {
                "title": "Helhedsplan for Friheden",
                "decision_theme": "Udvalget skal tage stilling til helhedsplanen for Friheden.",
                "recommendation": "Administrationen indstiller, at helhedsplanen anbefales.",
                "decision": "Anbefalet over for Kommunalbestyrelsen.",
                "case_presentation": "Planen omfatter 420 boliger i afdeling 7.",
                "outcome": "anbefalet",
            },
            {
                "title": "Salg af Hvidovrevej 12 til navngiven køber",
                "is_closed": True,
                "decision": "Solgt til Jensen for 2,1 mio. kr.",
                "outcome": "godkendt",
                "public_decision": "Udvalget godkendte salget.",
            },
        ],
    )
    item = found.items.get(number=2)
    for party, position in [("A", "for"), ("F", "for"), ("O", "for"), ("Ø", "imod")]:
        Vote.objects.create(item=item, party=party, position=position)
    Attachment.objects.create(
        item=item,
        title="Helhedsplan, oversigt",
        file=SimpleUploadedFile("h.pdf", make_pdf("Helhedsplan"), "application/pdf"),
    )
    found.refresh_from_db()
    return found


# The meeting page: a link on every heading, a highlight for the item a link points to.


def test_every_item_heading_carries_a_link_to_itself_and_to_its_own_page(client, meeting):
    response = client.get("/referater/2018-05-29/")

    for number in (1, 2, 3):
        section = element(response, "section", id=f"punkt-{number}")
        assertInHTML(
            f'<p class="agenda-item__links"><a href="#punkt-{number}">Link til punkt {number}</a>'
            f' · <a href="/referater/2018-05-29/punkt-{number}/">'
            f"Punkt {number} på sin egen side</a></p>",
            str(section),
        )


def test_an_item_reached_by_its_anchor_shows_its_meeting_and_is_highlighted(client, meeting):
    response = client.get("/referater/2018-05-29/")

    section = element(response, "section", id="punkt-2")
    context = element(section, "p", class_="agenda-item__context")
    assert text(context) == "Referat – Almenboligudvalg Hvidovre den 29. maj 2018"
    css = CSS.read_text()
    # Shown, tinted and barred only for the item the address points to; framed in forced colours.
    assert ".agenda-item:target .agenda-item__context { display: block; }" in css
    assert re.search(r"\.agenda-item:target \{[^}]*border-left: 6px solid var\(--accent\)", css)
    forced = css[css.index("@media (forced-colors: active)") :]
    assert ".agenda-item:target { border: 4px solid Highlight; }" in forced


def test_votes_without_a_decision_text_are_shown_with_the_outcome(client, make_meeting):
    found = make_meeting(
        "2018-06-26",
        items=[{"title": "Udlejningsaftale med BO-VEST", "outcome": "godkendt"}],
    )
    for party, position in [("A", "for"), ("V", "for"), ("Ø", "imod")]:
        Vote.objects.create(item=found.items.get(), party=party, position=position)

    for url in ("/referater/2018-06-26/", "/referater/2018-06-26/punkt-1/"):
        assertContains(
            client.get(url),
            '<p class="agenda-item__outcome">Udfald: <span class="outcome outcome--godkendt">'
            'Godkendt</span> <span class="agenda-item__votes">(For: A, V · Imod: Ø)</span></p>',
            html=True,
        )


# The item's own page.


def test_item_page_shows_the_item_in_full_with_its_meetings_facts(client, meeting):
    response = client.get(ITEM_URL)

    assert response.status_code == 200
    assertContains(response, "<h1>2. Helhedsplan for Friheden</h1>", html=True)
    facts = element(response, "dl", class_="facts")
    assert [text(row) for row in elements(facts, "div")] == [
        "Udvalg Almenboligudvalg Hvidovre",
        "Dato Tirsdag den 29. maj 2018",
        "Mødetidspunkt Kl. 17:00",
        "Mødested Rådhuset, mødelokale 1",
        "Punkt 2",
    ]
    assert [text(h) for h in elements(response, "h2")][1:] == [
        "Beslutningstema",
        "Indstilling",
        "Beslutning i Almenboligudvalg Hvidovre den 29-05-2018",
        "Sagsfremstilling",
        "Bilag",
        "Kontakt",
    ]
    assertContains(response, "<p>Planen omfatter 420 boliger i afdeling 7.</p>", html=True)
    assertContains(
        response,
        '<p class="agenda-item__outcome">Udfald: '
        '<span class="outcome outcome--anbefalet">Anbefalet</span></p>',
        html=True,
    )
    votes = element(response, "div", class_="votes")
    assert text(votes) == "Afstemning For: A, F, O Imod: Ø"
    attachment = Attachment.objects.get()
    assertContains(
        response,
        f'<a href="/referater/2018-05-29/bilag/{attachment.pk}.pdf">Helhedsplan, oversigt</a>',
        html=True,
    )
    assertContains(
        response,
        '<a href="/referater/2018-05-29/#punkt-2">'
        'Se punkt 2 i hele referatet fra <span class="nowrap">29. maj 2018</span></a>',
        html=True,
    )
    # Nothing of the other items.
    assertNotContains(response, "Godkendelse af dagsorden")
    assertNotContains(response, "Hvidovrevej 12")


def test_item_page_has_its_own_title_description_preview_and_canonical(client, meeting):
    response = client.get(ITEM_URL)

    assertContains(
        response,
        "<title>Punkt 2: Helhedsplan for Friheden – Referat 29. maj 2018 – "
        "Almenboligudvalg Hvidovre – Hvidovre Kommune</title>",
        html=True,
    )
    url = f"http://testserver{ITEM_URL}"
    assert attribute(element(response, "link", rel="canonical"), "href") == url
    assert attribute(element(response, "meta", property="og:url"), "content") == url
    assert attribute(element(response, "meta", property="og:type"), "content") == "article"
    assert attribute(element(response, "meta", property="og:title"), "content") == (
        "Punkt 2: Helhedsplan for Friheden – Referat – Almenboligudvalg Hvidovre den 29. maj 2018"
    )
    assert attribute(element(response, "meta", property="og:image"), "content") == (
        f"{url}billede.png"
    )
    description = attribute(element(response, "meta", name="description"), "content")
    # The outcome and the votes first, then what was decided, then the meeting.
    assert description == (
        "Anbefalet. For: A, F, O · Imod: Ø. Anbefalet over for Kommunalbestyrelsen. "
        "Punkt 2 i referatet fra mødet i Almenboligudvalg Hvidovre den 29. maj 2018."
    )
    assert attribute(element(response, "meta", property="og:description"), "content") == (
        description
    )


def test_a_closed_items_page_shows_only_what_the_meeting_page_shows_of_it(client, meeting):
    response = client.get("/referater/2018-05-29/punkt-3/")

    assert response.status_code == 200
    assertContains(response, "<h1>3. Lukket punkt</h1>", html=True)
    assertContains(response, "<p>Udvalget godkendte salget.</p>", html=True)
    for secret in ("Hvidovrevej 12", "Jensen", "Godkendt", "2,1 mio"):
        assertNotContains(response, secret)
    assert attribute(element(response, "meta", property="og:title"), "content").startswith(
        "Punkt 3: Lukket punkt – "
    )


def test_a_closed_item_without_a_public_decision_says_it_is_closed(client, make_meeting):
    make_meeting("2018-05-29", items=[{"title": "Personsag", "is_closed": True, "decision": "X"}])

    response = client.get("/referater/2018-05-29/punkt-1/")

    assertContains(response, "<h1>1. Lukket punkt</h1>", html=True)
    assertContains(response, "<p>Punktet er lukket. Indholdet offentliggøres ikke.</p>", html=True)
    assertNotContains(response, "Personsag")


@pytest.mark.parametrize(
    "url",
    [
        "/referater/2018-05-29/punkt-4/",
        "/referater/2018-05-29/punkt-0/",
        "/referater/2018-05-29/punkt-99999999999999999999999/",
        "/referater/2018-05-29/punkt-x/",
        "/referater/2018-05-30/punkt-1/",
        "/referater/2018-02-30/punkt-1/",
        "/referater/2018-05-29/punkt-99999999999999999999999/billede.png",
    ],
)
def test_an_item_that_is_not_there_is_a_404(client, meeting, url):
    assert client.get(url).status_code == 404


def test_a_draft_meetings_items_are_404_to_the_public_and_a_preview_for_clerks(
    client, make_meeting, clerk
):
    make_meeting("2018-05-29", published=False, items=[{"title": "Udkast til helhedsplan"}])

    assert client.get("/referater/2018-05-29/punkt-1/").status_code == 404
    assert client.get("/referater/2018-05-29/punkt-1/billede.png").status_code == 404

    client.force_login(clerk)
    response = client.get("/referater/2018-05-29/punkt-1/")
    assert response.status_code == 200
    assertContains(response, "Forhåndsvisning – mødet er ikke offentliggjort")
    assertContains(response, '<meta name="robots" content="noindex">', html=True)
    assert not elements(response, "link", rel="canonical")
    assert "no-cache" in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_an_old_date_redirects_to_the_item_at_the_new_date(client, meeting):
    meeting.date = datetime.date(2018, 5, 30)
    meeting.save()

    response = client.get(ITEM_URL)

    assert response.status_code == 301
    assert response["Location"] == "/referater/2018-05-30/punkt-2/"
    image = client.get(f"{ITEM_URL}billede.png")
    assert image.status_code == 301
    assert image["Location"] == "/referater/2018-05-30/punkt-2/billede.png"


def test_an_item_page_answers_a_repeat_visit_with_304(client, meeting):
    client.get(ITEM_URL)
    first = client.get(ITEM_URL)

    again = client.get(ITEM_URL, headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304


def test_an_item_page_costs_a_fixed_number_of_queries(
    client, meeting, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the page as rendered, not as kept in the page cache
    client.get(ITEM_URL)
    client.get(ITEM_URL)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(ITEM_URL).status_code == 200
    total = len(captured)
    own = [q["sql"] for q in captured if "minutes_" in q["sql"] or "committee_" in q["sql"]]
    # validators, meeting + committee, the item, its attachments, its votes
    assert len(own) == 5

    for n in range(5):
        Attachment.objects.create(
            item=meeting.items.get(number=2),
            title=f"Bilag {n}",
            file=SimpleUploadedFile("b.pdf", make_pdf("Bilag"), "application/pdf"),
        )
    client.get(ITEM_URL)
    with django_assert_num_queries(total):
        assert client.get(ITEM_URL).status_code == 200


def test_the_sitemap_lists_every_open_item_of_published_meetings(client, meeting, make_meeting):
    make_meeting("2018-06-26", published=False, items=[{"title": "Udkast"}])

    body = client.get("/sitemap.xml").content.decode()

    for number in (1, 2):
        assert f"<loc>http://testserver/referater/2018-05-29/punkt-{number}/</loc>" in body
    assert "/referater/2018-05-29/punkt-3/" not in body
    assert "/referater/2018-06-26/punkt-1/" not in body
