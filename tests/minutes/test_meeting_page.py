import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pytest_django.asserts import assertContains, assertInHTML

from committee.models import Member
from minutes.demo import make_pdf
from minutes.models import Attachment, Participant
from minutes.presentation import long_date
from tests.markup import attribute, element, elements, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_meeting(make_meeting, committee):
    meeting = make_meeting(
        "2018-05-29",
        remarks="Bente Berg (V) deltog som stedfortræder for Carl Cort (C).",
        items=[
            {
                "title": "Godkendelse af dagsorden",
                "decision": "Godkendt.",
            },
            {
                "title": "Helhedsplan for Avedøre Stationsby",
                "decision_theme": "Udvalget skal tage stilling til helhedsplanen.",
                "recommendation": "Administrationen indstiller, at planen godkendes.",
                "decision": "Indstillingen blev godkendt.",
                "case_presentation": "Planen omfatter 1.200 boliger.",
                "economic_consequences": "Ingen.",
            },
            {"title": "Køb af grund", "is_closed": True, "decision": "Tiltrådt."},
        ],
    )
    chair = Member.objects.create(committee=committee, name="Helle M. Adelborg", party="A")
    Participant.objects.create(meeting=meeting, member=chair, position=1)
    Participant.objects.create(meeting=meeting, name="Bente Berg", party="V", position=2)
    Participant.objects.create(
        meeting=meeting, name="Carl Cort", party="C", status=Participant.Status.ABSENT
    )
    item = meeting.items.get(number=2)
    Attachment.objects.create(
        item=item,
        title="Helhedsplan, oversigt",
        file=SimpleUploadedFile("plan.pdf", make_pdf("Plan"), "application/pdf"),
    )
    return meeting


def meeting_page(client):
    response = client.get("/referater/2018-05-29/")
    assert response.status_code == 200
    return response


def event(response):
    """The schema.org Event in the page's JSON-LD, as a search engine reads it."""
    return json.loads(text(element(response, "script", type="application/ld+json")))


def test_meeting_is_at_its_date_url_with_the_municipalitys_title(client, full_meeting):
    response = meeting_page(client)

    assertContains(
        response,
        '<h1>Referat – Almenboligudvalg Hvidovre den <span class="nowrap">29. maj 2018</span></h1>',
        html=True,
    )
    assertContains(
        response,
        "<title>Referat 29. maj 2018 – Almenboligudvalg Hvidovre – Hvidovre Kommune</title>",
        html=True,
    )


def test_meeting_facts_show_weekday_date_time_and_place(client, full_meeting):
    response = meeting_page(client)

    assertContains(
        response,
        '<dl class="facts">'
        '<div><dt>Dato</dt><dd><span class="nowrap">Tirsdag den 29. maj 2018</span></dd></div>'
        "<div><dt>Mødetidspunkt</dt><dd>Kl. 17:00</dd></div>"
        "<div><dt>Mødested</dt><dd>Rådhuset, mødelokale 1</dd></div>"
        "</dl>",
        html=True,
    )


def test_members_present_and_absent_are_listed_with_party_letters(client, full_meeting):
    response = meeting_page(client)

    assertContains(
        response,
        '<section aria-labelledby="medlemmer"><h2 id="medlemmer">Medlemmer</h2>'
        '<ul class="plain-list"><li>Helle M. Adelborg (A)</li><li>Bente Berg (V)</li></ul>'
        "</section>",
        html=True,
    )
    assertContains(
        response,
        '<section aria-labelledby="afbud"><h2 id="afbud">Fraværende med afbud</h2>'
        '<ul class="plain-list"><li>Carl Cort (C)</li></ul></section>',
        html=True,
    )
    remarks = element(response, "section", aria_labelledby="bemaerkninger")
    assert "stedfortræder for Carl Cort (C)." in text(remarks)


def test_table_of_contents_links_to_each_item_anchor(client, full_meeting):
    response = meeting_page(client)

    assertContains(
        response,
        '<ol class="toc__list">'
        '<li value="1"><a href="#punkt-1">1. Godkendelse af dagsorden</a></li>'
        '<li value="2"><a href="#punkt-2">2. Helhedsplan for Avedøre Stationsby</a></li>'
        '<li value="3"><a href="#punkt-3">3. Lukket punkt</a></li>'
        "</ol>",
        html=True,
    )
    for number in (1, 2, 3):
        assert element(response, "section", id=f"punkt-{number}")


def test_item_sections_come_in_the_municipalitys_order_with_the_decision_heading(
    client, full_meeting
):
    item = element(meeting_page(client), "section", id="punkt-2")

    assertInHTML('<h2 id="punkt-2-titel">2. Helhedsplan for Avedøre Stationsby</h2>', str(item))
    assert [text(heading) for heading in elements(item, "h3")] == [
        "Beslutningstema",
        "Indstilling",
        "Beslutning i Almenboligudvalg Hvidovre den 29-05-2018",
        "Sagsfremstilling",
        "Økonomiske konsekvenser",
        "Bilag",
    ]
    assertInHTML("<p>Indstillingen blev godkendt.</p>", str(item))


