"""Decisions as data on the meeting page: outcomes in the contents, votes, closed items' public
decisions, attachments known by title only."""

import pytest
from pytest_django.asserts import assertContains, assertInHTML, assertNotContains

from minutes.models import AgendaItem, Attachment, Vote

pytestmark = pytest.mark.django_db


def test_each_items_outcome_stands_next_to_it_in_the_contents(client, make_meeting):
    make_meeting(
        "2018-05-29",
        items=[
            {"title": "Helhedsplan for Friheden", "decision": "Anbefales.", "outcome": "anbefalet"},
            {"title": "Orientering om styringsdialog"},
        ],
    )

    response = client.get("/referater/2018-05-29/")

    assertInHTML(
        '<li value="1"><a href="#punkt-1">1. Helhedsplan for Friheden</a> '
        '<span class="outcome outcome--anbefalet">Anbefalet</span></li>',
        response.content.decode(),
    )
    assertInHTML(
        '<li value="2"><a href="#punkt-2">2. Orientering om styringsdialog</a></li>',
        response.content.decode(),
    )


def test_votes_are_shown_per_position_under_the_decision(client, make_meeting):
    meeting = make_meeting(
        "2018-05-29",
        items=[{"title": "Salg af grund", "decision": "Godkendt.", "outcome": "godkendt"}],
    )
    item = meeting.items.get()
    for party, position in [("A", "for"), ("V", "for"), ("O", "imod"), ("F", "undlod")]:
        Vote.objects.create(item=item, party=party, position=position)

    response = client.get("/referater/2018-05-29/")

    assertContains(
        response,
        """<div class="votes"><p class="votes__heading">Afstemning</p><dl>
        <div><dt>For:</dt> <dd>A, V</dd></div>
        <div><dt>Imod:</dt> <dd>O</dd></div>
        <div><dt>Undlod at stemme:</dt> <dd>F</dd></div>
        </dl></div>""",
        html=True,
    )


def test_a_party_awaiting_its_position_is_shown_after_the_votes(client, make_meeting):
    meeting = make_meeting(
        "2018-05-29",
        items=[{"title": "Udlejningsregler", "decision": "Anbefales.", "outcome": "anbefalet"}],
    )
    item = meeting.items.get()
    for party, position in [("V", "afventer"), ("A", "for"), ("O", "undlod"), ("C", "for")]:
        Vote.objects.create(item=item, party=party, position=position)

    response = client.get("/referater/2018-05-29/")

    assertContains(
        response,
        """<div class="votes"><p class="votes__heading">Afstemning</p><dl>
        <div><dt>For:</dt> <dd>A, C</dd></div>
        <div><dt>Undlod at stemme:</dt> <dd>O</dd></div>
        <div><dt>Afventer:</dt> <dd>V</dd></div>
        </dl></div>""",
        html=True,
    )


def test_a_closed_item_shows_its_public_decision_and_nothing_else(client, make_meeting):
    meeting = make_meeting(
        "2018-05-29",
        items=[
            {
                "title": "Salg af Hvidovrevej 12 til navngiven køber",
                "is_closed": True,
                "decision": "Solgt til Jensen for 2,1 mio. kr.",
                "outcome": "godkendt",
                "public_decision": "Udvalget godkendte salget.",
            }
        ],
    )
    Vote.objects.create(item=meeting.items.get(), party="A", position="for")

    response = client.get("/referater/2018-05-29/")

    assertInHTML(
        '<li value="1"><a href="#punkt-1">1. Lukket punkt</a></li>', response.content.decode()
    )
    assertContains(response, "<p>Udvalget godkendte salget.</p>", html=True)
    for secret in ("Hvidovrevej 12", "Jensen", "Godkendt", "Afstemning"):
        assertNotContains(response, secret)


def test_a_closed_item_without_a_public_decision_shows_only_its_number(client, make_meeting):
    make_meeting(
        "2018-05-29",
        items=[{"title": "Personsag", "is_closed": True, "decision": "Bevilget."}],
    )

    response = client.get("/referater/2018-05-29/")

    assertNotContains(response, "Personsag")
    assertNotContains(response, "Bevilget")
    assertNotContains(response, "Beslutning i")


def test_an_attachment_known_only_by_its_title_is_listed_without_a_link(
    client, make_meeting, pdf_file
):
    meeting = make_meeting("2018-05-29", items=[{"title": "Helhedsplan"}])
    item = meeting.items.get()
    Attachment.objects.create(item=item, title="Tidsplan for renoveringen")
    with_file = Attachment.objects.create(item=item, title="Skema A", file=pdf_file("Skema A"))

    response = client.get("/referater/2018-05-29/")

    assertContains(response, "<li>Tidsplan for renoveringen</li>", html=True)
    assertContains(
        response,
        f'<li><a href="{with_file.get_absolute_url()}">Skema A</a> '
        '<span class="meta">(PDF, 1\u00a0kB, 1\u00a0side)</span></li>',
        html=True,
    )


def test_a_title_only_attachment_is_never_served(client, make_meeting):
    meeting = make_meeting("2018-05-29", items=[{"title": "Helhedsplan"}])
    attachment = Attachment.objects.create(item=meeting.items.get(), title="Tidsplan")

    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_an_agenda_offers_the_agenda_as_pdf(client, make_meeting, pdf_file):
    make_meeting("2018-05-29", kind="dagsorden", minutes_pdf=pdf_file("Dagsorden"))

    response = client.get("/referater/2018-05-29/")

    assertContains(
        response,
        '<a class="button-link file-link" href="/referater/2018-05-29/referat.pdf">'
        'Hent dagsordenen <span class="file-link__facts">(PDF, 1\u00a0kB, 1\u00a0side)</span></a>',
        html=True,
    )


def test_outcome_choices_are_the_committees_usual_ones():
    assert [label for _, label in AgendaItem.Outcome.choices] == [
        "Godkendt",
        "Anbefalet",
        "Taget til efterretning",
        "Udsat",
        "Afvist",
        "Drøftet",
    ]
