import datetime
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from committee.models import Member
from minutes.demo import make_pdf
from minutes.models import Attachment, Participant

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


def section(html, heading_id):
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_meeting_is_at_its_date_url_with_the_municipalitys_title(client, full_meeting):
    response = client.get("/referater/2018-05-29/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Referat – Almenboligudvalg Hvidovre den 29. maj 2018</h1>" in html
    assert "<title>Referat – Almenboligudvalg Hvidovre den 29. maj 2018 – Hvidovre Kommune" in html


def test_meeting_facts_show_weekday_date_time_and_place(client, full_meeting):
    html = client.get("/referater/2018-05-29/").content.decode()

    facts = section(html, "moedefakta")
    assert "<dt>Dato</dt><dd>Tirsdag den 29. maj 2018</dd>" in facts
    assert "<dt>Mødetidspunkt</dt><dd>Kl. 17:00</dd>" in facts
    assert "<dt>Mødested</dt><dd>Rådhuset, mødelokale 1</dd>" in facts


def test_members_present_and_absent_are_listed_with_party_letters(client, full_meeting):
    html = client.get("/referater/2018-05-29/").content.decode()

    present = section(html, "medlemmer")
    absent = section(html, "afbud")
    assert "<li>Helle M. Adelborg (A)</li><li>Bente Berg (V)</li>" in present
    assert "Carl Cort" not in present
    assert ">Fraværende med afbud</h2>" in absent
    assert "<li>Carl Cort (C)</li>" in absent
    assert "stedfortræder for Carl Cort (C)." in section(html, "bemaerkninger")


def test_table_of_contents_links_to_each_item_anchor(client, full_meeting):
    html = client.get("/referater/2018-05-29/").content.decode()

    toc = html[html.index('id="indholdsfortegnelse"') : html.index("</nav>", html.index("toc"))]
    assert '<a href="#punkt-1">1. Godkendelse af dagsorden</a>' in toc
    assert '<a href="#punkt-2">2. Helhedsplan for Avedøre Stationsby</a>' in toc
    assert '<a href="#punkt-3">3. Lukket punkt</a>' in toc
    for number in (1, 2, 3):
        assert f'id="punkt-{number}"' in html


def test_item_sections_come_in_the_municipalitys_order_with_the_decision_heading(
    client, full_meeting
):
    html = client.get("/referater/2018-05-29/").content.decode()

    item = html[html.index('id="punkt-2"') : html.index('id="punkt-3"')]
    assert '<h2 id="punkt-2-titel">2. Helhedsplan for Avedøre Stationsby</h2>' in item
    headings = re.findall(r"<h3>(.*?)</h3>", item)
    assert headings == [
        "Beslutningstema",
        "Indstilling",
        "Beslutning i Almenboligudvalg Hvidovre den 29-05-2018",
        "Sagsfremstilling",
        "Økonomiske konsekvenser",
        "Bilag",
    ]
    assert "<p>Indstillingen blev godkendt.</p>" in item


def test_attachments_link_to_their_stable_url(client, full_meeting):
    attachment = Attachment.objects.get()

    html = client.get("/referater/2018-05-29/").content.decode()

    url = f"/referater/2018-05-29/bilag/{attachment.pk}.pdf"
    assert attachment.get_absolute_url() == url
    assert f'<a href="{url}">Helhedsplan, oversigt</a>' in html


def test_closed_item_shows_only_its_number_and_lukket_punkt(client, full_meeting):
    html = client.get("/referater/2018-05-29/").content.decode()

    closed = html[html.index('id="punkt-3"') : html.index("</section>", html.index('id="punkt-3"'))]
    assert '<h2 id="punkt-3-titel">3. Lukket punkt</h2>' in closed
    assert "Køb af grund" not in html
    assert "<h3>" not in closed


def test_pdf_link_and_publication_dates_are_shown(client, full_meeting, pdf_file):
    full_meeting.minutes_pdf = pdf_file("Referat")
    full_meeting.first_published_at = timezone.make_aware(datetime.datetime(2018, 6, 1, 9, 0))
    full_meeting.save()
    corrected = timezone.make_aware(datetime.datetime(2018, 6, 3, 10, 15))
    type(full_meeting).objects.filter(pk=full_meeting.pk).update(corrected_at=corrected)

    html = client.get("/referater/2018-05-29/").content.decode()

    assert (
        '<a class="button-link" href="/referater/2018-05-29/referat.pdf">Hent referatet som PDF</a>'
        in html
    )
    assert "<p>Offentliggjort 1. juni 2018</p>" in html
    assert "<p>Senest rettet 3. juni 2018 kl. 10:15</p>" in html


def test_never_corrected_meeting_does_not_say_corrected(client, make_meeting):
    make_meeting("2018-05-29")

    html = client.get("/referater/2018-05-29/").content.decode()

    assert "Offentliggjort " in html
    assert "Senest rettet" not in html


def test_agenda_is_titled_dagsorden(client, make_meeting):
    make_meeting("2018-05-29", kind="dagsorden")

    html = client.get("/referater/2018-05-29/").content.decode()

    assert "<h1>Dagsorden – Almenboligudvalg Hvidovre den 29. maj 2018</h1>" in html


def test_link_previews_have_opengraph_tags(client, full_meeting):
    html = client.get("/referater/2018-05-29/").content.decode()

    url = "http://testserver/referater/2018-05-29/"
    assert '<meta property="og:type" content="article">' in html
    assert (
        '<meta property="og:title" content="Referat – Almenboligudvalg Hvidovre den 29. maj 2018">'
    ) in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:locale" content="da_DK">' in html
    assert '<meta property="og:site_name" content="Almenboligudvalg Hvidovre">' in html
    description = re.search(r'<meta property="og:description" content="([^"]*)">', html)[1]
    assert description.startswith("Referat fra mødet tirsdag den 29. maj 2018 kl. 17:00")
    assert "2. Helhedsplan for Avedøre Stationsby" in description
    assert f'<link rel="canonical" href="{url}">' in html


def test_schema_org_event_describes_the_meeting(client, full_meeting):
    html = client.get("/referater/2018-05-29/").content.decode()

    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    event = json.loads(raw)
    assert event["@type"] == "Event"
    assert event["name"] == "Referat – Almenboligudvalg Hvidovre den 29. maj 2018"
    assert event["startDate"] == "2018-05-29T17:00:00+02:00"
    assert event["location"] == {
        "@type": "Place",
        "name": "Rådhuset, mødelokale 1",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Hvidovre",
            "addressCountry": "DK",
        },
    }
    assert event["organizer"]["name"] == "Almenboligudvalg Hvidovre"
    assert event["url"] == "http://testserver/referater/2018-05-29/"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"


def test_meeting_without_start_time_gives_a_date_only_event(client, make_meeting):
    make_meeting("2018-05-29", start_time=None)

    html = client.get("/referater/2018-05-29/").content.decode()

    assert "Mødetidspunkt" not in html
    assert '"startDate": "2018-05-29"' in html


def test_json_ld_cannot_be_broken_out_of(client, make_meeting):
    make_meeting(
        "2018-05-29",
        place="</script><script>alert(1)</script>",
        items=[{"title": "</script><script>alert(2)</script> & co"}],
    )

    html = client.get("/referater/2018-05-29/").content.decode()

    assert "<script>alert" not in html
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    assert json.loads(raw)["location"]["name"] == "</script><script>alert(1)</script>"