def test_attachments_link_to_their_stable_url(client, full_meeting):
    attachment = Attachment.objects.get()

    response = meeting_page(client)

    url = f"/referater/2018-05-29/bilag/{attachment.pk}.pdf"
    assert attachment.get_absolute_url() == url
    assertContains(response, f'<a href="{url}">Helhedsplan, oversigt</a>', html=True)


def test_closed_item_shows_only_its_number_and_lukket_punkt(client, full_meeting):
    response = meeting_page(client)

    section = element(response, "section", id="punkt-3")
    assert attribute(section, "class") == "agenda-item agenda-item--closed"
    today = long_date(timezone.localdate())
    # Everything the section says: its meeting, number, "Lukket punkt", its links and citation.
    assert text(section) == (
        "Referat – Almenboligudvalg Hvidovre den 29. maj 2018 "
        "3. Lukket punkt "
        "Link til punkt 3 · Punkt 3 på sin egen side "
        "Citér punkt 3 "
        "Almenboligudvalg Hvidovre: Referat, møde 29. maj 2018, punkt 3: Lukket punkt. "
        "http://testserver/referater/2018-05-29/punkt-3/ "
        f"(offentliggjort {today}, senest rettet {today}) "
        "Til indholdsfortegnelsen"
    )
    assert "Køb af grund" not in response.content.decode()


def test_pdf_link_and_publication_dates_are_shown(client, full_meeting, pdf_file):
    full_meeting.minutes_pdf = pdf_file("Referat")
    full_meeting.first_published_at = timezone.make_aware(datetime.datetime(2018, 6, 1, 9, 0))
    full_meeting.save()
    corrected = timezone.make_aware(datetime.datetime(2018, 6, 3, 10, 15))
    type(full_meeting).objects.filter(pk=full_meeting.pk).update(corrected_at=corrected)

    response = meeting_page(client)

    assertContains(
        response,
        '<a class="button-link file-link" href="/referater/2018-05-29/referat.pdf">'
        'Hent referatet <span class="file-link__facts">(PDF, 1\u00a0kB, 1\u00a0side)</span></a>',
        html=True,
    )
    assertContains(response, "<p>Offentliggjort 1. juni 2018</p>", html=True)
    assertContains(
        response,
        "<p>Rettet 3. juni 2018 kl. 10:15 – "
        '<a href="/referater/2018-05-29/rettelser/">se hvad der er rettet</a></p>',
        html=True,
    )


def test_never_corrected_meeting_does_not_say_corrected(client, make_meeting):
    make_meeting("2018-05-29")

    html = meeting_page(client).content.decode()

    assert "Offentliggjort " in html
    assert "Rettet " not in html
    assert "/rettelser/" not in html


def test_agenda_is_titled_dagsorden(client, make_meeting):
    make_meeting("2018-05-29", kind="dagsorden")

    response = meeting_page(client)

    assertContains(
        response,
        '<h1>Dagsorden – Almenboligudvalg Hvidovre den <span class="nowrap">29. maj 2018</span>'
        "</h1>",
        html=True,
    )


def test_link_previews_have_opengraph_tags(client, full_meeting):
    response = meeting_page(client)

    url = "http://testserver/referater/2018-05-29/"
    for tag in (
        '<meta property="og:type" content="article">',
        '<meta property="og:title" content="Referat – Almenboligudvalg Hvidovre den 29. maj 2018">',
        f'<meta property="og:url" content="{url}">',
        '<meta property="og:locale" content="da_DK">',
        '<meta property="og:site_name" content="Almenboligudvalg Hvidovre">',
        f'<link rel="canonical" href="{url}">',
    ):
        assertContains(response, tag, html=True)
    description = attribute(element(response, "meta", property="og:description"), "content")
    # What was on the agenda comes first, then when and where.
    assert description == (
        "1. Godkendelse af dagsorden; 2. Helhedsplan for Avedøre Stationsby; 3. Lukket punkt. "
        "Referat fra mødet tirsdag den 29. maj 2018 kl. 17:00, Rådhuset, mødelokale 1."
    )


def test_schema_org_event_describes_the_meeting(client, full_meeting):
    found = event(meeting_page(client))

    assert found["@type"] == "Event"
    assert found["name"] == "Referat – Almenboligudvalg Hvidovre den 29. maj 2018"
    assert found["startDate"] == "2018-05-29T17:00:00+02:00"
    assert found["location"] == {
        "@type": "Place",
        "name": "Rådhuset, mødelokale 1",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Hvidovre",
            "addressCountry": "DK",
        },
    }
    assert found["organizer"]["name"] == "Almenboligudvalg Hvidovre"
    assert found["url"] == "http://testserver/referater/2018-05-29/"
    assert found["eventStatus"] == "https://schema.org/EventScheduled"


def test_meeting_without_start_time_gives_a_date_only_event(client, make_meeting):
    make_meeting("2018-05-29", start_time=None)

    response = meeting_page(client)

    assert "Mødetidspunkt" not in response.content.decode()
    assert event(response)["startDate"] == "2018-05-29"


def test_json_ld_cannot_be_broken_out_of(client, make_meeting):
    make_meeting(
        "2018-05-29",
        place="</script><script>alert(1)</script>",
        items=[{"title": "</script><script>alert(2)</script> & co"}],
    )

    response = meeting_page(client)

    assert "<script>alert" not in response.content.decode()
    assert event(response)["location"]["name"] == "</script><script>alert(1)</script>"
